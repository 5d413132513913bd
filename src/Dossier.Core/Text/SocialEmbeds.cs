using System.Text.RegularExpressions;
using Dossier.Documents;

namespace Dossier.Text;

/// <summary>Finds the residue of embedded social-media posts in cleaned text and records them as <see cref="SocialPost"/>s.</summary>
/// <remarks>
/// An embed is recognised by its attribution: a post link (pic.twitter.com/…, t.co/…, x.com/…/status/…, t.me/…,
/// instagram.com/p/…) and/or "— Name (@handle) Month D, YYYY", or Instagram's "A post shared by Name (@handle)".
/// The post's text is what precedes the link on the same line plus the short, non-prose lines just above it
/// (since the last ordinary paragraph). The text stays in the document; later stages use the spans.
/// The regular expressions run only on the rare lines that contain '@' or a post link. Stateless and thread-safe.
/// </remarks>
public static class SocialEmbeds
{
    /// <summary>At most this many lines above an attribution are taken as the post's text.</summary>
    public const int MaxPostLines = 8;
    /// <summary>A line longer than this is an ordinary paragraph, never post text.</summary>
    public const int MaxPostLineLength = 300;
    /// <summary>A line ending in a full stop with at least this many words reads as prose (it ends the walk upwards).</summary>
    public const int ProseWords = 6;

    private const string MonthDate = @"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}";

