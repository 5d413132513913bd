namespace Dossier.Documents;

/// <summary>The 17 universal part-of-speech tags of UD v2.</summary>
public enum Upos : byte
{
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

/// <summary>Names of <see cref="Upos"/> values.</summary>
public static class UposNames
{
    /// <summary>Number of tags.</summary>
    public const int Count = 17;

    private static readonly string[] Names = Enum.GetNames<Upos>();
    private static readonly Dictionary<string, Upos> ByName = Names.Select((n, i) => (n, (Upos)i)).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);

    /// <summary>The tag's name ("NOUN").</summary>
    public static string Name(Upos u) => Names[(int)u];

    /// <summary>Parses a tag name; false for anything else (an XPOS, "_").</summary>
    public static bool TryParse(string s, out Upos u) => ByName.TryGetValue(s, out u);
}

/// <summary>The syntax layer: for every token of the document its part of speech, lemma, head and UD relation, as flat
/// arrays beside <see cref="Document.Tokens"/> (written by the <c>syntax</c> component).</summary>
/// <remarks>
/// <see cref="Heads"/> are token indices within the same sentence, -1 for the sentence's root. A token the parser saw as
/// several words (UD splits "HTS-held" into HTS, -, held) carries the analysis of the word that attaches outside it, and
/// the lemmas of its words joined as they were written. Relations are UD v2 basic relations with their subtypes
/// ("nsubj:pass", "obl:agent"); the strings are shared, not allocated per token.
/// </remarks>
public sealed class SyntaxLayer(int tokens)
{
    public Upos[] Tags { get; } = new Upos[tokens];
    public string[] Lemmas { get; } = new string[tokens];
    public int[] Heads { get; } = new int[tokens];
    public string[] Relations { get; } = new string[tokens];

    /// <summary>The universal part of token <paramref name="i"/>'s relation ("nsubj" for "nsubj:pass").</summary>
    public ReadOnlySpan<char> Universal(int i)
    {
        var r = Relations[i].AsSpan();
        int c = r.IndexOf(':');
        return c > 0 ? r[..c] : r;
    }

    /// <summary>The token of [<paramref name="first"/>, <paramref name="end"/>) that heads the span: the first whose head
    /// lies outside it (a name "Emmanuel Macron" is one phrase whatever its inner relations); <paramref name="first"/>
    /// when none does.</summary>
    public int SpanHead(int first, int end)
    {
        for (int i = first; i < end; i++)
            if (Heads[i] < first || Heads[i] >= end) return i;
        return first;
    }

    /// <summary>The tokens whose head is <paramref name="head"/>, in text order.</summary>
    public IEnumerable<int> Children(int head, Sentence sentence)
    {
        for (int i = sentence.FirstToken; i < sentence.TokenEnd; i++) if (Heads[i] == head) yield return i;
    }
}
