using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Document-level corrections after each candidate was typed alone: a name keeps one type through the article,
/// and a part of a person's full name ("Putin", "Sharaa", "Al Jolani") is that person.</summary>
/// <remarks>Stateless; works on the typed candidates of one document.</remarks>
internal static class DocumentConsistency
{
    /// <summary>Score of a person name seen in full (two or more words, or after a title) needed to pass its parts on.</summary>
    private const float FullNameScore = 0.35f;
    private static readonly int TypeCount = Enum.GetValues<EntityType>().Length;

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
                // (A small town of the same name, "Montalvo", does not stop it.)
                if (key.Length < 2 || lex.TryKnown(key, out _) || lex.TryPlace(key, out var g) && (g.Type == EntityType.NORP || g.Weight >= 7)) continue;
                personParts[key] = Math.Max(personParts.GetValueOrDefault(key), d.Score);
            }
        }
        // 2. The type each surface string has over the whole document: scores summed per type, so that several weak
        //    votes and one confident one both count ("Scientology" typed three ways in one article becomes one type).
        var votes = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity) continue;
            var s = doc.Slice(c.Start, c.End);
            if (!votes.TryGetValue(s, out var v)) votes[s] = v = new float[TypeCount];
            v[(int)d.Type] += d.Score;
        }
        var bestBySurface = new Dictionary<string, EntityDecision>(StringComparer.Ordinal);
        foreach (var (s, v) in votes)
        {
            int best = 0;
            float sum = 0;
            for (int k = 0; k < v.Length; k++) { sum += v[k]; if (v[k] > v[best]) best = k; }
            bestBySurface[s] = new EntityDecision((EntityType)best, v[best] / Math.Max(sum, 1e-6f), true);
        }
        // 3. Acronyms defined in the text ("Hayat Tahrir al-Sham (HTS)") take the type and confidence of their long form.
        Dictionary<string, EntityDecision>? acronyms = null;
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity || !c.Has(CandidateCues.DefinesAcronym) || c.TokenEnd + 1 >= doc.Tokens.Length) continue;
            (acronyms ??= new(StringComparer.Ordinal))[doc.TokenText(c.TokenEnd + 1).ToString()] = d;
        }
        if (acronyms != null)
        {
            var acrL = acronyms.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int i = 0; i < typed.Count; i++)
            {
                var (c, d) = typed[i];
                if (acrL.TryGetValue(doc.Span(c.Start, c.End), out var longForm) && (!d.IsEntity || d.Score < longForm.Score))
                    typed[i] = (c, longForm);
            }
            AddUnseenAcronymMentions(doc, typed, acrL);
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
                if (key.Length >= 2 && partsL.TryGetValue(key, out var ps) && !IsStrongPlace(d, lex, key))
                {
                    typed[i] = (c, new EntityDecision(EntityType.PERSON, Math.Max(d.IsEntity && d.Type == EntityType.PERSON ? d.Score : 0, Math.Max(0.6f, ps * 0.9f)), true));
                    continue;
                }
            }
            // Majority type of the surface (best.Score is its share of the votes); a confident mention keeps its own type.
            if (d.IsEntity && d.Score < 0.8f && bestBySurface.TryGetValue(doc.Slice(c.Start, c.End), out var best)
                && best.Type != d.Type && best.Score > 0.5f)
                typed[i] = (c, d with { Type = best.Type });
        }
    }

    // An acronym the text defined is a name wherever it recurs with the same capitals, even when it spells a common word
    // ("so-called Islamic State (IS)" … "IS fighters", "IS-controlled territory"), which candidate finding passed over.
    private static void AddUnseenAcronymMentions(Document doc, List<(NameCandidate C, EntityDecision D)> typed,
        Dictionary<string, EntityDecision>.AlternateLookup<ReadOnlySpan<char>> acronyms)
    {
        var covered = new HashSet<int>();
        foreach (var (c, _) in typed) covered.Add(c.Start);
        for (int t = 0; t < doc.Tokens.Length; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind != TokenKind.Word || !char.IsUpper(doc.Text[tok.Start]) || covered.Contains(tok.Start)) continue;
            var w = doc.TokenText(t);
            int hyphen = w.IndexOf('-');
            var head = hyphen > 0 ? w[..hyphen] : w; // "IS-controlled" → IS
            if (acronyms.TryGetValue(head, out var longForm))
                typed.Add((new NameCandidate(tok.Start, tok.Start + head.Length, t, t + 1, hyphen > 0 ? CandidateCues.SubToken : CandidateCues.None), longForm));
        }
    }

    // A confident place or group that the gazetteer also knows as a sizeable place (a country, a demonym, a city): the
    // "Jordan" of "Michael Jordan" does not turn Jordan into a person. An unknown word typed as a place does not count.
    private static bool IsStrongPlace(EntityDecision d, NerLexicon lex, ReadOnlySpan<char> name) =>
        d.IsEntity && d.Type is EntityType.GPE or EntityType.NORP && d.Score >= 0.8f && lex.TryPlace(name, out var g) && g.Weight >= 5;

    private static bool IsArticleToken(ReadOnlySpan<char> w) => w is "Al" or "El" or "al" or "el";

    /// <summary>Removes an Arabic article from a name: "al-Sharaa" / "Al Jolani" / "el-Sisi" → "Sharaa", "Jolani", "Sisi".</summary>
    internal static ReadOnlySpan<char> StripArticle(ReadOnlySpan<char> s)
    {
        if (s.Length > 3 && (s[0] is 'a' or 'A' or 'e' or 'E') && (s[1] is 'l' or 'L') && (s[2] is '-' or ' ' or '‐')) return s[3..];
        return s;
    }
}
