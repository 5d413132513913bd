using Npgsql;

namespace Dossier.Store.Postgres;

/// <summary>The PostgreSQL store: hand-written SQL in PostgreSQL's dialect over the same tables as SQLite's, numbered
/// migrations of its own, one pooled connection per instance.</summary>
/// <remarks>
/// Use an instance from one thread at a time, as the SQLite store. Several processes write at once (ingest processes,
/// cluster silos, the web's merges and splits): every write transaction first takes one transaction-level advisory lock
/// (<see cref="WriterLockKey"/>), so canonical actors are resolved by one writer at a time and two writers never create
/// two actors for one identity; extraction, the costly part, runs in parallel outside it. Readers never wait.
/// Split by concern as the SQLite store: .Write (storing an article, batches), .Catalog (the actor tables behind the
/// shared resolution policy), .Decisions, .Split, .Happenings, .Sources, .Read, .Relations.
/// </remarks>
public sealed partial class PostgresStore : IStore
{
    private readonly NpgsqlConnection _c;
    private readonly TimeProvider _clock;
    private readonly int _rankedMatches; // StoreOptions.SearchRankedMatches

    // pg_advisory_xact_lock key every write transaction takes first (one writer at a time across processes).
    internal const long WriterLockKey = 0x446F7373_69657202;

    /// <summary>Longest a write waits for the writer before it (an ingest's group commit, a merge) to finish.</summary>
    public const int WriterWaitSeconds = 120;

    private PostgresStore(NpgsqlConnection c, string display, StoreOptions options)
    {
        _c = c;
        Display = display;
        _clock = options.Clock;
        _rankedMatches = options.SearchRankedMatches > 0 ? options.SearchRankedMatches
            : throw new ArgumentOutOfRangeException(nameof(options), "a search must rank at least one match");
    }

    /// <summary>The location as messages show it (no password).</summary>
    public string Display { get; }

    /// <summary>The open connection (tests read through it).</summary>
    internal NpgsqlConnection Connection => _c;

    // The instant recorded with a row (ISO 8601, UTC), from the injected clock.
    private string Now() => _clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Test hook: called after each step of <see cref="Add"/> inside its transaction (a throw there must leave nothing).</summary>
    internal Action<string>? AfterStep { get; set; }

    /// <summary>Opens the store at the data source and brings its schema up to date; with <paramref name="create"/>, a
    /// database that does not exist yet is created first (the user needs the CREATEDB right).</summary>
    /// <exception cref="DossierException">DSR311 when the database does not exist and create is false; DSR301 when it
    /// cannot be reached; DSR303 when its schema is newer than this build; DSR313 when it holds someone else's tables.</exception>
    public static PostgresStore Open(NpgsqlDataSource source, string display, bool create = true, StoreOptions? options = null)
    {
        options ??= StoreOptions.Default;
        var c = Connect(source, display, create);
        try
        {
            PostgresMigrator.Migrate(c, options.Clock, display);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            c.Dispose();
            throw new DossierException(Errors.StoreOpen(display, Message(e)));
        }
        catch
        {
            c.Dispose();
            throw;
        }
        return new PostgresStore(c, display, options);
    }

    /// <summary>A connection for one request of a server, to a store <see cref="Open"/> has already migrated.</summary>
    /// <exception cref="DossierException">DSR304 when the schema is not the one this build writes.</exception>
    public static PostgresStore OpenShared(NpgsqlDataSource source, string display, StoreOptions? options = null)
    {
        var c = Connect(source, display, create: false);
        try
        {
            int version = PostgresMigrator.CurrentVersion(c);
            if (version != PostgresMigrator.Latest)
                throw new DossierException(version > PostgresMigrator.Latest ? Errors.StoreSchema(version, PostgresMigrator.Latest) : Errors.StoreSchemaChanged(version, PostgresMigrator.Latest));
        }
        catch
        {
            c.Dispose();
            throw;
        }
        return new PostgresStore(c, display, options ?? StoreOptions.Default);
    }

    private static NpgsqlConnection Connect(NpgsqlDataSource source, string display, bool create)
    {
        for (int attempt = 0; ; attempt++)
        {
            var c = source.CreateConnection();
            try
            {
                c.Open();
                return c;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && attempt == 0)
            {
                c.Dispose();
                if (!create) throw new DossierException(Errors.NoDatabase(display));
                CreateDatabase(source, display);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
            {
                c.Dispose();
                throw new DossierException(Errors.StoreOpen(display, Message(e)));
            }
        }
    }

    // CREATE DATABASE from the server's maintenance database; another process creating it at the same moment is fine.
    private static void CreateDatabase(NpgsqlDataSource source, string display)
    {
        var b = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        var name = b.Database ?? throw new DossierException(Errors.StoreOpen(display, "the address names no database"));
        b.Database = "postgres";
        b.Pooling = false;
        try
        {
            using var admin = new NpgsqlConnection(b.ConnectionString);
            admin.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
            cmd.ExecuteNonQuery();
        }
        // Another process created it first: PostgreSQL says so with duplicate_database, or, when both ran CREATE DATABASE
        // at the same moment, with a unique violation of its catalogue (several silos starting on a new database).
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new DossierException(Errors.StoreOpen(display, "the database does not exist and could not be created: " + Message(e)));
        }
    }

