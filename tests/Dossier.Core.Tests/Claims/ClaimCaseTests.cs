using Dossier.Documents;
using Dossier.Extraction.Claims;
using Dossier.Extraction.Quotes;
using Dossier.Tests.Quotes;

namespace Dossier.Tests.Claims;

/// <summary>Table of claim cases: a text (quotes are found first), the words a claim must contain, and its certainty, source and cue.</summary>
public class ClaimCaseTests
{
    public static TheoryData<string, string[], string, string, string, string?> Cases => new()
    {
        { "The army retook the town on Sunday.", [], "The army retook the town", "Asserted", "Author", null },
        { "There are unconfirmed reports of shelling near the airport.", [], "shelling near the airport", "Unverified", "Unnamed", "unconfirmed reports" },
        { "The rebels allegedly fired first.", [], "fired first", "Unverified", "Author", "allegedly" },
        { "It is claimed that the minister resigned.", [], "the minister resigned", "Unverified", "Unnamed", "It is claimed" },
        { "A source close to the talks said the deal was done.", [], "the deal was done", "Reported", "Unnamed", null },
        { "People familiar with the matter expect a deal.", [], "expect a deal", "Reported", "Unnamed", "People familiar with" },
        { "The vote will likely be delayed.", [], "be delayed", "Speculative", "Author", "will likely" },
        { "It looks like the coalition will survive.", [], "the coalition will survive", "Speculative", "Author", "It looks like" },
        { "Surprisingly, the court agreed.", [], "the court agreed", "Opinion", "Author", "Surprisingly" },
        { "The irony is that the sanctions helped him.", [], "the sanctions helped him", "Opinion", "Author", "The irony is" },
        { "\"We will rebuild the city,\" Smith said.", ["Smith|PERSON"], "We will rebuild the city", "Reported", "Named", "Smith said" },
        { "Smith met voters. He said the plan would cost nothing.", ["Smith|PERSON"], "the plan would cost nothing", "Reported", "Named", "He said" },
        // clauses on different footing are claims of their own
        { "Russia and Turkey have been enemies, but it looks like each side is ready to talk.", [], "Russia and Turkey have been enemies", "Asserted", "Author", null },
        { "Russia and Turkey have been enemies, but it looks like each side is ready to talk.", [], "each side is ready to talk", "Speculative", "Author", "it looks like" },
        // a belief is its holder's claim, reported: "scientists think", "Experts believe" (named when the holder is an actor)
        { "Climate change is to blame too, scientists think.", [], "Climate change is to blame", "Reported", "Unnamed", "scientists think" },
        { "Experts believe the river will rise again.", [], "the river will rise again", "Reported", "Unnamed", "Experts believe" },
        { "Angela Merkel believes the euro will survive.", ["Angela Merkel|PERSON"], "the euro will survive", "Reported", "Named", "Angela Merkel believes" },
        // a name that only qualifies the holder does not make it named
        { "LSE shareholders feared the takeover would force them to change.", ["LSE|ORG|London Stock Exchange"], "the takeover would force them", "Reported", "Unnamed", "LSE shareholders feared" },
        // the author's own belief stays the author's: an opinion
        { "I think the plan will fail.", [], "the plan will fail", "Opinion", "Author", "I think" },
        // an idiom is no hedge
        { "Today, the signals could not differ more.", [], "the signals could not differ more", "Asserted", "Author", null },
        { "The deal could collapse next week.", [], "The deal could collapse", "Speculative", "Author", "could" },
        // a month name is not the modal "may"
        { "The law passed in May after a long debate.", [], "The law passed", "Asserted", "Author", null },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Classifies(string text, string[] entities, string contains, string certainty, string source, string? cue)
    {
        var d = Docs.Build(text, entities);
        new QuoteExtractor().Process(d);
        new ClaimExtractor().Process(d);
        var c = d.Claims.FirstOrDefault(c => d.Slice(c.Start, c.End).Contains(contains));
        Assert.True(c is not null, "no claim contains the words:\n" + Docs.DumpClaims(d));
        Assert.Equal((certainty, source), (c.Certainty.ToString(), c.Source.ToString()));
        if (cue is not null) Assert.Equal(cue, c.Cue);
    }

    /// <summary>Polarity: the proposition's, through a reporting or belief frame; a negated frame negates the claim.</summary>
    [Theory]
    [InlineData("The army retook the town on Sunday.", "The army retook the town", false)]
    [InlineData("He never visited the camp.", "He never visited the camp", true)]
    [InlineData("The ceasefire did not hold.", "The ceasefire did not hold", true)]
    [InlineData("Officials said the road would not reopen until May.", "the road would not reopen", true)]
    [InlineData("Officials said the road would reopen in May.", "the road would reopen", false)]
    [InlineData("The minister did not say whether talks would resume.", "whether talks would resume", true)]
    [InlineData("\"We will not back down,\" Smith said.", "We will not back down", true)]
    public void Polarity(string text, string contains, bool negated)
    {
        var d = Docs.Build(text, "Smith|PERSON");
        new QuoteExtractor().Process(d);
        new ClaimExtractor().Process(d);
        var c = d.Claims.FirstOrDefault(c => d.Slice(c.Start, c.End).Contains(contains));
        Assert.True(c is not null, "no claim contains the words:\n" + Docs.DumpClaims(d));
        Assert.Equal(negated, c.Negated);
    }

    [Fact]
    public void ClausesOnTheSameFootingStayOneClaim()
    {
        var d = Docs.Build("HTS is still a designated terror group, but the administration had dropped the bounty on him.");
        new ClaimExtractor().Process(d);
        var c = Assert.Single(d.Claims);
        Assert.Equal((0, d.Text.Length), (c.Start, c.End));
    }

    [Fact]
    public void PostsAreSocialClaimsOfTheirAuthor()
    {
        var d = Docs.Build("Some prose here today.\n\nThe regime is falling fast tonight\npic.twitter.com/x1 — Jane Roe (@janeroe) May 1, 2024", "Jane Roe|PERSON");
        d.AddPost("The regime is falling fast tonight", "pic.twitter.com/x1 — Jane Roe (@janeroe) May 1, 2024", "Jane Roe", "@janeroe");
        new QuoteExtractor().Process(d);
        new ClaimExtractor().Process(d);
        var c = Assert.Single(d.Claims, c => c.Source == ClaimSource.Social);
        Assert.Equal("The regime is falling fast tonight", d.Slice(c.Start, c.End));
        Assert.Equal("Jane Roe", d.ActorName(c.SourceActor));
        Assert.DoesNotContain(d.Claims, c => d.Slice(c.Start, c.End).Contains("@janeroe"));
    }

    [Fact]
    public void WorksWithoutQuotesLayer()
    {
        var d = Docs.Build("Sources say the talks failed.");
        new ClaimExtractor().Process(d);
        var c = Assert.Single(d.Claims);
        Assert.Equal((Certainty.Reported, ClaimSource.Unnamed, "Sources say"), (c.Certainty, c.Source, c.Cue));
        Assert.Equal("claims@1.0", c.By);
    }
}
