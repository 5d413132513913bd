namespace Dossier.Extraction.Time;

/// <summary>The built-in token classes (#num, #day, #year …): recognisers over the matcher's tokens and parsers of their text.</summary>
/// <remarks>Pure functions over spans; no allocation on the matching path.</remarks>
internal static class TimeBuiltins
{
    // Longest number in words read ("one hundred twenty - five thousand …"); longer runs are not quantities of time.
    private const int MaxNumberTokens = 10;

    /// <summary>End (exclusive) of the built-in class starting at token <paramref name="pos"/>, or -1.</summary>
    public static int Match(Builtin b, TimeLexicon lex, string text, TimeToken[] toks, int pos, int limit)
    {
        var s = Text(text, toks[pos]);
        switch (b)
        {
            case Builtin.Num:
            {
                if (toks[pos].Digits) return s.Length <= 9 ? pos + 1 : -1;
                if (IsNumber(s, out _)) return pos + 1;
                int end = NumberWords(lex, text, toks, pos, limit, out _);
                return end;
            }
            case Builtin.Day:
                return ParseDay(lex, s) > 0 ? pos + 1 : -1;
            case Builtin.Year:
            {
                if (toks[pos].Digits && s.Length == 4 && s[0] is '1' or '2') return pos + 1;
                // '98: an apostrophe glued to two digits
                if (s.Length == 1 && s[0] is '\'' or '’' && pos + 1 < limit && toks[pos + 1].Start == toks[pos].End
                    && toks[pos + 1].Digits && toks[pos + 1].End - toks[pos + 1].Start == 2) return pos + 2;
                return -1;
            }
            case Builtin.YearWords:
                return YearWords(lex, text, toks, pos, limit, out _);
            case Builtin.Iso:
                return ParseIso(s, out _, out _, out _) ? pos + 1 : -1;
            case Builtin.Time:
                return ParseClock(s, out _, out _, out _) && (s.Contains(':') || EndsWithAmPm(s)) ? pos + 1 : -1;
            case Builtin.Hour:
                return toks[pos].Digits && s.Length <= 2 && int.Parse(s) is >= 1 and <= 12 ? pos + 1 : -1;
            case Builtin.Decade:
            {
                if (ParseDecade(s) is not null) return pos + 1;
                // 1990's, '90s
                if (toks[pos].Digits && s.Length is 4 or 2 && s[^1] == '0' && pos + 2 < limit && Text(text, toks[pos + 1]) is "'" or "’" && Text(text, toks[pos + 2]).Equals("s", StringComparison.OrdinalIgnoreCase)) return pos + 3;
                if (s is "'" or "’" && pos + 1 < limit && toks[pos + 1].Start == toks[pos].End && ParseDecade(Text(text, toks[pos + 1])) is { Length: 1 or 2 }) return pos + 2;
                return -1;
            }
            case Builtin.OrdNum:
                return ParseOrdinal(lex, s) > 0 ? pos + 1 : -1;
        }
        return -1;
    }

    public static ReadOnlySpan<char> Text(string text, in TimeToken t) => text.AsSpan(t.Start, t.End - t.Start);

    /// <summary>A number written in digits (1, 2.5, 1,000).</summary>
    public static bool IsNumber(ReadOnlySpan<char> s, out double v)
    {
        v = 0;
        if (s.Length == 0 || !char.IsAsciiDigit(s[0])) return false;
        Span<char> buf = stackalloc char[Math.Min(s.Length, 32)];
        int n = 0;
        foreach (var c in s)
        {
            if (c == ',') continue;
            if (!char.IsAsciiDigit(c) && c != '.') return false;
            if (n == buf.Length) return false;
            buf[n++] = c;
        }
        return double.TryParse(buf[..n], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out v);
    }

    /// <summary>A cardinal in words over one or more tokens: "twenty four", "twenty-four", "two hundred". Returns the end or -1.</summary>
    public static int NumberWords(TimeLexicon lex, string text, TimeToken[] toks, int pos, int limit, out double value)
    {
        value = 0;
        double total = 0, current = 0;
        int end = -1, i = pos;
        limit = Math.Min(limit, pos + MaxNumberTokens);
        while (i < limit)
        {
            var s = Text(text, toks[i]);
            var v = lex.Get("number", s);
            if (v is null || v == "0.5" || v == "12" && s.Equals("dozen", StringComparison.OrdinalIgnoreCase) && i > pos) break;
            int n = (int)double.Parse(v, System.Globalization.CultureInfo.InvariantCulture);
            if (s.Equals("dozen", StringComparison.OrdinalIgnoreCase)) { value = 12; return i + 1; }
            if (n == 100) { if (i == pos) break; current = Math.Max(current, 1) * 100; }
            else if (n == 1000) { if (i == pos) break; total += Math.Max(current, 1) * 1000; current = 0; }
            else if (i == pos || current % 100 == 0 && n < 100 || current % 100 >= 20 && current % 10 == 0 && n < 10) current += n;
            else break;
            end = i + 1;
            // a hyphen only joins tens and units: twenty-four
            if (i + 2 < limit && Text(text, toks[i + 1]) is "-" && n >= 20 && n < 100 && n % 10 == 0) i += 2; else i++;
        }
        value = total + current;
        return end;
    }

