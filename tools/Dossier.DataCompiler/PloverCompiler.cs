using System.Text;

namespace Dossier.DataCompiler;

/// <summary>
/// Compiles plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data Alliance) into plover-cameo.tsv:
/// CAMEO code → PLOVER category, mode (possibly empty), context (possibly empty) and the CAMEO code's name as the table's
/// comment gives it ("Host a visit"; possibly empty).
/// </summary>
/// <remarks>Lines look like "0841: RETREAT, release,   legal # comment"; two-digit root lines ("04: CONSULT") give the root's
/// category. When a code appears twice (175) the first line wins.</remarks>
public sealed class PloverCompiler : ICompiler
{
    public string Name => "plover";

    public void Run(string sharedData, string output)
    {
        string src = Path.Combine(sharedData, "plover", "CAMEO2PLOVER-2021.txt");
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(src, Encoding.UTF8))
        {
            string line = raw;
            int hash = line.IndexOf('#');
            string label = hash >= 0 ? line[(hash + 1)..].Trim().Replace('\t', ' ') : "";
            if (hash >= 0) line = line[..hash];
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            string code = line[..colon].Trim();
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit)) continue;
            var parts = line[(colon + 1)..].Split(',').Select(p => p.Trim()).ToArray();
            if (parts.Length == 0 || parts[0].Length == 0) continue;
            string cat = parts[0].ToUpperInvariant();
            string mode = parts.Length > 1 ? parts[1] : "";
            string ctx = parts.Length > 2 ? parts[2].Replace(' ', '_').Replace(";_", ";") : "";
            rows.TryAdd(code, $"{code}\t{cat}\t{mode}\t{ctx}\t{label}");
        }
        string dest = Path.Combine(output, "plover-cameo.tsv");
        using var w = new StreamWriter(dest, false, new UTF8Encoding(false));
        w.WriteLine("# plover-cameo: CAMEO code, PLOVER category, mode, context, CAMEO name. From openeventdata/PLOVER CAMEO2PLOVER-2021.txt (draft 17 Sep 2021), CC BY-SA 4.0, (c) Open Event Data Alliance");
        foreach (var r in rows.Values) w.WriteLine(r);
        Console.WriteLine($"{dest}: {rows.Count} codes");
    }
}
