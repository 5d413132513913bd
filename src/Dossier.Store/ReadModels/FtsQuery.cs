using System.Text;

namespace Dossier.Store.ReadModels;

/// <summary>Turns what a user types into a safe FTS5 query.</summary>
/// <remarks>
/// Every word becomes a quoted FTS5 string, so punctuation and FTS5 syntax in user text never break the query.
/// Kept from the user's syntax: "quoted phrases", a trailing * (prefix search), and upper-case OR / NOT between words.
/// Words are joined by AND (FTS5's implicit operator). A term repeated with the same operator adds nothing and is
/// dropped; more than <see cref="Limits.MaxSearchTerms"/> distinct terms, or a query longer than
/// <see cref="Limits.MaxSearchChars"/>, is refused (DSR314): FTS5's cost, snippet() above all, grows with the square of
/// the terms. Pure and thread-safe.
/// </remarks>
public static class FtsQuery
{
    /// <summary>The FTS5 MATCH expression for <paramref name="input"/> ("" when it has no searchable word); throws DSR314
    /// for a query past the limits.</summary>
    public static string Build(string input)
    {
        if (input.Length > Limits.MaxSearchChars)
            throw new DossierException(Errors.SearchTooLarge($"{input.Length:N0} characters, at most {Limits.MaxSearchChars:N0}"));
        var terms = new List<(string Op, string Term, bool Prefix)>();
        string? pendingOp = null;
        int i = 0, n = input.Length;
        while (i < n)
        {
            char c = input[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            string term;
            bool prefix = false;
            if (c == '"')
            {
                int end = input.IndexOf('"', i + 1);
                if (end < 0) end = n;
                term = Clean(input.AsSpan(i + 1, end - i - 1));
                i = Math.Min(n, end + 1);
            }
            else
            {
                int end = i;
                while (end < n && !char.IsWhiteSpace(input[end])) end++;
                var word = input.AsSpan(i, end - i);
                i = end;
                if (word is "OR" or "NOT" or "AND") { if (terms.Count > 0) pendingOp = word.ToString(); continue; }
                prefix = word.Length > 1 && word[^1] == '*';
                term = Clean(prefix ? word[..^1] : word);
            }
            if (term.Length == 0) continue;
            terms.Add((terms.Count > 0 ? pendingOp ?? "AND" : "", term, prefix));
            pendingOp = null;
        }
        // Under one operator throughout ("a* OR b* OR a* OR b*", "x y x") a repeated term changes nothing: keep the first.
        if (terms.Skip(1).Select(t => t.Op).Distinct().Count() <= 1 && (terms.Count < 2 || terms[1].Op != "NOT"))
            terms = terms.DistinctBy(t => (t.Term, t.Prefix)).ToList();
        if (terms.Count > Limits.MaxSearchTerms)
            throw new DossierException(Errors.SearchTooLarge($"{terms.Count} distinct terms, at most {Limits.MaxSearchTerms}"));
        var sb = new StringBuilder();
        foreach (var (op, term, prefix) in terms)
        {
            if (sb.Length > 0) sb.Append(' ').Append(op).Append(' ');
            sb.Append('"').Append(term.Replace("\"", "\"\"")).Append('"');
            if (prefix) sb.Append('*');
        }
        return sb.ToString();
    }

    // Keeps letters, digits and inner punctuation the tokenizer splits on anyway; drops quotes and FTS5 operators.
    private static string Clean(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
