using System.Globalization;

namespace Dossier.Store.ReadModels;

/// <summary>Turns an event's TIMEX3 date value into the day it starts on, so that dates of any precision sort together.</summary>
/// <remarks>
/// 2024 → 2024-01-01; 2024-12 → 2024-12-01; 2024-12-08 as is; 2024-W49 → Monday of ISO week 49; 2024-W49-WE → its Saturday;
/// 2024-Q3 → 2024-07-01; seasons (2024-SP/SU/FA/WI) → their first month; anything else (PRESENT_REF, XXXX-…) → null,
/// and the event is left out of the timeline. A time part (T…) is ignored. Pure and thread-safe.
/// </remarks>
public static class EventDates
{
    /// <summary>The sortable day (YYYY-MM-DD) a date value starts on, or null when it is not a calendar date.</summary>
    public static string? SortKey(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4) return null;
        var v = value.AsSpan();
        int t = v.IndexOf('T');
        if (t > 0) v = v[..t];
        if (!int.TryParse(v[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1) return null;
        if (v.Length == 4) return $"{year:D4}-01-01";
        if (v[4] != '-') return null;
        var rest = v[5..];
        if (rest.Length >= 2 && char.IsDigit(rest[0]) && char.IsDigit(rest[1]))
        {
            int month = (rest[0] - '0') * 10 + (rest[1] - '0');
            if (month is < 1 or > 12) return null;
            if (rest.Length == 2) return $"{year:D4}-{month:D2}-01";
            if (rest.Length == 5 && rest[2] == '-' && int.TryParse(rest[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int day)
                && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return $"{year:D4}-{month:D2}-{day:D2}";
            return null;
        }
        if (rest.Length >= 3 && rest[0] == 'W' && int.TryParse(rest.Slice(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            var day = rest.Length > 3 && rest[3..].SequenceEqual("-WE") ? DayOfWeek.Saturday : DayOfWeek.Monday;
            return ISOWeek.ToDateTime(year, week, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4') return $"{year:D4}-{(rest[1] - '1') * 3 + 1:D2}-01";
        return rest switch
        {
            "SP" => $"{year:D4}-03-01", "SU" => $"{year:D4}-06-01", "FA" => $"{year:D4}-09-01", "WI" => $"{year:D4}-12-01",
            "H1" => $"{year:D4}-01-01", "H2" => $"{year:D4}-07-01",
            _ => null,
        };
    }
}
