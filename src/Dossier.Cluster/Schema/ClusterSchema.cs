using System.Reflection;
using Dossier.Store;
using Dossier.Store.Postgres;
using Npgsql;

namespace Dossier.Cluster.Schema;

/// <summary>The cluster's membership tables on PostgreSQL and the statements Orleans' ADO.NET clustering runs on them.</summary>
/// <remarks>
/// Everything lives in the schema <see cref="SchemaName"/>, beside the store's tables and apart from them (the store's
/// migrator takes a database whose own schema holds foreign tables for someone else's). Cluster connections put that
/// schema first in their search path, so the provider's unqualified <c>SELECT QueryKey, QueryText FROM OrleansQuery</c>
/// finds our table. <see cref="Install"/> is idempotent and runs on every silo start under an advisory lock, so silos
/// starting together install it once; the statements are rewritten each time, so they are always this build's.
/// </remarks>
public static class ClusterSchema
{
    /// <summary>The PostgreSQL schema of the cluster's tables.</summary>
    public const string SchemaName = "dossier_cluster";

    /// <summary>ADO.NET provider name the clustering provider is configured with (registered with DbProviderFactories).</summary>
    public const string Invariant = "Npgsql";

    // pg_advisory_xact_lock key of the installation (distinct from the store's migration and writer keys).
    private const long InstallLockKey = 0x446F7373_69657203;

    // Orleans SiloStatus values the statements name: Active = 3, Dead = 6.
    private const int ActiveStatus = 3, DeadStatus = 6;

    private const string Columns = """
        v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
        m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
        m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime"
        """;

    /// <summary>The provider's statements by the key it asks for. Parameters are the provider's (@DeploymentId, @Address,
    /// @Port, @Generation, @Version …); result columns carry the names it reads. Every change of a member row raises the
    /// table version in the same statement, and only when the caller's version is current (the provider's optimistic
    /// concurrency); a row lock on the version row serialises two silos writing at once.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MembershipReadAllKey"] = $"""
            SELECT {Columns}
            FROM dossier_cluster.membership_version v
            LEFT JOIN dossier_cluster.members m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {Columns}
            FROM dossier_cluster.membership_version v
            LEFT JOIN dossier_cluster.members m ON m.deployment_id = v.deployment_id
                 AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
            """,
        ["InsertMembershipVersionKey"] = """
            WITH added AS (
                INSERT INTO dossier_cluster.membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT (deployment_id) DO NOTHING RETURNING 1)
            SELECT count(*)::int FROM added
            """,
        ["InsertMembershipKey"] = """
            WITH bumped AS (
                UPDATE dossier_cluster.membership_version SET version = version + 1, changed = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM dossier_cluster.members
                                  WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            added AS (
                INSERT INTO dossier_cluster.members (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
                RETURNING 1)
            SELECT count(*)::int FROM added
            """,
        ["UpdateMembershipKey"] = """
            WITH bumped AS (
                UPDATE dossier_cluster.membership_version SET version = version + 1, changed = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                RETURNING deployment_id),
            changed AS (
                UPDATE dossier_cluster.members m SET status = @Status, suspect_times = @SuspectTimes, i_am_alive = @IAmAliveTime
                FROM bumped b
                WHERE m.deployment_id = b.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT count(*)::int FROM changed
            """,
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE dossier_cluster.members SET i_am_alive = @IAmAliveTime
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM dossier_cluster.members
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
        ["DeleteMembershipTableEntriesKey"] = "DELETE FROM dossier_cluster.membership_version WHERE deployment_id = @DeploymentId",
        // Dead rows are kept (status shows them) and not cleaned up automatically (ClusterSilo turns the provider's
        // clean-up off); this removes only dead silos' rows when an operator turns it on.
        ["CleanupDefunctSiloEntriesKey"] = $"""
            DELETE FROM dossier_cluster.members
            WHERE deployment_id = @DeploymentId AND i_am_alive < @IAmAliveTime AND status = {DeadStatus}
            """,
    };

    /// <summary>The status value of an active silo in the members table.</summary>
    public const int Active = ActiveStatus;

    /// <summary>The Npgsql connection string of the cluster's connections to <paramref name="location"/>: the store's, with
    /// the cluster's schema first in the search path and timestamps in UTC.</summary>
    /// <exception cref="DossierException">DSR601 when the location is not a PostgreSQL address.</exception>
    public static string ConnectionString(string location)
    {
        var at = StoreLocation.Parse(location);
        if (!at.Engine.Equals(PostgresEngine.EngineName, StringComparison.OrdinalIgnoreCase))
            throw new DossierException(Errors.ClusterNeedsPostgres(location));
        var b = new NpgsqlConnectionStringBuilder(PostgresEngine.ConnectionString(at))
        {
            SearchPath = SchemaName, Timezone = "UTC", ApplicationName = "dossier-cluster",
        };
        return b.ConnectionString;
    }

    private static readonly object RegisterGate = new();
    private static bool _registered;

    /// <summary>Makes Npgsql known to ADO.NET by <see cref="Invariant"/> (the provider looks its factory up by name).</summary>
    public static void RegisterProvider()
    {
        lock (RegisterGate)
        {
            if (_registered) return;
            System.Data.Common.DbProviderFactories.RegisterFactory(Invariant, NpgsqlFactory.Instance);
            _registered = true;
        }
    }

    /// <summary>Creates the schema, its tables and the statements when missing (the database itself must exist).</summary>
    /// <exception cref="DossierException">DSR602 when the database cannot be reached or refuses.</exception>
    public static void Install(string connectionString, string display)
    {
        try
        {
            using var c = new NpgsqlConnection(connectionString);
            c.Open();
            using var tx = c.BeginTransaction();
            Exec(c, tx, $"SELECT pg_advisory_xact_lock({InstallLockKey})");
            Exec(c, tx, $"CREATE SCHEMA IF NOT EXISTS {SchemaName}");
            Exec(c, tx, Script("001_membership.sql"));
            foreach (var (key, text) in Queries)
            {
                using var cmd = new NpgsqlCommand("""
                    INSERT INTO dossier_cluster.orleansquery (querykey, querytext) VALUES (@k, @t)
                    ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext
                    """, c, tx);
                cmd.Parameters.AddWithValue("k", key);
                cmd.Parameters.AddWithValue("t", text);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new DossierException(Errors.ClusterDatabase(display, e is PostgresException p ? p.MessageText : e.Message));
        }
    }

    private static void Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.ExecuteNonQuery();
    }

    private static string Script(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dossier.Cluster.Schema." + name)
                      ?? throw new DossierException(Errors.MissingResource(name));
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
