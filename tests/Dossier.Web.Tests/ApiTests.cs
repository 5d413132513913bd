using System.Net;
using System.Text.Json;
using Dossier.Pipeline;
using Dossier.Store;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Dossier.Tests.Web;

/// <summary>The HTTP API in process (a test server) over a small database built from hand-written articles.</summary>
public sealed class ApiTests : IAsyncLifetime
{
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
        var db = Path.Combine(_dir, "w.db");
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url)
    {
        var r = await _client.GetAsync(url);
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
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
        foreach (var p in (string[])["/api/articles", "/api/articles/{id}", "/api/articles/search", "/api/actors", "/api/actors/{reference}", "/api/events", "/api/roles", "/api/relations"])
            Assert.True(paths.TryGetProperty(p, out _), p + " missing from the OpenAPI document");
        Assert.Contains("default-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task HostileTextTravelsAsText()
    {
        var r = await _client.GetAsync("/api/articles/search?q=script");
        var raw = await r.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain("<script>", raw); // System.Text.Json escapes < and > (\u003C)
        long id = JsonDocument.Parse(raw).RootElement[0].GetProperty("id").GetInt64();
        var article = await _client.GetAsync($"/api/articles/{id}");
        var json = await article.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", json);
        Assert.Contains("alert(1)", JsonDocument.Parse(json).RootElement.GetProperty("text").GetString()); // the text itself is intact
    }
}
