namespace Dossier.Extraction.Entities.Tagging;

/// <summary>The features of every training token, extracted once and stored as row indices: token t of sentence s has
/// rows <c>Rows[TokenStart[SentenceStart[s] + t] .. TokenStart[SentenceStart[s] + t + 1])</c>; row r is feature <c>Keys[r]</c>.</summary>
/// <remarks>Rows are numbered in order of first appearance, so the table (and any model trained on it) is deterministic.</remarks>
internal sealed record FeatureTable(int[] Rows, int[] TokenStart, int[] SentenceStart, ulong[] Keys)
{
    public static FeatureTable Build(List<LabelledSentence> train, FeatureExtractor fx, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        if (minCount > 1)
            foreach (var s in train)
            {
                int n = fx.Extract(s.Doc, s.First, s.End, s.Rules);
                for (int k = 0; k < fx.Offsets[n]; k++) counts[fx.Keys[k]] = counts.GetValueOrDefault(fx.Keys[k]) + 1;
            }
        var rowOf = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        var sentStart = new int[train.Count + 1];
        var tokStart = new List<int>(1 << 20);
        var feats = new List<int>(1 << 24);
        for (int si = 0; si < train.Count; si++)
        {
            var s = train[si];
            sentStart[si] = tokStart.Count;
            int n = fx.Extract(s.Doc, s.First, s.End, s.Rules);
            for (int i = 0; i < n; i++)
            {
                tokStart.Add(feats.Count);
                for (int k = fx.Offsets[i]; k < fx.Offsets[i + 1]; k++)
                {
                    ulong key = fx.Keys[k];
                    if (minCount > 1 && counts[key] < minCount) continue;
                    if (!rowOf.TryGetValue(key, out var r)) { r = keys.Count; rowOf[key] = r; keys.Add(key); }
                    feats.Add(r);
                }
            }
        }
        sentStart[train.Count] = tokStart.Count;
        tokStart.Add(feats.Count);
        return new FeatureTable(feats.ToArray(), tokStart.ToArray(), sentStart, keys.ToArray());
    }
}
