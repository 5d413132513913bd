namespace Dossier.Evaluation;

/// <summary>Scores of a main-text extraction run (trafilatura's benchmark definition).</summary>
public sealed record MainTextScore(int Pages, int Failed, int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    /// <summary>TP / (TP + FP).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN).</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>(TP + TN) over all segments.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>One line: "pages 190 (failed 2)  P 0.912  R 0.873  F1 0.892  accuracy 0.870".</summary>
    public override string ToString() =>
        $"pages {Pages} (failed {Failed})  P {Precision:F3}  R {Recall:F3}  F1 {F1:F3}  accuracy {Accuracy:F3}  (TP {TruePositives} FN {FalseNegatives} FP {FalsePositives} TN {TrueNegatives})";
}

/// <summary>Accumulates segment counts page by page: a "with" segment found is a TP, missing an FN; a "without" segment found is an FP, absent a TN.</summary>
/// <remarks>Segments and text are compared after collapsing whitespace runs to one space (line breaks are layout, not content)
/// and dropping invisible format characters (soft hyphens, zero-width spaces), which cleaning removes.
/// Not thread-safe: one scorer per run.</remarks>
public sealed class MainTextScorer
{
    private int _pages, _failed, _tp, _fn, _fp, _tn;

    /// <summary>Scores one page; <paramref name="extracted"/> null means extraction failed (every "with" is missed).</summary>
    public (int Tp, int Fn, int Fp, int Tn) Add(string? extracted, IEnumerable<string> with, IEnumerable<string> without)
    {
        _pages++;
        if (extracted is null) _failed++;
        var text = extracted is null ? "" : Collapse(extracted);
        int tp = 0, fn = 0, fp = 0, tn = 0;
        foreach (var w in with) if (Found(text, w)) tp++; else fn++;
        foreach (var w in without) if (Found(text, w)) fp++; else tn++;
        _tp += tp; _fn += fn; _fp += fp; _tn += tn;
        return (tp, fn, fp, tn);
    }

    /// <summary>The totals so far.</summary>
    public MainTextScore Score => new(_pages, _failed, _tp, _fn, _fp, _tn);

    private static bool Found(string text, string segment)
    {
        var s = Collapse(segment).Trim();
        return s.Length > 0 && text.Contains(s, StringComparison.Ordinal);
    }

    /// <summary>Collapses every whitespace run to one space and drops format characters.</summary>
    public static string Collapse(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            // Invisible format characters (soft hyphens, zero-width spaces) are dropped on both sides: the cleaner removes them.
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
