using Dossier.Store;
using Dossier.Store.Postgres;
using Dossier.Testing;
using Npgsql;

namespace Dossier.Tests;

/// <summary>The PostgreSQL engine as the store test suites see it: each store a database of its own on the throwaway
/// server of this test process (<see cref="PostgresServer"/>).</summary>
public sealed class PostgresTestEngine : TestEngine
{
    static PostgresTestEngine() => PostgresEngine.Register();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    // The same test folder and name give the same database; the database is created by the store's first Open.
    public override string Location(string dir, string name) =>
        Databases.GetOrAdd(dir + "|" + name, _ => PostgresServer.UnusedDatabase(Path.GetFileNameWithoutExtension(name)));

    public override List<string[]> Query(IStore store, string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(((PostgresStore)store).Connection.ConnectionString) { Pooling = false };
        using var c = new NpgsqlConnection(cs.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read())
            rows.Add(Enumerable.Range(0, r.FieldCount)
                .Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    public override void AfterStep(IStore store, Action<string>? hook) => ((PostgresStore)store).AfterStep = hook;

    public override Exception DatabaseFault() => new PostgresException("could not extend file: No space left on device (simulated)", "ERROR", "ERROR", "53100");
}

#if HAVE_POSTGRES
// Every store suite on PostgreSQL: the same lines as SqliteSuites.cs with this engine.
public sealed class PostgresStoreTests : StoreTests<PostgresTestEngine>;
public sealed class PostgresActorDecisionTests : ActorDecisionTests<PostgresTestEngine>;
public sealed class PostgresActorResolutionTests : ActorResolutionTests<PostgresTestEngine>;
public sealed class PostgresActorSplitTests : ActorSplitTests<PostgresTestEngine>;
public sealed class PostgresNameVariantResolutionTests : NameVariantResolutionTests<PostgresTestEngine>;
public sealed class PostgresIngestionTests : IngestionTests<PostgresTestEngine>;
public sealed class PostgresHappeningTests : HappeningTests<PostgresTestEngine>;
public sealed class PostgresFollowingTests : FollowingTests<PostgresTestEngine>;
#else
public sealed class PostgresSuites
{
    [Fact(Skip = "PostgreSQL is not installed (no /usr/lib/postgresql): the store suites ran on SQLite only; scripts/setup installs Debian's postgresql package as root")]
    public void RunOnPostgres() { }
}
#endif
