using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Dossier.Text;

/// <summary>Where an article's publication date came from (the contract's <c>publishedFrom</c>).</summary>
public enum DateSource
{
    /// <summary>No date: relative times stay unresolved.</summary>
    None,
    /// <summary>The page's JSON-LD (an article's <c>datePublished</c>, in <c>@graph</c> too).</summary>
    JsonLd,
    /// <summary>The page's markup metadata: OpenGraph <c>article:published_time</c>, <c>itemprop="datePublished"</c>,
    /// <c>&lt;time datetime&gt;</c>, common meta names.</summary>
    Meta,
    /// <summary>A date in the page's address (/2016/02/01/).</summary>
    Url,
    /// <summary>A line of the text: a header ("Date: …"), a dateline or a "First published"/"Updated" line.</summary>
    Body,
    /// <summary>The input's own metadata: a feed item's date, a JSON line's field, <c>--published</c>.</summary>
    Input,
}

/// <summary>A publication date and where it was found; <see cref="At"/> only when the source gives a time with its zone
/// (a local time without one is not labelled UTC: the date alone is kept).</summary>
public readonly record struct FoundDate(DateOnly Date, DateTimeOffset? At, DateSource From);

/// <summary>Finds a web page's publication date, in order of trust: JSON-LD, OpenGraph and <c>itemprop</c>,
/// <c>&lt;time datetime&gt;</c>, common meta names, the address, then a dateline or "First published" line.</summary>
/// <remarks>Only the article's own date counts: JSON-LD objects of other kinds (an embedded video's <c>uploadDate</c> or
/// <c>datePublished</c>, an image, the site) are passed over, and so are <c>&lt;time&gt;</c> elements in page chrome
/// (navigation, asides, footers, comments, related stories). Stateless and thread-safe.</remarks>
public static class PublicationDates
{
    /// <summary>Earliest year taken for a publication date; years before it are template defaults, not dates.</summary>
    public const int MinYear = 1900;
    /// <summary>How many lines at the top of the main text are read for a dateline or a "Published" line.</summary>
    public const int MaxTopLines = 12;
    /// <summary>How many lines at the end of the main text are read for a "First published" line.</summary>
    public const int MaxEndLines = 4;
    /// <summary>Longest line read as a date line (longer ones are prose that mentions a date).</summary>
    public const int MaxDateLineChars = 120;
    /// <summary>Largest JSON-LD block parsed (bigger ones are data dumps, not page metadata).</summary>
    public const int MaxJsonLdChars = 512 * 1024;

    /// <summary>The name written in the contract.</summary>
    public static string Name(DateSource s) => s switch
    {
        DateSource.JsonLd => "jsonld", DateSource.Meta => "meta", DateSource.Url => "url", DateSource.Body => "body",
        DateSource.Input => "input", _ => "none",
    };

    /// <summary>The page's date from its markup (JSON-LD, metadata) or its address; null when none of them has one.</summary>
    public static FoundDate? FromMarkup(IHtmlDocument dom, string? url)
    {
        if ((FromJsonLd(dom) ?? FromMeta(dom)) is { } found) return InPublishersZone(dom, found);
        foreach (var u in new[] { url, HtmlExtractor.CanonicalUrl(dom) })
            if (FromUrl(u) is { } d) return d;
        return null;
    }

    // ---- JSON-LD ----

