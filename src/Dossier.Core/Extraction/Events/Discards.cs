using Dossier.Documents;
using Dossier.Resources;

namespace Dossier.Extraction.Events;

/// <summary>
/// PETRARCH-2's discard list: phrases that mark a sentence (or, with '+', a whole story) as not worth coding — sports results,
/// entertainment, natural history, historical chronologies.
/// </summary>
/// <remarks>
/// A phrase matches at the start of a word, case-insensitively; without a trailing '_' its last word is a stem ("champion"
/// matches "championship"). A bare year marks a historical chronology, so it discards a sentence only when it lies more than
/// <see cref="HistoricalYears"/> years before the publication date (a 1998 article may speak of 1998). Phrases are indexed by
/// the first letters of their first word, so a sentence costs one dictionary look-up per word. Immutable; thread-safe.
/// </remarks>
internal sealed class Discards
{
    /// <summary>How far back a year must lie to mark a sentence as history.</summary>
    public const int HistoricalYears = 2;

    private readonly record struct Entry(string Phrase, bool Story, bool WholeWord, int Year);

    private readonly Dictionary<string, List<Entry>> _byPrefix = new(StringComparer.Ordinal);

    public static Discards Default => Lazy.Value;
    private static readonly Lazy<Discards> Lazy = new(() => new Discards(EmbeddedData.Lines("cameo-discards.txt")));

    internal Discards(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            bool story = line[0] == '+';
            if (story) line = line[1..];
            bool whole = line.EndsWith('_');
            if (whole) line = line[..^1];
            if (line.Length < 2) continue;
            int year = line.Length == 4 && line.All(char.IsAsciiDigit) ? int.Parse(line) : 0;
            var key = Key(line.AsSpan(0, FirstWordLength(line)));
            if (!_byPrefix.TryGetValue(key, out var list)) _byPrefix[key] = list = new();
            list.Add(new Entry(line, story, whole, year));
        }
    }

    private static int FirstWordLength(string s) { int i = s.IndexOf(' '); return i < 0 ? s.Length : i; }

    private static string Key(ReadOnlySpan<char> firstWord) => firstWord[..Math.Min(4, firstWord.Length)].ToString().ToLowerInvariant();

    /// <summary>True when a story-level phrase occurs anywhere in the document.</summary>
    public bool DiscardsStory(Document doc) => Scan(doc, 0, doc.Tokens.Length, story: true);

    /// <summary>True when a sentence-level phrase occurs in the sentence.</summary>
    public bool DiscardsSentence(Document doc, in Sentence s) => Scan(doc, s.FirstToken, s.TokenEnd, story: false);

    private bool Scan(Document doc, int first, int end, bool story)
    {
        var text = doc.Text;
        Span<char> low = stackalloc char[4];
        for (int t = first; t < end; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind is TokenKind.Punct) continue;
            int len = Math.Min(4, tok.Length);
            for (int k = 0; k < len; k++) low[k] = char.ToLowerInvariant(text[tok.Start + k]);
            // A phrase's first word may be shorter than four letters ("afl"): try each prefix length.
            for (int k = 2; k <= len; k++)
            {
                if (!_byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(low[..k], out var list)) continue;
                foreach (var e in list)
                {
                    if (e.Story != story || !Matches(text, tok.Start, e)) continue;
                    if (e.Year > 0 && !(doc.Published is not { } p || e.Year < p.Year - HistoricalYears)) continue;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Matches(string text, int at, in Entry e)
    {
        if (at + e.Phrase.Length > text.Length) return false;
        // Phrases are single-spaced; the cleaned text is too (whitespace runs were collapsed).
        if (string.Compare(text, at, e.Phrase, 0, e.Phrase.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        int after = at + e.Phrase.Length;
        bool atWordEnd = after >= text.Length || !char.IsLetterOrDigit(text[after]);
        // A year or a whole-word phrase must end at a word boundary; otherwise the last word is a stem.
        return atWordEnd || !e.WholeWord && e.Year == 0;
    }
}
