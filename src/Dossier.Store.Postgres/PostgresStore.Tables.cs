using Dossier.Store.Copy;
using Npgsql;

namespace Dossier.Store.Postgres;

// The shared tables as `dossier copy` reads and loads them (Copy/StoreCopier). The search column is generated from each
// article as it is inserted; the identity sequences are moved past the largest copied id at the end, so new rows get
// new ids.
public sealed partial class PostgresStore : IStoreTables
{
    // Tables whose id is an identity column.
    private static readonly string[] IdentityTables = ["articles", "actors", "happenings", "events", "actor_decisions"];

    public long Count(TableSpec table)
    {
        using var cmd = Command($"SELECT count(*) FROM {table.Name}");
        return (long)cmd.ExecuteScalar()!;
    }

    public IEnumerable<object?[]> Rows(TableSpec table)
    {
        // ctid: the order rows were written in when nothing has moved them, the closest to SQLite's rowid
        var order = table.Order.Length > 0 ? string.Join(", ", table.Order.Select(Quote)) : "ctid";
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
        try { return new Load(this, BeginWrite()); }
        catch (NpgsqlException e) { throw new DossierException(Errors.StoreWrite(Message(e))); }
    }

    private static string Quote(string column) => "\"" + column + "\"";

    private sealed class Load(PostgresStore store, NpgsqlTransaction tx) : IStoreLoad
    {
        private bool _done;
        private readonly Dictionary<string, string[]> _types = new(StringComparer.Ordinal);

        // Each column's type, so values read from another engine (SQLite's integers are all 64-bit) are sent as it.
        private string[] Types(TableSpec table)
        {
            if (_types.TryGetValue(table.Name, out var t)) return t;
            using var cmd = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", store._c, tx);
            cmd.Parameters.AddWithValue("t", table.Name);
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var r = cmd.ExecuteReader()) while (r.Read()) byName[r.GetString(0)] = r.GetString(1);
            return _types[table.Name] = table.Columns.Select(c => byName[c]).ToArray();
        }

        private static object Convert(object? value, string type) => value switch
        {
            null => DBNull.Value,
            IConvertible when type == "integer" => System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
            IConvertible when type == "bigint" => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            IConvertible when type == "double precision" => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
            _ when type == "text" => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
            _ => value,
        };

        public void Insert(TableSpec table, IReadOnlyList<object?[]> rows)
        {
            var types = Types(table);
            int n = table.Columns.Length;
            using var cmd = new NpgsqlCommand { Connection = store._c, Transaction = tx };
            var sql = new System.Text.StringBuilder($"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(Quote))}) VALUES ");
            for (int r = 0; r < rows.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (int i = 0; i < n; i++)
                {
                    if (i > 0) sql.Append(", ");
                    sql.Append('$').Append(r * n + i + 1);
                    cmd.Parameters.Add(new NpgsqlParameter { Value = Convert(rows[r][i], types[i]) });
                }
                sql.Append(')');
            }
            cmd.CommandText = sql.ToString();
            Run(cmd);
        }

        public void SetDeferred(TableSpec table, string column, IReadOnlyList<(object Key, object? Value)> values)
        {
            // one statement for all: UPDATE … FROM unnest(keys, values)
            using var cmd = new NpgsqlCommand(
                $"UPDATE {table.Name} t SET {Quote(column)} = u.v FROM unnest(@k, @v) AS u(k, v) WHERE t.{Quote(table.Order[0])} = u.k", store._c, tx);
            cmd.Parameters.AddWithValue("k", values.Select(x => System.Convert.ToInt64(x.Key, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            cmd.Parameters.AddWithValue("v", values.Select(x => x.Value is null ? (long?)null : System.Convert.ToInt64(x.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            Run(cmd);
        }

        private static void Run(NpgsqlCommand cmd)
        {
            try { cmd.ExecuteNonQuery(); }
            catch (NpgsqlException e) { throw new DossierException(Errors.StoreWrite(Message(e))); }
        }

        public void Commit()
        {
            _done = true;
            try
            {
                foreach (var table in IdentityTables)
                {
                    using var cmd = new NpgsqlCommand(
                        $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)", store._c, tx);
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
            }
            catch (NpgsqlException e) { throw new DossierException(Errors.StoreWrite(Message(e))); }
            finally { End(); }
        }

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            try { tx.Rollback(); } catch (NpgsqlException) { }
            End();
        }

        private void End()
        {
            tx.Dispose();
            store._tx = null;
        }
    }
}
