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
}