    // "— Syrian Girl (@Partisangirl) February 12, 2025" (Twitter's blockquote form; also with "-" or "–")
    private static readonly Regex DashAttribution = new(
        @"(?<dash>[—–]|--?)\s*(?<name>[^\n()—–]{1,80}?)\s*\((?<handle>@[A-Za-z0-9_.]{1,30})\)(?:\s+(?:on\s+)?(?<date>" + MonthDate + "))?",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // "A post shared by Name (@handle) on Feb 12, 2025" (Instagram's embed fallback)
    private static readonly Regex SharedBy = new(
        @"A (?:post|photo|video|reel) shared by\s+(?:(?<name>[^\n(]{1,80}?)\s*\((?<handle>@?[A-Za-z0-9_.]{1,30})\)|(?<handle>@?[A-Za-z0-9_.]{1,30}))(?:\s+on\s+(?<date>" + MonthDate + "))?",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex PostLink = new(
        @"(?:https?://)?(?:pic\.twitter\.com/\w+|t\.co/\w+|(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status/\d+[^\s]*|t\.me/[\w/]+|(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+/?|(?:www\.)?facebook\.com/[^\s]+/posts/[^\s]+|(?:www\.)?tiktok\.com/@[\w.]+/video/\d+)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Adds every embedded post found in <paramref name="doc"/>'s text to <see cref="Document.Posts"/>.</summary>
    public static void Find(Document doc, string by)
    {
        var text = doc.Text;
        var lines = Lines(text);
        int floor = 0; // a post never reaches above the end of the previous one
        for (int li = 0; li < lines.Count; li++)
        {
            var (ls, le) = lines[li];
            var line = text.AsSpan(ls, le - ls);
            if (line.IndexOf('@') < 0 && !line.Contains("t.co/", StringComparison.OrdinalIgnoreCase) && !line.Contains("t.me/", StringComparison.OrdinalIgnoreCase)) continue;
            var post = MatchLine(text, ls, le);
            if (post is null) continue;
            // Post text: before the link on this line, then short non-prose lines above.
            int textEnd = post.AttributionStart;
            while (textEnd > ls && char.IsWhiteSpace(text[textEnd - 1])) textEnd--;
            int textStart = textEnd > ls ? ls : post.AttributionStart;
            bool hasOwnText = textEnd > ls;
            int taken = 0;
            for (int up = li - 1; up >= 0 && taken < MaxPostLines; up--)
            {
                var (us, ue) = lines[up];
                if (us < floor) break;
                if (ue == us) continue; // blank line between the parts
                var u = text.AsSpan(us, ue - us);
                bool adjacentFirst = !hasOwnText && taken == 0;
                if (u.Length > MaxPostLineLength || !adjacentFirst && IsProse(u)) break;
                textStart = us; taken++;
                if (!hasOwnText && taken == 1) textEnd = ue;
            }
            if (textEnd < textStart) textEnd = textStart;
            post.TextStart = textStart; post.TextEnd = textEnd;
            post.Start = Math.Min(textStart, post.AttributionStart);
            post.End = post.AttributionEnd;
            post.By = by;
            doc.Posts.Add(post);
            floor = post.End;
        }
    }

    private static SocialPost? MatchLine(string text, int ls, int le)
    {
        var lineStr = text.Substring(ls, le - ls);
        var link = PostLink.Match(lineStr);
        var attr = DashAttribution.Match(lineStr);
        // A dash attribution needs a date, a link before it, or to open its line; otherwise "- Name (@x)" may be prose.
        if (attr.Success && !attr.Groups["date"].Success && !(link.Success && link.Index < attr.Index) && lineStr.AsSpan(0, attr.Index).Trim().Length > 0)
            attr = System.Text.RegularExpressions.Match.Empty;
        string platform = "twitter";
        if (!attr.Success)
        {
            attr = SharedBy.Match(lineStr);
            if (!attr.Success) return null;
            platform = "instagram";
        }
        int aStart = attr.Index;
        // The link opens the attribution when only blanks separate them; a link running into the attribution (the "A" of
        // "pic.twitter.com/A post shared by …" is both) is not before it.
        if (link.Success && link.Index + link.Length <= attr.Index && lineStr.AsSpan(link.Index + link.Length, attr.Index - link.Index - link.Length).Trim().IsEmpty)
            aStart = link.Index;
        else if (link.Success && link.Index > attr.Index + attr.Length) link = System.Text.RegularExpressions.Match.Empty;
        if (link.Success) platform = PlatformOf(link.Value, platform);
        var handle = attr.Groups["handle"].Value;
        if (!handle.StartsWith('@')) handle = "@" + handle;
        DateOnly? date = null;
        if (attr.Groups["date"].Success && DateText.TryParse(attr.Groups["date"].Value, out var d, out _)) date = d;
        var name = attr.Groups["name"].Success ? attr.Groups["name"].Value.Trim() : null;
        return new SocialPost
        {
            AttributionStart = ls + aStart, AttributionEnd = ls + attr.Index + attr.Length,
            Handle = handle, AuthorName = string.IsNullOrEmpty(name) ? null : name, Date = date,
            Url = link.Success ? link.Value : null, Platform = platform,
        };
    }

    private static string PlatformOf(string link, string fallback)
    {
        if (link.Contains("t.me/", StringComparison.OrdinalIgnoreCase)) return "telegram";
        if (link.Contains("instagram.com", StringComparison.OrdinalIgnoreCase)) return "instagram";
        if (link.Contains("facebook.com", StringComparison.OrdinalIgnoreCase)) return "facebook";
        if (link.Contains("tiktok.com", StringComparison.OrdinalIgnoreCase)) return "tiktok";
        if (link.Contains("twitter.com", StringComparison.OrdinalIgnoreCase) || link.Contains("t.co/", StringComparison.OrdinalIgnoreCase)
            || link.Contains("x.com/", StringComparison.OrdinalIgnoreCase)) return "twitter";
        return fallback;
    }

    // An ordinary sentence-like paragraph: ends with terminal punctuation and has enough words.
    private static bool IsProse(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        if (s.IsEmpty) return false;
        char last = s[^1];
        if (last is '"' or '”' or '’' or ')' && s.Length > 1) last = s[^2];
        if (last is not ('.' or '!' or '?' or '…' or ':')) return false;
        int words = 0; bool inWord = false;
        foreach (var c in s)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord) words++;
            inWord = w;
        }
        return words >= ProseWords;
    }

    private static List<(int Start, int End)> Lines(string text)
    {
        var list = new List<(int, int)>();
        int s = 0;
        while (s <= text.Length)
        {
            int e = text.IndexOf('\n', s);
            if (e < 0) e = text.Length;
            list.Add((s, e));
            s = e + 1;
        }
        return list;
    }
}
