using Dossier.Documents;

namespace Dossier.Extraction.Syntax;

/// <summary>Headline case undone before tagging: "Yukos Owner Sues Russia Over Forced Sale" is read as "Yukos owner sues
/// Russia over forced sale".</summary>
/// <remarks>
/// In title case (or all capitals) every word looks like a name, and a tagger trained on running text makes verbs and
/// nouns PROPN ("Sues", "Owner"), so the parse loses its verb. When most of a sentence's longer words after the first
/// are capitalised, each capitalised word that training saw lower-cased with some tag and never as a name (PROPN), or
/// that inflects such a verb or noun ("Sues" of "sue"), is analysed lower-cased, provided one of them can be a verb; names, words seen both ways ("Sea", "Brown") and words never seen keep their case. Only the
/// analysis sees the change: the document's text and tokens stay as written. In running text the rule rarely fires,
/// and when it does (a sentence of names), the names keep their case.
/// </remarks>
internal static class Headlines
{
    /// <summary>Words of at least this many letters decide whether a sentence is in headline case.</summary>
    public const int MinDecidingLength = 4;
    /// <summary>At least this many deciding words after the first.</summary>
    public const int MinDecidingWords = 3;
    /// <summary>Share of the deciding words that must be capitalised.</summary>
    public const double MinCapitalisedShare = 0.8;

    private static readonly Upos[] NotNames =
    [
        Upos.NOUN, Upos.VERB, Upos.ADJ, Upos.ADV, Upos.ADP, Upos.AUX, Upos.DET, Upos.PRON, Upos.CCONJ, Upos.SCONJ,
        Upos.PART, Upos.NUM, Upos.INTJ,
    ];

    /// <summary>The words as the tagger should see them: <paramref name="words"/> itself unless the sentence is in headline
    /// case.</summary>
    public static IReadOnlyList<string> ForAnalysis(IReadOnlyList<string> words, Lemmatizer lexicon)
    {
        if (!InHeadlineCase(words)) return words;
        string[]? lowered = null;
        bool verb = false;
        for (int i = 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length < 2 || !char.IsUpper(w[0]) || !IsAlphabetic(w)) continue;
            var lower = w.ToLowerInvariant();
            if (lexicon.Knows(lower, Upos.PROPN)) continue;
            bool isVerb = lexicon.Knows(lower, Upos.VERB) || lexicon.Knows(lower, Upos.AUX) || Inflects(lexicon, lower, Upos.VERB);
            if (!isVerb && !NotNames.Any(t => lexicon.Knows(lower, t)) && !Inflects(lexicon, lower, Upos.NOUN)) continue;
            lowered ??= [.. words];
            lowered[i] = lower;
            verb |= isVerb;
        }
        // A headline says what happened: without a word that can be a verb it is more likely a name, a list of names or
        // a signature ("Enron Broadband Services", "Analyst Team 1: Coach: …"), whose capitals are meant.
        return verb ? lowered! : words;
    }

    // An inflected form training did not see, of a word it saw with that tag and never as a name: "sues" of "sue",
    // "imposes" of "impose", "silos" of "silo".
    private static bool Inflects(Lemmatizer lexicon, string lower, Upos tag)
    {
        var stem = lexicon.Lemma(lower, tag);
        return stem != lower && lexicon.Knows(stem, tag) && !lexicon.Knows(stem, Upos.PROPN);
    }

    private static bool InHeadlineCase(IReadOnlyList<string> words)
    {
        int deciding = 0, capitalised = 0;
        for (int i = 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length < MinDecidingLength || !IsAlphabetic(w)) continue;
            deciding++;
            if (char.IsUpper(w[0])) capitalised++;
        }
        return deciding >= MinDecidingWords && capitalised >= MinCapitalisedShare * deciding;
    }

    private static bool IsAlphabetic(string w)
    {
        foreach (var c in w) if (!char.IsLetter(c)) return false;
        return true;
    }
}
