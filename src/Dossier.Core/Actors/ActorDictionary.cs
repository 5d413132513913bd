using Dossier.Resources;

namespace Dossier.Actors;

/// <summary>A dated CAMEO code of a dictionary entry: the code applies from <see cref="From"/> to <see cref="To"/> (inclusive; null = open).</summary>
public readonly record struct DatedCode(string Code, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the code applies on <paramref name="d"/>.</summary>
    public bool Covers(DateOnly d) => (From is null || From <= d) && (To is null || d <= To);

    /// <summary>True when the code applied at some time in [a, b].</summary>
    public bool Overlaps(DateOnly a, DateOnly b) => (From is null || From <= b) && (To is null || a <= To);
}

/// <summary>One actor-dictionary record: a primary name, its synonyms, a default code and dated codes.</summary>
public sealed class DictionaryEntry
{
    /// <summary>"C", "I", "M" (Phoenix Countries, International, MilNonState) or "L" (our leaders list).</summary>
    public required string Source { get; init; }
    /// <summary>Primary name as written in the dictionary (upper case for Phoenix).</summary>
    public required string Primary { get; init; }
    public required string DefaultCode { get; init; }
    public required DatedCode[] Dated { get; init; }
    public required string[] Synonyms { get; init; }

    /// <summary>True for a person with office dates (the dictionary's leaders), which may resolve a bare surname.</summary>
    public bool IsPerson => Dated.Length > 0;

    /// <summary>How long after a role ends its code still describes the person ("former President" Assad is SYRGOV).</summary>
    public const int FormerRoleYears = 4;

    /// <summary>The code that applies on a date: the dated code covering it; else the default code; else, for a person
    /// out of office, the last role if it ended within <see cref="FormerRoleYears"/>, or only its country (a 2008
    /// minister's code says nothing of a namesake in 2016). Without a date: the default or the latest dated code.</summary>
    public string CodeAt(DateOnly? date)
    {
        if (date is not { } d) return DefaultCode.Length > 0 ? DefaultCode : Dated.Length > 0 ? Dated[^1].Code : "";
        foreach (var c in Dated) if (c.Covers(d)) return c.Code;
        if (DefaultCode.Length > 0 || Dated.Length == 0) return DefaultCode;
        // Every dated code begins after the date: only the country is known, when the code names one (a Guinean
        // politician before office is Guinean; Robert Zoellick before the World Bank is no "IGO").
        if (Dated.All(c => c.From is { } f && f > d))
            return CountryOf(Dated[0].Code) is var first && NotCountries.Contains(first) ? "" : first;
        DatedCode? last = null;
        foreach (var c in Dated)
            if (c.To is { } end && end < d && (last is null || end > last.Value.To)) last = c;
        if (last is { To: { } ended } role && ended.AddYears(FormerRoleYears) >= d) return role.Code;
        return CountryOf((last ?? Dated[0]).Code);
    }

    // CAMEO's first three letters that name no country: international, non-governmental, multinational and armed groups.
    private static readonly HashSet<string> NotCountries = new(StringComparer.Ordinal) { "IGO", "NGO", "MNC", "IMG", "UAF", "UIS", "REF" };

    // CAMEO actor codes begin with the three-letter country (or IGO) code: GINGOVLAB → GIN.
    private static string CountryOf(string code) => code.Length >= 3 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) && char.IsAsciiLetter(code[2]) ? code[..3] : code;

    /// <summary>Display form of the primary name ("BASHAR AL-ASSAD" → "Bashar al-Assad").</summary>
    public string DisplayName => Source == "L" ? Primary : Display(Primary);

    internal static string Display(string upper)
    {
        var parts = upper.ToLowerInvariant().Split(' ');
        for (int i = 0; i < parts.Length; i++)
        {
            var p = parts[i].ToCharArray();
            bool start = true;
            for (int k = 0; k < p.Length; k++)
            {
                if (start && char.IsLetter(p[k]))
                {
                    // Keep the Arabic article lower case before a hyphen (al-Assad).
                    bool article = k + 2 < p.Length && p[k + 2] == '-' && (p[k] is 'a' or 'e') && p[k + 1] == 'l';
                    if (!article) p[k] = char.ToUpperInvariant(p[k]);
                    start = false;
                }
                if (p[k] == '-') start = true;
            }
            parts[i] = new string(p);
        }
        return string.Join(' ', parts);
    }
}

