using System.Net.Http.Headers;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Testing;
using Dossier.Text;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Dossier.Tests.Web.Browser;

/// <summary>
/// A real server on a loopback port over a database of the project's sample articles (and the seed article when ../shared
/// is there) on one store engine, and Debian's Chromium driven by Playwright. Screenshots go to artifacts/screenshots (another
/// engine's than SQLite's to a folder of its own there, as the engines' collections run side by side).
/// </summary>
/// <remarks>One collection per engine (<see cref="BrowserFixture{TEngine}"/>, <c>BrowserSuites.cs</c>); the test
/// classes take the base type, so their bodies are the same on every engine.</remarks>
public abstract class BrowserFixture(WebEngine engine) : IAsyncLifetime
{
    /// <summary>Where Debian puts Chromium (scripts/setup installs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The write token of the test server.</summary>
    public const string Token = "browser-test-token";

    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The server's base address (http://127.0.0.1:PORT).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The folder screenshots are saved in.</summary>
    public string Screenshots { get; } = ScreenshotFolder(engine);

    /// <summary>artifacts/screenshots for SQLite (as before there were engines), artifacts/screenshots/ENGINE for another.</summary>
    private static string ScreenshotFolder(WebEngine engine)
    {
        var root = Path.Combine(SharedData.RepoRoot, "artifacts", "screenshots");
        return engine is SqliteWebEngine ? root : Path.Combine(root, engine.Name);
    }

    /// <summary>Whether the seed article (../shared/data/seed) was stored.</summary>
    public bool HasSeed { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return; // the tests skip (BrowserFactAttribute)
        Directory.CreateDirectory(Screenshots);
        var db = engine.Location(_dir, "browser.db");
        using (var store = Stores.Open(db))
        {
            var paths = new List<string> { Path.Combine(SharedData.RepoRoot, "data", "samples") };
            if (SharedData.File("seed", "000_e9286ede1a1a4dfa.txt") is { } seed) { paths.Add(seed); HasSeed = true; }
            var errors = new List<ItemError>();
            Ingestion.Run(store, paths, new IngestOptions { Read = new ReadOptions(), Workers = 1 }, errors.Add);
            if (errors.Count > 0) throw new InvalidOperationException("sample ingest failed: " + string.Join("; ", errors));
        }
        _app = WebApp.Create(new WebOptions(db, "http://127.0.0.1:0", Token) { ReadsPerMinute = 0 });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>POSTs a body to /api/ingest with the token; returns the response text.</summary>
    public async Task<string> Ingest(string body, string contentType, string? name = null, string published = "2025-03-01")
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var url = BaseUrl + "/api/ingest?published=" + published + (name is null ? "" : "&name=" + Uri.EscapeDataString(name));
        var r = await http.PostAsync(url, content);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"ingest answered {(int)r.StatusCode}: {text}");
        return text;
    }

    /// <summary>A page in a fresh context, with page errors and dialogs recorded (a dialog would mean a script ran).</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPage(int width = 1366, int height = 900, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone, DeviceScaleFactor = phone ? 2 : 1,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console error: {m.Text} ({m.Location})"); };
        page.Dialog += async (_, d) => { errors.Add("dialog opened: " + d.Message); await d.DismissAsync(); };
        return (page, errors);
    }

    /// <summary>Fails with every error the page reported.</summary>
    public static void NoErrors(List<string> errors) => Assert.True(errors.Count == 0, string.Join("\n", errors));

    /// <summary>Saves a screenshot (the full page, or what the screen shows) as artifacts/screenshots/NAME.png.</summary>
    public Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        engine.Release();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>The browser fixture on <typeparamref name="TEngine"/>: the type a collection of that engine shares.</summary>
public sealed class BrowserFixture<TEngine>() : BrowserFixture(new TEngine()) where TEngine : WebEngine, new();

/// <summary>A fact that needs Debian's Chromium; it skips with a clear message when it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
            Skip = $"Chromium is not installed at {BrowserFixture.ChromiumPath}: scripts/setup installs it (apt-get install -y chromium)";
    }
}
