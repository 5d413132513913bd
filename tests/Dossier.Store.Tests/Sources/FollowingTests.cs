using System.Net;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Store.Sources;
using Dossier.Testing;
using Dossier.Text;

namespace Dossier.Tests;

/// <summary>fetch and watch against a local HTTP server (issue 18): feeds that change between polls, 304 answers,
/// redirects, slow, huge and dropped answers, robots.txt, and a restart that goes on where it stopped. Nothing here
/// reaches outside the machine.</summary>
public abstract class FollowingTests<TEngine> : StoreSuite<TEngine>, IDisposable where TEngine : TestEngine, new()
{
    private readonly LocalHttpServer _server = new();
    private readonly List<string> _log = new();
    private readonly List<ItemError> _errors = new();

    // Small limits so faults show at once; no wait between requests to one host (it is the loopback).
    private static FetchOptions Options => new() { Timeout = TimeSpan.FromSeconds(2), MaxBytes = 256 * 1024, PerHostInterval = TimeSpan.Zero };
    private static readonly IngestOptions Ingest = new() { Workers = 2 };

    protected FollowingTests()
    {
        _server.Serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
    }

    private static string Page(int i) => $$"""
        <html><head><title>Story {{i}}</title><meta property="article:published_time" content="2025-03-0{{i % 9 + 1}}T10:00:00+01:00"></head>
        <body><article><h1>Harbour story {{i}}</h1>
        <p>The harbour authority of Port Aldane said on Tuesday that it would close quay number {{i}} for repairs after storms damaged two of its cranes, leaving shipping lines to divert cargo.</p>
        <p>Mira Olsen, the authority's operations director, said the work on quay {{i}} would take about six weeks and that no jobs would be lost while it is shut.</p>
        </article></body></html>
        """;

    private string Feed(params string[] paths) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Courier</title><link>" + _server.Root + "/</link><description>News</description>" +
        string.Concat(paths.Select(p => $"<item><title>Item {p}</title><link>{_server.Url(p)}</link><guid>{p}</guid><pubDate>Sat, 01 Mar 2025 09:00:00 GMT</pubDate><description>Short.</description></item>")) +
        "</channel></rss>";

    private async Task<FollowSummary> Pass(IStore store, params string[] urls)
    {
        using var fetcher = new HttpFetcher(Options);
        return await Following.RunOnceAsync(store, fetcher, urls, Ingest, _log.Add, _errors.Add);
    }

    [Fact]
    public async Task AFeedThatChangesBetweenPollsGivesEachArticleOnce()
    {
        for (int i = 1; i <= 3; i++) _server.Serve($"/news/{i}.html", Page(i));
        _server.Serve("/feed.xml", Feed("/news/1.html", "/news/2.html"), "application/rss+xml", etag: "\"v1\"");
        using var store = Open("f.db");
        var first = await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal((1, 2, 2), (first.Fetched, first.NewItems, first.Stored));

        // Unchanged: a conditional request, answered 304; nothing else is fetched.
        var second = await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal((0, 1, 0), (second.Fetched, second.NotModified, second.Stored));
        Assert.Contains(_server.Headers, h => h is { Path: "/feed.xml", Name: "If-None-Match", Value: "\"v1\"" });

        // A new item: only its page is fetched.
        _server.Serve("/feed.xml", Feed("/news/3.html", "/news/1.html", "/news/2.html"), "application/rss+xml", etag: "\"v2\"");
        var third = await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal((1, 1), (third.NewItems, third.Stored));
        Assert.Equal(3, store.Stats().Articles);
        Assert.All(new[] { "/news/1.html", "/news/2.html", "/news/3.html" }, p => Assert.Equal(1, _server.Hits[p]));
        Assert.All(_server.Headers.Where(h => h.Name == "User-Agent"), h => Assert.StartsWith("Dossier/", h.Value));
        Assert.Empty(_errors);
        // The page's own date, not the feed's.
        Assert.Contains("\"publishedFrom\":\"meta\"", store.Contracts().First().Json);
    }

    [Fact]
    public async Task ARelativeItemLinkIsRelativeToTheFeed()
    {
        _server.Serve("/news/5.html", Page(5));
        _server.Serve("/feeds/main.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>C</title><link>/</link><description>d</description>" +
            "<item><title>Five</title><link>../news/5.html</link><guid>five</guid></item></channel></rss>", "application/rss+xml");
        using var store = Open("l.db");
        Assert.Equal(1, (await Pass(store, _server.Url("/feeds/main.xml"))).Stored);
        Assert.Equal(1, _server.Hits["/news/5.html"]);
    }

