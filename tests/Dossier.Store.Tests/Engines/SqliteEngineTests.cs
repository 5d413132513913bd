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
