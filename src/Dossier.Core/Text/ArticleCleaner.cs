using System.Text;
using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Text;

/// <summary>The outcome of cleaning: a document ready for the pipeline, or an error.</summary>
public readonly record struct CleanResult(Document? Document, DossierError? Error);

/// <summary>Turns a raw article into a <see cref="Document"/>: main text from HTML, header date, embeds, whitespace, offset map.</summary>
/// <remarks>
/// Order: HTML → main text (with a map to the raw markup); header lines at the top (date, title) are read and cut;
/// whitespace is normalised with an offset map back to the raw input; embedded social posts are marked.
/// Stateless and thread-safe.
/// </remarks>
public static partial class ArticleCleaner
{
    /// <summary>Provenance of what cleaning adds (social posts).</summary>
    public static readonly ComponentInfo Info = new("clean", "1.0", [Layers.Posts], []);

    /// <summary>Cleans one raw article. Never throws for bad input.</summary>
    public static CleanResult Clean(RawArticle raw)
    {
        try { return CleanCore(raw); }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // A cleaning bug must not stop a batch: report it against this item.
            return new CleanResult(null, Errors.ExtractionFailed(Info.Name, e.GetType().Name + ": " + e.Message));
        }
    }

    // Byline separators after which a page usually puts the date or the outlet ("By Lina Haddad · April 9, 2025").
    private static readonly char[] BylineSeparators = ['·', '|', '•', '—', '–'];

    /// <summary>The author part of a byline: no leading "By", nothing after a separator that holds a date or an outlet.</summary>
    internal static string? CleanByline(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline)) return null;
        var s = byline.Trim();
        int cut = s.IndexOfAny(BylineSeparators);
        if (cut > 0) s = s[..cut].Trim();
        if (DateText.TryParsePrefix(s, out _, out _, out _)) return null;
        foreach (var by in BylinePrefixes)
            if (s.StartsWith(by, StringComparison.OrdinalIgnoreCase)) { s = s[by.Length..].Trim(); break; }
        // "Redaktion, 24. Januar 2022", "Alexa von Heyden  19. Juni 2019": the date after the name is not the author.
        for (int i = 1; i < s.Length; i++)
            if (char.IsAsciiDigit(s[i]) && s[i - 1] is ' ' or ',' && (DateText.TryParsePrefix(s.AsSpan(i), out _, out _, out _) || DayMonth.IsMatch(s[i..])))
            { s = s[..i].TrimEnd(' ', ',', '-', '–'); break; }
        if (s.Length == 0 || !s.Any(char.IsLetter) || NotBylines.Contains(s.TrimEnd(' ', '*', ':')) || s.Contains('©')) return null;
        return s;
    }

    // "19. Juni 2019", "24.01.2022": a day and a month, as European pages write them.
    private static readonly System.Text.RegularExpressions.Regex DayMonth = new(@"^\d{1,2}\.\s?(?:\d{1,2}\.|\p{L}{3,})",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    // Words before the author's name, in the languages of the pages we read.
    private static readonly string[] BylinePrefixes =
        ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "artikel von ", "text von ", "text: ", "recipe by ", "written by "];

    // What pages mark up as an author and is none: form labels, placeholders, section words ("No Author", "Name *").
    private static readonly HashSet<string> NotBylines = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "no author", "author", "authors", "autor", "autorin", "auteur", "autore", "by", "von", "par", "por", "full bio", "bio",
        "admin", "administrator", "unknown", "anonymous", "guest", "comments", "kommentare", "share", "teilen",
    };

    /// <summary>A metadata field (title, byline, id, URL) as one clean line: white space collapsed, format and control
    /// characters (bidi overrides such as U+202E, zero-width marks) removed, unpaired surrogates replaced, at most
    /// <see cref="Limits.MaxFieldChars"/> chars (cut at a word, with an ellipsis); null when nothing is left.</summary>
    internal static string? CleanField(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = TextNormalizer.Normalize(value).Replace('\n', ' ');
        if (s.Length > Limits.MaxFieldChars)
        {
            int cut = s.LastIndexOf(' ', Limits.MaxFieldChars - 1);
            s = s[..(cut > Limits.MaxFieldChars / 2 ? cut : Limits.MaxFieldChars - 1)].TrimEnd() + "…";
        }
        return s.Length == 0 ? null : s;
    }

    /// <summary>Longest first line taken for a headline.</summary>
    public const int MaxHeadlineChars = 160;

    /// <summary>The first line when it reads as a headline: its own paragraph, short, not ending like a sentence.</summary>
    internal static string? HeadlineOf(string text)
    {
        int nl = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (nl <= 0 || nl > MaxHeadlineChars) return null;
        var line = text.AsSpan(0, nl).Trim();
        if (line.Length < 3 || line.Contains('\n') || line[^1] is '.' or ',' or ';' or ':' || !char.IsLetterOrDigit(line[0]) && line[0] is not ('"' or '“' or '\'' or '‘')) return null;
        int words = line.Count(' ') + 1;
        return words is >= 2 and <= 25 ? line.ToString() : null;
    }

    private static CleanResult CleanCore(RawArticle raw)
    {
        if (ArticleReader.IsBlank(raw.Body)) return new CleanResult(null, Errors.EmptyInput());
        if (raw.Body.Length > Limits.MaxRawChars) return new CleanResult(null, Errors.RawTooLong(raw.Body.Length));
        string src = raw.Body;
        OffsetMap? srcMap = null;
        string? title = raw.Title, byline = raw.Byline, url = raw.Url;
        DateOnly? date = null; DateTimeOffset? at = null;
        var from = DateSource.None;
        if (raw.Format == InputFormat.Html)
        {
            var (x, err) = HtmlExtractor.Extract(raw.Body, raw.Url);
            if (x is null) return new CleanResult(null, err);
            src = x.Text; srcMap = x.Map;
            title ??= x.Title; byline ??= x.Byline; url ??= x.Canonical;
            // The page's date is the day it gives, in its own zone (a 23:30 -05:00 story is dated that day, not the next).
            if (x.Published is { } p) { date = p.Date; at = p.At; from = p.From; }
        }
        var header = HeaderLines.Read(src);
        // A header line written at the top of the text states the date for this article: it wins over the page's markup
        // when the markup had none better than a date line.
        if (header.Date is { } hd && from is DateSource.None or DateSource.Body or DateSource.Url) { date = hd; at = header.At; from = DateSource.Body; }
        title ??= header.Title; byline ??= header.Byline; url ??= header.Url;

        var sb = new StringBuilder(src.Length - header.BodyStart);
        var map = new OffsetMap.Builder();
        // Plain text copied out of web pages keeps their character references ("Jos&#233;"); HTML has had them decoded.
        TextNormalizer.Append(src, header.BodyStart, src.Length, sb, map, srcMap, references: raw.Format == InputFormat.Text);
        if (sb.Length == 0) return new CleanResult(null, Errors.NoText());

        if (sb.Length > Limits.MaxTextChars) return new CleanResult(null, Errors.TextTooLong(sb.Length));

        // The date the input's metadata gives is used when the text itself has none; an unreadable one is reported, not
        // silently dropped (the article is then undated unless the text dates it).
        var warnings = new List<DossierError>(raw.Warnings);
        if (!string.IsNullOrWhiteSpace(raw.Published))
        {
            // The input's own date (a feed item's, a JSON line's) is the item's metadata: it wins over a date guessed from an
            // address, not over the page's markup or a date line of the text. The user's fallback (--published) only
            // dates what has no date at all.
            if (!DateText.TryParse(raw.Published, out var rd, out var rat)) warnings.Add(Errors.BadPublished(raw.Published));
            else if (date is null || !raw.PublishedIsFallback && from == DateSource.Url) { date = rd; at = rat; from = DateSource.Input; }
        }
        var text = sb.ToString();
        // Plain text without a title: a short first line standing alone as a paragraph, with no full stop, is the headline
        // (the BBC files, wire copy). It stays in the text, so offsets and sentences do not change.
        if (title is null && raw.Format == InputFormat.Text) title = HeadlineOf(text);
        var doc = new Document(text, map.Build())
        {
            Id = CleanField(raw.Id), Title = CleanField(title), Source = raw.Source, Url = CleanField(url), Byline = CleanField(CleanByline(byline)),
            Published = date, PublishedAt = at, PublishedFrom = date is null ? DateSource.None : from,
        };
        doc.Warnings.AddRange(warnings);
        SocialEmbeds.Find(doc, Info.Id);
        return new CleanResult(doc, null);
    }
}
