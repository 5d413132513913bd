using Dossier.Documents;

namespace Dossier.Extraction.Time;

/// <summary>A timex found by the grammar before it becomes a <see cref="Timex"/>.</summary>
internal sealed record TimexMatch(int Start, int End, TimexType Type, string Value, string? Mod, int RuleLine)
{
    /// <summary>The match's context while its sentence is tagged (for the tense of a range); not kept afterwards.</summary>
    internal TimeContext? Context { get; set; }
}

internal sealed partial class TimeGrammar
{
    // Prepositions and modifiers after which a bare month name is a date ("in May"), not a name ("Theresa May").
    private static readonly HashSet<string> MonthCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "by", "since", "until", "till", "from", "to", "through", "of", "during", "before", "after", "and", "or", "between",
        "last", "this", "next", "early", "late", "mid", "-", "on", "for", "starting", "end", "beginning", "into", "around", "until",
        "throughout", "late", "early", "as", "that", "every", "each", "past", ",",
    };
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthCueLookup = MonthCues.GetAlternateLookup<ReadOnlySpan<char>>();

    // Upper bound on elements a match may span, a guard against pathological input.
    private const int MaxMatchTokens = 24;

    /// <summary>Finds, normalises and returns the timexes of a segmented document, in text order.</summary>
    public List<TimexMatch> Tag(Document doc)
    {
        var toks = BuildTokensShared(doc, out int count);
        var result = new List<TimexMatch>();
        var state = new ReferenceState(doc.Published);
        var starting = new List<TimeRule>(); // per call: the grammar is shared across threads
        var stamp = new int[Rules.Count];
        int ti = 0;
        foreach (var sent in doc.Sentences)
        {
            doc.CheckBudget("timex");
            // The matcher's token range of this sentence (document tokens map to one or more matcher tokens).
            while (ti < count && toks[ti].Orig < sent.FirstToken) ti++;
            int s0 = ti;
            while (ti < count && toks[ti].Orig < sent.TokenEnd) ti++;
            TagSentence(doc, toks, s0, ti, state, result, starting, stamp);
        }
        return result;
    }

    private sealed record Candidate(TimeRule Rule, int MatchStart, int MatchEnd, int ExtStart, int ExtEnd, (int S, int E)[] Caps);

    private void TagSentence(Document doc, TimeToken[] toks, int from, int to, ReferenceState state, List<TimexMatch> result, List<TimeRule> starting, int[] stamp)
    {
        if (from >= to) return;
        List<Candidate>? cands = null;
        var probe = state.Probe(); // trial evaluations read the reference as it stands at the sentence start and never move it
        Span<(int S, int E)> caps = stackalloc (int, int)[32];
        for (int i = from; i < to; i++)
        {
            StartingRules(toks[i], i, stamp, starting);
            foreach (var rule in starting)
            {
                if (rule.Elements.Length > caps.Length) continue;
                int end = MatchFrom(doc.Text, toks, rule, 0, i, to, caps);
                if (end < 0) continue;
                int es = int.MaxValue, ee = -1;
                for (int k = 0; k < rule.Elements.Length; k++)
                {
                    var el = rule.Elements[k];
                    if (el.Context || el.Negative || caps[k].S < 0) continue;
                    es = Math.Min(es, caps[k].S); ee = Math.Max(ee, caps[k].E);
                }
                if (ee <= es) continue;
                (cands ??= new()).Add(new Candidate(rule, i, end, es, ee, caps[..rule.Elements.Length].ToArray()));
            }
        }
        if (cands is null) return;
        // Longest extent first; on a tie the earlier rule; then keep those that overlap nothing kept before. Functions may
        // veto a match (day 31 in February, a count that looks like a year): a candidate is tried (against the reference as
        // it stood at the sentence start) only when it would be kept, and a vetoed one leaves its tokens free.
        cands.Sort((a, b) =>
        {
            int la = toks[a.ExtEnd - 1].End - toks[a.ExtStart].Start, lb = toks[b.ExtEnd - 1].End - toks[b.ExtStart].Start;
            if (la != lb) return lb.CompareTo(la);
            if (a.Rule.Line != b.Rule.Line) return a.Rule.Line.CompareTo(b.Rule.Line);
            return a.ExtStart.CompareTo(b.ExtStart);
        });
        var kept = new List<Candidate>();
        var taken = new bool[to - from]; // tokens already inside a kept extent: linear, whatever the number of candidates
        foreach (var c in cands)
        {
            bool overlap = false;
            for (int k = c.ExtStart; k < c.ExtEnd && !overlap; k++) overlap = taken[k - from];
            if (overlap || Evaluate(doc, toks, from, to, c, probe) is null) continue;
            for (int k = c.ExtStart; k < c.ExtEnd; k++) taken[k - from] = true;
            kept.Add(c);
        }
        kept.Sort((a, b) => a.ExtStart.CompareTo(b.ExtStart));
        int lastEnd = result.Count > 0 ? result[^1].End : 0;
        int firstOfSentence = result.Count;
        for (int n = 0; n < kept.Count; n++)
        {
            var c = kept[n];
            var ev = Evaluate(doc, toks, from, to, c, state);
            if (ev is null) continue;
            var (value, mod, fromReference, context) = ev.Value;
            int es = c.ExtStart;
            int floor = n > 0 ? kept[n - 1].ExtEnd : from;
            // A phrase before a full date that widens it: "the weekend of December 8" → that week's weekend.
            if (c.Rule.Type == TimexType.DATE && value.Length == 10 && value[4] == '-' && char.IsDigit(value[0]))
            {
                foreach (var (words, fn) in Lexicon.Phrases("wrap"))
                {
                    int at = PhraseBefore(doc.Text, toks, words, es, floor, allowHyphen: false);
                    if (at < 0) continue;
                    var w = TimeCalendar.Wrap(value, fn);
                    if (w is null) break;
                    value = w; es = at; break;
                }
            }
            // A modifier before the timex: "late November", "about two weeks", "the end of 1990", "mid-2024".
            foreach (var (words, m) in Lexicon.Phrases("mod"))
            {
                int at = PhraseBefore(doc.Text, toks, words, es, floor, allowHyphen: true);
                if (at < 0) continue;
                if (m.StartsWith('~')) { mod ??= m[1..]; break; }
                mod ??= m; es = at; break;
            }
            // "the" before a hyphenated modifier ("the 30-day period", "the third-quarter loss") belongs to the noun phrase, not the timex.
            if (es == c.ExtStart && c.ExtEnd - es > 2 && IsThe(doc.Text, toks[es]) && IsHyphenCompound(doc.Text, toks, es + 1, c.ExtEnd)) es++;
            int start = doc.Tokens[toks[es].Orig].Start, end = doc.Tokens[toks[c.ExtEnd - 1].Orig].End;
            if (start < lastEnd) continue;
            var type = c.Rule.Type;
            // A TIME rule whose value has no clock or part of day is a date ("yesterday" through a TIME rule).
            if (type == TimexType.TIME && !value.Contains('T')) type = TimexType.DATE;
            result.Add(new TimexMatch(start, end, type, value, mod, c.Rule.Line) { Context = context });
            lastEnd = end;
            // Values computed from the reference time do not move it ("a year ago" must not become the year of "the quarter").
            if (!fromReference) state.Update(value);
        }
        CohereRanges(doc, result, firstOfSentence, state.Anchor);
        for (int k = firstOfSentence; k < result.Count; k++) result[k].Context = null;
    }

    // Words between the two ends of a range: "from March to May", "between 3 and 5 June", "March 3 - May 5".
    private static readonly string[] RangeLinks = ["to", "until", "till", "through", "thru", "-", "–", "—", "and"];

    /// <summary>
    /// Makes the two ends of a range agree on the year: each end was resolved on its own, so "from March 3 to May 5, 2024"
    /// gave this year's March 3, and "ran from March to May" (in February) gave March ahead and May behind. When the start
    /// comes out after the end, the end without a written year takes its year from the other; with none written, the start
    /// moves back a year in a past-tense clause (or when the end is already past), else the end moves forward.
    /// </summary>
    private static void CohereRanges(Document doc, List<TimexMatch> result, int first, DateOnly? anchor)
    {
        for (int i = first; i + 1 < result.Count; i++)
        {
            var a = result[i]; var b = result[i + 1];
            if (a.Type != TimexType.DATE || b.Type != TimexType.DATE) continue;
            if (!IsRangeLink(doc.Text, a, b)) continue;
            if (TimeCalendar.Parse(a.Value) is not { } pa || TimeCalendar.Parse(b.Value) is not { } pb) continue;
            if (pa.Gran is not (Gran.Day or Gran.Month) || pb.Gran is not (Gran.Day or Gran.Month)) continue;
            if (pa.Date <= pb.Date) continue;
            bool yearA = WritesYear(doc.Text, a), yearB = WritesYear(doc.Text, b);
            if (yearA && yearB) continue;
            int shiftA = 0, shiftB = 0;
            if (yearB) shiftA = pb.Date.Year - pa.Date.Year;
            else if (yearA) shiftB = pa.Date.Year - pb.Date.Year;
            else if (a.Context?.Tense == Tense.Past || a.Context?.Tense != Tense.Future && anchor is { } an && pb.Date < an) shiftA = -1;
            else shiftB = 1;
            if (shiftA != 0 && TimeCalendar.AddYears(pa.Date, shiftA) > pb.Date) shiftA--;
            if (shiftB != 0 && TimeCalendar.AddYears(pb.Date, shiftB) < pa.Date) shiftB++;
            // a coherent range would begin before the calendar does (or end after it): both ends stay as they are
            if (!TimeCalendar.InRange(pa.Date.Year + shiftA) || !TimeCalendar.InRange(pb.Date.Year + shiftB)) continue;
            if (shiftA != 0) result[i] = a with { Value = ShiftYear(a.Value, shiftA) };
            if (shiftB != 0) result[i + 1] = b with { Value = ShiftYear(b.Value, shiftB) };
            result[i].Context = a.Context; result[i + 1].Context = b.Context;
        }
    }

    private static bool IsRangeLink(string text, TimexMatch a, TimexMatch b)
    {
        var between = text.AsSpan(a.End, b.Start - a.End).Trim();
        bool link = false;
        foreach (var w in RangeLinks) if (between.Equals(w, StringComparison.OrdinalIgnoreCase)) { link = true; break; }
        if (!link) return false;
        // "and" joins a range only after "between"; "to" and the rest need "from" (or "between") before the start, or a dash.
        var before = text.AsSpan(0, a.Start).TrimEnd();
        int sp = before.LastIndexOfAny(' ', '\n', '\t');
        var prev = before[(sp + 1)..];
        bool opener = prev.Equals("from", StringComparison.OrdinalIgnoreCase) || prev.Equals("between", StringComparison.OrdinalIgnoreCase);
        return between is "-" or "–" or "—" || opener && (!between.Equals("and", StringComparison.OrdinalIgnoreCase) || prev.Equals("between", StringComparison.OrdinalIgnoreCase));
    }

    // True when the extent spells a year: four digits in a row, or an apostrophe year ('97).
    private static bool WritesYear(string text, TimexMatch t)
    {
        int run = 0;
        for (int i = t.Start; i < t.End; i++)
        {
            char ch = text[i];
            if (char.IsAsciiDigit(ch)) { if (++run == 4) return true; }
            else { if ((ch == '\'' || ch == '’') && i + 2 < t.End && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])) return true; run = 0; }
        }
        return false;
    }

    private static string ShiftYear(string value, int by) =>
        TimeCalendar.Y(int.Parse(value.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture) + by) + value[4..];

    [ThreadStatic] private static System.Text.StringBuilder? t_builder;

    private (string Value, string? Mod, bool FromReference, TimeContext Context)? Evaluate(Document doc, TimeToken[] toks, int from, int to, Candidate c, ReferenceState state)
    {
        var ctx = new TimeContext(this, doc, toks, from, to, c.Caps, c.MatchStart, c.MatchEnd, c.ExtStart, c.ExtEnd, state);
        var sb = t_builder ??= new System.Text.StringBuilder(32);
        sb.Clear();
        foreach (var p in c.Rule.Value)
        {
            if (p.Text is not null) { sb.Append(p.Text); continue; }
            var v = TimeFunctions.Call(p.Function!, ctx, p.Args);
            if (v is null) return null;
            sb.Append(v);
        }
        string? mod = c.Rule.Mod;
        if (mod is not null && mod.StartsWith('$'))
        {
            var w = ctx.Cap(int.Parse(mod.AsSpan(1)));
            mod = w is null ? null : Lexicon.Get("mod", w);
        }
        var value = sb.ToString();
        return value.Length == 0 ? null : (value, mod, ctx.UsedReference, ctx);
    }

    // Tokens [from, to) written as one hyphenated word ("30-day", "third-quarter"): adjacent, with a hyphen among them.
    private static bool IsHyphenCompound(string text, TimeToken[] toks, int from, int to)
    {
        bool hyphen = false;
        for (int k = from; k < to; k++)
        {
            if (k > from && toks[k].Start != toks[k - 1].End) return false;
            if (toks[k].End - toks[k].Start == 1 && text[toks[k].Start] is '-' or '‐') hyphen = true;
        }
        return hyphen;
    }

    private static bool IsThe(string text, in TimeToken t) => t.End - t.Start == 3 && text.AsSpan(t.Start, 3).Equals("the", StringComparison.OrdinalIgnoreCase);

    /// <summary>Token index where <paramref name="words"/> start when they end right before token <paramref name="at"/>, else -1.</summary>
    private static int PhraseBefore(string text, TimeToken[] toks, string[] words, int at, int floor, bool allowHyphen)
    {
        int j = at - 1;
        if (allowHyphen && j >= floor && toks[j].End - toks[j].Start == 1 && text[toks[j].Start] == '-' && toks[j].End == toks[at].Start) j--;
        for (int w = words.Length - 1; w >= 0; w--, j--)
        {
            if (j < floor) return -1;
            if (!text.AsSpan(toks[j].Start, toks[j].End - toks[j].Start).Equals(words[w], StringComparison.OrdinalIgnoreCase)) return -1;
        }
        return j + 1;
    }

    private int MatchFrom(string text, TimeToken[] toks, TimeRule rule, int e, int pos, int limit, Span<(int S, int E)> caps)
    {
        if (e == rule.Elements.Length) return pos;
        var el = rule.Elements[e];
        if (el.Negative)
        {
            if (pos < limit && MatchAtoms(text, toks, el, pos, limit) > pos) return -1;
            caps[e] = (-1, -1);
            return MatchFrom(text, toks, rule, e + 1, pos, limit, caps);
        }
        if (pos < limit)
        {
            int end = MatchAtoms(text, toks, el, pos, Math.Min(limit, pos + MaxMatchTokens));
            if (end > pos)
            {
                caps[e] = (pos, end);
                int r = MatchFrom(text, toks, rule, e + 1, end, limit, caps);
                if (r >= 0) return r;
            }
        }
        if (el.Optional)
        {
            caps[e] = (-1, -1);
            return MatchFrom(text, toks, rule, e + 1, pos, limit, caps);
        }
        return -1;
    }

    private int MatchAtoms(string text, TimeToken[] toks, Element el, int pos, int limit)
    {
        ref readonly var t = ref toks[pos];
        foreach (var a in el.Atoms)
        {
            switch (a.Kind)
            {
                case AtomKind.Literal: if (t.Lit == a.Id) return pos + 1; break;
                case AtomKind.Section: if ((t.Sections & (1UL << a.Id)) != 0) return pos + 1; break;
                default:
                    int end = TimeBuiltins.Match((Builtin)a.Id, Lexicon, text, toks, pos, limit);
                    if (end > pos) return end;
                    break;
            }
        }
        return -1;
    }
}
