namespace Dossier.Fuzz;

/// <summary>The dictionary of "interesting" fragments mutations insert and generators draw from.</summary>
/// <remarks>Each list targets a parser or a rule: markup and entity edge cases, JSON escapes and numbers, feed and XML
/// constructs, time expressions at the edges of the calendar, and the characters the normaliser and segmenter treat specially.</remarks>
public static class Tokens
{
    public static readonly string[] Html =
    [
        "<", ">", "</", "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<!---->",
        "<![CDATA[", "]]>", "<!DOCTYPE html>", "<html>", "<body>", "</body>", "<head>", "<pre>", "</pre>", "<table><tr><td>", "<td>", "</tr>",
        "<a href=\"https://example.org/a\">", "</a>", "<meta charset=\"utf-16\">", "<meta charset=\"shift_jis\">", "<meta charset=\"x-unknown\">",
        "<meta property=\"og:description\" content=\"", "<link rel=\"canonical\" href=\"", "<template>", "<svg>", "<math>", "<select><option>",
        "<noscript>", "<iframe>", "<textarea>", "<plaintext>", "<xmp>", "<title>", "</title>", " hidden", " class=\"share nav comments\"",
        " role=\"navigation\"", "<time datetime=\"9999-12-31T23:59:59+14:00\">", "<article>", "</article>", "<h1>", "<h2>", "<nav>", "<li>", "<ul>",
        "<blockquote class=\"twitter-tweet\">", "<b><i>", "</b></i>", "<p><p><p>", "<frameset>", "<object>", "<isindex>", "<image>", "<ruby><rt>",
        "&amp;", "&lt;", "&gt;", "&quot;", "&#0;", "&#xD800;", "&#xDFFF;", "&#x10FFFF;", "&#1114112;", "&#99999999999;", "&#x;", "&#;", "&nbsp;",
        "&notanentity", "&NotAnEntity;", "&amp", "&#128512;", "&#x202E;", "&shy;", "&zwnj;",
    ];

