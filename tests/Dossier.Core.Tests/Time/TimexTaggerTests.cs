using Dossier.Documents;
using Dossier.Extraction.Time;
using Dossier.Testing;

namespace Dossier.Tests.Time;

/// <summary>One expected timex: in <c>Text</c> published on <c>Published</c>, the extent <c>Extent</c> has this type, value and mod.</summary>
public sealed record TimexCase(string Text, string? Published, string Extent, TimexType Type, string Value, string? Mod = null)
{
    public override string ToString() => $"{Extent} @ {Published ?? "none"}";
}

/// <summary>Table-driven tests: subclasses only supply cases.</summary>
public abstract class TimexTestBase
{
    protected static Document Tag(string text, string? published)
    {
        var doc = DocBuilder.Segmented(text, published);
        new TimexTagger().Process(doc);
        return doc;
    }

    protected static void Check(TimexCase c)
    {
        var doc = Tag(c.Text, c.Published);
        var found = doc.Timexes.Select(t => $"[{doc.Slice(t.Start, t.End)}] {t.Type} {t.Value} {t.Mod}").ToList();
        var hit = doc.Timexes.FirstOrDefault(t => doc.Slice(t.Start, t.End) == c.Extent);
        Assert.True(hit is not null, $"no timex '{c.Extent}'; found: {string.Join(" | ", found)}");
        Assert.Equal(c.Type, hit!.Type);
        Assert.Equal(c.Value, hit.Value);
        Assert.Equal(c.Mod, hit.Mod);
        Assert.Equal(TimexTagger.Component.Id, hit.By);
    }
}

public sealed class TimexTaggerTests : TimexTestBase
{
    private const string Pub = "2025-02-12"; // a Wednesday

