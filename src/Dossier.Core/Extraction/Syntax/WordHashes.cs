using System.Buffers;

namespace Dossier.Extraction.Syntax;

/// <summary>The hashed surface properties of one word, computed once per sentence and shared by the tagger and the parser.</summary>
internal struct WordHashes
{
    /// <summary>The normalised form: lower case, digits as 0 ("1990" → "0000", "3.5m" → "0.0m").</summary>
    public ulong Norm;
    /// <summary>The form as written (case kept).</summary>
    public ulong Form;
    /// <summary>Suffixes of 1 to 4 chars and prefixes of 1 to 3 chars of the normalised form.</summary>
    public ulong Suf1, Suf2, Suf3, Suf4, Pre1, Pre2, Pre3;
    /// <summary>The shape ("Xx", "dd.d", "X.X.").</summary>
    public ulong Shape;
    /// <summary>The lemma, lower-cased (set once the word is lemmatised; the parser's features use it).</summary>
    public ulong Lemma;
    /// <summary>1 when no space separates the word from the one before, 2 from the one after (both: 3), as in "HTS-held".</summary>
    public int Glue;
    /// <summary>The tags the normalised form had in training (its ambiguity class, e.g. NOUN|VERB), 0 for an unseen word
    /// (set by the tagger before tagging).</summary>
    public ulong Ambiguity;
    /// <summary>Case and character class: 0 lower, 1 title, 2 all caps, 3 mixed, 4 no letters; +8 when it holds a digit,
    /// +16 when a hyphen.</summary>
    public int Case;

    /// <summary>Hashes of every word of a sentence; <paramref name="spaceAfter"/> says which words a space follows (all
    /// when not given).</summary>
    public static WordHashes[] Of(IReadOnlyList<string> words, IReadOnlyList<bool>? spaceAfter = null)
    {
        var a = new WordHashes[words.Count];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = Of(words[i]);
            if (spaceAfter is null) continue;
            if (i > 0 && !spaceAfter[i - 1]) a[i].Glue |= 1;
            if (i + 1 < a.Length && !spaceAfter[i]) a[i].Glue |= 2;
        }
        return a;
    }

    /// <summary>Hashes of one word.</summary>
    public static WordHashes Of(string word)
    {
        Span<char> norm = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        Span<char> shape = stackalloc char[8];
        int sl = 0, run = 0;
        char last = '\0';
        bool upper = false, lower = false, digit = false, hyphen = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            char k;
            if (char.IsDigit(c)) { digit = true; norm[i] = '0'; k = 'd'; }
            else if (char.IsUpper(c)) { upper = true; norm[i] = char.ToLowerInvariant(c); k = 'X'; }
            else if (char.IsLetter(c)) { lower = true; norm[i] = char.ToLowerInvariant(c); k = 'x'; }
            else { if (c == '-') hyphen = true; norm[i] = c; k = c; }
            // Shape: runs of one class longer than two are cut at two ("Xxxxx" → "Xxx" is "Xx" + one), at most 8 chars.
            if (k == last) run++; else { run = 1; last = k; }
            if (run <= 2 && sl < shape.Length) shape[sl++] = k;
        }
        int cs = !upper && !lower ? 4 : upper && !lower ? (word.Length > 1 ? 2 : 1) : !upper ? 0 : char.IsUpper(word[0]) && !HasUpperAfterFirst(word) ? 1 : 3;
        ReadOnlySpan<char> n = norm;
        return new WordHashes
        {
            Norm = FeatureHash.Of(n),
            Form = FeatureHash.Of(word),
            Suf1 = FeatureHash.Of(n[Math.Max(0, n.Length - 1)..]),
            Suf2 = FeatureHash.Of(n[Math.Max(0, n.Length - 2)..]),
            Suf3 = FeatureHash.Of(n[Math.Max(0, n.Length - 3)..]),
            Suf4 = FeatureHash.Of(n[Math.Max(0, n.Length - 4)..]),
            Pre1 = FeatureHash.Of(n[..Math.Min(1, n.Length)]),
            Pre2 = FeatureHash.Of(n[..Math.Min(2, n.Length)]),
            Pre3 = FeatureHash.Of(n[..Math.Min(3, n.Length)]),
            Shape = FeatureHash.Of(shape[..sl]),
            Case = cs + (digit ? 8 : 0) + (hyphen ? 16 : 0),
        };
    }

    private static bool HasUpperAfterFirst(string w)
    {
        for (int i = 1; i < w.Length; i++) if (char.IsUpper(w[i])) return true;
        return false;
    }

    /// <summary>Hashes standing for "no word here" (before the sentence, after it, the root).</summary>
    public static readonly WordHashes None = Of("<none>"), Start = Of("<s>"), End = Of("</s>"), Root = Of("<root>");
}
