using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Dossier.DataCompiler;

/// <summary>Compiles gazetteer/world-countries.json into data/compiled/actors-countries.tsv.gz (country names, capitals, demonyms).</summary>
/// <remarks>
/// One line per country: iso3, common name, official name, alternative names (|), capitals (|), demonyms (|), iso2, UN member (1/0: a member state wins a shared demonym or capital over a territory).
/// Two-letter alternative spellings are ISO codes ("RU", "SY") that are rarely written as names: only the well-known
/// short forms (US, UK) and three-or-more-letter abbreviations (USA, UAE, DRC) are kept.
/// </remarks>
public sealed class ActorCountriesCompiler : ICompiler
{
    public string Name => "actors-countries";

    private static readonly HashSet<string> KeepTwoLetter = new(StringComparer.Ordinal) { "US", "UK" };

    public void Run(string sharedData, string output)
    {
        string src = Path.Combine(sharedData, "gazetteer", "world-countries.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(src));
        var sb = new StringBuilder();
        sb.Append("# iso3\tcommon\tofficial\talt names\tcapitals\tdemonyms\tiso2\tun member — from world-countries 5.1.0 (ODbL 1.0)\n");
        int n = 0;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            string iso3 = c.GetProperty("cca3").GetString()!;
            string iso2 = c.GetProperty("cca2").GetString()!;
            var name = c.GetProperty("name");
            string common = name.GetProperty("common").GetString()!;
            string official = name.GetProperty("official").GetString()!;
            var alts = new List<string>();
            foreach (var a in c.GetProperty("altSpellings").EnumerateArray())
            {
                string s = a.GetString()!.Trim();
                if (s.Length == 0 || s.Contains(',') || s == common || s == official) continue;
                if (s.Length == 2 && !KeepTwoLetter.Contains(s)) continue;
                alts.Add(s);
            }
            var caps = new List<string>();
            if (c.TryGetProperty("capital", out var capArr))
                foreach (var a in capArr.EnumerateArray())
                {
                    string s = a.GetString()!.Trim();
                    // "Washington D.C." is written "Washington" in news text.
                    if (s.EndsWith(" D.C.", StringComparison.Ordinal)) s = s[..^5];
                    if (s.Length > 0) caps.Add(s);
                }
            var dems = new List<string>();
            if (c.TryGetProperty("demonyms", out var dm) && dm.TryGetProperty("eng", out var eng))
                foreach (var p in eng.EnumerateObject())
                {
                    string s = p.Value.GetString()!.Trim();
                    if (s.Length > 0 && !dems.Contains(s)) dems.Add(s);
                }
            sb.Append(iso3).Append('\t').Append(Clean(common)).Append('\t').Append(Clean(official)).Append('\t')
              .Append(string.Join('|', alts.Select(Clean))).Append('\t').Append(string.Join('|', caps.Select(Clean))).Append('\t')
              .Append(string.Join('|', dems.Select(Clean))).Append('\t').Append(iso2).Append('\t')
              .Append(c.TryGetProperty("unMember", out var un) && un.ValueKind == JsonValueKind.True ? '1' : '0').Append('\n');
            n++;
        }
        string path = Path.Combine(output, "actors-countries.tsv.gz");
        Write(path, sb.ToString());
        Console.WriteLine($"{path}: {n} countries");
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('|', ' ');

    /// <summary>Writes text gzip-compressed with a fixed header (no timestamp), so rebuilds are byte-identical.</summary>
    internal static void Write(string path, string text)
    {
        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.SmallestSize);
        var bytes = Encoding.UTF8.GetBytes(text);
        gz.Write(bytes, 0, bytes.Length);
    }
}
