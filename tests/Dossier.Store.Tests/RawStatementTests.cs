using Dossier.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Tests;

public sealed class RawStatementTests : IDisposable
{
    private readonly SqliteConnection _c = new("Data Source=:memory:");

    public RawStatementTests()
    {
        _c.Open();
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL)";
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _c.Dispose();

    [Fact]
    public void BindsByNameRunsAgainAndReadsEveryType()
    {
        var insert = new RawStatement(_c, "INSERT INTO t (name, score) VALUES ($n, $s) RETURNING id");
        Assert.Equal(1L, insert.Begin().P("$n", "Ankara").P("$s", 1.5).ExecuteScalar());
        Assert.Equal(2L, insert.Begin().P("$n", "Kyiv").P("$s", (double?)null).ExecuteScalar());
        var select = new RawStatement(_c, "SELECT id, name, score FROM t WHERE id >= $min ORDER BY id");
        var rows = new List<(long, string, bool)>();
        using (var r = select.Begin().P("$min", 1).ExecuteReader())
            while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), r.IsDBNull(2)));
        Assert.Equal([(1L, "Ankara", false), (2L, "Kyiv", true)], rows);
        Assert.Equal("Kyiv", new RawStatement(_c, "SELECT name FROM t WHERE id = $id").Begin().P("$id", 2L).ExecuteScalar());
        Assert.Null(new RawStatement(_c, "SELECT name FROM t WHERE id = $id").Begin().P("$id", 9L).ExecuteScalar());
        Assert.Equal(2, new RawStatement(_c, "UPDATE t SET score = 0").Begin().ExecuteNonQuery());
        insert.Close();
        select.Close();
    }

    [Fact]
    public void AParameterLeftUnboundIsAnErrorNotTheLastRunsValue()
    {
        var insert = new RawStatement(_c, "INSERT INTO t (name, score) VALUES ($n, $s)");
        insert.Begin().P("$n", "Ankara").P("$s", 1.0).ExecuteNonQuery();
        var e = Assert.Throws<InvalidOperationException>(() => insert.Begin().P("$n", "Kyiv").ExecuteNonQuery());
        Assert.Contains("$s", e.Message);
        Assert.Throws<ArgumentException>(() => insert.Begin().P("$nope", 1));
        insert.Close();
    }

    [Fact]
    public void SqliteErrorsAreSqliteExceptionsAndTheStatementRunsAgain()
    {
        var insert = new RawStatement(_c, "INSERT INTO t (name) VALUES ($n)");
        insert.Begin().P("$n", "Ankara").ExecuteNonQuery();
        var e = Assert.Throws<SqliteException>(() => insert.Begin().P("$n", "Ankara").ExecuteNonQuery());
        Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", e.Message);
        Assert.Equal(1, insert.Begin().P("$n", "Kyiv").ExecuteNonQuery());
        insert.Close();
    }
}
