using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests.Web.Browser;

/// <summary>The reading room's main flows in headless Chromium: search, the article reader, the actor page, the relation chart.</summary>
/// <remarks>One class per engine: <c>BrowserSuites.cs</c>.</remarks>
public abstract class ReadingRoomTests(BrowserFixture fx)
{
    [BrowserFact]
    public async Task SearchThenOpenAnArticleWithItsLayers()
    {
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/");
        await Expect(page.Locator(".actor-list li").First).ToBeVisibleAsync();
        await page.Locator("#search-form input[name=q]").FillAsync("shipping talks");
        await page.Locator("#search-form input[name=q]").PressAsync("Enter");
        var first = page.Locator("#search-results li a").First;
        await Expect(first).ToContainTextAsync("Black Sea shipping talks");
        await Expect(page.Locator("#search-results mark").First).ToBeVisibleAsync();
        await fx.Shot(page, "01-search");
        await first.ClickAsync();
        await Expect(page.Locator("#article-title")).ToContainTextAsync("Black Sea shipping talks");
        // The date says where it came from (the feed item gives its own).
        await Expect(page.Locator("#article-meta")).ToContainTextAsync("2025-05-22 (date from the input)");
        // Every layer is drawn: entities, a date, a quote, an event trigger.
        await Expect(page.Locator("#article-text .e-GPE").First).ToBeVisibleAsync();
        await Expect(page.Locator("#article-text .t").First).ToBeVisibleAsync();
        await Expect(page.Locator("#article-text .ev").First).ToBeVisibleAsync();
        // Pointing at a place shows its actor and the component that found it.
        await page.Locator("#article-text .e-GPE", new() { HasText = "Ukraine" }).First.HoverAsync();
        await Expect(page.Locator("#details")).ToContainTextAsync("actor: Ukraine");
        await Expect(page.Locator("#details")).ToContainTextAsync("by ner@");
        // A date shows its normalised value; an event its code and score.
        await page.Locator("#article-text .t").First.ClickAsync();
        await Expect(page.Locator("#details")).ToContainTextAsync("value: 2025-");
        await page.Locator("#article-text .t").First.ClickAsync(); // unpin
        await page.Locator("#article-text .ev").First.ClickAsync();
        await Expect(page.Locator("#details")).ToContainTextAsync("CAMEO");
        await Expect(page.Locator("#details")).ToContainTextAsync("Goldstein");
        await Expect(page.Locator("#details")).ToContainTextAsync("by events@");
        await fx.Shot(page, "02-article");
        // Turning a layer off takes its highlights away.
        await page.Locator("input[data-layer=timexes]").UncheckAsync();
        await Expect(page.Locator("#article-text .t")).ToHaveCountAsync(0);
        await Expect(page.Locator("#article-text .e-GPE").First).ToBeVisibleAsync();
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task AQuoteShowsItsSpeakerAndAClaimItsCertainty()
    {
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/search?q=" + Uri.EscapeDataString("El Fasher fuel depot"));
        await page.Locator("#search-results li a").First.ClickAsync();
        var quote = page.Locator("#article-text .q", new() { HasText = "deliberate strike" }).First;
        await Expect(quote).ToBeVisibleAsync();
        await quote.ClickAsync();
        await Expect(page.Locator("#details")).ToContainTextAsync("speaker:");
        await Expect(page.Locator("#details")).ToContainTextAsync("by quotes@");
        await Expect(page.Locator("#details .quote a").First).ToContainTextAsync("Khalid Osman Idris");
        // A claim that is not asserted shows its certainty and on whose authority.
        await page.Locator("#article-text .hl", new() { HasText = "deliberate strike" }).First.ClickAsync(); // unpin
        await page.Locator("#article-text .c-unverified", new() { HasText = "Unconfirmed reports" }).First.ClickAsync();
        await Expect(page.Locator("#details .claim").First).ToContainTextAsync("certainty: unverified");
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task AnActorPageWithNamesRolesNetworkAndEvents()
    {
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/actors?q=Russia");
        await page.Locator("table.list a", new() { HasText = "Russia" }).First.ClickAsync();
        await Expect(page.Locator("#actor-name")).ToContainTextAsync("Russia");
        await Expect(page.Locator("#aliases .chip").First).ToBeVisibleAsync();
        await Expect(page.Locator("#network .node").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#network .node").CountAsync() >= 3);
        await Expect(page.Locator("table.events tbody tr").First).ToBeVisibleAsync();
        await fx.Shot(page, "03-actor-russia");
        // A node of the network leads to that actor.
        var node = page.Locator("#network .node a").First;
        var name = await node.Locator("text").TextContentAsync();
        await node.ClickAsync();
        await Expect(page.Locator("#actor-name")).Not.ToContainTextAsync("Russia GPE");
        Assert.False(string.IsNullOrEmpty(name));
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task APersonsRolesOnATimeLine()
    {
        await fx.Ingest("Moldova's Prime Minister Dorin Recean visited Kyiv on Monday.", "text/plain", "role-1", "2023-06-05");
        await fx.Ingest("Former Moldovan Prime Minister Dorin Recean spoke in Chisinau on Tuesday.", "text/plain", "role-2", "2025-03-04");
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/actor/Dorin%20Recean");
        // One occupancy, from the first article stating it to the first calling it former.
        await Expect(page.Locator("#roles li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#roles li").First).ToContainTextAsync("Prime Minister of Moldova");
        await Expect(page.Locator("#roles li").First).ToContainTextAsync("2023-06-05 → ≤2025-03-04");
        await Expect(page.Locator("#role-chart .role-bar.ended")).ToHaveCountAsync(1);
        await Expect(page.Locator("#role-chart text", new() { HasText = "2024" })).ToHaveCountAsync(1);
        await fx.Shot(page, "04-actor-with-role");
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task ARelationChartShowsTheEventsBehindAPoint()
    {
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/relation");
        await page.Locator("#relation-form input[name=a]").FillAsync("Ukraine");
        await page.Locator("#relation-form input[name=b]").FillAsync("Russia");
        await page.Locator("#relation-form button").ClickAsync();
        await Expect(page.Locator("#relation-title")).ToContainTextAsync("Ukraine");
        var point = page.Locator("#relation-chart .point").First;
        await Expect(point).ToBeVisibleAsync();
        await point.ClickAsync();
        await Expect(page.Locator("#point-events h3")).ToContainTextAsync("2025-05");
        await Expect(page.Locator("#point-events tbody tr").First).ToContainTextAsync("accused");
        await Expect(page.Locator("#point-events tbody tr").First).ToContainTextAsync("112 Accuse");
        await fx.Shot(page, "05-relation-ukraine-russia");
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task TheRelationAxisIsTimeWithEmptyMonths()
    {
        await fx.Ingest("Chile signed a fishing agreement with Peru on Monday.", "text/plain", "axis-1", "2024-01-16");
        await fx.Ingest("Chile accused Peru of violating the fishing agreement on Tuesday.", "text/plain", "axis-2", "2024-04-10");
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/relation?a=Chile&b=Peru");
        await Expect(page.Locator("#relation-chart .point")).ToHaveCountAsync(2);
        // January to April: four months on the axis, two of them empty.
        foreach (var month in new[] { "2024-01", "2024-02", "2024-03", "2024-04" })
            await Expect(page.Locator("#relation-chart text", new() { HasText = month })).ToHaveCountAsync(1);
        await page.Locator("#relation-chart .point[data-period='2024-04']").ClickAsync();
        await Expect(page.Locator("#point-events tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#point-events tbody tr").First).ToContainTextAsync("accused");
        await fx.Shot(page, "14-relation-months");
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task TheSeedsRussiaSyriaRelation()
    {
        if (!fx.HasSeed) return; // the seed is in ../shared (absent in a user's clone); the sample relation above still runs
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/relation?a=Russia&b=Syria");
        await Expect(page.Locator("#relation-chart .point")).ToHaveCountAsync(1);
        await Expect(page.Locator("#point-events tbody tr").First).ToContainTextAsync("demanding");
        await fx.Shot(page, "06-relation-russia-syria");
        // The seed article itself: Ahmad al-Sharaa under his other names, and the weekend of December 8 of last year.
        await page.GotoAsync(fx.BaseUrl + "/#/search?q=Jolani");
        await page.Locator("#search-results li a").First.ClickAsync();
        await page.Locator("#article-text .t", new() { HasText = "weekend of December 8" }).First.ClickAsync();
        await Expect(page.Locator("#details")).ToContainTextAsync("2024-W49-WE");
        // The embedded post: its author and platform.
        await Expect(page.Locator("#article-posts")).ToContainTextAsync("@Partisangirl");
        await page.Locator("#article-text .p").First.ClickAsync();
        await page.Locator("#article-text .p").First.ClickAsync();
        await Expect(page.Locator("#details .post")).ToContainTextAsync("twitter");
        await fx.Shot(page, "07-seed-article");
        await page.Locator("#article-actors a", new() { HasText = "Ahmad al-Sharaa" }).ClickAsync();
        await Expect(page.Locator("#aliases")).ToContainTextAsync("Jolani");
        await fx.Shot(page, "08-actor-sharaa");
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task ReadableOnAPhone()
    {
        var (page, errors) = await fx.NewPage(390, 844, phone: true);
        await page.GotoAsync(fx.BaseUrl + "/#/search?q=" + Uri.EscapeDataString("El Fasher"));
        await page.Locator("#search-results li a").First.ClickAsync();
        await Expect(page.Locator("#article-text .hl").First).ToBeVisibleAsync();
        // Nothing wider than the screen: no sideways scrolling.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"the page is {overflow}px wider than the phone's screen");
        // Text is not shrunk below a readable size.
        var size = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.getElementById('article-text')).fontSize)");
        Assert.True(size >= 15, $"article text is {size}px");
        // The details panel is hidden until a highlight is tapped, then it is a sheet over the bottom of the screen.
        await Expect(page.Locator("#details")).ToBeHiddenAsync();
        await page.Locator("#article-text .e-ORG").First.TapAsync();
        await Expect(page.Locator("#details .item").First).ToBeInViewportAsync();
        await fx.Shot(page, "09-phone-article", fullPage: false);
        await page.Locator("#details .close").TapAsync();
        await Expect(page.Locator("#details")).ToBeHiddenAsync();
        await page.GotoAsync(fx.BaseUrl + "/#/relation?a=Ukraine&b=Russia");
        await Expect(page.Locator("#relation-chart")).ToBeVisibleAsync();
        overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"the relation page is {overflow}px wider than the phone's screen");
        // The events behind a point keep their evidence sentence on a phone.
        await page.Locator("#relation-chart .point").First.TapAsync();
        await Expect(page.Locator("#point-events td.wide").First).ToBeVisibleAsync();
        await Expect(page.Locator("#point-events td.wide").First).ToContainTextAsync("accused");
        await fx.Shot(page, "10-phone-relation");
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task AnAnalystMergesTwoActorsAndSplitsThemAgain()
    {
        await fx.Ingest("Foreign Minister Talia Brennholt met Defence Minister Ordo Vantrel in Oslo on Monday. Brennholt said the talks were useful.", "text/plain", "decisions");
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/actor/Talia%20Brennholt");
        await Expect(page.Locator("#actor-name")).ToContainTextAsync("Talia Brennholt");
        await page.Locator("#corrections summary").ClickAsync();
        // A wrong token is refused and says why.
        await page.Locator("#corrections input[name=token]").FillAsync("wrong");
        await page.Locator("#merge-form input[name=absorb]").FillAsync("Ordo Vantrel");
        await page.Locator("#merge-form button").ClickAsync();
        await Expect(page.Locator("#correction-status")).ToContainTextAsync("token");
        // With the right one the merge happens and the page shows the joined names.
        await page.Locator("#corrections input[name=token]").FillAsync(BrowserFixture.Token);
        await page.Locator("#merge-form button").ClickAsync();
        await Expect(page.Locator("#aliases")).ToContainTextAsync("Ordo Vantrel");
        // "Talia Brennholt met … Ordo Vantrel" (two ministers: public life) now has the actor on both sides: one event, listed once.
        await Expect(page.Locator("table.events tbody tr")).ToHaveCountAsync(1);
        await fx.Shot(page, "15-actor-merged");
        // The token is remembered for the session: the split needs no retyping.
        await page.Locator("#corrections summary").ClickAsync();
        await Expect(page.Locator("#corrections input[name=token]")).ToHaveValueAsync(BrowserFixture.Token);
        await page.Locator("#split-form select").SelectOptionAsync("Ordo Vantrel");
        await page.Locator("#split-form button").ClickAsync();
        await Expect(page.Locator("#correction-status")).ToContainTextAsync("is now its own actor");
        await Expect(page.Locator("#aliases")).Not.ToContainTextAsync("Ordo Vantrel");
        await page.Locator("#correction-status a").ClickAsync();
        await Expect(page.Locator("#actor-name")).ToContainTextAsync("Ordo Vantrel");
        // 401s from the wrong token show in the console as failed resources; nothing else may.
        BrowserFixture.NoErrors(errors.Where(e => !e.Contains("401")).ToList());
    }

    [BrowserFact]
    public async Task AnAnalystReviewsTheMergesTheNameMatcherProposes()
    {
        // Invented people: one name misspelt in a later report (the matcher proposes it, not alike enough to join unasked),
        // and a namesake the analyst knows to be another person.
        await fx.Ingest("Peter Trellingsen bought a second port on Friday, his advisers said.", "text/plain", "proposal-1", "2025-03-03");
        await fx.Ingest("Dock workers protested on Monday against a bid by Peter Trelingsen.", "text/plain", "proposal-2", "2025-03-05");
        await fx.Ingest("The sculptor Peter Trellingson opened an exhibition in Bergen on Tuesday.", "text/plain", "proposal-3", "2025-03-06");
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/actor/Peter%20Trellingsen");
        await Expect(page.Locator("#actor-name")).ToContainTextAsync("Peter Trellingsen");
        // The proposals open the corrections card by themselves.
        await Expect(page.Locator("#suggestions li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#suggestions")).ToContainTextAsync("by the name matcher");
        await fx.Shot(page, "17-actor-suggestions");
        await page.Locator("#corrections input[name=token]").FillAsync(BrowserFixture.Token);
        // The sculptor is another man: dismissed, the proposal goes and both actors stay.
        await page.Locator("#suggestions li", new() { HasText = "Trellingson" }).Locator("button.dismiss-suggestion").ClickAsync();
        await Expect(page.Locator("#correction-status")).ToContainTextAsync("Kept apart");
        await Expect(page.Locator("#suggestions li")).ToHaveCountAsync(1);
        // The misspelling is him: merged, its name joins his.
        await page.Locator("#suggestions li", new() { HasText = "Trelingsen" }).Locator("button.accept-suggestion").ClickAsync();
        await Expect(page.Locator("#aliases")).ToContainTextAsync("Peter Trelingsen");
        await Expect(page.Locator("#suggestions")).ToHaveCountAsync(0);
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task AnActToldByTwoArticlesIsOneHappeningWithItsReports()
    {
        // The same act in two invented reports a day apart, in other words each: one happening, two reports.
        await fx.Ingest("Estonia expelled Belarus's ambassador on Monday over the border incident. Officials said more would follow.",
            "text/plain", "happening-1", "2025-06-02");
        await fx.Ingest("Estonia expelled Belarus's ambassador, the foreign ministry in Tallinn said on Tuesday. Allies voiced support.",
            "text/plain", "happening-2", "2025-06-03");
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/events?actor=Estonia&with=Belarus");
        var reports = page.Locator("table.events tbody tr a", new() { HasText = "2 reports in 2 articles" });
        await Expect(reports).ToHaveCountAsync(1);
        await reports.ClickAsync();
        await Expect(page.Locator("#happening-summary")).ToContainTextAsync("2 reports in 2 articles");
        await Expect(page.Locator("table.events tbody tr")).ToHaveCountAsync(2);
        await fx.Shot(page, "16-happening");
        // Every report on its own when asked.
        await page.GotoAsync(fx.BaseUrl + "/#/events?actor=Estonia&with=Belarus&every=true");
        await Expect(page.Locator("table.events tbody tr")).ToHaveCountAsync(2);
        BrowserFixture.NoErrors(errors);
    }

    [BrowserFact]
    public async Task AServerThatWantsTheTokenForReadsAsksForItOnce()
    {
        var (page, errors) = await fx.NewPage();
        // As a server reached from another address would answer (the test server is on loopback, where reads are open):
        // without the token, 401 with DSR407; with it, the real answer.
        await page.RouteAsync("**/api/**", async route =>
        {
            if (route.Request.Headers.TryGetValue("authorization", out var auth) && auth == "Bearer " + BrowserFixture.Token)
                await route.ContinueAsync();
            else
                await route.FulfillAsync(new() { Status = 401, ContentType = "application/problem+json",
                    Body = "{\"title\":\"reads from this address need the token\",\"status\":401,\"code\":\"DSR407\"}" });
        });
        await page.GotoAsync(fx.BaseUrl + "/#/actors");
        await page.Locator("#token-form input[name=token]").FillAsync(BrowserFixture.Token);
        await page.Locator("#token-form button").ClickAsync();
        await Expect(page.Locator("table.list a").First).ToBeVisibleAsync();
        // Kept for the tab: the next page needs no token again.
        await page.GotoAsync(fx.BaseUrl + "/#/relation?a=Ukraine&b=Russia");
        await Expect(page.Locator("#relation-chart .point").First).ToBeVisibleAsync();
        BrowserFixture.NoErrors(errors.Where(e => !e.Contains("401")).ToList());
    }

    [BrowserFact]
    public async Task AnUnknownActorSaysSoAndSuggests()
    {
        var (page, errors) = await fx.NewPage();
        await page.GotoAsync(fx.BaseUrl + "/#/actor/Rusia");
        await Expect(page.Locator(".error")).ToContainTextAsync("no actor named 'Rusia'");
        await Expect(page.Locator(".error a").First).ToBeVisibleAsync();
        // The 404 from the API shows in the console as a failed resource; nothing else may.
        Assert.All(errors, e => Assert.Contains("404", e));
    }
}