    private static FoundDate? FromJsonLd(IHtmlDocument dom)
    {
        FoundDate? best = null;
        int bestRank = int.MaxValue;
        foreach (var script in dom.QuerySelectorAll("script"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var text = script.TextContent;
            if (text.Length > MaxJsonLdChars) continue;
            text = text.Replace("<!--", "").Replace("-->", "").Replace("<![CDATA[", "").Replace("]]>", "").Trim();
            if (text.Length == 0) continue;
            try
            {
                using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Walk(json.RootElement, 0, ref best, ref bestRank);
            }
            catch (JsonException) { /* a broken block says nothing; the next source decides */ }
        }
        return best;
    }

    // Top-level objects, arrays of them, @graph members and a page's mainEntity: not every nested object (a related
    // article, a video, an item list), which are other things' dates.
    private static void Walk(JsonElement e, int depth, ref FoundDate? best, ref int bestRank)
    {
        if (depth > 4) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray()) Walk(x, depth + 1, ref best, ref bestRank);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        int rank = Rank(e);
        if (rank < bestRank && DateOf(e, rank) is { } d) { best = d; bestRank = rank; }
        if (e.TryGetProperty("@graph", out var graph)) Walk(graph, depth + 1, ref best, ref bestRank);
        if (rank == 1 && e.TryGetProperty("mainEntity", out var main)) Walk(main, depth + 1, ref best, ref bestRank);
    }

