using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Dossier.DataCompiler;

/// <summary>
/// Compiles the place gazetteer for the entity recogniser (ner-gazetteer.tsv.gz) from gazetteer/world-countries.json
/// (ODbL) and gazetteer/geonames-cities15000.tsv.gz (GeoNames, CC BY).
/// </summary>
/// <remarks>
/// Columns: surface, type (GPE or NORP), weight, code. Weight is a prior: 10 for a country name, 9 for a demonym,
/// log10(population) for a city (a capital gets +1). Code is the ISO alpha-3 country (countries, demonyms) or the
/// ISO alpha-2 country of a city. One line per surface: the heaviest entry wins.
/// Two-letter codes from altSpellings (AW, IN, IT …) are left out: they collide with English words; the few real
/// two-letter names (US, UK) live in the hand-written cue lexicon.
/// </remarks>
public sealed class GazetteerCompiler : ICompiler
{
    public string Name => "ner-gazetteer";

    /// <summary>Cities at least this large also contribute their Latin-script alternate names (Kiev/Kyiv).</summary>
    private const int AlternateNamePopulation = 100_000;

    private readonly Dictionary<string, (string Type, double Weight, string Code)> _entries = new(StringComparer.Ordinal);

    private void Add(string surface, string type, double weight, string code)
    {
        surface = surface.Trim();
        if (surface.Length < 2 || !char.IsUpper(surface[0]) || surface.Contains('\t')) return;
        if (_entries.TryGetValue(surface, out var old) && old.Weight >= weight) return;
        _entries[surface] = (type, weight, code);
    }

    public void Run(string sharedData, string output)
    {
        _entries.Clear();
        var dir = Path.Combine(sharedData, "gazetteer");
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "world-countries.json"))))
        {
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                var code = c.GetProperty("cca3").GetString()!;
                var name = c.GetProperty("name");
                Add(name.GetProperty("common").GetString()!, "GPE", 10, code);
                Add(name.GetProperty("official").GetString()!, "GPE", 10, code);
                foreach (var a in c.GetProperty("altSpellings").EnumerateArray())
                {
                    var s = a.GetString()!;
                    if (s.Length <= 2 || s.Contains(',') || !IsLatin(s)) continue;
                    Add(s, "GPE", 9.5, code);
                }
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    foreach (var g in new[] { "m", "f" })
                    {
                        var d = eng.GetProperty(g).GetString();
                        if (string.IsNullOrEmpty(d)) continue;
                        Add(d, "NORP", 9, code);
                        var plural = Plural(d);
                        if (plural != null) Add(plural, "NORP", 9, code);
                    }
                }
            }
        }
        using (var fs = File.OpenRead(Path.Combine(dir, "geonames-cities15000.tsv.gz")))
        using (var gz = new GZipStream(fs, CompressionMode.Decompress))
        using (var r = new StreamReader(gz, Encoding.UTF8))
        {
            r.ReadLine();
            while (r.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                if (f.Length < 15 || !long.TryParse(f[14], out var pop) || pop <= 0) continue;
                double w = Math.Log10(pop) + (f[7] == "PPLC" ? 1 : 0);
                var cc = f[8];
                Add(f[1], "GPE", w, cc);
                Add(f[2], "GPE", w, cc);
                if (pop < AlternateNamePopulation) continue;
                foreach (var alt in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    // Latin-script, mixed-case names only: all-caps entries are airport and station codes.
                    if (alt.Length < 3 || !IsLatin(alt) || !alt.Any(char.IsLower)) continue;
                    Add(alt, "GPE", w - 0.5, cc);
                }
            }
        }
        var file = Path.Combine(output, "ner-gazetteer.tsv.gz");
        using (var fs = File.Create(file))
        using (var gz = new GZipStream(fs, CompressionLevel.SmallestSize))
        using (var wr = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            wr.WriteLine("# surface\ttype\tweight\tcode  (world-countries ODbL 1.0; GeoNames cities15000 CC BY)");
            foreach (var (k, v) in _entries.OrderBy(p => p.Key, StringComparer.Ordinal))
                wr.WriteLine($"{k}\t{v.Type}\t{v.Weight:0.##}\t{v.Code}");
        }
        Console.WriteLine($"{file}: {_entries.Count} names, {new FileInfo(file).Length:N0} bytes");
    }

    private static bool IsLatin(string s)
    {
        foreach (var ch in s)
            if (!(char.IsLetter(ch) && ch <= '\u024F' || ch is ' ' or '-' or '\'' or '.' or '’')) return false;
        return true;
    }

    // English plural of a demonym used as a noun (Russian → Russians, Israeli → Israelis); -ese/-ish/-ch have none.
    private static string? Plural(string d)
    {
        if (d.EndsWith("ese") || d.EndsWith("ish") || d.EndsWith("ch") || d.EndsWith("s")) return null;
        if (d.EndsWith('n') || d.EndsWith('i') || d.EndsWith('r')) return d + "s";
        return null;
    }
}
