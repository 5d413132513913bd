namespace Dossier.Actors;

/// <summary>One article's statement of a role: "President Putin" (current, on the publication date) or "former President X".</summary>
/// <param name="Published">The article's publication date (YYYY-MM-DD), or null when it has none.</param>
/// <param name="Former">The statement says the role is over ("former", "late", "ousted").</param>
public sealed record RoleStatement(string Title, string? Of, string? Qualifier, string? Published, bool Former, long Article);

/// <summary>
/// A holder's time in a post, as the articles support it: the post (title of a country or organisation), the first and
/// last dates articles state it as current, and the date by which an article calls it over.
/// </summary>
/// <param name="Start">Earliest publication date stating the role as current (held on or before: an upper bound on its start).</param>
/// <param name="LastSeen">Latest publication date stating it as current.</param>
/// <param name="End">Earliest publication date calling it over after the last current statement (ended on or before), or null.</param>
/// <param name="Qualifiers">Qualifiers stated with it ("self-declared", "acting"), distinct.</param>
/// <param name="Articles">Articles stating it (current or former).</param>
/// <param name="Undated">Statements from articles without a publication date (they support the role, not its dates).</param>
public sealed record Occupancy(string Post, string Title, string? Of, string? Start, string? LastSeen, string? End,
    IReadOnlyList<string> Qualifiers, IReadOnlyList<long> Articles, int Undated)
{
    /// <summary>"President of Syria (self-declared) 2025-01-29 → present (last seen 2025-02-12)" and the like.</summary>
    public override string ToString() =>
        Describe(Title, Of, Qualifiers.Count > 0 ? string.Join(", ", Qualifiers) : null, Start, LastSeen, End);

    /// <summary>The one way an occupancy is written (CLI and tests): title, holder-of, qualifiers, start → ≤end or present, last seen.</summary>
    public static string Describe(string title, string? of, string? qualifiers, string? start, string? lastSeen, string? end)
    {
        var s = title + (of is null ? "" : " of " + of) + (qualifiers is null ? "" : $" ({qualifiers})");
        if (start is null && end is null) return s + " (undated)";
        return $"{s} {start ?? "?"} → {(end is null ? "present" : "≤" + end)}" + (lastSeen is not null && lastSeen != start ? $" (last seen {lastSeen})" : "");
    }
}

/// <summary>Merges per-article role statements into occupancies. Pure; thread-safe.</summary>
/// <remarks>
/// Statements are grouped by post (title normalised: case, "PM" = Prime Minister, "Minister of Foreign Affairs" = Foreign
/// Minister …; and the country or organisation, case-folded; a statement without one joins the post of the same title
/// that has one when there is exactly one such, or when one has at least twice the statements of any other). Within a post, dated statements in date order: a current one opens an
/// occupancy or extends the open one; a "former" one closes the open occupancy (End = that date), or, with none open,
/// lowers the End of the last closed one, or records an occupancy known only to have ended by then. A current statement
/// after a close opens a new occupancy (the holder came back). Undated statements count as support without dates.
/// </remarks>
public static class Occupancies
{
    private static readonly Dictionary<string, string> TitleSynonyms = new(StringComparer.Ordinal)
    {
        ["pm"] = "prime minister", ["premier"] = "prime minister", ["pres"] = "president", ["pres."] = "president",
        ["minister of foreign affairs"] = "foreign minister", ["minister for foreign affairs"] = "foreign minister",
        ["minister of defence"] = "defence minister", ["minister of defense"] = "defence minister", ["defense minister"] = "defence minister",
        ["minister of the interior"] = "interior minister", ["minister of interior"] = "interior minister",
        ["minister of finance"] = "finance minister", ["chancellor of the exchequer"] = "chancellor",
        ["secretary general"] = "secretary-general", ["un secretary-general"] = "secretary-general",
        ["vice president"] = "vice-president", ["head of state"] = "head of state",
    };

