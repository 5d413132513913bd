using System.Globalization;
using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Testing;

namespace Dossier.Tests.Actors;

/// <summary>
/// In-document actor grouping measured against GUM news coreference chains (22 Wikinews documents, gold chains).
/// </summary>
/// <remarks>
/// Text = GUM tokens joined by spaces, one sentence per line; the real segment+ner+actors pipeline runs on it. Each linked
/// entity is aligned to the smallest gold mention that contains it and shares its first or last token (GUM spans carry
/// determiners and titles). Over aligned entities of PERSON/ORG/GPE/LOC/FAC/NORP: pairwise precision (pairs put in one
/// actor that share a gold chain) and recall (pairs sharing a gold chain that were put in one actor). The baseline groups
/// entities with the same surface text, which is what the pipeline would give without this component.
/// </remarks>
public class GumActorEvalTests
{
    private sealed record Gold(int First, int End, int Chain);

    private static (string Text, int[] Starts, int[] Ends, List<Gold> Mentions) Read(string path)
    {
        var tokens = new List<string>();
        var sentenceStart = new List<bool>();
        var mentions = new List<Gold>();
        var open = new Dictionary<int, Stack<int>>();
        bool newSentence = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#')) continue;
            if (line.Length == 0) { newSentence = true; continue; }
            var f = line.Split('\t');
            int idx = tokens.Count;
            tokens.Add(f[1]);
            sentenceStart.Add(newSentence);
            newSentence = false;
            string col = f.Length > 2 ? f[2] : "_";
            if (col == "_") continue;
            // Brackets: "(type-id[-Wiki]" opens, "type-id[-Wiki])" closes, "(type-id…)" is a one-token mention.
            int i = 0;
            while (i < col.Length)
            {
                bool opens = col[i] == '(';
                if (opens) i++;
                int s = i;
                while (i < col.Length && col[i] != '(' && col[i] != ')') i++;
                bool closes = i < col.Length && col[i] == ')';
                var parts = col[s..i].Split('-');
                if (closes) i++;
                if (parts.Length < 2 || !int.TryParse(parts[1], out int chain)) continue;
                if (opens && closes) mentions.Add(new Gold(idx, idx + 1, chain));
                else if (opens) { if (!open.TryGetValue(chain, out var st)) open[chain] = st = new(); st.Push(idx); }
                else if (closes && open.TryGetValue(chain, out var st2) && st2.Count > 0) mentions.Add(new Gold(st2.Pop(), idx + 1, chain));
            }
        }
        var sb = new System.Text.StringBuilder();
        var starts = new int[tokens.Count];
        var ends = new int[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            if (t > 0) sb.Append(sentenceStart[t] ? '\n' : ' ');
            starts[t] = sb.Length;
            sb.Append(tokens[t]);
            ends[t] = sb.Length;
        }
        return (sb.ToString(), starts, ends, mentions);
    }

    private static readonly EntityType[] Scored = [EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.LOC, EntityType.FAC, EntityType.NORP];

    [SharedDataFact("gum-news", "coref-conll")]
    public void PairwiseGroupingAgainstGoldChains()
    {
        var dir = SharedData.File("gum-news", "coref-conll")!;
        var pipeline = DocumentPipeline.FromConfig("segment+syntax+ner+actors");
        long tp = 0, predPairs = 0, goldPairs = 0, btp = 0, bPred = 0;
        int aligned = 0, docs = 0;
        foreach (var path in Directory.GetFiles(dir, "*.conll").Order())
        {
            var (text, starts, ends, gold) = Read(path);
            var d = new Document(text);
            pipeline.Process(d);
            docs++;
            var items = new List<(int Actor, int Chain, string Surface)>();
            foreach (var e in d.Entities)
            {
                if (e.Actor < 0 || Array.IndexOf(Scored, e.Type) < 0) continue;
                int first = Array.FindIndex(starts, s => s >= e.Start);
                int last = Array.FindLastIndex(ends, x => x <= e.End);
                if (first < 0 || last < first) continue;
                Gold? best = null;
                foreach (var g in gold)
                    if (g.First <= first && last < g.End && (g.First == first || g.End - 1 == last) && (best == null || g.End - g.First < best.End - best.First))
                        best = g;
                if (best == null) continue;
                items.Add((e.Actor, best.Chain, d.Slice(e.Start, e.End)));
            }
            aligned += items.Count;
            for (int a = 0; a < items.Count; a++)
                for (int b = a + 1; b < items.Count; b++)
                {
                    bool sameGold = items[a].Chain == items[b].Chain;
                    bool sameActor = items[a].Actor == items[b].Actor;
                    bool sameSurface = string.Equals(items[a].Surface, items[b].Surface, StringComparison.Ordinal);
                    if (sameGold) goldPairs++;
                    if (sameActor) { predPairs++; if (sameGold) tp++; }
                    if (sameSurface) { bPred++; if (sameGold) btp++; }
                }
        }
        double P = tp / (double)Math.Max(1, predPairs), R = tp / (double)Math.Max(1, goldPairs), F = 2 * P * R / Math.Max(1e-9, P + R);
        double bP = btp / (double)Math.Max(1, bPred), bR = btp / (double)Math.Max(1, goldPairs), bF = 2 * bP * bR / Math.Max(1e-9, bP + bR);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GUM news actors ({docs} docs, {aligned} aligned mentions, {goldPairs} gold pairs): actors P {P:F3} R {R:F3} F1 {F:F3}; same-surface baseline P {bP:F3} R {bR:F3} F1 {bF:F3}"));
        Assert.True(F > bF, $"actors F1 {F:F3} should beat the same-surface baseline {bF:F3}");
    }
}
