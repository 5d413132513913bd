using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests.Web.Browser;

/// <summary>Hostile articles ingested through the API and opened in the browser: the payloads show as text and never run.</summary>
/// <remarks>One class per engine: <c>BrowserSuites.cs</c>.</remarks>
public abstract class XssTests(BrowserFixture fx)
{
    // Each payload, if it ran, would set window.__xss or open a dialog.
    private const string Payloads =
        "<script>window.__xss=1;alert('xss')</script> " +
        "<img src=x onerror=\"window.__xss=2;alert('img')\"> " +
        "<svg onload=\"window.__xss=3\"></svg> " +
        "<a href=\"javascript:window.__xss=4\">click</a> " +
        "\"><iframe srcdoc=\"<script>parent.__xss=5</script>\"></iframe> " +
        "{{constructor.constructor('window.__xss=6')()}} ";

    [BrowserFact]
    public async Task HostileArticlesShowTheirPayloadsAsText()
    {
        // A plain text, a JSON Lines record whose title and body are hostile, and an HTML page.
        await fx.Ingest($"Zanzibar officials in Stone Town said on Monday that {Payloads} Vladimir Putin met Tony Blair in Moscow.\n\nMore: {Payloads}", "text/plain", "xss-text");
        var jsonl = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "xss-jsonl-1", title = "Quokka <img src=x onerror=\"window.__xss=7\"> report", published = "2025-03-02",
            url = "javascript:window.__xss=8", text = $"Quokka rangers in Perth said on Tuesday: \"{Payloads}\" The Australian minister agreed.",
        });
        await fx.Ingest(jsonl + "\n", "application/x-ndjson", "xss-jsonl");
        await fx.Ingest($"<html><head><title>Wombat &lt;script&gt;window.__xss=9&lt;/script&gt;</title></head><body><article><h1>Wombat news</h1><p>Wombat keepers in Canberra said on Friday that {System.Net.WebUtility.HtmlEncode(Payloads)} is the text of a note.</p><p>They met officials from Japan.</p></article></body></html>",
            "text/html", "xss-html");

        var (page, errors) = await fx.NewPage();
        foreach (var (query, shot) in new[] { ("Zanzibar", "11-xss-text"), ("Quokka", "12-xss-jsonl"), ("Wombat", "13-xss-html") })
        {
            await page.GotoAsync(fx.BaseUrl + "/#/search?q=" + query);
            var hit = page.Locator("#search-results li a").First;
            await Expect(hit).ToBeVisibleAsync();
            await hit.ClickAsync();
            await Expect(page.Locator("#article-text")).ToContainTextAsync(query);
            // The payloads are on the page as characters.
            await Expect(page.Locator("#article-text")).ToContainTextAsync("onerror=");
            await fx.Shot(page, shot);
            // No element came from the article's markup.
            Assert.Equal(0, await page.Locator("#view img, #view iframe, #view script, #view svg[onload], #view a[href^='javascript']").CountAsync());
            // Pointing at every highlight keeps the details panel text-only too.
            foreach (var h in await page.Locator("#article-text .hl").AllAsync()) { await h.HoverAsync(); }
            Assert.Equal(0, await page.Locator("#details img, #details iframe, #details script").CountAsync());
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        }
        // The JSON Lines title is text in the search results and the article heading.
        await page.GotoAsync(fx.BaseUrl + "/#/search?q=Quokka");
        await Expect(page.Locator("#search-results li a").First).ToContainTextAsync("<img src=x");
        await page.Locator("#search-results li a").First.ClickAsync();
        await Expect(page.Locator("#article-title")).ToContainTextAsync("onerror");
        // The url is not a link (only http and https are).
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task TheContentSecurityPolicyIsSent()
    {
        var (page, _) = await fx.NewPage();
        var response = await page.GotoAsync(fx.BaseUrl + "/");
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
    }
}
