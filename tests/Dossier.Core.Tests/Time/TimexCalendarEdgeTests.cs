using Dossier.Documents;

namespace Dossier.Tests.Time;

/// <summary>Relative expressions at the ends of the calendar (published in the year 1 or 9999) and counts past it
/// ("99999999 days ago"): a value inside the years 1–9999, a past or future reference, or no value — never an exception.</summary>
/// <remarks>Found by the fuzz harness (fuzz/cases/timex-*): date arithmetic threw ArgumentOutOfRangeException in a dozen
/// normalisation functions.</remarks>
public sealed class TimexCalendarEdgeTests : TimexTestBase
{
    public static TheoryData<TimexCase> Cases => new()
    {
        // counts past the calendar are still in the past or the future
        new("It began 99999999 days ago.", "2025-02-12", "99999999 days ago", TimexType.DATE, "PAST_REF"),
        new("It ends 99999999 weeks from now.", "2025-02-12", "99999999 weeks from now", TimexType.DATE, "FUTURE_REF"),
        new("It began 9000 years ago.", "2025-02-12", "9000 years ago", TimexType.DATE, "PAST_REF"),
        // ordinary counts resolve as before
        new("It began 3 years ago.", "2025-02-12", "3 years ago", TimexType.DATE, "2022"),
        new("It began 2 weeks ago.", "2025-02-12", "2 weeks ago", TimexType.DATE, "2025-W05"),
        new("It began 10 days ago.", "2025-02-12", "10 days ago", TimexType.DATE, "2025-02-02"),
        new("It began 3 months ago.", "2025-02-12", "3 months ago", TimexType.DATE, "2024-11"),
        new("It began two decades ago.", "2025-02-12", "two decades ago", TimexType.DATE, "2005"),
        new("It began 2 quarters ago.", "2025-02-12", "2 quarters ago", TimexType.DATE, "2024-Q3"),
        // at the calendar's ends: the values that exist, none for those that do not
        new("It began 3 years ago.", "0002-06-01", "3 years ago", TimexType.DATE, "PAST_REF"),
        new("It will come next year.", "9999-06-15", "x", TimexType.DATE, "none"),
        new("It came last year.", "9999-06-15", "last year", TimexType.DATE, "9998"),
        new("Prices peaked in the 90s.", "0001-03-01", "x", TimexType.DATE, "none"),
        new("Prices peaked in the 90s.", "2025-02-12", "the 90s", TimexType.DATE, "199"),
        new("It opened last Christmas.", "9999-12-26", "last Christmas", TimexType.DATE, "9999-12-25"),
        new("It began a year ago.", "0001-06-01", "a year ago", TimexType.DATE, "PAST_REF"),
    };

    [Theory, MemberData(nameof(Cases))]
    public void Tags(TimexCase c)
    {
        if (c.Extent == "x") { Assert.Empty(Tag(c.Text, c.Published).Timexes); return; }
        Check(c);
    }

    // The holiday of the year after 9999 or before 1 does not exist: the phrase gets no value (the bare holiday name may).
    [Theory]
    [InlineData("It opens next Christmas.", "9999-12-26", "next Christmas")]
    [InlineData("It closed last Thanksgiving.", "0001-11-01", "last Thanksgiving")]
    public void NoValueBeyondTheCalendar(string text, string published, string phrase)
    {
        var doc = Tag(text, published);
        Assert.DoesNotContain(doc.Timexes, t => doc.Slice(t.Start, t.End) == phrase);
    }

    private const string Relative =
        "Last Monday and next Friday, yesterday, tomorrow and tonight; next year, last year, a year ago, 3 weeks ago, next month, last week. " +
        "In the 90s and the nineties, at Christmas, next Christmas, last Thanksgiving, this winter, last fall and next spring. " +
        "The weekend, the next morning, the day before, the quarter, the year-ago quarter, a year earlier, the following year. " +
        "On December 31, January 1, March 3 of next year, last Oct. 23, next March 3, in July, from March to May, ten days later, " +
        "999999999 years ago, in '05, the third quarter of last year, the same quarter a year ago, the first half, 10 p.m. Wednesday.";

    [Theory]
    [InlineData("0001-01-01"), InlineData("0001-01-07"), InlineData("0001-03-01"), InlineData("0001-12-31")]
    [InlineData("9999-01-01"), InlineData("9999-12-25"), InlineData("9999-12-31"), InlineData(null)]
    public void AtTheEndsOfTheCalendarValuesHaveFourDigitYears(string? published)
    {
        var doc = Tag(Relative, published);
        Assert.NotEmpty(doc.Timexes);
        foreach (var t in doc.Timexes)
        {
            var v = t.Value;
            int digits = 0;
            while (digits < v.Length && char.IsAsciiDigit(v[digits])) digits++;
            Assert.True(!v.StartsWith('-') && (digits == 0 || digits is >= 2 and <= 4), $"'{doc.Slice(t.Start, t.End)}' → {v}");
        }
    }
}
