using System.Net;
using System.Net.Http.Headers;

namespace Dossier.Store.Sources;

/// <summary>How <see cref="HttpFetcher"/> fetches; the defaults are the limits of <see cref="Limits"/>.</summary>
public sealed record FetchOptions
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string Product = "Dossier";

    /// <summary>The User-Agent sent with every request: who we are and that we follow robots.txt.</summary>
    public string UserAgent { get; init; } = $"{Product}/{typeof(HttpFetcher).Assembly.GetName().Version?.ToString(2) ?? "1.0"} (open-source news reader; follows robots.txt)";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(Limits.FetchTimeoutSeconds);
    public int MaxBytes { get; init; } = Limits.MaxFetchBytes;
    public int MaxRedirects { get; init; } = Limits.MaxRedirects;
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromMilliseconds(Limits.PerHostIntervalMs);
    /// <summary>The clock the per-host intervals are measured and waited on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The outcome of one fetch: the answer (200 with its body, 304 not modified) or a coded error.</summary>
/// <param name="Url">The address asked for.</param>
/// <param name="FinalUrl">Where the last redirect led.</param>
/// <param name="Status">The HTTP status of the last answer (0 when none came).</param>
public sealed record FetchResult(string Url, string FinalUrl, int Status, string? ContentType, byte[]? Body, string? ETag,
    string? LastModified, DossierError? Error, TimeSpan Elapsed)
{
    /// <summary>A full answer with its body.</summary>
    public bool Ok => Error is null && Status == 200 && Body is not null;
    /// <summary>Nothing changed since the validators sent (304).</summary>
    public bool NotModified => Error is null && Status == 304;
    /// <summary>A failure that will not change by trying again soon (robots.txt, 4xx, a bad address, a redirect loop).</summary>
    public bool Permanent => Error is { Code: "DSR501" or "DSR506" or "DSR507" or "DSR508" } || Status is >= 400 and < 500 and not 408 and not 429;
}

/// <summary>Fetches pages and feeds over HTTP, politely: conditional requests (ETag, Last-Modified), robots.txt, one
/// request per host per interval, a size and a time limit per fetch, redirects bounded, a clear user agent.</summary>
/// <remarks>One instance per run (robots.txt and the hosts' last requests are remembered for its life). Not thread-safe:
/// fetches run one after another, which is also what politeness to a host asks.</remarks>
public sealed class HttpFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly FetchOptions _o;
    private readonly Dictionary<string, DateTimeOffset> _nextAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RobotsTxt> _robots = new(StringComparer.OrdinalIgnoreCase);

    public HttpFetcher(FetchOptions? options = null)
    {
        _o = options ?? new FetchOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // followed by hand: bounded, and robots.txt is asked for every host on the way
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _o.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Fetches <paramref name="url"/>, sending the validators of the last answer when given.</summary>
    public async Task<FetchResult> FetchAsync(string url, string? etag = null, string? lastModified = null, CancellationToken cancel = default)
    {
        var start = _o.Clock.GetTimestamp();
        FetchResult Fail(string final, int status, DossierError e) => new(url, final, status, null, null, null, null, e, _o.Clock.GetElapsedTime(start));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current) || current.Scheme is not ("http" or "https"))
            return Fail(url, 0, Errors.BadSourceUrl(url, "only absolute http and https addresses are fetched"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_o.Timeout);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        int status = 0;
        try
        {
            for (int hop = 0; ; hop++)
            {
                if (!visited.Add(current.AbsoluteUri) || hop > _o.MaxRedirects) return Fail(current.AbsoluteUri, status, Errors.TooManyRedirects(current.AbsoluteUri));
                var robots = await RobotsFor(current, timeout.Token);
                if (!robots.Allows(current.PathAndQuery)) return Fail(current.AbsoluteUri, 0, Errors.RobotsDisallow(current.AbsoluteUri));
                await WaitTurn(current, timeout.Token, robots.CrawlDelay);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", _o.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5");
                if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location) return Fail(current.AbsoluteUri, status, Errors.FetchStatus(status, "without a Location"));
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (current.Scheme is not ("http" or "https")) return Fail(current.ToString(), status, Errors.BadSourceUrl(current.ToString(), "a redirect left http"));
                    continue;
                }
                if (status == 304) return new(url, current.AbsoluteUri, 304, null, null, etag, lastModified, null, _o.Clock.GetElapsedTime(start));
                if (status != 200) return Fail(current.AbsoluteUri, status, Errors.FetchStatus(status, response.ReasonPhrase));
                if (response.Content.Headers.ContentLength is long length && length > _o.MaxBytes) return Fail(current.AbsoluteUri, status, Errors.FetchTooLarge());
                var body = await ReadCapped(response.Content, _o.MaxBytes, timeout.Token);
                if (body is null) return Fail(current.AbsoluteUri, status, Errors.FetchTooLarge());
                return new(url, current.AbsoluteUri, 200, response.Content.Headers.ContentType?.ToString(), body,
                    response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), null, _o.Clock.GetElapsedTime(start));
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested) { return Fail(current.AbsoluteUri, status, Errors.FetchTimeout()); }
        catch (HttpRequestException e) { return Fail(current.AbsoluteUri, status, Errors.FetchFailed(Innermost(e))); }
        catch (IOException e) { return Fail(current.AbsoluteUri, status, Errors.FetchFailed(Innermost(e))); }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is { } inner) e = inner;
        return e.Message;
    }

    // The body, or null when it passes the cap (read at most cap + 1 bytes: a lying or missing Content-Length changes nothing).
    private static async Task<byte[]?> ReadCapped(HttpContent content, int cap, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            int n = await stream.ReadAsync(chunk, cancel);
            if (n == 0) return buffer.ToArray();
            if (buffer.Length + n > cap) return null;
            buffer.Write(chunk, 0, n);
        }
    }

    // One request per host per interval (the site's Crawl-delay when it asks for longer): waits until the host's turn,
    // on the injected clock.
    private async Task WaitTurn(Uri uri, CancellationToken cancel, TimeSpan? crawlDelay = null)
    {
        var now = _o.Clock.GetUtcNow();
        if (_nextAt.TryGetValue(uri.Authority, out var at) && at > now) await Task.Delay(at - now, _o.Clock, cancel);
        var gap = crawlDelay is { } d && d > _o.PerHostInterval ? d : _o.PerHostInterval;
        _nextAt[uri.Authority] = _o.Clock.GetUtcNow() + gap;
    }

    // The site's robots.txt, fetched once per run: 2xx parsed, 4xx allows everything, 5xx or no answer allows nothing
    // (RFC 9309 2.3.1); up to five redirects followed.
    private async Task<RobotsTxt> RobotsFor(Uri uri, CancellationToken cancel)
    {
        var site = uri.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(site, out var known)) return known;
        var robots = RobotsTxt.DisallowAll;
        try
        {
            var target = new Uri(site + "/robots.txt");
            for (int hop = 0; hop <= 5; hop++)
            {
                await WaitTurn(target, cancel);
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                request.Headers.TryAddWithoutValidation("User-Agent", _o.UserAgent);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
                int status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } loc) { target = loc.IsAbsoluteUri ? loc : new Uri(target, loc); continue; }
                if (status is >= 200 and < 300)
                {
                    var body = await ReadCapped(response.Content, Limits.MaxRobotsBytes, cancel) ?? [];
                    robots = RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(body), FetchOptions.Product);
                }
                else if (status is >= 400 and < 500) robots = RobotsTxt.AllowAll;
                break;
            }
        }
        catch (HttpRequestException) { }
        catch (IOException) { }
        _robots[site] = robots;
        return robots;
    }
}
