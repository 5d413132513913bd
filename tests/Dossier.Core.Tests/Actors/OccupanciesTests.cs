using Dossier.Actors;

namespace Dossier.Tests.Actors;

public sealed class OccupanciesTests
{
    private static RoleStatement S(string title, string? of, string? date, bool former = false, long article = 1, string? qualifier = null) =>
        new(title, of, qualifier, date, former, article);

    [Fact]
    public void CurrentStatementsExtendOneOccupancy()
    {
        var o = Assert.Single(Occupancies.Build([S("President", "Syria", "2025-01-29", article: 1, qualifier: "self-declared"),
            S("President", "Syria", "2025-02-12", article: 2), S("president", "syria", "2025-02-03", article: 3)]));
        Assert.Equal(("2025-01-29", "2025-02-12", (string?)null), (o.Start, o.LastSeen, o.End));
        Assert.Equal(["self-declared"], o.Qualifiers);
        Assert.Equal(3, o.Articles.Count);
        Assert.Equal("President of Syria (self-declared) 2025-01-29 → present (last seen 2025-02-12)", o.ToString());
    }

    [Fact]
    public void FormerClosesTheOpenOccupancyAndALaterCurrentOpensAnother()
    {
        var list = Occupancies.Build([S("Prime Minister", "Israel", "1996-06-18", article: 1), S("Prime Minister", "Israel", "1999-07-06", former: true, article: 2),
            S("Prime Minister", "Israel", "2009-03-31", article: 3), S("Prime Minister", "Israel", "2010-01-01", former: true, article: 4)]);
        Assert.Equal(2, list.Count);
        Assert.Equal(("1996-06-18", "1999-07-06"), (list[0].Start, list[0].End));
        Assert.Equal(("2009-03-31", "2010-01-01"), (list[1].Start, list[1].End));
    }

    [Fact]
    public void OnlyFormerGivesAnUpperBound()
    {
        var o = Assert.Single(Occupancies.Build([S("President", "Syria", "2025-02-12", former: true)]));
        Assert.Null(o.Start);
        Assert.Equal("2025-02-12", o.End);
        Assert.Equal("President of Syria ? → ≤2025-02-12", o.ToString());
    }

    [Fact]
    public void TitlesAreNormalisedAndAMissingCountryJoinsTheOnePostOfThatTitle()
    {
        var list = Occupancies.Build([S("Minister of Foreign Affairs", "Syria", "2025-01-10", article: 1), S("Foreign Minister", null, "2025-02-01", article: 2),
            S("PM", "Syria", "2025-01-01", article: 3)]);
        Assert.Equal(2, list.Count);
        var fm = Assert.Single(list, o => o.Post == "foreign minister|syria");
        Assert.Equal(2, fm.Articles.Count);
        Assert.Contains(list, o => o.Post == "prime minister|syria");
    }

    [Fact]
    public void AMissingCountryJoinsTheDominantPostOnlyWhenItDominates()
    {
        var clear = Occupancies.Build([S("Prime Minister", "United Kingdom", "2005-01-01", article: 1), S("Prime Minister", "United Kingdom", "2005-01-02", article: 2),
            S("Prime Minister", "Australia", "2005-01-03", article: 3), S("Prime Minister", null, "2005-01-04", article: 4)]);
        Assert.Equal(3, Assert.Single(clear, o => o.Post == "prime minister|united kingdom").Articles.Count);
        Assert.DoesNotContain(clear, o => o.Post == "prime minister|");
        var even = Occupancies.Build([S("President", "France", "2005-01-01", article: 1), S("President", "Chad", "2005-01-02", article: 2),
            S("President", null, "2005-01-04", article: 3)]);
        Assert.Contains(even, o => o.Post == "president|");
    }

    [Fact]
    public void UndatedStatementsSupportWithoutDates()
    {
        var o = Assert.Single(Occupancies.Build([S("Chancellor", null, null, article: 1), S("Chancellor", null, null, article: 2)]));
        Assert.Null(o.Start);
        Assert.Equal(2, o.Undated);
        Assert.Equal("Chancellor (undated)", o.ToString());
    }

    [Fact]
    public void OverlapNeedsDatesOnBothSides()
    {
        var a = Assert.Single(Occupancies.Build([S("President", "X", "2020-01-01"), S("President", "X", "2021-01-01")]));
        var b = Assert.Single(Occupancies.Build([S("President", "X", "2020-06-01")]));
        var c = Assert.Single(Occupancies.Build([S("President", "X", null)]));
        Assert.True(Occupancies.Overlap(a, b) || Occupancies.Overlap(b, a));
        Assert.False(Occupancies.Overlap(a, c));
    }
}
