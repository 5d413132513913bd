using Dossier.Documents;
namespace Dossier.Extraction.Syntax;

/// <summary>Lemmas from (form, tag): the lemma each word seen in training had most often, and for other words the edit
/// learned for the longest known suffix under that tag ("-ies" NOUN → "-y", "-ed" VERB → "").</summary>
/// <remarks>
/// An edit is: lower-case the word or not, cut so many chars from its end, append a string. Each seen (lower-cased form,
/// tag) keeps its most frequent lemma (a shared string: no allocation); each (suffix of 1 to 5 chars, tag) keeps its most
/// frequent edit when it was seen at least twice; each tag keeps a default. Immutable and thread-safe; the lemma is the
/// form itself (no allocation) when the edit changes nothing.
/// </remarks>
internal sealed class Lemmatizer
{
    /// <summary>An edit from a form to its lemma.</summary>
    internal readonly record struct Edit(bool Lower, int Cut, string Append)
    {
        public static readonly Edit None = new(false, 0, "");

        public string Apply(string form)
        {
            if (!Lower && Cut == 0 && Append.Length == 0) return form;
            var s = Lower ? form.ToLowerInvariant() : form;
            int keep = Math.Max(0, s.Length - Cut);
            return Cut == 0 && Append.Length == 0 ? s : string.Concat(s.AsSpan(0, keep), Append);
        }

        /// <summary>The edit that turns <paramref name="form"/> into <paramref name="lemma"/>.</summary>
        public static Edit Between(string form, string lemma)
        {
            // A lemma in lower case is reached from the lower-cased form, whatever the case of this occurrence ("The" and
            // "the" share the edit of "the").
            bool lower = lemma == lemma.ToLowerInvariant();
            var f = lower ? form.ToLowerInvariant() : form;
            int p = 0;
            while (p < f.Length && p < lemma.Length && f[p] == lemma[p]) p++;
            return new Edit(lower, f.Length - p, lemma[p..]);
        }
    }

    public const int MaxSuffix = 5;

    private readonly Edit[] _edits;
    private readonly Dictionary<ulong, string> _known; // hash of (lower-cased form, tag) → its most frequent lemma
    private readonly Dictionary<ulong, int> _suffix;  // hash of (suffix, tag) → edit
    private readonly int[] _default;                  // per tag

    public Lemmatizer(Edit[] edits, Dictionary<ulong, string> known, Dictionary<ulong, int> suffix, int[] byTag)
    {
        _edits = edits; _known = known; _suffix = suffix; _default = byTag;
    }

    public int Entries => _known.Count;

    private static ulong KnownKey(ReadOnlySpan<char> lower, Upos tag) => FeatureHash.Key(1, FeatureHash.Of(lower), FeatureHash.Of((int)tag));
    private static ulong SuffixKey(ReadOnlySpan<char> suffix, Upos tag) => FeatureHash.Key(2, FeatureHash.Of(suffix), FeatureHash.Of((int)tag));

    /// <summary>Whether training saw the lower-cased form <paramref name="lower"/> with the tag <paramref name="tag"/>.</summary>
    public bool Knows(ReadOnlySpan<char> lower, Upos tag) => _known.ContainsKey(KnownKey(lower, tag));

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="tag"/>.</summary>
    public string Lemma(string form, Upos tag)
    {
        Span<char> lower = form.Length <= 128 ? stackalloc char[form.Length] : new char[form.Length];
        form.AsSpan().ToLowerInvariant(lower);
        // A known word's lemma is the one it had most often, whatever the case of this occurrence ("i" and "I" → "I").
        if (_known.TryGetValue(KnownKey(lower, tag), out var known)) return known;
        int e;
        // An unknown acronym ("HTS", "UNHCR") is its own lemma: suffix edits learned on words ("-s" plurals) do not apply.
        if (form.Length > 1 && IsAllCaps(form)) return form;
        for (int len = Math.Min(MaxSuffix, lower.Length - 1); len >= 1; len--)
            if (_suffix.TryGetValue(SuffixKey(lower[^len..], tag), out e))
            {
                var edit = _edits[e];
                // A suffix edit may only cut what the suffix holds ("-ies" → "-y"), never into the stem it has not seen.
                if (edit.Cut <= len) return edit.Apply(form);
            }
        return _edits[_default[(int)tag]].Apply(form);
    }

    private static bool IsAllCaps(string s)
    {
        bool letter = false;
        foreach (var c in s)
        {
            if (char.IsLower(c)) return false;
            letter |= char.IsLetter(c);
        }
        return letter;
    }

