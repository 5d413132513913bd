using Dossier.Resources;

namespace Dossier.Actors;

/// <summary>How a name refers to a country.</summary>
public enum CountryNameKind : byte
{
    /// <summary>The country's own name or a short form (Russia, Russian Federation, US, Britain).</summary>
    Name,
    /// <summary>Its capital (Moscow): a place, or the government by metonymy.</summary>
    Capital,
    /// <summary>A seat of power (the Kremlin, the White House): a government organ of the country.</summary>
    Seat,
    /// <summary>A demonym (Russian, Russians).</summary>
    Demonym,
}

/// <summary>One country of the gazetteer.</summary>
/// <param name="Iso3">ISO 3166 alpha-3 code (also the CAMEO country code for nearly every state).</param>
/// <param name="Name">Common English name (the canonical actor name).</param>
/// <param name="UnMember">A UN member state (wins a shared demonym or capital over a territory: "French" → France).</param>
public sealed record Country(string Iso3, string Name, string Official, string Iso2, bool UnMember = false);

/// <summary>What a name means in the country table: the country, how the name refers to it, and a CAMEO code for seats.</summary>
public readonly record struct CountryHit(Country Country, CountryNameKind Kind, string? Cameo);

/// <summary>Country names, capitals, seats of power and demonyms, looked up by normalised key.</summary>
/// <remarks>
/// Built once from the embedded actors-countries.tsv.gz (world-countries, ODbL) and actors-seats.tsv (ours) and cached;
/// immutable and thread-safe. A key that names two countries keeps the first one listed for names, and is dropped for
/// capitals and demonyms, so ambiguous cities never decide.
/// </remarks>
public sealed class CountryTable
{
    private static readonly Lazy<CountryTable> Lazy = new(() => new CountryTable(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared table.</summary>
    public static CountryTable Default => Lazy.Value;

    private readonly Dictionary<string, CountryHit> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _byIso3 = new(StringComparer.Ordinal);

    private CountryTable()
    {
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        int ln = 0;
        foreach (var line in EmbeddedData.Lines("actors-countries.tsv.gz"))
        {
            var f = line.Split('\t');
            ln++;
            if (f.Length < 8) throw new DossierException(Errors.ActorDataLine("actors-countries.tsv.gz", ln, $"{f.Length} columns, want 8"));
            var c = new Country(f[0], f[1], f[2], f[6], f[7] == "1");
            _byIso3[c.Iso3] = c;
            Add(c.Name, new CountryHit(c, CountryNameKind.Name, null), ambiguous);
            Add(c.Official, new CountryHit(c, CountryNameKind.Name, null), ambiguous);
            foreach (var a in Split(f[3])) Add(a, new CountryHit(c, CountryNameKind.Name, null), ambiguous);
            foreach (var a in Split(f[4])) Add(a, new CountryHit(c, CountryNameKind.Capital, null), ambiguous);
            foreach (var a in Split(f[5]))
            {
                Add(a, new CountryHit(c, CountryNameKind.Demonym, null), ambiguous);
                Add(Plural(a), new CountryHit(c, CountryNameKind.Demonym, null), ambiguous);
            }
        }
        foreach (var line in EmbeddedData.Lines("actors-seats.tsv"))
        {
            var f = line.Split('\t');
            if (f.Length < 4 || !_byIso3.TryGetValue(f[1], out var c)) continue;
            var kind = f[3] == "seat" ? CountryNameKind.Seat : CountryNameKind.Name;
            // Hand-written entries override the gazetteer ("Duma" is not anywhere else).
            _byKey[NameNormalizer.KeyKeepTitles(f[0])] = new CountryHit(c, kind, f[2]);
        }
        foreach (var k in ambiguous) _byKey.Remove(k);
    }

    private void Add(string name, CountryHit hit, HashSet<string> ambiguous)
    {
        string key = NameNormalizer.KeyKeepTitles(name);
        if (key.Length == 0) return;
        if (_byKey.TryGetValue(key, out var old))
        {
            // Names beat capitals and demonyms; two countries' capitals or demonyms sharing a key cancel out.
            if (old.Country.Iso3 == hit.Country.Iso3 || old.Kind == CountryNameKind.Name) return;
            if (hit.Kind == CountryNameKind.Name) { _byKey[key] = hit; ambiguous.Remove(key); return; }
            if (old.Country.UnMember != hit.Country.UnMember)
            {
                if (hit.Country.UnMember) _byKey[key] = hit;
                return;
            }
            ambiguous.Add(key);
            return;
        }
        _byKey[key] = hit;
    }

    private static IEnumerable<string> Split(string s) => s.Length == 0 ? [] : s.Split('|');

    // Russian → Russians, Swiss → Swiss, Chinese → Chinese (no regular plural for -ese, -ss, -sh, -ch).
    private static string Plural(string d) =>
        d.EndsWith("ese") || d.EndsWith("ss") || d.EndsWith("sh") || d.EndsWith("ch") || d.EndsWith('s') ? d : d + "s";

    /// <summary>Looks up a name (any casing, with or without "the").</summary>
    public bool TryFind(ReadOnlySpan<char> name, out CountryHit hit) => _byKey.TryGetValue(NameNormalizer.KeyKeepTitles(name), out hit);

    /// <summary>Looks up an already normalised key.</summary>
    public bool TryFindKey(string key, out CountryHit hit) => _byKey.TryGetValue(key, out hit);

    /// <summary>A country by ISO alpha-3 code.</summary>
    public Country? ByIso3(string iso3) => _byIso3.GetValueOrDefault(iso3);
}
