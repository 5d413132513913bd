using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Tests.Text;

/// <summary>Segmenter fixes found by the fuzz cases: URL scanning is bounded, URL tokens are unchanged.</summary>
public class SegmenterScanTests
{
    public static TheoryData<string, string[]> Urls => new()
    {
        { "see pic.twitter.com/rZ71DOHKWv — x", ["see", "pic.twitter.com/rZ71DOHKWv", "—", "x"] },
        { "at https://example.org/a?b=1, then", ["at", "https://example.org/a?b=1", ",", "then"] },
        { "bbc.co.uk/news.", ["bbc.co.uk/news", "."] },
        { "and/or e.g. 3/4", ["and", "/", "or", "e.g.", "3/4"] },
    };

    [Theory, MemberData(nameof(Urls))]
    public void UrlTokens(string text, string[] tokens) =>
        Assert.Equal(tokens, Segmenter.Tokenize(text).Select(t => text[t.Start..t.End]));

    [Fact]
    public void LongLineWithoutSpacesIsLinear()
    {
        // Before the bounded scan each "ab" token rescanned the rest of the line: 10^11 steps for this input.
        var text = string.Concat(Enumerable.Repeat("ab,", 300_000));
        var tokens = Segmenter.Tokenize(text);
        Assert.Equal(600_000, tokens.Length);
        Assert.All(tokens.Take(10), t => Assert.True(t.Length <= 2));
    }
}
