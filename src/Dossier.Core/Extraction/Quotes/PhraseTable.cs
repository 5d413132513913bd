using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Extraction.Quotes;

/// <summary>Multi-word phrases looked up token by token, keyed by their first token.</summary>
/// <remarks>
/// Phrases are tokenized with the same <see cref="Segmenter"/> as documents, so "anyone's guess" becomes anyone / 's / guess
/// on both sides. Matching folds case and curly apostrophes; longer phrases are tried first. Immutable after construction.
/// </remarks>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, (string[] Words, T Value)[]> _byFirst;
    private readonly Dictionary<string, (string[] Words, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseTable(IEnumerable<(string Phrase, T Value)> phrases)
    {
        var tmp = new Dictionary<string, List<(string[], T)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phrase, value) in phrases)
        {
            var toks = Segmenter.Tokenize(phrase);
            if (toks.Length == 0) continue;
            var words = toks.Select(t => Fold(phrase.AsSpan(t.Start, t.Length))).ToArray();
            if (!tmp.TryGetValue(words[0], out var list)) tmp[words[0]] = list = new();
            list.Add((words, value));
        }
        _byFirst = tmp.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(p => p.Item1.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct first words.</summary>
    public int Count => _byFirst.Count;

    /// <summary>The longest phrase starting at token <paramref name="i"/> and ending before <paramref name="limit"/>; its token length, or 0.</summary>
    public int Match(Document doc, int i, int limit, out T value)
    {
        value = default!;
        var first = doc.TokenText(i);
        (string[] Words, T Value)[]? cands;
        if (first.IndexOf('’') >= 0) _byFirst.TryGetValue(Fold(first), out cands);
        else _lookup.TryGetValue(first, out cands);
        if (cands is null) return 0;
        foreach (var (words, v) in cands)
        {
            if (i + words.Length > limit) continue;
            bool ok = true;
            for (int k = 1; k < words.Length && ok; k++) ok = EqualsFolded(doc.TokenText(i + k), words[k]);
            if (ok) { value = v; return words.Length; }
        }
        return 0;
    }

    /// <summary>Lower case with curly apostrophes made straight.</summary>
    internal static string Fold(ReadOnlySpan<char> s)
    {
        Span<char> buf = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        for (int k = 0; k < s.Length; k++) buf[k] = s[k] is '’' or 'ʼ' ? '\'' : char.ToLowerInvariant(s[k]);
        return new string(buf);
    }

    internal static bool EqualsFolded(ReadOnlySpan<char> a, string b)
    {
        if (a.Length != b.Length) return false;
        for (int k = 0; k < a.Length; k++)
        {
            char x = a[k] is '’' or 'ʼ' ? '\'' : char.ToLowerInvariant(a[k]);
            if (x != b[k]) return false;
        }
        return true;
    }
}
