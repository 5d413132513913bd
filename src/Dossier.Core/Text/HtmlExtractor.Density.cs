using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Dossier.Text;


/// <summary>The text-density fallback of <see cref="HtmlExtractor"/>.</summary>
public static partial class HtmlExtractor
{
    /// <summary>A block with at least this many words and little link text is main text on its own.</summary>
    public const int GoodWords = 15;
    /// <summary>A block whose share of characters inside links is above this is navigation.</summary>
    public const double MaxLinkShare = 0.3;
    /// <summary>A block shorter than this many characters is judged by its neighbours.</summary>
    public const int ShortChars = 40;

    private enum Kind : byte { Bad, Short, Near, Good }

    private sealed class Segment
    {
        public int Chars, LinkChars, Words;
        public bool Heading;
        public Kind Kind;
        public readonly List<INode> Nodes = new();
    }

    // Splits the page into blocks (text between block breaks), classifies each by length and link density,
    // lets short and middling blocks follow their good neighbours (as jusText does), and keeps the good ones.
    private static TextAndMap Density(string raw, IHtmlDocument dom)
    {
        var segments = new List<Segment>();
        var cur = new Segment();
        void Close() { if (cur.Chars > 0) { segments.Add(cur); cur = new Segment(); } }
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((dom.Body ?? (INode)dom.DocumentElement, false));
        int linkDepth = 0, headDepth = 0;
        while (stack.Count > 0)
        {
            var (n, exit) = stack.Pop();
            if (n is IElement el)
            {
                var name = el.LocalName;
                bool block = Paragraphs.Contains(name) || Lines.Contains(name) || name == "br";
                bool heading = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';
                if (exit)
                {
                    if (name == "a") linkDepth--;
                    if (heading) headDepth--;
                    if (block) Close();
                    continue;
                }
                if (Skip.Contains(name) || Chrome.Contains(name) || el.HasAttribute("hidden") || LooksLikeChrome(el)) continue;
                if (block) Close();
                if (name == "br") continue;
                if (name == "a") linkDepth++;
                if (heading) headDepth++;
                stack.Push((n, true));
                for (var c = n.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
                continue;
            }
            if (n.NodeType != NodeType.Text) continue;
            var data = n.NodeValue ?? "";
            int chars = 0, words = 0; bool inWord = false;
            foreach (var ch in data)
            {
                bool w = !char.IsWhiteSpace(ch);
                if (w) chars++;
                if (w && !inWord) words++;
                inWord = w;
            }
            if (chars == 0) continue;
            cur.Chars += chars; cur.Words += words;
            if (linkDepth > 0) cur.LinkChars += chars;
            if (headDepth > 0) cur.Heading = true;
            cur.Nodes.Add(n);
        }
        Close();
        if (segments.Count == 0) return new TextAndMap("", Dossier.Documents.OffsetMap.Identity);

        foreach (var s in segments)
        {
            double ld = (double)s.LinkChars / s.Chars;
            s.Kind = ld > MaxLinkShare ? Kind.Bad : s.Words >= GoodWords ? Kind.Good : s.Chars < ShortChars ? Kind.Short : Kind.Near;
        }
        // Context: a short or middling block between good ones (skipping other short ones) is kept; headings go with what follows.
        var final = new bool[segments.Count];
        for (int i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.Kind == Kind.Good) { final[i] = true; continue; }
            if (s.Kind == Kind.Bad) continue;
            var prev = Neighbour(segments, i, -1);
            var next = Neighbour(segments, i, +1);
            if (s.Heading) final[i] = next == Kind.Good;
            else if (s.Kind == Kind.Near) final[i] = prev == Kind.Good || next == Kind.Good;
            else final[i] = prev == Kind.Good && next == Kind.Good;
        }
        var keepNodes = new HashSet<INode>();
        for (int i = 0; i < segments.Count; i++)
            if (final[i]) foreach (var node in segments[i].Nodes) keepNodes.Add(node);
        if (keepNodes.Count == 0) return new TextAndMap("", Dossier.Documents.OffsetMap.Identity);
        return ToText(raw, dom.Body ?? (INode)dom.DocumentElement, skipBoilerplate: true, keep: n => n.NodeType != NodeType.Text || keepNodes.Contains(n));
    }

    private static Kind Neighbour(List<Segment> segs, int i, int dir)
    {
        for (int k = i + dir; k >= 0 && k < segs.Count; k += dir)
            if (segs[k].Kind != Kind.Short) return segs[k].Kind;
        return Kind.Bad;
    }

    // Class or id names that mark page chrome (menus, share bars, comments, cookie notices).
    private static readonly string[] ChromeWords =
        ["nav", "menu", "footer", "sidebar", "breadcrumb", "share", "social", "cookie", "comment", "related", "newsletter", "advert", "promo", "subscribe", "banner", "widget", "popup", "masthead"];

    private static bool LooksLikeChrome(IElement el)
    {
        var role = el.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary") return true;
        var cls = el.GetAttribute("class");
        var id = el.GetAttribute("id");
        if (cls is null && id is null) return false;
        foreach (var w in ChromeWords)
            if (cls?.Contains(w, StringComparison.OrdinalIgnoreCase) == true || id?.Contains(w, StringComparison.OrdinalIgnoreCase) == true)
                return !(cls?.Contains("article", StringComparison.OrdinalIgnoreCase) == true || cls?.Contains("content", StringComparison.OrdinalIgnoreCase) == true);
        return false;
    }
}
