using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Extraction.Entities;

/// <summary>The "ner" component: named entities (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT) and MONEY.</summary>
/// <remarks>
/// Four steps: <see cref="CandidateFinder"/> proposes spans, an <see cref="IEntityClassifier"/> types each one
/// (the rule classifier by default; a trained model can replace it), <see cref="DocumentConsistency"/> makes the article
/// agree with itself, and social-post attributions are reduced to their author's name. Money is found separately.
/// Output is sorted by start and non-overlapping. Immutable after construction and safe across threads.
/// </remarks>
[Component("ner")]
public sealed class EntityRecognizer : IComponent
{
    /// <summary>Name, version, the layer it writes and the layers it reads.</summary>
    public static readonly ComponentInfo Component = new("ner", "1.0", [Layers.Entities], [Layers.Tokens, Layers.Sentences]);
    /// <inheritdoc/>
    public ComponentInfo Info => Component;

    private readonly IEntityClassifier _classifier;
    private readonly NerLexicon _lex;

    /// <summary>A recogniser with the rule classifier over the embedded lexicons.</summary>
    public EntityRecognizer() : this(new RuleClassifier()) { }

    /// <summary>A recogniser with another classifier (a trained model) over the same candidates.</summary>
    public EntityRecognizer(IEntityClassifier classifier)
    {
        _classifier = classifier;
        _lex = NerLexicon.Instance;
    }

    /// <inheritdoc/>
    public void Process(Document doc)
    {
        var by = Component.Id;
        var candidates = new List<NameCandidate>();
        CandidateFinder.Find(doc, _lex, candidates);

        var typed = new List<(NameCandidate, EntityDecision)>(candidates.Count);
        foreach (var c in candidates)
        {
            if (InAttribution(doc, c.Start, c.End)) continue;
            typed.Add((c, _classifier.Classify(doc, c)));
        }
        DocumentConsistency.Apply(doc, _lex, typed);

        var found = new List<EntityMention>(typed.Count + 4);
        foreach (var (c, d) in typed)
            if (d.IsEntity)
                found.Add(new EntityMention { Start = c.Start, End = c.End, Type = d.Type, Score = d.Score, By = by });
        MoneyFinder.Find(doc, by, found);
        AddPostAuthors(doc, by, found);
        Resolve(found, doc.Entities);
    }

    private static bool InAttribution(Document doc, int start, int end)
    {
        foreach (var p in doc.Posts)
            if (p.AttributionEnd > p.AttributionStart && start < p.AttributionEnd && end > p.AttributionStart) return true;
        return false;
    }

    // Inside a post's attribution line only the author's name is an entity.
    private static void AddPostAuthors(Document doc, string by, List<EntityMention> found)
    {
        foreach (var p in doc.Posts)
        {
            if (p.AttributionEnd <= p.AttributionStart) continue;
            found.RemoveAll(e => e.Start < p.AttributionEnd && e.End > p.AttributionStart);
            if (string.IsNullOrWhiteSpace(p.AuthorName)) continue;
            int len = p.AttributionEnd - p.AttributionStart;
            int at = doc.Text.IndexOf(p.AuthorName, p.AttributionStart, len, StringComparison.Ordinal);
            if (at < 0) continue;
            found.Add(new EntityMention { Start = at, End = at + p.AuthorName.Length, Type = EntityType.PERSON, Score = 0.9f, By = by });
        }
    }

    // Sorted by start; where two overlap, the higher score wins (then the longer one).
    private static void Resolve(List<EntityMention> found, List<EntityMention> into)
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
