using System.Globalization;
using System.Text;
using Dossier.Documents;

namespace Dossier.Text;

/// <summary>Whitespace normalisation with an offset map back to the input.</summary>
/// <remarks>
/// CRLF and CR become LF; tabs, NBSP and other spaces become one space; runs of spaces collapse; format characters
/// (zero-width spaces and joiners, soft hyphens, bidi marks) and stray control characters are removed; unpaired surrogates
/// become U+FFFD; lines are trimmed;
/// two or more line breaks with only blanks between them become exactly one blank line (a paragraph break); a single line
/// break is kept. One forward scan; stateless and thread-safe.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="src"/>[start, end) and appends the result to <paramref name="sb"/>.</summary>
    /// <param name="srcMap">Maps offsets of <paramref name="src"/> to raw input offsets, when src is itself derived (HTML text).</param>
    /// <param name="map">Receives an anchor for every appended character (clean offset → raw offset).</param>
    /// <param name="references">Decode character references (<c>&amp;#233;</c>, <c>&amp;#xE9;</c>, <c>&amp;amp;</c> and the
    /// other XML ones): plain text copied out of web pages carries them ("Jos&amp;#233; Mourinho").</param>
    public static void Append(string src, int start, int end, StringBuilder sb, OffsetMap.Builder map, OffsetMap? srcMap = null, bool references = false)
    {
        int pos = start;
        bool any = sb.Length > 0;
        int breaks = any ? 2 : 0; // content appended after existing text starts a new paragraph
        int firstBreak = srcMap is null ? start : srcMap.ToRaw(start), lastBreak = firstBreak;
        while (pos < end)
        {
            int lineEnd = pos;
            while (lineEnd < end && !IsLineBreak(src[lineEnd])) lineEnd++;
            bool wrote = false, pendingSpace = false; int spaceAt = 0;
            for (int i = pos; i < lineEnd; i++)
            {
                char c = src[i];
                if (c == ' ') { if (wrote && !pendingSpace) { pendingSpace = true; spaceAt = i; } continue; }
                if (c < ' ')
                {
                    // ASCII controls: tab, VT and FF are spaces, the rest is dropped.
                    if ((c == '\t' || c == '\v' || c == '\f') && wrote && !pendingSpace) { pendingSpace = true; spaceAt = i; }
                    continue;
                }
                if (c >= '\u007f' && Skippable(c, out bool isSpace))
                {
                    if (isSpace && wrote && !pendingSpace) { pendingSpace = true; spaceAt = i; }
                    continue;
                }
                if (!wrote)
                {
                    if (any)
                    {
                        int n = breaks >= 2 ? 2 : 1;
                        map.Anchor(sb.Length, firstBreak); sb.Append('\n');
                        if (n == 2) { map.Anchor(sb.Length, lastBreak); sb.Append('\n'); }
                    }
                    wrote = true;
                }
                else if (pendingSpace)
                {
                    map.Anchor(sb.Length, Raw(srcMap, spaceAt)); sb.Append(' ');
                    pendingSpace = false;
                }
                // An unpaired surrogate (from a lenient decoder or a numeric reference) is not text: U+FFFD takes its place,
                // one char for one, so offsets stay as they are and no later encoder chokes on it.
                if (char.IsSurrogate(c) && !Paired(src, i, pos, lineEnd)) c = '\uFFFD';
                if (c == '&' && references && Reference(src, i, lineEnd, out var decoded, out int length))
                {
                    // The decoded character stands for the whole reference: it maps to the reference's start.
                    foreach (var d in decoded) { map.Anchor(sb.Length, Raw(srcMap, i)); sb.Append(d); }
                    i += length - 1;
                    continue;
                }
                map.Anchor(sb.Length, Raw(srcMap, i)); sb.Append(c);
            }
            if (wrote) { any = true; breaks = 0; }
            if (lineEnd >= end) break;
            // consume one line break (CRLF counts once; the LF is the character the clean '\n' maps to)
            int nl = lineEnd;
            if (src[lineEnd] == '\r' && lineEnd + 1 < end && src[lineEnd + 1] == '\n') nl = lineEnd + 1;
            if (breaks == 0) firstBreak = Raw(srcMap, nl);
            lastBreak = Raw(srcMap, nl);
            breaks += src[lineEnd] == '\u2029' ? 2 : 1;
            pos = nl + 1;
        }
    }

    /// <summary>Longest character reference read ("&amp;#x10FFFF;").</summary>
    public const int MaxReferenceChars = 10;

    // A character reference at i: numeric (decimal or hex, a valid scalar value, not a control) or one of XML's five and
    // &nbsp;. Anything else stays as written.
    private static bool Reference(string s, int i, int end, out string decoded, out int length)
    {
        decoded = ""; length = 0;
        int semi = s.IndexOf(';', i + 1, Math.Min(end, i + MaxReferenceChars + 1) - (i + 1));
        if (semi < 0) return false;
        var body = s.AsSpan(i + 1, semi - i - 1);
        length = semi - i + 1;
        if (body.Length > 1 && body[0] == '#')
        {
            bool hex = body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            if (digits.IsEmpty || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int cp)) return false;
            if (cp < 0x20 || cp is >= 0x7F and < 0xA0 || cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF) return false;
            decoded = char.ConvertFromUtf32(cp);
            return true;
        }
        decoded = body switch { "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'", "nbsp" => " ", _ => "" };
        return decoded.Length > 0;
    }

    /// <summary>Normalises a whole string (tests and callers without an offset map).</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        Append(s, 0, s.Length, sb, new OffsetMap.Builder());
        return sb.ToString();
    }

    private static bool Paired(string s, int i, int start, int end) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < end && char.IsLowSurrogate(s[i + 1]) : i > start && char.IsHighSurrogate(s[i - 1]);

    private static int Raw(OffsetMap? m, int i) => m is null ? i : m.ToRaw(i);

    private static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';

    // Non-ASCII characters that are spaces (NBSP, thin space, ideographic space…) or are dropped (format and control characters).
    private static bool Skippable(char c, out bool isSpace)
    {
        isSpace = false;
        if (c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000')
        { isSpace = true; return true; }
        if (c == '\u007f') return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        // Surrogates are Surrogate, not Format: pairs are copied as they are.
        if (cat is UnicodeCategory.Format or UnicodeCategory.Control) return true;
        return false;
    }
}
