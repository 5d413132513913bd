namespace Dossier;

/// <summary>A coded error: a stable code (DSR1xx) and a message naming the item and the reason.</summary>
public readonly record struct DossierError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>An exception that carries a <see cref="DossierError"/>; thrown off the hot path only.</summary>
public sealed class DossierException(DossierError error) : Exception(error.ToString())
{
    public DossierError Error { get; } = error;
}

/// <summary>Every message Dossier prints about bad input or bad configuration, with its code.</summary>
/// <remarks>DSR1xx: input; DSR2xx: pipeline and configuration; DSR3xx: store; DSR4xx: command line.
/// Each area may keep its messages in an Errors.&lt;Area&gt;.cs partial beside this file.</remarks>
public static partial class Errors
{
    // --- input (DSR1xx) ---
    public static DossierError EmptyInput() => new("DSR101", "empty input: no text to extract");
    public static DossierError Binary() => new("DSR102", "binary content, not text (a binary format's signature, or more than 5 % NUL and control bytes)");
    public static DossierError Encoding(string detail) => new("DSR103", $"cannot decode text: {detail}");
    public static DossierError TooLarge(long size, long limit) => new("DSR104", $"too large: {size:N0} bytes, the limit is {limit:N0} (--max-bytes)");
    public static DossierError BadJson(string detail) => new("DSR105", $"malformed JSON line: {detail}");
    public static DossierError MissingField(string field) => new("DSR106", $"missing field '{field}'");
    public static DossierError BadHtml(string detail) => new("DSR107", $"no main text found in HTML: {detail}");
    public static DossierError BadFeed(string detail) => new("DSR108", $"unreadable feed: {detail}");
    public static DossierError BadGzip(string detail) => new("DSR109", $"corrupt gzip data: {detail}");
    public static DossierError NotFound() => new("DSR110", "no such file or folder");
    public static DossierError BadDate(string value) => new("DSR111", $"unreadable date '{value}' (want YYYY-MM-DD or ISO 8601)");
    public static DossierError Unreadable(string detail) => new("DSR112", $"cannot read: {detail}");
    public static DossierError NoText() => new("DSR113", "no text after cleaning");

    // --- pipeline (DSR2xx) ---
    public static DossierError UnknownComponent(string name, IEnumerable<string> known) =>
        new("DSR201", $"unknown pipeline component '{name}' (known: {string.Join(", ", known.Order())})");
    public static DossierError PipelineRequirement(string component, string layer) =>
        new("DSR202", $"component '{component}' needs layer '{layer}', which no earlier component assigns");
    public static DossierError MissingResource(string name) => new("DSR203", $"embedded resource '{name}' is missing from the build");
    public static DossierError ExtractionFailed(string component, string detail) => new("DSR204", $"component '{component}' failed: {detail}");

    // --- store (DSR3xx) ---
    public static DossierError StoreOpen(string path, string detail) => new("DSR301", $"cannot open database '{path}': {detail}");
    public static DossierError StoreWrite(string detail) => new("DSR302", $"cannot store article: {detail}");
    public static DossierError StoreSchema(int found, int supported) => new("DSR303", $"database schema version {found} is newer than this build supports ({supported})");
    public static DossierError StoreSchemaChanged(int found, int expected) =>
        new("DSR304", $"database schema version {found} is not the version {expected} this server opened (was the file replaced?); restart the server");

    // --- command line (DSR4xx) ---
    public static DossierError UnknownActor(string name) => new("DSR401", $"no actor named '{name}'");
    public static DossierError BadOption(string option, string detail) => new("DSR402", $"bad value for {option}: {detail}");
    public static DossierError AmbiguousActor(string name, IEnumerable<string> candidates) =>
        new("DSR403", $"'{name}' names several actors: {string.Join("; ", candidates)} (use an id)");
    public static DossierError SameActor(string a, string b, string id) => new("DSR404", $"'{a}' and '{b}' are already one actor ({id})");
    public static DossierError NoSuchAlias(string alias, string id, string name) => new("DSR405", $"{id} {name} has no name '{alias}'");
    public static DossierError NoArticle(long id) => new("DSR406", $"no article {id}");
    public static DossierError NoHappening(long id) => new("DSR420", $"no happening {id}");
    public static DossierError NoSuggestion(string a, string b) => new("DSR421", $"no proposal joins '{a}' and '{b}' (see 'dossier actor suggestions')");
    public static DossierError ReadNeedsToken() => new("DSR407", "reads from this address need the token (Authorization: Bearer …)");
    public static DossierError WriteNeedsToken() => new("DSR408", "a write needs the token (Authorization: Bearer …)");
}

// Bounds on extraction and search (docs/limits.md).
public static partial class Errors
{
    /// <summary>The pipeline ran past the article's time budget.</summary>
    public static DossierError TooComplex(double budgetSeconds, string component) =>
        new("DSR205", $"extraction stopped after {budgetSeconds:0.#} s in '{component}': the article is too complex for the time budget (--budget); nothing of it is stored");
    /// <summary>A search has more distinct terms, or more characters, than the store answers.</summary>
    public static DossierError SearchTooLarge(string detail) => new("DSR314", $"search too large: {detail}");
    /// <summary>A search ran past <see cref="Limits.SearchTimeoutMs"/> and was stopped.</summary>
    public static DossierError SearchTimeout() =>
        new("DSR315", $"search stopped after {Limits.SearchTimeoutMs / 1000.0:0.#} s: make it narrower (fewer OR terms, longer prefixes before *)");
}
