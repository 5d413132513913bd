using System.Globalization;
using System.Text;

namespace Dossier.Fuzz;

/// <summary>Small structured generators: inputs that are nearly valid in each format, so mutations reach deep into the parsers.</summary>
/// <remarks>Each generator writes into a StringBuilder and stops near the length it is given. Deterministic for a given <see cref="Rng"/>.</remarks>
public static class Gen
{
    private static readonly string[] Words =
    [
        "the", "minister", "said", "on", "talks", "port", "government", "forces", "rebels", "agreed", "to", "a", "ceasefire", "in", "after",
        "President", "Ahmed", "Lina", "Haddad", "Moscow", "Syria", "Tehran", "U.N.", "EU", "NATO", "officials", "told", "reporters", "that",
        "would", "will", "could", "was", "were", "has", "been", "met", "attacked", "condemned", "denied", "announced", "signed", "deal",
        "according", "statement", "spokesman", "for", "and", "but", "not", "police", "Reuters", "BBC", "Mr.", "Dr.", "Gen.", "Sen.", "St.",
        "it's", "don't", "Russia's", "O'Neil", "al-Assad", "co-operation", "U.S.-led", "3.5", "70,000", "$2bn", "10%", "No.", "vs.", "etc.",
    ];

    private static string Word(Rng rng) => rng.Pick(Words);

