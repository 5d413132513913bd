using System.IO.Compression;
using System.Text;

namespace Dossier.DataCompiler;

/// <summary>
/// Compiles the names of every place of at least 1,000 people (ner-minor-places.txt.gz) from
/// gazetteer/geonames-cities1000-compact.tsv.gz (GeoNames, CC BY): one name per line, the GeoNames name and its ASCII form.
/// </summary>
/// <remarks>
/// Not a tagger feature (the model was trained on the 15,000-people gazetteer): the entity recogniser reads it only to
/// tell a name it typed as a place and no other list knows ("Kibera", "Lairg") from a name it mistook for one
/// ("Nintendo", "Anfield").
/// </remarks>
public sealed class MinorPlacesCompiler : ICompiler
{
    public string Name => "ner-minor-places";

    public void Run(string sharedData, string output)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        using (var fs = File.OpenRead(Path.Combine(sharedData, "gazetteer", "geonames-cities1000-compact.tsv.gz")))
        using (var gz = new GZipStream(fs, CompressionMode.Decompress))
        using (var r = new StreamReader(gz, Encoding.UTF8))
        {
            r.ReadLine();
            while (r.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                if (f.Length < 3) continue;
                foreach (var n in new[] { f[1].Trim(), f[2].Trim() })
                    if (n.Length >= 2 && char.IsUpper(n[0]) && !n.Contains('\t')) names.Add(n);
            }
        }
        var file = Path.Combine(output, "ner-minor-places.txt.gz");
        using (var fs = File.Create(file))
        using (var gz = new GZipStream(fs, CompressionLevel.SmallestSize))
        using (var wr = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            wr.WriteLine("# place names of GeoNames cities1000 (population >= 1,000; CC BY 4.0, (c) GeoNames, geonames.org)");
            foreach (var n in names) wr.WriteLine(n);
        }
        Console.WriteLine($"{file}: {names.Count} names, {new FileInfo(file).Length:N0} bytes");
    }
}
