using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Api;

/// <summary>Ingest over HTTP: POST a text, an HTML page or JSON Lines; needs the write token.</summary>
internal static class IngestApi
{
    /// <summary>What became of one item of an ingest request.</summary>
    internal sealed record ItemResult(string Item, int? Line, string Status, long? Article, string? Id, string? Code, string? Message);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/ingest", async (HttpContext ctx, string? published, string? name, IStore store, WebOptions options) =>
        {
            if (WebApp.RequireToken(ctx, options) is { } denied) return denied;
            var type = ctx.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            InputFormat? format = type switch
            {
                "text/plain" => InputFormat.Text,
                "text/html" => InputFormat.Html,
                "application/x-ndjson" or "application/jsonl" or "application/jsonlines" => InputFormat.Jsonl,
                _ => null,
            };
            if (format is null)
                return Results.Problem(title: "unsupported content type", detail: "text/plain, text/html or application/x-ndjson",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            DateOnly? date = null;
            if (published is not null)
            {
                if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", out var d)) return WebApp.BadParameter("published", "a date YYYY-MM-DD");
                date = d;
            }
            if (ctx.Request.ContentLength > options.MaxRequestBytes)
                return WebApp.Problem(Errors.BodyTooLarge(options.MaxRequestBytes), StatusCodes.Status413PayloadTooLarge);
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            if (body.Length > options.MaxRequestBytes)
                return WebApp.Problem(Errors.BodyTooLarge(options.MaxRequestBytes), StatusCodes.Status413PayloadTooLarge);
            body.Position = 0;
            var read = new ReadOptions { Format = format.Value, Published = date, MaxBytes = options.MaxRequestBytes };
            var source = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim();
            // One entry per item in input order, stored or not, so a client knows exactly what to send again; each item is
            // stored whole or not at all (one transaction per article), and warnings name the item they concern.
            var results = new List<ItemResult>();
            var warnings = new List<object>();
            var summary = Ingestion.Run(store, ArticleReader.ReadStream(body, source, read), new IngestOptions { Read = read, Workers = 1 },
                e =>
                {
                    if (e.Warning) warnings.Add(new { item = e.Source, line = e.Line, code = e.Error.Code, message = e.Error.Message });
                    else results.Add(new ItemResult(e.Source, e.Line, "failed", null, null, e.Error.Code, e.Error.Message));
                },
                onStored: x => results.Add(new ItemResult(x.Source, x.Line, x.Duplicate ? "duplicate" : "stored", x.ArticleId, x.Id, null, null)));
            return Results.Ok(new
            {
                items = summary.Items, stored = summary.Stored, duplicates = summary.Duplicates, failed = summary.Failed,
                results, warnings,
                // The failed items alone, as earlier versions answered.
                errors = results.Where(r => r.Status == "failed").Select(r => new { item = r.Item, line = r.Line, code = r.Code, message = r.Message }),
            });
        }).WithName("Ingest").WithSummary("Store articles: a text, an HTML page or JSON Lines (Authorization: Bearer token)")
          .RequireRateLimiting(WebApp.WritePolicy);
    }
}
