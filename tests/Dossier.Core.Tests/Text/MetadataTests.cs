using System.Text;
using Dossier.Text;

namespace Dossier.Tests.Text;

/// <summary>Article metadata from the input: bylines, canonical addresses, feed authors.</summary>
public class MetadataTests
{
    [Theory]
    [InlineData("By Lina Haddad · April 9, 2025", "Lina Haddad")]
    [InlineData("Tom Lachance | Northline", "Tom Lachance")]
    [InlineData("by Ann Lee", "Ann Lee")]
    [InlineData("Reporting by Ann Lee and Bo Kim", "Reporting by Ann Lee and Bo Kim")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    // what pages mark up as an author and is none (issue 18: form labels, placeholders, dates, picture credits)
    [InlineData("Name *", null)]
    [InlineData("No Author", null)]
    [InlineData("November 8, 2023", null)]
    [InlineData("© Getty Images", null)]
    [InlineData(",", null)]
    [InlineData("Redaktion", "Redaktion")]
    [InlineData("von Redaktion, 24. Januar 2022", "Redaktion")]
    [InlineData("Artikel von Alexa von Heyden  19. Juni 2019", "Alexa von Heyden")]
    [InlineData("Par Barbara Stiegler", "Barbara Stiegler")]
    [InlineData("Von", null)]
    [InlineData("Agent 007 Smith", "Agent 007 Smith")]
    public void BylineKeepsTheAuthor(string? raw, string? expected) => Assert.Equal(expected, ArticleCleaner.CleanByline(raw));

    private static Documents.Document Clean(string body, InputFormat format, string? byline = null)
    {
        var r = ArticleCleaner.Clean(new RawArticle { Source = "t", Body = body, Format = format, Byline = byline });
        return r.Document ?? throw new Xunit.Sdk.XunitException(r.Error.ToString());
    }

    [Fact]
    public void HtmlCanonicalLinkBecomesTheUrl()
    {
        var para = string.Concat(Enumerable.Repeat("The council approved the budget after a long debate about schools and roads. ", 8));
        var html = $"""
            <html><head><title>Budget passes</title><link rel="canonical" href="https://news.example.org/budget-passes"></head>
            <body><nav>Home | World</nav><article><h1>Budget passes</h1><p>{para}</p><p>{para}</p></article></body></html>
            """;
        Assert.Equal("https://news.example.org/budget-passes", Clean(html, InputFormat.Html).Url);
    }

    [Fact]
    public void FeedItemAuthorComesFromDcCreator()
    {
        var rss = """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://x.example/</link>
            <item><title>Talks resume</title><link>https://x.example/a</link><dc:creator>Ayse Demir</dc:creator>
            <pubDate>Thu, 22 May 2025 09:00:00 GMT</pubDate><description>Delegations met in Istanbul on Thursday to resume talks.</description></item>
            </channel></rss>
            """;
        var items = ArticleReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(rss)), "feed.xml", new ReadOptions()).ToList();
        Assert.Equal("Ayse Demir", Assert.Single(items).Article!.Byline);
    }
}

public class HeadlineTests
{
    [Theory]
    [InlineData("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.", "Ad sales boost Time Warner profit")]
    [InlineData("Blair 'up for it' ahead of poll\n\nTony Blair says he is up for the fight.", "Blair 'up for it' ahead of poll")]
    [InlineData("A drone strike set fire to a fuel depot.\n\nIt burned for hours.", null)]   // a sentence, not a headline
    [InlineData("One paragraph only, no break", null)]
    [InlineData("Word\n\nBody text follows here.", null)]                                   // one word is not a headline
    public void FirstShortLineIsTheHeadline(string text, string? title)
    {
        var r = ArticleCleaner.Clean(new RawArticle { Source = "t", Body = text });
        Assert.Equal(title, r.Document!.Title);
        Assert.Equal(text, r.Document.Text); // the headline stays in the text
    }

    [Fact]
    public void AGivenTitleWins() =>
        Assert.Equal("Given", ArticleCleaner.Clean(new RawArticle { Source = "t", Title = "Given", Body = "Other headline here\n\nBody." }).Document!.Title);
}