    [Fact]
    public async Task RedirectsAreFollowedAndBounded()
    {
        _server.Redirect("/old.html", "/new.html");
        _server.Serve("/new.html", Page(1));
        _server.Redirect("/loop.html", "/loop.html", 302);
        for (int i = 0; i < 8; i++) _server.Redirect($"/hop{i}.html", $"/hop{i + 1}.html", 307);
        _server.Serve("/hop8.html", Page(2));
        _server.Serve("/feed.xml", Feed("/old.html", "/loop.html", "/hop0.html"), "application/rss+xml");
        using var store = Open("r.db");
        var s = await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal(1, s.Stored);
        Assert.Contains(store.Contracts(), c => c.Json.Contains(_server.Url("/new.html")));
        Assert.Equal(2, _log.Count(l => l.Contains("DSR506")));      // the loop, and the chain of eight
        Assert.Equal(1, _server.Hits["/loop.html"]);                   // a loop is seen at once
        Assert.False(_server.Hits.ContainsKey("/hop7.html"));          // five redirects at most
    }

    [Fact]
    public async Task SlowHugeAndDroppedAnswersCostOnlyTheirItemAndAreTriedAgain()
    {
        _server.On("/slow.html", async c => { await Task.Delay(TimeSpan.FromSeconds(5)); await LocalHttpServer.Write(c, Page(1)); });
        _server.On("/huge.html", async c =>
        {
            c.Response.ContentType = "text/html";
            c.Response.SendChunked = true; // no Content-Length: the cap is on what is read
            var chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text for a very long page</p>", 1000)));
            try { for (int i = 0; i < 40; i++) await c.Response.OutputStream.WriteAsync(chunk); c.Response.Close(); }
            catch (Exception) { /* the client stopped reading */ }
        });
        _server.On("/drop.html", async c =>
        {
            // Headers promise 10,000 bytes; the connection drops after 100.
            c.Response.ContentType = "text/html";
            c.Response.ContentLength64 = 10_000;
            await c.Response.OutputStream.WriteAsync(new byte[100]);
            await c.Response.OutputStream.FlushAsync();
            c.Response.Abort();
        });
        _server.Serve("/ok.html", Page(4));
        _server.Serve("/feed.xml", Feed("/slow.html", "/huge.html", "/drop.html", "/ok.html"), "application/rss+xml");
        using var store = Open("s.db");
        var s = await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal(1, s.Stored);
        Assert.Contains(_log, l => l.Contains("DSR505") && l.Contains("/slow.html"));
        Assert.Contains(_log, l => l.Contains("DSR504") && l.Contains("/huge.html"));
        Assert.Contains(_log, l => l.Contains("DSR502") && l.Contains("/drop.html"));
        // Next pass: the good one is not fetched again, the failed ones are.
        await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal(1, _server.Hits["/ok.html"]);
        Assert.Equal(2, _server.Hits["/drop.html"]);
        Assert.Equal(1, store.Stats().Articles);
    }

    [Fact]
    public async Task RobotsTxtIsFollowedAndAskedOncePerSite()
    {
        _server.Serve("/private/a.html", Page(1));
        _server.Serve("/news/b.html", Page(2));
        _server.Serve("/feed.xml", Feed("/private/a.html", "/news/b.html"), "application/rss+xml");
        using var store = Open("b.db");
        var s = await Pass(store, _server.Url("/feed.xml"));
        Assert.Equal(1, s.Stored);
        Assert.False(_server.Hits.ContainsKey("/private/a.html"));
        Assert.Contains(_log, l => l.Contains("DSR507"));
        Assert.Equal(1, _server.Hits["/robots.txt"]);
        // Refused for good: not asked again.
        _server.Serve("/feed.xml", Feed("/private/a.html", "/news/b.html") + " ", "application/rss+xml");
        _log.Clear();
        await Pass(store, _server.Url("/feed.xml"));
        Assert.DoesNotContain(_log, l => l.Contains("/private/a.html"));
    }

    [Fact]
    public async Task ARestartGoesOnWhereItStoppedWithoutLosingOrDoublingAnArticle()
    {
        for (int i = 1; i <= 4; i++) _server.Serve($"/news/{i}.html", Page(i));
        _server.Serve("/feed.xml", Feed("/news/1.html", "/news/2.html"), "application/rss+xml", etag: "\"a\"");
        using (var store = Open("w.db")) await Pass(store, _server.Url("/feed.xml"));

        // Stopped in the middle of a pass (Ctrl+C while fetching the third story's page): nothing of it is recorded.
        using var stop = new CancellationTokenSource();
        _server.On("/news/3.html", async c => { stop.Cancel(); await Task.Delay(300); await LocalHttpServer.Write(c, Page(3)); });
        _server.Serve("/feed.xml", Feed("/news/3.html", "/news/4.html", "/news/1.html", "/news/2.html"), "application/rss+xml", etag: "\"b\"");
        using (var store = Open("w.db"))
        using (var fetcher = new HttpFetcher(Options))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Following.RunOnceAsync(store, fetcher, [_server.Url("/feed.xml")], Ingest, _log.Add, _errors.Add, stop.Token));

