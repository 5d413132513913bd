using System.IO.Compression;
using System.Text;
using Dossier.Evaluation;

namespace Dossier.DataCompiler;

/// <summary>
/// Compiles per-word statistics from the GMB NER training split (ner-gmb/train.csv.gz) into ner-wordstats.tsv.gz:
/// how often a word is written lower-case vs capitalised mid-sentence, and how often it is tagged per/org/geo/gpe/tim.
/// </summary>
/// <remarks>
/// Columns: word (lower-cased), lowerMid, capMid, capInit, per, org, geo, gpe, tim, other, first.
/// "first" counts a capitalised per-tagged word followed by another per-tagged word (a given name or a title; titles are
/// filtered at run time by the cue lexicon). Only train.csv.gz is read, never dev or test, so the evaluation stays honest.
/// </remarks>
public sealed class NerStatsCompiler : ICompiler
{
    public string Name => "ner-stats";

    private sealed class Stat
    {
        public int LowerMid, CapMid, CapInit, Per, Org, Geo, Gpe, Tim, Other, First;
        public int Total => LowerMid + CapMid + CapInit;
    }

    public void Run(string sharedData, string output)
    {
        var src = Path.Combine(sharedData, "ner-gmb", "train.csv.gz");
        var stats = new Dictionary<string, Stat>(StringComparer.Ordinal);
        foreach (var s in GmbCorpus.Read(src))
        {
            var w = s.Words;
            for (int i = 0; i < w.Length; i++)
            {
                var word = w[i].Word;
                if (word.Length == 0 || !char.IsLetter(word[0])) continue;
                var key = word.ToLowerInvariant();
                if (!stats.TryGetValue(key, out var st)) stats[key] = st = new Stat();
                bool cap = char.IsUpper(word[0]);
                if (!cap) st.LowerMid += i > 0 ? 1 : 0;
                else if (i == 0) st.CapInit++;
                else st.CapMid++;
                var tag = w[i].Tag;
                if (tag.Length < 3) continue;
                switch (tag.AsSpan(2))
                {
                    case "per": st.Per++; break;
                    case "org": st.Org++; break;
                    case "geo": st.Geo++; break;
                    case "gpe": st.Gpe++; break;
                    case "tim": st.Tim++; break;
                    default: st.Other++; break;
                }
                if (cap && tag.EndsWith("per") && i + 1 < w.Length && w[i + 1].Tag == "I-per") st.First++;
            }
        }
        var file = Path.Combine(output, "ner-wordstats.tsv.gz");
        int kept = 0;
        using (var fs = File.Create(file))
        using (var gz = new GZipStream(fs, CompressionLevel.SmallestSize))
        using (var wr = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            wr.WriteLine("# word\tlowerMid\tcapMid\tcapInit\tper\torg\tgeo\tgpe\ttim\tother\tfirst  (from GMB ner-gmb/train.csv.gz)");
            foreach (var (k, st) in stats.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                // Singletons carry no evidence unless they were tagged as a name.
                if (st.Total < 2 && st.Per + st.Org + st.Geo + st.Gpe == 0) continue;
                wr.WriteLine($"{k}\t{st.LowerMid}\t{st.CapMid}\t{st.CapInit}\t{st.Per}\t{st.Org}\t{st.Geo}\t{st.Gpe}\t{st.Tim}\t{st.Other}\t{st.First}");
                kept++;
            }
        }
        Console.WriteLine($"{file}: {kept} words, {new FileInfo(file).Length:N0} bytes");
    }
}
