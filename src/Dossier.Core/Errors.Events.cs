namespace Dossier;

// Event coding (DSR250-DSR259).
public static partial class Errors
{
    /// <summary>A line of a verb lexicon does not follow the B/V/P grammar.</summary>
    public static DossierError BadVerbLexiconLine(string file, int line, string text) =>
        new("DSR250", $"verb lexicon '{file}' line {line}: cannot read '{(text.Length > 80 ? text[..80] + "…" : text)}' (want B/V/P records)");
    /// <summary>A line of an event word list is malformed.</summary>
    public static DossierError BadEventListLine(string file, int line, string text) =>
        new("DSR251", $"event word list '{file}' line {line}: cannot read '{(text.Length > 80 ? text[..80] + "…" : text)}'");
    /// <summary>A file given to <c>eval events</c> is neither a PLOVER gold-standard JSON array nor PETRARCH JSONL records.</summary>
    public static DossierError NotEventGold(string path, string detail) =>
        new("DSR252", $"{path}: not PLOVER gold-standard records (a JSON array) or PETRARCH validation records (JSON lines): {detail}");
    /// <summary>One record of an event gold file cannot be read.</summary>
    public static DossierError BadEventGoldRecord(string detail) => new("DSR253", $"malformed event gold record: {detail}");
}
