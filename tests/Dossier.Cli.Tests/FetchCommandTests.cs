using Dossier.Testing;

namespace Dossier.Tests;

/// <summary><c>fetch</c> and <c>watch</c> as a user runs them, against a local server (issue 18).</summary>
public sealed class FetchCommandTests() : CliTestBase("dossier-fetch-")
{
    private static string Page(int i) => $"""
        <html><head><title>Story {i}</title></head><body><article><h1>Harbour story {i}</h1>
        <p>The harbour authority of Port Aldane said on Tuesday that it would close quay number {i} for repairs after storms damaged two of its cranes, leaving shipping lines to divert cargo.</p>
        <p>Mira Olsen, the authority's operations director, said the work on quay {i} would take about six weeks.</p>
        </article></body></html>
        """;

    [Fact]
    public void FetchTakesNewItemsOnceAndWatchGoesOnFromTheStore()
    {
        using var server = new LocalHttpServer();
        server.Serve("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain");
        server.Serve("/a.html", Page(1));
        server.Serve("/b.html", Page(2));
        server.Serve("/feed.xml", $"""<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><link>{server.Root}/</link><description>d</description><item><title>A</title><link>{server.Url("/a.html")}</link><guid>a</guid></item><item><title>B</title><link>{server.Url("/b.html")}</link><guid>b</guid></item></channel></rss>""",
            "application/rss+xml", etag: "\"1\"");
        var db = Path.Combine(Dir, "f.db");
        var list = Path.Combine(Dir, "sources.txt");
        File.WriteAllText(list, $"# what we follow\n{server.Url("/feed.xml")}\n");

        var first = Dossier("fetch", "--list", list, "--db", db);
        Assert.Equal(0, first.Code);
        Assert.True(first.Out.StartsWith("fetch: 1 sources (1 fetched, 0 not modified, 0 failed); 2 new items; 2 articles stored", StringComparison.Ordinal), first.Out + first.Err);
        Assert.Contains($"fetch 200 {server.Url("/feed.xml")}", first.Err);
        Assert.Contains($"  item 200 {server.Url("/a.html")}", first.Err);

        var again = Dossier("watch", server.Url("/feed.xml"), "--passes", "1", "--db", db);
        Assert.Equal(0, again.Code);
        Assert.Contains("0 new items; 0 articles stored", again.Out);
        Assert.Contains($"fetch 304 {server.Url("/feed.xml")}: not modified", again.Err);
        Assert.Equal(1, server.Hits["/a.html"]);
    }

    [Theory]
    [InlineData("10s")]
    [InlineData("soon")]
    [InlineData("-5m")]
    public void WatchRefusesAnIntervalItCannotKeep(string every)
    {
        var r = Dossier("watch", "http://127.0.0.1:9/feed.xml", "--every", every, "--db", Path.Combine(Dir, "x.db"));
        Assert.Equal(2, r.Code);
        Assert.Contains("--every", r.Err);
    }

    [Fact]
    public void FetchRefusesAddressesThatAreNotHttp()
    {
        var r = Dossier("fetch", "file:///etc/passwd", "--db", Path.Combine(Dir, "x.db"));
        Assert.NotEqual(0, r.Code);
        Assert.Contains("(DSR501)", r.Err);
        Assert.Contains("(DSR402)", Dossier("fetch", "--db", Path.Combine(Dir, "x.db")).Err);
    }
}

/// <summary>The progress of a long ingest (issue 18): told on a terminal, never in a log or a pipe.</summary>
public sealed class IngestProgressTests() : CliTestBase("dossier-progress-")
{
    [Fact]
    public void ProgressTellsItemsRateAndTimeLeft()
    {
        var s = new global::Dossier.Store.Ingest.IngestSummary { Items = 1204, Stored = 900, Duplicates = 4, Failed = 2, Elapsed = TimeSpan.FromSeconds(10) };
        var line = global::Dossier.Cli.Commands.IngestCommand.Describe(s, totalFiles: 2225, filesBegun: 812);
        Assert.Equal("1,204 items · 900 stored · 4 duplicates · 2 failed · 90 articles/s · about 17 s left (812 of 2,225 files)", line);
        // One file (a JSON Lines corpus): no estimate it could not keep.
        Assert.DoesNotContain("left", global::Dossier.Cli.Commands.IngestCommand.Describe(s, totalFiles: 1, filesBegun: 1));
    }

    [Fact]
    public void AnIngestIntoALogOrAPipeWritesNoProgress()
    {
        var input = Directory.CreateDirectory(Path.Combine(Dir, "in")).FullName;
        for (int i = 0; i < 30; i++) File.WriteAllText(Path.Combine(input, $"{i:00}.txt"), $"date 2025-02-12 The council of town {i} met on Monday and agreed the budget for the harbour.");
        var r = Dossier("ingest", input, "--db", Path.Combine(Dir, "p.db"));
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
    }
}
