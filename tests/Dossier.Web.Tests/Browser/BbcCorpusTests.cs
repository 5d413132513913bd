using Dossier;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Testing;
using Dossier.Text;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests.Web.Browser;

/// <summary>The reading room over the whole BBC corpus (../shared/data/bbc-news) on one store engine: the second
/// relation target.</summary>
public abstract class BbcStoreFixture(WebEngine engine) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-bbc-web-").FullName;
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath) || SharedData.File("bbc-news", "bbc-news.jsonl.gz") is not { } corpus) return;
        var db = engine.Location(_dir, "bbc.db");
        using (var store = Stores.Open(db))
            Ingestion.Run(store, [corpus], new IngestOptions { Read = new ReadOptions() }, _ => { });
        _app = WebApp.Create(new WebOptions(db, "http://127.0.0.1:0") { ReadsPerMinute = 0 });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        engine.Release();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>The BBC store fixture on <typeparamref name="TEngine"/>.</summary>
public sealed class BbcStoreFixture<TEngine>() : BbcStoreFixture(new TEngine()) where TEngine : WebEngine, new();

/// <summary>The BBC corpus in the browser; one class per engine (<c>BrowserSuites.cs</c>) names the collection and the
/// class fixture of its engine.</summary>
public abstract class BbcCorpusTests(BrowserFixture fx, BbcStoreFixture bbc)
{
    [BbcBrowserFact]
    public async Task HowardAndBlairThenBlairsDossier()
    {
        var (page, errors) = await fx.NewPage();
        // A pair the corpus has several events for: Michael Howard and Tony Blair (accusations and a meeting). The Yukos
        // affair had more until events 1.3, which leaves a company's side out of political events, as the issue asks.
        await page.GotoAsync(bbc.BaseUrl + "/#/relation?a=Michael%20Howard&b=Tony%20Blair");
        await Expect(page.Locator("#relation-title")).ToContainTextAsync("Michael Howard");
        // The corpus carries no dates: its events form one "undated" point, and the events behind it are listed.
        var point = page.Locator("#relation-chart .point").First;
        await Expect(point).ToBeVisibleAsync();
        await point.ClickAsync();
        await Expect(page.Locator("#point-events tbody tr").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#point-events tbody tr").CountAsync() >= 3);
        await fx.Shot(page, "20-bbc-relation-howard-blair");
        await page.GotoAsync(bbc.BaseUrl + "/#/actor/Tony%20Blair");
        await Expect(page.Locator("#actor-name")).ToContainTextAsync("Tony Blair");
        await Expect(page.Locator("#roles li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#network .node").Nth(5)).ToBeVisibleAsync();
        // Co-actors seen together in several of his articles are joined (Gordon Brown and Labour, Michael Howard and the Tories …).
        Assert.True(await page.Locator("#network .edge.between").CountAsync() >= 3, "co-actors named together are joined");
        await fx.Shot(page, "21-bbc-actor-blair", fullPage: false);
        // Long lists open on demand.
        var hidden = await page.Locator("#quotes li.hidden").CountAsync();
        Assert.True(hidden > 0, "a dossier with many quotes shows the first few");
        await page.Locator("#quotes + button.more").ClickAsync();
        Assert.Equal(0, await page.Locator("#quotes li.hidden").CountAsync());
        // More than the dossier's first page: the next pages come from /api/actors/{id}/quotes.
        int before = await page.Locator("#quotes li").CountAsync();
        await page.Locator("section:has(#quotes) button.load-more").ClickAsync();
        await Expect(page.Locator("#quotes li")).ToHaveCountAsync(before + 50);
        BrowserFixture.NoErrors(errors);
    }

    [BbcBrowserFact]
    public async Task ASearchMatchingMoreThanIsRankedSaysSo()
    {
        var (page, errors) = await fx.NewPage();
        // "the" is in every article of the corpus (more than Limits.SearchRankedMatches): ranked among the latest stored.
        await page.GotoAsync(bbc.BaseUrl + "/#/search?q=the");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#search-ranked")).ToContainTextAsync($"ranked among the {Limits.SearchRankedMatches:N0} stored last");
        // A name matches far fewer: no note.
        await page.GotoAsync(bbc.BaseUrl + "/#/search?q=Blair");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#search-ranked").CountAsync());
        BrowserFixture.NoErrors(errors);
    }
}

/// <summary>Needs Chromium and the BBC corpus.</summary>
public sealed class BbcBrowserFactAttribute : FactAttribute
{
    public BbcBrowserFactAttribute()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
            Skip = $"Chromium is not installed at {BrowserFixture.ChromiumPath}: scripts/setup installs it (apt-get install -y chromium)";
        else if (SharedData.File("bbc-news", "bbc-news.jsonl.gz") is null)
            Skip = SharedData.SkipMessage + " (bbc-news/bbc-news.jsonl.gz)";
    }
}
