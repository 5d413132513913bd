using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Dossier.Pipeline;
using Dossier.Store;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests.Web;

/// <summary>The HTTP API in process (a test server) over a small database built from hand-written articles, on each store
/// engine (one class per engine in <c>Engines/EngineSuites.cs</c>).</summary>
public abstract class ApiTests<TEngine> : IAsyncLifetime where TEngine : WebEngine, new()
{
    private static readonly TEngine Engine = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-web-").FullName;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static readonly string[] Articles =
    [
        "Russia's President Vladimir Putin has spoken to Syria's self-declared President Ahmad al-Sharaa, the Kremlin said on Wednesday. Putin offered aid.",
        "Syrian President Bashar al-Assad met Russian officials in Damascus on Monday. Assad thanked Moscow for its support.",
        "Some <script>alert(1)</script> text with onerror= and javascript: in it, said Tony Blair.",
        "Russia signed a trade agreement with Syria on Tuesday. Syria accused Russia of delays on Wednesday.",
    ];

    public async Task InitializeAsync()
    {
        var db = Store("w.db");
        using (var store = Stores.Open(db))
        {
            int i = 0;
            foreach (var text in Articles)
            {
                var r = Extractor.Default.Extract(new Dossier.Text.RawArticle { Body = text, Published = $"2025-02-{10 + i++}", Source = "test", Id = "t" + i });
                store.Add(r.Document!, Extractor.Default.Pipeline.Config);
            }
        }
        _app = WebApp.Create(new WebOptions(db, Token: "s3cret"), b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Engine.Release();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    /// <summary>The location of this test's store called <paramref name="name"/> on the engine ("w.db": the one <c>_app</c>
    /// serves).</summary>
    private string Store(string name) => Engine.Location(_dir, name);

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url)
    {
        var r = await _client.GetAsync(url);
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task SearchRankedAmongTheLatestMatchesSaysSoInAHeader()
    {
        // The same store served with a bound of one ranked match: "Russia" is in two articles, "Assad" in one.
        await using var app = WebApp.Create(new WebOptions(Store("w.db")) { Store = new StoreOptions { SearchRankedMatches = 1 } },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        var many = await client.GetAsync("/api/articles/search?q=Russia");
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Equal("1", Assert.Single(many.Headers.GetValues(Dossier.Web.Api.ArticlesApi.RankedLatestHeader)));
        var hits = JsonDocument.Parse(await many.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("t4", Assert.Single(hits.EnumerateArray()).GetProperty("externalId").GetString()); // the latest stored
        var one = await client.GetAsync("/api/articles/search?q=Assad");
        Assert.False(one.Headers.Contains(Dossier.Web.Api.ArticlesApi.RankedLatestHeader));
        // The default bound is far above this store's matches.
        Assert.False((await _client.GetAsync("/api/articles/search?q=Russia")).Headers.Contains(Dossier.Web.Api.ArticlesApi.RankedLatestHeader));
    }

    [Fact]
    public void AStoreThatIsNotThereIsRefusedAndNotCreated()
    {
        var missing = Store("missing.db");
        var e = Assert.Throws<DossierException>(() => WebApp.Create(new WebOptions(missing), b => b.WebHost.UseTestServer()));
        Assert.Equal("DSR311", e.Error.Code);
        Assert.Equal("DSR311", Assert.Throws<DossierException>(() => Stores.Open(missing, create: false)).Error.Code);
    }

    [Fact]
    public async Task SearchFindsArticlesWithSnippets()
    {
        var (status, body) = await Get("/api/articles/search?q=Putin");
        Assert.Equal(HttpStatusCode.OK, status);
        var hit = Assert.Single(body.EnumerateArray());
        Assert.Contains("«Putin»", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task ArticlesListAndOneArticleWithAllLayers()
    {
        var (status, list) = await Get("/api/articles?limit=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, list.GetArrayLength());
        var (_, next) = await Get("/api/articles?limit=2&offset=2");
        Assert.NotEqual(list[0].GetProperty("id").GetInt64(), next[0].GetProperty("id").GetInt64());
        long id = list[0].GetProperty("id").GetInt64();
        var (s2, article) = await Get($"/api/articles/{id}");
        Assert.Equal(HttpStatusCode.OK, s2);
        foreach (var layer in (string[])["text", "entities", "actors", "timexes", "quotes", "claims", "events"])
            Assert.True(article.TryGetProperty(layer, out _), layer + " missing");
        var (s3, _) = await Get("/api/articles/999999");
        Assert.Equal(HttpStatusCode.NotFound, s3);
        var (s4, _) = await Get("/api/articles?offset=-1");
        Assert.Equal(HttpStatusCode.BadRequest, s4);
    }

    [Fact]
    public async Task IngestNeedsTheTokenAndStoresText()
    {
        var text = new StringContent("Angela Merkel met Emmanuel Macron in Berlin on Friday.", System.Text.Encoding.UTF8, "text/plain");
        var none = await _client.PostAsync("/api/ingest?published=2025-03-07", text);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest?published=2025-03-07&name=desk")
        {
            Content = new StringContent("Angela Merkel met Emmanuel Macron in Berlin on Friday.", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        var ok = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var summary = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, summary.GetProperty("stored").GetInt32());
        var (_, hits) = await Get("/api/articles/search?q=Merkel");
        Assert.Single(hits.EnumerateArray());

        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent("x", System.Text.Encoding.UTF8, "text/plain") };
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(wrong)).StatusCode);
        var badType = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/pdf") };
        badType.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.SendAsync(badType)).StatusCode);
        var badJson = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent("{\"text\": \"Putin spoke.\"}\nnot json\n", System.Text.Encoding.UTF8, "application/x-ndjson") };
        badJson.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        var mixed = JsonDocument.Parse(await (await _client.SendAsync(badJson)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, mixed.GetProperty("failed").GetInt32());
        Assert.Equal(2, mixed.GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    // Issue 12, defect 2: a lone surrogate answered 500 after storing part of the batch, without saying which items.
    [Fact]
    public async Task AnIngestBatchSaysWhatBecameOfEachItem()
    {
        const string lines = """
            {"id":"g1","title":"Good one","text":"The mayor of Leeds opened the new bridge on Monday."}
            {"id":"lone","title":"x \ud800 y","text":"Rain fell across Leeds all week, the council said."}
            not json
            {"id":"g1","title":"Good one","text":"The mayor of Leeds opened the new bridge on Monday."}
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest?name=wire") { Content = new StringContent(lines, System.Text.Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((4, 2, 1, 1), (body.GetProperty("items").GetInt32(), body.GetProperty("stored").GetInt32(), body.GetProperty("duplicates").GetInt32(), body.GetProperty("failed").GetInt32()));
        var results = body.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("status").GetString())).ToList();
        Assert.Equal([(1, "stored"), (2, "stored"), (3, "failed"), (4, "duplicate")], results);
        Assert.Equal("DSR105", body.GetProperty("results")[2].GetProperty("code").GetString());
        Assert.True(body.GetProperty("results")[0].GetProperty("article").GetInt64() > 0);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal((2, "DSR124"), (warning.GetProperty("line").GetInt32(), warning.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task BadParametersAreProblems()
    {
        var (s1, b1) = await Get("/api/articles/search");
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Equal("q", b1.GetProperty("parameter").GetString());
        var (s2, b2) = await Get("/api/actors?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Equal("limit", b2.GetProperty("parameter").GetString());
        var (s3, _) = await Get("/api/actors?type=ALIEN");
        Assert.Equal(HttpStatusCode.BadRequest, s3);
        var (s4, _) = await Get("/api/events?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, s4);
        foreach (var (url, parameter) in new[]
        {
            ("/api/roles", "post"), ("/api/actors/why?a=Putin", "b"), ("/api/actors/why?b=Putin", "a"), ("/api/relations?b=Syria", "a"),
            ("/api/relations?a=Russia&b=Syria&limit=5000", "limit"), ("/api/articles/search?q=Russia&offset=-2", "offset"),
            ("/api/actors?q=" + new string('x', 201), "q"), ("/api/events?to=2025-13-45x", "to"),
        })
        {
            var (status, problem) = await Get(url);
            Assert.True(status == HttpStatusCode.BadRequest, url);
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
            Assert.Equal("application/problem+json", (await _client.GetAsync(url)).Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/articles/abc")).StatusCode);
        var (s5, b5) = await Get("/api/actors/Nobody%20Here");
        Assert.Equal(HttpStatusCode.NotFound, s5);
        Assert.Equal("DSR401", b5.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnActorsDossier()
    {
        var (status, body) = await Get("/api/actors/Putin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Vladimir Putin", body.GetProperty("name").GetString());
        Assert.Contains(body.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "Putin");
        Assert.Contains(body.GetProperty("roles").EnumerateArray(), r => r.GetProperty("title").GetString() == "President");
        var (top, list) = await Get("/api/actors?limit=5&type=PERSON");
        Assert.Equal(HttpStatusCode.OK, top);
        Assert.InRange(list.GetArrayLength(), 1, 5);
    }

    [Fact]
    public async Task EventsRolesAndWhy()
    {
        var (s1, events) = await Get("/api/events?actor=Russia&from=2025-01");
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.True(events.GetArrayLength() > 0);
        var (s2, holders) = await Get("/api/roles?post=President%20of%20Syria");
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Contains(holders.EnumerateArray(), h => h.GetProperty("name").GetString() == "Bashar al-Assad");
        var (s3, why) = await Get("/api/actors/why?a=Putin&b=Vladimir%20Putin");
        Assert.Equal(HttpStatusCode.OK, s3);
        Assert.True(why.GetProperty("same").GetBoolean());
    }

    [Fact]
    public async Task ARelationHasPointsAndTheEventsBehindThem()
    {
        var (status, body) = await Get("/api/relations?a=Russia&b=Syria&by=month");
        Assert.Equal(HttpStatusCode.OK, status);
        var points = body.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        var ids = points.SelectMany(p => p.GetProperty("eventIds").EnumerateArray().Select(x => x.GetInt64())).ToHashSet();
        var events = body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToHashSet();
        Assert.True(ids.SetEquals(events), "every point's events are listed, and nothing else");
        var (bad, problem) = await Get("/api/relations?a=Russia&b=Syria&by=day");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("by", problem.GetProperty("parameter").GetString());
        var (missing, _) = await Get("/api/relations?a=Russia&b=Atlantis");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task OpenApiDocumentAndSecurityHeaders()
    {
        var r = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var p in (string[])["/api/articles", "/api/articles/{id}", "/api/articles/search", "/api/actors", "/api/actors/{reference}",
                     "/api/actors/{reference}/quotes", "/api/actors/{reference}/articles", "/api/actors/why", "/api/actors/decisions",
                     "/api/actors/merge", "/api/actors/split", "/api/actors/suggestions", "/api/actors/suggestions/dismiss", "/api/events", "/api/roles", "/api/relations", "/api/cameo", "/api/ingest", "/api/export"])
            Assert.True(paths.TryGetProperty(p, out _), p + " missing from the OpenAPI document");
        Assert.Contains("default-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task HostileTextTravelsAsText()
    {
        var r = await _client.GetAsync("/api/articles/search?q=alert");
        var raw = await r.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType!.ToString());
        long id = JsonDocument.Parse(raw).RootElement[0].GetProperty("id").GetInt64();
        Assert.Contains("<script>", JsonDocument.Parse(raw).RootElement[0].GetProperty("snippet").GetString()); // the text itself is intact
        var article = await _client.GetAsync($"/api/articles/{id}");
        var json = await article.Content.ReadAsStringAsync();
        Assert.Contains("alert(1)", JsonDocument.Parse(json).RootElement.GetProperty("text").GetString());
        // Every JSON answer carries < and > escaped (\u003C, \u003E): the search, the list, an actor, a problem that echoes input.
        foreach (var url in new[] { "/api/articles/search?q=alert", "/api/articles", $"/api/articles/{id}", "/api/actors/Blair", "/api/actors/Blair/articles",
                     "/api/actors/%3Cscript%3E" })
        {
            var body = await (await _client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.True(body.Contains("\\u003C", StringComparison.OrdinalIgnoreCase), url + " carries no escaped <");
            Assert.False(body.Contains('<') || body.Contains('>'), url + " carries a raw < or >: " + body);
        }
    }

    [Fact]
    public async Task AForeignHostIsRefused()
    {
        // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends its own name as the Host.
        static Action<HttpContext> With(string host) => ctx =>
        {
            ctx.Request.Method = "GET";
            ctx.Request.Path = "/api/export";
            ctx.Request.Host = new HostString(host);
        };
        var server = _app.GetTestServer();
        var evil = await server.SendAsync(With("evil.example:5400"));
        Assert.Equal(421, evil.Response.StatusCode);
        Assert.Equal("DSR417", JsonDocument.Parse(evil.Response.Body).RootElement.GetProperty("code").GetString());
        foreach (var host in new[] { "evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80", "10.0.0.7:5080" })
            Assert.Equal(421, (await server.SendAsync(With(host))).Response.StatusCode);
        foreach (var host in new[] { "localhost", "localhost:5080", "127.0.0.1:5400", "[::1]:5080", "[::1]" })
            Assert.Equal(200, (await server.SendAsync(With(host))).Response.StatusCode);
    }

    [Fact]
    public async Task OptionsNeedsNoTokenAndSaysNothingButTheMethods()
    {
        // A CORS preflight from a page elsewhere, to a server whose reads need the token from that address.
        var server = _app.GetTestServer();
        foreach (var path in new[] { "/api/actors", "/api/export", "/api/actors/merge", "/" })
        {
            var r = await server.SendAsync(ctx =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                ctx.Request.Method = "OPTIONS";
                ctx.Request.Path = path;
                ctx.Request.Headers.Origin = "http://evil.example";
                ctx.Request.Headers.AccessControlRequestMethod = "GET";
            });
            Assert.True(r.Response.StatusCode is 204 or 405, $"{path}: {r.Response.StatusCode}");
            Assert.Contains(path == "/api/actors/merge" ? "POST" : "GET", r.Response.Headers.Allow.ToString());
            Assert.False(r.Response.Headers.ContainsKey("Access-Control-Allow-Origin"), "no CORS: other sites' pages may not read");
            var body = new StreamReader(r.Response.Body).ReadToEnd();
            Assert.DoesNotContain("Putin", body);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string url, object body, string? token = "s3cret", HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var r = await (client ?? _client).SendAsync(request);
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task ActorsAreSearchedAndPaged()
    {
        var (s1, hits) = await Get("/api/actors?q=shar");
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Contains(hits.EnumerateArray(), a => a.GetProperty("name").GetString() == "Ahmad al-Sharaa");
        Assert.DoesNotContain(hits.EnumerateArray(), a => a.GetProperty("name").GetString() == "Russia");
        // An alias counts: "Moscow" finds Russia; LIKE's wildcards are plain characters.
        var (_, moscow) = await Get("/api/actors?q=moscow");
        Assert.Contains(moscow.EnumerateArray(), a => a.GetProperty("name").GetString() == "Russia");
        var (_, percent) = await Get("/api/actors?q=%25");
        Assert.Equal(0, percent.GetArrayLength());
        var (_, first) = await Get("/api/actors?limit=1");
        var (_, second) = await Get("/api/actors?limit=1&offset=1");
        Assert.NotEqual(first[0].GetProperty("id").GetString(), second[0].GetProperty("id").GetString());
        var (s2, p2) = await Get("/api/actors?offset=-3");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Equal("offset", p2.GetProperty("parameter").GetString());
        var (_, s1Page) = await Get("/api/articles/search?q=Russia&limit=1");
        var (_, s2Page) = await Get("/api/articles/search?q=Russia&limit=1&offset=1");
        Assert.NotEqual(s1Page[0].GetProperty("id").GetInt64(), s2Page[0].GetProperty("id").GetInt64());
        // A misspelt actor answers 404 with names one or two keystrokes away.
        var (s3, missing) = await Get("/api/actors/Rusia");
        Assert.Equal(HttpStatusCode.NotFound, s3);
        Assert.Contains("Russia", missing.GetProperty("didYouMean").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task AnActorsQuotesAndArticlesArePaged()
    {
        var (s1, articles) = await Get("/api/actors/Russia/articles?limit=1");
        Assert.Equal(HttpStatusCode.OK, s1);
        var (_, next) = await Get("/api/actors/Russia/articles?limit=1&offset=1");
        Assert.NotEqual(articles[0].GetProperty("id").GetInt64(), next[0].GetProperty("id").GetInt64());
        var (_, all) = await Get("/api/actors/Russia/articles");
        var (_, dossier) = await Get("/api/actors/Russia");
        Assert.Equal(dossier.GetProperty("articles").GetInt32(), all.GetArrayLength());
        var (s2, quotes) = await Get("/api/actors/Blair/quotes");
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.All(quotes.EnumerateArray(), q => Assert.False(string.IsNullOrEmpty(q.GetProperty("text").GetString())));
        var (s3, _) = await Get("/api/actors/Atlantis/quotes");
        Assert.Equal(HttpStatusCode.NotFound, s3);
        var (s4, p4) = await Get("/api/actors/Russia/articles?offset=-1");
        Assert.Equal(HttpStatusCode.BadRequest, s4);
        Assert.Equal("offset", p4.GetProperty("parameter").GetString());
        Assert.True(dossier.GetProperty("evidence").GetArrayLength() > 0, "the dossier says how its names were joined");
        // The network's other edges: co-actors named together in Russia's own articles (Putin and Syria in the first one).
        var names = dossier.GetProperty("coActors").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("name").GetString()!);
        var pairs = dossier.GetProperty("coActorLinks").EnumerateArray()
            .Select(l => string.Join(" + ", new[] { names[l.GetProperty("a").GetString()!], names[l.GetProperty("b").GetString()!] }.Order())).ToList();
        Assert.Contains("Syria + Vladimir Putin", pairs);
    }

    [Fact]
    public async Task EventsFilterByDyadCodeAndCategory()
    {
        var (_, all) = await Get("/api/events?actor=Russia&undated=true");
        var (s1, dyad) = await Get("/api/events?actor=Russia&with=Syria");
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.NotEmpty(dyad.EnumerateArray());
        Assert.True(dyad.GetArrayLength() < all.GetArrayLength(), "the dyad is a subset of Russia's events");
        Assert.All(dyad.EnumerateArray(), e =>
        {
            var parties = e.GetProperty("sources").GetString() + " | " + e.GetProperty("targets").GetString();
            Assert.Contains("Russia", parties);
            Assert.Contains("Syria", parties);
        });
        var (_, consult) = await Get("/api/events?plover=CONSULT&undated=true");
        Assert.NotEmpty(consult.EnumerateArray());
        Assert.All(consult.EnumerateArray(), e => Assert.Equal("CONSULT", e.GetProperty("plover").GetString()));
        var (_, cameo) = await Get("/api/events?cameo=04&undated=true");
        Assert.All(cameo.EnumerateArray(), e => Assert.StartsWith("04", e.GetProperty("cameo").GetString()));
        var (_, page1) = await Get("/api/events?limit=1&undated=true");
        var (_, page2) = await Get("/api/events?limit=1&offset=1&undated=true");
        Assert.NotEqual(page1[0].GetProperty("id").GetInt64(), page2[0].GetProperty("id").GetInt64());
        foreach (var (url, parameter) in new[] { ("/api/events?with=Syria", "with"), ("/api/events?cameo=04%25", "cameo"), ("/api/events?plover=%3Cb%3E", "plover"), ("/api/events?offset=-1", "offset") })
        {
            var (status, problem) = await Get(url);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        }
        Assert.All(consult.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("cameoName").GetString())));
        var (sc, codes) = await Get("/api/cameo");
        Assert.Equal(HttpStatusCode.OK, sc);
        var named = codes.EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("name").GetString());
        Assert.Equal("Host a visit", named["043"]);
        Assert.Equal("Make public statement", named["01"]);
        var (s404, _) = await Get("/api/events?actor=Russia&with=Atlantis");
        Assert.Equal(HttpStatusCode.NotFound, s404);
    }

    [Fact]
    public async Task EachEventNamesItsHappeningWhichListsItsReports()
    {
        var (_, all) = await Get("/api/events?undated=true");
        var (_, once) = await Get("/api/events?undated=true&happenings=true");
        Assert.NotEmpty(once.EnumerateArray());
        Assert.True(once.GetArrayLength() <= all.GetArrayLength());
        // Every happening is listed once, and its reports add up to the events.
        var ids = once.EnumerateArray().Select(e => e.GetProperty("happening").GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(all.GetArrayLength(), once.EnumerateArray().Sum(e => e.GetProperty("reports").GetInt32()));
        var first = once[0];
        var (status, h) = await Get("/api/happenings/" + first.GetProperty("happening").GetInt64());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first.GetProperty("reports").GetInt32(), h.GetProperty("events").GetArrayLength());
        Assert.Equal(first.GetProperty("plover").GetString(), h.GetProperty("plover").GetString());
        var (missing, problem) = await Get("/api/happenings/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("DSR420", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MergeAndSplitNeedTheTokenAndAreRecorded()
    {
        var (denied, _) = await Post("/api/actors/merge", new { keep = "Putin", absorb = "Kremlin" }, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, denied);
        var (wrong, _) = await Post("/api/actors/merge", new { keep = "Putin", absorb = "Kremlin" }, token: "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        // The token is checked before the body is read; then a body that is not JSON is named as such.
        var garbage = new HttpRequestMessage(HttpMethod.Post, "/api/actors/merge") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(garbage)).StatusCode);
        garbage = new HttpRequestMessage(HttpMethod.Post, "/api/actors/merge") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        garbage.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        var bad = await _client.SendAsync(garbage);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not a valid JSON object", await bad.Content.ReadAsStringAsync());
        var text = new HttpRequestMessage(HttpMethod.Post, "/api/actors/split") { Content = new StringContent("actor=x", System.Text.Encoding.UTF8, "text/plain") };
        text.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.SendAsync(text)).StatusCode);
        var (missing, problem) = await Post("/api/actors/merge", new { keep = "Putin" });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("absorb", problem.GetProperty("parameter").GetString());
        var (unknown, _) = await Post("/api/actors/merge", new { keep = "Putin", absorb = "Atlantis" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        var (same, _) = await Post("/api/actors/merge", new { keep = "Putin", absorb = "Vladimir Putin" });
        Assert.Equal(HttpStatusCode.Conflict, same);

        // A deliberately wrong merge, then the split that undoes it.
        var (ok, merged) = await Post("/api/actors/merge", new { keep = "Bashar al-Assad", absorb = "Tony Blair", note = "test" });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Bashar al-Assad", merged.GetProperty("kept").GetProperty("name").GetString());
        var (_, dossier) = await Get("/api/actors/Bashar%20al-Assad");
        Assert.Contains(dossier.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "Tony Blair");

        var (split, created) = await Post("/api/actors/split", new { actor = "Bashar al-Assad", alias = "Tony Blair" });
        Assert.Equal(HttpStatusCode.OK, split);
        Assert.Equal("Tony Blair", created.GetProperty("created").GetProperty("name").GetString());
        var (noAlias, _) = await Post("/api/actors/split", new { actor = "Bashar al-Assad", alias = "Narnia" });
        Assert.Equal(HttpStatusCode.NotFound, noAlias);
        var (_, decisions) = await Get("/api/actors/decisions");
        Assert.Equal(["merge", "split"], decisions.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToArray());
    }

    [Fact]
    public async Task ProposedMergesAreListedAndDismissedOverHttp()
    {
        // A store of its own: a name and a misspelling of it (proposed, not joined), and a namesake.
        var db = Store("p.db");
        using (var store = Stores.Open(db))
        {
            int i = 0;
            foreach (var text in (string[])["Peter Trellingsen bought a second port on Friday, his advisers said.",
                         "Dock workers protested on Monday against a bid by Peter Trelingsen."])
            {
                var r = Extractor.Default.Extract(new Dossier.Text.RawArticle { Body = text, Published = $"2025-03-0{3 + i++}", Source = "test", Id = "p" + i });
                store.Add(r.Document!, Extractor.Default.Pipeline.Config);
            }
        }
        await using var app = WebApp.Create(new WebOptions(db, Token: "s3cret"), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/actors/suggestions")).RootElement;
        var x = Assert.Single(list.EnumerateArray());
        Assert.Equal("Peter Trellingsen", x.GetProperty("other").GetProperty("name").GetString());
        Assert.Equal("Peter Trelingsen", x.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("open", x.GetProperty("status").GetString());
        var page = JsonDocument.Parse(await client.GetStringAsync("/api/actors/Peter%20Trellingsen")).RootElement;
        Assert.Equal("Peter Trelingsen", Assert.Single(page.GetProperty("suggestions").EnumerateArray()).GetProperty("other").GetProperty("name").GetString());

        var (denied, _) = await Post("/api/actors/suggestions/dismiss", new { first = "Peter Trellingsen", second = "Peter Trelingsen" }, token: null, client: client);
        Assert.Equal(HttpStatusCode.Unauthorized, denied);
        var (missing, problem) = await Post("/api/actors/suggestions/dismiss", new { first = "Peter Trellingsen" }, client: client);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("second", problem.GetProperty("parameter").GetString());
        var (ok, done) = await Post("/api/actors/suggestions/dismiss", new { first = "Peter Trellingsen", second = "Peter Trelingsen", note = "two men" }, client: client);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("dismissed", done.GetProperty("status").GetString());
        var (again, none) = await Post("/api/actors/suggestions/dismiss", new { first = "Peter Trellingsen", second = "Dock" }, client: client);
        Assert.True(again is HttpStatusCode.NotFound, $"{again}: {none}");
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync("/api/actors/suggestions")).RootElement.EnumerateArray());
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/actors/suggestions?dismissed=true")).RootElement;
        Assert.Equal("two men", Assert.Single(all.EnumerateArray()).GetProperty("note").GetString());
    }

    [Fact]
    public async Task ExportStreamsWhatTheCliExports()
    {
        var jsonl = await _client.GetAsync("/api/export?format=jsonl");
        Assert.Equal(HttpStatusCode.OK, jsonl.StatusCode);
        Assert.Equal("application/x-ndjson", jsonl.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dossier-export.jsonl", jsonl.Content.Headers.ContentDisposition!.FileNameStar ?? jsonl.Content.Headers.ContentDisposition.FileName);
        var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Articles.Length, lines.Length);
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("events", out _)));
        // The same bytes as the command line's export of the same store.
        using (var store = Stores.Open(Store("w.db"), create: false))
        {
            var expected = new StringWriter();
            Dossier.Store.Export.Exporter.WriteJsonl(store, expected);
            Assert.Equal(expected.ToString(), await jsonl.Content.ReadAsStringAsync());
        }
        var csv = await _client.GetStringAsync("/api/export?format=csv");
        Assert.StartsWith(string.Join(",", Dossier.Store.Export.Exporter.CsvColumns), csv);
        var (bad, problem) = await Get("/api/export?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("format", problem.GetProperty("parameter").GetString());
    }

    // Issue 12, defect 4: a search past the store's bounds is refused with its code, as the caller's error.
    [Fact]
    public async Task ASearchPastTheBoundsIs400WithItsCode()
    {
        var q = Uri.EscapeDataString(string.Join(" OR ", Enumerable.Range(0, 20).Select(i => "w" + i + "*")));
        var (status, problem) = await Get("/api/articles/search?q=" + q);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("DSR314", problem.GetProperty("code").GetString());
        var repeated = Uri.EscapeDataString(string.Join(" OR ", Enumerable.Repeat("a* OR b*", 40)));
        Assert.Equal(HttpStatusCode.OK, (await Get("/api/articles/search?q=" + repeated)).Item1);
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413AndNothingIsStored()
    {
        await using var app = WebApp.Create(new WebOptions(Store("w.db"), Token: "s3cret") { MaxRequestBytes = 1000 }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        var big = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent("Zebulon wrote. " + new string('x', 2000), System.Text.Encoding.UTF8, "text/plain") };
        big.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        var r = await client.SendAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("1,000 bytes", await r.Content.ReadAsStringAsync());
        var (_, hits) = await Get("/api/articles/search?q=Zebulon");
        Assert.Equal(0, hits.GetArrayLength());
    }

    [Fact]
    public async Task RateLimitsAnswer429WithRetryAfter()
    {
        // A clock that stands still: on a loaded machine the three requests took three seconds of the real one.
        await using var app = WebApp.Create(new WebOptions(Store("w.db"), Token: "s3cret") { ReadsPerMinute = 3, WritesPerMinute = 1, Clock = new ManualClock() },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        for (int i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors")).StatusCode);
        var limited = await client.GetAsync("/api/actors");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        // 3 a minute: one more request is allowed 20 s after the third, not at the end of some minute.
        Assert.Equal(TimeSpan.FromSeconds(20), limited.Headers.RetryAfter!.Delta);
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("DSR418", problem.GetProperty("code").GetString());
        Assert.Contains("20 s", problem.GetProperty("title").GetString());
        // Writes have their own budget.
        var (first, _) = await Post("/api/actors/merge", new { keep = "Putin" }, client: client);
        Assert.Equal(HttpStatusCode.BadRequest, first);
        var (second, _) = await Post("/api/actors/merge", new { keep = "Putin" }, client: client);
        Assert.Equal(HttpStatusCode.TooManyRequests, second);
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerDay;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Interlocked.Read(ref _ticks);
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(GetTimestamp());
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    [Fact]
    public async Task RetryAfterIsTheTimeUntilThisClientMayGoOn()
    {
        var clock = new ManualClock();
        await using var app = WebApp.Create(new WebOptions(Store("w.db")) { ReadsPerMinute = 3, PublicReads = true, Clock = clock },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        async Task<TimeSpan?> Wait()
        {
            var r = await client.GetAsync("/api/actors");
            return r.StatusCode == HttpStatusCode.OK ? null : r.Headers.RetryAfter!.Delta;
        }
        for (int i = 0; i < 3; i++) Assert.Null(await Wait());
        Assert.Equal(TimeSpan.FromSeconds(20), await Wait());
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(5), await Wait());
        clock.Advance(TimeSpan.FromSeconds(4.2));
        Assert.Equal(TimeSpan.FromSeconds(1), await Wait()); // 0.8 s, rounded up: waiting that long is enough
        clock.Advance(TimeSpan.FromSeconds(0.8));
        Assert.Null(await Wait());
        Assert.Equal(TimeSpan.FromSeconds(20), await Wait());
        // Idle for a while, the client has its whole minute's worth again, and no more.
        clock.Advance(TimeSpan.FromMinutes(5));
        for (int i = 0; i < 3; i++) Assert.Null(await Wait());
        Assert.Equal(TimeSpan.FromSeconds(20), await Wait());
        // Another address has its own budget.
        var other = await app.GetTestServer().SendAsync(ctx =>
        {
            ctx.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
            ctx.Request.Method = "GET";
            ctx.Request.Path = "/api/actors";
        });
        Assert.Equal(200, other.Response.StatusCode);
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task PrefixSearchesBeyondTheirPlacesWaitInLineOrAre503WhileCheapReadsGoOn()
    {
        var clock = new ManualClock();
        await using var app = WebApp.Create(new WebOptions(Store("w.db")) { ReadsPerMinute = 0, Clock = clock }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        var gate = app.Services.GetRequiredService<WorkGates>().Search;
        Assert.Equal(WebLimits.MaxConcurrentSearches, gate.Slots);
        // Heavy searches hold every place; the last one took 4 s.
        var held = new List<IDisposable>();
        for (int i = 0; i < gate.Slots; i++) held.Add((await gate.Enter(default))!);
        clock.Advance(TimeSpan.FromSeconds(4));
        held[0].Dispose();
        held[0] = (await gate.Enter(default))!;

        var waiting = client.GetAsync("/api/articles/search?q=Puti*");
        await WaitUntil(() => gate.Waiting == 1, "the search waits in line");
        // Cheap reads go on, and so do searches of whole words.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/search?q=Putin")).StatusCode);
        Assert.False(waiting.IsCompleted);

        // The line fills up: the next search is refused at once, told the expected wait (4 s each, 18 ahead, 2 places: 36 s).
        var line = Enumerable.Range(0, WebLimits.SearchQueueLength - 1).Select(_ => gate.Enter(default)).ToList();
        await WaitUntil(() => gate.Waiting == WebLimits.SearchQueueLength, "the line is full");
        var busy = await client.GetAsync("/api/articles/search?q=Rus*");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4 * (gate.Slots + WebLimits.SearchQueueLength) / gate.Slots), busy.Headers.RetryAfter!.Delta);
        var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("DSR419", problem.GetProperty("code").GetString());

        // Places free up: the waiting search and everyone in line pass.
        foreach (var h in held) h.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        var passes = await Task.WhenAll(line.Select(async t => { var pass = await t; pass?.Dispose(); return pass; }));
        Assert.All(passes, Assert.NotNull);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/search?q=Rus*")).StatusCode);
    }

    [Fact]
    public async Task HostNamesGivenWithHostAreAnsweredBesidesLoopback()
    {
        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "192.168.1.5", "news.example.org"],
            WebApp.AllowedHosts(new WebOptions("x", "http://192.168.1.5:5080;http://[::]:5081;http://+:5082") { Hosts = ["news.example.org", " "] }));
        await using var app = WebApp.Create(new WebOptions(Store("w.db"), "http://0.0.0.0:5080") { Hosts = ["news.example.org", "*.lan"] },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        async Task<int> As(string host) => (await app.GetTestServer().SendAsync(ctx =>
        {
            ctx.Request.Method = "GET";
            ctx.Request.Path = "/api/actors";
            ctx.Request.Host = new HostString(host);
        })).Response.StatusCode;
        Assert.Equal(200, await As("news.example.org:5080"));
        Assert.Equal(200, await As("reader.lan"));
        Assert.Equal(200, await As("localhost:5080"));
        Assert.Equal(421, await As("evil.example:5080"));
        Assert.Equal(421, await As("0.0.0.0:5080"));
    }

    [Fact]
    public async Task ReadsFromElsewhereNeedTheTokenUnlessPublic()
    {
        static Action<HttpContext> From(string ip, string? token = null) => ctx =>
        {
            ctx.Connection.RemoteIpAddress = IPAddress.Parse(ip);
            ctx.Request.Method = "GET";
            ctx.Request.Path = "/api/actors";
            if (token is not null) ctx.Request.Headers.Authorization = "Bearer " + token;
        };
        var server = _app.GetTestServer();
        Assert.Equal(200, (await server.SendAsync(From("127.0.0.1"))).Response.StatusCode);
        var remote = await server.SendAsync(From("203.0.113.7"));
        Assert.Equal(401, remote.Response.StatusCode);
        Assert.Equal("DSR407", JsonDocument.Parse(remote.Response.Body).RootElement.GetProperty("code").GetString());
        Assert.Equal(200, (await server.SendAsync(From("203.0.113.7", "s3cret"))).Response.StatusCode);
        await using var open = WebApp.Create(new WebOptions(Store("w.db")) { PublicReads = true }, b => b.WebHost.UseTestServer());
        await open.StartAsync();
        Assert.Equal(200, (await open.GetTestServer().SendAsync(From("203.0.113.7"))).Response.StatusCode);
        // Without a token configured, reads from elsewhere are simply off (and say how to open them).
        await using var closed = WebApp.Create(new WebOptions(Store("w.db")), b => b.WebHost.UseTestServer());
        await closed.StartAsync();
        var off = await closed.GetTestServer().SendAsync(From("203.0.113.7"));
        Assert.Equal(403, off.Response.StatusCode);
        Assert.Contains("--public", new StreamReader(off.Response.Body).ReadToEnd());
    }

    [Fact]
    public async Task TheReadingRoomIsServedWithItsAssets()
    {
        var page = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/assets/app.js", html);
        Assert.DoesNotContain("<script>", html); // no inline script: the CSP allows only files from the server
        var js = await _client.GetAsync("/assets/app.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(".innerHTML", await js.Content.ReadAsStringAsync());
        var css = await _client.GetAsync("/assets/app.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        var again = new HttpRequestMessage(HttpMethod.Get, "/assets/app.css");
        again.Headers.TryAddWithoutValidation("If-None-Match", css.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/assets/..%2Fsecrets.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/assets/nothing.js")).StatusCode);
    }
}