/// <summary>The CAMEO actor dictionary: names → codes, with dated codes for persons.</summary>
/// <remarks>
/// Built once (lazily) from the embedded actors-cameo.tsv.gz (Phoenix/PETRARCH2 dictionaries, MIT) and actors-leaders.tsv
/// (ours, for office holders after 2014); immutable and thread-safe. Entries are evidence, not truth: they were written
/// for 2014 and name some people under their group's record.
/// </remarks>
public sealed class ActorDictionary
{
    private static readonly Lazy<ActorDictionary> Lazy = new(() => new ActorDictionary(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared dictionary.</summary>
    public static ActorDictionary Default => Lazy.Value;

    private readonly Dictionary<string, List<DictionaryEntry>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DictionaryEntry>> _personsBySurname = new(StringComparer.Ordinal);

    /// <summary>Number of records.</summary>
    public int Count { get; }

    private ActorDictionary()
    {
        int n = 0;
        foreach (var file in (string[])["actors-cameo.tsv.gz", "actors-leaders.tsv"])
            foreach (var line in EmbeddedData.Lines(file))
            {
                var f = line.Split('\t');
                if (f.Length < 5) throw new DossierException(Errors.ActorDataLine(file, n + 1, $"{f.Length} columns, want 5"));
                var (defaultCode, datedDefault) = ParseDefault(f[2]);
                var dated = ParseDated(f[3]);
                var e = new DictionaryEntry
                {
                    Source = f[0], Primary = f[1], DefaultCode = defaultCode,
                    Dated = datedDefault is { } dd ? [.. dated, dd] : dated,
                    Synonyms = f[4].Length == 0 ? [] : f[4].Split('|'),
                };
                n++;
                if (f.Length >= 7)
                {
                    // Compiled data carries its keys (see ActorDictionaryCompiler).
                    foreach (var k in f[5].Split('|')) Index(_byKey, k, e);
                    if (f[6].Length > 0) foreach (var k in f[6].Split('|')) Index(_personsBySurname, k, e);
                    continue;
                }
                foreach (var k in LookupKeys(e.Primary, e.Synonyms)) Index(_byKey, k, e);
                if (!e.IsPerson) continue;
                foreach (var k in SurnameKeys(e.Primary, e.Synonyms)) Index(_personsBySurname, k, e);
            }
        Count = n;
    }

    /// <summary>The keys under which a record is looked up: its primary name and synonyms, titles kept.</summary>
    public static IEnumerable<string> LookupKeys(string primary, IEnumerable<string> synonyms) =>
        synonyms.Select(s => NameNormalizer.KeyKeepTitles(s)).Prepend(NameNormalizer.KeyKeepTitles(primary)).Where(k => k.Length > 0).Distinct();

    /// <summary>The surname keys under which an office holder is found: the primary name's last part and one-word synonyms ("PUTIN").</summary>
    public static IEnumerable<string> SurnameKeys(string primary, IEnumerable<string> synonyms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string pk = NameNormalizer.Key(primary);
        int sp = pk.LastIndexOf(' ');
        if (sp > 0 && seen.Add(pk[(sp + 1)..])) yield return pk[(sp + 1)..];
        foreach (var s in synonyms)
        {
            if (s.Contains(' ')) continue;
            string sk = NameNormalizer.Key(s);
            if (sk.Length > 0 && !sk.Contains(' ') && seen.Add(sk)) yield return sk;
        }
    }

    private static void Index(Dictionary<string, List<DictionaryEntry>> map, string key, DictionaryEntry e)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var l)) map[key] = l = new List<DictionaryEntry>(1);
        if (l.Contains(e)) return;
        // An organisation of our own list is newer than Phoenix's record of the same name and is found first ("Ansar Allah"
        // is the Houthis of Yemen, not the Lebanese group of 2014).
        if (e.Source == "L" && !e.IsPerson) l.Insert(0, e);
        else l.Add(e);
    }

    // Phoenix writes some default codes with the dates they hold: "IGOBUSOPC 050101-051231", "IGOUNODEVWBK >070701"
    // (from), "HTIOPPMED <061231" (until). Such a code is a dated one, not a default for every date (Robert Zoellick was
    // no World Bank official in 2005); a plain code is the default. Unreadable dates leave the code alone as the default.
    private static (string Default, DatedCode? Dated) ParseDefault(string field)
    {
        int sp = field.IndexOf(' ');
        if (sp < 0) return (field, null);
        var code = field[..sp];
        var when = field[(sp + 1)..].Trim();
        if (when.Length == 7 && when[0] == '>' && ParseShortDate(when[1..]) is { } from) return ("", new DatedCode(code, from, null));
        if (when.Length == 7 && when[0] == '<' && ParseShortDate(when[1..]) is { } to) return ("", new DatedCode(code, null, to));
        if (when.Length == 13 && when[6] == '-' && ParseShortDate(when[..6]) is { } a && ParseShortDate(when[7..]) is { } b)
            return ("", new DatedCode(code, a, b));
        return (code, null);
    }

    // yyMMdd with a two-digit year (50–99 → 1950–1999, else 2000–2049).
    private static DateOnly? ParseShortDate(string s)
    {
        if (s.Length != 6) return null;
        int yy = (s[0] - '0') * 10 + (s[1] - '0');
        if (!char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1])) return null;
        return ParseDate((yy >= 50 ? "19" : "20") + s);
    }

    private static DatedCode[] ParseDated(string s)
    {
        if (s.Length == 0) return [];
        var parts = s.Split(';');
        var r = new List<DatedCode>(parts.Length);
        foreach (var p in parts)
        {
            var f = p.Split(':');
            if (f.Length != 3) continue;
            r.Add(new DatedCode(f[0], ParseDate(f[1]), ParseDate(f[2])));
        }
        return r.ToArray();
    }

    // yyyyMMdd without the culture machinery (tens of thousands of dates at load).
    private static DateOnly? ParseDate(string s)
    {
        if (s.Length != 8) return null;
        int v = 0;
        foreach (var c in s) { if (!char.IsAsciiDigit(c)) return null; v = v * 10 + (c - '0'); }
        int y = v / 10000, m = v / 100 % 100, day = v % 100;
        if (y < 1 || m is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, day);
    }

    /// <summary>Entries whose primary name or a synonym has this normalised key (<see cref="NameNormalizer.KeysKeepTitles"/>).</summary>
    public IReadOnlyList<DictionaryEntry> Find(string key) => _byKey.TryGetValue(key, out var l) ? l : [];

    /// <summary>The entry of a record key (<see cref="DictionaryRoles.Record"/>, "C:TONY BLAIR"), or null.</summary>
    public DictionaryEntry? FindRecord(string record)
    {
        int colon = record.IndexOf(':');
        if (colon <= 0) return null;
        string source = record[..colon], primary = record[(colon + 1)..];
        foreach (var e in Find(NameNormalizer.KeysKeepTitles(primary).Full))
            if (e.Source == source && e.Primary == primary) return e;
        return null;
    }

    /// <summary>Every office holder whose surname key (<see cref="NameNormalizer.Key"/>'s last part) is <paramref name="surnameKey"/>, whatever the date.</summary>
    public IReadOnlyList<DictionaryEntry> PersonsWithSurname(string surnameKey) => _personsBySurname.TryGetValue(surnameKey, out var l) ? l : [];

    /// <summary>The date <paramref name="years"/> years before <paramref name="date"/>, or the calendar's first day when
    /// that would be before it (an article dated in the year 2).</summary>
    public static DateOnly YearsBefore(DateOnly date, int years) => date.Year > years ? date.AddYears(-years) : DateOnly.MinValue;

    /// <summary>
    /// The one person whose surname key is <paramref name="surnameKey"/> and who held a dated office within
    /// <paramref name="yearsBefore"/> years before <paramref name="date"/> (or holds it then); null when none or several.
    /// </summary>
    /// <remarks>Entries with the same normalised primary name (listed in two files) count as one person.</remarks>
    public DictionaryEntry? UniquePerson(string surnameKey, DateOnly date, int yearsBefore = 4)
    {
        if (!_personsBySurname.TryGetValue(surnameKey, out var list)) return null;
        var from = YearsBefore(date, yearsBefore);
        DictionaryEntry? found = null;
        string? foundKey = null;
        // Our leaders list is newer than Phoenix (2014, where terms are often open-ended): where both hold a person, ours decides.
        HashSet<string>? ours = null;
        foreach (var e in list) if (e.Source == "L") (ours ??= new(StringComparer.Ordinal)).Add(NameNormalizer.Key(e.Primary));
        foreach (var e in list)
        {
            if (e.Source != "L" && ours != null && ours.Contains(NameNormalizer.Key(e.Primary))) continue;
            bool active = false;
            foreach (var c in e.Dated) if (c.Overlaps(from, date)) { active = true; break; }
            if (!active) continue;
            string k = NameNormalizer.Keys(e.Primary).Full;
            if (found == null) { found = e; foundKey = k; continue; }
            if (k == foundKey) { if (e.Source == "L") found = e; continue; } // prefer our spelling for display
            return null;
        }
        return found;
    }
}
