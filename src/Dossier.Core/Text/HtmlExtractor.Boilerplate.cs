using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Dossier.Text;

/// <summary>Boilerplate the page's markup names, removed before the readability pass.</summary>
public static partial class HtmlExtractor
{
    // Class or id tokens of blocks that are never the article's text, whatever the site: captions and picture credits,
    // tables of contents, paywall and newsletter boxes, related-story and teaser lists ("Teasers", plural: a German CMS
    // calls an article's own lead its "teaser"), post metadata and ratings.
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "credit", "credits", "copyright", "toc", "relatedposts", "postmetadata", "ratings",
        "share", "sharing", "social", "related", "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "cookie", "cookies",
        "promo", "advert", "ads", "ad", "disclaimer", "teasers",
    };
    // A class name that also says "content" or "article" is the container ("elementor-widget-theme-post-content"), and one
    // opening with a state prefix describes the container ("no-share", "has-paywall", "with-caption").
    private static readonly string[] ContainerWords = ["content", "article", "body", "main", "entry", "story"];
    // WordPress marks the post with its categories and tags ("category-social-issues").
    private static readonly string[] StatePrefixes = ["no-", "has-", "is-", "with-", "no_", "has_", "category-", "tag-"];
    private static readonly HashSet<string> CaptionWords = new(StringComparer.OrdinalIgnoreCase) { "caption", "credit", "credits" };

    /// <summary>Captions holding more than this share of the page's text are what the page shows (a gallery): they stay.</summary>
    public const double MaxCaptionShare = 0.25;

    // Readability scores containers by their text, so a caption, a related-story teaser or a newsletter box inside the
    // article container comes out with it. Elements the markup marks as such (chrome or boilerplate class and id tokens,
    // figcaption) are taken out of the DOM before it runs, unless they hold a large share of the page's text (a wrapper
    // like "has-sidebar" or a blog's "widget" that is the post).
    private static void RemoveBoilerplate(IHtmlDocument dom)
    {
        if (dom.Body is not { } body) return;
        var chars = VisibleChars(body);
        int pageChars = chars.GetValueOrDefault(body);
        var remove = new List<IElement>();
        var stack = new Stack<IElement>();
        for (var c = body.LastElementChild; c is not null; c = c.PreviousElementSibling) stack.Push(c);
        int captionChars = 0;
        while (stack.Count > 0)
        {
            var el = stack.Pop();
            if (IsBoilerplate(el, chars, pageChars))
            {
                remove.Add(el);
                if (IsCaption(el)) captionChars += chars.GetValueOrDefault(el);
                continue;
            }
            for (var c = el.LastElementChild; c is not null; c = c.PreviousElementSibling) stack.Push(c);
        }
        // The author's bio stays in the DOM for readability, which may take the byline from it, and leaves the text in
        // Prune, after the text's extent has been decided with it.
        foreach (var el in body.QuerySelectorAll("[class], [id]"))
            if ((NamesAuthorBio(el.GetAttribute("class")) || NamesAuthorBio(el.GetAttribute("id"))) && chars.GetValueOrDefault(el) < pageChars * MaxChromeShare)
            {
                // on every element inside too: readability replaces a wrapper by its only child
                el.SetAttribute(AuthorBioMark, "");
                foreach (var d in el.QuerySelectorAll("*")) d.SetAttribute(AuthorBioMark, "");
            }
        bool gallery = captionChars > pageChars * MaxCaptionShare;
        foreach (var el in remove)
            if (!gallery || !IsCaption(el)) el.Remove();
        Uncollapse(body);
        KeepInlineDatelines(body);
    }

    /// <summary>A paragraph at least this long is prose an inline dateline belongs to.</summary>
    public const int MinInlineProseChars = 80;

    // Readability takes any element whose class or id says byline, author or dateline for the byline and drops it; a
    // dateline opening a paragraph ("<p><span class="dateline">KOBE – </span>A total of 6,000 …") is the sentence's start,
    // and the place it names is the story's. Those names are taken off inline elements that are a small part of a
    // paragraph of prose.
    private static void KeepInlineDatelines(IElement body)
    {
        foreach (var el in body.QuerySelectorAll("p span, p a, p strong, p b, p em").ToList())
        {
            var p = el.Closest("p")!;
            int inner = el.TextContent.Length, whole = p.TextContent.Length;
            if (whole < MinInlineProseChars || inner * 3 > whole) continue;
            foreach (var attr in (ReadOnlySpan<string>)["class", "id"])
                if (el.GetAttribute(attr) is { } v && ReadabilityBylineName.IsMatch(v)) el.RemoveAttribute(attr);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex ReadabilityBylineName = new("byline|author|dateline|writtenby",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    // Class or id names of an article's lead: the standfirst or summary its header shows under the headline.
    private static readonly HashSet<string> LeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "lead", "standfirst", "intro", "summary", "excerpt", "subtitle", "subline", "dek", "deck", "abstract", "teaser", "description",
    };

    /// <summary>Shortest and longest lead taken back (shorter is a label, longer is a body the readability pass judged).</summary>
    public const int MinLeadTextChars = 60, MaxLeadTextChars = 800;

    // The article's lead, as its markup names it ("article-lead", "standfirst", an hgroup's subtitle), inside the article
    // or the header that holds the headline, outside any list of other items: readability often leaves it out with the
    // header. Returns its markup, to restore into the readability result.
    private static string? FindLead(IHtmlDocument dom)
    {
        if (dom.Body is not { } body) return null;
        foreach (var el in body.QuerySelectorAll("p, div, h2, span"))
        {
            bool named = NamesBoilerplate(el.GetAttribute("class"), LeadWords) || NamesBoilerplate(el.GetAttribute("id"), LeadWords)
                         || el.LocalName == "h2" && el.ParentElement?.LocalName == "hgroup";
            if (!named) continue;
            var text = el.TextContent.Trim();
            if (text.Length < MinLeadTextChars || text.Length > MaxLeadTextChars) continue;
            if (el.QuerySelectorAll("a").Sum(a => a.TextContent.Length) > text.Length * MaxLinkShare) continue;
            bool inArticle = el.Closest("article, main") is not null || el.Closest("header")?.QuerySelector("h1") is not null;
            if (!inArticle) continue;
            bool other = false;
            for (var x = el; x is not null && !other; x = x.ParentElement) other = x.LocalName is "nav" or "aside" or "footer" or "li" || NamesOtherItems(x);
            if (other) continue;
            return el.OuterHtml;
        }
        return null;
    }

    // Puts the lead back before the first paragraph of the readability result, when the result does not hold it.
    private static void RestoreLead(IHtmlDocument content, IElement body, string leadHtml)
    {
        var lead = Parser.ParseFragment(leadHtml, body).OfType<IElement>().FirstOrDefault();
        if (lead is null) return;
        var probe = lead.TextContent.Trim();
        probe = probe[..Math.Min(probe.Length, 40)];
        if (body.TextContent.Contains(probe, StringComparison.Ordinal)) return;
        // Before the first paragraph of text: not one that only wraps a picture inside a link or a figure.
        if (content.QuerySelectorAll("p").FirstOrDefault(p => p.TextContent.Trim().Length >= MinInlineProseChars / 2 && p.Closest("a, figure") is null) is { } first)
            first.Before(lead);
    }

    /// <summary>Paragraph text a collapsed block must hold to be the article's (not a hidden menu or a form).</summary>
    public const int MinCollapsedProseChars = 200;

    // A "read more" section collapsed by a class until the reader opens it ("toggle-group target hideOnInit", "is-collapsed")
    // is the article: readability passes over what its class calls hidden, so the class names that say so are taken off
    // blocks holding paragraphs of prose. (Hidden by the hidden attribute or an inline style, it stays out.)
    private static void Uncollapse(IElement body)
    {
        foreach (var el in body.QuerySelectorAll("[class]").ToList())
        {
            var names = el.GetAttribute("class")!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var collapsed = names.Where(IsCollapsedName).ToList();
            if (collapsed.Count == 0) continue;
            int prose = el.QuerySelectorAll("p").Sum(p => p.TextContent.Length);
            if (prose < MinCollapsedProseChars) continue;
            el.SetAttribute("class", string.Join(' ', names.Except(collapsed)));
        }
    }

    private static bool IsCollapsedName(string name) =>
        name.Contains("hide", StringComparison.OrdinalIgnoreCase) || name.Contains("hidden", StringComparison.OrdinalIgnoreCase)
        || name.Contains("collapse", StringComparison.OrdinalIgnoreCase) || name.Contains("invisible", StringComparison.OrdinalIgnoreCase);

    private static bool IsBoilerplate(IElement el, Dictionary<INode, int> chars, int pageChars)
    {
        bool hit = el.LocalName == "figcaption" || NamesBoilerplate(el.GetAttribute("class")) || NamesBoilerplate(el.GetAttribute("id"));
        return hit && chars.GetValueOrDefault(el) < pageChars * MaxChromeShare;
    }

    // Class or id tokens of blocks listing other items than the article (their dates are theirs).
    private static readonly HashSet<string> OtherItemsWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "related", "relatedposts", "sidebar", "widget", "nav", "navbar", "navigation", "menu", "breadcrumb",
        "breadcrumbs", "recent", "popular", "teaser", "teasers", "carousel", "ticker", "trending", "listitem", "mostread",
    };

    /// <summary>True when the element's class or id names a block of other items: comments, related or recent stories,
    /// teasers, a sidebar or widget, navigation.</summary>
    internal static bool NamesOtherItems(IElement el) =>
        NamesBoilerplate(el.GetAttribute("class"), OtherItemsWords) || NamesBoilerplate(el.GetAttribute("id"), OtherItemsWords);

    private static bool IsCaption(IElement el) =>
        el.LocalName == "figcaption" || NamesBoilerplate(el.GetAttribute("class"), CaptionWords) || NamesBoilerplate(el.GetAttribute("id"), CaptionWords);

    private static bool NamesBoilerplate(string? names) => NamesBoilerplate(names, BoilerplateWords);

    // The box about the author after a post ("author-bio", "post-author-bio", "about-the-author", "autor-beschreibung"):
    // a name saying author together with a word for a description of them. An author box that only names the author
    // ("author-info", "author-box") may be the byline and stays for it.
    private static readonly string[] AuthorWords = ["author", "autor", "auteur", "autore", "writer"];
    private static readonly string[] AboutWords = ["bio", "biography", "about", "description", "beschreibung", "biografie", "vita"];

    private const string AuthorBioMark = "data-dossier-author-bio";

    internal static bool InAuthorBio(INode node)
    {
        for (var e = node as IElement ?? node.ParentElement; e is not null; e = e.ParentElement)
            if (e.HasAttribute(AuthorBioMark) || NamesAuthorBio(e.GetAttribute("class")) || NamesAuthorBio(e.GetAttribute("id"))) return true;
        return false;
    }

    internal static bool NamesAuthorBio(string? names)
    {
        if (string.IsNullOrEmpty(names)) return false;
        foreach (var name in names.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = name.ToLowerInvariant().Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
            bool author = parts.Any(p => AuthorWords.Any(w => p == w || p == w + "s" || p.StartsWith(w + "bio", StringComparison.Ordinal)));
            bool about = parts.Any(p => AboutWords.Contains(p) || AuthorWords.Any(w => p == w + "bio"));
            if (author && about) return true;
        }
        return false;
    }

    private static bool NamesBoilerplate(string? names, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(names)) return false;
        foreach (var r in names.AsSpan().SplitAny(" \t\n\r\f"))
        {
            var name = names.AsSpan()[r];
            if (name.Length == 0) continue;
            bool state = false;
            foreach (var p in StatePrefixes) state |= name.StartsWith(p, StringComparison.OrdinalIgnoreCase);
            if (state) continue;
            // The last part that says what the element is decides: "article-toc" is a table of contents,
            // "elementor-widget-theme-post-content" the content.
            var parts = name.ToString().Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
            for (int i = parts.Length - 1; i >= 0; i--)
            {
                if (ContainerWords.Contains(parts[i], StringComparer.OrdinalIgnoreCase)) break;
                if (words.Contains(parts[i])) return true;
            }
        }
        return false;
    }
}
