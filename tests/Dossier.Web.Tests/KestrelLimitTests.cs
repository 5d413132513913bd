using System.Text;
using Dossier.Pipeline;
using Dossier.Store;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;

namespace Dossier.Tests.Web;

/// <summary>A small store shared by the tests of one class: a SQLite file only, as these tests are of the HTTP server's own
/// limits, not of the store (the API and browser tests run on every engine: Engines/EngineSuites.cs, Browser/BrowserSuites.cs).</summary>
public sealed class SmallStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-web-limits-").FullName;

    public SmallStore()
    {
        Path = System.IO.Path.Combine(_dir, "w.db");
        using var store = Stores.Open(Path);
        var r = Extractor.Default.Extract(new Dossier.Text.RawArticle { Body = "Vladimir Putin met Tony Blair in Moscow on Monday.", Published = "2025-02-10", Source = "test", Id = "t1" });
        store.Add(r.Document!, Extractor.Default.Pipeline.Config);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>Kestrel's own limits, on a real loopback port (the in-process test server enforces none of them): every refusal is
/// problem details with its status and a code, never a 500.</summary>
public sealed class KestrelLimitTests(SmallStore store) : IClassFixture<SmallStore>
{
    private const string Token = "s3cret";

    private async Task<(WebApplication App, string Url)> Serve(Func<WebOptions, WebOptions>? change = null)
    {
        var options = new WebOptions(store.Path, "http://127.0.0.1:0", Token);
        var app = WebApp.Create(change is null ? options : change(options));
        await app.StartAsync();
        return (app, app.Urls.First().TrimEnd('/'));
    }

    private static string Head(string request, params string[] headers) =>
        request + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Token + "\r\n" + string.Join("\r\n", headers);

    [Fact]
    public async Task AChunkedIngestBodyOverTheLimitIs413WithACode()
    {
        // No Content-Length: the limit can only bite while the body is read.
        var (app, url) = await Serve(o => o with { MaxRequestBytes = 64 * 1024 });
        await using var _ = app;
        var r = await RawHttp.Exchange(url, Head("POST /api/ingest", "Content-Type: text/plain", "Transfer-Encoding: chunked"),
            RawHttp.Chunked(pieces: 64, size: 16 * 1024, fill: (byte)'a'), TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(413, r.Status);
        Assert.Equal("DSR414", r.Json.GetProperty("code").GetString());
        Assert.Contains("65,536", r.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnOversizedMergeBodyIs413WithACode()
    {
        var (app, url) = await Serve();
        await using var _ = app;
        // Larger than any body the server takes (8 MiB), announced by its length: refused before it is read.
        var huge = 9 * 1024 * 1024;
        var r = await RawHttp.Exchange(url, Head("POST /api/actors/merge", "Content-Type: application/json", "Content-Length: " + huge),
            Enumerable.Repeat(Encoding.ASCII.GetBytes(new string(' ', 64 * 1024)), huge / (64 * 1024)), TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(413, r.Status);
        Assert.Equal("DSR414", r.Json.GetProperty("code").GetString());
        // A merge names two actors and a short note: past WebLimits.MaxDecisionBodyBytes it is not a merge, even in chunks.
        var json = "{\"keep\":\"Putin\",\"absorb\":\"Blair\",\"note\":\"" + new string('n', 100 * 1024) + "\"}";
        var chunked = await RawHttp.Exchange(url, Head("POST /api/actors/merge", "Content-Type: application/json", "Transfer-Encoding: chunked"),
            [Encoding.ASCII.GetBytes(json.Length.ToString("x") + "\r\n" + json + "\r\n0\r\n\r\n")], TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(413, chunked.Status);
        Assert.Equal("DSR414", chunked.Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ABodySlowerThanTheMinimumRateIs408WithACode()
    {
        var (app, url) = await Serve();
        await using var _ = app;
        // A byte every half second: far below the minimum rate, so Kestrel gives up once the grace period is over.
        var body = Enumerable.Range(0, 100).Select(_ => new[] { (byte)' ' });
        var started = DateTime.UtcNow;
        var r = await RawHttp.Exchange(url, Head("POST /api/actors/merge", "Content-Type: application/json", "Content-Length: 100"),
            body, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        Assert.Equal(408, r.Status);
        Assert.Equal("DSR415", r.Json.GetProperty("code").GetString());
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(WebLimits.DataRateGraceSeconds), TimeSpan.FromSeconds(WebLimits.DataRateGraceSeconds + 10));
        Assert.True(r.Headers.ContainsKey("Content-Security-Policy"), "the refusal carries the security headers too");
    }

    [Fact]
    public async Task BadChunkedFramingIs400WithACode()
    {
        var (app, url) = await Serve();
        await using var _ = app;
        var r = await RawHttp.Exchange(url, Head("POST /api/actors/merge", "Content-Type: application/json", "Transfer-Encoding: chunked"),
            ["zz\r\n{}\r\n0\r\n\r\n"u8.ToArray()], TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(400, r.Status);
        Assert.Equal("DSR416", r.Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task HeadersOverTheLimitAre431NotAServerError()
    {
        var (app, url) = await Serve();
        await using var _ = app;
        var r = await RawHttp.Exchange(url, Head("GET /api/actors", "X-Filler: " + new string('x', WebLimits.MaxRequestHeaderBytes)), [], TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(431, r.Status);
    }

    [Fact]
    public async Task AForeignHostIsRefusedOnARealPortToo()
    {
        var (app, url) = await Serve();
        await using var _ = app;
        var evil = await RawHttp.Exchange(url, "GET /api/export HTTP/1.1\r\nHost: evil.example:5400\r\nConnection: close", [], TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(421, evil.Status);
        Assert.Equal("DSR417", evil.Json.GetProperty("code").GetString());
        var port = new Uri(url).Port;
        foreach (var host in new[] { "127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST" })
        {
            var ok = await RawHttp.Exchange(url, $"GET /api/actors HTTP/1.1\r\nHost: {host}\r\nConnection: close", [], TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Assert.True(ok.Status == 200, $"{host}: {ok.Status}");
        }
    }
}
