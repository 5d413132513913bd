using System.Globalization;
using Dossier.Store.Sources;

namespace Dossier.Store.Postgres;

// Live sources in the PostgreSQL engine: cursors and items taken. Each write is a transaction of its own through
// BeginWrite (the writers' lock, as every write), or joins the write transaction already open on this store.
public sealed partial class PostgresStore : ISourceCatalog
{
    /// <inheritdoc/>
    public ISourceCatalog Sources => this;

    /// <inheritdoc/>
    public SourceCursor? Cursor(string url)
    {
        using var c = Command("SELECT etag, last_modified, checked, status, failures FROM sources WHERE url = @u").P("u", url);
        using var r = c.ExecuteReader();
        if (!r.Read()) return null;
        return new SourceCursor(url, r.S(0), r.S(1), r.S(2) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null, r.S(3), r.GetInt32(4));
    }

    /// <inheritdoc/>
    public void SaveCursor(SourceCursor cursor) => WriteOne(() =>
        Command("""
            INSERT INTO sources (url, etag, last_modified, checked, status, failures) VALUES (@u, @e, @m, @c, @s, @f)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked,
                status = excluded.status, failures = excluded.failures
            """).P("u", cursor.Url).P("e", cursor.ETag).P("m", cursor.LastModified)
            .P("c", cursor.Checked?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)).P("s", cursor.Status).P("f", cursor.Failures)
            .Run());

    /// <inheritdoc/>
    public bool Seen(string source, string item)
    {
        using var c = Command("SELECT 1 FROM source_items WHERE source = @s AND item = @i").P("s", source).P("i", item);
        return c.ExecuteScalar() is not null;
    }

    /// <inheritdoc/>
    public void MarkSeen(string source, string item, long? articleId) => WriteOne(() =>
        Command("INSERT INTO source_items (source, item, article_id, seen) VALUES (@s, @i, @a, @t) ON CONFLICT DO NOTHING")
            .P("s", source).P("i", item).P("a", articleId).P("t", Now()).Run());

    /// <inheritdoc/>
    public IReadOnlyList<(SourceCursor Cursor, int Items)> AllSources() =>
        Command("""
            SELECT s.url, s.etag, s.last_modified, s.checked, s.status, s.failures, (SELECT count(*) FROM source_items i WHERE i.source = s.url)::integer
            FROM sources s ORDER BY s.url COLLATE "C"
            """).ReadAll(r => (new SourceCursor(r.GetString(0), r.S(1), r.S(2), r.S(3) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null,
                r.S(4), r.GetInt32(5)), r.GetInt32(6)));

    // One statement as its own write transaction, or in the one already open (a batch).
    private void WriteOne(Action write)
    {
        if (_tx is { Connection: not null })
        {
            write();
            return;
        }
        using var tx = BeginWrite();
        try
        {
            write();
            tx.Commit();
        }
        finally { _tx = null; }
    }
}
