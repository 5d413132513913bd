using System.Runtime.CompilerServices;
using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Text;

/// <summary>Splits the cleaned text into tokens and sentences (the "segment" component).</summary>
/// <remarks>
/// A single forward scan, dispatching per character; no regular expressions. Keeps inner hyphens and apostrophes
/// inside words (al-Qaeda, Shara'a), splits English clitics ('s, n't), keeps URLs, handles, numbers with separators,
/// initials and known abbreviations whole. Stateless; safe across threads.
/// </remarks>
[Component("segment")]
public sealed class Segmenter : IComponent
{
    public static readonly ComponentInfo Component = new("segment", "1.0", [Layers.Tokens, Layers.Sentences], []);
    public ComponentInfo Info => Component;

    public void Process(Document doc)
    {
        doc.Tokens = Tokenize(doc.Text);
        doc.Sentences = SplitSentences(doc.Text, doc.Tokens);
    }

    // Abbreviations that keep their period and do not end a sentence when followed by a capitalised word.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "adm", "gov", "sen", "rep", "rev",
        "st", "sr", "jr", "mt", "ft", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "e.g", "i.e", "approx", "est", "dept", "univ", "assn", "bros", "pres", "messrs", "hon", "ave", "blvd", "rd", "fig",
        // Ranks and offices that precede names ("Brig. Gen. Khalid Idris", "Rt. Hon.", "Supt. Ellis")
        "brig", "cmdr", "cdr", "cpl", "pte", "pvt", "supt", "insp", "det", "amb", "atty", "sec", "rt", "lieut", "ret", "mme", "mlle",
    };
    // Of the abbreviations above, those that can still end a sentence ("… and so on, etc. The next").
    private static readonly HashSet<string> CanEndSentence = new(StringComparer.OrdinalIgnoreCase)
    { "etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros" };

    private static readonly System.Buffers.SearchValues<char> UpperLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly string[] Clitics = ["'s", "'d", "'ll", "'re", "'ve", "'m", "n't"];

    /// <summary>Tokenizes a text.</summary>
    public static Token[] Tokenize(string text)
    {
        var list = new List<Token>(text.Length / 5 + 4);
        int i = 0, n = text.Length;
        bool space = true, line = true, para = true;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    if (line) para = true;
                    line = true;
                }
                space = true; i++;
                continue;
            }
            var flags = (space ? TokenFlags.SpaceBefore : 0) | (line ? TokenFlags.LineStart : 0) | (para ? TokenFlags.ParagraphStart : 0);
            space = line = para = false;
            int end = ScanToken(text, i, out var kind);
            if (kind == TokenKind.Word)
            {
                // Split clitics off the word: Russia's → Russia 's ; hasn't → has n't
                int w = SplitClitic(text, i, end);
                if (w > i && w < end)
                {
                    list.Add(Make(text, i, w, kind, flags));
                    list.Add(Make(text, w, end, TokenKind.Word, 0));
                    i = end; continue;
                }
            }
            list.Add(Make(text, i, end, kind, flags));
            i = end;
        }
        return list.ToArray();
    }

    private static Token Make(string text, int s, int e, TokenKind kind, TokenFlags flags)
    {
        bool anyUpper = false, anyLower = false, digit = false, hyphen = false, apos = false;
        for (int k = s; k < e; k++)
        {
            char ch = text[k];
            if (char.IsUpper(ch)) anyUpper = true;
            else if (char.IsLower(ch)) anyLower = true;
            else if (char.IsDigit(ch)) digit = true;
            else if ((ch == '-' || ch == '‐') && k > s && k < e - 1) hyphen = true;
            else if (IsApostrophe(ch) && k > s && k < e - 1) apos = true;
        }
        if (digit) flags |= TokenFlags.HasDigit;
        if (hyphen) flags |= TokenFlags.Hyphen;
        if (apos) flags |= TokenFlags.Apostrophe;
        if (anyUpper && !anyLower) flags |= TokenFlags.Upper;
        else if (anyLower && !anyUpper) flags |= TokenFlags.Lower;
        if (char.IsUpper(text[s]) && anyLower) flags |= TokenFlags.Title;
        return new Token(s, e, kind, flags);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsApostrophe(char c) => c == '\'' || c == '’' || c == 'ʼ';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static int ScanToken(string t, int i, out TokenKind kind)
    {
        int n = t.Length;
        char c = t[i];
        // URLs and bare domains with a path (pic.twitter.com/abc, https://x.y/z)
        int u = ScanUrl(t, i);
        if (u > i) { kind = TokenKind.Symbol; return u; }
        if ((c == '@' || c == '#') && i + 1 < n && IsWordChar(t[i + 1]))
        {
            int k = i + 1;
            while (k < n && IsWordChar(t[k])) k++;
            kind = TokenKind.Symbol; return k;
        }
        if (char.IsDigit(c))
        {
            int k = i + 1;
            while (k < n)
            {
                if (char.IsDigit(t[k])) { k++; continue; }
                // 70,000  10.5  12:30  2024-12-08  1/2
                if ((t[k] == ',' || t[k] == '.' || t[k] == ':' || t[k] == '/' || t[k] == '-') && k + 1 < n && char.IsDigit(t[k + 1])) { k += 2; continue; }
                break;
            }
            // Ordinals and units glued to numbers: 8th, 1990s, 5pm, 10km
            int w = k;
            while (w < n && char.IsLetter(t[w])) w++;
            if (w > k && w - k <= 3) k = w;
            kind = TokenKind.Number; return k;
        }
        if (IsWordChar(c))
        {
            int k = i + 1;
            while (k < n)
            {
                char ch = t[k];
                if (IsWordChar(ch)) { k++; continue; }
                // inner hyphen or apostrophe followed by a letter: al-Qaeda, Shara'a, O'Brien
                if ((ch == '-' || ch == '‐' || IsApostrophe(ch) || ch == '&' && k + 1 < n && char.IsUpper(t[k + 1]) && char.IsUpper(t[k - 1])) && k + 1 < n && IsWordChar(t[k + 1])) { k++; continue; }
                break;
            }
            // Initials and dotted acronyms: U.S.  U.N.  A.B.
            if (k < n && t[k] == '.')
            {
                // Bounded: a run "a.a.a.…" without a final dot was rescanned from every token start (quadratic).
                int m = k, limit = Math.Min(n, k + 2 * MaxDottedLetters);
                while (m + 2 <= limit && t[m] == '.' && m - 1 >= i && char.IsLetter(t[m - 1]) && (m + 1 < n && char.IsLetter(t[m + 1]) && (m + 2 >= n || t[m + 2] == '.')))
                    m += 2;
                if (m > k && m < n && t[m] == '.') { kind = TokenKind.Word; return m + 1; }
                var word = t.AsSpan(i, k - i);
                if (k - i == 1 && char.IsUpper(c)) { kind = TokenKind.Word; return k + 1; } // initial: "George W. Bush"
                // "No." abbreviates "number" only before a digit ("No. 10"); elsewhere it is the word "no" and a full stop.
                bool numberAbbrev = word.Equals("no", StringComparison.OrdinalIgnoreCase);
                if (IsAbbreviation(word) && (!numberAbbrev || k + 2 < n && t[k + 1] == ' ' && char.IsDigit(t[k + 2]))) { kind = TokenKind.Word; return k + 1; }
            }
            kind = TokenKind.Word; return k;
        }
        // Runs of the same punctuation: ... -- !!
        if (c == '.' || c == '-' || c == '!' || c == '?')
        {
            int k = i + 1;
            while (k < n && t[k] == c) k++;
            kind = TokenKind.Punct; return k;
        }
        kind = char.IsPunctuation(c) ? TokenKind.Punct : TokenKind.Symbol;
        return i + 1;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        // An acronym in capitals is a name that can end a sentence ("under review by the SEC. The company …"), not the
        // title it spells in lower case ("Sec. of State").
        if (word.Length >= 3 && !word.ContainsAnyExcept(UpperLetters)) return false;
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word);
    }

    /// <summary>Most letters of a dotted acronym kept as one token (U.S.A.); longer runs of "a.b.c." split.</summary>
    public const int MaxDottedLetters = 12;

    /// <summary>A URL token ends here at the latest; a host name is at most this long (DNS limit).</summary>
    public const int MaxUrlLength = 2048, MaxHostLength = 253;

    // Bounded scans: a token start may not look further than a host name or a URL can reach, so a long line without
    // spaces ("ab,ab,ab,…") stays linear instead of rescanning the rest of the line at every token.
    private static int ScanUrl(string t, int i)
    {
        int n = t.Length;
        if (!char.IsLetter(t[i])) return i;
        var rest = t.AsSpan(i);
        bool scheme = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!scheme)
        {
            // bare domain with a path: pic.twitter.com/abc, bbc.co.uk/news
            int h = i, dots = 0;
            while (h < n && h - i <= MaxHostLength && (char.IsLetterOrDigit(t[h]) || t[h] == '.' || t[h] == '-'))
            {
                if (t[h] == '.') dots++;
                h++;
            }
            if (dots == 0 || h >= n || t[h] != '/') return i;
            var host = t.AsSpan(i, h - i);
            int lastDot = host.LastIndexOf('.');
            if (lastDot <= 0 || host.Length - lastDot - 1 < 2 || !IsLetters(host[(lastDot + 1)..])) return i;
        }
        int k = i, limit = Math.Min(n, i + MaxUrlLength);
        while (k < limit && !char.IsWhiteSpace(t[k]) && t[k] != '"' && t[k] != '<' && t[k] != '>' && t[k] != '”' && t[k] != '“') k++;
        // Trailing punctuation is not part of the URL.
        while (k > i && ".,;:!?)]'’".Contains(t[k - 1])) k--;
        return k;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    private static int SplitClitic(string t, int s, int e)
    {
        var w = t.AsSpan(s, e - s);
        foreach (var cl in Clitics)
        {
            if (w.Length <= cl.Length) continue;
            var tail = w[^cl.Length..];
            bool eq = true;
            for (int k = 0; k < cl.Length; k++)
            {
                char a = tail[k], b = cl[k];
                if (b == '\'') { if (!IsApostrophe(a)) { eq = false; break; } }
                else if (char.ToLowerInvariant(a) != b) { eq = false; break; }
            }
            if (eq) return e - cl.Length;
        }
        // Plural possessive: "states'" is left alone (the apostrophe is then outside the word).
        return e;
    }

    private static bool IsClosingQuote(char c) => c is '"' or '”' or '’' or '\'' or '»' or ')' or ']';
    private static bool IsOpening(char c) => c is '"' or '“' or '‘' or '\'' or '«' or '(' or '[';

    /// <summary>Groups tokens into sentences.</summary>
    public static Sentence[] SplitSentences(string text, Token[] tokens)
    {
        var list = new List<Sentence>();
        int n = tokens.Length;
        int first = 0;
        for (int i = 0; i < n; i++)
        {
            bool boundaryAfter = false;
            var tok = tokens[i];
            int next = i + 1;
            if (next < n && tokens[next].Has(TokenFlags.ParagraphStart)) boundaryAfter = true;
            else if (next < n && tokens[next].Has(TokenFlags.LineStart) && LineBreakEndsSentence(text, tokens, i, next)) boundaryAfter = true;
            else if (tok.Kind == TokenKind.Punct && IsTerminal(text, tok))
            {
                // absorb closing quotes/brackets: ... said." Next
                int j = next;
                while (j < n && tokens[j].Kind != TokenKind.Word && tokens[j].Kind != TokenKind.Number && tokens[j].Length == 1 && IsClosingQuote(text[tokens[j].Start]) && !tokens[j].Has(TokenFlags.SpaceBefore)) j++;
                if (j >= n) { i = j - 1; boundaryAfter = true; }
                else if (StartsSentence(text, tokens[j]) || j == next && GluedSentenceStart(text, tokens, i))
                {
                    i = j - 1; boundaryAfter = true;
                }
            }
            else if (tok.Kind == TokenKind.Word && text[tok.End - 1] == '.' && next < n && tok.Length > 1)
            {
                // abbreviation with a period: ends a sentence only for a few ("etc.") before a capitalised word
                var core = text.AsSpan(tok.Start, tok.Length - 1);
                var lookup = CanEndSentence.GetAlternateLookup<ReadOnlySpan<char>>();
                if (lookup.Contains(core) && StartsSentence(text, tokens[next])) boundaryAfter = true;
                // dotted acronym at sentence end: "… in the U.S. The next"
                else if (core.Contains('.') && StartsSentence(text, tokens[next]) && IsCommonSentenceStarter(text, tokens[next])) boundaryAfter = true;
            }
            if (boundaryAfter || i == n - 1)
            {
                int last = Math.Min(i, n - 1);
                AddBounded(text, tokens, first, last + 1, list);
                first = last + 1;
                i = last;
            }
        }
        var arr = list.ToArray();
        for (int s = 0; s < arr.Length; s++)
        {
            int ti = arr[s].FirstToken;
            if (!tokens[ti].Has(TokenFlags.ChunkStart)) tokens[ti] = tokens[ti] with { Flags = tokens[ti].Flags | TokenFlags.SentenceStart };
        }
        return arr;
    }

    // Adds the sentence of tokens [first, end), cut into chunks when it is longer than the limits (text without full
    // stops: a list, a transcript, a hostile input), so every later component works on bounded units. Each cut is made in
    // the second half of the longest window the limits allow, at the last clause break there (; : — –), else the last
    // comma, else before the last joining word, else at the window's end. A chunk's first token is marked ChunkStart.
    private static void AddBounded(string text, Token[] tokens, int first, int end, List<Sentence> list)
    {
        // (one token longer than the char limit stays a chunk of its own)
        while (end - first > Limits.MaxSentenceTokens || end - first > 1 && tokens[end - 1].End - tokens[first].Start > Limits.MaxSentenceChars)
        {
            int limit = Math.Min(end, first + Limits.MaxSentenceTokens);
            while (limit > first + 1 && tokens[limit - 1].End - tokens[first].Start > Limits.MaxSentenceChars) limit--;
            int cut = BestCut(text, tokens, first, limit);
            list.Add(new Sentence(tokens[first].Start, tokens[cut - 1].End, first, cut));
            tokens[cut] = tokens[cut] with { Flags = tokens[cut].Flags | TokenFlags.ChunkStart };
            first = cut;
        }
        list.Add(new Sentence(tokens[first].Start, tokens[end - 1].End, first, end));
    }

    private static readonly HashSet<string> JoiningWords = new(StringComparer.OrdinalIgnoreCase)
    { "and", "but", "or", "while", "whereas", "which", "who", "because", "although", "though", "as", "after", "before", "when", "where", "then" };

    // The token index a chunk of [first, limit) ends at (exclusive), in (first + half, limit].
    private static int BestCut(string text, Token[] tokens, int first, int limit)
    {
        int low = first + Math.Max(1, (limit - first) / 2);
        for (int pass = 0; pass < 3; pass++)
            for (int k = limit - 1; k >= low; k--)
            {
                var t = tokens[k];
                char c = text[t.Start];
                bool cut = pass switch
                {
                    0 => t.Kind == TokenKind.Punct && t.Length == 1 && c is ';' or ':' or '—' or '–',
                    1 => t.Kind == TokenKind.Punct && t.Length == 1 && c == ',',
                    _ => k > low && t.Kind == TokenKind.Word && JoiningWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(t.Start, t.Length)),
                };
                // punctuation stays with the chunk it closes; a joining word opens the next one
                if (cut) return pass < 2 ? k + 1 : k;
            }
        return limit;
    }

    private static bool IsTerminal(string text, Token t)
    {
        char c = text[t.Start];
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static bool StartsSentence(string text, Token t)
    {
        if (!t.Has(TokenFlags.SpaceBefore)) return false;
        char c = text[t.Start];
        return char.IsUpper(c) || char.IsDigit(c) || IsOpening(c) || c == '@' || c == '#' || c == '—' || c == '-';
    }

    // "…for Syria.The talks…", "…UN auspices.To this aim…": a full stop with no space after it, between a lower-case word
    // of three letters or more and a word that commonly opens a sentence, ends the sentence (text extracted from pages
    // loses the space at a line or paragraph break). Not a web address or a file name: both sides must be words, the
    // word after one of the common openers.
    private static bool GluedSentenceStart(string text, Token[] tokens, int dot)
    {
        if (text[tokens[dot].Start] != '.' || dot == 0 || dot + 1 >= tokens.Length) return false;
        var before = tokens[dot - 1];
        var after = tokens[dot + 1];
        if (before.Kind != TokenKind.Word || before.Length < 3 || before.End != tokens[dot].Start || after.Start != tokens[dot].End) return false;
        if (!char.IsLower(text[before.End - 1]) || !char.IsLetter(text[before.Start])) return false;
        return IsCommonSentenceStarter(text, after) || GluedStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(after.Start, after.Length));
    }

    private static readonly HashSet<string> GluedStarters = new(StringComparer.Ordinal)
    { "To", "As", "For", "If", "When", "After", "While", "Yet", "So", "Since", "Although", "Those", "These", "Some", "Many" };

    private static readonly HashSet<string> Starters = new(StringComparer.Ordinal)
    { "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "This", "That", "There", "His", "Her", "Its", "Their", "Meanwhile", "However", "Mr", "Mrs", "Ms" };

    private static bool IsCommonSentenceStarter(string text, Token t) =>
        Starters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(t.Start, t.Length));

    // A single line break ends a sentence unless the line is visibly wrapped mid-sentence
    // (it ends in a lower-case word, a comma or a hyphen and the next line starts in lower case or continues).
    private static bool LineBreakEndsSentence(string text, Token[] tokens, int last, int next)
    {
        var a = tokens[last];
        var b = tokens[next];
        char end = text[a.End - 1];
        char start = text[b.Start];
        if (end == ',' || end == '-' || end == ';' || end == ':' && !char.IsUpper(start)) return false;
        if (char.IsLower(start)) return false;
        if (a.Kind == TokenKind.Word && a.Has(TokenFlags.Lower) && !char.IsUpper(start)) return false;
        return true;
    }
}
