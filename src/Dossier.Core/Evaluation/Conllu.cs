using System.Globalization;

namespace Dossier.Evaluation;

/// <summary>One word of a CoNLL-U sentence (multiword-token lines and empty nodes are annotation and are not words).</summary>
/// <param name="Head">The head's word number (1-based), 0 for the root.</param>
/// <param name="Deprel">The full basic relation, subtype included ("nsubj:pass").</param>
public readonly record struct ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Deprel, string Misc)
{
    /// <summary>The universal part of the relation (before the colon), the unit of LAS.</summary>
    public string UniversalDeprel => Deprel.IndexOf(':') is var c and > 0 ? Deprel[..c] : Deprel;
    /// <summary>False when MISC says SpaceAfter=No.</summary>
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>A sentence of a CoNLL-U file: its words and the line it starts on.</summary>
public sealed record ConlluSentence(int Line, string? Id, string? Text, ConlluWord[] Words)
{
    private static readonly HashSet<string> HeadlineSmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "of", "in", "up", "as", "is",
    };

    /// <summary>The sentence as a headline would write it ("Yukos Owner Sues Russia for Billions"): the first word and
    /// every word of letters but the short function words capitalised; the annotation unchanged. For measuring how the
    /// analysis copes with headline case on gold trees (<c>dossier eval parser --headline-case</c>).</summary>
    public ConlluSentence HeadlineCased()
    {
        var words = new ConlluWord[Words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            var w = Words[i];
            bool letters = w.Form.Length > 0 && w.Form.All(char.IsLetter);
            words[i] = letters && !char.IsUpper(w.Form[0]) && (i == 0 || !HeadlineSmallWords.Contains(w.Form))
                ? w with { Form = char.ToUpperInvariant(w.Form[0]) + w.Form[1..] }
                : w;
        }
        return this with { Words = words };
    }
}

/// <summary>Reads CoNLL-U (UD v2): ten tab-separated columns per word, blank lines between sentences, # comments.</summary>
/// <remarks>
/// Multiword-token lines ("3-4") and empty nodes ("5.1") are skipped: scoring and training are on words. A malformed
/// sentence (bad column count, ids out of order, a head outside the sentence, no root or a cycle) is reported through
/// <c>onError</c> as (line, DSR261) and skipped; a file with no sentence at all is refused with DSR260. Streaming,
/// stateless and thread-safe.
/// </remarks>
public static class Conllu
{
    /// <summary>Reads every sentence of <paramref name="reader"/>; <paramref name="onError"/> gets each malformed one.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader, Action<int, DossierError>? onError = null)
    {
        var lines = new List<(int No, string Text)>();
        int no = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            no++;
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty)
            {
                if (lines.Count > 0 && Parse(lines, onError) is { } s) yield return s;
                lines.Clear();
                continue;
            }
            lines.Add((no, line));
        }
        if (lines.Count > 0 && Parse(lines, onError) is { } last) yield return last;
    }

    /// <summary>Reads a whole file (already decompressed) into a list; DSR260 when it holds no CoNLL-U sentence.</summary>
    public static List<ConlluSentence> ReadAll(TextReader reader, string path, Action<int, DossierError>? onError = null)
    {
        int bad = 0;
        var list = Read(reader, (l, e) => { bad++; onError?.Invoke(l, e); }).ToList();
        if (list.Count == 0)
            throw new DossierException(Errors.NotConllu(path, bad > 0 ? $"none of its {bad} sentence(s) could be read" : "no sentence lines (ten tab-separated columns)"));
        return list;
    }

    private static ConlluSentence? Parse(List<(int No, string Text)> lines, Action<int, DossierError>? onError)
    {
        string? id = null, text = null;
        var words = new List<ConlluWord>();
        int first = lines[0].No;
        foreach (var (no, l) in lines)
        {
            if (l[0] == '#')
            {
                var c = l.AsSpan(1).Trim();
                if (c.StartsWith("sent_id =")) id = c[9..].Trim().ToString();
                else if (c.StartsWith("text =")) text = c[6..].Trim().ToString();
                continue;
            }
            var f = l.Split('\t');
            if (f.Length != 10) return Fail(no, $"{f.Length} column(s), want 10", onError);
            if (f[0].Contains('-') || f[0].Contains('.')) continue; // multiword token or empty node: annotation
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n != words.Count + 1)
                return Fail(no, $"word id '{f[0]}' where {words.Count + 1} was expected", onError);
            int head = -1;
            if (f[6] != "_" && !int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out head))
                return Fail(no, $"head '{f[6]}' is not a number", onError);
            words.Add(new ConlluWord(f[1], f[2], f[3], f[4], f[5], head, f[7], f[9]));
        }
        if (words.Count == 0) return Fail(first, "no word lines", onError);
        // Heads: inside the sentence, exactly one root, no cycle (a sentence without heads, "_", is kept: it can be tagged).
        bool headless = words.All(w => w.Head == -1);
        if (!headless)
        {
            int roots = 0;
            for (int i = 0; i < words.Count; i++)
            {
                int h = words[i].Head;
                if (h < 0 || h > words.Count || h == i + 1) return Fail(first, $"word {i + 1} has head {h}", onError);
                if (h == 0) roots++;
            }
            if (roots != 1) return Fail(first, $"{roots} roots, want 1", onError);
            for (int i = 0; i < words.Count; i++)
            {
                int x = i + 1, steps = 0;
                while (x != 0 && steps++ <= words.Count) x = words[x - 1].Head;
                if (x != 0) return Fail(first, $"word {i + 1} is on a cycle", onError);
            }
        }
        return new ConlluSentence(first, id, text, words.ToArray());
    }

    private static ConlluSentence? Fail(int line, string detail, Action<int, DossierError>? onError)
    {
        onError?.Invoke(line, Errors.BadConlluSentence(detail));
        return null;
    }
}
