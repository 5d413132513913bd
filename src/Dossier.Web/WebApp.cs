using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Dossier.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Dossier.Web;

/// <summary>What the web app serves: the database and where it listens.</summary>
/// <param name="Database">The store's location, of any engine (a SQLite file, <c>postgres://user@host/db</c>); it must exist:
/// the web app serves what ingest stored.</param>
/// <param name="Urls">Listening addresses ("http://127.0.0.1:5080").</param>
/// <param name="Token">The bearer token writes need (ingest); null: writes are refused.</param>
public sealed record WebOptions(string Database, string Urls = WebApp.DefaultUrls, string? Token = null)
{
    /// <summary>The environment variable that may hold the write token.</summary>
    public const string TokenVariable = "DOSSIER_TOKEN";

    /// <summary>Reads from addresses other than loopback are open too (<c>--public</c>); otherwise they need the token.</summary>
    public bool PublicReads { get; init; }

    /// <summary>The environment variable that may list more host names to answer to (comma-separated; as <c>--host</c>).</summary>
    public const string HostsVariable = "DOSSIER_HOSTS";

    /// <summary>How the store is opened for each request (defaults: <see cref="StoreOptions.Default"/>).</summary>
    public StoreOptions Store { get; init; } = StoreOptions.Default;

    /// <summary>Read requests per minute per client address ("reads" policy); 0 = no limit.</summary>
    public int ReadsPerMinute { get; init; } = WebLimits.ReadsPerMinute;

    /// <summary>Write requests (ingest, merge, split) per minute per client address ("writes" policy); 0 = no limit.</summary>
    public int WritesPerMinute { get; init; } = WebLimits.WritesPerMinute;

    /// <summary>Largest request body accepted, in bytes (<c>--max-body</c>); larger ones answer 413.</summary>
    public long MaxRequestBytes { get; init; } = WebLimits.MaxRequestBodyBytes;

    /// <summary>Host names the server answers to besides the loopback names and the hosts of <see cref="Urls"/> (<c>--host</c>;
    /// "*.example.org" takes the subdomains, "*" any name); a request naming another host is refused (DNS rebinding).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>The clock of the rate limits and of the measured wait of expensive requests (tests move a fake one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The HTTP API over the store (<c>dossier serve</c>): one file per resource under Api/, no logic the CLI lacks.</summary>
/// <remarks>
/// Each request opens its own connection (<see cref="Stores.OpenShared"/>, from the engine's pool: every engine handles
/// concurrent readers; the store object is not shared across threads); nothing here depends on the engine. Bad parameters
/// answer 400 with a problem-details body; unknown actors 404. Every response carries a Content-Security-Policy that allows
/// only the app's own scripts and styles.
/// </remarks>
public static class WebApp
{
    /// <summary>Loopback, so reads are not exposed by default.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The rate-limit policy of reads (<see cref="WebOptions.ReadsPerMinute"/>).</summary>
    public const string ReadPolicy = "reads";

    /// <summary>The rate-limit policy of writes (<see cref="WebOptions.WritesPerMinute"/>).</summary>
    public const string WritePolicy = "writes";

