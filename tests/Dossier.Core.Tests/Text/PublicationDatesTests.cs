using AngleSharp.Html.Parser;
using Dossier.Evaluation;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Tests.Text;

/// <summary>Publication dates of web pages (issue 18): the order of trust, the article's own date over other items',
/// the publisher's zone, and date lines in many languages.</summary>
public class PublicationDatesTests(ITestOutputHelper output)
{
    private static FoundDate? Markup(string head, string body = "<p>Text.</p>", string? url = null) =>
        PublicationDates.FromMarkup(new HtmlParser().ParseDocument($"<html><head>{head}</head><body>{body}</body></html>"), url);

    [Fact]
    public void EveryPageOfTheBenchIsDatedFromTheRightSource()
    {
        // bench/dates: pages written to reproduce the markup of real sites (BBC, Yoast, CNN, Ars Technica, Guardian, Yahoo…).
        var s = DateEval.Run(Path.Combine(SharedData.RepoRoot, "bench", "dates"));
        foreach (var r in s.Results) output.WriteLine($"{(r.Right ? "ok " : "BAD")} {r.File}: expected {r.Expected ?? "none"} ({r.ExpectedFrom}), found {r.Found ?? "none"} ({r.FoundFrom})");
        Assert.True(s.Pages >= 30);
        Assert.All(s.Results, r => Assert.True(r.Right && r.ExpectedFrom == r.FoundFrom, $"{r.File}: expected {r.Expected} ({r.ExpectedFrom}), found {r.Found} ({r.FoundFrom})"));
    }

    [Fact]
    public void TheArticlesJsonLdWinsOverAVideosAndThePagesOwn()
    {
        var d = Markup("""
            <script type="application/ld+json">{"@type":"VideoObject","uploadDate":"2019-02-01T10:00:00Z","datePublished":"2019-02-01T10:00:00Z"}</script>
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2021-06-20"},{"@type":"NewsArticle","datePublished":"2021-06-14T07:30:00+01:00"}]}</script>
            """);
        Assert.Equal((new DateOnly(2021, 6, 14), DateSource.JsonLd), (d!.Value.Date, d.Value.From));
        Assert.Equal(TimeSpan.FromHours(1), d.Value.At!.Value.Offset);
    }

    [Fact]
    public void AUtcDateGivesWayToThePublishersOwnZoneForTheSameInstant()
    {
        // 04:11 UTC on the 22nd is 22:11 on the 21st in Belize: the page's day is the 21st.
        var d = Markup("""
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-04-22T04:11:44+00:00"}</script>
            <meta property="article:published_time" content="2022-04-21T22:11:44-06:00">
            """);
        Assert.Equal(new DateOnly(2022, 4, 21), d!.Value.Date);
        // A different instant in another zone is another date, not this one's zone.
        var other = Markup("""
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-04-22T04:11:44+00:00"}</script>
            <meta property="article:published_time" content="2022-04-20T22:11:44-06:00">
            """);
        Assert.Equal(new DateOnly(2022, 4, 22), other!.Value.Date);
    }

    [Fact]
    public void TimesOfOtherItemsAndTheMastheadAreNotTheArticles()
    {
        Assert.Null(Markup("", """<header><nav>Menu</nav><time datetime="2026-12-06">Today</time></header><article><p>Text.</p></article>"""));
        Assert.Null(Markup("", """<article><p>Text.</p><section class="comments"><time datetime="2021-03-04">4 March</time></section></article>"""));
        Assert.Null(Markup("", """<article><p>Text.</p><ul><li class="teaser"><time datetime="2021-01-01">a</time></li><li class="teaser"><time datetime="2021-01-02">b</time></li><li class="teaser"><time datetime="2021-01-03">c</time></li></ul></article>"""));
        // A header holding the headline is the post's, and so is an aside inside the article.
        Assert.Equal(new DateOnly(2020, 2, 23), Markup("", """<header><h1>Title</h1><time datetime="2020-02-23T10:07:02+01:00">23. Februar 2020</time></header><p>Text.</p>""")!.Value.Date);
        Assert.Equal(new DateOnly(2023, 10, 18), Markup("", """<article><aside class="meta"><time datetime="2023-10-18T11:45:00+02:00">18. Okt 2023</time></aside><p>Text.</p></article>""")!.Value.Date);
    }

    [Theory]
    [InlineData("https://www.example.org/2016/02/01/story/", "2016-02-01")]
    [InlineData("https://www.example.org/news/2019-08-16-quay-repairs", "2019-08-16")]
    [InlineData("https://www.example.org/archive/20160201/story.html", "2016-02-01")]
    [InlineData("https://www.example.org/2016/02/story/", null)]          // no day
    [InlineData("https://www.example.org/2016/13/40/story/", null)]       // no such date
    [InlineData("https://www.example.org/items/120160201999/", null)]     // digits of a longer number
    public void AddressesGiveOnlyFullDates(string url, string? date) =>
        Assert.Equal(date, PublicationDates.FromUrl(url)?.Date.ToString("yyyy-MM-dd"));

