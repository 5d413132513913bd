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
    /// <summary>True for a given name and a surname ("bill de blasio"); false for a surname that opens with a particle
    /// ("de blasio", "van doren stern"), which is the surname alone.</summary>
    public bool IsFull => Parts.Length >= 2 && !NameNormalizer.IsSurnameParticle(Parts[0]);

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

    // Words acronyms skip ("of", "the", "and", "for" and their French and Spanish kin).
    private static readonly HashSet<string> InitialsStopWords = new(StringComparer.Ordinal)
    { "of", "the", "and", "for", "de", "du", "des", "la", "le", "les", "del", "y", "et", "und", "fur", "on", "in", "to" };

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
        // plurals, when the NER takes "Presidents George W Bush and Jacques Chirac" apart with the title on the first name
        "presidents", "ministers", "senators", "leaders", "kings", "generals", "secretaries", "chancellors", "governors", "mayors",
    };

    // Particles that open a surname in European names ("de Blasio", "van Gogh", "von der Leyen", "da Silva", "bin Laden").
    private static readonly HashSet<string> SurnameParticles = new(StringComparer.Ordinal)
    { "de", "da", "di", "du", "del", "della", "dos", "das", "van", "von", "der", "den", "ter", "ten", "le", "la", "bin", "ibn" };

    /// <summary>True for a folded name part that opens a surname rather than being a given name ("de", "van", "bin").</summary>
    public static bool IsSurnameParticle(string part) => SurnameParticles.Contains(part);

    /// <summary>Normalises one name into its keys.</summary>
    public static NameKeys Keys(ReadOnlySpan<char> name) => Build(name, stripTitles: true, keysOnly: false, out _);

    /// <summary>Normalises one name into its keys without dropping leading titles (for organisations: "Supreme Court").</summary>
    public static NameKeys KeysKeepTitles(ReadOnlySpan<char> name) => Build(name, stripTitles: false, keysOnly: false, out _);

    /// <summary>The full key of a person's name ("President Bashar al-Assad" → "bashar assad").</summary>
    public static string Key(ReadOnlySpan<char> name) { Build(name, true, true, out var k); return k; }

    /// <summary>The full key of any name, titles kept ("Supreme Court" → "supreme court"); the cheap form for lexicon lookups.</summary>
    public static string KeyKeepTitles(ReadOnlySpan<char> name) { Build(name, false, true, out var k); return k; }

    /// <summary>Case-folds and transliterates one word to ASCII (no other change): "Shara’a" → "sharaa".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        AppendFolded(sb, word);
        return sb.ToString();
    }

    /// <summary>Longest name looked at; longer input is cut (names are short; this bounds the work on hostile input).</summary>
    public const int MaxNameLength = 200;
    private const int MaxParts = 32;

    private struct Part
    {
        public int Start, Length;
        public bool Article;
    }

    // One pass: fold into a buffer, split into parts, mark articles, drop possessive and titles, then either build the
    // full key only (lexicon lookups: no arrays) or every key.
    private static NameKeys Build(ReadOnlySpan<char> name, bool stripTitles, bool keysOnly, out string full)
    {
        if (name.Length > MaxNameLength) name = name[..MaxNameLength];
        var trimmed = name.TrimEnd();
        // Possessive: "assad's" (the apostrophe is dropped by folding, so look at the original).
        bool possessive = trimmed.Length > 2 && (trimmed[^1] is 's' or 'S') && (trimmed[^2] is '\'' or '’');

        char[]? rented = null;
        int cap = name.Length * 4 + 8;
        Span<char> f = cap <= 512 ? stackalloc char[cap] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(cap));
        int n = FoldInto(name, f);
        Span<Part> parts = stackalloc Part[MaxParts];
        int count = 0, i = 0;
        var articles = ArabicArticles.GetAlternateLookup<ReadOnlySpan<char>>();
        var ambiguous = AmbiguousArticles.GetAlternateLookup<ReadOnlySpan<char>>();
        while (i < n && count < MaxParts)
        {
            while (i < n && f[i] == ' ') i++;
            if (i >= n) break;
            int st = i;
            while (i < n && f[i] != ' ' && f[i] != '-') i++;
            int len = i - st;
            bool hyphenAfter = i < n && f[i] == '-';
            if (hyphenAfter) i++;
            if (len == 0) continue; // a stray hyphen ("- ", "--")
            var w = f.Slice(st, len);
            parts[count++] = new Part { Start = st, Length = len, Article = articles.Contains(w) && (hyphenAfter || !ambiguous.Contains(w)) };
        }
        if (possessive && count > 0 && parts[count - 1].Length > 1 && f[parts[count - 1].Start + parts[count - 1].Length - 1] == 's')
            parts[count - 1].Length--;
        // An article belongs to the word after it: a last word is a name, whatever it looks like ("Steve Ash", "Omar El").
        if (count > 1) parts[count - 1].Article = false;
        int first = 0;
        if (stripTitles)
        {
            var titles = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
            while (first < count - 1 && titles.Contains(f.Slice(parts[first].Start, parts[first].Length))) first++;
        }
        else if (count > 1 && f.Slice(parts[0].Start, parts[0].Length).SequenceEqual("the")) first = 1;

        int kept = 0;
        for (int k = first; k < count; k++) if (!parts[k].Article) kept++;
        bool keepArticles = kept == 0; // a name made only of article-like words ("Al"): keep them rather than lose the name
        // Full key.
        var sb = new StringBuilder(n);
        int last = -1, firstKept = -1, keptCount = 0;
        for (int k = first; k < count; k++)
        {
            if (parts[k].Article && !keepArticles) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(f.Slice(parts[k].Start, parts[k].Length));
            if (firstKept < 0) firstKept = k;
            last = k;
            keptCount++;
        }
        full = sb.ToString();
        NameKeys result = default;
        if (!keysOnly)
        {
            if (keptCount == 0) result = new NameKeys("", "", "", "", "", []);
            else
            {
                var arr = new string[keptCount];
                var ini = new StringBuilder(keptCount);
                var iniA = new StringBuilder(count - first);
                int a = 0;
                var stop = InitialsStopWords.GetAlternateLookup<ReadOnlySpan<char>>();
                for (int k = first; k < count; k++)
                {
                    char c0 = char.ToUpperInvariant(f[parts[k].Start]);
                    // Function words are not spelled in acronyms: University of Southern Indiana = USI.
                    bool fn = keptCount > 1 && stop.Contains(f.Slice(parts[k].Start, parts[k].Length));
                    if (!fn) iniA.Append(c0);
                    if (parts[k].Article && !keepArticles) continue;
                    if (!fn) ini.Append(c0);
                    arr[a++] = new string(f.Slice(parts[k].Start, parts[k].Length));
                }
                result = new NameKeys(full, arr[^1], arr.Length > 1 ? arr[0] : "", ini.ToString(), iniA.ToString(), arr);
            }
        }
        if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    // Folds into a buffer big enough for transliteration (4 chars per input char plus slack); returns the length written.
    private static int FoldInto(ReadOnlySpan<char> s, Span<char> dst)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (c < 128) { n = PutAscii(dst, n, c); continue; }
            if (c is '’' or 'ʼ' or '‘' or 'ʻ' or 'ʿ' or 'ʾ' or '´') continue;
            if (c is '‐' or '‑' or '–' or '—') { if (n < dst.Length) dst[n++] = '-'; continue; }
            foreach (char t in c.ToString().Transliterate())
            {
                if (n >= dst.Length - 1) break;
                n = PutAscii(dst, n, t);
            }
        }
        return n;
    }

    private static int PutAscii(Span<char> dst, int n, char c)
    {
        if (n >= dst.Length) return n;
        if (char.IsAsciiLetterOrDigit(c)) dst[n++] = char.ToLowerInvariant(c);
        else if (c is '\'' or '.' or '`') { /* dropped: Shara'a → sharaa, U.S. → us */ }
        else if (c == '-') dst[n++] = '-';
        else dst[n++] = ' ';
        return n;
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
