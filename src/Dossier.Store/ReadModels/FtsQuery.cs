using System.Text;

namespace Dossier.Store.ReadModels;

/// <summary>Turns what a user types into a safe FTS5 query.</summary>
/// <remarks>
/// Every word becomes a quoted FTS5 string, so punctuation and FTS5 syntax in user text never break the query.
/// Kept from the user's syntax: "quoted phrases", a trailing * (prefix search), and upper-case OR / NOT between words.
/// Words are joined by AND (FTS5's implicit operator). Pure and thread-safe.
/// </remarks>
public static class FtsQuery
{
    /// <summary>The FTS5 MATCH expression for <paramref name="input"/> ("" when it has no searchable word).</summary>
    public static string Build(string input)
    {
        var sb = new StringBuilder();
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
                if (word is "OR" or "NOT" or "AND") { if (sb.Length > 0) pendingOp = word.ToString(); continue; }
                prefix = word.Length > 1 && word[^1] == '*';
                term = Clean(prefix ? word[..^1] : word);
            }
            if (term.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ').Append(pendingOp ?? "AND").Append(' ');
            pendingOp = null;
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
