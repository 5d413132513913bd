using System.Text;
using AnyAscii;

namespace Dossier.Actors;

/// <summary>The comparison keys of one name: full key, surname key, given-name key and initials.</summary>
/// <param name="Full">All name parts, normalised and joined by one space ("bashar assad"); empty when nothing is left.</param>
/// <param name="Surname">The last name part ("assad"), or empty.</param>
/// <param name="Given">The first name part when there are two or more ("bashar"), else empty.</param>
/// <param name="Initials">First letters of the parts, upper case, without the Arabic article ("BA"; "HTS" for Hayat Tahrir al-Sham).</param>
/// <param name="InitialsWithArticles">First letters including Arabic article parts ("AQ" for al-Qaeda, "HTAS").</param>
/// <param name="Parts">The normalised parts, in order.</param>
public readonly record struct NameKeys(string Full, string Surname, string Given, string Initials, string InitialsWithArticles, string[] Parts)
{
    /// <summary>Number of name parts.</summary>
    public int Count => Parts.Length;
    /// <summary>True when nothing is left after normalisation.</summary>
    public bool IsEmpty => Parts.Length == 0;
}

/// <summary>
/// Normalises names of people, organisations and places into comparison keys; used in-document and across articles.
/// </summary>
/// <remarks>
/// Steps: AnyAscii transliteration (drops diacritics, maps other scripts), case-fold, apostrophes and dots removed,
/// hyphens and other punctuation become spaces, a trailing possessive 's is dropped, leading honorifics and titles
/// (Mr, President, Foreign Minister…) and leading "the" are dropped, and Arabic article parts (al-, el-, ad-, as-, ash-, at-…)
/// are dropped from the key while still counted in <see cref="NameKeys.InitialsWithArticles"/>. Pure functions over
/// static read-only tables: thread-safe.
/// </remarks>
public static class NameNormalizer
{
    // Arabic definite article and its sun-letter assimilations, as written in Latin transliterations.
    private static readonly HashSet<string> ArabicArticles = new(StringComparer.Ordinal)
    { "al", "el", "ad", "ed", "as", "es", "ash", "esh", "at", "et", "az", "ez", "ar", "er", "an", "en", "adh", "ath", "dh", "az" };

    // Articles that are only safe to drop when hyphen-joined (al-Assad) or followed by a capitalised word in the source:
    // "an", "as", "at", "en", "ar" are also English or common words, so we only drop them when written with a hyphen.
    private static readonly HashSet<string> AmbiguousArticles = new(StringComparer.Ordinal) { "an", "as", "at", "en", "ar", "ed", "es", "et", "er" };

