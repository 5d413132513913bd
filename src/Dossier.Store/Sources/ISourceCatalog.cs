namespace Dossier.Store.Sources;

/// <summary>What the store knows of one followed feed or page: the validators of its last answer and how it went.</summary>
/// <param name="Url">The address as the user gave it.</param>
/// <param name="ETag">The ETag of the last full answer, sent back as If-None-Match.</param>
/// <param name="LastModified">Its Last-Modified, sent back as If-Modified-Since.</param>
/// <param name="Checked">When it was last fetched.</param>
/// <param name="Status">The outcome: "200", "304" or an error code.</param>
/// <param name="Failures">Fetches failed in a row.</param>
public sealed record SourceCursor(string Url, string? ETag, string? LastModified, DateTimeOffset? Checked, string? Status, int Failures);

/// <summary>The store's side of following live sources (<c>fetch</c>, <c>watch</c>): cursors and the items already taken.</summary>
/// <remarks>Engine-neutral: each store engine implements it over its own tables. Used by one thread at a time, like the store.</remarks>
public interface ISourceCatalog
{
    /// <summary>The cursor of a source, or null when it was never fetched.</summary>
    SourceCursor? Cursor(string url);

    /// <summary>Records a source's cursor (inserted or replaced).</summary>
    void SaveCursor(SourceCursor cursor);

    /// <summary>True when the item (guid or link) of that source was already taken.</summary>
    bool Seen(string source, string item);

    /// <summary>Records that an item was taken, with the article it gave (null when it gave none).</summary>
    void MarkSeen(string source, string item, long? articleId);

    /// <summary>Every followed source with its cursor and the number of items taken from it.</summary>
    IReadOnlyList<(SourceCursor Cursor, int Items)> AllSources();
}
