using Dossier.Resources;

namespace Dossier.Actors;

/// <summary>The sex a person's name or title states, when it states one.</summary>
public enum NameGender : byte { Unknown = 0, Female, Male }

/// <summary>What a given name or a title tells of a person's sex: given names from data/lexicons/names-gender.tsv (US
/// Social Security counts; a sex only for names given to one sex at least 95 % of the time), titles from a short list
/// ("Mr", "Mrs", "Ms", "Sir", "Lady" …). Used to keep "he" and "she" off a person they cannot stand for.</summary>
/// <remarks>Loaded once; thread-safe. Unknown is the answer for every name the list leaves out, so a caller only ever
/// rules a candidate out, never in.</remarks>
public static class GivenNames
{
    public const string File = "names-gender.tsv";

    private static readonly Lazy<Dictionary<string, NameGender>.AlternateLookup<ReadOnlySpan<char>>> _names = new(() =>
    {
        var d = new Dictionary<string, NameGender>(StringComparer.OrdinalIgnoreCase);
        int n = 0;
        foreach (var line in EmbeddedData.Lines(File))
        {
            n++;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[1] is not ("f" or "m" or "u")) throw new DossierException(Errors.BadLexiconLine(File, n, "want 'name<TAB>f|m|u'"));
            d[parts[0]] = parts[1] switch { "f" => NameGender.Female, "m" => NameGender.Male, _ => NameGender.Unknown };
        }
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    });

    private static readonly Dictionary<string, NameGender>.AlternateLookup<ReadOnlySpan<char>> _titles =
        new Dictionary<string, NameGender>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mr"] = NameGender.Male, ["Mr."] = NameGender.Male, ["Sir"] = NameGender.Male, ["Lord"] = NameGender.Male,
            ["King"] = NameGender.Male, ["Prince"] = NameGender.Male, ["Sheikh"] = NameGender.Male,
            ["Mrs"] = NameGender.Female, ["Mrs."] = NameGender.Female, ["Ms"] = NameGender.Female, ["Ms."] = NameGender.Female,
            ["Miss"] = NameGender.Female, ["Lady"] = NameGender.Female, ["Dame"] = NameGender.Female, ["Baroness"] = NameGender.Female,
            ["Queen"] = NameGender.Female, ["Princess"] = NameGender.Female,
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The sex a given name is given to, or Unknown (for a name given to both, such as "Kelly", too).</summary>
    public static NameGender OfGivenName(ReadOnlySpan<char> name) => _names.Value.TryGetValue(name, out var g) ? g : NameGender.Unknown;

    /// <summary>True when the list has the word as a given name, of either sex or of both ("Kelly", "Jordan").</summary>
    public static bool IsGivenName(ReadOnlySpan<char> name) => _names.Value.ContainsKey(name);

    /// <summary>The sex a title or honorific states ("Mrs", "Sir"), or Unknown.</summary>
    public static NameGender OfTitle(ReadOnlySpan<char> title) => _titles.TryGetValue(title, out var g) ? g : NameGender.Unknown;

    /// <summary>The sex a full name states by its first word ("Hillary Clinton" → Female), or Unknown.</summary>
    public static NameGender OfFullName(string name)
    {
        var span = name.AsSpan().Trim();
        int sp = span.IndexOf(' ');
        if (sp <= 0) return NameGender.Unknown;
        var first = span[..sp];
        var t = OfTitle(first);
        return t != NameGender.Unknown ? t : OfGivenName(first);
    }
}
