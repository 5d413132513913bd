namespace Dossier;

// Live sources: fetching feeds and pages over HTTP (fetch, watch; DSR501-DSR519).
public static partial class Errors
{
    /// <summary>The address is not an absolute http or https URL.</summary>
    public static DossierError BadSourceUrl(string url, string reason) => new("DSR501", $"'{Short(url, 200)}' is not an address to fetch: {reason}");
    /// <summary>The connection failed or was dropped.</summary>
    public static DossierError FetchFailed(string reason) => new("DSR502", $"fetch failed: {reason}");
    /// <summary>The server answered with an error status.</summary>
    public static DossierError FetchStatus(int status, string? reason) => new("DSR503", $"the server answered {status}{(string.IsNullOrEmpty(reason) ? "" : " " + reason)}");
    /// <summary>The answer is larger than <see cref="Limits.MaxFetchBytes"/>.</summary>
    public static DossierError FetchTooLarge() => new("DSR504", $"the answer is larger than {Limits.MaxFetchBytes / (1024 * 1024)} MiB: not read");
    /// <summary>The fetch took longer than <see cref="Limits.FetchTimeoutSeconds"/>.</summary>
    public static DossierError FetchTimeout() => new("DSR505", $"no complete answer within {Limits.FetchTimeoutSeconds} s");
    /// <summary>More than <see cref="Limits.MaxRedirects"/> redirects, or a redirect loop.</summary>
    public static DossierError TooManyRedirects(string last) => new("DSR506", $"more than {Limits.MaxRedirects} redirects (last to '{Short(last, 200)}')");
    /// <summary>The site's robots.txt does not allow the address to our user agent.</summary>
    public static DossierError RobotsDisallow(string url) => new("DSR507", $"robots.txt of the site does not allow '{Short(url, 200)}': not fetched");
    /// <summary>The answer is neither a web page nor a feed.</summary>
    public static DossierError NotPageOrFeed(string contentType) => new("DSR508", $"the answer is '{Short(contentType, 80)}', neither a web page nor a feed");
    /// <summary>A feed item has no link to its article and too little text of its own.</summary>
    public static DossierError FeedItemNoArticle(string item) => new("DSR509", $"feed item '{Short(item, 120)}' has no link and too little text of its own");
}
