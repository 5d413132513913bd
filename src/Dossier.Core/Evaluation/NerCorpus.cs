using System.IO.Compression;
using System.Text;

namespace Dossier.Evaluation;

/// <summary>One word of a token-level NER corpus: the word, its POS tag and its BIO tag ("B-per", "I-geo", "O").</summary>
public readonly record struct NerWord(string Word, string Pos, string Tag);

/// <summary>One sentence of a token-level NER corpus.</summary>
public sealed record NerSentence(int Id, NerWord[] Words)
{
    /// <summary>The sentence text rebuilt by joining words with single spaces (the convention the scorer maps spans with).</summary>
    public string Text => string.Join(" ", Words.Select(w => w.Word));
}

/// <summary>Reads the GMB "Annotated Corpus for NER" CSV layout (header "Sentence #,Word,POS,Tag"; .gz read transparently).</summary>
/// <remarks>Used by the evaluation and by the data compiler; never on the product's hot path.</remarks>
public static class GmbCorpus
{
    /// <summary>Reads every sentence of a GMB-format CSV file.</summary>
    public static IEnumerable<NerSentence> Read(string path)
    {
        using Stream raw = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var r = new StreamReader(s, Encoding.UTF8);
        r.ReadLine(); // header
        var words = new List<NerWord>();
        int id = 0;
        var fields = new string[4];
        while (r.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (SplitCsv(line, fields) < 4) continue;
            if (fields[0].Length > 0)
            {
                if (words.Count > 0) yield return new NerSentence(id, words.ToArray());
                words.Clear();
                id = int.TryParse(fields[0].AsSpan(fields[0].LastIndexOf(' ') + 1), out var n) ? n : id + 1;
            }
            words.Add(new NerWord(fields[1], fields[2], fields[3]));
        }
        if (words.Count > 0) yield return new NerSentence(id, words.ToArray());
    }

    // RFC 4180 fields of one line: quoted fields may hold commas and doubled quotes.
    private static int SplitCsv(string line, string[] into)
    {
        int n = 0, i = 0;
        var sb = new StringBuilder();
        while (n < into.Length)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++; break;
                    }
                    sb.Append(line[i++]);
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',') sb.Append(line[i++]);
            }
            into[n++] = sb.ToString();
            if (i >= line.Length) break;
            i++; // the comma
        }
        return n;
    }
}
