using Dossier.Documents;
using Dossier.Extraction.Quotes;
using Dossier.Resources;

namespace Dossier.Extraction.Claims;

/// <summary>What a claim cue says: the certainty it sets and, when it names one, the kind of source.</summary>
internal readonly record struct ClaimCue(Certainty Certainty, ClaimSource? Source);

/// <summary>The claim cue phrases and unnamed-source nouns, read once from the embedded lexicons and cached.</summary>
/// <remarks>Immutable after load; safe to share across threads.</remarks>
internal sealed class ClaimLexicon
{
    public const string CuesFile = "claims-cues.tsv";
    public const string UnnamedFile = "claims-unnamed-sources.txt";
    public const string BeliefFile = "claims-belief-verbs.txt";

    private static readonly Lazy<ClaimLexicon> _default = new(() =>
        new ClaimLexicon(EmbeddedData.Lines(CuesFile), EmbeddedData.Lines(UnnamedFile), EmbeddedData.Lines(BeliefFile)));

    /// <summary>The lexicon compiled into the assembly.</summary>
    public static ClaimLexicon Default => _default.Value;

    /// <summary>Cue phrases.</summary>
    public PhraseTable<ClaimCue> Cues { get; }

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _unnamed;
    private readonly HashSet<string> _belief;

    /// <summary>True when the lemma is a belief verb ("think", "believe"): its clause is its holder's claim.</summary>
    public bool IsBeliefVerb(string lemma) => _belief.Contains(lemma);

    public ClaimLexicon(IEnumerable<string> cueLines, IEnumerable<string> unnamedLines, IEnumerable<string>? beliefLines = null)
    {
        _belief = new HashSet<string>((beliefLines ?? []).Select(l => l.Trim()), StringComparer.OrdinalIgnoreCase);
        var list = new List<(string, ClaimCue)>();
        int n = 0;
        foreach (var line in cueLines)
        {
            n++;
            var p = line.Split('\t');
            if (p.Length != 3) throw new DossierException(Errors.BadLexiconLine(CuesFile, n, "want 'phrase<TAB>certainty<TAB>source'"));
            // "asserted" marks an idiom whose words are no cue ("could not differ more").
            if (!Enum.TryParse<Certainty>(p[1].Trim(), true, out var cert))
                throw new DossierException(Errors.BadLexiconLine(CuesFile, n, $"unknown certainty '{p[1]}'"));
            ClaimSource? src = null;
            if (p[2].Trim() != "-")
            {
                if (!Enum.TryParse<ClaimSource>(p[2].Trim(), true, out var s)) throw new DossierException(Errors.BadLexiconLine(CuesFile, n, $"unknown source '{p[2]}'"));
                src = s;
            }
            list.Add((p[0].Trim(), new ClaimCue(cert, src)));
        }
        Cues = new PhraseTable<ClaimCue>(list);
        _unnamed = new HashSet<string>(unnamedLines.Select(l => l.Trim()), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when the word heads a phrase that names nobody ("sources", "officials").</summary>
    public bool IsUnnamedHead(ReadOnlySpan<char> word) => _unnamed.Contains(word);

    /// <summary>How strong a certainty is when several cues meet in one clause (higher wins).</summary>
    public static int Strength(Certainty c) => c switch
    {
        Certainty.Unverified => 4,
        Certainty.Reported => 3,
        Certainty.Speculative => 2,
        Certainty.Opinion => 1,
        _ => 0,
    };
}
