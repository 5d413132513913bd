using Dossier.Documents;
using Dossier.Extraction.Events;

namespace Dossier.Tests.Events;

/// <summary>Within one article, repeated mentions of one act are one event with several mentions.</summary>
public sealed class MentionMergerTests
{
    private static EventMention Ev(int start, string plover, int[] sources, int[] targets, string? date, bool fromPublication = false,
        Certainty certainty = Certainty.Asserted, bool negated = false)
    {
        var e = new EventMention
        {
            Start = start, End = start + 10, TriggerStart = start + 1, TriggerEnd = start + 4, Cameo = "190", Plover = plover,
            Date = date, DateFromPublication = fromPublication, Certainty = certainty, Negated = negated,
        };
        e.Source.AddRange(sources);
        e.Target.AddRange(targets);
        return e;
    }

    [Fact]
    public void TheHeadlineAndTheLeadTellOneAct()
    {
        var list = new List<EventMention>
        {
            Ev(0, "ASSAULT", [1], [2], "2024-11-19", fromPublication: true),  // headline: no day stated
            Ev(50, "ASSAULT", [1], [2], "2024-11-18"),                         // "early on Monday"
            Ev(120, "ACCUSE", [2], [1], "2024-11-19", fromPublication: true),  // another act
        };
        Assert.Equal(1, MentionMerger.Merge(list));
        Assert.Equal(2, list.Count);
        var strike = list[0];
        Assert.Equal("2024-11-18", strike.Date);           // the stated day wins over the publication date
        Assert.False(strike.DateFromPublication);
        Assert.Equal(50, Assert.Single(strike.OtherMentions).Start);
    }

    [Fact]
    public void AOneSidedMentionJoinsTheOneWithItsTarget()
    {
        var list = new List<EventMention>
        {
            Ev(0, "PROTEST", [1], [], "2025-03-11", certainty: Certainty.Speculative), // "… to protest"
            Ev(0, "PROTEST", [1], [3], "2025-03-11"),                                  // "summoned China's ambassador"
        };
        MentionMerger.Merge(list);
        var e = Assert.Single(list);
        Assert.Equal([3], e.Target);
        Assert.Equal(Certainty.Asserted, e.Certainty); // the surer mention is kept
    }

    [Theory]
    [InlineData("2024-11-16")]   // three days before publication: another act
    [InlineData("2024-11-20")]   // after publication: not the act the publication date stands for
    public void APublicationDateIsNotAnyDay(string stated)
    {
        var list = new List<EventMention> { Ev(0, "ASSAULT", [1], [2], "2024-11-19", fromPublication: true), Ev(50, "ASSAULT", [1], [2], stated) };
        Assert.Equal(0, MentionMerger.Merge(list));
    }

    [Fact]
    public void OtherSidesOtherTypesAndNegationStayApart()
    {
        var list = new List<EventMention>
        {
            Ev(0, "ASSAULT", [1], [2], "2024-11-18"),
            Ev(20, "ASSAULT", [2], [1], "2024-11-18"),               // the other way round
            Ev(40, "ASSAULT", [1], [2, 4], "2024-11-18"),            // more targets
            Ev(60, "ASSAULT", [1], [2], "2024-11-18", negated: true), // "did not attack"
            Ev(80, "COERCE", [1], [2], "2024-11-18"),
            Ev(100, "ASSAULT", [1], [2], "2024-11-17"),              // two stated days
        };
        Assert.Equal(0, MentionMerger.Merge(list));
        Assert.Equal(6, list.Count);
    }
}
