using System.Globalization;

namespace Dossier.Extraction.Time;

/// <summary>The normalisation functions rules call by name in their value templates ({ymd $4 $1 $2}).</summary>
/// <remarks>Each returns the value text, or null to reject the match. Stateless; the per-match state is in <see cref="TimeContext"/>.</remarks>
internal static class TimeFunctions
{
    private delegate string? Fn(TimeContext c, string[] a);

    private static readonly Dictionary<string, Fn> Table = new(StringComparer.Ordinal)
    {
        ["iso"] = Iso,
        ["ymd"] = (c, a) => Ymd(c, c.Arg(a[0]), c.Arg(a[1]), c.Arg(a[2])),
        ["md"] = MonthDay,
        ["mdrel"] = MonthDayRel,
        ["mdrel2"] = MonthDayLastNext,
        ["ym"] = (c, a) => YearAny(c, a[0]) is { } y && MonthOf(c, c.Arg(a[1])) is { } m ? $"{TimeCalendar.Y(y)}-{TimeCalendar.Two(m)}" : null,
        ["month"] = BareMonth,
        ["monthrel"] = MonthRel,
        ["y"] = YearWordsValue,
        ["year"] = BareYear,
        ["decade"] = Decade,
        ["decadew"] = (c, a) => c.Arg(a[0]) is { } w && c.Lex.Get("decadeword", w) is { } dg && CenturyOfDecade(int.Parse(dg) * 10, c.Anchor) is { } cy
            ? TimeCalendar.Two(cy) + dg : null,
        ["century"] = (c, a) => TimeBuiltins.ParseOrdinal(c.Lex, c.Arg(a[0])) is var n and >= 1 and <= 30 ? TimeCalendar.Two(n - 1) : null,
        ["shift"] = Shift,
        ["quarter"] = (c, a) => Part(c, c.Arg(a[0]), c.Arg(a[1]), 'Q', 4),
        ["half"] = (c, a) => Part(c, c.Arg(a[0]), c.Arg(a[1]), 'H', 2),
        ["lastquarter"] = LastQuarter,
        ["yearago"] = YearAgo,
        ["yearquarter"] = (c, a) => YearOf(c, c.Arg(a[0])) is { } y ? ReportedQuarter(c) is { } q ? $"{TimeCalendar.Y(y)}-Q{(q.Month - 1) / 3 + 1}" : TimeCalendar.Y(y) : null,
        ["yearquarterrel"] = (c, a) => ReportedQuarter(c) is { } q ? Format(TimeCalendar.AddYears(q, Rel(c.Arg(a[0]))), Gran.Quarter)
            : c.Anchor is { } an ? Format(TimeCalendar.Shift(an, Gran.Quarter, -1) is { } lq ? TimeCalendar.AddYears(lq, Rel(c.Arg(a[0]))) : null, Gran.Quarter) : "XXXX-QX",
        ["season"] = Season,
        ["seasonrel"] = SeasonRel,
        ["holiday"] = Holiday,
        ["podrel"] = PartOfDayRel,
        ["weekend"] = Weekend,
        ["ago"] = (c, a) => Ago(c, a[0], c.Arg(a[1]), -1),
        ["fromnow"] = (c, a) => Ago(c, a[0], c.Arg(a[1]), +1),
        ["lex"] = (c, a) => c.Arg(a[1]) is { } w ? c.Lex.Get(a[0], w) : null,
        ["ref"] = RefShift,
        ["refdir"] = (c, a) => c.TokenText(c.MatchEnd) is { IsEmpty: false } nx && char.IsLetterOrDigit(nx[0]) ? null : RefFormat(c, a[0], c.Arg(a[1]) is "before" ? -1 : 1),
        ["refpod"] = (c, a) => c.Refs.For(Gran.Day) is { } d && c.Lex.Get("partofday", c.Arg(a[1]) ?? "") is { } p
            && TimeCalendar.AddDays(d, int.Parse(a[0], CultureInfo.InvariantCulture)) is { } day ? TimeCalendar.Day(day) + "T" + p : null,
        ["refn"] = RefN,
        ["weekday"] = (c, a) => Weekday(c, c.Arg(a[0]), null),
        ["weekdayrel"] = (c, a) => Weekday(c, c.Arg(a[0]), c.Arg(a[1])),
        ["weekdaybefore"] = (c, a) => Weekday(c, c.Arg(a[0]), c.Arg(a[1])) is { } v && TimeCalendar.Parse(v) is { } p && TimeCalendar.AddDays(p.Date, -1) is { } d ? TimeCalendar.Day(d) : null,
        ["time"] = Clock,
        ["milclock"] = MilitaryClock,
        ["timemd"] = (c, a) => MonthDay(c, [a[2], a[3]]) is { } day && Clock(c, [a[0], a[1]]) is { } t ? day + t[t.IndexOf('T')..] : null,
        ["dur"] = (c, a) => Duration(c, a[0], c.Arg(a[1])),
        ["durpl"] = (c, a) => c.Arg(a[0]) is { } u && (u.EndsWith('s') || u.EndsWith('S')) && c.Lex.Get("unit", u) != "Q" ? Duration(c, "X", u) : null,
        ["durhalf"] = (c, a) => Number(c, a[0]) is { } n ? Duration(c, (n + 0.5).ToString(CultureInfo.InvariantCulture), c.Arg(a[1])) : null,
        ["every"] = Every,
        ["perunit"] = PerUnit,
        ["wd"] = (c, a) => c.Lex.Get("weekday", c.Arg(a[0]) ?? ""),
        ["mm"] = (c, a) => MonthOf(c, c.Arg(a[0])) is { } m ? TimeCalendar.Two(m) : null,
    };

