using Dossier.Documents;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>The rule recogniser's opinion of every token, as features for the tagger (stacking).</summary>
/// <remarks>
/// Candidates from <see cref="CandidateFinder"/> typed by a <see cref="RuleClassifier"/> that does not read the GMB word
/// statistics (they hold the very labels the tagger is trained on, so a rule feature built on them would look far more
/// reliable in training than it is on new text). Each token gets a code: 0 outside any candidate, else type, B/I position
/// and a confidence bucket. The tagger learns from the training data how far to trust each code.
/// </remarks>
internal static class RuleTags
{
    private static readonly RuleClassifier Classifier = new(NerLexicon.Instance, useStats: false);

    /// <summary>Codes for every token of a segmented document; <paramref name="candidates"/>, if given, receives the candidates.</summary>
    public static byte[] For(Document doc, List<NameCandidate>? candidates = null)
    {
        var codes = new byte[doc.Tokens.Length];
        candidates ??= new List<NameCandidate>();
        candidates.Clear();
        CandidateFinder.Find(doc, NerLexicon.Instance, candidates);
        foreach (var c in candidates)
        {
            var d = Classifier.Classify(doc, c);
            if (!d.IsEntity) continue;
            int bucket = d.Score >= 0.8f ? 3 : d.Score >= 0.5f ? 2 : 1;
            for (int k = c.FirstToken; k < c.TokenEnd && k < codes.Length; k++)
                codes[k] = (byte)(((int)d.Type + 1) << 3 | (k == c.FirstToken ? 0 : 4) | bucket);
        }
        return codes;
    }
}
