using System.Reflection;
using Npgsql;

namespace Dossier.Store.Postgres;

/// <summary>Applies the numbered migrations embedded as Migrations/NNN_name.sql, in order, recording each in schema_version.</summary>
/// <remarks>Each migration runs in its own transaction with its version row; a session-level advisory lock makes processes
/// that open a new database at the same time migrate it once, one after the other.</remarks>
public static class PostgresMigrator
{
    /// <summary>A migration script: its version and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    // pg_advisory_lock key of migrations (any fixed 64-bit number of our own; writers use WriterLockKey).
    internal const long MigrationLockKey = 0x446F7373_69657201;

    private static readonly Lazy<Migration[]> _all = new(Load);

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> All => _all.Value;

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => _all.Value.Length == 0 ? 0 : _all.Value[^1].Version;

    /// <summary>The version recorded in the database (0 when it has no schema yet).</summary>
    public static int CurrentVersion(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", c);
        if (!(bool)cmd.ExecuteScalar()!) return 0;
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when the database's own schema holds tables (someone else's database when there is no schema_version).</summary>
    public static bool HasTables(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", c);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    /// <summary>Brings the database to <see cref="Latest"/>, dating each step by <paramref name="clock"/>; refuses a newer
    /// schema with DSR303 and someone else's database with DSR313.</summary>
    public static void Migrate(NpgsqlConnection c, TimeProvider clock, string display)
    {
        if (CurrentVersion(c) == Latest) return;
        using (var l = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", c)) l.ExecuteNonQuery();
        try
        {
            int current = CurrentVersion(c); // again, under the lock: another process may have migrated meanwhile
            if (current > Latest) throw new DossierException(Errors.StoreSchema(current, Latest));
            if (current == Latest) return;
            if (current == 0 && HasTables(c)) throw new DossierException(Errors.NotADatabase(display));
            if (current == 0)
                using (var cmd = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)", c))
                    cmd.ExecuteNonQuery();
            foreach (var m in All)
            {
                if (m.Version <= current) continue;
                using var tx = c.BeginTransaction();
                try
                {
                    using (var cmd = new NpgsqlCommand(m.Sql, c, tx)) cmd.ExecuteNonQuery();
                    using (var cmd = new NpgsqlCommand("INSERT INTO schema_version (version, name, applied) VALUES (@v, @n, @t)", c, tx))
                    {
                        cmd.Parameters.AddWithValue("v", m.Version);
                        cmd.Parameters.AddWithValue("n", m.Name);
                        cmd.Parameters.AddWithValue("t", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                        cmd.ExecuteNonQuery();
                    }
                    tx.Commit();
                }
                catch (PostgresException e)
                {
                    tx.Rollback();
                    throw new DossierException(Errors.MigrationFailed(m.Version, e.MessageText));
                }
            }
        }
        finally
        {
            using var u = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", c);
            u.ExecuteNonQuery();
        }
    }

    private static Migration[] Load() =>
        Array.ConvertAll(EmbeddedMigrations.Load(Assembly.GetExecutingAssembly(), "Dossier.Store.Postgres.Migrations."), m => new Migration(m.Version, m.Name, m.Sql));
}
