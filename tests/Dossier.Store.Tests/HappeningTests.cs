using Dossier.Documents;
using Dossier.Store;

namespace Dossier.Tests;

/// <summary>One happening per act across articles: the same sources, targets, PLOVER type and negation, a day ±1.</summary>
public abstract class HappeningTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    private const string Db = "h.db";


    private static long[] HappeningsOf(IStore s) =>
        Engine.Query(s, "SELECT happening_id FROM events ORDER BY id").Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void ReportsADayApartAreOneHappeningTwoDaysApartAreTwo()
    {
        using var s = Open(Db);
        s.Add(Happening.Strike("a", "2025-03-03", "2025-03-03"), "test");
        s.Add(Happening.Strike("b", "2025-03-04", "2025-03-04"), "test");   // the next day's report of the same strike
        s.Add(Happening.Strike("c", "2025-03-04", "2025-03-02"), "test");   // "on Sunday": a day before the first
        s.Add(Happening.Strike("d", "2025-03-06", "2025-03-06"), "test");   // three days on: another strike
        var h = HappeningsOf(s);
        Assert.Equal(h[0], h[1]);
        Assert.Equal(h[0], h[2]);
        Assert.NotEqual(h[0], h[3]);
        var counts = s.HappeningCounts();
        Assert.Equal(2, counts.Happenings);
        Assert.Equal(4, counts.Events);
        Assert.Equal(1, counts.Repeated);
        // The timeline lists each happening once, its earliest report first, with the count of reports.
        var one = s.Timeline(new TimelineFilter { Happenings = true });
        Assert.Equal(2, one.Count);
        Assert.Equal("2025-03-02", one[0].Date);
        Assert.Equal(3, one[0].Reports);
        Assert.Equal(3, one[0].ReportingArticles);
        Assert.Equal(4, s.Timeline(new TimelineFilter()).Count);
        Assert.Equal(3, s.HappeningReports(one[0].HappeningId!.Value).Count);
        Assert.Empty(s.HappeningReports(999_999));
    }

    [Fact]
    public void OtherSidesTypeNegationOrPrecisionMakeAnotherHappening()
    {
        using var s = Open(Db);
        s.Add(Happening.Strike("a", "2025-03-03", "2025-03-03"), "test");
        s.Add(Happening.Strike("b", "2025-03-03", "2025-03-03", reversed: true, text: "Hamas struck Israel with rockets."), "test");
        s.Add(Happening.Strike("c", "2025-03-03", "2025-03-03", plover: "ACCUSE", text: "Israel struck back at Hamas in words."), "test");
        s.Add(Happening.Strike("d", "2025-03-03", "2025-03-03", negated: true, text: "Israel struck no Hamas target, the army said."), "test");
        s.Add(Happening.Strike("e", "2025-03-20", "2025-03", text: "Israel struck Hamas several times in March."), "test");
        s.Add(Happening.Strike("f", "2025-03-21", "2025-03", text: "In March Israel struck Hamas, a report said."), "test");
        var h = HappeningsOf(s);
        Assert.Equal(5, h.Distinct().Count());
        Assert.Equal(h[4], h[5]); // the same month, said twice: one (coarse) happening
    }

    [Fact]
    public void MergingActorsGroupsTheirReportsAgain()
    {
        using var s = Open(Db);
        s.Add(Happening.Strike("a", "2025-03-03", "2025-03-03"), "test");
        var t = new TestDoc("The Israeli army struck Hamas positions in Gaza.", "2025-03-03", "Strike b", "b");
        int idf = t.Actor("Israeli army", EntityType.ORG);
        int hamas = t.Actor("Hamas", EntityType.ORG);
        t.Event("struck", idf, hamas, "190", "2025-03-03", -10, "ASSAULT");
        s.Add(t.Doc, "test");
        Assert.Equal(2, s.HappeningCounts().Happenings);
        s.Merge("Israel", "Israeli army", "the state's army acts for it here");
        Assert.Equal(1, s.HappeningCounts().Happenings);
        Assert.Equal(2, Assert.Single(s.Timeline(new TimelineFilter { Happenings = true })).Reports);
        var r = s.Relation("Israel", "Hamas");
        Assert.Equal(1, Assert.Single(r.Points).Events);
        Assert.Equal(2, r.Points[0].Reports);
    }
}

/// <summary>The articles the happening tests store.</summary>
internal static class Happening
{
    // An article of its own day telling that Israel struck Hamas (or that Hamas struck Israel) on the given date.
    public static Document Strike(string id, string published, string? date, bool reversed = false, string plover = "ASSAULT", bool negated = false,
        string? text = null)
    {
        // Each article its own words: the store keeps one copy of a text.
        var t = new TestDoc(text ?? $"Israel struck Hamas positions in Gaza, report {id} said.", published, "Strike " + id, id);
        int israel = t.Actor("Israel", EntityType.GPE);
        int hamas = t.Actor("Hamas", EntityType.ORG);
        t.Event("struck", reversed ? hamas : israel, reversed ? israel : hamas, plover == "ASSAULT" ? "190" : "112", date, -10, plover, negated);
        return t.Doc;
    }
}
