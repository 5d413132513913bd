using Dossier.Extraction.Claims;
using Dossier.Extraction.Quotes;
using Dossier.Testing;

namespace Dossier.Tests.Quotes;

/// <summary>Quotation-mark scanning and the invariants every quote and claim keeps on odd input.</summary>
public class QuoteMarksTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "He said \"yes\" and \"no way out\".", ["yes", "no way out"] },
        { "“Curly,” she said, “and more.”", ["Curly", "and more."] },
        { "«Guillemets» here", ["Guillemets"] },
        { "''Archive style,'' he said.", ["Archive style"] },
        // a stray opening mark is dropped at the paragraph end; the next paragraph starts fresh
        { "An \"unclosed mark here.\n\nNext \"closed\" one.", ["closed"] },
        // a paragraph that reopens continues the quote
        { "\"First part.\n\n\"Second part.\"", ["First part.\n\n\"Second part."] },
        // the same convention in a text that lost its paragraph breaks: a mark shaped to open after a sentence's end
        { "He told us: \"Nobody has called me. \"If they want to, fine. \"They must make an offer.\" He left.",
          ["Nobody has called me. \"If they want to, fine. \"They must make an offer."] },
        // a quote that closed is not reopened by the next one
        { "\"I am happy.\" \"Me too,\" she said.", ["I am happy.", "Me too"] },
        // a right mark used to open, a left mark used to close
        { "He said ”wrong way round.“ Then left.", ["wrong way round."] },
        // apostrophes and single quotes are content, not marks
        { "\"It's 'fine' now,\" he said.", ["It's 'fine' now"] },
        // inches and a lone closing mark open nothing
        { "A 5\" pipe and a ” alone.", [] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void FindsContents(string text, string[] expected)
    {
        var got = QuoteMarks.Find(text).Select(m => text[m.ContentStart..m.ContentEnd]).ToArray();
        Assert.Equal(expected, got);
    }

    [Fact]
    public void OverlongSpansAreDropped()
    {
        var text = "\"" + string.Concat(Enumerable.Repeat("word ", QuoteMarks.MaxLength)) + "\" said he.";
        Assert.Empty(QuoteMarks.Find(text));
    }

    public static TheoryData<string> OddTexts => new()
    {
        "\"",
        "\"\"\"\"",
        "said",
        ", said \"",
        "“”“”“”",
        "According to",
        "He said: \"",
        "\"a,\" said \"b,\" said \"c,\" said",
        "Sources say, according to, told, reportedly; but, and it, ;;;",
        string.Concat(Enumerable.Repeat("\"x\" said y, ", 500)),
    };

    [Theory, MemberData(nameof(OddTexts))]
    public void SpansStayInsideTheTextAndSorted(string text)
    {
        var d = DocBuilder.Segmented(text);
        new QuoteExtractor().Process(d);
        new ClaimExtractor().Process(d);
        int prev = 0;
        foreach (var q in d.Quotes)
        {
            Assert.True(q.Start >= prev && q.Start < q.End && q.End <= d.Text.Length, $"quote [{q.Start},{q.End})");
            Assert.True(q.SpeakerStart < 0 || q.SpeakerStart < q.SpeakerEnd && q.SpeakerEnd <= d.Text.Length);
            Assert.True(q.CueStart < 0 || q.CueStart < q.CueEnd && q.CueEnd <= d.Text.Length);
            prev = q.Start;
        }
        prev = 0;
        foreach (var c in d.Claims)
        {
            Assert.True(c.Start >= prev && c.Start < c.End && c.End <= d.Text.Length, $"claim [{c.Start},{c.End})");
            prev = c.Start;
        }
    }
}
