using Dossier.Documents;
namespace Dossier.Extraction.Syntax;

/// <summary>A greedy left-to-right part-of-speech tagger over hashed features (UD UPOS), with a dictionary for words whose
/// tag never varies.</summary>
/// <remarks>
/// Each word's tag is chosen from features of the word (form, affixes, shape, case), its neighbours two either side, and
/// the two tags already chosen before it. Trained with the averaged perceptron on the predicted left context, as it
/// runs. Immutable and thread-safe once built.
/// </remarks>
internal sealed class PosTagger
{
    /// <summary>Features per word (the size of the key buffer).</summary>
    public const int FeatureCount = 42;

    /// <summary>A tag joins a word's ambiguity class when it is at least this share of the word's occurrences.</summary>
    public const double ClassShare = 0.05;

    private readonly SparseModel _model;
    private readonly Dictionary<ulong, Upos> _fixed;
    private readonly Dictionary<ulong, ulong> _classes;

    public PosTagger(SparseModel model, Dictionary<ulong, Upos> fixedTags, Dictionary<ulong, ulong> classes)
    {
        if (model.Classes != UposNames.Count) throw new ArgumentException("the tagger model must score the 17 UPOS tags", nameof(model));
        _model = model;
        _fixed = fixedTags;
        _classes = classes;
    }

    public SparseModel Model => _model;
    /// <summary>Words (by the hash of their form as written) that always get one tag.</summary>
    public IReadOnlyDictionary<ulong, Upos> FixedTags => _fixed;
    /// <summary>The ambiguity class (hash of the set of tags seen) of each normalised form seen in training.</summary>
    public IReadOnlyDictionary<ulong, ulong> AmbiguityClasses => _classes;

    /// <summary>Sets each word's <see cref="WordHashes.Ambiguity"/> from the lexicon (0 for unseen words).</summary>
    public void Prepare(Span<WordHashes> words) => Prepare(words, _classes);

    internal static void Prepare(Span<WordHashes> words, IReadOnlyDictionary<ulong, ulong> classes)
    {
        for (int i = 0; i < words.Length; i++) words[i].Ambiguity = classes.TryGetValue(words[i].Norm, out var c) ? c : 0;
    }