    /// <summary>True when a function of that name exists (checked when the rules are loaded).</summary>
    public static bool Exists(string name) => Table.ContainsKey(name);

    /// <summary>Calls a function by name.</summary>
    public static string? Call(string name, TimeContext c, string[] args)
    {
        try { return Table[name](c, args); }
        catch (IndexOutOfRangeException) { return null; } // a rule gave too few arguments: no value rather than a crash
    }

    // ---- parsing captured text ----------------------------------------------------------------------------

    private static int? MonthOf(TimeContext c, string? s) => s is not null && c.Lex.Get("month", s) is { } v ? int.Parse(v) : null;

    private static int? YearOf(TimeContext c, string? s)
    {
        if (s is null) return null;
        var t = s.TrimStart('\'', '’');
        if (!TimeBuiltins.AllDigits(t) || t.Length is not (2 or 4)) return null;
        int y = int.Parse(t);
        if (t.Length == 2)
        {
            // Two-digit years: the century that puts the year nearest the publication date (or 19xx/20xx split at 50).
            int century = c.Anchor is { } a ? a.Year / 100 * 100 : 1900;
            y += century;
            if (c.Anchor is { } an && y > an.Year + 20) y -= 100;
            else if (c.Anchor is null && y < 1950) y += 100;
        }
        // '05 published in the year 30 would be the year -95
        return TimeCalendar.InRange(y) ? y : null;
    }

    // A count from an argument: "$n" (digits or words over the capture's tokens) or a literal number; null for "X" or none.
    private static double? Number(TimeContext c, string? spec)
    {
        if (spec is null || spec == "X") return null;
        if (!spec.StartsWith('$'))
            return double.TryParse(spec, NumberStyles.Float, CultureInfo.InvariantCulture, out var lit) ? lit : null;
        var (cs, ce) = c.CapRange(int.Parse(spec.AsSpan(1)));
        if (cs < 0) return null;
        var text = c.Text.AsSpan(c.Token(cs).Start, c.Token(ce - 1).End - c.Token(cs).Start);
        if (TimeBuiltins.IsNumber(text, out var v)) return v;
        if (c.Lex.Get("number", text) is null && ce - cs == 1)
            return text.Equals("a", StringComparison.OrdinalIgnoreCase) || text.Equals("an", StringComparison.OrdinalIgnoreCase) ? 1 : null;
        return TimeBuiltins.NumberWords(c.Lex, c.Text, c.Tokens, cs, ce, out var w) == ce ? w : null;
    }

