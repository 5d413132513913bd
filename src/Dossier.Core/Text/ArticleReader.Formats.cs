using System.Net;
using System.Text.Json;
using CodeHollow.FeedReader;

namespace Dossier.Text;

public static partial class ArticleReader
{
    /// <summary>Detects the format from the file extension, then from the first characters of the content.</summary>
    public static InputFormat DetectFormat(string name, string text)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        switch (ext)
        {
            case ".html": case ".htm": case ".xhtml": case ".shtml": return InputFormat.Html;
            case ".jsonl": case ".ndjson": case ".json": return InputFormat.Jsonl;
            case ".rss": case ".atom": return InputFormat.Rss;
            case ".txt": case ".text": case ".md": return InputFormat.Text;
        }
        return Sniff(text, ext == ".xml");
    }

    // Looks at the first non-blank characters; a leading '<' is markup, '{' or '[' is JSON.
    private static InputFormat Sniff(string text, bool xml)
    {
        int i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')) i++;
        if (i == text.Length) return InputFormat.Text;
        char c = text[i];
        if (c == '{' || c == '[') return InputFormat.Jsonl;
        if (c != '<') return InputFormat.Text;
        var head = text.AsSpan(i, Math.Min(2048, text.Length - i));
        if (head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)) return InputFormat.Rss;
        // Other XML is read as markup: its text content is what we want.
        return InputFormat.Html;
    }

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = Limits.MaxJsonDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // JSON Lines, one object per line; a .json file holding one (pretty-printed) object or an array of objects is also accepted.
    private static IEnumerable<InputItem> ReadJson(string text, string name, ReadOptions options)
    {
        int first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
        if (first == text.Length) return [InputItem.Fail(name, null, Errors.EmptyInput())];
        int eol = text.IndexOf('\n', first);
        var firstLine = eol < 0 ? text.AsSpan(first) : text.AsSpan(first, eol - first);
        if (!ParsesAlone(firstLine) && TryParse(text.AsSpan(first), out var whole))
            return FromWholeDocument(whole!, name, options);
        return ReadLines(text, name, options);
    }

    private static bool ParsesAlone(ReadOnlySpan<char> line)
    {
        if (!TryParse(line, out var d)) return false;
        d!.Dispose();
        return true;
    }

    private static bool TryParse(ReadOnlySpan<char> s, out JsonDocument? doc)
    {
        try { doc = JsonDocument.Parse(s.ToString(), JsonOptions); return true; }
        catch (JsonException) { doc = null; return false; }
    }

    private static IEnumerable<InputItem> FromWholeDocument(JsonDocument doc, string name, ReadOptions options)
    {
        using (doc)
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                int k = 0;
                foreach (var el in doc.RootElement.EnumerateArray()) yield return FromJsonSafe(el, name, ++k, options);
            }
            else yield return FromJsonSafe(doc.RootElement, name, null, options);
        }
    }

    private static IEnumerable<InputItem> ReadLines(string text, string name, ReadOptions options)
    {
        int pos = 0, line = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            line++;
            var span = text.AsSpan(pos, end - pos).Trim();
            pos = end + 1;
            if (span.IsEmpty) continue;
            JsonDocument? doc = null; string? bad = null;
            try { doc = JsonDocument.Parse(span.ToString(), JsonOptions); }
            catch (JsonException e) { bad = ShortJsonMessage(e); }
            catch (Exception e) when (e is not OutOfMemoryException) { bad = e.GetType().Name + ": " + e.Message; }
            if (doc is null)
            {
                // One bad line never stops the file.
                yield return InputItem.Fail(name, line, Errors.BadJson(bad ?? "unreadable"));
                continue;
            }
            using (doc) yield return FromJsonSafe(doc.RootElement, name, line, options);
        }
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: n."; the path:line prefix already says where.
    private static string ShortJsonMessage(JsonException e)
    {
        var m = e.Message;
        int k = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var s = (k > 0 ? m[..k] : m).TrimEnd('.', ' ');
        return e.BytePositionInLine is long b ? $"{s} at byte {b}" : s;
    }

    private static readonly string[] IdFields = ["id", "guid", "uuid"];
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] DateFields = ["published", "date", "published_at", "pubDate", "datetime", "time"];
    private static readonly string[] UrlFields = ["url", "link", "uri"];
    private static readonly string[] BylineFields = ["byline", "author", "authors"];

    // RSS 2.0 feeds name the author in dc:creator more often than in <author>.
    private static string? Creator(CodeHollow.FeedReader.FeedItem item) => item.SpecificItem switch
    {
        CodeHollow.FeedReader.Feeds.Rss20FeedItem r => NullIfBlank(r.DC?.Creator),
        CodeHollow.FeedReader.Feeds.Rss10FeedItem r => NullIfBlank(r.DC?.Creator),
        _ => null,
    };

    // Whatever one JSON item holds, it costs that item at most: an unexpected exception becomes its coded error.
    private static InputItem FromJsonSafe(JsonElement el, string name, int? line, ReadOptions options)
    {
        try { return FromJson(el, name, line, options); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InputItem.Fail(name, line, Errors.BadJson(e.GetType().Name + ": " + e.Message));
        }
    }

    private static InputItem FromJson(JsonElement el, string name, int? line, ReadOptions options)
    {
        if (el.ValueKind != JsonValueKind.Object) return InputItem.Fail(name, line, Errors.JsonNotObject(Kind(el.ValueKind)));
        var warnings = new List<DossierError>();
        string? body = null; InputFormat format = InputFormat.Text;
        foreach (var (field, fmt) in BodyFields)
        {
            if (!el.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) continue;
            if (v.ValueKind != JsonValueKind.String) return InputItem.Fail(name, line, Errors.BadField(field, Kind(v.ValueKind)));
            body = JsonString(v, field, warnings); format = fmt;
            break;
        }
        if (body is null) return InputItem.Fail(name, line, Errors.MissingField("text' or 'html"));
        if (IsBlank(body)) return InputItem.Fail(name, line, Errors.EmptyInput());
        if (body.Length > Limits.MaxRawChars) return InputItem.Fail(name, line, Errors.RawTooLong(body.Length));
        var date = DateField(el, warnings);
        return InputItem.Ok(new RawArticle
        {
            Source = name, Line = line, Body = body, Format = format,
            Id = Field(el, IdFields, warnings), Title = Field(el, TitleFields, warnings), Url = Field(el, UrlFields, warnings),
            Byline = Field(el, BylineFields, warnings), Published = date ?? FormatDate(options.Published), PublishedIsFallback = date is null,
            Warnings = warnings,
        });
    }

    private static readonly (string, InputFormat)[] BodyFields =
        [("text", InputFormat.Text), ("html", InputFormat.Html), ("body", InputFormat.Text), ("content", InputFormat.Text)];

    // A metadata field as a string: strings as is, numbers as written, arrays of strings joined ("authors": ["A", "B"]).
    private static string? Field(JsonElement el, string[] names, List<DossierError> warnings)
    {
        foreach (var n in names)
        {
            if (!el.TryGetProperty(n, out var v)) continue;
            switch (v.ValueKind)
            {
                case JsonValueKind.String: { var s = JsonString(v, n, warnings); if (!string.IsNullOrWhiteSpace(s)) return s.Trim(); break; }
                case JsonValueKind.Number: return v.GetRawText();
                case JsonValueKind.Array:
                    var parts = v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => JsonString(x, n, warnings).Trim()).Where(x => x.Length > 0).ToList();
                    if (parts.Count > 0) return string.Join(", ", parts);
                    break;
                case JsonValueKind.Object when v.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String:
                    return JsonString(nm, n, warnings);
            }
        }
        return null;
    }

    // Earliest and latest instants a number in a date field is read as (Unix seconds or milliseconds): a smaller or
    // larger number is not a timestamp of a news article ("published": 99999 is garbage, not 2 January 1970).
    private static readonly DateTimeOffset FirstTimestamp = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero), LastTimestamp = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The publication date field; a number is a Unix time in seconds (or milliseconds) when it falls in a plausible range,
    // and is kept as written otherwise (cleaning then reports it as unreadable).
    private static string? DateField(JsonElement el, List<DossierError> warnings)
    {
        var s = Field(el, DateFields, warnings);
        if (s is null || !long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)) return s;
        foreach (var t in (ReadOnlySpan<long>)[n, n / 1000])
        {
            if (t < FirstTimestamp.ToUnixTimeSeconds() || t >= LastTimestamp.ToUnixTimeSeconds()) continue;
            return DateTimeOffset.FromUnixTimeSeconds(t).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }
        return s;
    }

    // The value of a JSON string. System.Text.Json refuses to return a string holding an unpaired surrogate escape
    // ("\ud800" alone: valid JSON, invalid Unicode); such a string is unescaped here with U+FFFD in its place, and a
    // warning names the field.
    private static string JsonString(JsonElement v, string field, List<DossierError> warnings)
    {
        try { return v.GetString() ?? ""; }
        catch (InvalidOperationException)
        {
            var (text, lone) = UnescapeLenient(v.GetRawText());
            warnings.Add(Errors.LoneSurrogate(field, lone));
            return text;
        }
    }

    /// <summary>Unescapes a JSON string literal (with its quotes); unpaired surrogates become U+FFFD, and are counted.</summary>
    internal static (string Text, int Lone) UnescapeLenient(string literal)
    {
        var sb = new System.Text.StringBuilder(literal.Length);
        int end = literal.Length - 1;
        for (int i = 1; i < end; i++)
        {
            char c = literal[i];
            if (c != '\\' || i + 1 >= end) { sb.Append(c); continue; }
            char e = literal[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when i + 4 < end && ushort.TryParse(literal.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var u):
                    sb.Append((char)u); i += 4; break;
                default: sb.Append(e); break; // \" \\ \/
            }
        }
        int lone = 0;
        for (int i = 0; i < sb.Length; i++)
        {
            char c = sb[i];
            if (char.IsHighSurrogate(c) && i + 1 < sb.Length && char.IsLowSurrogate(sb[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) { sb[i] = '\uFFFD'; lone++; }
        }
        return (sb.ToString(), lone);
    }

    private static string Kind(JsonValueKind k) => k switch
    {
        JsonValueKind.Array => "an array", JsonValueKind.String => "a string", JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean", JsonValueKind.Null => "null", _ => "an object",
    };

    // RSS 2.0, RSS 1.0 and Atom, parsed from the string (never fetched); each item becomes one article.
    private static IEnumerable<InputItem> ReadFeed(string text, string name, ReadOptions options) => ReadFeed(text, name, options, linksSuffice: false);

    /// <summary>The items of a feed to follow (<c>fetch</c>, <c>watch</c>): like reading it, except that an item with a link
    /// and no text of its own is an item (its body empty: its page is the article).</summary>
    public static IEnumerable<InputItem> ReadFeedToFollow(string text, string name) => ReadFeed(text, name, new ReadOptions(), linksSuffice: true);

    private static IEnumerable<InputItem> ReadFeed(string text, string name, ReadOptions options, bool linksSuffice)
    {
        // A feed has no use for entity declarations, and expanding nested ones (a "billion laughs") costs the XML reader
        // tens of CPU-seconds before its size limit stops it: refused before parsing.
        if (text.Contains("<!ENTITY", StringComparison.Ordinal)) return [InputItem.Fail(name, null, Errors.BadFeed("it declares XML entities (<!ENTITY …>), which feeds do not need: refused"))];
        Feed feed;
        try { feed = FeedReader.ReadFromString(text); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [InputItem.Fail(name, null, Errors.BadFeed(e.Message))];
        }
        if (feed.Items is null || feed.Items.Count == 0) return [InputItem.Fail(name, null, Errors.EmptyFeed())];
        var list = new List<InputItem>(feed.Items.Count);
        int k = 0;
        foreach (var item in feed.Items)
        {
            k++;
            // One odd item (a date the library cannot read, a missing element) costs that item only.
            try { list.Add(FromFeedItem(item, name, k, options, linksSuffice)); }
            catch (Exception e) when (e is not OutOfMemoryException) { list.Add(InputItem.Fail(name, k, Errors.BadFeed(e.GetType().Name + ": " + e.Message))); }
        }
        return list;
    }

    private static InputItem FromFeedItem(FeedItem item, string name, int k, ReadOptions options, bool linksSuffice)
    {
        var body = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : item.Description;
        if (string.IsNullOrWhiteSpace(body) && !(linksSuffice && !string.IsNullOrWhiteSpace(item.Link))) return InputItem.Fail(name, k, Errors.MissingField("description' or 'content"));
        body ??= "";
        if (body.Length > Limits.MaxRawChars) return InputItem.Fail(name, k, Errors.RawTooLong(body.Length));
        return InputItem.Ok(new RawArticle
        {
            Source = name, Line = k, Body = body, Format = LooksLikeMarkup(body) ? InputFormat.Html : InputFormat.Text,
            Id = NullIfBlank(item.Id), Title = item.Title is null ? null : NullIfBlank(WebUtility.HtmlDecode(item.Title).Trim()),
            Url = NullIfBlank(item.Link), Byline = NullIfBlank(item.Author) ?? Creator(item),
            // The string as given keeps its time zone; the parsed DateTime has lost it.
            Published = NullIfBlank(item.PublishingDateString)
                ?? (item.PublishingDate is DateTime d ? d.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : null)
                ?? FormatDate(options.Published),
            PublishedIsFallback = NullIfBlank(item.PublishingDateString) is null && item.PublishingDate is null,
        });
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>True when a feed body holds tags or character references, so it must go through the HTML cleaner.</summary>
    internal static bool LooksLikeMarkup(string s)
    {
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == '<' && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) return true;
            if (s[i] == '&')
            {
                int j = i + 1;
                if (j < s.Length && s[j] == '#') j++;
                int k = j;
                while (k < s.Length && k - j < 10 && char.IsAsciiLetterOrDigit(s[k])) k++;
                if (k > j && k < s.Length && s[k] == ';') return true;
            }
        }
        return false;
    }
}