        // The next run (a new process: a new store and fetcher) takes the two new stories, and only them.
        _server.Serve("/news/3.html", Page(3));
        using (var store = Open("w.db"))
        {
            var s = await Pass(store, _server.Url("/feed.xml"));
            Assert.Equal((2, 2, 0), (s.NewItems, s.Stored, s.Duplicates));
            Assert.Equal(4, store.Stats().Articles);
            var cursor = store.Sources.Cursor(_server.Url("/feed.xml"))!;
            Assert.Equal(("\"b\"", "200", 0), (cursor.ETag, cursor.Status, cursor.Failures));
        }
        Assert.Equal(1, _server.Hits["/news/1.html"]);
        Assert.Equal(1, _server.Hits["/news/4.html"]);
    }

    [Fact]
    public async Task AFollowedPageIsStoredOnceUntilItChanges()
    {
        _server.Serve("/live.html", Page(1), etag: "\"p1\"");
        using var store = Open("p.db");
        Assert.Equal(1, (await Pass(store, _server.Url("/live.html"))).Stored);
        Assert.Equal(1, (await Pass(store, _server.Url("/live.html"))).NotModified);
        // A new ETag with the same text: a duplicate, not a second article; a changed text: a new one.
        _server.Serve("/live.html", Page(1), etag: "\"p2\"");
        Assert.Equal(1, (await Pass(store, _server.Url("/live.html"))).Duplicates);
        _server.Serve("/live.html", Page(2), etag: "\"p3\"");
        Assert.Equal(1, (await Pass(store, _server.Url("/live.html"))).Stored);
        Assert.Equal(2, store.Stats().Articles);
    }

    [Fact]
    public async Task ASourceThatFailsIsCountedAndTheOthersGoOn()
    {
        _server.On("/broken.xml", c => { c.Response.StatusCode = 500; c.Response.Close(); return Task.CompletedTask; });
        _server.Serve("/a.html", Page(1));
        using var store = Open("e.db");
        var s = await Pass(store, _server.Url("/broken.xml"), _server.Url("/a.html"), "ftp://example.org/x");
        Assert.Equal((1, 2, 1), (s.Fetched, s.Failed, s.Stored));
        Assert.Contains(_log, l => l.Contains("DSR503") && l.Contains("/broken.xml"));
        Assert.Contains(_log, l => l.Contains("DSR501"));
        var cursor = store.Sources.Cursor(_server.Url("/broken.xml"))!;
        Assert.Equal(("DSR503", 1), (cursor.Status, cursor.Failures));
    }

    [Fact]
    public async Task WatchBacksOffASourceThatKeepsFailing()
    {
        _server.On("/down.xml", c => { c.Response.StatusCode = 503; c.Response.Close(); return Task.CompletedTask; });
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        using var store = Open("k.db");
        using var fetcher = new HttpFetcher(Options);
        async Task<FollowSummary> Watch() => await Following.RunOnceAsync(store, fetcher, [_server.Url("/down.xml")], Ingest, _log.Add, _errors.Add, backOff: true, clock: clock);
        for (int i = 0; i < 3; i++) Assert.Equal(1, (await Watch()).Failed);
        // Three failures in a row: left alone for five minutes, then tried again.
        Assert.Equal(1, (await Watch()).Skipped);
        Assert.Equal(3, _server.Hits["/down.xml"]);
        clock.Advance(Following.BackOff(3) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await Watch()).Failed);
        Assert.Equal(4, _server.Hits["/down.xml"]);
        Assert.Equal(TimeSpan.FromMinutes(10), Following.BackOff(4));
        Assert.Equal(Following.MaxBackOff, Following.BackOff(40));
    }

    [Fact]
    public async Task ASitesCrawlDelayIsKept()
    {
        _server.Serve("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain");
        _server.Serve("/a.html", Page(1));
        _server.Serve("/b.html", Page(2));
        using var fetcher = new HttpFetcher(Options);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Assert.True((await fetcher.FetchAsync(_server.Url("/a.html"))).Ok);
        Assert.True((await fetcher.FetchAsync(_server.Url("/b.html"))).Ok);
        Assert.True(sw.Elapsed >= TimeSpan.FromSeconds(0.9), $"two fetches in {sw.Elapsed.TotalSeconds:N2} s despite a crawl delay of 1 s");
    }

    public new void Dispose()
    {
        _server.Dispose();
        base.Dispose();
    }
}
