namespace Dossier.Text;

/// <summary>Metadata written at the top of a plain-text article: "date 2025-02-12 …", "Date: …", "Published: …", "Title: …".</summary>
/// <remarks>
/// Only the first few lines are looked at, and a line counts as metadata only when a known key is followed by a value of the
/// right kind (a date for date keys), so prose that happens to start with "Date" stays. Stateless and thread-safe.
/// </remarks>
public static class HeaderLines
{
    /// <summary>At most this many metadata lines are read from the top.</summary>
    public const int MaxHeaderLines = 6;
    /// <summary>A metadata line (title, author) longer than this is prose, not a header.</summary>
    public const int MaxHeaderLineLength = 300;

    /// <summary>What the header said and where the body starts.</summary>
    public readonly record struct Header(int BodyStart, DateOnly? Date, DateTimeOffset? At, string? Title, string? Byline, string? Url);

    private enum Key { None, Date, Updated, Title, Author, Url }

    /// <summary>Reads the header of <paramref name="text"/>; BodyStart is 0 when there is none.</summary>
    public static Header Read(string text)
    {
        int i = 0, body = 0, lines = 0;
        DateOnly? date = null; DateTimeOffset? at = null; string? title = null, byline = null, url = null;
        while (lines < MaxHeaderLines)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] is '\uFEFF' or '\u200B')) i++;
            if (i >= text.Length) break;
            int eol = text.IndexOf('\n', i);
            if (eol < 0) eol = text.Length;
            var line = text.AsSpan(i, eol - i);
            var key = ReadKey(line, out int valueAt, out bool colon);
            if (key == Key.None) break;
            var value = line[valueAt..];
            if (key is Key.Date or Key.Updated)
            {
                if (!DateText.TryParsePrefix(value, out var d, out var a, out int used))
                {
                    // a whole-line value in another form ("Wed, 12 Feb 2025 10:00 GMT")
                    if (!colon || !DateText.TryParse(value.ToString(), out d, out a)) break;
                    used = value.Length;
                }
                if (key == Key.Date || date is null) { date = d; at = a; }
                var rest = value[used..];
                int restStart = i + valueAt + used;
                if (!rest.Trim().IsEmpty)
                {
                    // "date 2025-02-12 Russia's President …": the body goes on after the date on the same line.
                    if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && rest[0] is not (',' or '|' or '-' or '—' or '–')) { date = null; at = null; break; }
                    int k = restStart;
                    while (k < eol && (char.IsWhiteSpace(text[k]) || text[k] is ',' or '|' or '-' or '—' or '–')) k++;
                    body = k;
                    break;
                }
                body = eol; i = eol; lines++;
                continue;
            }
            if (!colon || line.Length > MaxHeaderLineLength || value.Trim().IsEmpty) break;
            var v = value.Trim().ToString();
            switch (key)
            {
                case Key.Title: title ??= v; break;
                case Key.Author: byline ??= v; break;
                case Key.Url: url ??= v; break;
            }
            body = eol; i = eol; lines++;
        }
        // Without a date, "Title:"-style lines alone are not taken as a header: too easy to mistake for prose.
        if (date is null) return new Header(0, null, null, null, null, null);
        return new Header(body, date, at, title, byline, url);
    }

    private static Key ReadKey(ReadOnlySpan<char> line, out int valueAt, out bool colon)
    {
        valueAt = 0; colon = false;
        int k = 0;
        while (k < line.Length && char.IsAsciiLetter(line[k])) k++;
        if (k == 0 || k > 12) return Key.None;
        var word = line[..k];
        var key = word switch
        {
            _ when word.Equals("date", StringComparison.OrdinalIgnoreCase) || word.Equals("published", StringComparison.OrdinalIgnoreCase)
                || word.Equals("posted", StringComparison.OrdinalIgnoreCase) || word.Equals("dated", StringComparison.OrdinalIgnoreCase) => Key.Date,
            _ when word.Equals("updated", StringComparison.OrdinalIgnoreCase) || word.Equals("modified", StringComparison.OrdinalIgnoreCase) => Key.Updated,
            _ when word.Equals("title", StringComparison.OrdinalIgnoreCase) || word.Equals("headline", StringComparison.OrdinalIgnoreCase) => Key.Title,
            _ when word.Equals("author", StringComparison.OrdinalIgnoreCase) || word.Equals("byline", StringComparison.OrdinalIgnoreCase) => Key.Author,
            _ when word.Equals("url", StringComparison.OrdinalIgnoreCase) || word.Equals("link", StringComparison.OrdinalIgnoreCase) || word.Equals("source", StringComparison.OrdinalIgnoreCase) => Key.Url,
            _ => Key.None,
        };
        if (key == Key.None) return key;
        int j = k;
        while (j < line.Length && line[j] == ' ') j++;
        if (j < line.Length && line[j] == ':') { colon = true; j++; }
        else if (j == k) return Key.None; // "Dated2025" is not a key
        // "Published on 12 February 2025"
        if (key is Key.Date or Key.Updated)
        {
            while (j < line.Length && line[j] == ' ') j++;
            if (line[j..].StartsWith("on ", StringComparison.OrdinalIgnoreCase)) j += 3;
        }
        while (j < line.Length && char.IsWhiteSpace(line[j])) j++;
        valueAt = j;
        return key;
    }
}
