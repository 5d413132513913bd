using Dossier.Actors;

namespace Dossier.Store.Actors;

/// <summary>The normalised form of an actor name used to match names across articles.</summary>
/// <remarks>
/// Delegates to the actors component's <see cref="NameNormalizer"/> so that in-document and cross-article matching agree:
/// transliterated to ASCII (diacritics go), case-folded, apostrophes and dots dropped, punctuation as word breaks, the
/// Arabic article dropped ("Bashar al-Assad" = "Bashar Assad"), a leading "the" dropped; for people also leading titles
/// ("President Vladimir Putin" = "Vladimir Putin"). Pure and thread-safe.
/// </remarks>
public static class NameKey
{
    /// <summary>The key of a name ("" when it has no letters or digits); <paramref name="person"/> also drops leading titles.</summary>
    public static string Of(string name, bool person = false) =>
        string.IsNullOrWhiteSpace(name) ? "" : person ? NameNormalizer.Keys(name).Full : NameNormalizer.KeysKeepTitles(name).Full;

    /// <summary>The keys a name typed by a user may match (as a person and as anything else), distinct, non-empty.</summary>
    public static IReadOnlyList<string> LookupKeys(string name)
    {
        var a = Of(name);
        var b = Of(name, person: true);
        return a == b ? (a.Length > 0 ? [a] : []) : new[] { a, b }.Where(k => k.Length > 0).ToArray();
    }

    /// <summary>Number of words in a key.</summary>
    public static int Words(string key)
    {
        if (key.Length == 0) return 0;
        int n = 1;
        foreach (var c in key) if (c == ' ') n++;
        return n;
    }

    /// <summary>The last word of a key (the surname of a person's name).</summary>
    public static string LastWord(string key)
    {
        int i = key.LastIndexOf(' ');
        return i < 0 ? key : key[(i + 1)..];
    }
}
