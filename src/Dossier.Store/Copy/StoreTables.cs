namespace Dossier.Store.Copy;

/// <summary>One table of the schema every engine shares, as <c>dossier copy</c> moves it.</summary>
/// <param name="Name">The table.</param>
/// <param name="Columns">Its columns, in the order rows are read and written (generated columns left out: the target computes them).</param>
/// <param name="Order">The columns rows are read in order of; empty for tables without a key (read in the engine's storage
/// order, so that ties in later reads break as they did in the source).</param>
/// <param name="Deferred">Columns pointing at rows that may come later (an actor merged into a later one, a happening's
/// first event): written empty first and set once every table is in.</param>
public sealed record TableSpec(string Name, string[] Columns, string[] Order, string[] Deferred);

/// <summary>The tables of the shared schema, parents before children, with their columns: what the engines hold alike
/// (SQLite's migrations 001-008, PostgreSQL's 001). Engine-only tables (schema_version, SQLite's full-text index, which
/// its triggers fill) are not in it.</summary>
public static class SharedSchema
{
    public static IReadOnlyList<TableSpec> Tables { get; } =
    [
        new("articles", ["id", "external_id", "content_hash", "source", "url", "title", "published", "byline", "text", "words", "pipeline", "contract", "ingested"], ["id"], []),
        new("article_sources", ["article_id", "external_id", "source", "url", "first_seen"], ["article_id", "external_id", "source"], []),
        new("actors", ["id", "name", "type", "codes", "mentions", "articles", "merged_into"], ["id"], ["merged_into"]),
        new("actor_aliases", ["actor_id", "key", "alias", "last_word", "words", "count", "metonym", "evidence"], ["actor_id", "key"], []),
        new("actor_names", ["actor_id", "name", "votes"], ["actor_id", "name"], []),
        new("actor_links", ["article_id", "doc_actor", "actor_id", "name", "mentions", "decision", "published"], ["article_id", "doc_actor"], []),
        new("mentions", ["article_id", "start", "end", "type", "text", "actor_id"], [], []),
        new("roles", ["actor_id", "article_id", "title", "of", "qualifier", "start", "end", "evidence_start", "evidence_end", "published"], [], []),
        new("timexes", ["article_id", "start", "end", "text", "type", "value", "mod"], [], []),
        new("quotes", ["article_id", "start", "end", "kind", "speaker_id", "speaker_text", "cue", "published"], [], []),
        new("claims", ["article_id", "start", "end", "certainty", "source", "source_actor_id", "cue"], [], []),
        new("happenings", ["id", "plover", "negated", "sources", "targets", "date", "precise", "day_first", "day_last", "reports", "first_event"], ["id"], ["first_event"]),
        new("events", ["id", "article_id", "start", "end", "trigger", "cameo", "plover", "plover_mode", "goldstein", "date", "date_sort",
                       "date_from_publication", "certainty", "negated", "sentence_start", "sentence_end", "happening_id", "mentions", "published"], ["id"], []),
        new("event_actors", ["event_id", "actor_id", "side"], ["event_id", "actor_id", "side"], []),
        new("actor_decisions", ["id", "kind", "actor_id", "other_id", "alias_key", "names", "note", "created"], ["id"], []),
        new("actor_blocks", ["actor_id", "key"], ["actor_id", "key"], []),
        new("actor_suggestions", ["actor_id", "other_id", "score", "evidence", "article_id", "status", "note"], ["actor_id", "other_id"], []),
        new("sources", ["url", "etag", "last_modified", "checked", "status", "failures"], ["url"], []),
        new("source_items", ["source", "item", "article_id", "seen"], ["source", "item"], []),
    ];
}

/// <summary>What an engine offers <c>dossier copy</c>: its rows of the shared tables, and a load of them into an empty
/// store in one transaction.</summary>
/// <remarks>Values are the engine's plain ones (integers as <see cref="long"/> or <see cref="int"/>, reals as
/// <see cref="double"/>, text as <see cref="string"/>, NULL as null); each engine converts what it is given to its
/// columns' types.</remarks>
public interface IStoreTables
{
    /// <summary>Rows in <paramref name="table"/>.</summary>
    long Count(TableSpec table);

    /// <summary>Every row of the table, its columns in the spec's order, in the spec's order of rows.</summary>
    IEnumerable<object?[]> Rows(TableSpec table);

    /// <summary>Opens the load: one transaction holding the store's writer lock.</summary>
    IStoreLoad BeginLoad();
}

/// <summary>A load opened by <see cref="IStoreTables.BeginLoad"/>; disposing it uncommitted writes nothing.</summary>
public interface IStoreLoad : IDisposable
{
    /// <summary>Inserts rows of the table (the deferred columns given as null).</summary>
    void Insert(TableSpec table, IReadOnlyList<object?[]> rows);

    /// <summary>Sets a deferred column: rows of (key value, column value).</summary>
    void SetDeferred(TableSpec table, string column, IReadOnlyList<(object Key, object? Value)> values);

    /// <summary>Makes the load durable and the store ready for new rows (ids continue after the copied ones).</summary>
    void Commit();
}
