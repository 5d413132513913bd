using Dossier.Store;
using Dossier.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Tests;

/// <summary>The SQLite engine as the store test suites see it.</summary>
public sealed class SqliteTestEngine : TestEngine
{
    public override string Location(string dir, string name) => "sqlite:" + Path.Combine(dir, name);

    public override List<string[]> Query(IStore store, string sql)
    {
        using var c = new SqliteConnection($"Data Source={((SqliteStore)store).Path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read())
            rows.Add(Enumerable.Range(0, r.FieldCount)
                .Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    public override void AfterStep(IStore store, Action<string>? hook) => ((SqliteStore)store).AfterStep = hook;

    public override Exception DatabaseFault() => new SqliteException("disk I/O error (simulated)", 10);

    public override IReadOnlyList<string> IndexTables => ["articles_fts"];
}

// Every store suite on SQLite. Another engine: the same lines with its TestEngine.
public sealed class SqliteStoreTests : StoreTests<SqliteTestEngine>;
public sealed class SqliteActorDecisionTests : ActorDecisionTests<SqliteTestEngine>;
public sealed class SqliteActorResolutionTests : ActorResolutionTests<SqliteTestEngine>;
public sealed class SqliteActorSplitTests : ActorSplitTests<SqliteTestEngine>;
public sealed class SqliteNameVariantResolutionTests : NameVariantResolutionTests<SqliteTestEngine>;
public sealed class SqliteIngestionTests : IngestionTests<SqliteTestEngine>;
public sealed class SqliteHappeningTests : HappeningTests<SqliteTestEngine>;
public sealed class SqliteFollowingTests : FollowingTests<SqliteTestEngine>;
