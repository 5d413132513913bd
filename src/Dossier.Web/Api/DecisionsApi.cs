using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Api;

/// <summary>Manual decisions over HTTP, as <c>dossier actor merge/split/decisions</c>: writes need the token.</summary>
internal static class DecisionsApi
{
    /// <summary>Body of a merge: the actor kept, the one absorbed (names or ids), an optional note.</summary>
    public sealed record MergeRequest(string? Keep, string? Absorb, string? Note);

    /// <summary>Body of a split: the actor, the name to take out of it, an optional note.</summary>
    public sealed record SplitRequest(string? Actor, string? Alias, string? Note);

    /// <summary>Body of a dismissal: the two actors of a proposed merge (names or ids), an optional note.</summary>
    public sealed record DismissRequest(string? First, string? Second, string? Note);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/actors/suggestions/dismiss", async (HttpContext ctx, IStore store, WebOptions options) =>
        {
            if (WebApp.RequireToken(ctx, options) is { } denied) return denied;
            var (body, bad) = await WebApp.ReadJson<DismissRequest>(ctx);
            if (bad is not null) return bad;
            if (string.IsNullOrWhiteSpace(body?.First)) return WebApp.BadParameter("first", "one actor of the proposal (name or id) is needed");
            if (string.IsNullOrWhiteSpace(body.Second)) return WebApp.BadParameter("second", "the other actor (name or id) is needed");
            if (body.Note is { Length: > 2000 }) return WebApp.BadParameter("note", "at most 2,000 characters");
            var x = store.Dismiss(body.First, body.Second, body.Note);
            return Results.Ok(new
            {
                first = new { id = StoreIds.CanonicalId(x.Actor.Id), name = x.Actor.Name },
                second = new { id = StoreIds.CanonicalId(x.Other.Id), name = x.Other.Name },
                status = x.Status,
            });
        }).WithName("DismissSuggestion").WithSummary("Reject a proposed merge: the two actors stay apart and it leaves the list (Authorization: Bearer token)")
          .Accepts<DismissRequest>("application/json").RequireRateLimiting(WebApp.WritePolicy);

        app.MapPost("/api/actors/merge", async (HttpContext ctx, IStore store, WebOptions options) =>
        {
            if (WebApp.RequireToken(ctx, options) is { } denied) return denied;
            var (body, bad) = await WebApp.ReadJson<MergeRequest>(ctx);
            if (bad is not null) return bad;
            if (string.IsNullOrWhiteSpace(body?.Keep)) return WebApp.BadParameter("keep", "the actor to keep (name or id) is needed");
            if (string.IsNullOrWhiteSpace(body.Absorb)) return WebApp.BadParameter("absorb", "the actor to merge into it (name or id) is needed");
            if (body.Note is { Length: > 2000 }) return WebApp.BadParameter("note", "at most 2,000 characters");
            var r = store.Merge(body.Keep, body.Absorb, body.Note);
            return Results.Ok(new
            {
                kept = new { id = StoreIds.CanonicalId(r.KeptId), name = r.KeptName },
                merged = new { id = StoreIds.CanonicalId(r.MergedId), name = r.MergedName },
                articles = r.Articles,
            });
        }).WithName("MergeActors").WithSummary("Merge two actors into one, the first kept; later articles follow the decision (Authorization: Bearer token)")
          .Accepts<MergeRequest>("application/json").RequireRateLimiting(WebApp.WritePolicy);

        app.MapPost("/api/actors/split", async (HttpContext ctx, IStore store, WebOptions options) =>
        {
            if (WebApp.RequireToken(ctx, options) is { } denied) return denied;
            var (body, bad) = await WebApp.ReadJson<SplitRequest>(ctx);
            if (bad is not null) return bad;
            if (string.IsNullOrWhiteSpace(body?.Actor)) return WebApp.BadParameter("actor", "the actor (name or id) is needed");
            if (string.IsNullOrWhiteSpace(body.Alias)) return WebApp.BadParameter("alias", "the name to split off is needed");
            if (body.Note is { Length: > 2000 }) return WebApp.BadParameter("note", "at most 2,000 characters");
            var r = store.Split(body.Actor, body.Alias, body.Note);
            return Results.Ok(new
            {
                from = new { id = StoreIds.CanonicalId(r.FromId), name = r.FromName },
                created = new { id = StoreIds.CanonicalId(r.NewId), name = r.NewName },
                mentions = r.Mentions, articles = r.Articles,
            });
        }).WithName("SplitActor").WithSummary("Take a name out of an actor into a new actor; the name stays blocked from it (Authorization: Bearer token)")
          .Accepts<SplitRequest>("application/json").RequireRateLimiting(WebApp.WritePolicy);

        app.MapGet("/api/actors/decisions", (IStore store) => Results.Ok(store.Decisions().Select(d => new
        {
            id = d.Id, kind = d.Kind, actor = StoreIds.CanonicalId(d.ActorId), other = StoreIds.CanonicalId(d.OtherId), alias = d.AliasKey,
            names = d.Names, note = d.Note, created = d.Created,
        }))).WithName("Decisions").WithSummary("The manual merges and splits, oldest first")
          .RequireRateLimiting(WebApp.ReadPolicy);
    }
}
