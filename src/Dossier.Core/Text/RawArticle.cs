namespace Dossier.Text;

/// <summary>Input formats the readers understand.</summary>
public enum InputFormat { Auto, Text, Html, Jsonl, Rss }

/// <summary>An article as read from its input, before cleaning.</summary>
public sealed record RawArticle
{
    /// <summary>Input path or URL, for provenance and error messages.</summary>
    public required string Source { get; init; }
    /// <summary>Line number in a JSONL file, item number in a feed; null for whole files.</summary>
    public int? Line { get; init; }
    public string? Id { get; init; }
    public string? Title { get; init; }
    /// <summary>Publication date or date-time as given by the input ("2025-02-12", RFC 1123, ISO 8601), or null.</summary>
    public string? Published { get; init; }
    /// <summary>True when <see cref="Published"/> is the fallback the user gave for inputs that carry none
    /// (<c>--published</c>), not the input's own date: then any date the article itself gives wins over it.</summary>
    public bool PublishedIsFallback { get; init; }
    public string? Url { get; init; }
    public string? Byline { get; init; }
    /// <summary>The body: plain text or HTML as <see cref="Format"/> says.</summary>
    public required string Body { get; init; }
    /// <summary>Text or Html (never Auto, Jsonl or Rss: readers resolve those).</summary>
    public InputFormat Format { get; init; } = InputFormat.Text;

    /// <summary>What reading noticed but did not refuse (a guessed encoding, a replaced surrogate); cleaning passes them on.</summary>
    public IReadOnlyList<DossierError> Warnings { get; init; } = [];

    /// <summary>"path" or "path:line".</summary>
    public string Where => Line is int l ? $"{Source}:{l}" : Source;
}

/// <summary>A bad input item: where it is and why it was refused; or, when <see cref="Warning"/>, what was noticed about an
/// item that was still read.</summary>
public sealed record ItemError(string Source, int? Line, DossierError Error, bool Warning = false)
{
    /// <summary>"path[:line]: reason (CODE)", the form printed on stderr ("path[:line]: warning: …" for a warning).</summary>
    public override string ToString() => $"{Source}{(Line is int l ? ":" + l : "")}: {(Warning ? "warning: " : "")}{Error.Message} ({Error.Code})";

    /// <summary>The warnings of one item, located as the item is.</summary>
    public static IEnumerable<ItemError> Warnings(string source, int? line, IEnumerable<DossierError> warnings) =>
        warnings.Select(w => new ItemError(source, line, w, Warning: true));
}

/// <summary>One item of a read: an article or an error, never both. An error marked <see cref="ItemError.Warning"/> is a
/// note about the input (a guessed encoding, a link not followed) rather than a failed item.</summary>
public readonly record struct InputItem(RawArticle? Article, ItemError? Error)
{
    /// <summary>True for a note that is only a warning (no article, nothing failed).</summary>
    public bool IsWarning => Error is { Warning: true };

    public static InputItem Ok(RawArticle a) => new(a, null);
    public static InputItem Fail(string source, int? line, DossierError e) => new(null, new ItemError(source, line, e));
}