    private static int Rel(string? word) => word?.ToLowerInvariant() switch
    {
        "last" or "past" or "previous" or "preceding" or "prior" or "-1" => -1,
        "next" or "coming" or "following" or "+1" or "1" => 1,
        "this" or "0" or null => 0,
        var w => int.TryParse(w, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? n : 0,
    };

    // ---- dates ------------------------------------------------------------------------------------------------

    private static string? Iso(TimeContext c, string[] a)
    {
        var s = c.Arg(a[0]);
        if (s is null || !TimeBuiltins.ParseIso(s, out int y, out int m, out int d)) return null;
        return d == 0 ? $"{TimeCalendar.Y(y)}-{TimeCalendar.Two(m)}" : $"{TimeCalendar.Y(y)}-{TimeCalendar.Two(m)}-{TimeCalendar.Two(d)}";
    }

    private static string? Ymd(TimeContext c, string? ys, string? ms, string? ds)
    {
        if (YearOf(c, ys) is not { } y || MonthOf(c, ms) is not { } m || ds is null) return null;
        int d = TimeBuiltins.ParseDay(c.Lex, ds);
        if (d == 0 || d > DateTime.DaysInMonth(y, m)) return null;
        return $"{TimeCalendar.Y(y)}-{TimeCalendar.Two(m)}-{TimeCalendar.Two(d)}";
    }

    // A month and day without a year: the year that fits the tense (past: not after the anchor; future: not before), else the nearest.
    private static string? MonthDay(TimeContext c, string[] a)
    {
        if (MonthOf(c, c.Arg(a[0])) is not { } m || c.Arg(a[1]) is not { } ds) return null;
        int d = TimeBuiltins.ParseDay(c.Lex, ds);
        if (d == 0 || d > DateTime.DaysInMonth(2000, m)) return null;
        if (c.Anchor is not { } an) return $"XXXX-{TimeCalendar.Two(m)}-{TimeCalendar.Two(d)}";
        DateOnly? best = null;
        int bestDist = int.MaxValue;
        for (int y = an.Year - 1; y <= an.Year + 1; y++)
        {
            if (TimeCalendar.Date(y, m, d) is not { } cand) continue;
            int dist = cand.DayNumber - an.DayNumber;
            // The nearest such date; a tense against its direction costs three months ("said on March 12" in February: last year's only if near).
            // News looks back more often than ahead: a date ahead counts half as far again.
            int cost = (dist > 0 ? dist * 3 / 2 : -dist) + (c.Tense == Tense.Past && dist > 0 || c.Tense == Tense.Future && dist < 0 ? 90 : 0);
            if (cost < bestDist) { bestDist = cost; best = cand; }
        }
        return best is { } b ? TimeCalendar.Day(b) : null;
    }

    private static string? MonthDayRel(TimeContext c, string[] a)
    {
        if (MonthOf(c, c.Arg(a[0])) is not { } m || c.Arg(a[1]) is not { } ds) return null;
        int d = TimeBuiltins.ParseDay(c.Lex, ds);
        if (d == 0) return null;
        if (c.Anchor is not { } an) return $"XXXX-{TimeCalendar.Two(m)}-{TimeCalendar.Two(d)}";
        return TimeCalendar.Date(an.Year + (long)Rel(c.Arg(a[2])), m, d) is { } day ? TimeCalendar.Day(day) : null;
    }

    // "last Oct. 23": the latest such day before publication; "next March 3": the first after; "this May 5": this year's.
    private static string? MonthDayLastNext(TimeContext c, string[] a)
    {
        if (MonthOf(c, c.Arg(a[0])) is not { } m || c.Arg(a[1]) is not { } ds) return null;
        int d = TimeBuiltins.ParseDay(c.Lex, ds);
        if (d == 0 || d > DateTime.DaysInMonth(2000, m)) return null;
        if (c.Anchor is not { } an) return $"XXXX-{TimeCalendar.Two(m)}-{TimeCalendar.Two(d)}";
        int r = Rel(c.Arg(a[2]));
        int y = an.Year;
        DateOnly? At(int yy) => TimeCalendar.InRange(yy) ? new(yy, m, Math.Min(d, DateTime.DaysInMonth(yy, m))) : null;
        if (r < 0 && At(y) >= an) y--;
        if (r > 0 && At(y) <= an) y++;
        return At(y) is { } day ? TimeCalendar.Day(day) : null;
    }

    private static bool MonthIsDate(TimeContext c)
    {
        // "in May", "May 2024" are dates; "Theresa May" is a name: a bare month needs a cue word before it or no capitalised neighbour.
        int i = c.MatchStart;
        var prev = c.TokenText(i - 1);
        var self0 = c.TokenText(i);
        // "Jan Kavan", "Dec Hogan": an abbreviation without its full stop before a capitalised word is a first name.
        if (self0.Length <= 4 && self0[^1] != '.' && !self0.Equals("May", StringComparison.OrdinalIgnoreCase) && c.InSentence(c.MatchEnd)
            && c.Token(c.MatchEnd).Capitalised && char.IsLetter(c.TokenText(c.MatchEnd)[0])) return false;
        if (!prev.IsEmpty && TimeGrammar.MonthCueLookup.Contains(prev)) return true;
        bool prevCap = !prev.IsEmpty && c.InSentence(i - 1) && i - 1 != c.SentenceStart && c.Token(i - 1).Capitalised && char.IsLetter(prev[0]);
        bool nextCap = c.InSentence(c.MatchEnd) && c.Token(c.MatchEnd).Capitalised && char.IsLetter(c.TokenText(c.MatchEnd)[0]);
        var self = c.TokenText(i);
        bool ambiguous = self.Equals("May", StringComparison.OrdinalIgnoreCase) || self.Equals("March", StringComparison.OrdinalIgnoreCase)
            || self.Equals("August", StringComparison.OrdinalIgnoreCase) || self.Length <= 4;
        return !prevCap && !nextCap && !ambiguous;
    }

    private static string? BareMonth(TimeContext c, string[] a)
    {
        if (MonthOf(c, c.Arg(a[0])) is not { } m || !MonthIsDate(c)) return null;
        if (c.Anchor is not { } an) return $"XXXX-{TimeCalendar.Two(m)}";
        // The nearest such month; a tense against its direction costs eight months (tense cues are noisy). A deadline
        // ("by August", "until January") looks ahead.
        var tense = DeadlineBefore(c) ? Tense.Future : c.Tense;
        int best = an.Year, bestCost = int.MaxValue;
        for (int y = an.Year - 1; y <= an.Year + 1; y++)
        {
            if (!TimeCalendar.InRange(y)) continue;
            int dist = (y - an.Year) * 12 + m - an.Month;
            int cost = Math.Abs(dist) * 2 + (tense == Tense.Past && dist > 0 || tense == Tense.Future && dist < 0 ? 16 : 0);
            if (cost < bestCost) { bestCost = cost; best = y; }
        }
        return $"{TimeCalendar.Y(best)}-{TimeCalendar.Two(m)}";
    }

    private static bool DeadlineBefore(TimeContext c) => c.TokenText(c.MatchStart - 1) is var p
        && (p.Equals("by", StringComparison.OrdinalIgnoreCase) || p.Equals("until", StringComparison.OrdinalIgnoreCase) || p.Equals("till", StringComparison.OrdinalIgnoreCase));

    private static string? MonthRel(TimeContext c, string[] a)
    {
        if (MonthOf(c, c.Arg(a[0])) is not { } m) return null;
        if (c.Anchor is not { } an) return $"XXXX-{TimeCalendar.Two(m)}";
        int r = Rel(c.Arg(a[1]));
        int y = an.Year;
        if (r < 0 && m >= an.Month) y--;
        if (r > 0 && m <= an.Month) y++;
        return TimeCalendar.Year(y) is { } ys ? $"{ys}-{TimeCalendar.Two(m)}" : null;
    }

    private static string? YearWordsValue(TimeContext c, string[] a) => YearAny(c, a[0]) is { } y ? TimeCalendar.Y(y) : null;

    // A year from a capture in digits ("1997", "'97") or in words ("nineteen ninety-seven").
    private static int? YearAny(TimeContext c, string spec)
    {
        if (YearOf(c, c.Arg(spec)) is { } y) return y;
        if (!spec.StartsWith('$')) return null;
        var (cs, ce) = c.CapRange(int.Parse(spec.AsSpan(1)));
        return cs >= 0 && TimeBuiltins.YearWords(c.Lex, c.Text, c.Tokens, cs, ce, out int yw) == ce ? yw : null;
    }

    // Prepositions after which a four-digit number is a year even when a lower-case word follows ("in 1990 sales rose").
    private static readonly HashSet<string> YearCues = new(StringComparer.OrdinalIgnoreCase)
    { "in", "since", "by", "of", "until", "till", "from", "to", "through", "before", "after", "during", "and", "-", "early", "late", "mid", "fiscal", "year", "around", "circa", "between", "summer", "spring", "winter", "autumn", "fall", "end", "beginning", "'s" };

    // Words before a number that make it a quantity ("some 2000", "more than 1500").
    private static readonly HashSet<string> CountCues = new(StringComparer.OrdinalIgnoreCase)
    { "than", "about", "nearly", "some", "approximately", "almost", "roughly", "only", "just", "least", "over", "under", "all", "those", "these", "additional", "another", "extra", "were", "are" };

    private static string? BareYear(TimeContext c, string[] a)
    {
        if (YearOf(c, c.Arg(a[0])) is not { } y) return null;
        var s = c.Arg(a[0])!;
        if (s.Length == 4 && (y < 1000 || y > 2099)) return null;
        // A count, not a year: "2000 troops", "about 1500 people" — a plural noun follows, or a word of quantity precedes.
        // "the 1996 law", "its 1990 invasion" stay years: a singular noun after a year is the year's attribute.
        var prev = c.TokenText(c.MatchStart - 1);
        bool cue = !prev.IsEmpty && YearCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev);
        if (!prev.IsEmpty && CountCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev)) return null;
        var next = c.TokenText(c.MatchEnd);
        if (!cue && next.Length > 3 && char.IsLower(next[0]) && next[^1] == 's' && next[^2] != 's' && next[^2] != 'u' && next[^2] != 'i') return null;
        if (!prev.IsEmpty && (prev[0] == '$' || prev.Equals("No.", StringComparison.OrdinalIgnoreCase) || prev.Equals("#", StringComparison.Ordinal))) return null;
        // Numbers in a list of amounts or a thousands group ("1,990") are not years; a decimal ("1998.5") neither.
        if (s.Length == 2 && prev.IsEmpty) return null;
        return TimeCalendar.Y(y);
    }

    private static string? Decade(TimeContext c, string[] a)
    {
        var s = c.Arg(a[0])?.TrimStart('\'', '’');
        if (s is null) return null;
        // "in his 30s", "their early 40s": an age, not a decade.
        for (int k = c.MatchStart - 1; k >= c.MatchStart - 2; k--)
            if (c.TokenText(k) is var w && (w is "his" or "her" or "their" or "my" or "your" or "our" or "its" or "His" or "Her" or "Their")) return null;
        var core = s.Length >= 2 && s[^2] is '\'' or '’' ? s[..^2] : s.EndsWith('s') || s.EndsWith('S') ? s[..^1] : s;
        if (!TimeBuiltins.AllDigits(core) || core[^1] != '0') return null;
        if (core.Length == 4) return core[..3];
        if (core.Length != 2) return null;
        return CenturyOfDecade(int.Parse(core), c.Anchor) is { } century ? TimeCalendar.Two(century) + core[0] : null;
    }

    // The century of a decade written with two digits ("the 90s", "the nineties"): the latest one not after publication,
    // the 20th without a date; null for a decade before the calendar began (the 90s published in the year 1).
    private static int? CenturyOfDecade(int decadeYears, DateOnly? anchor)
    {
        if (anchor is not { } an) return 19;
        int century = decadeYears <= an.Year % 100 ? an.Year / 100 : an.Year / 100 - 1;
        return century >= 0 ? century : null;
    }

    private static string? Shift(TimeContext c, string[] a)
    {
        var gs = c.Arg(a[0]);
        if (gs is null || TimeCalendar.ParseGran(gs) is not { } g) return null;
        int n = Rel(c.Arg(a[1]));
        if (c.Anchor is not { } an) return TimeCalendar.Format(null, g);
        return Format(TimeCalendar.Shift(an, g, n), g);
    }

    private static string? Part(TimeContext c, string? ord, string? year, char code, int max)
    {
        if (ord is null) return null;
        int n = TimeBuiltins.ParseOrdinal(c.Lex, ord);
        if (n < 1 || n > max) return null;
        // In news a quarter without a year is one of the publication year ("third-quarter profit").
        // "-1": the year before publication ("the year-ago third quarter").
        int? y = year is null ? c.Anchor?.Year
            : year.StartsWith('-') || char.IsLetter(year[0]) ? c.Anchor?.Year + Rel(year)
            : YearOf(c, year);
        if (y is not { } yy) return $"XXXX-{code}{n}";
        return TimeCalendar.Year(yy) is { } ys ? $"{ys}-{code}{n}" : null;
    }

    // "the quarter", "the latest quarter": the quarter last named in the text, else the last complete quarter before publication.
    private static string? LastQuarter(TimeContext c, string[] a)
    {
        var w = c.Arg(a[0]);
        if (w is "current" or "this") return c.Anchor is { } d ? TimeCalendar.Format(d, Gran.Quarter) : "XXXX-QX";
        // "the latest quarter" is one that has ended: a quarter named earlier that is still running (the fourth quarter in November) is not it.
        var lastDone = c.Anchor is { } an ? TimeCalendar.Shift(an, Gran.Quarter, -1) : null;
        if (c.PeekRefs.Quarter is { } named && (w is null or "same" or "comparable" || lastDone is null || named <= lastDone.Value))
            return TimeCalendar.Format(c.Refs.Quarter!.Value, Gran.Quarter);
        // published in the first quarter of the year 1, there is no earlier quarter
        return lastDone is { } ld ? TimeCalendar.Format(ld, Gran.Quarter) : c.Anchor is null ? "XXXX-QX" : null;
    }

    // The quarter an earnings report is about: the quarter last named in the text, else none.
    private static DateOnly? ReportedQuarter(TimeContext c) => c.PeekRefs.Quarter is not null ? c.Refs.Quarter : null;

    // "a year earlier", "the year-ago period": a year before the reference, kept at quarter precision after a quarter.
    // "ago" counts from the publication date; "earlier"/"before" from the time the text is at ("In 1995 … A year earlier").
    // The adjective ("the year-earlier results", "year-ago net") is a report's comparison period: a year before publication.
    // In an earnings report a year-ago figure is the same quarter of the year before the quarter being reported.
    private static string? YearAgo(TimeContext c, string[] a)
    {
        bool fromNow = c.Arg(a[0]) is { } w && w.Equals("ago", StringComparison.OrdinalIgnoreCase) || a.Length > 1 && c.Arg(a[1]) is not null;
        if (c.PeekRefs.LastGran == Gran.Quarter && c.PeekRefs.Quarter is { } pq && (!fromNow || c.Anchor is not { } an0 || pq.Year == an0.Year))
            return Format(TimeCalendar.AddYears(c.Refs.Quarter!.Value, -1), Gran.Quarter);
        if (fromNow && c.Anchor is { } an) return TimeCalendar.Year(an.Year - 1);
        return c.Refs.For(Gran.Year) is { } y ? TimeCalendar.Year(y.Year - 1) : "XXXX";
    }

    private static string? Season(TimeContext c, string[] a)
    {
        if (c.Arg(a[0]) is not { } w || c.Lex.Get("season", w) is not { } code) return null;
        int? y = c.Arg(a[1]) is null ? c.Anchor?.Year : YearAny(c, a[1]);
        return y is { } yy ? TimeCalendar.Year(yy) is { } ys ? $"{ys}-{code}" : null : $"XXXX-{code}";
    }

    // "last fall", "next winter", "this summer". Seasons are counted in order (spring, summer, fall, winter; a winter is
    // named by the year of its December): "last" is the latest one before the current season, "next" the first after it.
    private static string? SeasonRel(TimeContext c, string[] a)
    {
        if (c.Arg(a[0]) is not { } w || c.Lex.Get("season", w) is not { } code) return null;
        if (c.Anchor is not { } an) return $"XXXX-{code}";
        int r = Rel(c.Arg(a[1]));
        static int Index(string s) => s switch { "SP" => 0, "SU" => 1, "FA" => 2, _ => 3 };
        int target = Index(code);
        int cur = (an.Month <= 2 ? an.Year - 1 : an.Year) * 4 + Index(TimeCalendar.SeasonOf(an.Month));
        int n;
        if (r < 0) { n = cur - 1; while (n % 4 != target) n--; }
        else if (r > 0) { n = cur + 1; while (n % 4 != target) n++; }
        else n = cur % 4 == target ? cur : (an.Month <= 2 && target != 3 ? an.Year : cur / 4) * 4 + target;
        return TimeCalendar.Year(n / 4) is { } ys ? $"{ys}-{code}" : null;
    }

    private static string? Holiday(TimeContext c, string[] a)
    {
        if (c.Arg(a[0]) is not { } w || (c.Lex.Get("holiday", w) ?? c.Lex.Get("dayholiday", w)) is not { } md) return null;
        var ys = c.Arg(a[1]);
        // "last Thanksgiving" is the latest one before publication; "next Christmas" the first one after.
        int rel = ys is null ? 0 : Rel(ys.ToLowerInvariant() is "last" or "next" ? ys : null);
        if (rel != 0 && c.Anchor is { } an0)
        {
            var prev = HolidayIn(md, an0.Year);
            if (prev is null) return null;
            // the one of the year before or after may not exist (29 February, the calendar's ends)
            var h = rel < 0 ? prev.Value < an0 ? prev : HolidayIn(md, an0.Year - 1) : prev.Value > an0 ? prev : HolidayIn(md, an0.Year + 1);
            return h is { } hd0 ? TimeCalendar.Day(hd0) : null;
        }
        // No year: the occurrence the tense points to ("was found Thanksgiving Day" in January is last November's, "will close
        // on Christmas" this December's), else the nearest.
        if (ys is null && c.Anchor is { } an1)
        {
            DateOnly? best = null; int bestCost = int.MaxValue;
            for (int yy = an1.Year - 1; yy <= an1.Year + 1; yy++)
            {
                if (HolidayIn(md, yy) is not { } h) continue;
                int dist = h.DayNumber - an1.DayNumber;
                int cost = Math.Abs(dist) + (c.Tense == Tense.Past && dist > 0 || c.Tense == Tense.Future && dist < 0 ? 400 : 0);
                if (cost < bestCost) { bestCost = cost; best = h; }
            }
            return best is { } bh ? TimeCalendar.Day(bh) : null;
        }
        int? y = ys is null || rel != 0 || ys.Equals("this", StringComparison.OrdinalIgnoreCase) ? c.Anchor?.Year : YearOf(c, ys);
        if (y is not { } year) return md.Contains('/') ? $"XXXX-{TimeCalendar.Two(int.Parse(md.Split('/')[0]))}" : $"XXXX-{md}";
        return HolidayIn(md, year) is { } hd ? TimeCalendar.Day(hd) : null;
    }

    // The date of a holiday code in a year: MM-DD, or M/W/N for the N-th weekday W of month M (N = -1: the last).
    private static DateOnly? HolidayIn(string code, int year)
    {
        if (!TimeCalendar.InRange(year)) return null;
        var p = code.Split('/');
        if (p.Length != 3)
            return DateOnly.TryParseExact($"{TimeCalendar.Y(year)}-{code}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fixedDay) ? fixedDay : null;
        int month = int.Parse(p[0]), wd = int.Parse(p[1]), nth = int.Parse(p[2]);
        var first = new DateOnly(year, month, 1);
        int firstDow = ((int)first.DayOfWeek + 6) % 7 + 1;
        // the n-th such weekday is in the month's first 31 days, and the last one in its final week
        int day = 1 + (wd - firstDow + 7) % 7, days = DateTime.DaysInMonth(year, month);
        if (nth > 0) day += 7 * (nth - 1);
        else while (day + 7 <= days) day += 7;
        return day <= days ? new DateOnly(year, month, day) : null;
    }

    private static string? PartOfDayRel(TimeContext c, string[] a)
    {
        if (c.Arg(a[1]) is not { } p || c.Lex.Get("partofday", p) is not { } code) return null;
        int r = c.Arg(a[0])?.ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
        if (c.Anchor is not { } d) return "XXXX-XX-XX" + "T" + code;
        return TimeCalendar.AddDays(d, r) is { } day ? TimeCalendar.Day(day) + "T" + code : null;
    }

    // "the weekend": the one just past in a past-tense clause, the coming one in a future clause, else the nearest.
    private static string? Weekend(TimeContext c, string[] a)
    {
        if (c.Anchor is not { } d) return "XXXX-WXX-WE";
        int dow = ((int)d.DayOfWeek + 6) % 7; // Monday 0 … Sunday 6
        bool past = c.Tense == Tense.Past || c.Tense == Tense.None && dow <= 2;
        var day = dow >= 5 ? d : past ? TimeCalendar.AddDays(d, -7) : d;
        return day is { } w ? TimeCalendar.Week(w) + "-WE" : null;
    }

    private static string? Ago(TimeContext c, string? ns, string? us, int sign)
    {
        if (us is null || c.Lex.Get("unit", us) is not { } u) return null;
        double n = Number(c, ns) ?? -1;
        // a count that is no whole number, or reaches before the calendar began (after it ends): past (future), no date
        var beyond = sign < 0 ? "PAST_REF" : "FUTURE_REF";
        if (n <= 0 || n != Math.Floor(n) || n > DateOnly.MaxValue.DayNumber) return beyond;
        if (c.Anchor is not { } an) return u switch { "Y" or "DE" or "CE" => "XXXX", "M" => "XXXX-XX", "W" => "XXXX-WXX", _ => "XXXX-XX-XX" };
        var (g, per) = u switch
        {
            "Y" => (Gran.Year, 1), "DE" => (Gran.Year, 10), "CE" => (Gran.Year, 100), "M" => (Gran.Month, 1), "Q" => (Gran.Quarter, 1),
            "W" => (Gran.Week, 1), "D" => (Gran.Day, 1), "H" or "MIN" or "S" => (Gran.Day, 0), _ => ((Gran?)null, 0),
        };
        if (g is not { } gg) return null;
        return Format(TimeCalendar.Shift(an, gg, per * (long)n * sign), gg) ?? beyond;
    }

    /// <summary>The TIMEX3 value of a date that may lie outside the calendar (then null: no value).</summary>
    private static string? Format(DateOnly? d, Gran g) => d is { } x ? TimeCalendar.Format(x, g) : null;

    private static string? RefShift(TimeContext c, string[] a) => RefFormat(c, c.Arg(a[0]), Rel(c.Arg(a[1])));

    private static string? RefFormat(TimeContext c, string? gs, int n)
    {
        if (gs is null) return null;
        var pod = c.Lex.Get("partofday", gs);
        var g = pod is not null ? Gran.Day : TimeCalendar.ParseGran(gs);
        if (g is not { } gg) return null;
        var v = c.Refs.For(gg) is { } b ? Format(TimeCalendar.Shift(b, gg, n), gg) : TimeCalendar.Format(null, gg);
        return v is null || pod is null ? v : v + "T" + pod;
    }

    private static string? RefN(TimeContext c, string[] a)
    {
        if (c.Arg(a[1]) is not { } us || c.Lex.Get("unit", us) is not { } u) return null;
        double n = Number(c, a[0]) ?? -1;
        if (n <= 0 || n != Math.Floor(n) || n > DateOnly.MaxValue.DayNumber) return null;
        var dir = c.Arg(a[2]);
        // "ten days before the shooting" is anchored on an event, not on the reference date: no value from here.
        if (dir is "before" or "after" && c.TokenText(c.MatchEnd) is { IsEmpty: false } nx && char.IsLetterOrDigit(nx[0])) return null;
        int sign = dir is "earlier" or "before" ? -1 : 1;
        var g = u switch { "Y" => Gran.Year, "M" => Gran.Month, "W" => Gran.Week, "D" => Gran.Day, "Q" => Gran.Quarter, "DE" => Gran.Decade, _ => (Gran?)null };
        if (g is not { } gg) return null;
        long k = sign * (long)n;
        if (gg == Gran.Year && c.Refs.LastGran == Gran.Quarter && c.Refs.Quarter is { } q)
            return Format(TimeCalendar.AddYears(q, k), Gran.Quarter);
        var b = c.Refs.For(gg);
        if (b is null) return TimeCalendar.Format(null, gg);
        if (TimeCalendar.Shift(b.Value, gg, k) is not { } shifted) return null;
        return gg == Gran.Decade ? TimeCalendar.Y(shifted.Year) : TimeCalendar.Format(shifted, gg);
    }

    private static string? Weekday(TimeContext c, string? ws, string? rel)
    {
        if (ws is null || c.Lex.Get("weekday", ws) is not { } v) return null;
        int target = int.Parse(v); // 1 = Monday … 7 = Sunday
        if (c.Anchor is not { } an) return $"XXXX-WXX-{target}";
        int dow = ((int)an.DayOfWeek + 6) % 7 + 1;
        int back = (dow - target + 7) % 7;      // days back to the last such day (0 = today)
        int fwd = (target - dow + 7) % 7;       // days forward to the next such day
        int r = rel is null ? 0 : Rel(rel);
        int offset;
        if (r < 0) offset = -(back == 0 ? 7 : back);
        else if (r > 0) offset = fwd == 0 ? 7 : fwd;
        else if (rel is not null) offset = target - dow; // "this Friday": that day of the current week
        // "Thursday's ruling", "Friday's closing price": a possessive weekday names something that has happened.
        else if (c.TokenText(c.MatchEnd) is "'s" or "’s") offset = -back;
        else offset = c.Tense switch
        {
            Tense.Past => -back,
            Tense.Future => fwd,
            _ => back <= fwd ? -back : fwd,
        };
        return TimeCalendar.AddDays(an, offset) is { } day ? TimeCalendar.Day(day) : null;
    }

    // A clock time on the day the narrative is at (or on the weekday given with it: "10 p.m. Wednesday").
    private static string? Clock(TimeContext c, string[] a)
    {
        var s = c.Arg(a[0]);
        if (s is null) return null;
        var ampm = c.Arg(a[1]);
        int h, m;
        char glued = '\0';
        // "High Noon" (a film, an idiom) is no clock time.
        if (c.TokenText(c.MatchStart).Equals("noon", StringComparison.OrdinalIgnoreCase) && c.TokenText(c.MatchStart - 1).Equals("high", StringComparison.OrdinalIgnoreCase)) return null;
        if (s.Equals("noon", StringComparison.OrdinalIgnoreCase) || s.Equals("midday", StringComparison.OrdinalIgnoreCase)) { h = 12; m = 0; }
        else if (s.Equals("midnight", StringComparison.OrdinalIgnoreCase)) { h = 24; m = 0; }
        else if (!TimeBuiltins.ParseClock(s, out h, out m, out glued))
        {
            if (!TimeBuiltins.AllDigits(s) || s.Length > 2) return null;
            h = int.Parse(s); m = 0;
            if (h is < 1 or > 12) return null;
        }
        // "4 in the morning" → a.m.; "in the afternoon/evening" → p.m.
        if (ampm is not null && c.Lex.Get("partofday", ampm) is { } pod) ampm = pod == "MO" ? "am" : "pm";
        char mer = glued != '\0' ? glued : ampm is null || ampm.Equals("o'clock", StringComparison.OrdinalIgnoreCase) ? '\0' : char.ToLowerInvariant(ampm[0]);
        if (mer == 'p' && h < 12) h += 12;
        if (mer == 'a' && h == 12) h = 0;
        var t = $"T{TimeCalendar.Two(h)}:{TimeCalendar.Two(m)}";
        string? day;
        if (a.Length > 2 && c.Arg(a[2]) is { } wd) day = Weekday(c, wd, null);
        else day = c.Refs.For(Gran.Day) is { } d ? TimeCalendar.Day(d) : null;
        return day is null ? t : day + t;
    }

    // "1330 GMT": a 24-hour clock written as four digits; anything else (a year, a count) is refused.
    private static string? MilitaryClock(TimeContext c, string[] a)
    {
        var s = c.Arg(a[0]);
        if (s is null || s.Length != 4 || !TimeBuiltins.AllDigits(s)) return null;
        int h = int.Parse(s.AsSpan(0, 2)), m = int.Parse(s.AsSpan(2, 2));
        if (h > 23 || m > 59) return null;
        var t = $"T{TimeCalendar.Two(h)}:{TimeCalendar.Two(m)}";
        string? day = a.Length > 1 && c.Arg(a[1]) is { } wd ? Weekday(c, wd, null) : c.Refs.For(Gran.Day) is { } d ? TimeCalendar.Day(d) : null;
        return day is null ? t : day + t;
    }

    private static string? Duration(TimeContext c, string? ns, string? us)
    {
        if (us is null || c.Lex.Get("unit", us) is not { } u) return null;
        // "a 6-year-old": an age, not a duration
        var after = c.TokenText(c.MatchEnd);
        if (after.Equals("old", StringComparison.OrdinalIgnoreCase) || after.Equals("-", StringComparison.Ordinal) && c.TokenText(c.MatchEnd + 1).Equals("old", StringComparison.OrdinalIgnoreCase)) return null;
        // "a quarter of the vote" is a fraction, not three months
        if (u == "Q" && c.TokenText(c.MatchEnd).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        // "a quarter point", "three quarters majority": a fraction before a noun
        if (u == "Q" && c.TokenText(c.MatchEnd) is { Length: > 1 } qn && char.IsLower(qn[0]) && !TimeGrammar.MonthCueLookup.Contains(qn)) return null;
        string num;
        if (ns is "X") num = "X";
        else
        {
            double? n = Number(c, ns);
            if (n is not { } nn || nn <= 0 || nn > 100000) return null;
            (nn, u) = u switch { "DE" => (nn * 10, "Y"), "CE" => (nn * 100, "Y"), "FN" => (nn * 2, "W"), "WE" => (nn * 2, "D"), _ => (nn, u) };
            // A fraction goes into the next smaller unit: a year and a half = P1Y6M, five and a half hours = PT5H30M.
            if (nn != Math.Floor(nn) && Fraction(nn, u) is { } mixed) return mixed;
            num = nn.ToString(CultureInfo.InvariantCulture);
        }
        return u switch
        {
            "Y" or "M" or "W" or "D" or "Q" => $"P{num}{u}",
            "DE" or "CE" => "PXY",
            "FN" => $"P{num}W",
            "WE" => $"P{num}D",
            "H" => $"PT{num}H",
            "MIN" => $"PT{num}M",
            "S" => $"PT{num}S",
            _ => null,
        };
    }

    // "four flights a week", "$33 million a year": a rate after a quantity is a SET; elsewhere "a week" is a duration (next rule).
    private static string? PerUnit(TimeContext c, string[] a)
    {
        var art = c.TokenText(c.MatchStart);
        var prev = c.TokenText(c.MatchStart - 1);
        bool rate = art.Equals("per", StringComparison.OrdinalIgnoreCase)
            || !prev.IsEmpty && (char.IsAsciiDigit(prev[0]) || c.Lex.Get("number", prev) is not null || prev is "million" or "billion" or "thousand" or "percent" or "%" or "times"
                || prev.Length > 3 && char.IsLower(prev[0]) && prev[^1] == 's' && prev[^2] != 's' && prev[^2] != 'u' && prev[^2] != 'i' && prev[^2] != 'a');
        return rate ? Duration(c, "1", c.Arg(a[0])) : null;
    }

    private static string? Fraction(double n, string u)
    {
        int whole = (int)Math.Floor(n);
        double frac = n - whole;
        string W(string code) => whole > 0 ? whole.ToString(CultureInfo.InvariantCulture) + code : "";
        string F(double k) => Math.Round(frac * k, 3).ToString(CultureInfo.InvariantCulture);
        return u switch
        {
            "Y" => $"P{W("Y")}{F(12)}M",
            "M" => $"P{W("M")}{F(30)}D",
            "W" => $"P{Math.Round(n * 7, 3).ToString(CultureInfo.InvariantCulture)}D",
            "D" => $"P{W("D")}T{F(24)}H",
            "H" => $"PT{W("H")}{F(60)}M",
            "MIN" => $"PT{W("M")}{F(60)}S",
            _ => null,
        };
    }

    private static string? Every(TimeContext c, string[] a)
    {
        var us = c.Arg(a[1]);
        if (us is null) return null;
        if (c.Lex.Get("partofday", us) is not null) return "P1D";
        return Duration(c, a[0], us);
    }
}
