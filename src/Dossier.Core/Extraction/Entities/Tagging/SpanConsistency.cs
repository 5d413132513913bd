using Dossier.Documents;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>Document-level agreement of the tagger's spans, in the model's own types: a word of a full person name is that
/// person wherever it recurs alone ("Stanley Williams" … "Williams has apologised"), and a name the tagger typed with little
/// confidence takes the type the rest of the document gives it.</summary>
/// <remarks>The tagger sees one sentence at a time; an article repeats its names, and the later, shorter mentions are the
/// ones it gets wrong. Stateless; works on one document's spans (sorted by token).</remarks>
internal static class SpanConsistency
{
    /// <summary>Confidence below which a span may take the document's majority type.</summary>
    private const float Unsure = 0.75f;

    public static void Apply(Document doc, TagSet tags, List<TaggedSpan> spans)
    {
        if (doc.Sentences.Length < 2 || spans.Count == 0) return;
        int per = tags.IndexOf("per");
        var lex = NerLexicon.Instance;

        // 1. Words of person names of two or more words (titles and particles aside).
        HashSet<string>? parts = null;
        if (per >= 0)
            foreach (var sp in spans)
            {
                if (sp.Type != per || sp.End - sp.First < 2) continue;
                for (int k = sp.First; k < sp.End; k++)
                {
                    var w = doc.TokenText(k);
                    if (w.Length < 3 || !char.IsUpper(w[0]) || lex.Is(w, Cue.Title | Cue.TitleHead | Cue.Particle | Cue.Stop)) continue;
                    if (lex.TryPlace(w, out var g) && g.Weight >= 5 || lex.TryKnown(w, out _)) continue;
                    (parts ??= new(StringComparer.Ordinal)).Add(w.ToString());
                }
            }
        if (parts != null)
        {
            var partsL = parts.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int i = 0; i < spans.Count; i++)
            {
                var sp = spans[i];
                if (sp.End - sp.First == 1 && sp.Type != per && partsL.Contains(doc.TokenText(sp.First)))
                    spans[i] = sp with { Type = per };
            }
            // Lone mentions the tagger left out.
            var added = new List<TaggedSpan>();
            int j = 0;
            for (int k = 0; k < doc.Tokens.Length; k++)
            {
                while (j < spans.Count && spans[j].End <= k) j++;
                if (j < spans.Count && spans[j].First <= k) continue;
                if (!doc.Tokens[k].Has(TokenFlags.Title) || !partsL.Contains(doc.TokenText(k))) continue;
                bool nextCap = k + 1 < doc.Tokens.Length && doc.Tokens[k + 1].Has(TokenFlags.Title) && !doc.Tokens[k + 1].Has(TokenFlags.SentenceStart);
                bool prevCap = k > 0 && doc.Tokens[k - 1].Has(TokenFlags.Title) && !doc.Tokens[k].Has(TokenFlags.SentenceStart);
                if (nextCap || prevCap) continue; // part of some other name
                added.Add(new TaggedSpan(k, k + 1, per, 0.6f));
            }
            if (added.Count > 0)
            {
                spans.AddRange(added);
                spans.Sort((a, b) => a.First.CompareTo(b.First));
            }
        }

        // 2. Majority type of each surface string, weighted by confidence.
        var votes = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var sp in spans)
        {
            var key = doc.Slice(doc.Tokens[sp.First].Start, doc.Tokens[sp.End - 1].End);
            if (!votes.TryGetValue(key, out var v)) votes[key] = v = new float[tags.Types.Count];
            v[sp.Type] += sp.Score;
        }
        for (int i = 0; i < spans.Count; i++)
        {
            var sp = spans[i];
            if (sp.Score >= Unsure) continue;
            var v = votes[doc.Slice(doc.Tokens[sp.First].Start, doc.Tokens[sp.End - 1].End)];
            float sum = 0; int best = 0;
            for (int t = 0; t < v.Length; t++) { sum += v[t]; if (v[t] > v[best]) best = t; }
            if (best != sp.Type && v[best] > 0.6f * sum) spans[i] = sp with { Type = best };
        }
    }
}
