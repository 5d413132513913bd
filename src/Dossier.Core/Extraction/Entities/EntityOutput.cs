using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Steps both recognisers share at the end: social-post attributions, and the final sorted, non-overlapping list.</summary>
internal static class EntityOutput
{
    /// <summary>The last steps of both recognisers: typed candidates become mentions, money and post authors are added,
    /// and the list is sorted and made disjoint into <see cref="Document.Entities"/>.</summary>
    internal static void Emit(Document doc, string by, List<(NameCandidate C, EntityDecision D)> typed)
    {
        var found = new List<EntityMention>(typed.Count + 4);
        foreach (var (c, d) in typed)
            if (d.IsEntity)
                found.Add(new EntityMention { Start = c.Start, End = c.End, Type = d.Type, Score = d.Score, By = by });
        MoneyFinder.Find(doc, by, found);
        AddPostAuthors(doc, by, found);
        Resolve(found, doc.Entities);
    }

    /// <summary>True when [start, end) lies in a social post's attribution line (where only the author counts).</summary>
    internal static bool InAttribution(Document doc, int start, int end)
    {
        foreach (var p in doc.Posts)
            if (p.AttributionEnd > p.AttributionStart && start < p.AttributionEnd && end > p.AttributionStart) return true;
        return false;
    }

    // Inside a post's attribution line only the author's name is an entity.
    internal static void AddPostAuthors(Document doc, string by, List<EntityMention> found)
    {
        foreach (var p in doc.Posts)
        {
            if (p.AttributionEnd <= p.AttributionStart) continue;
            found.RemoveAll(e => e.Start < p.AttributionEnd && e.End > p.AttributionStart);
            if (string.IsNullOrWhiteSpace(p.AuthorName)) continue;
            int len = p.AttributionEnd - p.AttributionStart;
            int at = doc.Text.IndexOf(p.AuthorName, p.AttributionStart, len, StringComparison.Ordinal);
            if (at < 0) continue;
            found.Add(new EntityMention { Start = at, End = at + p.AuthorName.Length, Type = AuthorType(doc, p.AuthorName, found), Score = 0.9f, By = by });
        }
    }

    // A post's author is a person unless the article or the lists say otherwise: the same name typed elsewhere in the
    // text ("Apple Music" as an organisation), a hand-listed name, or an organisation head word ("… News", "… Ministry").
    private static EntityType AuthorType(Document doc, string name, List<EntityMention> found)
    {
        foreach (var e in found)
            if (e.Type is EntityType.ORG or EntityType.PERSON or EntityType.GPE && e.End - e.Start == name.Length
                && doc.Text.AsSpan(e.Start, e.End - e.Start).SequenceEqual(name))
                return e.Type;
        var lex = NerLexicon.Instance;
        if (lex.TryKnown(name, out var t) && t is EntityType.ORG or EntityType.PERSON or EntityType.GPE) return t;
        int space = name.LastIndexOf(' ');
        if (space > 0 && lex.Is(name.AsSpan(space + 1), Cue.OrgHead)) return EntityType.ORG;
        return EntityType.PERSON;
    }

    // Sorted by start; where two overlap, the higher score wins (then the longer one).
    internal static void Resolve(List<EntityMention> found, List<EntityMention> into)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : (b.End - b.Start).CompareTo(a.End - a.Start));
        var kept = new List<EntityMention>(found.Count);
        foreach (var e in found)
        {
            if (kept.Count > 0 && kept[^1].End > e.Start)
            {
                var last = kept[^1];
                bool better = e.Score > last.Score || e.Score == last.Score && e.End - e.Start > last.End - last.Start;
                if (!better) continue;
                kept.RemoveAt(kept.Count - 1);
            }
            kept.Add(e);
        }
        into.Clear();
        into.AddRange(kept);
    }
}