    /// <summary>The host names every server answers to: itself on loopback.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Builds the app; <paramref name="configure"/> may adjust the builder (tests use a test server).</summary>
    public static WebApplication Create(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => SetLimits(k.Limits, options));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        // ASP.NET Core's default for HTTP JSON relaxes escaping; this keeps every HTML-sensitive character (< > & ' ") escaped, as
        // the stored records already are, while letters of every script stay as they are.
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        // Opened once here, never created (a missing store is the engine's DSR311, whatever the engine) and migrated; each
        // request then takes a connection of its own (Stores.OpenShared: pooled by the engine).
        using (Stores.Open(options.Database, create: false, options.Store)) { }
        builder.Services.AddScoped<IStore>(_ => Stores.OpenShared(options.Database, options.Store));
        builder.Services.AddSingleton(options);
        var gates = new WorkGates(options.Clock);
        builder.Services.AddSingleton(gates);
        builder.Services.AddRateLimiter(r =>
        {
            r.AddPolicy(ReadPolicy, ctx => PerClient(ctx, options.ReadsPerMinute, options.Clock));
            r.AddPolicy(WritePolicy, ctx => PerClient(ctx, options.WritesPerMinute, options.Clock));
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = async (rejected, _) =>
            {
                var ctx = rejected.HttpContext;
                var policy = ctx.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? ReadPolicy;
                // Every limiter here tells its wait (SteadyRateLimiter); a minute, the longest any policy makes a client wait, otherwise.
                long seconds = WholeSeconds(rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1));
                ctx.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var error = Errors.TooManyRequests(policy, policy == WritePolicy ? options.WritesPerMinute : options.ReadsPerMinute, seconds);
                await Problem(error, StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx);
            };
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (ctx, next) =>
        {
            // Set as the answer starts: Kestrel clears the headers when it rejects a body (408), and the refusal needs them too.
            ctx.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            }, ctx.Response);
            await next();
        });
        app.Use(AnswerErrors);
        app.Use(RefuseForeignHosts(AllowedHosts(options)));
        app.Use(async (ctx, next) =>
        {
            // Reads are open on loopback; from elsewhere they need the token unless the server was started with --public.
            // Writes are POSTs, which check the token themselves. OPTIONS (a browser's CORS preflight) is answered by routing
            // with the allowed methods and nothing else, so it needs no token; every other method counts as a read.
            var method = ctx.Request.Method;
            if (!options.PublicReads && !IsLoopback(ctx) && ctx.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsPost(method)
                && !HttpMethods.IsOptions(method) && RequireToken(ctx, options, read: true) is { } denied)
            {
                await denied.ExecuteAsync(ctx);
                return;
            }
            await next();
        });
        app.UseRateLimiter();
        app.Use(PassGates(gates));
        app.MapOpenApi("/openapi/{documentName}.json");
        var reads = app.MapGroup("").RequireRateLimiting(ReadPolicy);
        Api.ArticlesApi.Map(reads);
        Api.ActorsApi.Map(reads);
        Api.EventsApi.Map(reads);
        Api.ExportApi.Map(reads);
        Api.IngestApi.Map(app);
        Api.DecisionsApi.Map(app);
        Ui.Map(app);
        return app;
    }

    // Kestrel's bounds, set deliberately rather than left at its defaults (docs/limits.md, "Web server").
    private static void SetLimits(KestrelServerLimits limits, WebOptions options)
    {
        var grace = TimeSpan.FromSeconds(WebLimits.DataRateGraceSeconds);
        limits.MaxRequestBodySize = options.MaxRequestBytes;
        limits.MinRequestBodyDataRate = new MinDataRate(WebLimits.MinRequestBodyBytesPerSecond, grace);
        limits.MinResponseDataRate = new MinDataRate(WebLimits.MinResponseBytesPerSecond, grace);
        limits.MaxRequestHeadersTotalSize = WebLimits.MaxRequestHeaderBytes;
        limits.MaxRequestLineSize = WebLimits.MaxRequestLineBytes;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(WebLimits.RequestHeadersTimeoutSeconds);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(WebLimits.KeepAliveTimeoutSeconds);
        limits.MaxConcurrentConnections = WebLimits.MaxConnections;
    }

    // Coded errors out of any endpoint, as problem details. Kestrel's refusals while a body is read (too large, too slow, bad
    // framing) arrive as BadHttpRequestException with the status Kestrel chose: that status, with a code, never a 500.
    private static async Task AnswerErrors(HttpContext ctx, RequestDelegate next)
    {
        try { await next(ctx); }
        catch (DossierException e) when (!ctx.Response.HasStarted)
        {
            var status = e.Error.Code switch
            {
                "DSR401" or "DSR405" or "DSR421" => StatusCodes.Status404NotFound,
                "DSR404" or "DSR430" => StatusCodes.Status409Conflict,
                // A search past the store's bounds (too many terms, too long to run) is the request's fault: narrow it.
                "DSR314" or "DSR315" => StatusCodes.Status400BadRequest,
                // The store itself failed (cannot open, cannot write, schema changed under the server): not the caller's fault.
                _ when e.Error.Code.StartsWith("DSR3", StringComparison.Ordinal) => StatusCodes.Status500InternalServerError,
                _ => StatusCodes.Status400BadRequest,
            };
            await Problem(e.Error, status).ExecuteAsync(ctx);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (!ctx.Response.HasStarted)
        {
            var error = e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge =>
                    Errors.BodyTooLarge(ctx.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? WebLimits.MaxRequestBodyBytes),
                StatusCodes.Status408RequestTimeout => Errors.BodyTooSlow(WebLimits.MinRequestBodyBytesPerSecond),
                _ => Errors.BadRequest(e.Message),
            };
            await Problem(error, e.StatusCode).ExecuteAsync(ctx);
        }
    }

    /// <summary>The host names the server answers to: <see cref="LoopbackHosts"/>, the hosts it listens on by name or address
    /// (not wildcards), and <see cref="WebOptions.Hosts"/>.</summary>
    public static IReadOnlyList<string> AllowedHosts(WebOptions options)
    {
        var hosts = new List<string>(LoopbackHosts);
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = BindingAddress.Parse(url).Host;
            if (host is not ("+" or "*" or "0.0.0.0" or "[::]" or "")) hosts.Add(host);
        }
        hosts.AddRange(options.Hosts.Select(h => h.Trim()).Where(h => h.Length > 0));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    // DNS rebinding: a page on another site whose name now resolves to this machine reaches the server with that site's name as
    // the Host. Names are matched as ASP.NET Core's host filtering matches them (HostString.MatchesAny: the port is ignored,
    // "*.example.org" takes the subdomains); the refusal is a coded 421 rather than that middleware's bare 400.
    private static Func<HttpContext, RequestDelegate, Task> RefuseForeignHosts(IReadOnlyList<string> allowed)
    {
        var patterns = allowed.Select(h => new StringSegment(h)).ToList();
        return async (ctx, next) =>
        {
            // An HTTP/1.0 request may carry no Host (HTTP/1.1 without one is refused by Kestrel); a browser always sends one.
            var host = ctx.Request.Host;
            if (host.HasValue && !HostString.MatchesAny(host.Value, patterns))
            {
                await Problem(Errors.ForeignHost(host.Value), StatusCodes.Status421MisdirectedRequest).ExecuteAsync(ctx);
                return;
            }
            await next(ctx);
        };
    }

    // Expensive requests (endpoint metadata ExpensiveWork) take a place at their gate for as long as they run, the streamed answer
    // included; every other request passes straight on.
    private static Func<HttpContext, RequestDelegate, Task> PassGates(WorkGates gates) => async (ctx, next) =>
    {
        if (ctx.GetEndpoint()?.Metadata.GetMetadata<ExpensiveWork>() is not { } work || work.When?.Invoke(ctx) == false)
        {
            await next(ctx);
            return;
        }
        var gate = work.Kind == ExpensiveWork.Export.Kind ? gates.Export : gates.Search;
        using var pass = await gate.Enter(ctx.RequestAborted);
        if (pass is null)
        {
            long seconds = gate.RetryAfterSeconds();
            ctx.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problem(Errors.Busy(gate.Work, seconds), StatusCodes.Status503ServiceUnavailable).ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    };

    // Whole seconds, rounded up: a client that waits that long is let in.
    private static long WholeSeconds(TimeSpan wait) => Math.Max(1, (wait.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);

    // A steady rate per client address (SteadyRateLimiter: the Retry-After is the true wait); a limit of 0 switches the policy off.
    private static RateLimitPartition<string> PerClient(HttpContext ctx, int perMinute, TimeProvider clock)
    {
        var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "local";
        return perMinute <= 0 ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.Get(client, _ => new SteadyRateLimiter(perMinute, clock));
    }

    // In-process test servers have no remote address: they count as loopback.
    private static bool IsLoopback(HttpContext ctx) => ctx.Connection.RemoteIpAddress is not { } ip || IPAddress.IsLoopback(ip);

    /// <summary>Null when the request carries the token; else the 401/403 problem to answer (<paramref name="read"/>: a read
    /// from an address other than loopback).</summary>
    internal static IResult? RequireToken(HttpContext ctx, WebOptions options, bool read = false)
    {
        if (options.Token is not { Length: > 0 } token)
            return read
                ? Results.Problem(title: "reads from this address are off", detail: "start 'dossier serve' with --public to open them, or with a token to require it",
                    statusCode: StatusCodes.Status403Forbidden)
                : Results.Problem(title: "writes are off", detail: $"start 'dossier serve' with --token or {WebOptions.TokenVariable} to allow them",
                    statusCode: StatusCodes.Status403Forbidden);
        var header = ctx.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        bool same = given.Length == token.Length
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(token));
        if (same) return null;
        var error = read ? Errors.ReadNeedsToken() : Errors.WriteNeedsToken();
        return Problem(error, StatusCodes.Status401Unauthorized);
    }

    /// <summary>The JSON body of a write, or the problem to answer: 415 for another content type, 400 naming what is wrong
    /// with the JSON (after the token check, so a caller without it learns nothing about the body).</summary>
    internal static async Task<(T? Body, IResult? Problem)> ReadJson<T>(HttpContext ctx) where T : class
    {
        if (!ctx.Request.HasJsonContentType())
            return (null, Results.Problem(title: "unsupported content type", detail: "send application/json",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        // A merge or split is a few names: Kestrel refuses a longer body (413, DSR414) as it arrives, chunked or not.
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = Math.Min(size.MaxRequestBodySize ?? long.MaxValue, WebLimits.MaxDecisionBodyBytes);
        try
        {
            var body = await ctx.Request.ReadFromJsonAsync<T>(ctx.RequestAborted);
            return body is null
                ? (null, Results.Problem(title: "the body is empty", detail: "send a JSON object", statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = "DSR402" }))
                : (body, null);
        }
        catch (System.Text.Json.JsonException e)
        {
            var where = e.LineNumber is long line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, Results.Problem(title: "the body is not a valid JSON object", detail: $"expected {typeof(T).Name}{where}",
                statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = "DSR402" }));
        }
    }

    /// <summary>A coded error as a problem-details answer: its message as the title, its code (and any extra members).</summary>
    internal static IResult Problem(DossierError error, int status, string? detail = null, IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        foreach (var (k, v) in extra ?? []) extensions[k] = v;
        return Results.Problem(title: error.Message, detail: detail, statusCode: status, extensions: extensions);
    }

    /// <summary>A 400 problem for a bad parameter, naming it.</summary>
    internal static IResult BadParameter(string name, string detail) =>
        Results.Problem(title: $"bad value for '{name}'", detail: detail, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = name, ["code"] = "DSR402" });

    /// <summary>An offset of 0 or more and a page size within [1, max], or a problem.</summary>
    internal static bool Page(int? offset, int? limit, int fallback, int max, out int skip, out int take, out IResult? problem)
    {
        skip = offset ?? 0;
        take = 0;
        if (skip < 0) { problem = BadParameter("offset", "must be 0 or more"); return false; }
        return Limit(limit, fallback, max, out take, out problem);
    }

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
