using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dossier.Documents;

namespace Dossier.Text;

/// <summary>Main text of an HTML page: SmartReader (Readability) first, our own text-density extraction as the fallback.</summary>
/// <remarks>
/// Never fetches anything: SmartReader gets a document we parsed ourselves. The text keeps paragraph breaks (a blank line
/// between blocks; headings, list items and table rows on their own lines). The offset map back to the raw HTML is best
/// effort: each text node is anchored where its text is found in the raw markup, searching forward. DOM walks are
/// iterative, and pages nested deeper than <see cref="MaxDepth"/> skip SmartReader (whose walks recurse). Thread-safe.
/// </remarks>
public static partial class HtmlExtractor
{
    /// <summary>Pages nested deeper than this are extracted by our own iterative walk only.</summary>
    public const int MaxDepth = 400;
    /// <summary>Below this many characters, SmartReader's result is not trusted and the fallback is tried too.</summary>
    public const int MinReaderChars = 250;

    /// <summary>What came out of a page.</summary>
    /// <remarks><see cref="Published"/> is the page's own date (<see cref="PublicationDates"/>): its markup, its address,
    /// or a date line above or in its text.</remarks>
    public sealed record Extracted(string Text, OffsetMap Map, string? Title, string? Byline, FoundDate? Published, string Method)
    {
        /// <summary>The page's canonical address (link rel=canonical, else og:url), when it gives one.</summary>
        public string? Canonical { get; init; }
    }

    /// <summary>The canonical address a page declares: &lt;link rel="canonical"&gt;, else &lt;meta property="og:url"&gt;.</summary>
    internal static string? CanonicalUrl(IHtmlDocument dom)
    {
        var href = dom.QuerySelector("link[rel='canonical']")?.GetAttribute("href")
                   ?? dom.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        href = href?.Trim();
        return !string.IsNullOrEmpty(href) && Uri.IsWellFormedUriString(href, UriKind.Absolute) ? href : null;
    }

    // AngleSharp does not document its parser as thread-safe: one per thread, built once.
    private static readonly ThreadLocal<HtmlParser> Parsers = new(() => new HtmlParser(new HtmlParserOptions { IsScripting = false }));
    private static HtmlParser Parser => Parsers.Value!;

