using System.Globalization;
using Dossier.Store.Sources;

namespace Dossier.Store.Sqlite;

// Live sources in the SQLite engine (migration 008): cursors and items taken, each write its own statement (autocommit),
// outside any open ingest batch.
public sealed partial class SqliteStore : ISourceCatalog
{
    /// <inheritdoc/>
    public ISourceCatalog Sources => this;

    /// <inheritdoc/>
    public SourceCursor? Cursor(string url)
    {
        using var c = Command("SELECT etag, last_modified, checked, status, failures FROM sources WHERE url = $u").P("$u", url);
        using var r = c.ExecuteReader();
        if (!r.Read()) return null;
        return new SourceCursor(url, r.S(0), r.S(1), r.S(2) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null, r.S(3), r.GetInt32(4));
    }

    /// <inheritdoc/>
    public void SaveCursor(SourceCursor cursor)
    {
        using var c = Command("""
            INSERT INTO sources (url, etag, last_modified, checked, status, failures) VALUES ($u, $e, $m, $c, $s, $f)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked,
                status = excluded.status, failures = excluded.failures
            """).P("$u", cursor.Url).P("$e", cursor.ETag).P("$m", cursor.LastModified)
            .P("$c", cursor.Checked?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)).P("$s", cursor.Status).P("$f", cursor.Failures);
        c.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public bool Seen(string source, string item)
    {
        using var c = Command("SELECT 1 FROM source_items WHERE source = $s AND item = $i").P("$s", source).P("$i", item);
        return c.ExecuteScalar() is not null;
    }

    /// <inheritdoc/>
    public void MarkSeen(string source, string item, long? articleId)
    {
        using var c = Command("INSERT OR IGNORE INTO source_items (source, item, article_id, seen) VALUES ($s, $i, $a, $t)")
            .P("$s", source).P("$i", item).P("$a", articleId).P("$t", Now());
        c.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<(SourceCursor Cursor, int Items)> AllSources()
    {
        var list = new List<(SourceCursor, int)>();
        using var c = Command("""
            SELECT s.url, s.etag, s.last_modified, s.checked, s.status, s.failures, (SELECT count(*) FROM source_items i WHERE i.source = s.url)
            FROM sources s ORDER BY s.url
            """);
        using var r = c.ExecuteReader();
        while (r.Read())
            list.Add((new SourceCursor(r.GetString(0), r.S(1), r.S(2), r.S(3) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null, r.S(4), r.GetInt32(5)), r.GetInt32(6)));
        return list;
    }
}
