using Dossier.Documents;
using Dossier.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Tests;

/// <summary>What only the SQLite engine has: its file, its migrations, and the repair of files written by older builds.</summary>
public sealed class SqliteEngineTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("test.db");

    public void Dispose() => _dir.Dispose();

    // --- migrations ---

    [Fact]
    public void NewDatabaseIsAtTheLatestSchemaAndReopensUnchanged()
    {
        using (var s = SqliteStore.Open(Db)) Assert.Equal(Migrator.Latest, s.SchemaVersion);
        using (var s = SqliteStore.Open(Db, create: false)) Assert.Equal(Migrator.Latest, s.SchemaVersion);
        Assert.True(Migrator.Latest >= 1);
        Assert.Equal(Enumerable.Range(1, Migrator.All.Count), Migrator.All.Select(m => m.Version));
    }

    [Fact]
    public void NewerSchemaIsRefused()
    {
        using (SqliteStore.Open(Db)) { }
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version (version, name, applied) VALUES (999, 'future', 'now')";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<DossierException>(() => SqliteStore.Open(Db));
        Assert.Equal("DSR303", e.Error.Code);
    }

    [Fact]
    public void MissingDatabaseIsNotCreatedByReaders()
    {
        var e = Assert.Throws<DossierException>(() => SqliteStore.Open(Db, create: false));
        Assert.Equal("DSR311", e.Error.Code);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void ForeignDatabaseIsRefused()
    {
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x)";
            cmd.ExecuteNonQuery();
        }
        Assert.Equal("DSR313", Assert.Throws<DossierException>(() => SqliteStore.Open(Db)).Error.Code);
    }

    // A store of schema 4: links and quotes gain their article's date, links are rebuilt keyed by article, and an actor's
    // articles and a speaker's quotes come newest first from the new indexes (undated articles last, then newest stored).
    [Fact]
    public void Migrations005And006KeepLinksQuotesRolesAndEventsAndDateThem()
    {
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            c.CreateFunction("utf16_length", (string? t) => t?.Length ?? 0, isDeterministic: true); // migration 003 uses it
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);";
            foreach (var m in Migrator.All.Where(m => m.Version <= 4))
                cmd.CommandText += m.Sql + $"; INSERT INTO schema_version VALUES ({m.Version}, '{m.Name}', 'x');";
            cmd.ExecuteNonQuery();
            cmd.CommandText = """
                INSERT INTO articles (id, content_hash, title, published, text, words, pipeline, contract, ingested) VALUES
                  (1, 'h1', 'Old', '2020-01-05', 'Ann Lee spoke.', 3, 'p', '{}', 'x'),
                  (2, 'h2', 'Undated', NULL, 'Ann Lee spoke again.', 4, 'p', '{}', 'x'),
                  (3, 'h3', 'New', '2024-06-01', 'Ann Lee and Bo Kim spoke.', 6, 'p', '{}', 'x'),
                  (4, 'h4', 'Middle', '2022-03-03', 'Ann Lee said it.', 4, 'p', '{}', 'x');
                INSERT INTO actors (id, name, type, mentions, articles) VALUES (1, 'Ann Lee', 'PERSON', 5, 4), (2, 'Bo Kim', 'PERSON', 1, 1);
                INSERT INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision) VALUES
                  (1, 'a1', 1, 'Ann Lee', 1, 'new'), (2, 'a1', 1, 'Ann Lee', 1, 'name'), (3, 'a1', 1, 'Ann Lee', 1, 'name'),
                  (3, 'a2', 2, 'Bo Kim', 1, 'new'), (3, 'a3', 1, 'Lee', 1, 'surname'), (4, 'a1', 1, 'Ann Lee', 1, 'name');
                INSERT INTO quotes (article_id, start, "end", kind, speaker_id) VALUES (1, 0, 4, 'direct', 1), (3, 0, 4, 'direct', 1), (3, 8, 12, 'direct', 1);
                INSERT INTO roles (actor_id, article_id, title, "of") VALUES (1, 1, 'Minister', 'Ruritania'), (1, 3, 'Minister', 'Ruritania'), (1, 2, 'Minister', NULL);
                INSERT INTO events (id, article_id, start, "end", sentence_start, sentence_end, trigger, cameo, goldstein, certainty) VALUES
                  (1, 1, 8, 13, 0, 14, 'spoke', '010', 0, 'asserted'), (2, 3, 8, 13, 0, 14, 'spoke', '010', 0, 'asserted'), (3, 2, 8, 13, 0, 14, 'spoke', '010', 0, 'asserted');
                INSERT INTO event_actors (event_id, actor_id, side) VALUES (1, 1, 'source'), (2, 1, 'source'), (3, 1, 'source');
                INSERT INTO happenings (id, plover, negated, sources, targets, precise, reports) VALUES (1, 'CONSULT', 0, '1', '', 0, 2);
                UPDATE events SET happening_id = 1, date_sort = '2024-01-02' WHERE id = 1;
                UPDATE events SET happening_id = 1, date_sort = '2024-01-01' WHERE id = 2; -- stored later, dated earlier
                """;
            cmd.ExecuteNonQuery();
        }
        using var s = SqliteStore.Open(Db);
        Assert.Equal(Migrator.Latest, s.SchemaVersion);
        Assert.Equal(["New", "Middle", "Old", "Undated"], s.ActorArticles("A1", 0, 10).Select(a => a.Title));
        Assert.Equal(2, s.ActorArticles("A1", 0, 10)[0].Mentions); // two document actors of article 3 are Ann Lee
        Assert.Equal(["Middle", "Old"], s.ActorArticles("A1", 1, 2).Select(a => a.Title));
        Assert.Equal([3L, 3L, 1L], s.ActorQuotes("A1", 0, 10).Select(q => q.Article.Id));
        // Migration 006: role statements and events carry their article's date; the dossier reads them without the articles.
        var dossier = s.FindActor("A1")!;
        var role = Assert.Single(dossier.Roles);
        Assert.Equal(("Minister", "Ruritania", "2020-01-05", 3), (role.Title, role.Of, role.FirstSeen, role.Count));
        // One row per happening, its first report (event 2, dated earlier than event 1); dated by their own date or their
        // article's, newest first (undated last), then shown oldest first.
        Assert.Equal([3L, 2L], dossier.Events.Select(e => e.Event.EventId));
        Assert.Equal("2", new SqliteTestEngine().Query(s, "SELECT first_event FROM happenings WHERE id = 1")[0][0]);
        using var check = new SqliteConnection($"Data Source={Db};Pooling=False");
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = """
            SELECT (SELECT count(*) FROM actor_links), (SELECT count(*) FROM actor_links l JOIN articles a ON a.id = l.article_id WHERE l.published IS a.published),
                   (SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.published IS a.published),
                   (SELECT count(*) FROM roles x JOIN articles a ON a.id = x.article_id WHERE x.published IS a.published),
                   (SELECT count(*) FROM events x JOIN articles a ON a.id = x.article_id WHERE x.published IS a.published)
            """;
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((6L, 6L, 3L, 3L, 3L), (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
    }

    // --- files written before happenings existed ---

    private static long[] HappeningsOf(SqliteStore s) =>
        new SqliteTestEngine().Query(s, "SELECT happening_id FROM events ORDER BY id").Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();


    [Fact]
    public void EventsStoredBeforeHappeningsGetThemOnOpening()
    {
        using (var s = SqliteStore.Open(Db))
        {
            s.Add(Happening.Strike("a", "2025-03-03", "2025-03-03"), "test");
            s.Add(Happening.Strike("b", "2025-03-04", "2025-03-04"), "test");
        }
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE events SET happening_id = NULL; DELETE FROM happenings;";
            cmd.ExecuteNonQuery();
        }
        using (var s = SqliteStore.Open(Db))
        {
            var h = HappeningsOf(s);
            Assert.Equal(h[0], h[1]);
            Assert.Equal(1, s.HappeningCounts().Happenings);
        }
    }
}
