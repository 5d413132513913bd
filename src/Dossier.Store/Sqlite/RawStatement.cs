using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dossier.Store.Sqlite;

/// <summary>A statement of the write path, prepared once per connection and run through SQLite's C API: parameters are
/// bound by position (their names resolved once, at preparation) and the statement is reset, not re-created, after
/// each run.</summary>
/// <remarks>
/// Why not <see cref="SqliteCommand"/> here: profiling the store of the BBC corpus showed a third of the writer's time in
/// Microsoft.Data.Sqlite's per-execution work (looking every parameter name up again, converting it to UTF-8, building
/// a data reader and its statement enumerator), against a quarter in SQLite itself (docs/performance.md, "Where store
/// time goes"). Reads keep <see cref="SqliteCommand"/>: they are not hot, and its readers are richer.
/// Errors are thrown as <see cref="SqliteException"/> with SQLite's message and code, as the commands would, so callers
/// handle both alike. Not thread-safe: one per connection, used by the connection's one user. A run binds every
/// parameter or fails (an unbound one is never silently NULL or left from the previous run).
/// </remarks>
internal sealed class RawStatement
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly int _count;
    private ulong _bound;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        _count = raw.sqlite3_bind_parameter_count(_stmt);
        if (_count > 64) throw new ArgumentException("a raw statement binds at most 64 parameters", nameof(sql));
        for (int i = 1; i <= _count; i++) _index[raw.sqlite3_bind_parameter_name(_stmt, i).utf8_to_string()] = i;
    }

    /// <summary>Starts a run: no parameter bound yet.</summary>
    public RawStatement Begin()
    {
        _bound = 0;
        return this;
    }

    public RawStatement P(string name, long value) { Check(raw.sqlite3_bind_int64(_stmt, Index(name), value)); return this; }

    public RawStatement P(string name, long? value) => value is long v ? P(name, v) : Null(name);

    public RawStatement P(string name, int value) => P(name, (long)value);

    public RawStatement P(string name, int? value) => value is int v ? P(name, (long)v) : Null(name);

    public RawStatement P(string name, double value) { Check(raw.sqlite3_bind_double(_stmt, Index(name), value)); return this; }

    public RawStatement P(string name, double? value) => value is double v ? P(name, v) : Null(name);

    public RawStatement P(string name, string? value) =>
        value is null ? Null(name) : Checked(raw.sqlite3_bind_text(_stmt, Index(name), value));

    /// <summary>Binds a value of any of the types above (null or <see cref="DBNull"/> as NULL).</summary>
    public RawStatement P(string name, object? value) => value switch
    {
        null or DBNull => Null(name),
        long l => P(name, l),
        int i => P(name, (long)i),
        bool b => P(name, b ? 1L : 0L),
        double d => P(name, d),
        string s => P(name, s),
        _ => throw new ArgumentException($"cannot bind a {value.GetType().Name} to {name}", nameof(value)),
    };

    private RawStatement Null(string name) => Checked(raw.sqlite3_bind_null(_stmt, Index(name)));

    private RawStatement Checked(int rc)
    {
        Check(rc);
        return this;
    }

    private int Index(string name)
    {
        if (!_index.TryGetValue(name, out int i)) throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
        _bound |= 1UL << (i - 1);
        return i;
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int ExecuteNonQuery()
    {
        Ready();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
            Check(rc, raw.SQLITE_DONE);
            return raw.sqlite3_changes(_db);
        }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>The first column of the first row (long, double or string), or null for NULL or no row.</summary>
    public object? ExecuteScalar()
    {
        Ready();
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_DONE) return null;
            Check(rc, raw.SQLITE_ROW);
            object? value = raw.sqlite3_column_type(_stmt, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(_stmt, 0),
                raw.SQLITE_NULL => null,
                _ => raw.sqlite3_column_text(_stmt, 0).utf8_to_string(),
            };
            // Finish the statement (RETURNING runs the whole change on the first step; the rest is bookkeeping).
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
            Check(rc, raw.SQLITE_DONE);
            return value;
        }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>Runs a query; read its rows with <see cref="RawReader.Read"/>, and dispose the reader to reset the statement.</summary>
    public RawReader ExecuteReader()
    {
        Ready();
        return new RawReader(this);
    }

    internal bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        var e = Error(rc);
        raw.sqlite3_reset(_stmt);
        throw e;
    }

    internal void Reset() => raw.sqlite3_reset(_stmt);

    internal sqlite3_stmt Handle => _stmt;

    /// <summary>Frees the statement (before its connection closes).</summary>
    public void Close() => _stmt.Dispose();

    private void Ready()
    {
        ulong all = _count == 64 ? ulong.MaxValue : (1UL << _count) - 1;
        if (_bound != all) throw new InvalidOperationException($"parameter {FirstUnbound(all)} of the statement was not given a value");
    }

    private string FirstUnbound(ulong all)
    {
        for (int i = 1; i <= _count; i++)
            if ((_bound & (1UL << (i - 1))) == 0 && (all & (1UL << (i - 1))) != 0) return raw.sqlite3_bind_parameter_name(_stmt, i).utf8_to_string();
        return "?";
    }

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected) throw Error(rc);
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
}

/// <summary>The rows of a <see cref="RawStatement"/> query; disposing it resets the statement for its next run.</summary>
internal readonly struct RawReader(RawStatement statement) : IDisposable
{
    public bool Read() => statement.Step();

    public long GetInt64(int i) => raw.sqlite3_column_int64(statement.Handle, i);

    public int GetInt32(int i) => raw.sqlite3_column_int(statement.Handle, i);

    public bool IsDBNull(int i) => raw.sqlite3_column_type(statement.Handle, i) == raw.SQLITE_NULL;

    public string GetString(int i) => raw.sqlite3_column_text(statement.Handle, i).utf8_to_string() ?? "";

    /// <summary>The text of column <paramref name="i"/>, or null for NULL.</summary>
    public string? S(int i) => IsDBNull(i) ? null : GetString(i);

    public void Dispose() => statement.Reset();
}
