using System.Text;

namespace Dossier.Store.Postgres;

/// <summary>Writes the search expression <see cref="ReadModels.FtsQuery"/> makes of the user's text as a PostgreSQL tsquery,
/// for <c>to_tsquery('simple', …)</c>.</summary>
/// <remarks>
/// FtsQuery does the parsing, the limits and the clean-up once for both engines; what it gives is a fixed form:
/// <c>"w1 w2" OP "w3"* …</c>, every term a quoted phrase of letter-and-digit words, OP one of AND, OR, NOT, an optional
/// <c>*</c> after a term (prefix). Here a phrase becomes <c>'w1' &lt;-&gt; 'w2'</c>, a prefix <c>'w3':*</c>, AND <c>&amp;</c>, OR
/// <c>|</c>, and NOT (FTS5's binary "and not") <c>&amp; !</c>. FTS5's precedence (NOT, then AND, then OR) is tsquery's
/// (!, then &amp;, then |), so no parentheses are needed beyond each phrase's. Every word is a quoted lexeme with its quotes
/// and backslashes escaped, so nothing of the user's text is read as tsquery syntax; the whole is passed as a parameter.
/// Pure and thread-safe.
/// </remarks>
internal static class PgTsQuery
{
    /// <summary>The tsquery text for <paramref name="fts5"/> (an FtsQuery.Build result); the same without its NOT terms, to
    /// rank by (ts_rank counts a negated term as one more the text lacks: a query with NOT ranked every match near zero);
    /// and the terms to highlight: the words of its positive terms joined by OR (prefixes kept), since a headline reads the
    /// stored text with PostgreSQL's own word splitting, where phrase positions may differ from the index's.</summary>
    /// <exception cref="FormatException">When <paramref name="fts5"/> is not of FtsQuery's form.</exception>
    public static (string Query, string Rank, string Highlight) From(string fts5)
    {
        var query = new StringBuilder();
        var rank = new StringBuilder();
        var highlight = new StringBuilder();
        string op = "";
        int i = 0, n = fts5.Length;
        while (i < n)
        {
            char c = fts5[i];
            if (c == ' ') { i++; continue; }
            if (c != '"')
            {
                int end = fts5.IndexOf(' ', i);
                if (end < 0) end = n;
                op = fts5[i..end] switch
                {
                    "AND" => " & ",
                    "OR" => " | ",
                    "NOT" => " & !",
                    var other => throw new FormatException($"not a search operator: {other}"),
                };
                i = end;
                continue;
            }
            // A quoted term; "" inside is a quote.
            var term = new StringBuilder();
            i++;
            while (true)
            {
                if (i >= n) throw new FormatException("unterminated term");
                if (fts5[i] == '"')
                {
                    if (i + 1 < n && fts5[i + 1] == '"') { term.Append('"'); i += 2; continue; }
                    i++;
                    break;
                }
                term.Append(fts5[i++]);
            }
            bool prefix = i < n && fts5[i] == '*';
            if (prefix) i++;
            var words = term.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (query.Length > 0) query.Append(op.Length > 0 ? op : " & ");
            var phrase = new StringBuilder("(");
            for (int w = 0; w < words.Length; w++)
            {
                if (w > 0) phrase.Append(" <-> ");
                phrase.Append(Lexeme(words[w], prefix && w == words.Length - 1));
            }
            phrase.Append(')');
            query.Append(phrase);
            if (op != " & !")
            {
                // NOT binds tightest: leaving "NOT term" out leaves the rest of the expression as it was.
                if (rank.Length > 0) rank.Append(op.Length > 0 ? op : " & ");
                rank.Append(phrase);
                for (int w = 0; w < words.Length; w++)
                {
                    if (highlight.Length > 0) highlight.Append(" | ");
                    highlight.Append(Lexeme(words[w], prefix && w == words.Length - 1));
                }
            }
            op = "";
        }
        return (query.ToString(), rank.ToString(), highlight.ToString());
    }

    // A quoted tsquery operand: quotes doubled, backslashes escaped; ":*" makes it a prefix.
    private static string Lexeme(string word, bool prefix) =>
        "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'" + (prefix ? ":*" : "");
}
