using System.Text.RegularExpressions;
using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Api;

/// <summary>Events: the timeline, filtered by actor and date range.</summary>
internal static partial class EventsApi
{
    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex IsoPrefix();

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/events", (string? actor, string? from, string? to, int? limit, IStore store) =>
        {
            if (!WebApp.Limit(limit, 200, 2000, out int n, out var problem)) return problem!;
            if (from is not null && !IsoPrefix().IsMatch(from)) return WebApp.BadParameter("from", "a date YYYY, YYYY-MM or YYYY-MM-DD");
            if (to is not null && !IsoPrefix().IsMatch(to)) return WebApp.BadParameter("to", "a date YYYY, YYYY-MM or YYYY-MM-DD");
            var list = store.Timeline(new TimelineFilter { Actor = actor, From = from, To = to, Limit = n });
            return Results.Ok(list.Select(Event));
        }).WithName("Events").WithSummary("Dated events in order, by actor and date range");

        app.MapGet("/api/relations", (string? a, string? b, string? by, bool? ordered, int? limit, IStore store) =>
        {
            if (string.IsNullOrWhiteSpace(a)) return WebApp.BadParameter("a", "an actor (name or id) is needed");
            if (string.IsNullOrWhiteSpace(b)) return WebApp.BadParameter("b", "an actor (name or id) is needed");
            if (by is not (null or "month" or "week")) return WebApp.BadParameter("by", "month or week");
            if (!WebApp.Limit(limit, 200, 2000, out int n, out var problem)) return problem!;
            var r = store.Relation(a, b, by ?? "month", ordered ?? false, n);
            return Results.Ok(new
            {
                first = new { id = Dossier.Store.Sqlite.SqliteStore.CanonicalId(r.FirstId), name = r.FirstName },
                second = new { id = Dossier.Store.Sqlite.SqliteStore.CanonicalId(r.SecondId), name = r.SecondName },
                ordered = r.Ordered, by = r.By,
                points = r.Points.Select(p => new
                {
                    period = p.Period, events = p.Events, goldsteinSum = p.GoldsteinSum, goldsteinMean = p.GoldsteinMean,
                    cooperative = p.Cooperative, conflictual = p.Conflictual, eventIds = p.EventIds,
                }),
                events = r.Events.Select(Event),
            });
        }).WithName("Relation").WithSummary("Events between two actors by month or week, with Goldstein sums and means, and the events behind each point");
    }

    internal static object Event(TimelineEvent e) => new
    {
        id = e.EventId, date = e.Date, dateFromPublication = e.DateFromPublication, cameo = e.Cameo, plover = e.Plover, goldstein = e.Goldstein,
        trigger = e.Trigger, evidence = e.Evidence, certainty = e.Certainty, negated = e.Negated, sources = e.Sources, targets = e.Targets,
        article = ActorsApi.ArticleRef(e.Article),
    };
}
