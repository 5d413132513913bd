using System.Text.RegularExpressions;
using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary>Events: the timeline, filtered by actor and date range.</summary>
internal static partial class EventsApi
{
    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex IsoPrefix();

    [GeneratedRegex(@"^\d{2,4}$")]
    private static partial Regex CameoPrefix();

    [GeneratedRegex(@"^[A-Za-z_]{3,24}$")]
    private static partial Regex PloverType();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", (string? actor, string? with, string? cameo, string? plover, string? from, string? to, bool? undated,
            bool? happenings, int? offset, int? limit, IStore store) =>
        {
            if (!WebApp.Page(offset, limit, 200, 2000, out int skip, out int n, out var problem)) return problem!;
            if (from is not null && !IsoPrefix().IsMatch(from)) return WebApp.BadParameter("from", "a date YYYY, YYYY-MM or YYYY-MM-DD");
            if (to is not null && !IsoPrefix().IsMatch(to)) return WebApp.BadParameter("to", "a date YYYY, YYYY-MM or YYYY-MM-DD");
            if (with is not null && actor is null) return WebApp.BadParameter("with", "a dyad needs 'actor' too");
            if (cameo is not null && !CameoPrefix().IsMatch(cameo)) return WebApp.BadParameter("cameo", "a CAMEO code or prefix: two to four digits");
            if (plover is not null && !PloverType().IsMatch(plover)) return WebApp.BadParameter("plover", "a PLOVER category such as CONSULT or ASSAULT");
            var list = store.Timeline(new TimelineFilter
            {
                Actor = actor, With = with, Cameo = cameo, Plover = plover, From = from, To = to, Undated = undated ?? false, Happenings = happenings ?? false, Offset = skip, Limit = n,
            });
            return Results.Ok(list.Select(Event));
        }).WithName("Events").WithSummary("Events in date order, by actor, dyad (actor + with), CAMEO prefix, PLOVER type and date range; undated=true adds the undated ones; happenings=true gives one row per happening (an act several articles report: its earliest report, with the count of reports); paged");

        app.MapGet("/api/happenings/{id:long}", (long id, IStore store) =>
        {
            var reports = store.HappeningReports(id);
            if (reports.Count == 0) return WebApp.Problem(Errors.NoHappening(id), StatusCodes.Status404NotFound);
            return Results.Ok(new
            {
                id, reports = reports[0].Reports, articles = reports[0].ReportingArticles,
                first = ActorsApi.ArticleRef(reports[0].Article), last = ActorsApi.ArticleRef(reports[^1].Article),
                sources = reports[0].Sources, targets = reports[0].Targets, plover = reports[0].Plover, negated = reports[0].Negated,
                events = reports.Select(Event),
            });
        }).WithName("Happening").WithSummary("One happening: the events of several articles that report the same act (same sources, targets, PLOVER type, day ±1), earliest first");

        app.MapGet("/api/cameo", () => Results.Ok(Dossier.Extraction.Events.CameoTables.Codes().Select(code => new
        {
            code, name = Dossier.Extraction.Events.CameoTables.NameOf(code), plover = Dossier.Extraction.Events.CameoTables.PloverOf(code).Category,
            goldstein = Dossier.Extraction.Events.CameoTables.GoldsteinOf(code),
        }))).WithName("CameoCodes").WithSummary("The CAMEO event codes with their names, PLOVER categories and Goldstein scores");

        app.MapGet("/api/relations", (string? a, string? b, string? by, bool? ordered, int? limit, IStore store) =>
        {
            if (string.IsNullOrWhiteSpace(a)) return WebApp.BadParameter("a", "an actor (name or id) is needed");
            if (string.IsNullOrWhiteSpace(b)) return WebApp.BadParameter("b", "an actor (name or id) is needed");
            if (by is not (null or "month" or "week")) return WebApp.BadParameter("by", "month or week");
            if (!WebApp.Limit(limit, 200, 2000, out int n, out var problem)) return problem!;
            var r = store.Relation(a, b, by ?? "month", ordered ?? false, n);
            return Results.Ok(new
            {
                first = new { id = StoreIds.CanonicalId(r.FirstId), name = r.FirstName },
                second = new { id = StoreIds.CanonicalId(r.SecondId), name = r.SecondName },
                ordered = r.Ordered, by = r.By,
                points = r.Points.Select(p => new
                {
                    period = p.Period, events = p.Events, goldsteinSum = p.GoldsteinSum, goldsteinMean = p.GoldsteinMean,
                    cooperative = p.Cooperative, conflictual = p.Conflictual, eventIds = p.EventIds, reports = p.Reports,
                }),
                events = r.Events.Select(Event),
            });
        }).WithName("Relation").WithSummary("Happenings between two actors by month or week (an act several articles report counts once; 'reports' counts the events), with Goldstein sums and means, and the events behind each point");
    }

    internal static object Event(TimelineEvent e) => new
    {
        id = e.EventId, date = e.Date, dateFromPublication = e.DateFromPublication, cameo = e.Cameo,
        cameoName = Dossier.Extraction.Events.CameoTables.NameOf(e.Cameo), plover = e.Plover, goldstein = e.Goldstein,
        trigger = e.Trigger, evidence = e.Evidence, certainty = e.Certainty, negated = e.Negated, sources = e.Sources, targets = e.Targets,
        article = ActorsApi.ArticleRef(e.Article), happening = e.HappeningId, reports = e.Reports, reportingArticles = e.ReportingArticles,
        mentions = e.Mentions,
    };
}
