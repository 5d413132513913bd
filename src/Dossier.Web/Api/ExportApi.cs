using Dossier.Store;
using Dossier.Store.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary>Everything stored, as <c>dossier export</c> writes it: JSON Lines (one contract object per article) or CSV (one row
/// per event), streamed.</summary>
internal static class ExportApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export", (HttpContext ctx, string? format, IStore store) =>
        {
            format ??= "jsonl";
            if (format is not ("jsonl" or "csv")) return WebApp.BadParameter("format", "jsonl or csv");
            bool csv = format == "csv";
            return Results.Stream(async body =>
            {
                // The exporter writes synchronously (the same code as the CLI); it runs on its own thread, allowed to.
                ctx.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                await Task.Run(() =>
                {
                    using var w = new StreamWriter(body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
                    if (csv) Exporter.WriteCsv(store, w); else Exporter.WriteJsonl(store, w);
                }, ctx.RequestAborted);
            }, csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8", "dossier-export." + format);
        }).WithName("Export").WithSummary("Everything stored: format=jsonl (one extraction record per article, canonical actor ids) or csv (one row per event)")
          .WithMetadata(ExpensiveWork.Export);
    }
}