    public static readonly string[] Json =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud800", "\\udc00", "\\udbff\\udbff", "\\udc00\\ud800", "\\ud800\\u0041", "\\u0000",
        "\\uffff", "\\ufffe", "\\\"", "\\n", "\\/", "\\x41", "null", "true", "false", "1e999999", "-1e-999999", "-0", "0.", ".5", "01",
        "123456789012345678901234567890", "NaN", "Infinity", "\"text\":", "\"html\":", "\"title\":", "\"published\":", "\"date\":",
        "\"authors\":[", "\"author\":{\"name\":", "\"body\":", "\"content\":", "\"id\":", "\"url\":", "/*", "*/", "//", "\uFEFF", ",]", ",}",
        "[[[[[[[[[[", "]]]]]]]]]]", "{\"a\":{\"a\":{\"a\":",
    ];

    public static readonly string[] Feed =
    [
        "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<?xml version=\"1.0\" encoding=\"windows-1252\"?>",
        "<rss version=\"2.0\">", "<channel>", "</channel>", "<item>", "</item>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>",
        "</entry>", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">",
        "<pubDate>", "</pubDate>", "<published>", "<updated>", "<dc:date>", "<description>", "</description>", "<content:encoded>",
        "<dc:creator>", "<author>", "<guid>", "<link>", "<link href=\"", "<title>", "<![CDATA[", "]]>",
        "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "<!ENTITY % p SYSTEM \"file:///etc/passwd\">", "%p;", "<?pi data?>",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"", "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"",
    ];

    public static readonly string[] Text =
    [
        "\n", "\n\n", "\r\n", "\r", "\t", " ", ".", "...", "…", "!", "?", "\"", "“", "”", "'", "’", "(", ")", "-", "--", "—", "–", ",",
        "Mr.", "Dr.", "No.", "No. 10", "U.S.", "U.N.", "e.g.", "etc.", "George W. Bush", "'s", "n't", "O'Brien", "al-Qaeda", "@handle",
        "#tag", "https://", "http://x.y/z?a=1&b=2", "www.", "pic.twitter.com/abc", "t.co/x", "t.me/chan/1", "x.com/a/status/123",
        "instagram.com/p/abc/", " — Name (@handle) February 12, 2025", " - Name (@handle)", "A post shared by Name (@x) on Feb 12, 2025",
        "Date: ", "date 2025-02-12 ", "Published: ", "Published on ", "Updated: ", "Title: ", "Author: ", "URL: ", "By ", " · ", " | ",
        "$1.5 million", "70,000", "10.5%", "1/2", "12:30", "3-4",
    ];

    public static readonly string[] Time =
    [
        "yesterday", "today", "tomorrow", "tonight", "last night", "last year", "next year", "this year", "last week", "the same day",
        "3 weeks ago", "a year ago", "99999999999 days ago", "999999999 days ago", "999999999 years ago", "99999 centuries ago",
        "999999999 weeks from now", "nine hundred ninety-nine thousand years ago", "999999999 days later", "999999999 months earlier",
        "next Friday", "last Monday", "this Sunday", "Friday", "mid-2024", "the 1990s", "the '90s", "'98", "Q3", "the third quarter",
        "the fourth quarter of 9999", "the first half of 0001", "10 p.m. Wednesday", "1330 GMT", "2400 GMT", "25:99", "12:00 a.m.",
        "noon on Friday", "from March to May", "between 3 and 5 June", "from December 31, 9999 to January 1", "a year and a half",
        "999999999 and a half years", "Feb. 29", "February 29", "February 30, 2025", "December 31, 9999", "January 1, 0001", "9999-12-31",
        "0001-01-01", "10000-01-01", "12/31/9999", "31.12.9999", "2024-13-45", "Christmas", "Christmas Eve", "Thanksgiving Day",
        "last Thanksgiving", "next Christmas", "this winter", "last fall", "the summer of 9999", "the year two thousand",
        "nineteen ninety-six", "the 21st century", "the 99th century", "the early 9990s", "a year earlier", "the next day",
        "ten days later", "the day before yesterday", "every other week", "twice a week", "each July", "the weekend",
        "the weekend of December 31", "late November", "the end of the year", "year-end", "the year-ago quarter", "fiscal 9999",
        "the past 999999999 years", "999999999-year-old", "in coming days", "2 1/2 weeks", "the day before Monday",
    ];

    /// <summary>Numbers at the edges: zero, negatives, overflow of 32 and 64 bits, calendar limits.</summary>
    public static readonly string[] Numbers =
    [
        "0", "00", "-1", "1", "12", "13", "24", "29", "30", "31", "32", "59", "60", "99", "100", "366", "999", "1000", "9999", "10000", "0001",
        "2147483647", "2147483648", "4294967296", "9223372036854775808", "99999999999", "999999999", "1e309", "1.5", "0.5", "1,000,000",
    ];

    /// <summary>Characters the normaliser and segmenter treat specially: bidi controls, invisible, line and paragraph separators, marks.</summary>
    public static readonly string[] OddChars =
    [
        "\u202E", "\u202D", "\u2066", "\u2067", "\u2069", "\u200F", "\u200E", "\u200B", "\u200D", "\u00AD", "\u2028", "\u2029", "\u0085",
        "\u0301", "\u0300", "\uFEFF", "\uFFFD", "\u3000", "\u00A0", "\u2009", "\u000B", "\u000C", "\u001B", "\u007F", "\u0080", "\u009F",
        "\u0600", "\u06DD", "\u0627", "\u05D0", "\u4E2D", "\u3042", "\uFB01", "\u2024", "\u2010", "\u2011", "\u02BC", "\uFF0E", "\u3002",
        "😀", "👨‍👩‍👧", "🇺🇸", "𝐀", "\u0130", "\u0131", "\u1E9E",
    ];

    public static readonly string[] Csv = ["\"", "\"\"", "\",\"", ",", ",,,", "\"\n", "\n", "\r\n", "\r", "\0", "\uFEFF", "\"a\"\"b\"", "a\"b"];

    /// <summary>Every list above, for mutations that insert a fragment whatever the format.</summary>
    public static readonly string[] All = [.. Html, .. Json, .. Feed, .. Text, .. Time, .. Numbers, .. OddChars, .. Csv];

    /// <summary>Publication dates as metadata gives them, from ordinary to impossible.</summary>
    public static readonly string[] Dates =
    [
        "2025-02-12", "2025-02-12T10:00:00Z", "2025-02-12T10:00:00.1234567+01:00", "2025-02-12T10:00+99:00", "2025-02-12T10:00-14:59",
        "2025-02-12T10:00+14:00", "9999-12-31", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59-01:00",
        "0001-01-01", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00+01:00", "1000-01-01", "0999-12-31", "0000-00-00", "2025-02-29",
        "2024-02-29", "2025-13-45", "2025-02-12T24:00", "2025-02-12T23:59:60", "Wed, 12 Feb 2025 10:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 -1200",
        "Mon, 01 Jan 0001 00:00:00 +1400", "12 February 2025", "February 12, 2025", "Feb. 12 2025", "12-Feb-2025", "February 30, 2025",
        "1 Jan 0001", "31 Dec 9999", "2025/02/12", "12/02/2025", "-2025-01-01", "99999-01-01", "1e10", "", " ", "yesterday", "2025",
        "2025-02-12 10:00 PST", "2025-02-12 10:00 Z", "2025-02-12T10:00:00+0530", "2025-02-12T10:00:00+05:3", "2025-02-12T10:00:00+",
        "Thu, 29 Feb 2024 25:61:61 GMT", "\uD800", "2025-02-12\0",
    ];
}
