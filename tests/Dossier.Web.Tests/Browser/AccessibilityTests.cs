using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests.Web.Browser;

/// <summary>axe-core (Deque's accessibility engine) over each view: no serious or critical violation.</summary>
/// <remarks>One class per engine: <c>BrowserSuites.cs</c>.</remarks>
public abstract class AccessibilityTests(BrowserFixture fx)
{
    [BrowserFact]
    public async Task EveryViewPassesAxe()
    {
        var (page, errors) = await fx.NewPage();
        var views = new (string Url, string Ready)[]
        {
            ("/", ".actor-list li"),
            ("/#/search?q=El%20Fasher", "#search-results li"),
            ("/#/actors", "table.list tbody tr"),
            ("/#/events", "table.list tbody tr"),
            ("/#/relation?a=Ukraine&b=Russia", "#relation-chart .point"),
        };
        var problems = new List<string>();
        foreach (var (url, ready) in views)
        {
            await page.GotoAsync(fx.BaseUrl + url);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            await Check(page, url, problems);
        }
        // The article reader and an actor page, reached as a reader would.
        await page.GotoAsync(fx.BaseUrl + "/#/search?q=El%20Fasher");
        await page.Locator("#search-results li a").First.ClickAsync();
        await Expect(page.Locator("#article-text .hl").First).ToBeVisibleAsync();
        await page.Locator("#article-text .e-ORG").First.ClickAsync();
        await Check(page, "article", problems);
        await page.Locator("#article-actors a").First.ClickAsync();
        await Expect(page.Locator("#actor-name")).ToBeVisibleAsync();
        await page.Locator("#corrections summary").ClickAsync();
        await Check(page, "actor", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        BrowserFixture.NoErrors(errors);
    }

    private static async Task Check(Microsoft.Playwright.IPage page, string view, List<string> problems)
    {
        var result = await page.RunAxe();
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"{view}: {v.Id} ({v.Impact}) {v.Help}: " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)));
    }
}