    /// <summary>Honorifics and titles dropped from the front of a name (lower case, dots removed).</summary>
    internal static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sheikh", "shaikh", "sheik",
        "president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior", "finance", "deputy",
        "secretary", "general", "gen", "king", "queen", "prince", "princess", "emir", "sultan", "chancellor", "senator", "sen",
        "rep", "representative", "governor", "gov", "mayor", "commander", "colonel", "col", "major", "maj", "captain", "capt",
        "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "marshal", "field", "leader", "chairman", "chairwoman",
        "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "pope", "cardinal", "archbishop", "bishop",
        "rev", "reverend", "imam", "ayatollah", "grand", "supreme", "crown", "justice", "judge", "premier", "speaker",
        "self", "declared", "former", "late", "acting", "interim", "then", "new", "ex", "chief", "head", "state", "of",
        "mp", "mep", "hon", "honourable", "honorable", "his", "her", "excellency", "majesty", "highness", "the",
    };

    // Words that may appear inside a title phrase but never start a name on their own; used to stop title stripping
    // at the first word that is not a title ("President Vladimir Putin" → "vladimir putin").
    private static readonly HashSet<string> Possessive = new(StringComparer.Ordinal) { "s" };

    /// <summary>Normalises one name into its keys.</summary>
    public static NameKeys Keys(ReadOnlySpan<char> name) => KeysOf(Parts(name, stripTitles: true));

    /// <summary>Normalises one name into its keys without dropping leading titles (for organisations: "Supreme Court").</summary>
    public static NameKeys KeysKeepTitles(ReadOnlySpan<char> name) => KeysOf(Parts(name, stripTitles: false));

    /// <summary>The full key of a name ("Bashar al-Assad" → "bashar assad").</summary>
    public static string Key(ReadOnlySpan<char> name) => Keys(name).Full;

    /// <summary>Case-folds and transliterates one word to ASCII (no other change): "Shara’a" → "sharaa".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        AppendFolded(sb, word);
        return sb.ToString();
    }

    private static NameKeys KeysOf(List<(string Part, bool Article)> parts)
    {
        if (parts.Count == 0) return new NameKeys("", "", "", "", "", []);
        var kept = new List<string>(parts.Count);
        var ini = new StringBuilder(parts.Count);
        var iniA = new StringBuilder(parts.Count);
        foreach (var (p, art) in parts)
        {
            iniA.Append(char.ToUpperInvariant(p[0]));
            if (art) continue;
            kept.Add(p);
            ini.Append(char.ToUpperInvariant(p[0]));
        }
        if (kept.Count == 0)
        {
            // A name made only of article-like words ("Al"): keep them rather than lose the name.
            foreach (var (p, _) in parts) kept.Add(p);
            ini.Clear().Append(iniA);
        }
        var arr = kept.ToArray();
        return new NameKeys(string.Join(' ', arr), arr[^1], arr.Length > 1 ? arr[0] : "", ini.ToString(), iniA.ToString(), arr);
    }

    // Splits into folded parts, marking Arabic article parts; drops possessive 's, leading titles and "the".
    private static List<(string Part, bool Article)> Parts(ReadOnlySpan<char> name, bool stripTitles)
    {
        var folded = new StringBuilder(name.Length + 4);
        AppendFolded(folded, name);
        // Possessive: "assad's" / "assads'" (apostrophe already removed, so look at the original).
        var trimmed = name.TrimEnd();
        bool possessive = trimmed.Length > 2 && (trimmed.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("’s", StringComparison.OrdinalIgnoreCase));

        var list = new List<(string, bool)>();
        string f = folded.ToString();
        int i = 0;
        while (i < f.Length)
        {
            while (i < f.Length && f[i] == ' ') i++;
            if (i >= f.Length) break;
            int s = i;
            while (i < f.Length && f[i] != ' ' && f[i] != '-') i++;
            string part = f[s..i];
            bool hyphenAfter = i < f.Length && f[i] == '-';
            if (hyphenAfter) i++;
            if (part.Length == 0) continue; // a stray hyphen ("- ", "--")
            bool article = ArabicArticles.Contains(part) && (hyphenAfter || !AmbiguousArticles.Contains(part));
            list.Add((part, article));
        }
        if (possessive && list.Count > 0)
        {
            var (last, art) = list[^1];
            if (last.EndsWith('s') && last.Length > 1) list[^1] = (last[..^1], art);
        }
        // "Al Jolani": a capitalised separate "Al"/"El" before another part is the article too (already marked, not ambiguous).
        if (stripTitles)
        {
            int k = 0;
            while (k < list.Count - 1 && (TitleWords.Contains(list[k].Item1) || Possessive.Contains(list[k].Item1))) k++;
            if (k > 0) list.RemoveRange(0, k);
        }
        else if (list.Count > 1 && list[0].Item1 == "the") list.RemoveAt(0);
        // The article marking only makes sense when something else is left.
        return list;
    }

    // Transliterates to ASCII, lower-cases, removes apostrophes and dots, keeps hyphens (as separators) and letters/digits.
    private static void AppendFolded(StringBuilder sb, ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c < 128) { AppendAscii(sb, c); continue; }
            if (c is '’' or 'ʼ' or '‘' or 'ʻ' or 'ʿ' or 'ʾ' or '`' or '´') continue;
            if (c is '‐' or '‑' or '–' or '—') { sb.Append('-'); continue; }
            foreach (char a in c.ToString().Transliterate()) AppendAscii(sb, a);
        }
    }

    private static void AppendAscii(StringBuilder sb, char c)
    {
        if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        else if (c == '\'' || c == '.' || c == '`') { /* dropped: Shara'a → sharaa, U.S. → us */ }
        else if (c == '-') sb.Append('-');
        else sb.Append(' ');
    }
}
