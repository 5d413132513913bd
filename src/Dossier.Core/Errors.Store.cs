namespace Dossier;

// Messages of the store (DSR310-DSR349) and of the command line (DSR410-DSR449).
public static partial class Errors
{
    // --- store (DSR31x-DSR34x) ---
    public static DossierError MigrationFailed(int version, string detail) => new("DSR310", $"migration {version:D3} failed: {detail}");
    public static DossierError NoDatabase(string path) => new("DSR311", $"no database at '{path}' (run 'dossier ingest PATH' first, or pass --db)");
    public static DossierError BadSearch(string query, string detail) => new("DSR312", $"cannot search for '{query}': {detail}");
    public static DossierError NotADatabase(string path) => new("DSR313", $"'{path}' is not a Dossier database (no schema_version table)");
    public static DossierError NoEngine(string location, string scheme, IEnumerable<string> known) =>
        new("DSR316", $"no store engine for '{scheme}' in '{location}' (this build has: {string.Join(", ", known)})");
    public static DossierError CopyTargetNotEmpty(string location, long articles, long actors) =>
        new("DSR317", $"cannot copy into '{location}': it already holds {articles:N0} articles and {actors:N0} actors (copy into a new, empty store)");
    public static DossierError CopySameStore(string location) => new("DSR318", $"cannot copy '{location}' onto itself");
    public static DossierError CopyNotSupported(string location) => new("DSR319", $"the engine of '{location}' cannot copy tables");
    public static DossierError CopyMismatch(string detail) => new("DSR320", $"the copy does not match its source: {detail}");

    // --- command line (DSR41x-DSR44x) ---
    public static DossierError NoInput() => new("DSR410", "no input: give one or more files, folders, or - for standard input");
    public static DossierError OutputFailed(string path, string detail) => new("DSR411", $"cannot write '{path}': {detail}");
    public static DossierError NoSamples(string path) => new("DSR412", $"no sample articles at '{path}'");
    public static DossierError Usage(string detail) => new("DSR413", $"usage: {detail}");
}
