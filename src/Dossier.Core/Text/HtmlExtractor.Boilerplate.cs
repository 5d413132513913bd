using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Dossier.Text;

/// <summary>Boilerplate the page's markup names, removed before the readability pass.</summary>
public static partial class HtmlExtractor
{
    // Class or id tokens of blocks that are never the article's text, whatever the site: captions and picture credits,
    // tables of contents, paywall and newsletter boxes, related-story lists, post metadata and ratings.
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "credit", "credits", "copyright", "toc", "relatedposts", "postmetadata", "ratings",
        "share", "sharing", "social", "related", "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "cookie", "cookies",
        "promo", "advert", "ads", "ad", "disclaimer",
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
        bool gallery = captionChars > pageChars * MaxCaptionShare;
        foreach (var el in remove)
            if (!gallery || !IsCaption(el)) el.Remove();
        Uncollapse(body);
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
