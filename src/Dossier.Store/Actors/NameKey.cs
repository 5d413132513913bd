using System.Text;
using AnyAscii;

namespace Dossier.Store.Actors;

/// <summary>The normalised form of an actor name used to match names across articles.</summary>
/// <remarks>
/// Transliterated to ASCII (diacritics go: Şara → sara), lower case, punctuation as word breaks, apostrophes dropped
/// (Shara'a → sharaa), a leading "the" dropped, and the Arabic article when hyphen-joined ("al-Assad" → "assad", so
/// "Bashar al-Assad" and "Bashar Assad" meet). "Al Jolani" with a space keeps "al": it may be a given name (Al Gore).
/// Written for the store; the actors component keeps its own in-document normaliser. Pure and thread-safe.
/// </remarks>
public static class NameKey
{
    /// <summary>The key of a name ("" when it has no letters or digits).</summary>
    public static string Of(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var ascii = IsAscii(name) ? name : name.Transliterate();
        var sb = new StringBuilder(ascii.Length);
        var word = new StringBuilder(16);
        int words = 0;
        for (int i = 0; i <= ascii.Length; i++)
        {
            char c = i < ascii.Length ? ascii[i] : ' ';
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (c is '\'' or '`' && word.Length > 0 && i + 1 < ascii.Length && char.IsLetter(ascii[i + 1])) continue; // O'Brien → obrien
            if (word.Length == 0) continue;
            bool hyphenJoined = c == '-' && i + 1 < ascii.Length && char.IsLetter(ascii[i + 1]);
            bool article = hyphenJoined && (Is(word, "al") || Is(word, "el"));
            bool leadingThe = words == 0 && Is(word, "the") && i < ascii.Length;
            if (!article && !leadingThe)
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(word);
                words++;
            }
            word.Clear();
        }
        return sb.ToString();
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

    private static bool Is(StringBuilder sb, string s)
    {
        if (sb.Length != s.Length) return false;
        for (int i = 0; i < s.Length; i++) if (sb[i] != s[i]) return false;
        return true;
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s) if (c > 127) return false;
        return true;
    }
}
