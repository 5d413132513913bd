using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Document-level corrections after each candidate was typed alone: a name keeps one type through the article,
/// and a part of a person's full name ("Putin", "Sharaa", "Al Jolani") is that person.</summary>
/// <remarks>Stateless; works on the typed candidates of one document.</remarks>
internal static class DocumentConsistency
{
    /// <summary>Score of a person name seen in full (two or more words, or after a title) needed to pass its parts on.</summary>
    private const float FullNameScore = 0.35f;

    /// <summary>Applies the corrections in place.</summary>
    public static void Apply(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        // 1. Parts of full person names: "Vladimir Putin" → Putin; "Ahmad al-Sharaa" → al-Sharaa, Sharaa.
        var personParts = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity || d.Type != EntityType.PERSON || d.Score < FullNameScore) continue;
            if (c.TokenCount < 2 && !c.Has(CandidateCues.Titled) || c.Has(CandidateCues.HandleAfter)) continue;
            for (int k = c.FirstToken; k < c.TokenEnd; k++)
            {
                var w = doc.TokenText(k);
                if (w.Length < 2 || char.IsLower(w[0]) && !doc.Tokens[k].Has(TokenFlags.Hyphen)) continue;
                var key = StripArticle(w).ToString();
                // Place names and demonyms inside a person name ("Jordan", "Syrian") do not make every "Syrian" a person.
                if (key.Length < 2 || lex.TryPlace(key, out _) || lex.TryKnown(key, out _)) continue;
                personParts[key] = Math.Max(personParts.GetValueOrDefault(key), d.Score);
            }
        }
        // 2. The best-scored type of each surface string.
        var bestBySurface = new Dictionary<string, EntityDecision>(StringComparer.Ordinal);
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity) continue;
            var s = doc.Slice(c.Start, c.End);
            if (!bestBySurface.TryGetValue(s, out var b) || d.Score > b.Score) bestBySurface[s] = d;
        }
        var partsL = personParts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            var span = doc.Span(c.Start, c.End);
            // A one- or two-word mention ("Putin", "Al Jolani") that names part of a full person name.
            bool shortName = c.TokenCount == 1 || c.TokenCount == 2 && IsArticleToken(doc.TokenText(c.FirstToken));
            if (shortName && !c.Has(CandidateCues.HandleAfter))
            {
                var key = StripArticle(span);
                if (key.Length >= 2 && partsL.TryGetValue(key, out var ps) && !IsStrongPlace(d))
                {
                    typed[i] = (c, new EntityDecision(EntityType.PERSON, Math.Max(d.IsEntity && d.Type == EntityType.PERSON ? d.Score : 0, Math.Max(0.6f, ps * 0.9f)), true));
                    continue;
                }
            }
            if (d.IsEntity && bestBySurface.TryGetValue(doc.Slice(c.Start, c.End), out var best)
                && best.Type != d.Type && best.Score >= d.Score + 0.15f)
                typed[i] = (c, d with { Type = best.Type, Score = (d.Score + best.Score) / 2 });
        }
    }

    private static bool IsStrongPlace(EntityDecision d) => d.IsEntity && d.Type is EntityType.GPE or EntityType.NORP && d.Score >= 0.8f;

    private static bool IsArticleToken(ReadOnlySpan<char> w) => w is "Al" or "El" or "al" or "el";

    /// <summary>Removes an Arabic article from a name: "al-Sharaa" / "Al Jolani" / "el-Sisi" → "Sharaa", "Jolani", "Sisi".</summary>
    internal static ReadOnlySpan<char> StripArticle(ReadOnlySpan<char> s)
    {
        if (s.Length > 3 && (s[0] is 'a' or 'A' or 'e' or 'E') && (s[1] is 'l' or 'L') && (s[2] is '-' or ' ' or '‐')) return s[3..];
        return s;
    }
}
