using Dossier.Documents;

namespace Dossier.Extraction.Time;

/// <summary>Tense of the clause around a timex, for choosing between the last and the next "Friday".</summary>
/// <remarks><see cref="Modal"/>: the nearest verb is a modal ("could", "would", "may"), which says nothing about the direction
/// ("could be located Wednesday" is the day before, "might come as soon as Tuesday" the day after): the nearest date wins.</remarks>
internal enum Tense : byte { None, Past, Future, Modal }

/// <summary>What a normalisation function sees of one match: the captures, the sentence, the reference times.</summary>
internal sealed class TimeContext(TimeGrammar grammar, Document doc, TimeToken[] toks, int sentFrom, int sentTo,
    (int S, int E)[] caps, int matchStart, int matchEnd, int extStart, int extEnd, ReferenceState refs)
{
    public TimeLexicon Lex => grammar.Lexicon;
    /// <summary>The reference state; reading it marks the value as computed from the reference time.</summary>
    public ReferenceState Refs { get { UsedReference = true; return refs; } }
    /// <summary>The reference state without marking the value as derived (for checks that fall back to the anchor).</summary>
    public ReferenceState PeekRefs => refs;
    /// <summary>True once a function read the reference time (such values do not move it).</summary>
    public bool UsedReference { get; private set; }
    /// <summary>The publication date, or null.</summary>
    public DateOnly? Anchor => refs.Anchor;
    public int MatchStart => matchStart;
    public int MatchEnd => matchEnd;

    /// <summary>Text of pattern element n (1-based), or null when that optional element did not match.</summary>
    public string? Cap(int n)
    {
        if (n < 1 || n > caps.Length || caps[n - 1].S < 0) return null;
        return doc.Text[toks[caps[n - 1].S].Start..toks[caps[n - 1].E - 1].End];
    }

    /// <summary>Matcher token range of element n, or (-1,-1).</summary>
    public (int S, int E) CapRange(int n) => n >= 1 && n <= caps.Length ? caps[n - 1] : (-1, -1);

    /// <summary>An argument: "$n" is a capture, "_" is absent, anything else is itself.</summary>
    public string? Arg(string a) => a == "_" ? null : a.StartsWith('$') ? Cap(int.Parse(a.AsSpan(1))) : a;

    /// <summary>Text of a matcher token, or empty outside the sentence.</summary>
    public ReadOnlySpan<char> TokenText(int i) => i >= sentFrom && i < sentTo ? doc.Text.AsSpan(toks[i].Start, toks[i].End - toks[i].Start) : default;
    public bool InSentence(int i) => i >= sentFrom && i < sentTo;
    public ref readonly TimeToken Token(int i) => ref toks[i];
    public string Text => doc.Text;
    public TimeToken[] Tokens => toks;
    public int SentenceStart => sentFrom;

    private Tense? _tense;

    /// <summary>Tense of the nearest verb form around the timex (left side first at equal distance), from the [past]/[future] lists and -ed forms.</summary>
    public Tense Tense => _tense ??= FindTense();

    private Tense FindTense()
    {
        for (int d = 1; d < 40; d++)
        {
            int l = extStart - d, r = extEnd - 1 + d;
            if (l < sentFrom && r >= sentTo) break;
            // A reporting verb away from the timex ("… in early March, an official said") tells when it was said, not when it happens.
            bool near = d <= 2;
            if (l >= sentFrom && TenseOf(l, near) is var tl && tl != Tense.None) return tl;
            if (r < sentTo && TenseOf(r, near) is var tr && tr != Tense.None) return tr;
        }
        return Tense.None;
    }

    private Tense TenseOf(int i, bool near)
    {
        var s = doc.Text.AsSpan(toks[i].Start, toks[i].End - toks[i].Start);
        if (Lex.Get("future", s) is { } fut) return fut == "modal" ? Tense.Modal : Tense.Future;
        // An infinitive ("planned to leave on Thursday") points ahead of the clause it depends on.
        if (s.Equals("to", StringComparison.OrdinalIgnoreCase) && i + 1 < sentTo && i + 1 < extStart)
        {
            var nx = TokenText(i + 1);
            if (nx.Length > 1 && char.IsLower(nx[0]) && Lex.Get("determiner", nx) is null) return Tense.Future;
        }
        if (s.Equals("going", StringComparison.OrdinalIgnoreCase) && i + 1 < sentTo && TokenText(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase)) return Tense.Future;
        var pastWord = Lex.Get("past", s);
        if (pastWord == "report" && !near) return Tense.None;
        bool past = pastWord is not null || s.Length >= 5 && s.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(s[0]);
        if (!past) return Tense.None;
        // "will be held": a participle after "be" carries no tense of its own; the auxiliary decides.
        var prev = TokenText(i - 1);
        if (prev.Equals("be", StringComparison.OrdinalIgnoreCase) || prev.Equals("been", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("being", StringComparison.OrdinalIgnoreCase)) return Tense.None;
        return Tense.Past;
    }
}
