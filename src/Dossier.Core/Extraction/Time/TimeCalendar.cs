using System.Globalization;

namespace Dossier.Extraction.Time;

/// <summary>Granularity of a calendar value.</summary>
internal enum Gran : byte { Day, Week, Weekend, Month, Quarter, Half, Season, Year, Decade, Century }

/// <summary>Calendar arithmetic and TIMEX3 value formatting. When the anchor is unknown, values stay underspecified (XXXX-12-08).</summary>
internal static class TimeCalendar
{
    public static string Y(int y) => y.ToString("D4", CultureInfo.InvariantCulture);
    public static string Two(int n) => n.ToString("D2", CultureInfo.InvariantCulture);
    public static string Day(DateOnly d) => $"{Y(d.Year)}-{Two(d.Month)}-{Two(d.Day)}";
    public static string Month(DateOnly d) => $"{Y(d.Year)}-{Two(d.Month)}";
    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{Y(ISOWeek.GetYear(dt))}-W{Two(ISOWeek.GetWeekOfYear(dt))}";
    }

    /// <summary>Parses a granularity name used in rules (day, week, month …).</summary>
    public static Gran? ParseGran(string s) => s.ToLowerInvariant() switch
    {
        "day" or "d" => Gran.Day,
        "week" or "w" => Gran.Week,
        "weekend" or "we" => Gran.Weekend,
        "month" or "m" => Gran.Month,
        "quarter" or "q" => Gran.Quarter,
        "half" => Gran.Half,
        "season" => Gran.Season,
        "year" or "y" => Gran.Year,
        "decade" or "de" => Gran.Decade,
        "century" or "ce" => Gran.Century,
        _ => null,
    };

    /// <summary>The years a calendar value can have (those of <see cref="DateOnly"/>; TIMEX3 writes four digits).</summary>
    /// <remarks>Arithmetic that leaves them ("next year" published on 9999-12-31, "999999999 days ago") gives no date:
    /// the checked helpers below return null and the normalisation functions return no value, never an exception.</remarks>
    public const int MinYear = 1, MaxYear = 9999;

    /// <summary>True for a year in [<see cref="MinYear"/>, <see cref="MaxYear"/>].</summary>
    public static bool InRange(long year) => year is >= MinYear and <= MaxYear;

    /// <summary>A year as four digits, or null outside the calendar.</summary>
    public static string? Year(long y) => InRange(y) ? Y((int)y) : null;

    /// <summary>The date y-m-d, or null when there is no such date (day 30 of February, year 0).</summary>
    public static DateOnly? Date(long y, int m, int d) =>
        InRange(y) && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth((int)y, m) ? new DateOnly((int)y, m, d) : null;

    /// <summary>The date <paramref name="n"/> days later (earlier when negative), or null outside the calendar.</summary>
    public static DateOnly? AddDays(DateOnly d, long n)
    {
        // compared before adding, so that no count overflows
        if (n > DateOnly.MaxValue.DayNumber - d.DayNumber || n < -d.DayNumber) return null;
        return DateOnly.FromDayNumber(d.DayNumber + (int)n);
    }

    /// <summary>The date <paramref name="n"/> months later, the day clamped to the month's length, or null outside the calendar.</summary>
    public static DateOnly? AddMonths(DateOnly d, long n)
    {
        long months = (long)d.Year * 12 + d.Month - 1;
        if (n > (long)MaxYear * 12 + 11 - months || n < (long)MinYear * 12 - months) return null;
        months += n;
        int y = (int)(months / 12), m = (int)(months % 12) + 1;
        return new DateOnly(y, m, Math.Min(d.Day, DateTime.DaysInMonth(y, m)));
    }

    /// <summary>The date <paramref name="n"/> years later (29 February becomes the 28th), or null outside the calendar.</summary>
    public static DateOnly? AddYears(DateOnly d, long n) => n is > MaxYear or < -MaxYear ? null : AddMonths(d, n * 12);

    /// <summary>The date moved by <paramref name="n"/> units of <paramref name="g"/>, or null outside the calendar.</summary>
    public static DateOnly? Shift(DateOnly d, Gran g, long n) =>
        // no unit is shorter than a day: a count past the calendar's number of days leaves it in any unit (and the
        // products below cannot overflow)
        n > DateOnly.MaxValue.DayNumber || n < -DateOnly.MaxValue.DayNumber ? null : g switch
        {
            Gran.Day => AddDays(d, n),
            Gran.Week or Gran.Weekend => AddDays(d, 7 * n),
            Gran.Month => AddMonths(d, n),
            Gran.Quarter or Gran.Season => AddMonths(d, 3 * n),
            Gran.Half => AddMonths(d, 6 * n),
            Gran.Year => AddYears(d, n),
            Gran.Decade => AddYears(d, 10 * n),
            Gran.Century => AddYears(d, 100 * n),
            _ => d,
        };

    /// <summary>TIMEX3 value of the period of granularity <paramref name="g"/> that contains the date (or an underspecified one).</summary>
    public static string Format(DateOnly? date, Gran g)
    {
        if (date is not { } d)
            return g switch
            {
                Gran.Day => "XXXX-XX-XX", Gran.Week => "XXXX-WXX", Gran.Weekend => "XXXX-WXX-WE", Gran.Month => "XXXX-XX",
                Gran.Quarter => "XXXX-QX", Gran.Half => "XXXX-HX", Gran.Season => "XXXX-XX", Gran.Year => "XXXX", Gran.Decade => "XXX", _ => "XX",
            };
        return g switch
        {
            Gran.Day => Day(d),
            Gran.Week => Week(d),
            Gran.Weekend => Week(d) + "-WE",
            Gran.Month => Month(d),
            Gran.Quarter => $"{Y(d.Year)}-Q{(d.Month - 1) / 3 + 1}",
            Gran.Half => $"{Y(d.Year)}-H{(d.Month - 1) / 6 + 1}",
            Gran.Season => $"{Y(d.Month <= 2 ? d.Year - 1 : d.Year)}-{SeasonOf(d.Month)}",
            Gran.Year => Y(d.Year),
            Gran.Decade => Y(d.Year)[..3],
            _ => Y(d.Year)[..2],
        };
    }

    /// <summary>Season code of a month (northern hemisphere, meteorological seasons).</summary>
    public static string SeasonOf(int month) => month switch { 3 or 4 or 5 => "SP", 6 or 7 or 8 => "SU", 9 or 10 or 11 => "FA", _ => "WI" };
    /// <summary>First month of a season code.</summary>
    public static int SeasonStart(string code) => code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };

    /// <summary>Widens a full date by a [wrap] code: WE → its week's weekend, W → its week, TMO… → that part of the day.</summary>
    public static string? Wrap(string dayValue, string code)
    {
        if (!DateOnly.TryParseExact(dayValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return null;
        return code switch
        {
            "WE" => Week(d) + "-WE",
            "W" => Week(d),
            _ when code.StartsWith('T') => dayValue + code,
            _ => null,
        };
    }

    /// <summary>The calendar date and granularity of a concrete TIMEX3 value (2024-12-08, 2024-12, 2024-Q3, 2024, 2024-W49), or null.</summary>
    public static (DateOnly Date, Gran Gran)? Parse(string v)
    {
        var s = v.AsSpan();
        if (s.Length < 4 || !TimeBuiltins.AllDigits(s[..4])) return null;
        int y = int.Parse(s[..4]);
        if (y < 1) return null;
        if (s.Length == 4) return (new DateOnly(y, 1, 1), Gran.Year);
        if (s[4] != '-' || s.Length < 7) return null;
        if (s[5] == 'Q' && char.IsAsciiDigit(s[6]) && s[6] is >= '1' and <= '4') return (new DateOnly(y, (s[6] - '1') * 3 + 1, 1), Gran.Quarter);
        if (s[5] == 'W' && s.Length >= 8 && TimeBuiltins.AllDigits(s.Slice(6, 2)))
        {
            int w = int.Parse(s.Slice(6, 2));
            if (w < 1 || w > ISOWeek.GetWeeksInYear(y)) return null;
            return (DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday)), s.Length > 8 ? Gran.Weekend : Gran.Week);
        }
        if (!TimeBuiltins.AllDigits(s.Slice(5, 2))) return null;
        int m = int.Parse(s.Slice(5, 2));
        if (m is < 1 or > 12) return null;
        if (s.Length == 7) return (new DateOnly(y, m, 1), Gran.Month);
        if (s.Length >= 10 && s[7] == '-' && TimeBuiltins.AllDigits(s.Slice(8, 2)))
        {
            int d = int.Parse(s.Slice(8, 2));
            if (d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
            return (new DateOnly(y, m, d), Gran.Day);
        }
        return null;
    }
}