    /// <summary>The ambiguity classes of a tagged corpus: per normalised form seen at least twice, the hash of the set of
    /// tags making up at least <see cref="ClassShare"/> of its occurrences.</summary>
    internal static Dictionary<ulong, ulong> Classes(IEnumerable<(ulong Norm, Upos Tag)> words)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var (norm, tag) in words)
        {
            if (!counts.TryGetValue(norm, out var c)) counts[norm] = c = new int[UposNames.Count];
            c[(int)tag]++;
        }
        var classes = new Dictionary<ulong, ulong>(counts.Count);
        foreach (var (norm, c) in counts)
        {
            int total = c.Sum();
            // A word seen once is left out: training then also meets words without a class, as new text will.
            if (total < 2) continue;
            int mask = 0;
            for (int t = 0; t < c.Length; t++) if (c[t] >= ClassShare * total) mask |= 1 << t;
            classes[norm] = FeatureHash.Of(mask);
        }
        return classes;
    }

    /// <summary>Tags a sentence; <paramref name="tags"/> receives one tag per word.</summary>
    public void Tag(ReadOnlySpan<WordHashes> words, Span<Upos> tags)
    {
        Span<ulong> keys = stackalloc ulong[FeatureCount];
        Span<float> scores = stackalloc float[UposNames.Count];
        for (int i = 0; i < words.Length; i++)
        {
            if (_fixed.TryGetValue(words[i].Form, out var t)) { tags[i] = t; continue; }
            int n = Features(words, tags, i, keys);
            scores.Clear();
            _model.Score(keys[..n], scores);
            tags[i] = (Upos)ArgMax(scores);
        }
    }

    internal static int ArgMax(ReadOnlySpan<float> s)
    {
        int best = 0;
        for (int i = 1; i < s.Length; i++) if (s[i] > s[best]) best = i;
        return best;
    }

    /// <summary>The feature keys of word <paramref name="i"/> given the tags before it; returns how many were written.</summary>
    internal static int Features(ReadOnlySpan<WordHashes> w, ReadOnlySpan<Upos> tags, int i, Span<ulong> k)
    {
        var w0 = w[i];
        var m1 = i > 0 ? w[i - 1] : WordHashes.Start;
        var m2 = i > 1 ? w[i - 2] : WordHashes.Start;
        var p1 = i + 1 < w.Length ? w[i + 1] : WordHashes.End;
        var p2 = i + 2 < w.Length ? w[i + 2] : WordHashes.End;
        ulong t1 = FeatureHash.Of(i > 0 ? (int)tags[i - 1] : 100), t2 = FeatureHash.Of(i > 1 ? (int)tags[i - 2] : 100);
        ulong first = FeatureHash.Of(i == 0 ? 1 : 0);
        int n = 0;
        k[n++] = FeatureHash.Key(0, 0);
        k[n++] = FeatureHash.Key(1, w0.Norm);
        k[n++] = FeatureHash.Key(2, w0.Form);
        k[n++] = FeatureHash.Key(3, w0.Suf1);
        k[n++] = FeatureHash.Key(4, w0.Suf2);
        k[n++] = FeatureHash.Key(5, w0.Suf3);
        k[n++] = FeatureHash.Key(6, w0.Suf4);
        k[n++] = FeatureHash.Key(7, w0.Pre1);
        k[n++] = FeatureHash.Key(8, w0.Pre2);
        k[n++] = FeatureHash.Key(9, w0.Pre3);
        k[n++] = FeatureHash.Key(10, w0.Shape);
        k[n++] = FeatureHash.Key(11, FeatureHash.Of(w0.Case), first);
        k[n++] = FeatureHash.Key(12, t1);
        k[n++] = FeatureHash.Key(13, t2);
        k[n++] = FeatureHash.Key(14, t1, t2);
        k[n++] = FeatureHash.Key(15, t1, w0.Norm);
        k[n++] = FeatureHash.Key(16, m1.Norm);
        k[n++] = FeatureHash.Key(17, m1.Suf3);
        k[n++] = FeatureHash.Key(18, m2.Norm);
        k[n++] = FeatureHash.Key(19, p1.Norm);
        k[n++] = FeatureHash.Key(20, p1.Suf3);
        k[n++] = FeatureHash.Key(21, p2.Norm);
        k[n++] = FeatureHash.Key(22, m1.Norm, w0.Norm);
        k[n++] = FeatureHash.Key(23, w0.Norm, p1.Norm);
        k[n++] = FeatureHash.Key(24, p1.Shape);
        k[n++] = FeatureHash.Key(25, m1.Shape);
        k[n++] = FeatureHash.Key(26, t1, p1.Norm);
        k[n++] = FeatureHash.Key(27, w0.Suf3, p1.Norm);
        k[n++] = FeatureHash.Key(28, m1.Norm, p1.Norm);
        k[n++] = FeatureHash.Key(29, t1, w0.Suf3);
        k[n++] = FeatureHash.Key(30, FeatureHash.Of(p1.Case), FeatureHash.Of(w0.Case));
        k[n++] = FeatureHash.Key(31, p2.Suf3, p1.Norm);
        // ambiguity classes: the tags a word can have, known for the words ahead too
        k[n++] = FeatureHash.Key(32, w0.Ambiguity);
        k[n++] = FeatureHash.Key(33, p1.Ambiguity);
        k[n++] = FeatureHash.Key(34, p2.Ambiguity);
        k[n++] = FeatureHash.Key(35, w0.Ambiguity, p1.Ambiguity);
        k[n++] = FeatureHash.Key(36, t1, w0.Ambiguity);
        k[n++] = FeatureHash.Key(37, w0.Ambiguity, p1.Ambiguity, p2.Ambiguity);
        k[n++] = FeatureHash.Key(38, w0.Ambiguity, FeatureHash.Of(w0.Case), first);
        // glued words ("US-based", "1969-1970", "don't"): the neighbours the word is written against
        ulong glue = FeatureHash.Of(w0.Glue);
        k[n++] = FeatureHash.Key(39, glue, (w0.Glue & 1) != 0 ? m1.Norm : 0, (w0.Glue & 2) != 0 ? p1.Norm : 0);
        k[n++] = FeatureHash.Key(40, glue, w0.Suf3, FeatureHash.Of(p1.Glue));
        return n;
    }
}
