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
    }

    internal static object Event(TimelineEvent e) => new
    {
        id = e.EventId, date = e.Date, dateFromPublication = e.DateFromPublication, cameo = e.Cameo, plover = e.Plover, goldstein = e.Goldstein,
        trigger = e.Trigger, evidence = e.Evidence, certainty = e.Certainty, negated = e.Negated, sources = e.Sources, targets = e.Targets,
        article = ActorsApi.ArticleRef(e.Article),
    };
}
