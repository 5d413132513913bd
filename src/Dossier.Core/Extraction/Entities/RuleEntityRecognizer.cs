using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Extraction.Entities;

/// <summary>The "ner-rules" component: named entities from candidate rules, gazetteers and GMB word statistics, without
/// the trained tagger (the recogniser before issue 3, kept as a fallback and as a baseline: pipeline "segment+ner-rules+…").</summary>
/// <remarks>
/// Four steps: <see cref="CandidateFinder"/> proposes spans, an <see cref="IEntityClassifier"/> types each one
/// (the rule classifier by default; a trained model can replace it), <see cref="DocumentConsistency"/> makes the article
/// agree with itself, and social-post attributions are reduced to their author's name. Money is found separately.
/// Output is sorted by start and non-overlapping. Immutable after construction and safe across threads.
/// </remarks>
[Component("ner-rules")]
public sealed class RuleEntityRecognizer : IComponent
{
    /// <summary>Name, version, the layer it writes and the layers it reads.</summary>
    public static readonly ComponentInfo Component = new("ner-rules", "1.0", [Layers.Entities], [Layers.Tokens, Layers.Sentences]);
    /// <inheritdoc/>
    public ComponentInfo Info => Component;

    private readonly IEntityClassifier _classifier;
    private readonly NerLexicon _lex;

    /// <summary>A recogniser with the rule classifier over the embedded lexicons.</summary>
    public RuleEntityRecognizer() : this(new RuleClassifier()) { }

    /// <summary>A recogniser with another classifier (a trained model) over the same candidates.</summary>
    public RuleEntityRecognizer(IEntityClassifier classifier)
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
            if (EntityOutput.InAttribution(doc, c.Start, c.End)) continue;
            typed.Add((c, _classifier.Classify(doc, c)));
        }
        DocumentConsistency.Apply(doc, _lex, typed);

        EntityOutput.Emit(doc, by, typed);
    }
}
