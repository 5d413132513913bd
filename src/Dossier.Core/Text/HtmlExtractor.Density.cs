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
        public bool Heading, ListItem;
        public Kind Kind;
        public readonly List<INode> Nodes = new();
    }

    // Splits the page into blocks (text between block breaks), classifies each by length and link density,
    // lets short and middling blocks follow their good neighbours (as jusText does), and keeps the good ones.
    private static TextAndMap Density(string raw, IHtmlDocument dom)
    {
        var root = dom.Body ?? (INode)dom.DocumentElement;
        var segments = Segments(root);
        if (segments.Count == 0) return new TextAndMap("", Dossier.Documents.OffsetMap.Identity);
        var final = new bool[segments.Count];
        for (int i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.Nodes.Count > 0 && s.Nodes.All(InAuthorBio)) continue;
            if (s.Kind == Kind.Good) { final[i] = true; continue; }
            if (s.Kind == Kind.Bad) continue;
            var prev = Neighbour(segments, i, -1);
            var next = Neighbour(segments, i, +1);
            if (s.Heading) final[i] = next == Kind.Good;
            else if (s.Kind == Kind.Near) final[i] = prev == Kind.Good || next == Kind.Good;
            else final[i] = prev == Kind.Good && next == Kind.Good;
        }
        DropNotices(segments, final);
        return Render(raw, root, segments, final, skipBoilerplate: true);
    }

    // Readability keeps the article container whole, with its head and tail (author box, "read more", credits, share
    // prompts): keep from the first substantial block to the last good one, and drop link lists anywhere.
    private static TextAndMap Prune(string raw, INode root)
    {
        var segments = Segments(root);
        if (segments.Count == 0) return new TextAndMap("", Dossier.Documents.OffsetMap.Identity);
        int first = segments.FindIndex(x => x.Kind == Kind.Good), last = segments.FindLastIndex(x => x.Kind == Kind.Good);
        var final = new bool[segments.Count];
        if (first < 0) { Array.Fill(final, true); return Render(raw, root, segments, final, skipBoilerplate: false); }
        // a heading or a middling block right before the first good one opens the text, and so do short sentences and the
        // items of a list leading into it (a standfirst, a recipe's ingredients)
        while (first > 0 && segments[first - 1].Kind != Kind.Bad
               && (segments[first - 1].Heading || segments[first - 1].Kind == Kind.Near || IsSentence(segments[first - 1]) || segments[first - 1].ListItem))
            first--;
        // short sentences and list items after the last good block close it ("Vielen Dank für das Interview!"), up to the
        // first block that is neither
        for (int k = last + 1; k < segments.Count && segments[k].Kind != Kind.Bad; k++)
        {
            if (IsCreditOrByline(segments[k], int.MaxValue)) continue; // a credit between two closing sentences
            if (!IsSentence(segments[k]) && !segments[k].ListItem) break;
            last = k;
        }
        for (int i = first; i <= last; i++)
            final[i] = segments[i].Kind != Kind.Bad && !IsCreditOrByline(segments[i], i - first) && !(segments[i].Nodes.Count > 0 && segments[i].Nodes.All(InAuthorBio));
        // Notices and prompts at the edges of the text (copyright, reprint permission, subscribe, share, "read also",
        // "about the author"), in the languages of the pages we read.
        DropNotices(segments, final);
        return Render(raw, root, segments, final, skipBoilerplate: false);
    }

    private static void DropNotices(List<Segment> segments, bool[] final)
    {
        int seen = 0;
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            if (!final[i]) continue;
            if (IsNotice(segments[i], edge: seen++ < MaxEdgeBlocks)) final[i] = false;
        }
    }

    /// <summary>How many blocks at the end of the text are looked at for the broader prompts.</summary>
    public const int MaxEdgeBlocks = 4;
    /// <summary>A block longer than this is prose, never a notice.</summary>
    public const int MaxNoticeChars = 200;

    // Anywhere: the wording only notices use (StrongNotice: rights reserved, reprint permission, a copyright sign,
    // "download our app"); at the end only, besides: the broader prompts (NoticeLine), which a sentence of the story
    // might also say.
    // A block opened by a copyright sign ("© 2022, Example News. This article is the copyrighted property …") is a
    // notice up to MaxCopyrightChars; obfuscated words (Latin spelled with Cyrillic or Greek look-alikes, which
    // advertisers use to slip past filters) and a button's label ("Load more") are never the article's text.
    private static bool IsNotice(Segment s, bool edge)
    {
        var text = PlainText(s);
        if (s.Chars <= MaxCopyrightChars && CopyrightOpening.IsMatch(text)) return true;
        if (MixedScriptWords(text) >= MinObfuscatedWords) return true;
        if (s.Chars > MaxNoticeChars) return false;
        try { return StrongNotice.IsMatch(text) || ButtonLabel.IsMatch(text) || edge && NoticeLine.IsMatch(text); }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { return false; }
    }

    // A block's text with every run of white space (no-break spaces too) as one space, as the patterns expect.
    private static string PlainText(Segment s)
    {
        var sb = new System.Text.StringBuilder();
        bool space = false;
        foreach (var n in s.Nodes)
            foreach (var c in n.NodeValue ?? "")
            {
                if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }
        return sb.ToString();
    }

    /// <summary>A block opened by a copyright sign and no longer than this is a notice.</summary>
    public const int MaxCopyrightChars = 600;
    /// <summary>A block with this many words mixing Latin letters with Cyrillic or Greek ones is obfuscated text.</summary>
    public const int MinObfuscatedWords = 3;

    // Words written in two scripts at once ("Аdvеrtіѕе" with Cyrillic А, е, і, ѕ): real prose in any language does not
    // mix Latin with Cyrillic or Greek inside a word.
    internal static int MixedScriptWords(string text)
    {
        int count = 0, letters = 0;
        bool latin = false, other = false;
        foreach (var c in text.Append(' '))
        {
            if (!char.IsLetter(c))
            {
                if (latin && other && letters >= 4) count++;
                latin = other = false;
                letters = 0;
                continue;
            }
            letters++;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') latin = true;
            // Greek mu stays out: units ("μmol") mix it with Latin letters honestly
            else if (c is >= '\u0370' and <= '\u03FF' and not '\u03BC' or >= '\u0400' and <= '\u04FF') other = true;
        }
        return count;
    }

    private static readonly System.Text.RegularExpressions.Regex CopyrightOpening = new(
        @"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(50));

    // The whole block is a button's label.
    private static readonly System.Text.RegularExpressions.Regex ButtonLabel = new(
        @"^(?:load more|show more|mehr laden|weitere (?:inhalte|artikel|beiträge) laden|lade weitere (?:inhalte|artikel|beiträge)|cargar más|charger plus|afficher plus|załaduj więcej|pokaż więcej)\W*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(50));

    private static readonly System.Text.RegularExpressions.Regex StrongNotice = new(
        @"©|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|written permission|copyrighted property"
        + @"|download\s+(?:the|our)\s.{0,40}\bapps?\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(50));

    private static readonly System.Text.RegularExpressions.Regex NoticeLine = new(
        @"\bcopyright|\breprint"
        + @"|\bsubscribe\b|\babonnieren\b|\babonnez|\bsuscr[ií]bete|\bsubskrypcj|newsletter|app store|google play"
        + @"|^(?:read (?:also|more)|lesen sie auch|mehr zum thema|zum weiterlesen|weitere artikel|weiterführende links?|lire aussi|leer m[aá]s|lee también|czytaj (?:też|także|więcej)|leggi anche)\b"
        + @"|^(?:über den autor|about the author|sobre el autor|à propos de l'auteur)\b|artikel teilen|share this (?:article|story)|kommentare? schreiben|in den kommentaren|leave a comment",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(50));

    // A block that reads as a sentence: it ends with a sentence's punctuation and is not a credit.
    private static bool IsSentence(Segment s)
    {
        var last = s.Nodes.Count == 0 ? null : s.Nodes[^1].NodeValue?.TrimEnd();
        return !string.IsNullOrEmpty(last) && last[^1] is '.' or '!' or '?' or '…' or ':' or '"' or '”' or '“' or '»' or '«' or ')'
               && s.Words >= 3 && !IsCreditOrByline(s, int.MaxValue);
    }

    /// <summary>A block longer than this is prose, never a credit or a byline.</summary>
    public const int MaxCreditChars = 80;

    // Picture credits written as text ("Foto: Jan Kowalski/Courier", "AFP / MARCO BERTORELLO", "Augusta National/Getty
    // Images") anywhere, and a byline among the first blocks ("By Lena Fischer"): metadata, not the article's text.
    private static bool IsCreditOrByline(Segment s, int index)
    {
        if (s.Chars > MaxCreditChars) return false;
        var text = PlainText(s);
        if (text.Length == 0 || text.Length > MaxCreditChars * 2) return false;
        try { return CreditLine.IsMatch(text) || index < 3 && BylineLine.IsMatch(text); }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { return false; }
    }

    private static readonly System.Text.RegularExpressions.Regex CreditLine = new(
        @"^(?:(?:photo|photos|foto|fotos|bild|bilder|image|picture|credit|credits|crédit|crédits|illustration|grafik|video|quelle bild)\s*:|\(?(?:photo|foto|bild|image)s?\s*(?:by|von|:)\s|©\s*\w|\(c\)\s)"
        + @"|^[\p{L}\p{M} .,'&-]{0,60}\s*/\s*(?:getty images|afp|reuters|ap photo|ap|dpa|epa(?:-efe)?|picture[- ]alliance|shutterstock|istock(?:photo)?|imago(?: images)?|keystone|anadolu(?: agency)?|xinhua|sipa|alamy|unsplash|pexels)\b[\p{L} .,/-]{0,30}$"
        + @"|^(?:afp|ap|epa|reuters|dpa|anp|ansa|belga|keystone|xinhua)\s*/\s*[\p{Lu}\p{M} .'-]+$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(50));

    private static readonly System.Text.RegularExpressions.Regex BylineLine = new(
        @"^(?:by|von|par|por|di|door|av|af)\s+\p{Lu}[\p{L}\p{M}.'-]*(?:\s+(?:and|und|et|y|e|en|och|og|&|,)?\s*\p{Lu}?[\p{L}\p{M}.'-]*){0,7}$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromMilliseconds(50));

    private static TextAndMap Render(string raw, INode root, List<Segment> segments, bool[] final, bool skipBoilerplate)
    {
        var keepNodes = new HashSet<INode>();
        for (int i = 0; i < segments.Count; i++)
            if (final[i]) foreach (var node in segments[i].Nodes) keepNodes.Add(node);
        if (keepNodes.Count == 0) return new TextAndMap("", Dossier.Documents.OffsetMap.Identity);
        return ToText(raw, root, skipBoilerplate, keep: n => n.NodeType != NodeType.Text || keepNodes.Contains(n));
    }

    private static List<Segment> Segments(INode root)
    {
        var segments = new List<Segment>();
        var cur = new Segment();
        void Close() { if (cur.Chars > 0) { segments.Add(cur); cur = new Segment(); } }
        var stack = new Stack<(INode Node, bool Exit)>();
        var visible = VisibleChars(root);
        int pageChars = visible.GetValueOrDefault(root);
        stack.Push((root, false));
        int linkDepth = 0, headDepth = 0, itemDepth = 0;
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
                    if (name is "li" or "dd" or "dt") itemDepth--;
                    if (block) Close();
                    continue;
                }
                if (Skip.Contains(name) || el.HasAttribute("hidden") || LooksLikeChrome(el, visible, pageChars)) continue;
                if (block) Close();
                if (name == "br") continue;
                if (name == "a") linkDepth++;
                if (heading) headDepth++;
                if (name is "li" or "dd" or "dt") itemDepth++;
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
                // Kana and ideographs: no spaces between words; count two characters as a word.
                if (ch >= '\u3040' && ch <= '\u9FFF') { if ((chars & 1) == 0) words++; inWord = false; continue; }
                if (w && !inWord) words++;
                inWord = w;
            }
            if (chars == 0) continue;
            cur.Chars += chars; cur.Words += words;
            if (linkDepth > 0) cur.LinkChars += chars;
            if (headDepth > 0) cur.Heading = true;
            if (itemDepth > 0) cur.ListItem = true;
            cur.Nodes.Add(n);
        }
        Close();
        foreach (var s in segments)
        {
            double ld = (double)s.LinkChars / s.Chars;
            s.Kind = ld > MaxLinkShare ? Kind.Bad : s.Words >= GoodWords ? Kind.Good : s.Chars < ShortChars ? Kind.Short : Kind.Near;
        }
        return segments;
    }

    private static Kind Neighbour(List<Segment> segs, int i, int dir)
    {
        for (int k = i + dir; k >= 0 && k < segs.Count; k += dir)
            if (segs[k].Kind != Kind.Short) return segs[k].Kind;
        return Kind.Bad;
    }

    // Class or id tokens that mark page chrome (menus, share bars, comments, cookie notices).
    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "share", "sharing", "social", "cookie", "cookies",
        "comment", "comments", "related", "newsletter", "advert", "ad", "ads", "promo", "subscribe", "banner", "widget", "popup", "masthead", "toolbar", "pagination",
    };

    /// <summary>A chrome-looking element holding more than this share of the page's text is a wrapper, not chrome.</summary>
    public const double MaxChromeShare = 0.4;

    // A chrome tag (nav, footer, form…), role or class/id token, and the element does not hold most of the page's text (wrappers like "has-sidebar" do).
    private static bool LooksLikeChrome(IElement el, Dictionary<INode, int> chars, int pageChars)
    {
        var role = el.GetAttribute("role");
        // An article's own header holds its headline, standfirst and date line: not the site's chrome.
        bool chrome = Chrome.Contains(el.LocalName) && !(el.LocalName == "header" && el.ParentElement?.Closest("article") is not null)
                      || role is "navigation" or "banner" or "contentinfo" or "complementary";
        if (!chrome)
        {
            chrome = HasToken(el.GetAttribute("class"), ChromeWords) || HasToken(el.GetAttribute("id"), ChromeWords);
            if (!chrome) return false;
        }
        return chars.GetValueOrDefault(el) < pageChars * MaxChromeShare;
    }

    // Characters of text outside script, style and the like (TextContent counts script bodies too), for every element
    // of a subtree, in one iterative post-order pass.
    private static Dictionary<INode, int> VisibleChars(INode root)
    {
        var counts = new Dictionary<INode, int>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (x, exit) = stack.Pop();
            if (exit)
            {
                int n = 0;
                for (var c = x.FirstChild; c is not null; c = c.NextSibling)
                    n += c.NodeType == NodeType.Text ? c.NodeValue?.Length ?? 0 : counts.GetValueOrDefault(c);
                counts[x] = n;
                continue;
            }
            if (x is IElement e && Skip.Contains(e.LocalName)) { counts[x] = 0; continue; }
            stack.Push((x, true));
            for (var c = x.FirstChild; c is not null; c = c.NextSibling)
                if (c.NodeType != NodeType.Text) stack.Push((c, false));
        }
        return counts;
    }

    private static bool HasToken(string? s, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(s)) return false;
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var whole in s.AsSpan().SplitAny(" \t\n\r\f"))
        {
            var name = s.AsSpan()[whole];
            foreach (var r in name.SplitAny("-_"))
            {
                var tok = name[r];
                // "widget" only as a whole name (WordPress's sidebar "widget widget_text"): page builders call every block
                // of the article an "elementor-widget"
                if (tok.Length > 0 && lookup.Contains(tok) && (!tok.Equals("widget", StringComparison.OrdinalIgnoreCase) || name.Length == tok.Length)) return true;
            }
        }
        return false;
    }
}
