using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary>Articles: full-text search with snippets.</summary>
internal static class ArticlesApi
{
    /// <summary>Response header of a search whose page was ranked among the latest stored matches only (their number).</summary>
    public const string RankedLatestHeader = "Dossier-Ranked-Latest";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles/search", (string? q, int? offset, int? limit, IStore store, HttpResponse response) =>
        {
            if (string.IsNullOrWhiteSpace(q)) return WebApp.BadParameter("q", "a search query is needed");
            if (q.Length > 500) return WebApp.BadParameter("q", "at most 500 characters");
            if (!WebApp.Page(offset, limit, 20, 200, out int skip, out int n, out var problem)) return problem!;
            var hits = store.Search(q, n, skip);
            // More matches than the store ranks: the page was ranked among the latest stored of them (Limits.SearchRankedMatches).
            if (hits.RankedLatest is int ranked) response.Headers[RankedLatestHeader] = ranked.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(hits.Select(h => new
            {
                id = h.ArticleId, externalId = h.ExternalId, title = h.Title, published = h.Published, source = h.Source,
                // The marks around matched terms become «» so no markup travels in JSON.
                snippet = h.Snippet.Replace(SearchHit.MarkStart, '«').Replace(SearchHit.MarkEnd, '»'), score = h.Score,
            }));
        }).WithName("SearchArticles").WithSummary("Full-text search over the stored articles (phrases, prefix*, OR, NOT)")
          .WithDescription($"Best first. A query matching more than {Limits.SearchRankedMatches:N0} articles is ranked among the latest stored of them, and the answer carries the header {RankedLatestHeader} with that number.")
          .WithMetadata(ExpensiveWork.PrefixSearch);

        app.MapGet("/api/articles", (int? offset, int? limit, IStore store) =>
        {
            if (!WebApp.Page(offset, limit, 50, 500, out int skip, out int n, out var problem)) return problem!;
            return Results.Ok(store.Articles(skip, n).Select(Api.ActorsApi.ArticleRef));
        }).WithName("ListArticles").WithSummary("Stored articles, newest first, a page at a time (offset, limit)");

        app.MapGet("/api/articles/{id:long}", (long id, IStore store) =>
        {
            var a = store.Article(id);
            if (a is null)
                return WebApp.Problem(Errors.NoArticle(id), StatusCodes.Status404NotFound);
            // The stored extraction record as it is (schema: docs/schema/article.schema.json).
            return Results.Text(a.Json, "application/json; charset=utf-8");
        }).WithName("Article").WithSummary("One article with all its layers, in the extraction contract (canonical actor ids)");
    }
}
