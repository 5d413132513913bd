namespace Dossier.Store.Sources;

/// <summary>The rules of one site's robots.txt for our user agent (RFC 9309): the group naming our product token, else
/// the "*" group; the longest matching Allow or Disallow path wins, Allow on a tie; "*" and a final "$" in paths.</summary>
/// <remarks>Immutable once parsed; thread-safe.</remarks>
public sealed class RobotsTxt
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsTxt(List<(bool, string)> rules, TimeSpan? crawlDelay = null) { _rules = rules; CrawlDelay = crawlDelay; }

    /// <summary>The Crawl-delay of our group (not in RFC 9309, but widely written), capped at <see cref="MaxCrawlDelay"/>.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Longest Crawl-delay honoured: a site asking for more is still fetched this often at most once.</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromMinutes(1);

    /// <summary>Everything allowed (no robots.txt, or one the server answered 4xx for).</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Nothing allowed (the server answered 5xx or could not be reached: RFC 9309 says assume a full disallow).</summary>
    public static RobotsTxt DisallowAll { get; } = new([(false, "/")]);

    /// <summary>Parses <paramref name="text"/> for the agent whose product token is <paramref name="product"/> ("Dossier").</summary>
    public static RobotsTxt Parse(string text, string product)
    {
        // Groups: runs of user-agent lines followed by rules. Ours if a user-agent line names our token, else the "*" group.
        var ours = new List<(bool, string)>();
        var star = new List<(bool, string)>();
        TimeSpan? ourDelay = null, starDelay = null;
        bool sawOurs = false;
        var agents = new List<string>();
        bool inRules = false;
        List<(bool, string)>? target = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (inRules) { agents.Clear(); inRules = false; }
                agents.Add(value.ToLowerInvariant());
                bool mine = agents.Any(a => a != "*" && product.StartsWith(a, StringComparison.OrdinalIgnoreCase));
                if (mine) sawOurs = true;
                target = mine ? ours : agents.Contains("*") ? star : null;
                continue;
            }
            if (key == "crawl-delay")
            {
                inRules = true;
                if (target is not null && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var secs) && secs > 0)
                {
                    var delay = TimeSpan.FromSeconds(Math.Min(secs, MaxCrawlDelay.TotalSeconds));
                    if (ReferenceEquals(target, ours)) ourDelay = delay; else starDelay = delay;
                }
                continue;
            }
            if (key is not ("allow" or "disallow")) continue;
            inRules = true;
            if (target is null) continue;
            if (key == "disallow" && value.Length == 0) continue; // "Disallow:" with nothing allows everything
            if (value.Length > 0 && value[0] != '/' && value[0] != '*') value = "/" + value;
            target.Add((key == "allow", value));
        }
        return sawOurs ? new RobotsTxt(ours, ourDelay) : new RobotsTxt(star, starDelay);
    }

    /// <summary>True when the path (with its query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt") return true;
        int best = -1;
        bool allow = true;
        foreach (var (a, pattern) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            if (pattern.Length > best || pattern.Length == best && a) { best = pattern.Length; allow = a; }
        }
        return allow;
    }

    // A path pattern: '*' is any run of characters, a final '$' anchors the end; otherwise a prefix.
    private static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        return Match(pattern, 0, path, 0, anchored);
    }

    private static bool Match(string p, int i, string s, int j, bool anchored)
    {
        while (i < p.Length)
        {
            if (p[i] == '*')
            {
                while (i < p.Length && p[i] == '*') i++;
                if (i == p.Length) return true;
                for (int k = j; k <= s.Length; k++)
                    if (Match(p, i, s, k, anchored)) return true;
                return false;
            }
            if (j >= s.Length || p[i] != s[j]) return false;
            i++; j++;
        }
        return !anchored || j == s.Length;
    }
}
