using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Api;

/// <summary>Articles: full-text search with snippets.</summary>
internal static class ArticlesApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/articles/search", (string? q, int? limit, IStore store) =>
        {
            if (string.IsNullOrWhiteSpace(q)) return WebApp.BadParameter("q", "a search query is needed");
            if (!WebApp.Limit(limit, 20, 200, out int n, out var problem)) return problem!;
            var hits = store.Search(q, n);
            return Results.Ok(hits.Select(h => new
            {
                id = h.ArticleId, externalId = h.ExternalId, title = h.Title, published = h.Published, source = h.Source,
                // The marks around matched terms become «» so no markup travels in JSON.
                snippet = h.Snippet.Replace(SearchHit.MarkStart, '«').Replace(SearchHit.MarkEnd, '»'), score = h.Score,
            }));
        }).WithName("SearchArticles").WithSummary("Full-text search over the stored articles (phrases, prefix*, OR, NOT)");
    }
}