    /// <summary>A sentence of ordinary words with, now and then, a time expression, an odd character or a quotation.</summary>
    public static void Sentence(StringBuilder sb, Rng rng, IReadOnlyList<string>? timeWords = null)
    {
        int n = rng.Between(1, 18);
        bool quote = rng.Chance(0.15);
        if (quote) sb.Append(rng.Chance(0.5) ? '"' : '“');
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(rng.Chance(0.97) ? " " : rng.Pick(Tokens.OddChars));
            int r = rng.Below(20);
            if (r < 13) sb.Append(i == 0 ? Capital(Word(rng)) : Word(rng));
            else if (r < 17) sb.Append(rng.Pick(Tokens.Time));
            else if (r < 18 && timeWords is { Count: > 0 }) sb.Append(rng.Pick(timeWords));
            else if (r < 19) sb.Append(rng.Pick(Tokens.Numbers));
            else sb.Append(rng.Pick(Tokens.Text));
        }
        if (quote) sb.Append(rng.Chance(0.5) ? "\"" : "”");
        sb.Append(rng.Below(8) switch { 0 => "", 1 => "?", 2 => "!", 3 => "...", 4 => ".\"", _ => "." });
    }

    private static string Capital(string w) => w.Length > 0 && char.IsLower(w[0]) ? char.ToUpperInvariant(w[0]) + w[1..] : w;

    /// <summary>A plain-text article: maybe a header block (date, title, author), paragraphs, embeds, pathological runs.</summary>
    public static string PlainText(Rng rng, int max, IReadOnlyList<string>? timeWords = null)
    {
        var sb = new StringBuilder();
        if (rng.Chance(0.4)) Header(sb, rng);
        while (sb.Length < max)
        {
            switch (rng.Below(12))
            {
                case 0: Run(sb, rng, max); break;
                case 1: sb.Append(rng.Pick(Tokens.Text)).Append(' ').Append(rng.Pick(["— Lina Haddad (@lina_h) ", "- Name (@x) ", "pic.twitter.com/Ab1 — Ahmed (@a) "])).Append(Date(rng)).Append('\n'); break;
                case 2: sb.Append(rng.Pick(Tokens.OddChars)); break;
                default:
                    int s = rng.Between(1, 5);
                    for (int i = 0; i < s; i++) { Sentence(sb, rng, timeWords); sb.Append(' '); }
                    sb.Append(rng.Below(4) switch { 0 => "\n", 1 => "\r\n\r\n", 2 => "\u2029", _ => "\n\n" });
                    break;
            }
            if (rng.Chance(0.08)) break;
        }
        return Cap(sb, max);
    }

    // A header block as wires and scrapers write them.
    private static void Header(StringBuilder sb, Rng rng)
    {
        int lines = rng.Between(1, 8);
        for (int i = 0; i < lines; i++)
        {
            var key = rng.Pick(["Date", "date", "Published", "Published on", "Posted", "Updated", "Modified", "Title", "Headline", "Author", "Byline", "URL", "Source", "Dated"]);
            sb.Append(key).Append(rng.Chance(0.7) ? ": " : " ");
            if (key.Contains("ate") || key.StartsWith('P') || key.StartsWith('U') || key.StartsWith('M')) sb.Append(Date(rng));
            else { Sentence(sb, rng); }
            if (rng.Chance(0.2)) { sb.Append(' '); Sentence(sb, rng); }
            sb.Append(rng.Chance(0.9) ? "\n" : "\r\n");
        }
        if (rng.Chance(0.7)) sb.Append('\n');
    }

    // Long stretches that once made scanners quadratic: no spaces, no punctuation, repeated near-misses.
    private static void Run(StringBuilder sb, Rng rng, int max)
    {
        var unit = rng.Pick(["a", "ab,", "x.", "--", "@a ", "a-", "U.", "(@x)", "http://a.b/", "1,", "'", "\u200B", "a\u0301", "&amp;", "<b>", "no punctuation here "]);
        int times = rng.Size(Math.Max(1, (max - sb.Length) / unit.Length));
        for (int i = 0; i < times; i++) sb.Append(unit);
    }

    /// <summary>Text dense with time expressions: phrases from the tagger's own word lists, numbers at the edges, ranges.</summary>
    public static string TimeText(Rng rng, int max, IReadOnlyList<string> timeWords)
    {
        var sb = new StringBuilder();
        while (sb.Length < max)
        {
            int n = rng.Between(1, 12);
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(rng.Chance(0.9) ? " " : rng.Pick([", ", "-", " - ", "\n", " and ", " to ", " of "]));
                switch (rng.Below(10))
                {
                    case < 3: sb.Append(rng.Pick(Tokens.Time)); break;
                    case < 6 when timeWords.Count > 0: sb.Append(rng.Chance(0.3) ? Capital(rng.Pick(timeWords)) : rng.Pick(timeWords)); break;
                    case 6: sb.Append(rng.Pick(Tokens.Numbers)); break;
                    case 7: sb.Append(rng.Between(0, 9999).ToString(CultureInfo.InvariantCulture)); break;
                    default: sb.Append(Word(rng)); break;
                }
            }
            sb.Append(rng.Pick([". ", ".\n", "? ", " ", "\n\n"]));
            if (rng.Chance(0.1)) break;
        }
        return Cap(sb, max);
    }

    /// <summary>A publication date string: one of the edge cases, or a random date-time with a random zone.</summary>
    public static string Date(Rng rng)
    {
        if (rng.Chance(0.6)) return rng.Pick(Tokens.Dates);
        int y = rng.Chance(0.3) ? rng.Pick([1, 2, 999, 1000, 9998, 9999]) : rng.Between(1, 9999);
        int m = rng.Between(rng.Chance(0.05) ? 0 : 1, rng.Chance(0.05) ? 99 : 12), d = rng.Between(rng.Chance(0.05) ? 0 : 1, rng.Chance(0.1) ? 99 : 28);
        var s = $"{y:D4}-{m:D2}-{d:D2}";
        if (rng.Chance(0.5)) s += $"T{rng.Between(0, 25):D2}:{rng.Between(0, 61):D2}";
        if (rng.Chance(0.3)) s += rng.Pick(["Z", "+14:00", "-14:00", "+99:99", "-00:30", "+05:45", " GMT", " PST"]);
        return s;
    }

    /// <summary>A page of nested elements with attributes, entities, scripts, broken nesting and text in between.</summary>
    public static string Html(Rng rng, int max, IReadOnlyList<string>? timeWords = null)
    {
        var sb = new StringBuilder();
        if (rng.Chance(0.5)) sb.Append(rng.Pick(["<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">", ""]));
        bool full = rng.Chance(0.7);
        if (full)
        {
            sb.Append("<html><head>");
            if (rng.Chance(0.5)) sb.Append("<title>").Append(Escape(Title(rng))).Append("</title>");
            if (rng.Chance(0.3)) sb.Append(rng.Pick(["<meta charset=\"utf-8\">", "<meta charset=\"windows-1251\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"]));
            if (rng.Chance(0.3)) sb.Append("<meta property=\"og:description\" content=\"").Append(Escape(Title(rng) + " " + Title(rng) + " " + Title(rng))).Append("\">");
            if (rng.Chance(0.3)) sb.Append("<meta property=\"article:published_time\" content=\"").Append(Date(rng)).Append("\">");
            if (rng.Chance(0.2)) sb.Append("<link rel=\"canonical\" href=\"").Append(rng.Pick(["https://example.org/a", "not a url", "https://", "javascript:alert(1)"])).Append("\">");
            sb.Append("</head><body>");
        }
        var open = new Stack<string>();
        while (sb.Length < max)
        {
            int r = rng.Below(16);
            if (r < 5)
            {
                var tag = rng.Pick(Tags);
                sb.Append('<').Append(tag);
                int attrs = rng.Below(3);
                for (int a = 0; a < attrs; a++) sb.Append(' ').Append(rng.Pick(Attributes));
                sb.Append(rng.Chance(0.05) ? "/>" : ">");
                if (!Void.Contains(tag)) open.Push(tag);
            }
            else if (r < 8 && open.Count > 0)
            {
                // mostly proper closing; sometimes the wrong one or none
                var tag = open.Pop();
                if (rng.Chance(0.9)) sb.Append("</").Append(rng.Chance(0.95) ? tag : rng.Pick(Tags)).Append('>');
            }
            else if (r < 13) { var t = new StringBuilder(); Sentence(t, rng, timeWords); sb.Append(Escape(t.ToString())); sb.Append(' '); }
            else if (r < 14) sb.Append(rng.Pick(Tokens.Html));
            else if (r < 15) sb.Append(rng.Pick(["<script>var a = '<p>not text</p>';</script>", "<style>p{}</style>", "<!-- comment <p> -->", "<![CDATA[ x ]]>", "<pre>  a\n   b</pre>", "<br><br><br>"]));
            else Run(sb, rng, Math.Min(max, sb.Length + 2000));
            if (rng.Chance(0.01)) break;
        }
        while (open.Count > 0 && rng.Chance(0.9)) sb.Append("</").Append(open.Pop()).Append('>');
        if (full && rng.Chance(0.8)) sb.Append("</body></html>");
        return Cap(sb, max);
    }

    private static readonly string[] Tags =
    [
        "p", "p", "p", "div", "div", "span", "a", "b", "i", "em", "article", "section", "main", "header", "footer", "nav", "aside", "h1", "h2",
        "h3", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote", "pre", "code", "figure", "figcaption", "time", "br", "hr", "img",
        "script", "style", "noscript", "template", "svg", "math", "iframe", "form", "button", "select", "option", "textarea", "dialog", "menu",
        "details", "summary", "center", "font", "address", "dl", "dt", "dd", "ruby", "rt", "object", "embed", "canvas", "x-custom", "frameset",
    ];
    private static readonly HashSet<string> Void = ["br", "hr", "img", "embed"];
    private static readonly string[] Attributes =
    [
        "class=\"article-body\"", "class=\"share\"", "class=\"nav-menu sidebar\"", "id=\"comments\"", "id=\"main\"", "role=\"navigation\"",
        "role=\"banner\"", "hidden", "itemprop=\"articleBody\"", "itemprop=\"author\"", "class=\"byline\"", "rel=\"author\"",
        "datetime=\"2025-02-12T10:00:00Z\"", "datetime=\"9999-12-31T23:59:59-14:00\"", "datetime=\"0001-01-01\"", "datetime=\"garbage\"",
        "href=\"https://example.org/x\"", "href=\"javascript:void(0)\"", "style=\"display:none\"", "lang=\"ar\" dir=\"rtl\"", "a=b", "=\"\"",
        "data-x='\"'", "class", "title=\"&amp;&#0;\"",
    ];

    private static string Title(Rng rng) { var t = new StringBuilder(); Sentence(t, rng); return t.ToString(); }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;");

    /// <summary>JSON Lines (or one object, or an array) with the reader's field names, wrong types, odd escapes and deep nesting.</summary>
    public static string Json(Rng rng, int max, IReadOnlyList<string>? timeWords = null)
    {
        var sb = new StringBuilder();
        int shape = rng.Below(10); // 0: array of objects, 1: pretty-printed object, else lines
        if (shape == 0) sb.Append('[');
        while (sb.Length < max)
        {
            JsonObject(sb, rng, max, pretty: shape == 1, timeWords);
            if (shape == 1) break;
            sb.Append(shape == 0 ? (rng.Chance(0.9) ? ",\n" : ",") : rng.Chance(0.9) ? "\n" : rng.Pick(["\r\n", "\n\n", " ", "\n//c\n"]));
            if (rng.Chance(0.15)) break;
        }
        if (shape == 0) sb.Append(']');
        return Cap(sb, max);
    }

    private static readonly string[] JsonFields = ["text", "html", "body", "content", "title", "headline", "published", "date", "pubDate", "time", "id", "guid", "url", "link", "byline", "author", "authors", "x"];

    private static void JsonObject(StringBuilder sb, Rng rng, int max, bool pretty, IReadOnlyList<string>? timeWords)
    {
        sb.Append('{');
        int fields = rng.Between(0, 7);
        for (int i = 0; i < fields; i++)
        {
            if (i > 0) sb.Append(',');
            if (pretty) sb.Append("\n  ");
            var name = rng.Pick(JsonFields);
            sb.Append('"').Append(name).Append("\":");
            JsonValue(sb, rng, name, 0, timeWords);
        }
        if (rng.Chance(0.05)) sb.Append(',');
        if (pretty) sb.Append('\n');
        sb.Append('}');
    }

    private static void JsonValue(StringBuilder sb, Rng rng, string field, int depth, IReadOnlyList<string>? timeWords)
    {
        int r = rng.Below(20);
        if (r < 12)
        {
            string s = field switch
            {
                "html" => Html(rng, rng.Size(2000), timeWords),
                "published" or "date" or "pubDate" or "time" => Date(rng),
                "text" or "body" or "content" => PlainText(rng, rng.Size(2000), timeWords),
                _ => Title(rng),
            };
            JsonString(sb, s, rng);
        }
        else if (r < 14) sb.Append(rng.Pick(Tokens.Numbers.Where(n => !n.Contains(',')).Append("1e999999").Append("-0").ToArray()));
        else if (r < 15) sb.Append(rng.Pick(["true", "false", "null"]));
        else if (r < 18 && depth < 3)
        {
            sb.Append('[');
            int n = rng.Below(4);
            for (int i = 0; i < n; i++) { if (i > 0) sb.Append(','); JsonValue(sb, rng, "x", depth + 1, timeWords); }
            sb.Append(']');
        }
        else if (r < 19 && depth < 3) { sb.Append("{\"name\":"); JsonValue(sb, rng, "x", depth + 1, timeWords); sb.Append('}'); }
        else
        {
            // deep nesting around and beyond the reader's depth limit
            int d = rng.Pick([10, 63, 64, 65, 200, 1000]);
            sb.Append('[', d).Append('1').Append(']', rng.Chance(0.9) ? d : d - 1);
        }
    }

    // A JSON string with escapes: ordinary ones, \u escapes of controls and surrogates (lone ones too), raw odd characters.
    private static void JsonString(StringBuilder sb, string s, Rng rng)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c < ' ') sb.Append($"\\u{(int)c:x4}");
            else if (char.IsSurrogate(c) || c > 0x7f && rng.Chance(0.05)) sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
            if (rng.Chance(0.002)) sb.Append(rng.Pick(["\\ud800", "\\udc00", "\\u0000", "\\ud83d\\ude00", "\\t", "\\/", "\\uFFFF", "\\u202e"]));
        }
        sb.Append('"');
    }

    /// <summary>An RSS 2.0, RSS 1.0 or Atom feed with items whose dates, entities and bodies are odd.</summary>
    public static string Feed(Rng rng, int max, IReadOnlyList<string>? timeWords = null)
    {
        var sb = new StringBuilder();
        int kind = rng.Below(3);
        if (rng.Chance(0.8)) sb.Append(rng.Pick(["<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", "<?xml version=\"1.0\"?>", "<?xml version=\"1.1\" encoding=\"iso-8859-1\"?>\n"]));
        if (rng.Chance(0.1)) sb.Append(rng.Pick(["<!DOCTYPE rss [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>", "<!DOCTYPE rss SYSTEM \"http://example.org/x.dtd\">", "<!DOCTYPE feed [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"]));
        sb.Append(kind switch
        {
            0 => "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed</title>",
            1 => "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed</title>",
            _ => "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Feed</title></channel>",
        });
        int items = rng.Between(0, 6);
        for (int i = 0; i < items && sb.Length < max; i++)
        {
            var (item, date, body) = kind switch { 0 => ("item", "pubDate", "description"), 1 => ("entry", rng.Pick(["published", "updated"]), rng.Pick(["content", "summary"])), _ => ("item", "dc:date", "description") };
            sb.Append('<').Append(item).Append('>');
            if (rng.Chance(0.8)) sb.Append("<title>").Append(XmlText(Title(rng), rng)).Append("</title>");
            if (rng.Chance(0.7)) sb.Append('<').Append(date).Append('>').Append(XmlText(Date(rng), rng)).Append("</").Append(date).Append('>');
            if (rng.Chance(0.3)) sb.Append(kind == 1 ? "<author><name>" + XmlText(Title(rng), rng) + "</name></author>" : "<dc:creator>" + XmlText(Title(rng), rng) + "</dc:creator>");
            if (rng.Chance(0.5)) sb.Append(kind == 1 ? "<link href=\"https://example.org/" + i + "\"/>" : "<link>https://example.org/" + i + "</link>");
            if (rng.Chance(0.85))
            {
                var content = rng.Chance(0.5) ? Html(rng, rng.Size(3000), timeWords) : PlainText(rng, rng.Size(3000), timeWords);
                sb.Append('<').Append(body).Append(kind == 1 && rng.Chance(0.5) ? " type=\"html\">" : ">");
                sb.Append(rng.Chance(0.5) ? "<![CDATA[" + content.Replace("]]>", "]]]]><![CDATA[>") + "]]>" : XmlText(content, rng));
                sb.Append("</").Append(body).Append('>');
            }
            if (kind == 0 && rng.Chance(0.2)) sb.Append("<content:encoded><![CDATA[").Append(Html(rng, rng.Size(2000), timeWords)).Append("]]></content:encoded>");
            sb.Append("</").Append(item).Append('>');
        }
        sb.Append(kind switch { 0 => "</channel></rss>", 1 => "</feed>", _ => "</rdf:RDF>" });
        return Cap(sb, max);
    }

    private static string XmlText(string s, Rng rng)
    {
        var e = s.Replace("&", "&amp;").Replace("<", "&lt;");
        if (rng.Chance(0.1)) e += rng.Pick(["&#0;", "&#xD800;", "&a;", "&nbsp;", "&#x1F600;", "&amp", "&#65;"]);
        return e;
    }

    /// <summary>CSV records: quoted fields with commas, doubled quotes and line breaks, unterminated quotes, NUL, blank lines.</summary>
    public static string Csv(Rng rng, int max)
    {
        var sb = new StringBuilder();
        if (rng.Chance(0.1)) sb.Append('\uFEFF');
        while (sb.Length < max)
        {
            int fields = rng.Between(1, 6);
            for (int f = 0; f < fields; f++)
            {
                if (f > 0) sb.Append(',');
                switch (rng.Below(6))
                {
                    case 0: sb.Append('"').Append(Title(rng).Replace("\"", "\"\"")).Append('"'); break;
                    case 1: sb.Append("\"a, b\nc \"\"d\"\"\""); break;
                    case 2: sb.Append(rng.Pick(Tokens.Csv)); break;
                    default: sb.Append(Word(rng)); break;
                }
            }
            sb.Append(rng.Pick(["\n", "\r\n", "\n\n", "\r", ""]));
            if (rng.Chance(0.1)) break;
        }
        return Cap(sb, max);
    }

    // Cuts at the limit without splitting a surrogate pair (mutations split pairs on purpose; generators do not).
    private static string Cap(StringBuilder sb, int max)
    {
        if (sb.Length <= max) return sb.ToString();
        int n = max;
        if (n > 0 && char.IsHighSurrogate(sb[n - 1])) n--;
        return sb.ToString(0, n);
    }
}