    // 0: an article, post, report, review, how-to or recipe; 1: the web page itself or a bare creative work; above:
    // anything else, media objects (an embedded video) and the site included (no date taken).
    private static int Rank(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var t)) return int.MaxValue;
        int rank = int.MaxValue;
        foreach (var name in t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : null) : [t.ValueKind == JsonValueKind.String ? t.GetString() : null])
        {
            if (name is null) continue;
            var n = name.AsSpan();
            int colon = n.LastIndexOfAny(':', '/');
            if (colon >= 0) n = n[(colon + 1)..];
            if (n.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || n.EndsWith("Posting", StringComparison.OrdinalIgnoreCase)
                || n.Equals("Report", StringComparison.OrdinalIgnoreCase) || n.Equals("Review", StringComparison.OrdinalIgnoreCase)
                || n.Equals("HowTo", StringComparison.OrdinalIgnoreCase) || n.Equals("Recipe", StringComparison.OrdinalIgnoreCase))
                rank = Math.Min(rank, 0);
            else if (n.Equals("WebPage", StringComparison.OrdinalIgnoreCase) || n.Equals("ItemPage", StringComparison.OrdinalIgnoreCase)
                     || n.Equals("CreativeWork", StringComparison.OrdinalIgnoreCase))
                rank = Math.Min(rank, 1);
        }
        return rank;
    }

    private static FoundDate? DateOf(JsonElement e, int rank)
    {
        if (rank > 1) return null;
        foreach (var key in (ReadOnlySpan<string>)["datePublished", "dateCreated"])
            if (e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && Parse(v.GetString(), DateSource.JsonLd) is { } d)
                return d;
        return null;
    }

    // A date written in UTC ("2022-04-22T04:11:44+00:00") is the publisher's day only when the publisher is on UTC: when
    // the page's other markup gives the same instant with its own offset ("2022-04-21T22:11:44-06:00"), that day is the
    // article's.
    private static FoundDate InPublishersZone(IHtmlDocument dom, FoundDate found)
    {
        if (found.At is not { Offset.Ticks: 0 } utc) return found;
        var values = FirstMeta.SelectMany(sel => dom.QuerySelectorAll(sel)).Select(m => m.GetAttribute("content"))
            .Concat(dom.QuerySelectorAll("[itemprop='datePublished'], time[datetime]").Where(t => !InChrome(t)).Select(t => t.GetAttribute("datetime") ?? t.GetAttribute("content")));
        foreach (var v in values)
            if (Parse(v, found.From) is { At: { } local } d && local.Offset.Ticks != 0 && Math.Abs((local.UtcDateTime - utc.UtcDateTime).TotalMinutes) <= 1)
                return found with { Date = d.Date, At = local };
        return found;
    }

    // ---- markup metadata ----

    // OpenGraph's article date and schema.org microdata first, then the common meta names sites and CMSs write.
    private static readonly string[] FirstMeta =
    [
        "meta[property='article:published_time']", "meta[name='article:published_time']", "meta[property='og:article:published_time']",
        "meta[property='og:published_time']", "meta[itemprop='datePublished']",
    ];

    private static readonly HashSet<string> CommonMetaNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "published-date", "publication_date",
        "publicationdate", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "article_date_original",
        "original-publish-date", "og:pubdate", "datepublished", "citation_publication_date", "citation_date", "displaydate",
        "cxenseparse:recs:publishtime", "article:published", "release_date", "created",
    };

    private static FoundDate? FromMeta(IHtmlDocument dom)
    {
        foreach (var sel in FirstMeta)
            foreach (var m in dom.QuerySelectorAll(sel))
                if (Parse(m.GetAttribute("content"), DateSource.Meta) is { } d) return d;
        // Microdata on any element: <span itemprop="datePublished" content="…">, <time itemprop="datePublished" datetime="…">.
        foreach (var el in dom.QuerySelectorAll("[itemprop='datePublished']"))
            if (!InChrome(el) && Parse(el.GetAttribute("datetime") ?? el.GetAttribute("content") ?? el.TextContent, DateSource.Meta) is { } d) return d;
        // <time datetime>: one marked as the publication's first, then the first outside page chrome.
        var times = dom.QuerySelectorAll("time[datetime]").Where(t => !InChrome(t) && !InItemList(t)).ToList();
        foreach (var t in times.Where(t => t.HasAttribute("pubdate")).Concat(times))
            if (Parse(t.GetAttribute("datetime"), DateSource.Meta) is { } d) return d;
        foreach (var m in dom.QuerySelectorAll("meta"))
        {
            var name = m.GetAttribute("name") ?? m.GetAttribute("property") ?? m.GetAttribute("itemprop");
            if (name is not null && CommonMetaNames.Contains(name.Trim()) && Parse(m.GetAttribute("content"), DateSource.Meta) is { } d) return d;
        }
        return null;
    }

    // Inside navigation, comments, a related-stories or teaser list, a sidebar or widget, an aside or footer of the
    // page (not of the article), or the site's header: another item's date, or today's. Only the elements below the article (or main, or body) count:
    // the classes of the page's containers ("ads-helper", "single-promo") say nothing of one date.
    private static bool InChrome(IElement el)
    {
        for (var x = el; x is not null && x.LocalName is not ("article" or "main" or "body"); x = x.ParentElement)
        {
            if (x.LocalName is "nav" or "menu") return true;
            if (x.LocalName is "aside" or "footer" && x.Closest("article, main") is null) return true;
            // The site's masthead shows today's date; a header holding the headline is the post's own.
            if (x.LocalName == "header" && x.Closest("article, main") is null && x.QuerySelector("h1") is null) return true;
            if (HtmlExtractor.NamesOtherItems(x)) return true;
        }
        return false;
    }

    // One of a list of like items, each with its own date (teaser cards, a list of materials or episodes): the date of
    // that item. Found as an ancestor (a few levels up) with at least two siblings of its tag and class holding a <time>.
    private static bool InItemList(IElement el)
    {
        int depth = 0;
        for (var x = el.ParentElement; x?.ParentElement is { } parent && depth < MaxItemDepth && x.LocalName is not ("article" or "main" or "body"); x = parent, depth++)
        {
            var cls = x.GetAttribute("class");
            int like = 0;
            foreach (var sib in parent.Children)
                if (sib != x && sib.LocalName == x.LocalName && sib.GetAttribute("class") == cls && sib.QuerySelector("time") is not null && ++like >= 2) return true;
        }
        return false;
    }

    /// <summary>How far up from a &lt;time&gt; a list item is looked for.</summary>
    public const int MaxItemDepth = 5;

    // ---- address ----

    private static readonly Regex UrlDate = new(
        @"(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?:/(?<m>[01]?[0-9])/(?<d>[0-3]?[0-9])(?=/|$|[^0-9])|-(?<m>[01][0-9])-(?<d>[0-3][0-9])(?![0-9])|(?<m>[01][0-9])(?<d>[0-3][0-9])(?=[/_.-]|$))",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>A full date (year, month and day) in an address's path: /2016/02/01/, /2016-02-01-, /20160201/.</summary>
    public static FoundDate? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var u)) return null;
        var path = u.AbsolutePath;
        try
        {
            foreach (Match m in UrlDate.Matches(path))
                if (int.TryParse(m.Groups["y"].Value, out int y) && int.TryParse(m.Groups["m"].Value, out int mo) && int.TryParse(m.Groups["d"].Value, out int d)
                    && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && Plausible(new DateOnly(y, mo, d)))
                    return new FoundDate(new DateOnly(y, mo, d), null, DateSource.Url);
        }
        catch (RegexMatchTimeoutException) { }
        return null;
    }

    // ---- the text ----

    // Words that open a line giving the article's date, by trust: a first publication, a publication, an update.
    private static readonly (string Word, int Rank)[] LineWords =
    [
        ("first published", 0), ("originally published", 0), ("published", 1), ("posted", 1), ("date", 1), ("veröffentlicht", 1),
        ("erstellt", 1), ("publié", 1), ("publicado", 1), ("creado", 1), ("pubblicato", 1), ("gepubliceerd", 1), ("opublikowano", 1),
        ("publicerad", 1), ("julkaistu", 1), ("udgivet", 1),
        ("updated", 2), ("last updated", 2), ("aktualisiert", 2), ("stand", 2), ("mis à jour", 2), ("actualizado", 2),
        ("aggiornato", 2), ("bijgewerkt", 2), ("päivitetty", 2), ("uppdaterad", 2),
    ];

    // Longest first, so "first published" is matched before "published" (sorted once, not per line).
    private static readonly (string Word, int Rank)[] LineWordsLongestFirst = [.. LineWords.OrderByDescending(w => w.Word.Length)];

    /// <summary>A date line in <paramref name="text"/>: a line opening with "First published", "Published", "Posted",
    /// "Updated" (or their German, French, Spanish, Italian, Dutch and Polish words) and a date, or a date standing alone
    /// as a line at the top (a dateline); <paramref name="topOnly"/> reads only the top lines.</summary>
    public static FoundDate? FromText(string text, bool topOnly = false) => FromText(text, topOnly, labelledOnly: false);

    /// <summary>A labelled date line ("First published …", "Updated …") anywhere in <paramref name="text"/>: the lines a page
    /// shows after its text.</summary>
    public static FoundDate? FromLabelledLines(string text) => FromText(text, topOnly: false, labelledOnly: true);

    private static FoundDate? FromText(string text, bool topOnly, bool labelledOnly)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        FoundDate? best = null;
        int bestRank = int.MaxValue;
        for (int i = 0; i < lines.Count; i++)
        {
            bool top = !labelledOnly && i < MaxTopLines, end = labelledOnly || !topOnly && i >= lines.Count - MaxEndLines;
            if (!top && !end) continue;
            var line = lines[i];
            if (line.Length > MaxDateLineChars)
            {
                if (labelledOnly) continue;
                // A long line is a paragraph: only a dateline opening one of the first counts ("31. Oktober 2023. Der …").
                if (i < MaxOpeningLines && OpeningDate(line) is { } open && 3 < bestRank) { best = open; bestRank = 3; }
                continue;
            }
            if (LineDate(line, top) is { } hit && hit.Rank < bestRank) { best = hit.Date; bestRank = hit.Rank; }
        }
        return best;
    }

    private static (FoundDate Date, int Rank)? LineDate(string line, bool top)
    {
        var s = line.AsSpan();
        foreach (var (word, rank) in LineWordsLongestFirst)
        {
            if (!s.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = s[word.Length..].TrimStart();
            // "Published on", "Veröffentlicht am", "Publié le", "Posted:"
            if (rest.StartsWith(":") || rest.StartsWith("-") || rest.StartsWith("–")) rest = rest[1..].TrimStart();
            // "Posted by Jane Doe on …", "Erstellt von Fabian am …": the author between the label and the date.
            foreach (var by in (ReadOnlySpan<string>)["by ", "von ", "par ", "di ", "door ", "por ", "przez "])
                if (rest.StartsWith(by, StringComparison.OrdinalIgnoreCase)) { rest = AfterAuthor(rest[by.Length..]); break; }
            foreach (var joiner in Joiners)
                if (rest.StartsWith(joiner, StringComparison.OrdinalIgnoreCase)) { rest = rest[joiner.Length..].TrimStart(); break; }
            if (DatePrefix(rest, out _, monthFirst: word is "published" or "posted" or "date" or "updated" or "last updated" or "first published" or "originally published") is { } d) return (d, rank);
            return null;
        }
        // ", 21. Jan. 2015" after an author's name, "| 12.02.2025": separators before a dateline.
        s = s.TrimStart(",|·•-–— ");
        if (!top) return null;
        // A date alone at the top ("February 1, 2016", "12.02.2025 | 10:30"): a dateline; or one opening the text's first
        // paragraph ("31. Oktober 2023. Dragqueens sind …", "Feb. 1, 2016 — The council …").
        if (DatePrefix(s, out int used, monthFirst: null) is { } alone && EndsLine(s[used..])) return (alone, 3);
        if (OpeningDate(s) is { } opening) return (opening, 3);
        // A short line that ends with one after a name or a place ("Georg Quaas, 21. Jan. 2015", "By Jane Doe | Feb 1, 2016",
        // "PARIS, 12 February 2025").
        // Also after a few label words with no separator ("Pressemitteilung Aktuell 02. November 2021").
        if (s.Length <= MaxBylineChars)
            for (int i = 1, words = 1; i < s.Length - 6; i++)
            {
                if (s[i] == ' ' && s[i - 1] != ' ') words++;
                bool label = s[i] == ' ' && words <= MaxLabelWords && !s[..i].ContainsAny("0123456789") && !EndsWithLimitWord(s[..i]);
                if (s[i] is not (',' or '|' or '·' or '•' or '–' or '—') && !label) continue;
                var rest = s[(i + 1)..].TrimStart();
                if (DatePrefix(rest, out int u, monthFirst: null) is { } d && EndsLine(rest[u..])) return (d, 3);
            }
        return null;
    }

    // A date at the start of s, in the forms pages write: ISO, English month names (DateText), "21. Jan. 2015",
    // "7 kwietnia 2021", "5 November 2023", "1er février 2016", 01.02.2016, and 27/04/2022 when the order is known
    // (monthFirst: true for an English label, false for another language's, null when unknown: only unambiguous ones).
    private static readonly string[] Joiners = ["on ", "at ", "am ", "le ", "el ", "il ", "op ", "in ", "w "];

    /// <summary>Most words of an author's name between "by" and the date ("Posted by Jane Doe on …").</summary>
    public const int MaxAuthorWords = 4;

    // The text after an author's name: up to the joiner that introduces the date ("Fabian am Dienstag …" → "am Dienstag …"),
    // or the text itself when no joiner follows within a name's length.
    private static ReadOnlySpan<char> AfterAuthor(ReadOnlySpan<char> s)
    {
        int words = 0;
        for (int i = 0; i < s.Length && words <= MaxAuthorWords; i++)
        {
            if (i > 0 && s[i - 1] == ' ')
            {
                words++;
                foreach (var joiner in Joiners)
                    if (s[i..].StartsWith(joiner, StringComparison.OrdinalIgnoreCase)) return s[i..];
            }
            if (s[i] is ',' or '|' or '·' or '•' or '–' or '—') return s[(i + 1)..].TrimStart();
        }
        return s;
    }

    /// <summary>How many of the text's first lines may open with a dateline.</summary>
    public const int MaxOpeningLines = 3;

    // A date opening a paragraph and closed by a full stop, colon or dash ("31. Oktober 2023. Dragqueens sind …",
    // "Feb. 1, 2016 — The council …").
    private static FoundDate? OpeningDate(ReadOnlySpan<char> s)
    {
        if (DatePrefix(s, out int used, monthFirst: null) is not { } d) return null;
        var after = s[used..];
        bool closed = after.Length > 2 && after[0] is '.' or ':' && after[1] == ' ' || after.TrimStart().StartsWith("— ") || after.TrimStart().StartsWith("– ");
        return closed ? d : null;
    }

    /// <summary>Most words before a date on a label line with no separator ("Pressemitteilung Aktuell 02. November 2021").</summary>
    public const int MaxLabelWords = 4;

    // "Antworten bis 23.06.2006", "Apply before 1 March 2022": a deadline or a span, not the day of publication.
    private static readonly HashSet<string> LimitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "bis", "until", "till", "before", "after", "since", "seit", "ab", "vor", "nach", "to", "deadline", "jusqu'au", "avant", "hasta", "antes",
    };

    private static bool EndsWithLimitWord(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        int k = s.LastIndexOf(' ');
        return LimitWords.Contains(s[(k + 1)..].ToString());
    }

    /// <summary>Longest line read as a name or place followed by a date ("Georg Quaas, 21. Jan. 2015").</summary>
    public const int MaxBylineChars = 80;

    // Nothing after a date but a separator, a time or a zone ("| 10:30", ", 14:09 Uhr", "6:30 PM"), or an author's
    // initials in brackets ("14.06.2019 (ch)").
    private static bool EndsLine(ReadOnlySpan<char> after)
    {
        after = after.Trim();
        return after.IsEmpty || after[0] is '|' or '·' or '•' or ',' or '-' or '–' or '—' || after.Length <= 12 && after.ContainsAny("0123456789")
               || after.Length <= 8 && after[0] == '(' && after[^1] == ')'
               // the rest of a time the date's parser read ("2022/04/28 05:03pm" leaves "pm")
               || after.Length <= 4 && (after.Equals("am", StringComparison.OrdinalIgnoreCase) || after.Equals("pm", StringComparison.OrdinalIgnoreCase)
                                        || after.Equals("a.m.", StringComparison.OrdinalIgnoreCase) || after.Equals("p.m.", StringComparison.OrdinalIgnoreCase)
                                        || after.Equals("uhr", StringComparison.OrdinalIgnoreCase) || after.Equals("h", StringComparison.OrdinalIgnoreCase));
    }

    private static FoundDate? DatePrefix(ReadOnlySpan<char> s, out int used, bool? monthFirst)
    {
        used = 0;
        // a weekday before the date ("Monday, February 1, 2016", "Dienstag, 2. November 2021")
        int k = 0;
        while (k < s.Length && char.IsLetter(s[k])) k++;
        if (k >= 2 && k < s.Length && IsWeekday(s[..k]))
        {
            int j = k;
            while (j < s.Length && s[j] is ',' or ' ' or '.' or '|') j++;
            if (j > k && DatePrefix(s[j..], out int u, monthFirst) is { } d) { used = j + u; return d; }
            return null;
        }
        if (DateText.TryParsePrefix(s, out var date, out var at, out used) && Plausible(date)) return new FoundDate(date, at, DateSource.Body);
        if ((NamedMonthDate(s, out date, out used) || NumericDate(s, monthFirst, out date, out used)) && Plausible(date))
            return new FoundDate(date, null, DateSource.Body);
        return null;
    }

    // Month names and their usual abbreviations in the languages of European news sites (nominative and, for Polish and
    // Czech, the genitive a date uses).
    private static readonly Dictionary<string, int> MonthWords = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] byMonth =
        [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro", "stycznia", "styczeń", "tammikuuta", "ledna"],
            ["february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio", "februari", "fevereiro", "fev", "lutego", "luty", "helmikuuta", "února"],
            ["march", "mar", "märz", "mär", "mrz", "mars", "marzo", "maart", "março", "marca", "marzec", "maaliskuuta", "března"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "huhtikuuta", "dubna"],
            ["may", "mai", "mayo", "maggio", "mag", "mei", "maj", "maio", "maja", "toukokuuta", "května"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "kesäkuuta", "června"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec", "heinäkuuta", "července"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpnia", "sierpień", "elokuuta", "srpna"],
            ["september", "sep", "sept", "septembre", "septiembre", "set", "settembre", "setembro", "września", "wrzesień", "syyskuuta", "září"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października", "październik", "lokakuuta", "října"],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "marraskuuta", "listopadu"],
            ["december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień", "joulukuuta", "prosince"],
        ];
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int m = 0; m < 12; m++) foreach (var w in byMonth[m]) d.TryAdd(w, m + 1);
        return d;
    }

    // "21. Jan. 2015", "2. November 2021", "7 kwietnia 2021", "1er février 2016", "5 de mayo de 2020"; "März 3, 2020" is not a form.
    private static bool NamedMonthDate(ReadOnlySpan<char> s, out DateOnly date, out int used)
    {
        date = default; used = 0;
        int i = 0, day = 0, n = 0;
        while (i < s.Length && n < 2 && char.IsAsciiDigit(s[i])) { day = day * 10 + (s[i++] - '0'); n++; }
        if (n == 0) return false;
        if (i + 1 < s.Length && s[i] == 'e' && s[i + 1] == 'r') i += 2; // 1er
        if (i < s.Length && s[i] == '.') i++;
        int sp = i;
        while (i < s.Length && s[i] == ' ') i++;
        if (i == sp) return false;
        if (s[i..].StartsWith("de ", StringComparison.OrdinalIgnoreCase)) i += 3;
        int w = i;
        while (i < s.Length && char.IsLetter(s[i])) i++;
        if (i == w || !MonthWords.TryGetValue(s[w..i].ToString(), out int month)) return false;
        if (i < s.Length && s[i] == '.') i++;
        while (i < s.Length && s[i] is ' ' or ',') i++;
        if (s[i..].StartsWith("de ", StringComparison.OrdinalIgnoreCase)) i += 3;
        int y = 0, ny = 0;
        while (i < s.Length && ny < 4 && char.IsAsciiDigit(s[i])) { y = y * 10 + (s[i++] - '0'); ny++; }
        if (ny != 4 || day < 1 || day > DateTime.DaysInMonth(y, month)) return false;
        date = new DateOnly(y, month, day);
        if (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            // the same date in figures glued on (a page's two renderings, one hidden: "21 de Abril de 202221/04/2022")
            var rest = s[i..];
            bool same = NumericDate(rest, false, out var again, out int u) && again == date || NumericDate(rest, true, out again, out u) && again == date;
            if (!same) { date = default; return false; }
            i += u;
        }
        used = i;
        return true;
    }

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
    };

    private static bool IsWeekday(ReadOnlySpan<char> w) => Weekdays.Contains(w.ToString());

    // 01.02.2016 and 18. 05. 2014 (day first, the dotted form of European pages); 27/04/2022 by the order the label's
    // language writes, or whichever order is the only possible one.
    private static bool NumericDate(ReadOnlySpan<char> s, bool? monthFirst, out DateOnly date, out int used)
    {
        if (DottedDate(s, out date, out used) || YearFirstSlashed(s, out date, out used)) return true;
        date = default; used = 0;
        int i = 0, a = 0, b = 0, y = 0, n;
        for (n = 0; i < s.Length && n < 2 && char.IsAsciiDigit(s[i]); n++) a = a * 10 + (s[i++] - '0');
        if (n == 0 || i >= s.Length || s[i] != '/') return false;
        i++;
        for (n = 0; i < s.Length && n < 2 && char.IsAsciiDigit(s[i]); n++) b = b * 10 + (s[i++] - '0');
        if (n == 0 || i >= s.Length || s[i] != '/') return false;
        i++;
        for (n = 0; i < s.Length && n < 4 && char.IsAsciiDigit(s[i]); n++) y = y * 10 + (s[i++] - '0');
        if (n != 4 || i < s.Length && char.IsAsciiDigit(s[i])) return false;
        bool mf;
        if (a > 12 && b <= 12) mf = false;
        else if (b > 12 && a <= 12) mf = true;
        else if (monthFirst is { } known) mf = known;
        else return false;
        int m = mf ? a : b, d = mf ? b : a;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        used = i;
        return true;
    }

    // "2022/04/28": with the year first the order is year, month, day (East Asian, Latin American and CMS formats).
    private static bool YearFirstSlashed(ReadOnlySpan<char> s, out DateOnly date, out int used)
    {
        date = default; used = 0;
        int i = 0, y = 0, m = 0, d = 0, n;
        for (n = 0; i < s.Length && n < 4 && char.IsAsciiDigit(s[i]); n++) y = y * 10 + (s[i++] - '0');
        if (n != 4 || i >= s.Length || s[i] != '/') return false;
        i++;
        for (n = 0; i < s.Length && n < 2 && char.IsAsciiDigit(s[i]); n++) m = m * 10 + (s[i++] - '0');
        if (n == 0 || i >= s.Length || s[i] != '/') return false;
        i++;
        for (n = 0; i < s.Length && n < 2 && char.IsAsciiDigit(s[i]); n++) d = d * 10 + (s[i++] - '0');
        if (n == 0 || i < s.Length && char.IsAsciiDigit(s[i])) return false;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        used = i;
        return true;
    }

    private static bool DottedDate(ReadOnlySpan<char> s, out DateOnly date, out int used)
    {
        date = default; used = 0;
        int i = 0, d = 0, m = 0, y = 0, n;
        for (n = 0; i < s.Length && n < 2 && char.IsAsciiDigit(s[i]); n++) d = d * 10 + (s[i++] - '0');
        if (n == 0 || i >= s.Length || s[i] != '.') return false;
        i++;
        if (i < s.Length && s[i] == ' ') i++;
        for (n = 0; i < s.Length && n < 2 && char.IsAsciiDigit(s[i]); n++) m = m * 10 + (s[i++] - '0');
        if (n == 0 || i >= s.Length || s[i] != '.') return false;
        i++;
        while (i < s.Length && s[i] == ' ') i++;
        for (n = 0; i < s.Length && n < 4 && char.IsAsciiDigit(s[i]); n++) y = y * 10 + (s[i++] - '0');
        if (n != 4 || i < s.Length && char.IsAsciiDigit(s[i])) return false;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        used = i;
        return true;
    }

    // ---- shared ----

    private static FoundDate? Parse(string? value, DateSource from)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64) return null;
        value = value.Trim();
        // Unix time in seconds or milliseconds (<time datetime="1651035600">): an instant, dated in UTC.
        if (value.Length is 9 or 10 or 12 or 13 && value.All(char.IsAsciiDigit) && long.TryParse(value, out long unix))
        {
            var instant = value.Length >= 12 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            var day = DateOnly.FromDateTime(instant.UtcDateTime);
            return Plausible(day) ? new FoundDate(day, instant, from) : null;
        }
        if (DateText.TryParse(value, out var date, out var at)) return Plausible(date) ? new FoundDate(date, at, from) : null;
        // A field that opens with an ISO date and then goes wrong ("2022-01-10T22:06:08:684Z"): the date is still its.
        if (DateText.TryParsePrefix(value, out date, out _, out int used) && used >= 10 && char.IsAsciiDigit(value[0]) && Plausible(date))
            return new FoundDate(date, null, from);
        return null;
    }

    // Template defaults (0001-01-01, the Unix epoch) and dates after next year are no publication dates.
    private static bool Plausible(DateOnly d) =>
        d.Year >= MinYear && d.Year <= DateTime.UtcNow.Year + 1 && d != new DateOnly(1970, 1, 1);
}
