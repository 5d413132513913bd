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
}
