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

    private static readonly Lazy<(Dictionary<string, (string Category, string? Mode)> Plover, Dictionary<string, string> Names)> Tables = new(() =>
    {
        var d = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.Lines("plover-cameo.tsv"))
        {
            var p = line.Split('\t');
            if (p.Length >= 2) d[p[0]] = (p[1], p.Length > 2 && p[2].Length > 0 ? p[2] : null);
            if (p.Length >= 5 && p[4].Length > 0) names[p[0]] = p[4];
        }
        return (d, names);
    });

    // The twenty CAMEO root categories (01 … 20) by their names in the CAMEO manual: the table above names the codes
    // under them but not the roots, and not 01x/02x at all.
    private static readonly string[] RootNames =
    [
        "Make public statement", "Appeal", "Express intent to cooperate", "Consult", "Engage in diplomatic cooperation",
        "Engage in material cooperation", "Provide aid", "Yield", "Investigate", "Demand", "Disapprove", "Reject", "Threaten",
        "Protest", "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight", "Use unconventional mass violence",
    ];

    /// <summary>Every CAMEO code with a name (the roots 01–20 and the codes under them), in code order.</summary>
    public static IEnumerable<string> Codes() =>
        Enumerable.Range(1, 20).Select(i => i.ToString("00", CultureInfo.InvariantCulture)).Concat(Tables.Value.Names.Keys)
            .Distinct().Order(StringComparer.Ordinal);

    /// <summary>The name of a CAMEO code ("043" → "Host a visit"), else of its root category ("0121" → "Make public
    /// statement"); null for a code outside CAMEO.</summary>
    public static string? NameOf(string cameo)
    {
        if (Tables.Value.Names.TryGetValue(cameo, out var name)) return name;
        return cameo.Length >= 2 && int.TryParse(cameo.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int root) && root is >= 1 and <= 20
            ? RootNames[root - 1] : null;
    }

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
            if (Tables.Value.Plover.TryGetValue(cameo[..n], out var v))
                return (v.Category, n == cameo.Length ? v.Mode : null);
        return (null, null);
    }
}
