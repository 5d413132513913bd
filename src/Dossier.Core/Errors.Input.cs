namespace Dossier;

// Input reading and cleaning messages beyond the base set (DSR114-DSR139).
public static partial class Errors
{
    /// <summary>A feed parsed but held no items.</summary>
    public static DossierError EmptyFeed() => new("DSR114", "feed has no items");
    /// <summary>A JSON line parsed but is not an object.</summary>
    public static DossierError JsonNotObject(string kind) => new("DSR115", $"JSON line is {kind}, not an object");
    /// <summary>A JSON field has the wrong type (e.g. a number for "text").</summary>
    public static DossierError BadField(string field, string kind) => new("DSR116", $"field '{field}' is {kind}, not a string");
    /// <summary>A CSV record's quoted field never closes (reading stops: nothing after it can be delimited).</summary>
    public static DossierError CsvUnterminated() => new("DSR117", "quoted field is never closed (or longer than 1 MiB)");
    /// <summary>A CSV record holds a NUL character.</summary>
    public static DossierError CsvBinary() => new("DSR118", "record holds binary content (a NUL character)");
    /// <summary>A CSV record has too few fields.</summary>
    public static DossierError CsvFields(int have, int want) => new("DSR119", $"record has {have} field(s), want at least {want}");
    /// <summary>A name to match is empty.</summary>
    public static DossierError EmptyName(string column) => new("DSR120", $"'{column}' is empty");

    // --- bounds and warnings of issue 12 (docs/limits.md) ---
    /// <summary>Warning: the input was not UTF-8 and declared no encoding; it was decoded with a guessed one.</summary>
    public static DossierError GuessedEncoding(string encoding, int badOffset) =>
        new("DSR121", $"not valid UTF-8 (first bad byte at offset {badOffset:N0}) and no encoding declared; decoded as {encoding} (a guess: check the characters)");
    /// <summary>Warning: a few invalid UTF-8 sequences were replaced with U+FFFD.</summary>
    public static DossierError Utf8Replaced(int count, int firstOffset) =>
        new("DSR122", $"{count:N0} invalid UTF-8 sequence(s) replaced with U+FFFD (first at byte {firstOffset:N0})");
    /// <summary>Warning: the publication date the input gives cannot be read; the article is stored without it.</summary>
    public static DossierError BadPublished(string value) =>
        new("DSR123", $"publication date '{Short(value, 60)}' is unreadable and was ignored (want ISO 8601, RFC 1123 or 'February 12, 2025')");
    /// <summary>Warning: a JSON string held unpaired UTF-16 surrogate escapes, replaced with U+FFFD.</summary>
    public static DossierError LoneSurrogate(string field, int count) =>
        new("DSR124", $"field '{field}' holds {count} unpaired surrogate escape(s) (\\uD800-\\uDFFF alone), replaced with U+FFFD");
    /// <summary>One article's raw body is past <see cref="Limits.MaxRawChars"/>.</summary>
    public static DossierError RawTooLong(int chars) =>
        new("DSR125", $"article body is {chars:N0} chars, the limit is {Limits.MaxRawChars:N0}: not read as one article");
    /// <summary>One article's cleaned text is past <see cref="Limits.MaxTextChars"/>.</summary>
    public static DossierError TextTooLong(int chars) =>
        new("DSR126", $"article text is {chars:N0} chars after cleaning, the limit is {Limits.MaxTextChars:N0}: not extracted");
    /// <summary>A path is a FIFO, socket or device: only regular files are read.</summary>
    public static DossierError NotRegularFile(string kind) => new("DSR127", $"not a regular file ({kind}): skipped");
    /// <summary>A folder lies deeper than <see cref="Limits.MaxFolderDepth"/> below the path given.</summary>
    public static DossierError FolderTooDeep() => new("DSR128", $"folder nested more than {Limits.MaxFolderDepth} levels below the path given: not read");
    /// <summary>Warning: a link to a folder was not followed.</summary>
    public static DossierError LinkNotFollowed(string target) => new("DSR129", $"link to the folder '{target}' not followed (--follow-links reads it)");
    /// <summary>Warning: a folder or file was reached again through a link and is not read twice.</summary>
    public static DossierError AlreadyRead(string first) => new("DSR130", $"already read as '{first}' (reached again through a link): skipped");

    private static string Short(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
