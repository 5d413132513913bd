namespace Dossier.Extraction.Quotes;

/// <summary>A span between quotation marks: the marks at [Open, Open+1) and [Close, Close+1), content inside.</summary>
internal readonly record struct MarkedSpan(int Open, int Close, int ContentStart, int ContentEnd);

/// <summary>Finds double-quoted spans (straight, curly, guillemets) in a text with one forward scan.</summary>
/// <remarks>
/// Single quotes inside a double-quoted span are content (nested quotes). A quote left open at the end of a paragraph
/// continues when the next paragraph opens with a quotation mark (the newspaper convention for long quotes); otherwise the
/// stray mark is dropped. Spans longer than <see cref="MaxLength"/> are dropped (unbalanced marks on hostile input).
/// Stateless; safe across threads.
/// </remarks>
internal static class QuoteMarks
{
    /// <summary>Longest quoted span kept, in chars.</summary>
    public const int MaxLength = 6000;

    /// <summary>Quoted spans in text order.</summary>
    public static List<MarkedSpan> Find(string text)
    {
        var list = new List<MarkedSpan>();
        int n = text.Length;
        int open = -1;
        char openChar = '\0';
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                int next = ParagraphBreak(text, i);
                if (next < 0) continue;
                if (open >= 0)
                {
                    // A long quote runs on when the next paragraph reopens it; the reopening mark stays inside the content.
                    if (next < n && IsOpenChar(text[next])) { i = next; continue; }
                    open = -1;
                }
                i = next - 1;
                continue;
            }
            if (!IsQuoteChar(c)) continue;
            if (open < 0)
            {
                if (c is '”' or '»') continue; // a closing mark with nothing open
                if (c == '"' && !LooksOpening(text, i)) continue;
                open = i; openChar = c;
                continue;
            }
            if (c == '“' && openChar == '“' || c == '«' && openChar == '«')
            {
                // Two opening marks in a row: the first was stray.
                open = i; continue;
            }
            bool closes = openChar == '«' ? c == '»' : c is '"' or '”';
            if (!closes) continue;
            if (i - open <= MaxLength) Add(list, text, open, i);
            open = -1;
        }
        return list;
    }

    private static void Add(List<MarkedSpan> list, string text, int open, int close)
    {
        int s = open + 1, e = close;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ',')) e--;
        if (e > s) list.Add(new MarkedSpan(open, close, s, e));
    }

    private static bool IsQuoteChar(char c) => c is '"' or '“' or '”' or '«' or '»';
    private static bool IsOpenChar(char c) => c is '"' or '“' or '«';

    // A straight quote opens when it follows a space, an opening bracket or a dash, or starts the text, and a non-space follows.
    private static bool LooksOpening(string t, int i)
    {
        if (i + 1 >= t.Length || char.IsWhiteSpace(t[i + 1])) return false;
        if (i == 0) return true;
        char p = t[i - 1];
        return char.IsWhiteSpace(p) || p is '(' or '[' or '—' or '–' or '-' or ':' or '/';
    }

    // Returns the index of the first non-space char after a blank line starting at the '\n' at i, or -1 when this is no paragraph break.
    private static int ParagraphBreak(string t, int i)
    {
        int k = i + 1;
        while (k < t.Length && t[k] is ' ' or '\t' or '\r') k++;
        if (k >= t.Length) return t.Length;
        if (t[k] != '\n') return -1;
        while (k < t.Length && char.IsWhiteSpace(t[k])) k++;
        return k;
    }
}
