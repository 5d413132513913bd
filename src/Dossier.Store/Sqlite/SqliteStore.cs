using Microsoft.Data.Sqlite;

namespace Dossier.Store.Sqlite;

/// <summary>The SQLite store: one database file in WAL mode, hand-written SQL, numbered migrations.</summary>
/// <remarks>
/// One connection per instance; use an instance from one thread at a time (the ingest use case has a single writer).
/// Several processes may read while one writes (WAL). Split by concern: .Write (storing an article), .Actors (canonical
/// actor resolution), .Read (search, dossier, timeline, export).
/// </remarks>
public sealed partial class SqliteStore : IStore
{
    private readonly SqliteConnection _c;
    private readonly TimeProvider _clock;
    private readonly int _rankedMatches; // StoreOptions.SearchRankedMatches

    private SqliteStore(SqliteConnection c, string path, StoreOptions options)
    {
        _c = c;
        Path = path;
        _clock = options.Clock;
        _rankedMatches = options.SearchRankedMatches > 0 ? options.SearchRankedMatches
            : throw new ArgumentOutOfRangeException(nameof(options), "a search must rank at least one match");
    }

    // The instant recorded with a row (ISO 8601, UTC), from the injected clock.
    private string Now() => _clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Test hook: called after each step of <see cref="Add"/> inside its transaction (a throw there must leave nothing).</summary>
    internal Action<string>? AfterStep { get; set; }

    /// <summary>Opens (and when <paramref name="create"/>, creates) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="DossierException">DSR311 when it does not exist and create is false; DSR301 when it cannot be opened;
    /// DSR303 when its schema is newer than this build.</exception>
    public static SqliteStore Open(string path, bool create = true, StoreOptions? options = null)
    {
        options ??= StoreOptions.Default;
        var full = System.IO.Path.GetFullPath(path);
        if (!create && !File.Exists(full)) throw new DossierException(Errors.NoDatabase(path));
        if (create && System.IO.Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
            throw new DossierException(Errors.StoreOpen(path, "its folder does not exist"));
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false, // the file is released on Dispose (tests delete their folders; users move their databases)
            DefaultTimeout = 30,
        }.ToString();
        var store = Connect(cs, path, full, options, c =>
        {
            Exec(c, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
            // An existing file with tables but without our schema: refuse to write into someone else's database.
            if (Migrator.CurrentVersion(c) == 0 && HasTables(c)) throw new DossierException(Errors.NotADatabase(path));
            Migrator.Migrate(c, options.Clock);
        });
        try
        {
            // Events stored before happenings existed (schema 4) get theirs once.
            using var tx = store._c.BeginTransaction();
            store.AssignHappenings();
            tx.Commit();
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new DossierException(Errors.StoreOpen(path, e.Message));
        }
        return store;
    }

    /// <summary>
    /// A connection from the pool to a store that <see cref="Open"/> has already created and migrated — for servers, which
    /// open one per request. Opening without the pool made every request create and delete the WAL files, and requests
    /// in parallel then waited on each other's locks (SQLite's busy handler sleeps up to 100 ms at a time).
    /// </summary>
    public static SqliteStore OpenShared(string path, StoreOptions? options = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new DossierException(Errors.NoDatabase(path));
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full, Mode = SqliteOpenMode.ReadWrite, Pooling = true, DefaultTimeout = 30,
        }.ToString();
        return Connect(cs, path, full, options ?? StoreOptions.Default, c =>
        {
            // Pages are read through a memory map: a server's reads then cost no system call and no copy per page (a quarter
            // of the dossier's CPU time over a store of 105,000 articles went to the kernel copying pages).
            Exec(c, $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA mmap_size = {Limits.ReadMapBytes};");
            int version = Migrator.CurrentVersion(c);
            if (version != Migrator.Latest)
                throw new DossierException(version > Migrator.Latest ? Errors.StoreSchema(version, Migrator.Latest) : Errors.StoreSchemaChanged(version, Migrator.Latest));
        });
    }

    // Opens the connection and prepares it; SQLite's errors become DSR301 naming the file; nothing stays open on failure.
    private static SqliteStore Connect(string connectionString, string path, string full, StoreOptions options, Action<SqliteConnection> prepare)
    {
        var c = new SqliteConnection(connectionString);
        try
        {
            c.Open();
            prepare(c);
        }
        catch (SqliteException e)
        {
            c.Dispose();
            throw new DossierException(Errors.StoreOpen(path, e.Message));
        }
        catch
        {
            c.Dispose();
            throw;
        }
        return new SqliteStore(c, full, options);
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => Migrator.CurrentVersion(_c);

    public StoreStats Stats()
    {
        long N(string sql) { using var cmd = _c.CreateCommand(); cmd.CommandText = sql; return (long)(cmd.ExecuteScalar() ?? 0L); }
        return new StoreStats(
            N("SELECT count(*) FROM articles"), N("SELECT count(*) FROM actors"), N("SELECT count(*) FROM mentions"),
            N("SELECT count(*) FROM quotes"), N("SELECT count(*) FROM claims"), N("SELECT count(*) FROM events"),
            N("SELECT count(*) FROM timexes"), N("SELECT coalesce(sum(words), 0) FROM articles"));
    }

    public void Dispose()
    {
        foreach (var statement in _prepared.Values) statement.Close();
        _prepared.Clear();
        _c.Dispose();
    }

    private static bool HasTables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return (long)cmd.ExecuteScalar()! > 0;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // Statements used on the write path are prepared once per connection and reused for every article (Dapper's habit
    // of caching per identity): SQLite then parses each only once, and RawStatement binds them without the per-run cost
    // of a command object.
    private readonly Dictionary<string, RawStatement> _prepared = new(StringComparer.Ordinal);

    // SQLite runs every statement of a connection inside the connection's open transaction: none is attached to it.
    private RawStatement Prepared(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(_c, sql);
            _prepared[sql] = statement;
        }
        return statement.Begin();
    }

    /// <summary>How long one search may run (<see cref="Limits.SearchTimeoutMs"/>; tests shorten it).</summary>
    internal int SearchTimeoutMs { get; set; } = Limits.SearchTimeoutMs;

    /// <summary>Stops every statement of this connection that runs past <paramref name="milliseconds"/> (it fails with
    /// SQLITE_INTERRUPT) until the returned scope is disposed.</summary>
    /// <remarks>SQLite calls the progress handler every 1,000 virtual-machine instructions; the handler only reads the
    /// clock. A pooled connection gets its handler removed on dispose, so the next user of it is not limited.</remarks>
    private TimeLimitScope TimeLimit(int milliseconds)
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + milliseconds * System.Diagnostics.Stopwatch.Frequency / 1000;
        SQLitePCL.raw.sqlite3_progress_handler(_c.Handle, 1000, static state => System.Diagnostics.Stopwatch.GetTimestamp() > (long)state ? 1 : 0, deadline);
        return new TimeLimitScope(_c);
    }

    private readonly struct TimeLimitScope(SqliteConnection c) : IDisposable
    {
        public void Dispose() => SQLitePCL.raw.sqlite3_progress_handler(c.Handle, 0, null, null);
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _c.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }
}

/// <summary>Small helpers over <see cref="SqliteCommand"/>.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Adds a parameter, mapping null to DBNull.</summary>
    public static SqliteCommand P(this SqliteCommand cmd, string name, object? value)
    {
        cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static string? S(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
