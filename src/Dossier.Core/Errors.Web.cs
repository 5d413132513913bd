namespace Dossier;

// Messages of the web server (DSR414-DSR429): refusals of a request as a whole, each answered as problem details with its code.
public static partial class Errors
{
    /// <summary>A request body past the server's limit (HTTP 413).</summary>
    public static DossierError BodyTooLarge(long limit) => new("DSR414", $"request body too large: at most {limit:N0} bytes here");

    /// <summary>A request body that came slower than the server waits for (HTTP 408).</summary>
    public static DossierError BodyTooSlow(int bytesPerSecond) =>
        new("DSR415", $"request body too slow: it must arrive at {bytesPerSecond:N0} bytes per second or more");

    /// <summary>A request the HTTP server refused for another reason it states (bad framing, headers, request line).</summary>
    public static DossierError BadRequest(string detail) => new("DSR416", $"bad request: {detail}");

    /// <summary>A request for a host name this server does not answer to (HTTP 421): the defence against DNS rebinding.</summary>
    public static DossierError ForeignHost(string host) =>
        new("DSR417", $"this server does not answer to the host '{host}' (start 'dossier serve' with --host {HostName(host)} to allow it)");

    /// <summary>A client over its rate limit (HTTP 429).</summary>
    public static DossierError TooManyRequests(string policy, int perMinute, long retrySeconds) =>
        new("DSR418", $"too many requests: {policy} are limited to {perMinute:N0} a minute per client; the next one is allowed in {retrySeconds:N0} s");

    /// <summary>Every place for an expensive request (search, export) is taken and the line is full or took too long (HTTP 503).</summary>
    public static DossierError Busy(string work, long retrySeconds) =>
        new("DSR419", $"the server is busy with other {work} requests; try again in {retrySeconds:N0} s");

    // The host name without its port, for the hint.
    private static string HostName(string host)
    {
        if (host.StartsWith('[')) return host[..(host.IndexOf(']') is > 0 and var end ? end + 1 : host.Length)];
        int colon = host.LastIndexOf(':');
        return colon > 0 ? host[..colon] : host;
    }
}
