using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web;

/// <summary>
/// The reading room: a static page, a style sheet and a script (wwwroot/, embedded in the assembly so the one process serves
/// them with no build step or files beside it). The script draws every view from the JSON API and writes article text only
/// as DOM text nodes, never as markup.
/// </summary>
internal static class Ui
{
    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(Ui).Assembly;
        var map = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("wwwroot/", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".json" => "application/json",
                _ => "application/octet-stream",
            };
            map[name["wwwroot/".Length..]] = new Asset(bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 8) + "\"");
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext ctx) => Serve(ctx, "index.html")).ExcludeFromDescription();
        app.MapGet("/assets/{file}", (HttpContext ctx, string file) => Serve(ctx, file)).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext ctx, string file)
    {
        if (!Assets.TryGetValue(file, out var asset)) return Results.NotFound();
        // Revalidated each time (the ETag is the content's hash), so a new build is never hidden by a cache.
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Response.Headers.ETag = asset.ETag;
        if (ctx.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }
}