    /// <summary>Learns the tables from (form, tag, lemma) triples.</summary>
    public static Lemmatizer Train(IEnumerable<(string Form, Upos Tag, string Lemma)> words)
    {
        var editIds = new Dictionary<Edit, int>();
        var edits = new List<Edit>();
        int Id(Edit e)
        {
            if (!editIds.TryGetValue(e, out int id)) { editIds[e] = id = edits.Count; edits.Add(e); }
            return id;
        }
        Id(Edit.None);
        var known = new Dictionary<ulong, Dictionary<string, int>>();
        var suffix = new Dictionary<ulong, Dictionary<int, int>>();
        var byTag = new Dictionary<int, int>[UposNames.Count];
        for (int t = 0; t < byTag.Length; t++) byTag[t] = new();
        static void Count<T>(Dictionary<ulong, Dictionary<T, int>> d, ulong k, T e) where T : notnull
        {
            if (!d.TryGetValue(k, out var c)) d[k] = c = new();
            c[e] = c.GetValueOrDefault(e) + 1;
        }
        foreach (var (form, tag, lemma) in words)
        {
            if (form.Length == 0 || lemma.Length == 0 || lemma == "_") continue;
            int e = Id(Edit.Between(form, lemma));
            var lower = form.ToLowerInvariant();
            Count(known, KnownKey(lower, tag), string.Intern(lemma));
            for (int len = 1; len <= Math.Min(MaxSuffix, lower.Length - 1); len++) Count(suffix, SuffixKey(lower.AsSpan(lower.Length - len), tag), e);
            byTag[(int)tag][e] = byTag[(int)tag].GetValueOrDefault(e) + 1;
        }
        // Ties go to the lower edit id (the one seen first) or the ordinally first lemma, so training is deterministic.
        static int Best(Dictionary<int, int> c) => c.OrderByDescending(x => x.Value).ThenBy(x => x.Key).First().Key;
        var knownBest = known.ToDictionary(x => x.Key, x => x.Value.OrderByDescending(y => y.Value).ThenBy(y => y.Key, StringComparer.Ordinal).First().Key);
        var suffixBest = suffix.Where(x => x.Value.Values.Sum() >= 2).ToDictionary(x => x.Key, x => Best(x.Value));
        var defaults = byTag.Select(c => c.Count == 0 ? 0 : Best(c)).ToArray();
        return new Lemmatizer(edits.ToArray(), knownBest, suffixBest, defaults);
    }

    public void Write(BinaryWriter w)
    {
        w.Write7BitEncodedInt(_edits.Length);
        foreach (var e in _edits) { w.Write(e.Lower); w.Write7BitEncodedInt(e.Cut); w.Write(e.Append); }
        w.Write7BitEncodedInt(_known.Count);
        foreach (var (k, v) in _known.OrderBy(x => x.Key)) { w.Write(k); w.Write(v); }
        w.Write7BitEncodedInt(_suffix.Count);
        foreach (var (k, v) in _suffix.OrderBy(x => x.Key)) { w.Write(k); w.Write7BitEncodedInt(v); }
        w.Write7BitEncodedInt(_default.Length);
        foreach (var d in _default) w.Write7BitEncodedInt(d);
    }

    public static Lemmatizer Read(BinaryReader r)
    {
        var edits = new Edit[r.Read7BitEncodedInt()];
        for (int i = 0; i < edits.Length; i++) edits[i] = new Edit(r.ReadBoolean(), r.Read7BitEncodedInt(), r.ReadString());
        int nk = r.Read7BitEncodedInt();
        var known = new Dictionary<ulong, string>(nk);
        for (int i = 0; i < nk; i++) known[r.ReadUInt64()] = string.Intern(r.ReadString());
        int ns = r.Read7BitEncodedInt();
        var suffix = new Dictionary<ulong, int>(ns);
        for (int i = 0; i < ns; i++)
        {
            ulong k = r.ReadUInt64();
            int v = r.Read7BitEncodedInt();
            if (v < 0 || v >= edits.Length) throw new InvalidDataException("lemma edit out of range");
            suffix[k] = v;
        }
        var defaults = new int[r.Read7BitEncodedInt()];
        if (defaults.Length != UposNames.Count) throw new InvalidDataException("lemma defaults: one per tag");
        for (int i = 0; i < defaults.Length; i++)
        {
            defaults[i] = r.Read7BitEncodedInt();
            if (defaults[i] < 0 || defaults[i] >= edits.Length) throw new InvalidDataException("lemma edit out of range");
        }
        return new Lemmatizer(edits, known, suffix, defaults);
    }
}