    /// <summary>Extracts the main text of <paramref name="html"/>; an error when none is found.</summary>
    public static (Extracted? Result, DossierError? Error) Extract(string html, string? url = null)
    {
        int estimate = EstimateDepth(html, MaxMarkupDepth);
        if (estimate > MaxMarkupDepth)
        {
            var flat = StripTags(html);
            if (flat.Text.Length > 0) return (new Extracted(flat.Text, flat.Map, null, null, PublicationDates.FromText(flat.Text, topOnly: true), "stripped"), null);
            return (null, Errors.BadHtml($"nested more than {MaxMarkupDepth} levels deep and no text"));
        }
        IHtmlDocument dom;
        try { dom = Parser.ParseDocument(html); }
        catch (Exception e) when (e is not OutOfMemoryException) { return (null, Errors.BadHtml(e.Message)); }
        string? title = Clean(dom.Title);
        string? canonical = CanonicalUrl(dom);
        // The date is read from the page as it came, before anything is taken out of it.
        var published = PublicationDates.FromMarkup(dom, url);
        int depth = Depth(dom.DocumentElement);
        bool fragment = !HasAny(html, "<html", "<body");
        if (fragment || depth > MaxDepth)
        {
            var all = ToText(html, dom.Body ?? (INode)dom.DocumentElement, skipBoilerplate: !fragment);
            if (all.Text.Length > 0) return (new Extracted(all.Text, all.Map, title, null, published ?? PublicationDates.FromText(all.Text, topOnly: true), fragment ? "fragment" : "deep") { Canonical = canonical }, null);
            return (null, Errors.BadHtml(depth > MaxDepth ? $"nested {depth} levels deep and no text" : "no text"));
        }
        // The fallbacks work on a pristine DOM (SmartReader rewrites the one it gets), parsed only when needed.
        IHtmlDocument? pristineDom = null;
        TextAndMap? densityResult = null;
        IHtmlDocument Pristine() => pristineDom ??= Parser.ParseDocument(html);
        TextAndMap Dense() => densityResult ??= Density(html, Pristine());
        RemoveBoilerplate(dom);
        var lead = FindLead(dom);
        try
        {
            using var reader = new SmartReader.Reader(string.IsNullOrEmpty(url) || !Uri.IsWellFormedUriString(url, UriKind.Absolute) ? "http://localhost/" : url, dom)
            { Debug = false, CharThreshold = 400 };
            var art = reader.GetArticle();
            if (art.IsReadable && !string.IsNullOrWhiteSpace(art.Content))
            {
                var content = Parser.ParseDocument(art.Content);
                if (lead is not null && content.Body is { } cb) RestoreLead(content, cb, lead);
                var t = Prune(html, content.Body ?? (INode)content.DocumentElement);
                if (t.Text.Length >= MinReaderChars || t.Text.Length >= Dense().Text.Length)
                {
                    var byline = Clean(art.Byline) ?? Clean(art.Author);
                    return (new Extracted(t.Text, t.Map, Clean(art.Title) ?? title, byline, published ?? DateInText(html, Pristine(), t.Text), "readability") { Canonical = canonical }, null);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException) { /* SmartReader gave up: the density extraction below decides */ }
        var density = Dense();
        if (density.Text.Length > 0) return (new Extracted(density.Text, density.Map, title, null, published ?? DateInText(html, Pristine(), density.Text), "density") { Canonical = canonical }, null);
        var pristine = Pristine();
        // A short page whose blocks are all small: its whole text, page chrome left out.
        var whole = ToText(html, pristine.Body ?? (INode)pristine.DocumentElement, skipBoilerplate: true);
        if (whole.Text.Length > 0) return (new Extracted(whole.Text, whole.Map, title, null, published ?? PublicationDates.FromText(whole.Text), "whole") { Canonical = canonical }, null);
        // Pages rendered by script carry their text only in metadata: the description is better than nothing.
        var meta = MetaDescription(pristine);
        if (meta is { Length: >= MinMetaChars })
        {
            var sb = new StringBuilder();
            var m = new OffsetMap.Builder();
            TextNormalizer.Append(meta, 0, meta.Length, sb, m);
            int at = html.IndexOf(meta.AsSpan(0, Math.Min(24, meta.Length)), StringComparison.Ordinal);
            var map = new OffsetMap.Builder();
            map.Anchor(0, Math.Max(0, at));
            return (new Extracted(sb.ToString(), map.Build(), title, null, published, "meta"), null);
        }
        return (null, Errors.BadHtml("neither the readability pass nor the text-density pass found a block of text"));
    }

    /// <summary>How many lines of the page above its main text are read for a date line.</summary>
    public const int MaxLinesAboveText = PublicationDates.MaxTopLines;
    /// <summary>A line of the main text at least this long is a paragraph, not a headline or a label.</summary>
    public const int MinLeadChars = 80;
    /// <summary>How much of that paragraph is looked for in the page (enough to tell it from a standfirst that opens alike).</summary>
    public const int MaxLeadProbe = 160;

    // A date line of the main text (top or end), else one in the lines the page shows just above it (the article's header,
    // which the readability pass leaves out: "By Jane Doe | First published February 1, 2016"). Page chrome is skipped,
    // so a masthead's "today" is not read.
    private static FoundDate? DateInText(string html, IHtmlDocument pristine, string mainText)
    {
        if (PublicationDates.FromText(mainText) is { } d) return d;
        // The first paragraph of the text (not the headline, which readability may keep above the date line).
        var lead = mainText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length >= MinLeadChars);
        if (lead is null) return null;
        var page = ToText(html, pristine.Body ?? (INode)pristine.DocumentElement, skipBoilerplate: true).Text;
        int at = page.IndexOf(lead[..Math.Min(lead.Length, MaxLeadProbe)], StringComparison.Ordinal);
        if (at < 0) return null;
        var above = page[..at].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(MaxLinesAboveText);
        if (at > 0 && PublicationDates.FromText(string.Join('\n', above), topOnly: true) is { } d2) return d2;
        // A labelled line just after the text ("First published on Mon 1 Feb 2016"), which the text itself leaves out.
        var tail = mainText.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length >= MinLeadChars);
        int end = tail is null ? -1 : page.IndexOf(tail[..Math.Min(tail.Length, MaxLeadProbe)], at, StringComparison.Ordinal);
        if (end < 0) return null;
        var below = page[end..].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Skip(1).Take(PublicationDates.MaxEndLines);
        return PublicationDates.FromLabelledLines(string.Join('\n', below));
    }