/// <summary>The reference times a document's timexes resolve against: the publication date, and the last dates the text gave.</summary>
/// <remarks>Moves as timexes are read in text order, so "the same day" or "a year earlier" follow the narrative (as in HeidelTime).</remarks>
internal sealed class ReferenceState(DateOnly? anchor)
{
    /// <summary>The publication date (null when unknown).</summary>
    public DateOnly? Anchor { get; } = anchor;
    public DateOnly? Day { get; private set; }
    public DateOnly? Month { get; private set; }
    public DateOnly? Quarter { get; private set; }
    public DateOnly? Year { get; private set; }
    /// <summary>Granularity of the last concrete date in the text.</summary>
    public Gran? LastGran { get; private set; }
    private bool _probe;

    /// <summary>A copy for trial evaluation (it is not updated).</summary>
    public ReferenceState Probe() => new(Anchor) { Day = Day, Month = Month, Quarter = Quarter, Year = Year, LastGran = LastGran, _probe = true };

    /// <summary>The reference date for a granularity: the last date the text gave at that precision or finer, else the anchor.</summary>
    public DateOnly? For(Gran g) => g switch
    {
        Gran.Day or Gran.Week or Gran.Weekend => Day ?? Anchor,
        Gran.Month => Month ?? Anchor,
        Gran.Quarter or Gran.Half or Gran.Season => Quarter ?? Month ?? Anchor,
        _ => Year ?? Anchor,
    };

    /// <summary>Moves the reference to a concrete value just read.</summary>
    public void Update(string value)
    {
        if (_probe || TimeCalendar.Parse(value) is not { } p) return;
        LastGran = p.Gran;
        switch (p.Gran)
        {
            case Gran.Day: Day = Month = Year = p.Date; break;
            case Gran.Month: Month = Year = p.Date; break;
            case Gran.Quarter: Quarter = Year = p.Date; break;
            case Gran.Year: Year = p.Date; break;
        }
    }
}
