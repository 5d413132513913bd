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
    public string? Url { get; init; }
    public string? Byline { get; init; }
    /// <summary>The body: plain text or HTML as <see cref="Format"/> says.</summary>
    public required string Body { get; init; }
    /// <summary>Text or Html (never Auto, Jsonl or Rss: readers resolve those).</summary>
    public InputFormat Format { get; init; } = InputFormat.Text;

    /// <summary>"path" or "path:line".</summary>
    public string Where => Line is int l ? $"{Source}:{l}" : Source;
}

/// <summary>A bad input item: where it is and why it was refused.</summary>
public sealed record ItemError(string Source, int? Line, DossierError Error)
{
    /// <summary>"path[:line]: reason (CODE)", the form printed on stderr.</summary>
    public override string ToString() => $"{Source}{(Line is int l ? ":" + l : "")}: {Error.Message} ({Error.Code})";
}

/// <summary>One item of a read: an article or an error, never both.</summary>
public readonly record struct InputItem(RawArticle? Article, ItemError? Error)
{
    public static InputItem Ok(RawArticle a) => new(a, null);
    public static InputItem Fail(string source, int? line, DossierError e) => new(null, new ItemError(source, line, e));
}