    /// <summary>A meta description shorter than this is not taken as the text of a page without body text.</summary>
    public const int MinMetaChars = 80;

    private static string? MetaDescription(IHtmlDocument dom)
    {
        foreach (var sel in (ReadOnlySpan<string>)["meta[property='og:description']", "meta[name='description']", "meta[name='twitter:description']"])
            if (dom.QuerySelector(sel)?.GetAttribute("content") is { } c && !string.IsNullOrWhiteSpace(c)) return c.Trim();
        return null;
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return TextNormalizer.Normalize(s).Replace('\n', ' ');
    }

    private static bool HasAny(string html, string a, string b) =>
        html.Contains(a, StringComparison.OrdinalIgnoreCase) || html.Contains(b, StringComparison.OrdinalIgnoreCase);

    private static int Depth(INode? root)
    {
        if (root is null) return 0;
        int max = 0;
        var stack = new Stack<(INode, int)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (n, d) = stack.Pop();
            if (d > max) max = d;
            if (max > MaxDepth) return max;
            for (var c = n.FirstChild; c is not null; c = c.NextSibling)
                if (c.NodeType == NodeType.Element) stack.Push((c, d + 1));
        }
        return max;
    }

    // Elements whose content is never article text. The obsolete plaintext and xmp hold markup source as literal text
    // (everything after <plaintext>, to the end of the page): SmartReader writes it back escaped, so reading its result
    // would turn tags into text longer than the page itself.
    private static readonly HashSet<string> Skip = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "button", "select", "option", "input", "textarea",
        "canvas", "map", "math", "rt", "rp", "plaintext", "xmp",
    };
    // Page chrome, skipped when the whole page is converted (not inside a readability result).
    private static readonly HashSet<string> Chrome = new(StringComparer.OrdinalIgnoreCase) { "nav", "header", "footer", "aside", "form", "menu", "dialog" };
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "figcaption", "address",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "header", "footer", "aside", "nav", "form", "fieldset", "details", "summary", "center", "caption",
    };
    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase) { "li", "tr", "dt", "dd", "option" };

    private sealed class TextSink(string raw)
    {
        public readonly StringBuilder Sb = new();
        public readonly OffsetMap.Builder Map = new();
        private int _cursor;
        private int _break; // 0 none, 1 line, 2 paragraph: emitted lazily before the next text
        private int _anchorClean, _anchorRaw; // the last anchor: characters after it map by their distance from it
        public void Break(int level) { if (level > _break) _break = level; }

        public void Text(string data, bool pre)
        {
            if (data.Length == 0) return;
            if (!pre && ArticleReader.IsBlank(data)) { if (Sb.Length > 0 && _break == 0) Space(); return; }
            if (_break > 0 && Sb.Length > 0) Glue(_break == 2 ? "\n\n" : "\n");
            _break = 0;
            // Text longer than the whole input was made by the parser (the prompt it writes for <isindex>): it has no
            // place in the raw markup, so every character of it maps to where the parser was.
            bool made = !Locate(data);
            foreach (var c in data)
            {
                if (made) Anchor(Sb.Length, Math.Min(_cursor, raw.Length));
                // HTML collapses source line breaks and tabs into spaces outside <pre>.
                Sb.Append(pre || c is not ('\n' or '\r' or '\t' or '\f') ? c : ' ');
            }
        }

        private void Space() { if (Sb.Length > 0 && Sb[^1] != ' ' && Sb[^1] != '\n') Glue(" "); }

        // Appends characters that are not text of the markup (block breaks, the space between nodes) where they fit.
        private void Glue(string s)
        {
            bool fits = KeepInside(Sb.Length, s.Length, -1);
            foreach (var c in s)
            {
                if (!fits) Anchor(Sb.Length, raw.Length);
                Sb.Append(c);
            }
        }

        private void Anchor(int clean, int at)
        {
            Map.Anchor(clean, at);
            _anchorClean = clean; _anchorRaw = at;
        }

        // Anchors the node to where its text first appears in the raw markup at or after the cursor; false when the text
        // cannot come from the markup (it is longer than all of it).
        private bool Locate(string data)
        {
            var probe = data.AsSpan().TrimStart();
            int lead = data.Length - probe.Length;
            int amp = probe.IndexOfAny('&', '<', '\u00A0');
            int len = Math.Min(Math.Min(probe.Length, 32), amp < 0 ? int.MaxValue : amp);
            int nl = probe[..len].IndexOfAny('\n', '\r');
            if (nl >= 0) len = nl;
            if (data.Length > raw.Length) return false;
            int found = len > 0 ? raw.AsSpan(_cursor).IndexOf(probe[..len], StringComparison.Ordinal) : -1;
            if (len >= 3 && found >= 0)
            {
                found += _cursor;
                Place(Sb.Length + lead, probe.Length, found);
                _cursor = found + len;
                return true;
            }
            // Not after the cursor: the parser moved the text (text inside a table goes before it, misnested formatting is
            // re-opened), so it is anchored where it stands earlier, leaving the cursor where it was.
            found = len > 0 ? raw.AsSpan().IndexOf(probe[..len], StringComparison.Ordinal) : -1;
            if (len >= 3 && found >= 0) { Place(Sb.Length + lead, probe.Length, found); return true; }
            // Too short to look for (or not in the markup as written): it maps by its distance from the last anchor, unless
            // that runs past the end of the raw input.
            return KeepInside(Sb.Length + lead, probe.Length, found);
        }

        // Anchors n characters at `at`, moved back as far as needed to end inside the input: a text node may join text
        // from several places of the markup ("a<body>aaa" is one node), so its start being found does not mean it fits.
        private void Place(int start, int n, int at) => Anchor(start, Math.Min(at, raw.Length - n));

        // Makes the n characters about to be appended at clean offset `start` map inside the raw input: if their distance
        // from the last anchor would carry them past its end, they are anchored where their text was found (`found`), or
        // as far back as they fit. Offsets stay best effort, but never point outside the input. False when n characters
        // do not fit in the input at all.
        private bool KeepInside(int start, int n, int found)
        {
            if (_anchorRaw + (start - _anchorClean) + n <= raw.Length) return true;
            if (n > raw.Length) return false;
            Place(start, n, found >= 0 ? found : raw.Length);
            return true;
        }

        public (string, OffsetMap) Finish()
        {
            // The node text goes through the normaliser, composing its offsets with the node anchors.
            var src = Sb.ToString();
            var srcMap = Map.Build();
            var sb = new StringBuilder(src.Length);
            var map = new OffsetMap.Builder();
            TextNormalizer.Append(src, 0, src.Length, sb, map, srcMap);
            return (sb.ToString(), map.Build());
        }
    }

    private readonly record struct TextAndMap(string Text, OffsetMap Map);

    // Iterative depth-first conversion of a subtree to text with block breaks.
    private static TextAndMap ToText(string raw, INode root, bool skipBoilerplate, Func<INode, bool>? keep = null)
    {
        var sink = new TextSink(raw);
        var chars = skipBoilerplate ? VisibleChars(root) : null;
        int pageChars = chars?.GetValueOrDefault(root) ?? 0;
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        int preDepth = 0;
        while (stack.Count > 0)
        {
            var (n, exit) = stack.Pop();
            if (n is IElement el)
            {
                var name = el.LocalName;
                int level = Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0;
                if (exit)
                {
                    if (level > 0) sink.Break(level);
                    if (name == "pre") preDepth--;
                    continue;
                }
                if (Skip.Contains(name) || el.HasAttribute("hidden") || chars is not null && LooksLikeChrome(el, chars, pageChars)) continue;
                if (keep is not null && !keep(n)) continue;
                if (name == "br") { sink.Break(1); continue; }
                if (name == "td" || name == "th") sink.Text(" ", false);
                if (level > 0) sink.Break(level);
                if (name == "pre") preDepth++;
                stack.Push((n, true));
                // children in reverse so they pop in document order
                for (var c = n.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
                continue;
            }
            if (n.NodeType == NodeType.Text)
            {
                // The blocks a pass chose (keep) hold the text nodes it kept: the others are left out.
                if (keep is null || keep(n)) sink.Text(n.NodeValue ?? "", preDepth > 0);
                continue;
            }
            if (n.NodeType is NodeType.Document or NodeType.DocumentFragment)
                for (var c = n.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
        }
        var (text, map) = sink.Finish();
        return new TextAndMap(text, map);
    }
}
