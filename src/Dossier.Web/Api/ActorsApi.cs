using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary>Actors: the most mentioned, one dossier, why two names are or are not one actor, holders of a post.</summary>
internal static class ActorsApi
{
    private static readonly string[] Types = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "MONEY"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/actors", (string? q, string? type, int? offset, int? limit, IStore store) =>
        {
            if (!WebApp.Page(offset, limit, 20, 500, out int skip, out int n, out var problem)) return problem!;
            if (type is not null && !Types.Contains(type)) return WebApp.BadParameter("type", "one of " + string.Join(", ", Types));
            if (q is { Length: > 200 }) return WebApp.BadParameter("q", "at most 200 characters");
            return Results.Ok(store.TopActors(n, type, skip, q).Select(a => new
            {
                id = StoreIds.CanonicalId(a.Id), name = a.Name, type = a.Type, mentions = a.Mentions, articles = a.Articles, aliases = a.Aliases,
            }));
        }).WithName("Actors").WithSummary("Actors, most mentioned first; q finds a name or alias containing the text; paged (offset, limit)");

        app.MapGet("/api/actors/{reference}", (string reference, int? limit, IStore store) =>
        {
            if (!WebApp.Limit(limit, 20, 200, out int n, out var problem)) return problem!;
            var d = store.FindActor(reference, n);
            if (d is null)
                return WebApp.Problem(Errors.UnknownActor(reference), StatusCodes.Status404NotFound,
                    extra: [new("didYouMean", store.Suggest(reference))]);
            return Results.Ok(new
            {
                id = StoreIds.CanonicalId(d.Id), name = d.Name, type = d.Type, codes = d.Codes, mentions = d.Mentions, articles = d.ArticleCount,
                aliases = d.Aliases.Select(a => new { alias = a.Alias, articles = a.Count, evidence = a.Evidence }),
                // Occupancies from the articles, then the posts the actor dictionary dates (source "dictionary", with its code).
                roles = d.Roles.Select(r => new { title = r.Title, of = r.Of, qualifier = r.Qualifier, start = r.Start, lastSeen = r.LastSeen, end = r.End, articles = r.Count, source = r.Source, code = r.Code }),
                coActors = d.CoActors.Select(c => new { id = StoreIds.CanonicalId(c.Id), name = c.Name, type = c.Type, articles = c.Articles }),
                coActorLinks = (d.CoActorLinks ?? []).Select(l => new { a = StoreIds.CanonicalId(l.First), b = StoreIds.CanonicalId(l.Second), articles = l.Articles }),
                // The articles co-actors and their links are counted over: the actor's latest ones (Limits.DossierContextArticles).
                coActorsOver = Math.Min(d.ArticleCount, Limits.DossierContextArticles),
                quotes = d.Quotes.Select(q => new { text = q.Text, kind = q.Kind, cue = q.Cue, article = ArticleRef(q.Article) }),
                events = d.Events.Select(e => new { side = e.Side, other = e.OtherParty, @event = EventsApi.Event(e.Event) }),
                quoteCount = d.QuoteCount, eventCount = d.EventCount,
                // Why the articles' actors became this one: each decision with the number of articles it was made in.
                evidence = d.Decisions.Select(x => new { text = x.Text, articles = x.Count }),
                // The name matcher's open proposals that this actor is another, for review.
                suggestions = d.Suggestions.Select(x => Suggestion(x, d.Id)),
                articleList = d.Articles.Select(ArticleRef),
            });
        }).WithName("ActorDossier").WithSummary("One actor's dossier: names, roles over time, quotes, events, co-occurring actors");

        app.MapGet("/api/actors/{reference}/quotes", (string reference, int? offset, int? limit, IStore store) =>
        {
            if (!WebApp.Page(offset, limit, 50, 500, out int skip, out int n, out var problem)) return problem!;
            return Results.Ok(store.ActorQuotes(reference, skip, n).Select(q => new { text = q.Text, kind = q.Kind, cue = q.Cue, article = ArticleRef(q.Article) }));
        }).WithName("ActorQuotes").WithSummary("The quotes an actor is the speaker of, newest first; paged");

        app.MapGet("/api/actors/{reference}/articles", (string reference, int? offset, int? limit, IStore store) =>
        {
            if (!WebApp.Page(offset, limit, 50, 500, out int skip, out int n, out var problem)) return problem!;
            return Results.Ok(store.ActorArticles(reference, skip, n).Select(ArticleRef));
        }).WithName("ActorArticles").WithSummary("The articles that name an actor, newest first; paged");

        app.MapGet("/api/actors/suggestions", (string? actor, int? limit, bool? dismissed, IStore store) =>
        {
            if (!WebApp.Page(0, limit, 50, 500, out _, out int n, out var problem)) return problem!;
            return Results.Ok(store.Suggestions(string.IsNullOrWhiteSpace(actor) ? null : actor, n, dismissed ?? false).Select(x => new
            {
                actor = Side(x.Actor), other = Side(x.Other), score = x.Score, evidence = x.Evidence, article = x.Article, status = x.Status, note = x.Note,
            }));
        }).WithName("ActorSuggestions").WithSummary("Merges the name matcher proposed at ingest, most alike first: open ones, or with dismissed=true all");

        app.MapGet("/api/actors/why", (string? a, string? b, IStore store) =>
        {
            if (string.IsNullOrWhiteSpace(a)) return WebApp.BadParameter("a", "a name or id is needed");
            if (string.IsNullOrWhiteSpace(b)) return WebApp.BadParameter("b", "a name or id is needed");
            var r = store.Why(a, b);
            return Results.Ok(new { same = r.Same, first = StoreIds.CanonicalId(r.FirstId), second = StoreIds.CanonicalId(r.SecondId), score = r.Score, lines = r.Lines });
        }).WithName("WhyActors").WithSummary("Why two names are, or are not, one actor");

        app.MapGet("/api/roles", (string? post, IStore store) =>
        {
            if (string.IsNullOrWhiteSpace(post)) return WebApp.BadParameter("post", "a post such as 'President of Syria' is needed");
            return Results.Ok(store.PostHolders(post).Select(h => new
            {
                id = StoreIds.CanonicalId(h.ActorId), name = h.Name, title = h.Occupancy.Title, of = h.Occupancy.Of,
                qualifiers = h.Occupancy.Qualifiers, start = h.Occupancy.Start, lastSeen = h.Occupancy.LastSeen, end = h.Occupancy.End,
                articles = h.Occupancy.Articles.Count, conflict = h.Conflict,
            }));
        }).WithName("PostHolders").WithSummary("Who held a post and when");
    }

    internal static object ArticleRef(ArticleRef a) =>
        new { id = a.Id, externalId = a.ExternalId, title = a.Title, published = a.Published, mentions = a.Mentions, lead = a.Lead };

    private static object Side(ActorSummary a) => new { id = StoreIds.CanonicalId(a.Id), name = a.Name, type = a.Type, articles = a.Articles, mentions = a.Mentions };

    // A proposal as one actor's page shows it: the other actor, the score and why.
    private static object Suggestion(ActorSuggestion x, long self) => new
    {
        other = Side(x.Actor.Id == self ? x.Other : x.Actor), score = x.Score, evidence = x.Evidence, article = x.Article,
    };
}
