using Dossier.Store.Copy;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Sqlite;

// The shared tables as `dossier copy` reads and loads them (Copy/StoreCopier). The full-text index fills itself from
// articles through its trigger; row ids continue after the largest copied one, as SQLite always does.
public sealed partial class SqliteStore : IStoreTables
{
    public long Count(TableSpec table)
    {
        using var cmd = Command($"SELECT count(*) FROM {table.Name}");
        return (long)cmd.ExecuteScalar()!;
    }

    public IEnumerable<object?[]> Rows(TableSpec table)
    {
        var order = table.Order.Length > 0 ? string.Join(", ", table.Order.Select(Quote)) : "rowid";
        using var cmd = Command($"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {table.Name} ORDER BY {order}");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            yield return row;
        }
    }

    public IStoreLoad BeginLoad()
    {
        if (_batch is not null) throw new InvalidOperationException("a batch is open on this store");
        try { return new Load(this, _c.BeginTransaction()); }
        catch (SqliteException e) { throw new DossierException(Errors.StoreWrite(e.Message)); }
    }

    private static string Quote(string column) => "\"" + column + "\"";

    private sealed class Load(SqliteStore store, SqliteTransaction tx) : IStoreLoad
    {
        private bool _done;

        public void Insert(TableSpec table, IReadOnlyList<object?[]> rows)
        {
            using var cmd = store._c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(Quote))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
            var ps = table.Columns.Select((_, i) => cmd.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
            cmd.Prepare();
            foreach (var row in rows)
            {
                for (int i = 0; i < ps.Length; i++)
                {
                    ps[i].SqliteType = row[i] switch { long or int or short => SqliteType.Integer, double or float or decimal => SqliteType.Real, _ => SqliteType.Text };
                    ps[i].Value = row[i] ?? DBNull.Value;
                }
                Run(cmd);
            }
        }

        public void SetDeferred(TableSpec table, string column, IReadOnlyList<(object Key, object? Value)> values)
        {
            using var cmd = store._c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"UPDATE {table.Name} SET {Quote(column)} = $v WHERE {Quote(table.Order[0])} = $k";
            var v = cmd.Parameters.Add("$v", SqliteType.Integer);
            var k = cmd.Parameters.Add("$k", SqliteType.Integer);
            foreach (var (key, value) in values)
            {
                k.Value = key;
                v.Value = value ?? DBNull.Value;
                Run(cmd);
            }
        }

        private static void Run(SqliteCommand cmd)
        {
            try { cmd.ExecuteNonQuery(); }
            catch (SqliteException e) { throw new DossierException(Errors.StoreWrite(e.Message)); }
        }

        public void Commit()
        {
            _done = true;
            try { tx.Commit(); }
            catch (SqliteException e) { throw new DossierException(Errors.StoreWrite(e.Message)); }
            finally { tx.Dispose(); }
        }

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            try { tx.Rollback(); } catch (SqliteException) { }
            tx.Dispose();
        }
    }
}
