using System.Globalization;

namespace Dossier.Text;

/// <summary>Reads publication dates as articles and feeds write them: ISO 8601, RFC 1123/822, "February 12, 2025", "12 Feb 2025".</summary>
/// <remarks>Hand-written prefix scanner (no regex), so a date can be read at the start of a longer line. Stateless and thread-safe.</remarks>
public static class DateText
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses a whole string as a date or date-time; false when it is not one.</summary>
    public static bool TryParse(string? s, out DateOnly date, out DateTimeOffset? at)
    {
        date = default; at = null;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var span = s.AsSpan().Trim();
        if (TryParsePrefix(span, out date, out at, out int used) && IsBlankOrZone(span[used..])) return true;
        // RFC 1123 / RFC 822 ("Wed, 12 Feb 2025 10:00:00 GMT", "… +0000") and other forms .NET knows.
        var t = ReplaceZone(span.ToString());
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            // Without a zone in the string ("Wed, 12 Feb 2025 10:00:00") the time is local to somewhere unknown: date only.
            bool zoned = DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local) && local.Kind != DateTimeKind.Unspecified;
            at = zoned ? dto : null;
            return true;
        }
        return false;
    }

    private static bool IsBlankOrZone(ReadOnlySpan<char> rest)
    {
        rest = rest.Trim();
        return rest.IsEmpty;
    }

    // US and military zone names .NET does not parse.
    private static string ReplaceZone(string s)
    {
        ReadOnlySpan<(string, string)> zones = [(" GMT", " +00:00"), (" UTC", " +00:00"), (" UT", " +00:00"), (" EST", " -05:00"), (" EDT", " -04:00"),
            (" CST", " -06:00"), (" CDT", " -05:00"), (" MST", " -07:00"), (" MDT", " -06:00"), (" PST", " -08:00"), (" PDT", " -07:00"), (" Z", " +00:00")];
        foreach (var (z, o) in zones)
            if (s.EndsWith(z, StringComparison.OrdinalIgnoreCase)) return s[..^z.Length] + o;
        return s;
    }

    /// <summary>Largest time-zone offset, in hours (UTC−14:00 to UTC+14:00, what <see cref="DateTimeOffset"/> allows).</summary>
    public const int MaxOffsetHours = 14;

    /// <summary>Reads a date at the start of <paramref name="s"/>; <paramref name="used"/> is its length.</summary>
    /// <remarks>A time whose zone is impossible, or whose instant falls outside the years 1–9999 in UTC, is not read: the
    /// date alone is, and <paramref name="at"/> stays null.</remarks>
    /// <remarks>Forms: 2025-02-12[THH:MM[:SS[.fff]][Z|±HH:MM]], 2025/02/12, February 12, 2025, Feb. 12 2025, 12 February 2025.</remarks>
    public static bool TryParsePrefix(ReadOnlySpan<char> s, out DateOnly date, out DateTimeOffset? at, out int used)
    {
        date = default; at = null; used = 0;
        if (s.IsEmpty) return false;
        if (char.IsAsciiDigit(s[0]))
        {
            if (Digits(s, 0, 4, out int y) && s.Length > 4 && (s[4] == '-' || s[4] == '/') && Digits(s, 5, 2, out int m) && s.Length > 7 && s[7] == s[4] && Digits(s, 8, 2, out int d))
            {
                if (!Valid(y, m, d, out date)) return false;
                used = 10;
                if (s.Length > 10 && s[10] is 'T' or ' ' && Digits(s, 11, 2, out int hh) && s.Length > 13 && s[13] == ':' && Digits(s, 14, 2, out int mm) && hh < 24 && mm < 60)
                {
                    int k = 16, ss = 0;
                    if (s.Length > k && s[k] == ':' && Digits(s, k + 1, 2, out int sec) && sec < 60) { ss = sec; k += 3; }
                    if (s.Length > k && s[k] is '.' or ',') { k++; while (k < s.Length && char.IsAsciiDigit(s[k])) k++; }
                    var off = TimeSpan.Zero;
                    bool zoned = true;
                    if (s.Length > k && s[k] == 'Z') k++;
                    else if (s.Length > k && s[k] is '+' or '-' && Digits(s, k + 1, 2, out int oh))
                    {
                        int om = 0, k2 = k + 3;
                        if (s.Length > k2 && s[k2] == ':') k2++;
                        if (Digits(s, k2, 2, out om)) k2 += 2;
                        // an offset past ±14:00 or with 60 minutes or more is no zone: the time is not read (date only)
                        if (oh > MaxOffsetHours || om >= 60 || oh == MaxOffsetHours && om > 0) return true;
                        off = new TimeSpan(oh, om, 0) * (s[k] == '-' ? -1 : 1); k = k2;
                    }
                    else zoned = false;
                    // A local time without its zone is not an instant: the date is read and the time consumed, not
                    // labelled UTC.
                    if (!zoned) { used = k; return true; }
                    // The instant must exist in UTC too: 9999-12-31T23:00-05:00 is in the year 10000 there (date only).
                    long utc = new DateTime(y, m, d, hh, mm, ss).Ticks - off.Ticks;
                    if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return true;
                    at = new DateTimeOffset(y, m, d, hh, mm, ss, off);
                    used = k;
                }
                return true;
            }
            // 12 February 2025
            int i = 0, day = 0;
            while (i < s.Length && i < 2 && char.IsAsciiDigit(s[i])) day = day * 10 + (s[i++] - '0');
            if (i < s.Length && (s[i] == ' ' || s[i] == '-'))
            {
                int mStart = i + 1;
                if (Month(s, mStart, out int mon, out int mEnd) && mEnd < s.Length && (s[mEnd] == ' ' || s[mEnd] == '-' || s[mEnd] == ','))
                {
                    int k = mEnd + 1;
                    while (k < s.Length && s[k] == ' ') k++;
                    if (Digits(s, k, 4, out int yy) && Valid(yy, mon, day, out date) && !(s.Length > k + 4 && char.IsAsciiDigit(s[k + 4]))) { used = k + 4; return true; }
                }
            }
            return false;
        }
        // February 12, 2025 / Feb. 12 2025
        if (Month(s, 0, out int mo, out int e) && e < s.Length && s[e] == ' ')
        {
            int k = e + 1, dd = 0, nd = 0;
            while (k < s.Length && nd < 2 && char.IsAsciiDigit(s[k])) { dd = dd * 10 + (s[k++] - '0'); nd++; }
            if (nd == 0) return false;
            // ordinal suffix: February 12th, 2025
            if (k + 1 < s.Length && char.IsAsciiLetterLower(s[k]) && char.IsAsciiLetterLower(s[k + 1]) && (k + 2 == s.Length || !char.IsLetter(s[k + 2]))) k += 2;
            if (k < s.Length && s[k] == ',') k++;
            if (k < s.Length && s[k] == ' ') k++; else return false;
            if (Digits(s, k, 4, out int yy) && Valid(yy, mo, dd, out date) && !(s.Length > k + 4 && char.IsAsciiDigit(s[k + 4]))) { used = k + 4; return true; }
        }
        return false;
    }

    /// <summary>Reads a month name or its three-letter abbreviation (with optional period) at <paramref name="i"/>.</summary>
    internal static bool Month(ReadOnlySpan<char> s, int i, out int month, out int end)
    {
        month = 0; end = i;
        int k = i;
        while (k < s.Length && char.IsAsciiLetter(s[k])) k++;
        int len = k - i;
        if (len < 3 || len > 9) return false;
        for (int m = 0; m < 12; m++)
        {
            if (!s.Slice(i, 3).Equals(Months[m], StringComparison.OrdinalIgnoreCase)) continue;
            var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[m];
            bool ok = len == 3 || (len == 4 && m == 8 && (s[i + 3] == 't' || s[i + 3] == 'T')) || s.Slice(i, len).Equals(full, StringComparison.OrdinalIgnoreCase);
            if (!ok) return false;
            month = m + 1; end = k;
            if (len <= 4 && end < s.Length && s[end] == '.') end++;
            return true;
        }
        return false;
    }

    private static bool Digits(ReadOnlySpan<char> s, int at, int n, out int v)
    {
        v = 0;
        if (at < 0 || at + n > s.Length) return false;
        for (int i = at; i < at + n; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            v = v * 10 + (s[i] - '0');
        }
        return true;
    }

    private static bool Valid(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }
}
