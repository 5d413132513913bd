using System.Net;
using System.Text;
using Dossier.Documents;

namespace Dossier.Text;

public static partial class HtmlExtractor
{
    /// <summary>Markup whose estimated nesting (open tags not closed) passes this is not given to the DOM parser.</summary>
    /// <remarks>HTML tree building costs grow with the depth of the open-element stack for every tag (scope checks,
    /// formatting reconstruction), so 100,000 unclosed tags take minutes; such input is stripped of tags linearly instead.</remarks>
    public const int MaxMarkupDepth = 1000;

    // Elements that have no content or whose end tag is optional: they do not deepen the estimate.
    private static readonly HashSet<string> NoDepth = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
    };

    /// <summary>Estimates the nesting depth of markup in one linear scan, stopping once it passes <paramref name="limit"/>.</summary>
    public static int EstimateDepth(string html, int limit)
    {
        int depth = 0, max = 0, i = 0, n = html.Length;
        while (i < n)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= n) break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                int end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? n : end + 3; continue;
            }
            bool close = html[lt + 1] == '/';
            int s = lt + (close ? 2 : 1), e = s;
            while (e < n && (char.IsAsciiLetterOrDigit(html[e]) || html[e] == '-')) e++;
            int gt = html.IndexOf('>', e);
            if (gt < 0) break;
            i = gt + 1;
            if (e == s) continue;
            var name = html.AsSpan(s, e - s);
            if (NoDepth.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)) continue;
            if (close) { if (depth > 0) depth--; continue; }
            if (html[gt - 1] == '/') continue;
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                int end = html.IndexOf("</", gt, StringComparison.Ordinal);
                i = end < 0 ? n : end; continue;
            }
            if (++depth > max && (max = depth) > limit) return max;
        }
        return max;
    }

    // Linear tag stripping for markup too deep to parse: text runs between tags, entities decoded, block tags as breaks.
    private static TextAndMap StripTags(string html)
    {
        var sb = new StringBuilder();
        var srcMap = new OffsetMap.Builder();
        int i = 0, n = html.Length;
        while (i < n)
        {
            int lt = html.IndexOf('<', i);
            int end = lt < 0 ? n : lt;
            if (end > i)
            {
                srcMap.Anchor(sb.Length, i);
                var run = html.AsSpan(i, end - i);
                if (run.Contains('&')) sb.Append(WebUtility.HtmlDecode(run.ToString())); else sb.Append(run);
            }
            if (lt < 0) break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                int c = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = c < 0 ? n : c + 3; continue;
            }
            int gt = html.IndexOf('>', lt + 1);
            if (gt < 0) break;
            int s = lt + 1 + (lt + 1 < n && html[lt + 1] == '/' ? 1 : 0), e = s;
            while (e < gt && char.IsAsciiLetterOrDigit(html[e])) e++;
            var name = html.AsSpan(s, e - s);
            i = gt + 1;
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                if (html[lt + 1] != '/') { int c = html.IndexOf("</", gt, StringComparison.Ordinal); i = c < 0 ? n : c; }
                continue;
            }
            var lookupP = Paragraphs.GetAlternateLookup<ReadOnlySpan<char>>();
            var lookupL = Lines.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookupP.Contains(name)) sb.Append("\n\n");
            else if (lookupL.Contains(name) || name.Equals("br", StringComparison.OrdinalIgnoreCase)) sb.Append('\n');
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        var src = sb.ToString();
        var outSb = new StringBuilder(src.Length);
        var map = new OffsetMap.Builder();
        TextNormalizer.Append(src, 0, src.Length, outSb, map, srcMap.Build());
        return new TextAndMap(outSb.ToString(), map.Build());
    }
}
