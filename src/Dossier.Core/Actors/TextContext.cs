using Dossier.Documents;

namespace Dossier.Actors;

/// <summary>Small token-context helpers over a segmented document (previous and next words around a span).</summary>
/// <remarks>Allocation-free except where a string is returned on purpose; stateless and thread-safe.</remarks>
internal static class TextContext
{
    /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
    public static int TokenFrom(Document d, int offset)
    {
        int t = d.TokenAt(offset);
        while (t < d.Tokens.Length && d.Tokens[t].Start < offset) t++;
        return t;
    }

    /// <summary>Index of the last token ending at or before <paramref name="offset"/>, or -1.</summary>
    public static int TokenBefore(Document d, int offset)
    {
        int t = d.TokenAt(offset);
        if (t >= d.Tokens.Length || d.Tokens[t].Start >= offset) t--;
        while (t >= 0 && d.Tokens[t].End > offset) t--;
        return t;
    }

    /// <summary>True when token <paramref name="t"/> exists and equals <paramref name="word"/> ignoring case.</summary>
    public static bool Is(Document d, int t, string word) =>
        t >= 0 && t < d.Tokens.Length && d.TokenText(t).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when token <paramref name="t"/> exists and is one of <paramref name="words"/> (lower-case set).</summary>
    public static bool IsAny(Document d, int t, HashSet<string> words)
    {
        if (t < 0 || t >= d.Tokens.Length) return false;
        var span = d.TokenText(t);
        if (span.Length > 24) return false;
        Span<char> buf = stackalloc char[span.Length];
        int n = span.ToLowerInvariant(buf);
        return words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buf[..n]);
    }

    /// <summary>Lower-case text of a token (allocates; used off the per-token path).</summary>
    public static string Lower(Document d, int t) => t >= 0 && t < d.Tokens.Length ? d.TokenText(t).ToString().ToLowerInvariant() : "";

    /// <summary>True when the token is a possessive clitic ('s, ’s, or a lone apostrophe after a plural).</summary>
    public static bool IsPossessive(Document d, int t)
    {
        if (t < 0 || t >= d.Tokens.Length) return false;
        var s = d.TokenText(t);
        return s.Length == 2 && (s[0] == '\'' || s[0] == '’') && (s[1] == 's' || s[1] == 'S') || s.Length == 1 && (s[0] == '\'' || s[0] == '’');
    }

    /// <summary>True when both tokens lie in the same sentence.</summary>
    public static bool SameSentence(Document d, int offsetA, int offsetB)
    {
        int a = d.SentenceAt(offsetA);
        return a >= 0 && a == d.SentenceAt(offsetB);
    }
}
