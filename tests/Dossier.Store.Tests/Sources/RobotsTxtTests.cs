using Dossier.Store.Sources;

namespace Dossier.Tests;

/// <summary>robots.txt as RFC 9309 reads it, for the product token "Dossier".</summary>
public class RobotsTxtTests
{
    private const string Text = """
        # a site's rules
        User-agent: Googlebot
        Disallow: /

        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Disallow: /search
        Crawl-delay: 5
        """;

    [Theory]
    [InlineData("/news/story.html", true)]
    [InlineData("/private/notes.html", false)]
    [InlineData("/private/press/release.html", true)]   // the longer Allow wins
    [InlineData("/files/report.pdf", false)]            // "*" and an anchored end
    [InlineData("/files/report.pdf?download=1", true)]
    [InlineData("/search?q=port", false)]               // a prefix
    [InlineData("/searching", false)]
    [InlineData("/robots.txt", true)]
    public void TheStarGroupDecidesWhenNoGroupNamesUs(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(Text, "Dossier").Allows(path));

    [Fact]
    public void OurOwnGroupWinsOverTheStarGroup()
    {
        var robots = RobotsTxt.Parse(Text + "\nUser-agent: dossier\nDisallow: /news/\n", "Dossier");
        Assert.False(robots.Allows("/news/story.html"));
        Assert.True(robots.Allows("/private/notes.html")); // our group says nothing of it
        Assert.Null(robots.CrawlDelay);
    }

    [Fact]
    public void CrawlDelayIsReadAndCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RobotsTxt.Parse(Text, "Dossier").CrawlDelay);
        Assert.Equal(RobotsTxt.MaxCrawlDelay, RobotsTxt.Parse("User-agent: *\nCrawl-delay: 86400\n", "Dossier").CrawlDelay);
    }

    [Fact]
    public void EmptyDisallowAndTheDefaults()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n", "Dossier").Allows("/anything"));
        Assert.True(RobotsTxt.AllowAll.Allows("/x"));
        Assert.False(RobotsTxt.DisallowAll.Allows("/x"));
        Assert.True(RobotsTxt.Parse("", "Dossier").Allows("/x"));
    }
}
