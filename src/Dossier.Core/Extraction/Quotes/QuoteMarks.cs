namespace Dossier.Extraction.Quotes;

/// <summary>A span between quotation marks: the marks at [Open, OpenEnd) and [Close, CloseEnd), the content inside.</summary>
internal readonly record struct MarkedSpan(int Open, int OpenEnd, int Close, int CloseEnd, int ContentStart, int ContentEnd);

/// <summary>Finds double-quoted spans (straight, curly, guillemets) in a text with one forward scan.</summary>
/// <remarks>
/// Single quotes inside a double-quoted span are content (nested quotes). A quote left open at the end of a paragraph
/// continues when the next paragraph opens with a quotation mark (the newspaper convention for long quotes), and so does
/// an open straight quote when a straight mark shaped to open follows a sentence's end (the same convention in a text that
/// lost its paragraph breaks); otherwise the stray mark is dropped. Spans longer than <see cref="MaxLength"/> are dropped (unbalanced marks on hostile input).
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
        int open = -1, openLen = 0;
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
                    if (next < n && MarkLength(text, next, out char nc) > 0 && nc is '"' or '“' or '«') { i = next + MarkLength(text, next, out _) - 1; continue; }
                    open = -1;
                }
                i = next - 1;
                continue;
            }
            int len = MarkLength(text, i, out char kind);
            if (len == 0) continue;
            // Typesetting slips: a right mark used to open ("” word") or a left mark used to close ("word.“ ") take the role
            // their position gives them.
            if (open < 0 && kind == '”' && LooksOpening(text, i, len)) kind = '“';
            else if (open >= 0 && kind == '“' && openChar is '“' or '"' && LooksClosing(text, i, len)) kind = '”';
            if (open < 0)
            {
                if (kind is '”' or '»') { i += len - 1; continue; } // a closing mark with nothing open
                if (kind == '"' && !LooksOpening(text, i, len)) { i += len - 1; continue; }
                open = i; openLen = len; openChar = kind;
                i += len - 1;
                continue;
            }
            if (kind == openChar && kind is '“' or '«')
            {
                // Two opening marks in a row: the first was stray.
                open = i; openLen = len; i += len - 1; continue;
            }
            // A straight mark shaped to open (a space before, a word after) right after a sentence's end, while a quote is
            // open: the next paragraph reopening a long quote, in a text that lost its paragraph breaks ("… contacted me.
            // "If they want to …"). The quote runs on, as over a kept break; a mark that closes is never shaped so.
            if (kind == '"' && openChar == '"' && LooksOpening(text, i, len) && AfterSentenceEnd(text, i)) { i += len - 1; continue; }
            bool closes = openChar == '«' ? kind == '»' : kind is '"' or '”';
            if (!closes) { i += len - 1; continue; }
            if (i - open <= MaxLength) Add(list, text, open, open + openLen, i, i + len);
            open = -1;
            i += len - 1;
        }
        return list;
    }

    private static void Add(List<MarkedSpan> list, string text, int open, int openEnd, int close, int closeEnd)
    {
        int s = openEnd, e = close;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ',')) e--;
        if (e > s) list.Add(new MarkedSpan(open, openEnd, close, closeEnd, s, e));
    }

    /// <summary>Length of a quotation mark at i (0 when none) and its kind: '"' either way, '“'/'«' opening, '”'/'»' closing.</summary>
    /// <remarks>Two apostrophes ('') stand for a double quote in some archives (the New York Times); `` opens one (TeX style).</remarks>
    internal static int MarkLength(string t, int i, out char kind)
    {
        char c = t[i];
        kind = c;
        switch (c)
        {
            case '"': case '“': case '”': case '«': case '»': return 1;
            case '\'' when i + 1 < t.Length && t[i + 1] == '\'': kind = '"'; return 2;
            case '`' when i + 1 < t.Length && t[i + 1] == '`': kind = '“'; return 2;
            default: kind = '\0'; return 0;
        }
    }


    // A straight quote opens when it follows a space, an opening bracket or a dash, or starts the text, and a non-space follows.
    private static bool LooksOpening(string t, int i, int len)
    {
        if (i + len >= t.Length || char.IsWhiteSpace(t[i + len])) return false;
        if (i == 0) return true;
        char p = t[i - 1];
        return char.IsWhiteSpace(p) || p is '(' or '[' or '—' or '–' or '-' or ':' or '/';
    }

    // The mark at i follows a sentence's end and one or more spaces ("… me. "If").
    private static bool AfterSentenceEnd(string t, int i)
    {
        int k = i - 1;
        if (k < 0 || !char.IsWhiteSpace(t[k])) return false;
        while (k >= 0 && char.IsWhiteSpace(t[k])) k--;
        return k >= 0 && t[k] is '.' or '?' or '!';
    }

    // A mark closes when a non-space precedes it and a space, punctuation or the end follows.
    private static bool LooksClosing(string t, int i, int len)
    {
        if (i == 0 || char.IsWhiteSpace(t[i - 1])) return false;
        int k = i + len;
        return k >= t.Length || char.IsWhiteSpace(t[k]) || char.IsPunctuation(t[k]) && t[k] is not ('“' or '"');
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