    public static TheoryData<TimexCase> Cases => new()
    {
        // full dates
        new("It was signed on 2024-12-08 in Paris.", Pub, "2024-12-08", TimexType.DATE, "2024-12-08"),
        new("Posted — Syrian Girl (@Partisangirl) February 12, 2025", Pub, "February 12, 2025", TimexType.DATE, "2025-02-12"),
        new("He was born on Monday, Oct. 26, 1987 in Ohio.", Pub, "Monday, Oct. 26, 1987", TimexType.DATE, "1987-10-26"),
        new("The deal closed on 8 December 2024.", Pub, "8 December 2024", TimexType.DATE, "2024-12-08"),
        new("He fled on December 8 of last year.", Pub, "December 8 of last year", TimexType.DATE, "2024-12-08"),
        new("He fled on the weekend of December 8 of last year.", Pub, "the weekend of December 8 of last year", TimexType.DATE, "2024-W49-WE"),
        new("He fled on December 8 of last year.", null, "December 8 of last year", TimexType.DATE, "XXXX-12-08"),
        new("Results came on Sept. 30.", "1989-10-26", "Sept. 30", TimexType.DATE, "1989-09-30"),
        new("The talks ended in July 1997.", Pub, "July 1997", TimexType.DATE, "1997-07"),
        new("The war started in 1990 and ended later.", Pub, "1990", TimexType.DATE, "1990"),
        new("He has ruled since 2011.", Pub, "2011", TimexType.DATE, "2011"),
        new("Nearly 2000 troops arrived.", Pub, "x", TimexType.DATE, "none"),
        new("He said it would come in the year two thousand.", Pub, "the year two thousand", TimexType.DATE, "2000"),
        new("They met in nineteen ninety-six.", Pub, "nineteen ninety-six", TimexType.DATE, "1996"),
        // months
        new("Sales rose in July.", Pub, "July", TimexType.DATE, "2024-07"),
        new("Sales rose in January.", Pub, "January", TimexType.DATE, "2025-01"),
        new("The vote will be held in March.", Pub, "March", TimexType.DATE, "2025-03"),
        new("Talks that are supposed to conclude by January invited Sinn Fein back.", "1998-11-22", "January", TimexType.DATE, "1999-01"),
        new("Orangemen march each July from their church.", Pub, "each July", TimexType.SET, "XXXX-07"),
        // ranges: both ends agree on the year
        new("Talks ran from March to May.", Pub, "March", TimexType.DATE, "2024-03"),
        new("Talks will run from November to January.", Pub, "January", TimexType.DATE, "2026-01"),
        new("Talks will run from November to January.", Pub, "November", TimexType.DATE, "2025-11"),
        new("Talks ran from March 3 to May 5, 2024.", Pub, "March 3", TimexType.DATE, "2024-03-03"),
        new("Prices rose between October and January, the report said.", Pub, "October", TimexType.DATE, "2024-10"),
        new("He returned last November.", Pub, "last November", TimexType.DATE, "2024-11"),
        new("The plant will open from March to May.", Pub, "May", TimexType.DATE, "2025-05"),
        new("Prices fell in late November.", "1998-12-03", "late November", TimexType.DATE, "1998-11", "END"),
        new("Production resumed in mid-November.", "1998-12-03", "mid-November", TimexType.DATE, "1998-11", "MID"),
        // relative to the publication date
        new("The minister resigned yesterday.", Pub, "yesterday", TimexType.DATE, "2025-02-11"),
        new("The minister resigns today.", Pub, "today", TimexType.DATE, "2025-02-12"),
        new("The minister resigns tomorrow.", Pub, "tomorrow", TimexType.DATE, "2025-02-13"),
        new("Prices fell last week.", Pub, "last week", TimexType.DATE, "2025-W06"),
        new("Prices fell this week.", Pub, "this week", TimexType.DATE, "2025-W07"),
        new("Prices fell last month.", Pub, "last month", TimexType.DATE, "2025-01"),
        new("Prices will rise next month.", Pub, "next month", TimexType.DATE, "2025-03"),
        new("Prices fell last year.", Pub, "last year", TimexType.DATE, "2024"),
        new("Prices rose this year.", Pub, "this year", TimexType.DATE, "2025"),
        new("Prices will rise next year.", Pub, "next year", TimexType.DATE, "2026"),
        new("Prices fell earlier this month.", Pub, "earlier this month", TimexType.DATE, "2025-02", "START"),
        new("The factory closed two years ago.", Pub, "two years ago", TimexType.DATE, "2023"),
        new("The factory closed three days ago.", Pub, "three days ago", TimexType.DATE, "2025-02-09"),
        new("The factory closed years ago.", Pub, "years ago", TimexType.DATE, "PAST_REF"),
        new("Profit rose from a year ago.", Pub, "a year ago", TimexType.DATE, "2024"),
        new("The pact is in force now.", Pub, "now", TimexType.DATE, "PRESENT_REF"),
        new("He recently moved.", Pub, "recently", TimexType.DATE, "PAST_REF"),
        new("It will happen in the future.", Pub, "the future", TimexType.DATE, "FUTURE_REF"),
        new("It will happen in the near future.", Pub, "the near future", TimexType.DATE, "FUTURE_REF"),
        new("It will slow in coming months.", Pub, "coming months", TimexType.DURATION, "PXM"),
        new("It will slow in coming weeks.", Pub, "coming weeks", TimexType.DURATION, "PXW"),
        new("Rates will fall over coming years.", Pub, "coming years", TimexType.DURATION, "PXY"),
        new("A car was seen ten days before the shooting.", Pub, "ten days", TimexType.DURATION, "P10D"),
        new("It happened in the past.", Pub, "the past", TimexType.DATE, "PAST_REF"),
        new("Troops left last night.", Pub, "last night", TimexType.TIME, "2025-02-11TNI"),
        new("Troops left this morning.", Pub, "this morning", TimexType.TIME, "2025-02-12TMO"),
        new("Troops left yesterday afternoon.", Pub, "yesterday afternoon", TimexType.TIME, "2025-02-11TAF"),
        new("Troops will leave tonight.", Pub, "tonight", TimexType.DATE, "2025-02-12TNI"),
        new("It rained over the weekend.", Pub, "the weekend", TimexType.DATE, "2025-W06-WE"),
        new("We will meet next weekend.", Pub, "next weekend", TimexType.DATE, "2025-W08-WE"),
        // weekdays by tense
        new("The minister resigned on Friday.", Pub, "Friday", TimexType.DATE, "2025-02-07"),
        new("The minister will resign on Friday.", Pub, "Friday", TimexType.DATE, "2025-02-14"),
        new("The minister is going to resign on Friday.", Pub, "Friday", TimexType.DATE, "2025-02-14"),
        new("The minister resigned last Friday.", Pub, "last Friday", TimexType.DATE, "2025-02-07"),
        new("The minister will resign next Monday.", Pub, "next Monday", TimexType.DATE, "2025-02-17"),
        new("The minister spoke Friday morning.", Pub, "Friday morning", TimexType.TIME, "2025-02-07TMO"),
        new("The minister resigned on Friday.", null, "Friday", TimexType.DATE, "XXXX-WXX-5"),
        // a modal points nowhere: the nearest such day (Tuesday is the day before a Wednesday, Thursday the day after)
        new("Neither could be located Tuesday in their hometown.", Pub, "Tuesday", TimexType.DATE, "2025-02-11"),
        new("The group might come as early as Thursday.", Pub, "Thursday", TimexType.DATE, "2025-02-13"),
        new("He would be ready to leave as soon as Monday, Castro said.", Pub, "Monday", TimexType.DATE, "2025-02-17"),
        new("Shares closed above Thursday's closing price, which traders will watch.", Pub, "Thursday", TimexType.DATE, "2025-02-06"),
        new("The bombs exploded next to the embassies on Friday.", "1998-08-08", "Friday", TimexType.DATE, "1998-08-07"),
        // narrative reference time
        new("The attack came on March 3, 2020. The same day, troops moved.", Pub, "The same day", TimexType.DATE, "2020-03-03"),
        new("The attack came on March 3, 2020. The next day, troops moved.", Pub, "The next day", TimexType.DATE, "2020-03-04"),
        new("Profit rose in the third quarter. A year earlier it fell.", "1989-10-26", "A year earlier", TimexType.DATE, "1988-Q3"),
        // quarters, halves, seasons, decades, centuries, fiscal years
        new("Profit rose in the first quarter.", Pub, "the first quarter", TimexType.DATE, "2025-Q1"),
        new("Third-quarter profit rose.", "1989-10-26", "Third-quarter", TimexType.DATE, "1989-Q3"),
        new("Profit rose in the latest quarter.", "1989-10-26", "the latest quarter", TimexType.DATE, "1989-Q3"),
        new("Profit rose in the first half of 2024.", Pub, "the first half of 2024", TimexType.DATE, "2024-H1"),
        new("Profit rose in fiscal 2024.", Pub, "fiscal 2024", TimexType.DATE, "2024"),
        new("Profit rose last fall.", "1989-10-26", "last fall", TimexType.DATE, "1988-FA"),
        new("Profit will rise this summer.", Pub, "this summer", TimexType.DATE, "2025-SU"),
        new("Prices fell in the summer of 2024.", Pub, "the summer of 2024", TimexType.DATE, "2024-SU"),
        new("It was common in the 1990s.", Pub, "the 1990s", TimexType.DATE, "199"),
        new("It was common in the early 1990s.", Pub, "the early 1990s", TimexType.DATE, "199", "START"),
        new("It was common in the '90s.", Pub, "the '90s", TimexType.DATE, "199"),
        new("It is the war of the 21st century.", Pub, "the 21st century", TimexType.DATE, "20"),
        new("The economy will grow by mid-2024.", "2023-05-01", "mid-2024", TimexType.DATE, "2024", "MID"),
        new("Prices rose at the end of 1990.", Pub, "the end of 1990", TimexType.DATE, "1990", "END"),
        new("Shops will close on Christmas.", Pub, "Christmas", TimexType.DATE, "2025-12-25"),
        new("Shops closed on Christmas.", Pub, "Christmas", TimexType.DATE, "2024-12-25"),
        new("Shops close on Christmas.", null, "Christmas", TimexType.DATE, "XXXX-12-25"),
        // clock times
        new("The meeting starts at 14:30 in Rome.", Pub, "14:30", TimexType.TIME, "2025-02-12T14:30"),
        new("The meeting starts at 5 p.m. in Rome.", Pub, "5 p.m.", TimexType.TIME, "2025-02-12T17:00"),
        new("The meeting starts at 14:30 in Rome.", null, "14:30", TimexType.TIME, "T14:30"),
        new("The meeting starts at noon.", Pub, "noon", TimexType.TIME, "2025-02-12T12:00"),
        new("Questions are at 1200 GMT in the Commons.", Pub, "1200 GMT", TimexType.TIME, "2025-02-12T12:00"),
        new("The polls close at 2200 local time.", Pub, "2200 local time", TimexType.TIME, "2025-02-12T22:00"),
        new("Voters must register by 1700 GMT on Friday.", Pub, "1700 GMT on Friday", TimexType.TIME, "2025-02-14T17:00"),
        new("The 1701 Act still stands.", Pub, "1701", TimexType.DATE, "1701"),
        new("The curfew begins at 2200 hours.", Pub, "2200 hours", TimexType.TIME, "2025-02-12T22:00"),
        new("They shot 2000 hours of footage.", Pub, "2000 hours", TimexType.DURATION, "PT2000H"),
        new("Talks broke off at 10 p.m. Monday.", Pub, "10 p.m. Monday", TimexType.TIME, "2025-02-10T22:00"),
        new("Talks broke off at noon Monday.", Pub, "noon Monday", TimexType.TIME, "2025-02-10T12:00"),
        new("The attack came on March 3, 2020. It began at 6 a.m.", Pub, "6 a.m.", TimexType.TIME, "2020-03-03T06:00"),
        // durations
        new("Russia had for years assisted the army.", Pub, "years", TimexType.DURATION, "PXY"),
        new("The war lasted three years.", Pub, "three years", TimexType.DURATION, "P3Y"),
        new("He served a five-year term.", Pub, "five-year", TimexType.DURATION, "P5Y"),
        new("The 30-day truce ended; the 30-day period was short.", Pub, "30-day", TimexType.DURATION, "P30D"),
        new("Talks lasted two weeks.", Pub, "two weeks", TimexType.DURATION, "P2W"),
        new("Talks lasted about two weeks.", Pub, "two weeks", TimexType.DURATION, "P2W", "APPROX"),
        new("Talks lasted more than four decades.", Pub, "more than four decades", TimexType.DURATION, "P40Y", "MORE_THAN"),
        new("The strike lasted 24 hours.", Pub, "24 hours", TimexType.DURATION, "PT24H"),
        new("The strike lasted twenty four hours.", Pub, "twenty four hours", TimexType.DURATION, "PT24H"),
        new("Stocks fell in the past two months.", Pub, "the past two months", TimexType.DURATION, "P2M"),
        new("Stocks fell in the past decade.", Pub, "the past decade", TimexType.DURATION, "P10Y"),
        new("Stocks fell for several months.", Pub, "several months", TimexType.DURATION, "PXM"),
        new("The crisis lasted a year.", Pub, "a year", TimexType.DURATION, "P1Y"),
        new("A delegation arrived weeks after the coup.", Pub, "weeks", TimexType.DURATION, "PXW"),
        new("The call lasted five minutes.", Pub, "five minutes", TimexType.DURATION, "PT5M"),
        new("The battle lasted five hours.", Pub, "five hours", TimexType.DURATION, "PT5H"),
        // one case per remaining rule (the coverage test below keeps this complete)
        new("He was born on Monday, 26 October 1987.", Pub, "Monday, 26 October 1987", TimexType.DATE, "1987-10-26"),
        new("It ended on the 8th of December of last year.", Pub, "the 8th of December of last year", TimexType.DATE, "2024-12-08"),
        new("The vote is on Friday, March 14.", Pub, "Friday, March 14", TimexType.DATE, "2025-03-14"),
        new("The vote was on Friday, the 7th of February.", Pub, "Friday, the 7th of February", TimexType.DATE, "2025-02-07"),
        new("He arrived on 8 December.", Pub, "8 December", TimexType.DATE, "2024-12-08"),
        new("He arrived on the 8th of December.", Pub, "the 8th of December", TimexType.DATE, "2024-12-08"),
        new("It opened in March of 2020.", Pub, "March of 2020", TimexType.DATE, "2020-03"),
        new("It opened in March last year.", Pub, "March last year", TimexType.DATE, "2024-03"),
        new("Profit exceeded the 1988 level.", Pub, "the 1988 level", TimexType.DATE, "1988"),
        new("Profit will fall for the full year.", Pub, "the full year", TimexType.DATE, "2025"),
        new("It is the biggest change this century.", Pub, "this century", TimexType.DATE, "20"),
        new("Profit rose in the fourth quarter of 2023.", Pub, "the fourth quarter of 2023", TimexType.DATE, "2023-Q4"),
        new("Profit fell in the 1988 third quarter.", Pub, "the 1988 third quarter", TimexType.DATE, "1988-Q3"),
        new("Profit fell from the year-ago third quarter.", "1989-10-26", "the year-ago third quarter", TimexType.DATE, "1988-Q3"),
        new("He flew the Challenger in October 1984 and later served at NASA.", Pub, "October 1984", TimexType.DATE, "1984-10"),
        new("January nineteen ninety-seven. Atlanta again.", Pub, "January nineteen ninety-seven", TimexType.DATE, "1997-01"),
        new("This year's third quarter was weak.", "1989-10-26", "This year's third quarter", TimexType.DATE, "1989-Q3"),
        new("Sales rose, but current quarter sales fell.", "1989-10-26", "current quarter", TimexType.DATE, "1989-Q4"),
        new("It expects sales in the current fiscal year to rise.", "1989-10-26", "the current fiscal year", TimexType.DATE, "1989"),
        new("It sold $6 billion in the latest fiscal year.", "1989-10-26", "the latest fiscal year", TimexType.DATE, "1988"),
        new("Net rose in the third quarter. In the 1988 quarter, it earned $1.", "1989-10-26", "the 1988 quarter", TimexType.DATE, "1988-Q3"),
        new("Net rose. In the 1988 period, it earned $1.", "1989-10-26", "the 1988 period", TimexType.DATE, "1988"),
        new("Net rose in the third quarter from $2 in the year-earlier quarter.", "1989-10-26", "the year-earlier quarter", TimexType.DATE, "1988-Q3"),
        new("Net rose in the third quarter. U.K. sales for last year's quarter were $3.", "1989-10-26", "last year's quarter", TimexType.DATE, "1988-Q3"),
        new("Net rose in the third quarter from $1.8 for the corresponding period last year.", "1989-10-26", "the corresponding period last year", TimexType.DATE, "1988-Q3"),
        new("It could take effect as early as next year's first quarter.", "1989-10-26", "next year's first quarter", TimexType.DATE, "1990-Q1"),
        new("Demand stays weak through the first two quarters of 1990.", "1989-10-26", "the first two quarters of 1990", TimexType.DATE, "1990-H1"),
        new("Demand stays weak through the first two quarters.", "1989-10-26", "the first two quarters", TimexType.DATE, "1989-H1"),
        new("Earnings fall for the last half of 1989.", "1989-10-26", "the last half of 1989", TimexType.DATE, "1989-H2"),
        new("Earnings fall for the final two quarters of 1989.", "1989-10-26", "the final two quarters of 1989", TimexType.DATE, "1989-H2"),
        new("Earnings fall for the last two quarters.", "1989-10-26", "the last two quarters", TimexType.DATE, "1989-H2"),
        new("Earnings rose in the second half.", "1989-10-26", "the second half", TimexType.DATE, "1989-H2"),
        new("Earnings fall in the latter half, analysts said.", "1989-10-26", "the latter half", TimexType.DATE, "1989-H2"),
        new("It trades the way it did in the winter of nineteen ninety-four.", Pub, "the winter of nineteen ninety-four", TimexType.DATE, "1994-WI"),
        new("It expects a fourth-quarter charge. Profit fell 59% in the latest quarter.", "1989-11-02", "the latest quarter", TimexType.DATE, "1989-Q3"),
        new("In 1995 the plant closed. A year earlier it had been sold.", "1999-03-01", "A year earlier", TimexType.DATE, "1994"),
        new("In 1995 the plant closed. Profit was higher a year ago.", "1999-03-01", "a year ago", TimexType.DATE, "1998"),
        new("In the 1988 period it earned $5. The year-earlier results were restated.", "1989-10-26", "year-earlier", TimexType.DATE, "1988"),
        new("Sales rose in the latest period.", "1989-10-26", "the latest period", TimexType.DATE, "1989-Q3"),
        new("Profit fell from the year-earlier period.", "1989-10-26", "the year-earlier period", TimexType.DATE, "1988"),
        new("Prices rise in winter.", Pub, "winter", TimexType.DATE, "2025-WI"),
        new("Hiring surged last fall.", "1998-02-06", "last fall", TimexType.DATE, "1997-FA"),
        new("This season the club won the league.", Pub, "This season", TimexType.DATE, "PRESENT_REF"),
        new("He scored 20 goals last season.", Pub, "last season", TimexType.DATE, "PAST_REF"),
        new("He will leave next season.", Pub, "next season", TimexType.DATE, "FUTURE_REF"),
        new("Hiring slowed last winter.", "1998-02-06", "last winter", TimexType.DATE, "1996-WI"),
        new("Hiring will pick up next spring.", "1998-02-06", "next spring", TimexType.DATE, "1998-SP"),
        new("Hiring will pick up this summer.", "1998-02-06", "this summer", TimexType.DATE, "1998-SU"),
        new("It is cold this winter.", "1998-02-06", "this winter", TimexType.DATE, "1997-WI"),
        new("Elian was found Thanksgiving Day clinging to a tube.", "2000-01-07", "Thanksgiving Day", TimexType.DATE, "1999-11-25"),
        new("He was shot to death last Oct. 23 at his home.", "1999-04-19", "last Oct. 23", TimexType.DATE, "1998-10-23"),
        new("Searches began shortly after the Oct. 23 slaying.", "1999-05-06", "Oct. 23", TimexType.DATE, "1998-10-23"),
        new("But a minute and a half later, a pilot calls in.", Pub, "a minute and a half", TimexType.DURATION, "PT1M30S"),
        new("The summit is planned for the spring.", Pub, "the spring", TimexType.DATE, "2025-SP"),
        new("Shops closed on Christmas 2023.", Pub, "Christmas 2023", TimexType.DATE, "2023-12-25"),
        new("Shops will close on Labor Day.", Pub, "Labor Day", TimexType.DATE, "2025-09-01"),
        new("He was found last Thanksgiving.", Pub, "last Thanksgiving", TimexType.DATE, "2024-11-28"),
        new("They met the day before yesterday.", Pub, "the day before yesterday", TimexType.DATE, "2025-02-10"),
        new("They meet the day after tomorrow.", Pub, "the day after tomorrow", TimexType.DATE, "2025-02-14"),
        new("They meet the following weekend.", Pub, "the following weekend", TimexType.DATE, "2025-W08-WE"),
        new("He left a week ago.", Pub, "a week ago", TimexType.DATE, "2025-W06"),
        new("He left a few years ago.", Pub, "a few years ago", TimexType.DATE, "PAST_REF"),
        new("He returns two weeks from now.", Pub, "two weeks from now", TimexType.DATE, "2025-W09"),
        new("He is busy right now.", Pub, "right now", TimexType.DATE, "PRESENT_REF"),
        new("Risks remain in the near term.", Pub, "the near term", TimexType.DATE, "FUTURE_REF"),
        new("Nothing is planned at this time.", Pub, "at this time", TimexType.DATE, "PRESENT_REF"),
        new("Prices rose in recent years.", Pub, "recent years", TimexType.DURATION, "PXY"),
        new("Few people write letters these days.", Pub, "these days", TimexType.DATE, "PRESENT_REF"),
        new("He will decide in the coming weeks.", Pub, "the coming weeks", TimexType.DATE, "FUTURE_REF"),
        new("The attack came on March 3, 2020. That day, troops moved.", Pub, "That day", TimexType.DATE, "2020-03-03"),
        new("The attack came on March 3, 2020. Earlier that day, troops moved.", Pub, "Earlier that day", TimexType.DATE, "2020-03-03"),
        new("The attack came on March 3, 2020. The previous day, troops moved.", Pub, "The previous day", TimexType.DATE, "2020-03-02"),
        new("The attack came on March 3, 2020. Troops had moved the day before.", Pub, "the day before", TimexType.DATE, "2020-03-02"),
        new("The attack came on March 3, 2020. The next morning, troops moved.", Pub, "The next morning", TimexType.DATE, "2020-03-04TMO"),
        new("The attack came on March 3, 2020. Two days later, troops moved.", Pub, "Two days later", TimexType.DATE, "2020-03-05"),
        new("The attack came on March 3, 2020. A week later, troops moved.", Pub, "A week later", TimexType.DATE, "2020-W11"),
        new("Prices fell from the previous Friday.", Pub, "the previous Friday", TimexType.DATE, "2025-02-07"),
        new("Troops left last Friday night.", Pub, "last Friday night", TimexType.TIME, "2025-02-07TNI"),
        new("It happened the day before last Friday.", Pub, "the day before last Friday", TimexType.DATE, "2025-02-06"),
        new("Talks broke off at 10:30 p.m. Monday.", Pub, "10:30 p.m. Monday", TimexType.TIME, "2025-02-10T22:30"),
        new("Polls close at midnight.", Pub, "midnight", TimexType.TIME, "2025-02-12T24:00"),
        new("The offer runs until 5 p.m. EST Nov. 9.", "1989-11-02", "5 p.m. EST Nov. 9", TimexType.TIME, "1989-11-09T17:00"),
        new("It was a two-year-long war.", Pub, "two-year-long", TimexType.DURATION, "P2Y"),
        new("Talks lasted a few days.", Pub, "a few days", TimexType.DURATION, "PXD"),
        new("Talks lasted the past several months.", Pub, "the past several months", TimexType.DURATION, "PXM"),
        new("Talks lasted a couple of weeks.", Pub, "a couple of weeks", TimexType.DURATION, "PXW"),
        new("A few days later, troops moved.", Pub, "A few days", TimexType.DURATION, "PXD"),
        new("It ended a decades-long conflict.", Pub, "decades-long", TimexType.DURATION, "PXY"),
        new("Talks lasted half an hour.", Pub, "half an hour", TimexType.DURATION, "PT30M"),
        new("Talks lasted a year and a half.", Pub, "a year and a half", TimexType.DURATION, "P1Y6M"),
        new("Talks lasted two and a half years.", Pub, "two and a half years", TimexType.DURATION, "P2Y6M"),
        new("She spent 5 1/2 hours in Nairobi.", Pub, "5 1/2 hours", TimexType.DURATION, "PT5H30M"),
        new("The father will leave at 4 in the morning.", Pub, "4 in the morning", TimexType.TIME, "2025-02-12T04:00"),
        new("The group meets every other week.", Pub, "every other week", TimexType.SET, "P2W"),
        new("The group meets every two weeks.", Pub, "every two weeks", TimexType.SET, "P2W"),
        new("Trains run three times a day.", Pub, "three times a day", TimexType.SET, "P1D"),
        new("He earns $5 per hour.", Pub, "per hour", TimexType.SET, "PT1H"),
        new("Music was better in the nineties.", Pub, "the nineties", TimexType.DATE, "199"),
        new("Sales fell this past spring.", "1989-10-26", "this past spring", TimexType.DATE, "1989-SP"),
        new("Profit fell in recent quarters.", Pub, "recent quarters", TimexType.DATE, "PAST_REF"),
        new("Profit will rise in coming quarters.", Pub, "coming quarters", TimexType.DATE, "FUTURE_REF"),
        new("The deal closes by the end of the year.", Pub, "the end of the year", TimexType.DATE, "2025", "END"),
        new("The deal closes by year-end.", Pub, "year-end", TimexType.DATE, "2025", "END"),
        new("The deal closes by year's end.", Pub, "year's end", TimexType.DATE, "2025", "END"),
        new("It was a several-year effort.", Pub, "several-year", TimexType.DURATION, "PXY"),
        new("Talks need two more weeks.", Pub, "two more weeks", TimexType.DURATION, "P2W"),
        new("Talks resume in the weeks ahead.", Pub, "the weeks ahead", TimexType.DURATION, "PXW"),
        new("It earned $2 million in the year ended March 31.", Pub, "the year", TimexType.DURATION, "P1Y"),
        new("Qantas flies four flights a week to Bombay.", Pub, "a week", TimexType.SET, "P1W"),
        new("He was killed within a week of his capture.", Pub, "a week", TimexType.DURATION, "P1W"),
        // sets
        new("The paper is published weekly.", Pub, "weekly", TimexType.SET, "P1W"),
        new("The paper is published daily.", Pub, "daily", TimexType.SET, "P1D"),
        new("The group meets every Monday.", Pub, "every Monday", TimexType.SET, "XXXX-WXX-1"),
        new("The group meets every year.", Pub, "every year", TimexType.SET, "P1Y"),
        new("The group meets twice a month.", Pub, "twice a month", TimexType.SET, "P1M"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tags(TimexCase c)
    {
        if (c.Extent == "x") { Assert.Empty(Tag(c.Text, c.Published).Timexes); return; }
        Check(c);
    }

    public static TheoryData<string> NotTimexes => new()
    {
        "Theresa May spoke to reporters.",
        "Prices may fall.",
        "Protesters march through the city.",
        "They reported the fall of the regime.",
        "The Czech foreign minister, Jan Kavan, signed.",
        "She married his father when he was in his 30s.",
        "He showed a picture from the film High Noon.",
        "He won a quarter of the vote.",
        "Nearly 2000 troops arrived.",
        "He came second in the race.",
        "Iraq imports about three-quarters of its food.",
        "The bank raised rates by a quarter point.",
    };

    [Theory]
    [MemberData(nameof(NotTimexes))]
    public void IgnoresNonTimes(string text)
    {
        var doc = Tag(text, Pub);
        Assert.True(doc.Timexes.Count == 0, string.Join(" | ", doc.Timexes.Select(t => doc.Slice(t.Start, t.End) + " " + t.Value)));
    }

    public static TheoryData<string> Hostile => new()
    {
        "99999999999999999999/1/2024 and 1/99999999999999999999/2024 and 2024-99999999999999999999",
        "'9999999999999s and 99999999999999999999th century in 99999999999999999999 a.m.",
        string.Join(" ", Enumerable.Repeat("the past few last next", 4000)),
        string.Join(" ", Enumerable.Repeat("twenty-four hundred thousand", 3000)) + " years",
        string.Join("-", Enumerable.Repeat("mid", 5000)) + "-2024",
        "February 30, 2024 and April 31 and 2023-02-29 and 31/31/2024 and 25:99",
        "",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void SurvivesHostileInput(string text)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var doc = Tag(text, Pub);
        // A guard against hangs, not a speed test (speed is measured by the benchmarks): generous for a loaded machine.
        Assert.True(sw.ElapsedMilliseconds < 60_000, $"took {sw.ElapsedMilliseconds} ms");
        foreach (var t in doc.Timexes) Assert.InRange(t.End, t.Start + 1, text.Length);
    }

    [Fact]
    public void TimexesAreSortedDisjointAndInsideTheText()
    {
        var doc = Tag("On Friday, Oct. 23, 1998 the board met; last week it said profit rose 5% in the third quarter from a year earlier. It meets every Monday at 5 p.m. for two hours.", Pub);
        Assert.NotEmpty(doc.Timexes);
        for (int i = 0; i < doc.Timexes.Count; i++)
        {
            var t = doc.Timexes[i];
            Assert.InRange(t.Start, 0, t.End - 1);
            Assert.True(t.End <= doc.Text.Length);
            if (i > 0) Assert.True(doc.Timexes[i - 1].End <= t.Start);
        }
    }
}

/// <summary>Every rule of time-rules.txt is exercised by at least one case of the table (a rule without a case is untested).</summary>
public sealed class TimexRuleCoverageTests
{
    [Fact]
    public void EveryRuleHasACase()
    {
        var used = new HashSet<int>();
        foreach (var row in TimexTaggerTests.Cases)
        {
            var c = row;
            var doc = DocBuilder.Segmented(c.Text, c.Published);
            foreach (var m in TimeGrammar.Default.Tag(doc))
                if (doc.Slice(m.Start, m.End) == c.Extent) used.Add(m.RuleLine);
        }
        var missing = TimeGrammar.Default.Rules.Where(r => !used.Contains(r.Line)).Select(r => $"line {r.Line}: {r.Source}").ToList();
        Assert.True(missing.Count == 0, "rules without a test case:\n" + string.Join("\n", missing));
    }
}
