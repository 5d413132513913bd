using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dossier.Web;

/// <summary>What the web app serves: the database and where it listens.</summary>
/// <param name="Database">The SQLite file (must exist: the web app reads what ingest stored).</param>
/// <param name="Urls">Listening addresses ("http://127.0.0.1:5080").</param>
/// <param name="Token">The bearer token writes need (ingest); null: writes are refused.</param>
public sealed record WebOptions(string Database, string Urls = WebApp.DefaultUrls, string? Token = null)
{
    /// <summary>The environment variable that may hold the write token.</summary>
    public const string TokenVariable = "DOSSIER_TOKEN";
}

/// <summary>The HTTP API over the store (<c>dossier serve</c>): one file per resource under Api/, no logic the CLI lacks.</summary>
/// <remarks>
/// Each request opens its own read connection (SQLite handles concurrent readers; the store object is not shared across
/// threads). Bad parameters answer 400 with a problem-details body; unknown actors 404. Every response carries a
/// Content-Security-Policy that allows only the app's own scripts and styles.
/// </remarks>
public static class WebApp
{
    /// <summary>Loopback, so reads are not exposed by default.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Largest request body accepted (bytes).</summary>
    public const long MaxRequestBytes = 8 * 1024 * 1024;

    /// <summary>Builds the app; <paramref name="configure"/> may adjust the builder (tests use a test server).</summary>
    public static WebApplication Create(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        if (!File.Exists(options.Database)) throw new DossierException(Errors.StoreOpen(options.Database, "no such database (run 'dossier ingest' first)"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddScoped<IStore>(_ => Stores.Open(options.Database, create: false));
        builder.Services.AddSingleton(options);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers["Referrer-Policy"] = "no-referrer";
            try { await next(); }
            catch (DossierException e) when (!ctx.Response.HasStarted)
            {
                var status = e.Error.Code is "DSR401" or "DSR405" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                await Results.Problem(title: e.Error.Message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = e.Error.Code }).ExecuteAsync(ctx);
            }
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        Api.ArticlesApi.Map(app);
        Api.ActorsApi.Map(app);
        Api.EventsApi.Map(app);
        Api.IngestApi.Map(app);
        return app;
    }

    /// <summary>Null when the request carries the write token; else the 401/403 problem to answer.</summary>
    internal static IResult? RequireToken(HttpContext ctx, WebOptions options)
    {
        if (options.Token is not { Length: > 0 } token)
            return Results.Problem(title: "writes are off", detail: $"start 'dossier serve' with --token or {WebOptions.TokenVariable} to allow them",
                statusCode: StatusCodes.Status403Forbidden);
        var header = ctx.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        bool same = given.Length == token.Length
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(token));
        return same ? null : Results.Problem(title: "a write needs the token (Authorization: Bearer …)", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>A 400 problem for a bad parameter, naming it.</summary>
    internal static IResult BadParameter(string name, string detail) =>
        Results.Problem(title: $"bad value for '{name}'", detail: detail, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = name, ["code"] = "DSR402" });

    /// <summary>Page size within [1, max], or a problem.</summary>
    internal static bool Limit(int? value, int fallback, int max, out int limit, out IResult? problem)
    {
        limit = value ?? fallback;
        problem = null;
        if (limit is >= 1 && limit <= max) return true;
        problem = BadParameter("limit", $"must be between 1 and {max}");
        return false;
    }
}