    /// <summary>A year in words: "nineteen ninety-six", "two thousand", "two thousand and one". Returns the end or -1.</summary>
    public static int YearWords(TimeLexicon lex, string text, TimeToken[] toks, int pos, int limit, out int year)
    {
        year = 0;
        var first = lex.Get("number", Text(text, toks[pos]));
        if (first is null) return -1;
        int a = (int)double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        if (a == 2 && pos + 1 < limit && Text(text, toks[pos + 1]).Equals("thousand", StringComparison.OrdinalIgnoreCase))
        {
            int e = pos + 2;
            int k = e < limit && Text(text, toks[e]).Equals("and", StringComparison.OrdinalIgnoreCase) ? e + 1 : e;
            if (k < limit)
            {
                int e2 = NumberWords(lex, text, toks, k, limit, out double rest);
                if (e2 > k && rest < 100) { year = 2000 + (int)rest; return e2; }
            }
            year = 2000; return e;
        }
        if (a is >= 10 and <= 20 && pos + 1 < limit)
        {
            int e2 = NumberWords(lex, text, toks, pos + 1, limit, out double rest);
            if (e2 > pos + 1 && rest is >= 10 and < 100) { year = a * 100 + (int)rest; return e2; }
        }
        return -1;
    }

    /// <summary>Day of month 1–31 from "8", "8th", "eighth"; 0 when not a day.</summary>
    public static int ParseDay(TimeLexicon lex, ReadOnlySpan<char> s)
    {
        int n = ParseOrdinal(lex, s);
        if (n == 0 && s.Length is 1 or 2 && AllDigits(s)) n = int.Parse(s);
        return n is >= 1 and <= 31 ? n : 0;
    }

    /// <summary>Ordinal from "21st", "3rd", "third"; 0 when not an ordinal.</summary>
    public static int ParseOrdinal(TimeLexicon lex, ReadOnlySpan<char> s)
    {
        if (s.Length >= 3 && char.IsAsciiDigit(s[0]))
        {
            var suffix = s[^2..];
            var digits = s[..^2];
            if (AllDigits(digits) && digits.Length <= 3 && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
                return int.Parse(digits);
            return 0;
        }
        var v = lex.Get("ordinal", s);
        return v is null ? 0 : int.Parse(v);
    }

    /// <summary>Numeric dates: 2024-12-08, 2024-12, 2024/12/08, 12/08/2024, 12/8/24, 08.12.2024.</summary>
    public static bool ParseIso(ReadOnlySpan<char> s, out int y, out int m, out int d)
    {
        y = m = d = 0;
        Span<Range> parts = stackalloc Range[4];
        char sep = s.Contains('-') ? '-' : s.Contains('/') ? '/' : s.Contains('.') ? '.' : '\0';
        if (sep == '\0' || !char.IsAsciiDigit(s[0])) return false;
        int n = s.Split(parts, sep);
        if (n is < 2 or > 3) return false;
        for (int i = 0; i < n; i++) if (!AllDigits(s[parts[i]]) || s[parts[i]].Length == 0) return false;
        var p0 = s[parts[0]]; var p1 = s[parts[1]];
        if (p0.Length == 4)
        {
            if (p1.Length != 2 || n == 3 && s[parts[2]].Length is not (1 or 2)) return false;
            y = int.Parse(p0); m = int.Parse(p1);
            if (m is < 1 or > 12 || y is < 1000 or > 2999) return false;
            if (n == 3) { d = int.Parse(s[parts[2]]); return d >= 1 && d <= DateTime.DaysInMonth(y, m); }
            return sep == '-';
        }
        if (n != 3) return false;
        var p2 = s[parts[2]];
        if (p2.Length is not (4 or 2) || p0.Length > 2 || p1.Length > 2) return false;
        int a = int.Parse(p0), b = int.Parse(p1);
        y = int.Parse(p2);
        if (p2.Length == 2) y += y < 50 ? 2000 : 1900;
        else if (y < TimeCalendar.MinYear) return false; // 12/31/0000: there is no year 0
        // Slashes are read month first (US style, as in the news corpora); dots day first (European style).
        if (sep == '/') { m = a; d = b; } else { d = a; m = b; }
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    private static bool EndsWithAmPm(ReadOnlySpan<char> s) =>
        s.EndsWith("am", StringComparison.OrdinalIgnoreCase) || s.EndsWith("pm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Clock times: 14:30, 5:30pm, 5pm, 12:00:00. <paramref name="ampm"/> is 'a', 'p' or '\0'.</summary>
    public static bool ParseClock(ReadOnlySpan<char> s, out int h, out int min, out char ampm)
    {
        h = min = 0; ampm = '\0';
        if (s.Length == 0 || !char.IsAsciiDigit(s[0])) return false;
        if (EndsWithAmPm(s)) { ampm = char.ToLowerInvariant(s[^2]); s = s[..^2]; }
        int colon = s.IndexOf(':');
        if (colon < 0)
        {
            if (ampm == '\0' || !AllDigits(s) || s.Length > 2) return false;
            h = int.Parse(s);
            return h is >= 1 and <= 12;
        }
        var hs = s[..colon]; var rest = s[(colon + 1)..];
        int colon2 = rest.IndexOf(':');
        var ms = colon2 < 0 ? rest : rest[..colon2];
        if (!AllDigits(hs) || hs.Length is 0 or > 2 || !AllDigits(ms) || ms.Length != 2) return false;
        if (colon2 >= 0 && (!AllDigits(rest[(colon2 + 1)..]) || rest.Length - colon2 - 1 != 2)) return false;
        h = int.Parse(hs); min = int.Parse(ms);
        return h <= 24 && min < 60 && (ampm == '\0' || h is >= 1 and <= 12);
    }

    /// <summary>"1990s" → "199"; "90s" → "9" (century left to the caller); null when not a decade.</summary>
    public static string? ParseDecade(ReadOnlySpan<char> s)
    {
        if (s.Length is 5 or 3 && (s[^1] == 's' || s[^1] == 'S') && AllDigits(s[..^1]) && s[^2] == '0')
            return s[..^2].ToString();
        return null;
    }

    public static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