    /// <summary>The text of a database error for a message (PostgreSQL's own text without its SQL state prefix).</summary>
    internal static string Message(Exception e) => e is PostgresException p ? p.MessageText : e.Message;

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => PostgresMigrator.CurrentVersion(_c);

    public StoreStats Stats()
    {
        using var cmd = Command("""
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM actors), (SELECT count(*) FROM mentions),
                   (SELECT count(*) FROM quotes), (SELECT count(*) FROM claims), (SELECT count(*) FROM events),
                   (SELECT count(*) FROM timexes), (SELECT coalesce(sum(words), 0)::bigint FROM articles)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
    }

    public void Dispose() => _c.Dispose();

    // The open write transaction, if any: commands join it (Npgsql runs a connection's commands in its transaction).
    private NpgsqlTransaction? _tx;

    /// <summary>Begins a write transaction holding the writers' lock (<see cref="WriterLockKey"/>) until it ends.</summary>
    private NpgsqlTransaction BeginWrite()
    {
        var tx = _c.BeginTransaction();
        try
        {
            // A writer waits for another's transaction at most WriterWaitSeconds, then fails with PostgreSQL's lock
            // timeout (the caller reports DSR302), instead of hanging on a process that stopped while holding the store.
            using var cmd = new NpgsqlCommand($"SET LOCAL lock_timeout = '{WriterWaitSeconds}s'; SELECT pg_advisory_xact_lock({WriterLockKey})", _c, tx);
            cmd.ExecuteNonQuery();
        }
        catch
        {
            tx.Dispose();
            throw;
        }
        _tx = tx;
        return tx;
    }

    /// <summary>A command on this store's connection, in its open transaction if there is one; the writes waiting to be
    /// sent (<see cref="Defer"/>) go first, so that it sees them.</summary>
    private NpgsqlCommand Command(string sql)
    {
        Flush();
        return new(sql, _c, _tx is { Connection: not null } tx ? tx : null);
    }

    // Resolving an article's actors makes, per actor, a few look-ups and four or five writes that return nothing (its link,
    // its name's vote, its alias, its counts). Sent one by one, each write was a round trip to the server; while
    // ActorResolver runs (DeferringWrites), they wait here and go in one batch with the next statement's round trip
    // (Command flushes them first), or at the end of resolution. Only there: a deferred write never outlives the step
    // of the transaction it belongs to, so a failure still rolls back the article that caused it.
    private readonly List<NpgsqlBatchCommand> _deferred = [];
    private bool _deferring;

    /// <summary>A write that returns nothing: sent with the next statement while resolution defers writes, else at once.</summary>
    private void Defer(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_deferring)
        {
            using var cmd = Command(sql);
            foreach (var (n, v) in parameters) cmd.P(n, v);
            cmd.ExecuteNonQuery();
            return;
        }
        var c = new NpgsqlBatchCommand(sql);
        foreach (var (n, v) in parameters) c.Parameters.AddWithValue(n, v ?? DBNull.Value);
        _deferred.Add(c);
    }

    /// <summary>Sends the deferred writes (one round trip).</summary>
    private void Flush()
    {
        if (_deferred.Count == 0) return;
        using var batch = new NpgsqlBatch(_c, _tx is { Connection: not null } tx ? tx : null);
        foreach (var c in _deferred) batch.BatchCommands.Add(c);
        _deferred.Clear();
        batch.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="step"/> with writes deferred, then sends them; on failure they are dropped with the
    /// step (the caller rolls the article back).</summary>
    private T DeferringWrites<T>(Func<T> step)
    {
        _deferring = true;
        try
        {
            var result = step();
            Flush();
            return result;
        }
        finally
        {
            _deferring = false;
            _deferred.Clear();
        }
    }
}

/// <summary>Small helpers over <see cref="NpgsqlCommand"/>.</summary>
internal static class NpgsqlCommandExtensions
{
    /// <summary>Adds a parameter, mapping null to DBNull.</summary>
    public static NpgsqlCommand P(this NpgsqlCommand cmd, string name, object? value)
    {
        cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static string? S(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
