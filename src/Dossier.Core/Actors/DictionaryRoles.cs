namespace Dossier.Actors;

/// <summary>One dated code of an actor-dictionary person read as a post held: "GBRGOV from 1997-05-02 to 2007-06-27" is a
/// place in the government of the United Kingdom over those dates.</summary>
/// <param name="Title">The sector of the code ("Government", "Military", "Opposition" …).</param>
/// <param name="Of">The country of the code, by its common name; null for codes of no country.</param>
/// <param name="Code">The CAMEO code as the dictionary gives it (GBRGOV).</param>
/// <param name="Start">First day (yyyy-MM-dd), or null when the dictionary gives none.</param>
/// <param name="End">Last day, or null while it is open.</param>
public sealed record DictionaryRole(string Title, string? Of, string Code, string? Start, string? End)
{
    /// <summary>"Government of United Kingdom 1997-05-02 → 2007-06-30 (actor dictionary, GBRGOV)".</summary>
    public override string ToString() =>
        $"{Title}{(Of is null ? "" : " of " + Of)} {Start ?? "?"} → {End ?? "present"} (actor dictionary, {Code})";
}

/// <summary>
/// The dated codes of the actor dictionary's people (Phoenix and our leaders list) as posts: what the dictionary says a
/// linked actor held and when, beside what the articles state (issue 17). Pure; thread-safe.
/// </summary>
/// <remarks>
/// A person linked to a dictionary record carries the record in its codes (<see cref="CodeKey"/>), so the store can show
/// the record's posts with the actor. Ranges of one code that overlap or touch are one post (Phoenix lists Tony Blair in
/// GBRGOV twice, 1997–2007 and 2003–2007). The sector is the three letters after the country (CAMEO's role codes);
/// a code without one, or of no country, is no post.
/// </remarks>
public static class DictionaryRoles
{
    /// <summary>The code key under which an actor carries the dictionary record it was linked to ("C:TONY BLAIR").</summary>
    public const string CodeKey = "actor-dictionary";

    // CAMEO's actor role codes (the codebook's sectors), in our words.
    private static readonly Dictionary<string, string> Sectors = new(StringComparer.Ordinal)
    {
        ["GOV"] = "Government", ["MIL"] = "Military", ["OPP"] = "Opposition", ["REB"] = "Rebels", ["SEP"] = "Separatists",
        ["INS"] = "Insurgents", ["PTY"] = "Political party", ["ELI"] = "Public figure", ["LEG"] = "Legislature", ["JUD"] = "Judiciary",
        ["COP"] = "Police", ["SPY"] = "Intelligence", ["BUS"] = "Business", ["MED"] = "Media", ["EDU"] = "Education",
        ["HLH"] = "Health", ["CVL"] = "Civilians", ["REF"] = "Refugees", ["LAB"] = "Labour", ["AGR"] = "Agriculture",
        ["ENV"] = "Environment", ["CRM"] = "Criminals", ["HRI"] = "Human rights", ["IGO"] = "International organisation",
        ["NGO"] = "Non-governmental organisation", ["UAF"] = "Armed group", ["MNC"] = "Multinational company",
        ["REL"] = "Religion", ["MOD"] = "Moderates", ["RAD"] = "Radicals", ["DEV"] = "Development", ["SET"] = "Settlers",
        ["IMG"] = "Immigrants",
    };

    /// <summary>The record key of an entry ("C:TONY BLAIR").</summary>
    public static string Record(DictionaryEntry e) => e.Source + ":" + e.Primary;

    /// <summary>The posts of a dictionary person, earliest first; none for an entry without dated codes.</summary>
    public static IReadOnlyList<DictionaryRole> Of(DictionaryEntry e, CountryTable countries)
    {
        var list = new List<DictionaryRole>();
        foreach (var byCode in e.Dated.GroupBy(d => d.Code, StringComparer.Ordinal))
        {
            if (Post(byCode.Key, countries) is not { } post) continue;
            // Ranges in start order, merged where they overlap or touch.
            DateOnly? from = null, to = null;
            bool open = false, any = false;
            foreach (var r in byCode.OrderBy(r => r.From ?? DateOnly.MinValue))
            {
                if (any && (open || to is { } t && (r.From is null || r.From.Value <= t.AddDays(1))))
                {
                    if (r.To is null) open = true; else if (!open && r.To > to) to = r.To;
                    continue;
                }
                if (any) list.Add(new DictionaryRole(post.Title, post.Of, byCode.Key, Day(from), open ? null : Day(to)));
                (from, to, open, any) = (r.From, r.To, r.To is null, true);
            }
            if (any) list.Add(new DictionaryRole(post.Title, post.Of, byCode.Key, Day(from), open ? null : Day(to)));
        }
        return list.OrderBy(r => r.Start ?? "", StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    // "GBRGOV" → Government of United Kingdom; "GBRGOVMIL" → Government (the first sector); a bare country is no post.
    private static (string Title, string? Of)? Post(string code, CountryTable countries)
    {
        if (code.Length < 6 || countries.ByIso3(code[..3]) is not { } country) return null;
        return Sectors.TryGetValue(code[3..6], out var title) ? (title, country.Name) : null;
    }

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
