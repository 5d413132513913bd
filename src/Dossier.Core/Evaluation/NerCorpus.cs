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
    /// <remarks>
    /// The first line must be the header (<c>Sentence #,Word,POS,Tag</c>), otherwise the file is refused (DSR211): a
    /// binary file or another CSV must not be trained or scored on by accident. A line that cannot be read (fewer than four
    /// fields, an empty word, a tag that is not O, B-x or I-x) is skipped and reported through <paramref name="warn"/> as
    /// "path:line: reason"; NUL bytes anywhere refuse the file.
    /// </remarks>
    public static IEnumerable<NerSentence> Read(string path, Action<string>? warn = null)
    {
        using Stream raw = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var r = new StreamReader(s, Encoding.UTF8);
        var fields = new string[4];
        var header = r.ReadLine();
        if (header is null || header.Contains('\0') || SplitCsv(header, fields) < 4 || !fields[0].StartsWith("Sentence", StringComparison.OrdinalIgnoreCase)
            || !fields[1].Equals("Word", StringComparison.OrdinalIgnoreCase) || !fields[3].Equals("Tag", StringComparison.OrdinalIgnoreCase))
            throw new DossierException(Errors.BadNerCorpus(path, "the first line is not the header 'Sentence #,Word,POS,Tag'"));
        var words = new List<NerWord>();
        int id = 0, lineNo = 1;
        while (r.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            if (line.Contains('\0')) throw new DossierException(Errors.BadNerCorpus(path, $"binary content at line {lineNo}"));
            string? bad = SplitCsv(line, fields) < 4 ? "expected 4 fields (Sentence #,Word,POS,Tag)"
                : fields[1].Length == 0 ? "empty word"
                : !IsTag(fields[3]) ? $"tag '{Clip(fields[3])}' is not O, B-type or I-type"
                : null;
            if (bad != null) { warn?.Invoke($"{path}:{lineNo}: {bad}"); continue; }
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

    /// <summary>Reads the whole file (see <see cref="Read"/>); a damaged file (a broken .gz, an I/O error) gives DSR211 too.</summary>
    public static List<NerSentence> ReadAll(string path, Action<string>? warn = null)
    {
        try { return Read(path, warn).ToList(); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new DossierException(Errors.BadNerCorpus(path, e.Message));
        }
    }

    private static bool IsTag(string t) =>
        t == "O" || t.Length >= 3 && t.Length <= 24 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-';

    private static string Clip(string s) => s.Length <= 24 ? s : s[..24] + "…";

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
