using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Sqlite;

/// <summary>Applies the numbered migrations embedded as Migrations/NNN_name.sql, in order, recording each in schema_version.</summary>
/// <remarks>Each migration runs in its own transaction with its version row, so a failed migration leaves the previous version.</remarks>
public static class Migrator
{
    /// <summary>A migration script: its version and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    private static readonly Lazy<Migration[]> _all = new(Load);

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> All => _all.Value;

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => _all.Value.Length == 0 ? 0 : _all.Value[^1].Version;

    /// <summary>The version recorded in the database (0 when it has no schema yet).</summary>
    public static int CurrentVersion(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if ((long)cmd.ExecuteScalar()! == 0) return 0;
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return (int)(long)cmd.ExecuteScalar()!;
    }

    /// <summary>Brings the database to <see cref="Latest"/>, dating each step by <paramref name="clock"/>; refuses a newer schema with DSR303.</summary>
    public static void Migrate(SqliteConnection c, TimeProvider clock)
    {
        int current = CurrentVersion(c);
        if (current > Latest) throw new DossierException(Errors.StoreSchema(current, Latest));
        if (current == Latest) return;
        // Offsets are C# string (UTF-16) indices, SQLite counts code points: migrations that turn text into offsets need this.
        c.CreateFunction("utf16_length", (string? s) => s?.Length ?? 0, isDeterministic: true);
        if (current == 0)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)";
            cmd.ExecuteNonQuery();
        }
        foreach (var m in All)
        {
            if (m.Version <= current) continue;
            using var tx = c.BeginTransaction();
            try
            {
                using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = m.Sql;
                cmd.ExecuteNonQuery();
                cmd.CommandText = "INSERT INTO schema_version (version, name, applied) VALUES ($v, $n, $t)";
                cmd.Parameters.AddWithValue("$v", m.Version);
                cmd.Parameters.AddWithValue("$n", m.Name);
                cmd.Parameters.AddWithValue("$t", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
                tx.Commit();
            }
            catch (SqliteException e)
            {
                tx.Rollback();
                throw new DossierException(Errors.MigrationFailed(m.Version, e.Message));
            }
        }
    }

    private static Migration[] Load() =>
        Array.ConvertAll(EmbeddedMigrations.Load(Assembly.GetExecutingAssembly(), "Dossier.Store.Migrations."), m => new Migration(m.Version, m.Name, m.Sql));
}