    [Theory]
    [InlineData("First published on Mon 1 Feb 2016 18.30 GMT", "2016-02-01")]
    [InlineData("Veröffentlicht am 16.08.2019", "2019-08-16")]
    [InlineData("opublikowano:  7 kwietnia 2021", "2021-04-07")]
    [InlineData("Georg Quaas, 21. Jan. 2015", "2015-01-21")]
    [InlineData("Dienstag, 2. November 2021", "2021-11-02")]
    [InlineData("Jueves 28 de Abril de 2022 5:03 PM", "2022-04-28")]
    [InlineData("Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel", "2019-06-14")]
    [InlineData("Erstellt von Fabian am Dienstag 6. Mai 2014", "2014-05-06")]
    [InlineData("Posted by Jane Doe on February 1, 2016", "2016-02-01")]
    [InlineData("Pressemitteilung Aktuell 02. November 2021", "2021-11-02")]
    [InlineData("Creado 27/04/2022 00:00", "2022-04-27")]
    [InlineData("Published 04/05/2022", "2022-04-05")]          // an English label: month first
    [InlineData("14.06.2019 (ch)", "2019-06-14")]
    [InlineData("Antworten bis 23.06.2006", null)]              // a deadline, not a publication
    [InlineData("04/05/2022", null)]                            // day and month cannot be told apart
    [InlineData("Sección: 2022/04/28 05:03pm", "2022-04-28")]   // year first: year, month, day; "pm" glued to the time
    [InlineData("2022/13/01", null)]                            // no thirteenth month
    [InlineData("Jueves, 21 de Abril de 202221/04/2022", "2022-04-21")] // two renderings of one date glued together
    [InlineData("21 de Abril de 202222/04/2022", null)]          // two different dates glued: neither is trusted
    [InlineData("12 May 20221 items", null)]                    // a longer number, not a year
    [InlineData("The ceasefire of 12 March 2021 held for a week, officials said on Monday.", null)]
    public void DateLinesAtTheTop(string line, string? date) =>
        Assert.Equal(date, PublicationDates.FromText(line + "\n\nThe council met on Tuesday and agreed the budget.", topOnly: true)?.Date.ToString("yyyy-MM-dd"));

    [Fact]
    public void APublicationLineWinsOverAnUpdateAndADatelineOpensAParagraph()
    {
        Assert.Equal(new DateOnly(2016, 2, 1), PublicationDates.FromText("Updated: February 3, 2016\nPublished: February 1, 2016\n\nText.")!.Value.Date);
        var para = "31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-Up und Glitter, auf Partys und in Shows, auch in der Freien Szene, und sie sind Theater.";
        Assert.Equal(new DateOnly(2023, 10, 31), PublicationDates.FromText(para)!.Value.Date);
        // A date inside the first sentence is the story's, not the article's.
        Assert.Null(PublicationDates.FromText("On 31 October 2023 the council met in the old town hall to agree the budget for the coming year after a long debate."));
    }

    [Theory]
    // a feed item's own date beats one guessed from its address
    [InlineData("<p>The harbour authority said on Tuesday that it would close the quay for repairs after the storms.</p>", "https://x.example/2016/02/01/q/", "2016-02-03T09:00:00Z", false, "2016-02-03", "input")]
    // --published only dates what has none: the address's date stands
    [InlineData("<p>The harbour authority said on Tuesday that it would close the quay for repairs after the storms.</p>", "https://x.example/2016/02/01/q/", "2025-01-01", true, "2016-02-01", "url")]
    // the page's markup beats the item's date
    [InlineData("<html><head><meta property='article:published_time' content='2016-02-02T08:00:00Z'></head><body><p>The harbour authority said on Tuesday that it would close the quay for repairs after the storms.</p></body></html>", null, "2016-02-03", false, "2016-02-02", "meta")]
    public void TheInputsOwnDateAgainstThePages(string html, string? url, string published, bool fallback, string date, string from)
    {
        var doc = ArticleCleaner.Clean(new RawArticle { Source = "t.html", Body = html, Format = InputFormat.Html, Url = url, Published = published, PublishedIsFallback = fallback }).Document!;
        Assert.Equal((date, from), (doc.Published!.Value.ToString("yyyy-MM-dd"), PublicationDates.Name(doc.PublishedFrom)));
    }

    [Fact]
    public void JunkAndFutureDatesAreNoDates()
    {
        Assert.Null(Markup("""<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00"}</script>"""));
        Assert.Null(Markup("""<meta property="article:published_time" content="1970-01-01T00:00:00Z">"""));
        Assert.Null(Markup($"""<meta property="article:published_time" content="{DateTime.UtcNow.Year + 3}-01-01">"""));
        Assert.Null(Markup("""<script type="application/ld+json">{"@type":"NewsArticle","datePublished":</script>"""));
        // A field that opens with a date and then goes wrong keeps the date; a Unix time in a <time> is read.
        Assert.Equal(new DateOnly(2022, 1, 10), Markup("""<script type="application/ld+json">{"@type":"HowTo","datePublished":"2022-01-10T22:06:08:684Z"}</script>""")!.Value.Date);
        Assert.Equal(new DateOnly(2022, 4, 27), Markup("", """<article><time datetime="1651035600">27/04/2022</time></article>""")!.Value.Date);
    }
}
