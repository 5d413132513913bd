using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Evaluation;

/// <summary>A timex to score: a character range with its type and value (gold or system).</summary>
public readonly record struct ScoredTimex(int Start, int End, TimexType Type, string Value, string? Mod = null);

/// <summary>What went wrong with one timex (<see cref="TimexErrorKind.Correct"/>: nothing; kept for listing every pair).</summary>
public enum TimexErrorKind : byte { Missed, Spurious, Extent, Type, Value, Correct }

/// <summary>One error, with the gold and system sides (either may be absent).</summary>
public sealed record TimexError(string Document, TimexErrorKind Kind, string? GoldText, TimexType? GoldType, string? GoldValue,
    string? SystemText, TimexType? SystemType, string? SystemValue, string Context)
{
    /// <summary>A key that groups errors by kind rather than by document: the kind, the types and the shapes of the values.</summary>
    public string KindKey => Kind switch
    {
        TimexErrorKind.Missed => $"missed {GoldType} {Shape(GoldValue)}",
        TimexErrorKind.Spurious => $"spurious {SystemType} {Shape(SystemValue)}",
        TimexErrorKind.Extent => $"extent {GoldType}",
        TimexErrorKind.Type => $"type {GoldType}→{SystemType}",
        TimexErrorKind.Correct => $"correct {GoldType} {Shape(GoldValue)}",
        _ => $"value {GoldType} {Shape(GoldValue)}→{Shape(SystemValue)}",
    };

    /// <summary>The value with digits replaced by 9 (2024-12-08 → 9999-99-99), its "shape".</summary>
    public static string Shape(string? v)
    {
        if (v is null) return "-";
        return string.Create(v.Length, v, (span, s) => { for (int i = 0; i < s.Length; i++) span[i] = char.IsAsciiDigit(s[i]) ? '9' : s[i]; });
    }

    public override string ToString() =>
        $"{Document}: {Kind} gold [{GoldText}] {GoldType} {GoldValue} | sys [{SystemText}] {SystemType} {SystemValue} | …{Context}…";
}

/// <summary>TempEval-3 Task A figures: strict and relaxed precision/recall/F1, type and value accuracy and F1.</summary>
public sealed record TimexScores(int Gold, int System, int Relaxed, int Strict, int TypeCorrect, int ValueCorrect)
{
    public double RelaxedPrecision => Div(Relaxed, System);
    public double RelaxedRecall => Div(Relaxed, Gold);
    public double RelaxedF1 => F(RelaxedPrecision, RelaxedRecall);
    public double StrictPrecision => Div(Strict, System);
    public double StrictRecall => Div(Strict, Gold);
    public double StrictF1 => F(StrictPrecision, StrictRecall);
    /// <summary>Share of relaxed matches with the gold type.</summary>
    public double TypeAccuracy => Div(TypeCorrect, Relaxed);
    /// <summary>Share of relaxed matches with exactly the gold value string.</summary>
    public double ValueAccuracy => Div(ValueCorrect, Relaxed);
    /// <summary>Type accuracy × relaxed F1.</summary>
    public double TypeF1 => TypeAccuracy * RelaxedF1;
    /// <summary>Value accuracy × relaxed F1 (the TempEval-3 ranking figure).</summary>
    public double ValueF1 => ValueAccuracy * RelaxedF1;

    /// <summary>Sum of two score sets (micro-averaging over documents).</summary>
    public static TimexScores operator +(TimexScores a, TimexScores b) =>
        new(a.Gold + b.Gold, a.System + b.System, a.Relaxed + b.Relaxed, a.Strict + b.Strict, a.TypeCorrect + b.TypeCorrect, a.ValueCorrect + b.ValueCorrect);

    /// <summary>No timexes.</summary>
    public static readonly TimexScores Zero = new(0, 0, 0, 0, 0, 0);

    private static double Div(int a, int b) => b == 0 ? 0 : (double)a / b;
    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    public override string ToString() =>
        $"gold {Gold} system {System} | relaxed P {RelaxedPrecision:P2} R {RelaxedRecall:P2} F1 {RelaxedF1:P2} | strict F1 {StrictF1:P2} | type acc {TypeAccuracy:P2} | value acc {ValueAccuracy:P2} value F1 {ValueF1:P2}";
}

/// <summary>Scores system timexes against gold ones the way the TempEval-3 Task A toolkit does.</summary>
/// <remarks>
/// Both sides are mapped to token ranges (the text tokenised once); a system timex pairs with a gold one when their token
/// ranges overlap, one to one, first come first served in text order. Relaxed = paired; strict = paired with the same
/// token extent. Type and value are compared on relaxed matches only; value strings must be identical.
/// </remarks>
public static class TimexScorer
{
    /// <summary>Scores one document and appends its errors.</summary>
    public static TimexScores Score(string docId, string text, IReadOnlyList<ScoredTimex> gold, IReadOnlyList<ScoredTimex> system, List<TimexError>? errors = null)
    {
        var tokens = Segmenter.Tokenize(text);
        var g = gold.OrderBy(t => t.Start).Select(t => (T: t, R: TokenRange(tokens, t))).ToArray();
        var s = system.OrderBy(t => t.Start).Select(t => (T: t, R: TokenRange(tokens, t))).ToArray();
        var pairedSys = new int[s.Length];
        Array.Fill(pairedSys, -1);
        int relaxed = 0, strict = 0, type = 0, value = 0;
        for (int gi = 0; gi < g.Length; gi++)
        {
            int match = -1;
            for (int si = 0; si < s.Length; si++)
            {
                if (pairedSys[si] >= 0) continue;
                if (s[si].R.First <= g[gi].R.Last && g[gi].R.First <= s[si].R.Last) { match = si; break; }
            }
            var gt = g[gi].T;
            if (match < 0)
            {
                errors?.Add(new TimexError(docId, TimexErrorKind.Missed, Slice(text, gt), gt.Type, gt.Value, null, null, null, Context(text, gt)));
                continue;
            }
            pairedSys[match] = gi;
            relaxed++;
            var st = s[match].T;
            bool sameExtent = s[match].R == g[gi].R;
            if (sameExtent) strict++;
            if (st.Type == gt.Type) type++;
            if (st.Value == gt.Value) value++;
            if (errors is null) continue;
            var k = st.Value != gt.Value ? TimexErrorKind.Value : st.Type != gt.Type ? TimexErrorKind.Type : !sameExtent ? TimexErrorKind.Extent : TimexErrorKind.Correct;
            errors.Add(new TimexError(docId, k, Slice(text, gt), gt.Type, gt.Value, Slice(text, st), st.Type, st.Value, Context(text, gt)));
        }
        for (int si = 0; si < s.Length; si++)
        {
            if (pairedSys[si] >= 0) continue;
            var st = s[si].T;
            errors?.Add(new TimexError(docId, TimexErrorKind.Spurious, null, null, null, Slice(text, st), st.Type, st.Value, Context(text, st)));
        }
        return new TimexScores(g.Length, s.Length, relaxed, strict, type, value);
    }

    // The tokens a character range touches; an empty range gets the token at its position.
    private static (int First, int Last) TokenRange(Token[] tokens, ScoredTimex t)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= t.Start) lo = mid + 1; else hi = mid - 1;
        }
        int first = lo, last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].Start < t.End) last++;
        return (first, last);
    }

    private static string Slice(string text, ScoredTimex t) => text[t.Start..t.End];

    private static string Context(string text, ScoredTimex t)
    {
        int a = Math.Max(0, t.Start - 50), b = Math.Min(text.Length, t.End + 50);
        return text[a..b].Replace('\n', ' ');
    }
}