    /// <summary>The normalised title of a role ("Minister of Foreign Affairs" → "foreign minister").</summary>
    public static string NormalTitle(string title)
    {
        var t = string.Join(' ', title.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return TitleSynonyms.TryGetValue(t, out var n) ? n : t;
    }

    /// <summary>The post key of a title and holder-of ("prime minister|united kingdom").</summary>
    public static string PostKey(string title, string? of) => NormalTitle(title) + "|" + (of?.Trim().ToLowerInvariant() ?? "");

    /// <summary>The occupancies the statements support, ordered by start (undated last).</summary>
    public static List<Occupancy> Build(IEnumerable<RoleStatement> statements)
    {
        var list = statements.ToList();
        // An actor's statements use a few titles thousands of times (a prime minister in 1,650 articles): each title is
        // normalised once.
        var normal = new Dictionary<string, string>(StringComparer.Ordinal);
        string NormalTitle(string title)
        {
            if (!normal.TryGetValue(title, out var n)) normal[title] = n = Occupancies.NormalTitle(title);
            return n;
        }
        string PostKey(string title, string? of) => NormalTitle(title) + "|" + (of?.Trim().ToLowerInvariant() ?? "");
        // A statement without "of" joins the one post of that title that names one.
        // With several, it joins the one most statements name when that has at least twice the support of the next
        // (Prime Minister of United Kingdom in 8 articles, "of Australia" in 1 from a misread context).
        var ofByTitle = list.Where(s => s.Of is not null).GroupBy(s => NormalTitle(s.Title))
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.Of!.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(o => (Of: o.Key, Count: o.Count())).OrderByDescending(o => o.Count).ThenBy(o => o.Of, StringComparer.Ordinal).ToList());
        string? OfFor(RoleStatement s) =>
            s.Of ?? (ofByTitle.TryGetValue(NormalTitle(s.Title), out var ofs) && (ofs.Count == 1 || ofs[0].Count >= 2 * ofs[1].Count) ? ofs[0].Of : null);

        var result = new List<Occupancy>();
        foreach (var post in list.GroupBy(s => PostKey(s.Title, OfFor(s))))
        {
            var items = post.ToList();
            string title = items.GroupBy(s => s.Title).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            string? of = items.Select(OfFor).FirstOrDefault(o => o is not null);
            var open = new List<(string? Start, string? Last, string? End, List<RoleStatement> Support)>();
            int current = -1; // index of the open occupancy in "open"
            foreach (var s in items.Where(x => x.Published is not null).OrderBy(x => x.Published, StringComparer.Ordinal).ThenBy(x => x.Former))
            {
                if (!s.Former)
                {
                    if (current < 0) { open.Add((s.Published, s.Published, null, [s])); current = open.Count - 1; }
                    else { var o = open[current]; o.Last = s.Published; o.Support.Add(s); open[current] = o; }
                }
                else if (current >= 0)
                {
                    var o = open[current]; o.End = s.Published; o.Support.Add(s); open[current] = o; current = -1;
                }
                else if (open.Count > 0)
                {
                    var o = open[^1]; o.Support.Add(s); open[^1] = o; // already closed earlier: the earlier end stands
                }
                else open.Add((null, null, s.Published, [s]));
            }
            var undated = items.Where(x => x.Published is null).ToList();
            if (open.Count == 0) open.Add((null, null, null, []));
            for (int k = 0; k < open.Count; k++)
            {
                var (start, last, end, support) = open[k];
                // Undated support goes to the latest occupancy (it says nothing about when).
                var all = k == open.Count - 1 ? support.Concat(undated).ToList() : support;
                if (all.Count == 0) continue;
                var quals = all.Select(x => x.Qualifier).Where(q => !string.IsNullOrWhiteSpace(q)
                        && !q!.Equals("former", StringComparison.OrdinalIgnoreCase)).Select(q => q!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                result.Add(new Occupancy(post.Key, title, of, start, last, end, quals, all.Select(x => x.Article).Distinct().ToList(),
                    all.Count(x => x.Published is null)));
            }
        }
        return result.OrderBy(o => o.Start ?? o.End ?? "9999", StringComparer.Ordinal).ThenBy(o => o.Post, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when two occupancies of one post overlap in time (both dated; an open one runs to its last sighting).</summary>
    public static bool Overlap(Occupancy a, Occupancy b)
    {
        if (a.Start is null || b.Start is null) return false;
        string aEnd = a.End ?? a.LastSeen ?? a.Start, bEnd = b.End ?? b.LastSeen ?? b.Start;
        return string.CompareOrdinal(a.Start, bEnd) < 0 && string.CompareOrdinal(b.Start, aEnd) < 0;
    }
}
