namespace Dossier.Web;

/// <summary>Every bound the web server puts on a request and on the work it does for one (docs/limits.md, "Web server").</summary>
/// <remarks>
/// Kestrel enforces the size, time and rate bounds on the connection; what it refuses while the app reads a body becomes problem
/// details with the status Kestrel chose and a code (<see cref="WebApp"/>). Refusals Kestrel makes before the app sees the request
/// (headers too large or too slow, request line too long, too many connections) are its own bare answers: no body, no code.
/// </remarks>
public static class WebLimits
{
    // --- requests, enforced by Kestrel ---

    /// <summary>Largest request body by default, in bytes (413, DSR414; <c>--max-body</c> changes it): an ingest batch of JSON Lines.</summary>
    public const long MaxRequestBodyBytes = 8 * 1024 * 1024;

    /// <summary>Largest body of a merge or split, in bytes (413, DSR414): two names and a note of 2,000 characters fit many times over.</summary>
    public const long MaxDecisionBodyBytes = 64 * 1024;

    /// <summary>Slowest request body accepted once the grace period is over, in bytes per second (408, DSR415): a body of
    /// <see cref="MaxRequestBodyBytes"/> may then hold a connection for at most about half an hour.</summary>
    public const int MinRequestBodyBytesPerSecond = 4 * 1024;

    /// <summary>Slowest reader of a response accepted once the grace period is over, in bytes per second (Kestrel closes the
    /// connection): a client that stops reading an export cannot hold its thread and its place.</summary>
    public const int MinResponseBytesPerSecond = 4 * 1024;

    /// <summary>Seconds a body or a response may run below its minimum rate before the rate is enforced (408, DSR415).</summary>
    public const int DataRateGraceSeconds = 5;

    /// <summary>Largest total size of the request headers, in bytes (431 from Kestrel, no body): room for a token and the
    /// cookies other local servers set on "localhost".</summary>
    public const int MaxRequestHeaderBytes = 32 * 1024;

    /// <summary>Longest request line (method, path and query), in bytes (414 from Kestrel, no body): queries are capped far lower.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>Seconds a client has to send all of its request headers (408 from Kestrel, then the connection is closed).</summary>
    public const int RequestHeadersTimeoutSeconds = 10;

    /// <summary>Seconds an idle kept-alive connection stays open between requests (then closed; nothing is lost).</summary>
    public const int KeepAliveTimeoutSeconds = 30;

    /// <summary>Most connections open at once (Kestrel closes the ones past it at once, with no answer): a browser opens six.</summary>
    public const int MaxConnections = 500;

    // --- rates per client address (429, DSR418) ---

    /// <summary>Read requests a client address may make per minute by default (429, DSR418; <c>--read-rate</c> changes it).</summary>
    public const int ReadsPerMinute = 1200;

    /// <summary>Write requests (ingest, merge, split) a client address may make per minute by default (429, DSR418; <c>--write-rate</c>).</summary>
    public const int WritesPerMinute = 30;

    // --- expensive work: search and export (503, DSR419) ---

    /// <summary>Searches with a prefix term (<c>*</c>) that run at once (503, DSR419): on a small machine the rest of the API keeps a
    /// core. Whole-word searches are index lookups and pass no gate.</summary>
    public const int MaxConcurrentSearches = 2;

    /// <summary>Prefix searches that may wait for a place beyond those running (503, DSR419 past it, at once).</summary>
    public const int SearchQueueLength = 16;

    /// <summary>Exports that run at once (503, DSR419): an export reads the whole store.</summary>
    public const int MaxConcurrentExports = 1;

    /// <summary>Exports that may wait for a place beyond the one running (503, DSR419 past it, at once).</summary>
    public const int ExportQueueLength = 2;

    /// <summary>Seconds a search or export waits in line for a place before it is refused (503, DSR419).</summary>
    public const int QueueWaitSeconds = 10;
}
