using Dossier.Documents;
using Dossier.Extraction.Syntax;

namespace Dossier.Evaluation;

/// <summary>Scores of a parse against a treebank, CoNLL 2018 convention: over words, punctuation included, LAS on the
/// universal part of the relation.</summary>
public sealed record ParserReport(int Sentences, int Words, double Upos, double Lemma, double Uas, double Las,
    IReadOnlyList<RelationScore> Relations, IReadOnlyList<(string Error, int Count)> Errors)
{
    /// <summary>Words per second of the analysis (tagging, lemmas, parsing), when timed.</summary>
    public double WordsPerSecond { get; init; }
}

/// <summary>One universal relation: how often gold has it, how often the parse says it, and how often both agree on head and relation.</summary>
public sealed record RelationScore(string Relation, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Compares analyses with gold sentences word by word (gold tokens, predicted tags) and tallies the commonest errors.</summary>
public sealed class ParserScorer
{
    private int _sentences, _words, _upos, _lemma, _uas, _las;
    private readonly Dictionary<string, (int Gold, int Pred, int Correct)> _rel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    /// <summary>Adds one sentence: <paramref name="gold"/> against <paramref name="analysis"/> (same words).</summary>
    public void Add(ConlluSentence gold, SentenceAnalysis analysis)
    {
        _sentences++;
        for (int i = 0; i < gold.Words.Length; i++)
        {
            var g = gold.Words[i];
            _words++;
            var tag = UposNames.Name(analysis.Tags[i]);
            if (tag == g.Upos) _upos++;
            else Count($"tag {g.Upos} as {tag}");
            if (string.Equals(analysis.Lemmas[i], g.Lemma, StringComparison.Ordinal)) _lemma++;
            else Count($"lemma of '{g.Form}' {analysis.Lemmas[i]} not {g.Lemma}");
            int head = analysis.Heads[i] + 1; // CoNLL-U numbering: 0 is the root
            string rel = Universal(analysis.Relations[i]), goldRel = g.UniversalDeprel;
            bool headOk = head == g.Head, relOk = rel == goldRel;
            if (headOk) _uas++;
            if (headOk && relOk) _las++;
            var gr = _rel.GetValueOrDefault(goldRel);
            _rel[goldRel] = (gr.Gold + 1, gr.Pred, gr.Correct + (headOk && relOk ? 1 : 0));
            var pr = _rel.GetValueOrDefault(rel);
            _rel[rel] = (pr.Gold, pr.Pred + 1, pr.Correct);
            if (!headOk) Count($"head of {goldRel} ({g.Upos}) wrong" + (relOk ? "" : $", labelled {rel}"));
            else if (!relOk) Count($"relation {goldRel} labelled {rel}");
        }
    }

    private void Count(string error) => _errors[error] = _errors.GetValueOrDefault(error) + 1;

    private static string Universal(string rel) => rel.IndexOf(':') is var c and > 0 ? rel[..c] : rel;

    /// <summary>The scores so far, with the <paramref name="topErrors"/> commonest errors.</summary>
    public ParserReport Report(int topErrors = 20)
    {
        double W(int x) => _words == 0 ? 0 : (double)x / _words;
        var rels = _rel.Select(x => new RelationScore(x.Key, x.Value.Gold, x.Value.Pred, x.Value.Correct))
            .OrderByDescending(r => r.Gold).ThenBy(r => r.Relation, StringComparer.Ordinal).ToList();
        var errors = _errors.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(topErrors).Select(x => (x.Key, x.Value)).ToList();
        return new ParserReport(_sentences, _words, W(_upos), W(_lemma), W(_uas), W(_las), rels, errors);
    }
}
