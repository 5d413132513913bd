using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Tests;

public class SegmenterTests
{
    public static TheoryData<string, string[]> TokenCases => new()
    {
        { "Russia’s President Vladimir Putin", ["Russia", "’s", "President", "Vladimir", "Putin"] },
        { "al-Qaeda-linked HTS-held Idlib", ["al-Qaeda-linked", "HTS-held", "Idlib"] },
        { "worth $70,000 watches.", ["worth", "$", "70,000", "watches", "."] },
        { "hasn't been heard", ["has", "n't", "been", "heard"] },
        { "see pic.twitter.com/rZ71DOHKWv now", ["see", "pic.twitter.com/rZ71DOHKWv", "now"] },
        { "Syrian Girl (@Partisangirl) February", ["Syrian", "Girl", "(", "@Partisangirl", ")", "February"] },
        { "George W. Bush met Mr. Blair in the U.S.", ["George", "W.", "Bush", "met", "Mr.", "Blair", "in", "the", "U.S."] },
        { "Jolani/Sharaa's head", ["Jolani", "/", "Sharaa", "'s", "head"] },
    };

    [Theory, MemberData(nameof(TokenCases))]
    public void Tokenizes(string text, string[] expected)
    {
        var tokens = Segmenter.Tokenize(text);
        Assert.Equal(expected, tokens.Select(t => text[t.Start..t.End]).ToArray());
    }

    public static TheoryData<string, int> SentenceCases => new()
    {
        { "Mr. Blair spoke. He left.", 2 },
        { "\"We agree,\" a readout said. Moscow has bases.", 2 },
        { "It said \"no.\" Then it left.", 2 },
        { "A headline\n\nThe body starts here. And ends.", 3 },
        { "A line that wraps\nin the middle of a sentence.", 1 },
        { "He lives in the U.S. The next day he left.", 2 },
        { "Army spokesman Brig. Gen. Khalid Idris said so. He left.", 2 },
        // an acronym in capitals ends its sentence; the same letters as a title do not
        { "The deal is under review by the SEC. The company said so.", 2 },
        { "Funds went to the DEC. He said so.", 2 },
        { "Sec. Rice arrived. She spoke.", 2 },
        // a full stop that lost its space ends a sentence before a common opener; not in a web address or a version
        { "We coordinate our work for Syria.The talks go on under UN auspices.To this aim we met.", 3 },
        { "See www.example.com or Example.Com for more. Version 2.The next.", 2 },
    };

    [Theory, MemberData(nameof(SentenceCases))]
    public void SplitsSentences(string text, int count)
    {
        var d = new Document(text);
        new Segmenter().Process(d);
        Assert.Equal(count, d.Sentences.Length);
        Assert.True(d.Tokens[0].Has(TokenFlags.SentenceStart));
    }

    [Fact]
    public void SpansStayInsideTheTextAndAreSorted()
    {
        var d = new Document("  Odd   spacing ,, and \u00a0 nbsp… “quotes” — dashes -- 3.5% 1990s 5pm  ");
        new Segmenter().Process(d);
        int prev = 0;
        foreach (var t in d.Tokens)
        {
            Assert.True(t.Start >= prev && t.End > t.Start && t.End <= d.Text.Length);
            prev = t.End;
        }
    }
}
