using System.Globalization;
using Dossier.Resources;

namespace Dossier.Extraction.Events;

/// <summary>Goldstein scores and the CAMEO → PLOVER mapping, loaded once from embedded tables.</summary>
/// <remarks>Lookups fall back from the full code to shorter prefixes (0841 → 084 → 08), so a code missing from a table
/// still gets its parent's value. Immutable; thread-safe.</remarks>
public static class CameoTables
{
    private static readonly Lazy<Dictionary<string, double>> Goldstein = new(() =>
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.Lines("goldstein.tsv"))
        {
            var p = line.Split('\t');
            if (p.Length >= 2 && double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) d[p[0]] = v;
        }
        return d;
    });

    private static readonly Lazy<Dictionary<string, (string Category, string? Mode)>> Plover = new(() =>
    {
        var d = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.Lines("plover-cameo.tsv"))
        {
            var p = line.Split('\t');
            if (p.Length >= 2) d[p[0]] = (p[1], p.Length > 2 && p[2].Length > 0 ? p[2] : null);
        }
        return d;
    });

    /// <summary>Goldstein score of a CAMEO code (most specific code present, else its root), or 0.</summary>
    public static double GoldsteinOf(string cameo)
    {
        for (int n = cameo.Length; n >= 2; n--)
            if (Goldstein.Value.TryGetValue(cameo[..n], out var v)) return v;
        return 0;
    }

    /// <summary>PLOVER category and mode of a CAMEO code, or (null, null) for codes PLOVER does not cover.</summary>
    public static (string? Category, string? Mode) PloverOf(string cameo)
    {
        // The 2021 table leaves out 01 (public statements, not events in PLOVER) and 02 (appeals); PLOVER's REQUEST
        // category covers appeals, so 02x maps there.
        if (cameo.StartsWith("02", StringComparison.Ordinal)) return ("REQUEST", null);
        for (int n = cameo.Length; n >= 2; n--)
            if (Plover.Value.TryGetValue(cameo[..n], out var v))
                return (v.Category, n == cameo.Length ? v.Mode : null);
        return (null, null);
    }
}
