using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Evaluation;

/// <summary>A gold mention of a GUM document: tokens [First, End), its GUM type and whether it is a proper name.</summary>
public readonly record struct GumMention(int First, int End, string Type, bool Named);

/// <summary>One GUM document: tokens, sentence starts and gold mentions.</summary>
public sealed record GumDocument(string Name, string[] Tokens, int[] SentenceStarts, GumMention[] Mentions)
{
    /// <summary>The text rebuilt as one sentence per line, tokens joined by spaces; <paramref name="starts"/> gets each token's offset.</summary>
    public string Text(out int[] starts)
    {
        starts = new int[Tokens.Length];
        var sb = new System.Text.StringBuilder();
        int s = 0;
        for (int i = 0; i < Tokens.Length; i++)
        {
            if (i > 0) sb.Append(s < SentenceStarts.Length && SentenceStarts[s] == i ? '\n' : ' ');
            if (s < SentenceStarts.Length && SentenceStarts[s] == i) s++;
            starts[i] = sb.Length;
            sb.Append(Tokens[i]);
        }
        return sb.ToString();
    }
}

/// <summary>Reads GUM coreference CoNLL files and scores named entities against their gold mentions (head match).</summary>
/// <remarks>
/// GUM marks every mention (names, nominals, pronouns) with spans that include determiners and titles ("the Indonesian
/// Navy", "Major general Fuad Basya"). The comparison is therefore lenient on the left edge: a predicted entity matches
/// a gold mention of the same type when it lies inside it and shares its first or last token ("Aceh" in "Aceh, Indonesia"). Recall counts the
/// gold mentions that are proper names (last token capitalised, not a pronoun, at most six tokens); precision counts a
/// prediction correct when any gold mention (named or not) matches it. Types: PERSON→person, ORG→organization,
/// GPE/LOC/FAC→place; other types are not scored. Documents run whole, so document-level consistency is exercised.
/// </remarks>
public static class NerGumScorer
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    { "I", "He", "She", "It", "We", "They", "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "Him", "Them", "Us", "Me", "This", "That", "These", "Those" };

    /// <summary>Scored GUM types.</summary>
    public static readonly string[] Labels = ["person", "organization", "place"];

    /// <summary>The GUM type an entity type is scored as, or null.</summary>
    public static string? GumLabel(EntityType t) => t switch
    {
        EntityType.PERSON => "person", EntityType.ORG => "organization",
        EntityType.GPE or EntityType.LOC or EntityType.FAC => "place", _ => null,
    };

    /// <summary>Reads one GUM .conll file (CoNLL-2012 bracket column).</summary>
    public static GumDocument Read(string path)
    {
        var tokens = new List<string>();
        var sentStarts = new List<int>();
        var mentions = new List<GumMention>();
        var open = new List<(string Label, int Start)>();
        bool newSentence = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#')) continue;
            if (line.Length == 0) { newSentence = true; continue; }
            var f = line.Split('\t');
            if (f.Length < 3) continue;
            int at = tokens.Count;
            if (newSentence) { sentStarts.Add(at); newSentence = false; }
            tokens.Add(f[1]);
            var col = f[2];
            if (col == "_") continue;
            int i = 0;
            while (i < col.Length)
            {
                bool opens = col[i] == '(';
                if (opens) i++;
                int j = i;
                while (j < col.Length && col[j] != '(' && col[j] != ')') j++;
                var label = col[i..j];
                bool closes = j < col.Length && col[j] == ')';
                if (opens && closes) { Add(mentions, tokens, label, at, at + 1); j++; }
                else if (opens) open.Add((label, at));
                else if (closes)
                {
                    int k = open.FindLastIndex(o => o.Label == label);
                    if (k >= 0) { Add(mentions, tokens, label, open[k].Start, at + 1); open.RemoveAt(k); }
                    j++;
                }
                i = j;
            }
        }
        return new GumDocument(Path.GetFileNameWithoutExtension(path), tokens.ToArray(), sentStarts.ToArray(), mentions.ToArray());
    }

    private static void Add(List<GumMention> into, List<string> tokens, string label, int first, int end)
    {
        int dash = label.IndexOf('-');
        var type = dash < 0 ? label : label[..dash];
        var last = tokens[end - 1];
        bool named = end - first <= 6 && last.Length > 0 && char.IsUpper(last[0]) && !(end - first == 1 && Pronouns.Contains(last));
        into.Add(new GumMention(first, end, type, named));
    }

    /// <summary>Scores the pipeline on GUM documents.</summary>
    public static NerReport Score(IEnumerable<GumDocument> docs, DocumentPipeline pipeline, int keepErrors = 200)
    {
        var gold = Labels.ToDictionary(l => l, _ => 0); var pred = Labels.ToDictionary(l => l, _ => 0); var okP = Labels.ToDictionary(l => l, _ => 0);
        var okR = Labels.ToDictionary(l => l, _ => 0);
        var errors = new List<NerError>();
        int nDocs = 0, nWords = 0, unscorable = 0;
        var sw = new System.Diagnostics.Stopwatch();
        foreach (var g in docs)
        {
            nDocs++; nWords += g.Tokens.Length;
            var text = g.Text(out var starts);
            var doc = new Document(text);
            sw.Start(); pipeline.Process(doc); sw.Stop();
            var predicted = new List<(int A, int B, string L)>();
            foreach (var e in doc.Entities)
            {
                var l = GumLabel(e.Type);
                if (l is null) continue;
                int a = WordAt(starts, e.Start), b = WordAt(starts, e.End - 1) + 1;
                // A name inside a corpus token ("Beijing" of "pro-Beijing") cannot be compared with GUM's token spans.
                if (starts[a] != e.Start || starts[b - 1] + g.Tokens[b - 1].Length != e.End) { unscorable++; continue; }
                predicted.Add((a, b, l));
            }
            bool Matches((int A, int B, string L) p, GumMention m) => m.Type == p.L && p.A >= m.First && p.B <= m.End && (p.B == m.End || p.A == m.First);
            foreach (var p in predicted)
            {
                pred[p.L]++;
                if (g.Mentions.Any(m => Matches(p, m))) okP[p.L]++;
                else if (errors.Count < keepErrors) errors.Add(new NerError(nDocs, g.Name, string.Join(" ", g.Tokens[p.A..p.B]), null, p.L));
            }
            foreach (var m in g.Mentions)
            {
                if (!m.Named || !gold.ContainsKey(m.Type)) continue;
                gold[m.Type]++;
                if (predicted.Any(p => Matches(p, m))) okR[m.Type]++;
                else if (errors.Count < keepErrors) errors.Add(new NerError(nDocs, g.Name, string.Join(" ", g.Tokens[m.First..m.End]), m.Type, null));
            }
        }
        // Precision and recall have different numerators here (predictions matched, gold names found): F1 uses both.
        var per = Labels.Select(l => Mixed(l, gold[l], pred[l], okP[l], okR[l])).ToList();
        var micro = Mixed("micro", gold.Values.Sum(), pred.Values.Sum(), okP.Values.Sum(), okR.Values.Sum());
        return new NerReport(per, micro, nDocs, nWords, sw.Elapsed, errors) { Unscorable = unscorable };
    }

    // A score whose precision is okP/pred and recall okR/gold, expressed through NerTypeScore's counts.
    private static NerTypeScore Mixed(string label, int gold, int pred, int okP, int okR) => new LenientScore(label, gold, pred, okP, okR);

    private static int WordAt(int[] starts, int offset)
    {
        int i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }
}

/// <summary>A lenient score: precision counts matched predictions, recall counts found gold names (they can differ).</summary>
public sealed record LenientScore : NerTypeScore
{
    public LenientScore(string type, int gold, int predicted, int correctPredicted, int foundGold) : base(type, gold, predicted, correctPredicted)
        => FoundGold = foundGold;
    /// <summary>Gold names matched by some prediction.</summary>
    public int FoundGold { get; }
    public override double Recall => Gold == 0 ? 0 : (double)FoundGold / Gold;
    public override double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() => $"{Type,-12} P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (gold names {Gold}, found {FoundGold}; predicted {Predicted}, matched {Correct})";
}
