#if HAVE_POSTGRES
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dossier.Testing;
using Npgsql;


namespace Dossier.Tests;

/// <summary>Several real processes writing one PostgreSQL store at once: ingest processes on parts of a corpus (and one on
/// all of it, racing the others for the same texts), and a manual merge in the middle. One canonical actor per identity,
/// every text stored once, the decision kept and followed by the articles stored after it.</summary>
public sealed class PostgresConcurrencyTests() : CliTestBase("dossier-pg-concurrency-")
{
    static PostgresConcurrencyTests() => global::Dossier.Store.Postgres.PostgresEngine.Register();

    private const int Articles = 160;
    private const int Processes = 4;

    // Distinct bulletins naming the same people and bodies by their full names: whatever order they are stored in, each
    // identity is one actor (a store that let two writers resolve at once would make two "Tony Blair"s).
    private static string Bulletin(int i) =>
        $"Bulletin {i + 1}.\n\nBritish Prime Minister Tony Blair met German Chancellor Angela Merkel in Berlin on day {i + 1} of the talks to discuss " +
        $"the United Nations climate conference. Blair said meeting {i + 1} was useful. Merkel told reporters that the European Union " +
        $"would set new targets, and French President Jacques Chirac welcomed the plan.";

    private string Corpus(string name, IEnumerable<int> items)
    {
        var path = Path.Combine(Dir, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var i in items) w.WriteLine(JsonSerializer.Serialize(new { id = $"b{i:D4}", text = Bulletin(i), published = "2025-01-10" }));
        return path;
    }

    [Fact]
    public void IngestProcessesAndAMergeAtOnceMakeOneActorPerIdentityStoreEachTextOnceAndKeepTheDecision()
    {
        var all = Corpus("all.jsonl", Enumerable.Range(0, Articles));
        var parts = Enumerable.Range(0, Processes).Select(p => Corpus($"part{p}.jsonl", Enumerable.Range(0, Articles).Where(i => i % Processes == p))).ToList();
        var shared = PostgresServer.NewDatabase("concurrent");
        using (global::Dossier.Store.Stores.Open(shared)) { } // created and migrated once, so the processes race for the rows, not the schema

        // All at once: the parts, the whole corpus again (every text raced for), and a merge once the names exist.
        var running = parts.Append(all).Select(p => Start("ingest", p, "--db", shared, "--workers", "1")).ToList();
        WaitUntil(() => Count(shared, "SELECT count(*) FROM articles") >= 8);
        var merge = Start("actor", "merge", "Tony Blair", "Jacques Chirac", "--db", shared);
        foreach (var p in running.Append(merge)) Finish(p);

        Assert.Equal(Articles, Count(shared, "SELECT count(*) FROM articles"));
        // One canonical actor per identity: each name's actors, merged ones left out, one by name and type.
        var actors = Rows(shared, "SELECT type, name FROM actors WHERE merged_into IS NULL ORDER BY type, name");
        Assert.Equal(actors.Distinct().Count(), actors.Count);
        Assert.Equal(1, Count(shared, "SELECT count(*) FROM actors WHERE merged_into IS NULL AND name = 'Angela Merkel'"));
        // The decision is recorded once, and every article stored after it gave Chirac's mentions to the kept actor.
        Assert.Equal(1, Count(shared, "SELECT count(*) FROM actor_decisions WHERE kind = 'merge'"));
        Assert.Equal(0, Count(shared, "SELECT count(*) FROM actors WHERE merged_into IS NULL AND name = 'Jacques Chirac'"));
        Assert.Equal(0, Count(shared, """
            SELECT count(*) FROM actor_links l JOIN actors a ON a.id = l.actor_id
            WHERE l.name = 'Jacques Chirac' AND a.merged_into IS NOT NULL
            """));

        // The same corpus stored by one process, and the same decision: the same canonical actors.
        var single = PostgresServer.NewDatabase("single");
        Assert.Equal(0, Dossier("ingest", all, "--db", single).Code);
        Assert.Equal(0, Dossier("actor", "merge", "Tony Blair", "Jacques Chirac", "--db", single).Code);
        Assert.Equal(Rows(single, "SELECT type, name, mentions, articles FROM actors WHERE merged_into IS NULL ORDER BY type, name"),
                     Rows(shared, "SELECT type, name, mentions, articles FROM actors WHERE merged_into IS NULL ORDER BY type, name"));
    }

    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dossier.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return p;
    }

    private static void Finish(Process p)
    {
        var err = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(180_000), "a process did not finish in 3 minutes");
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {err}");
        p.Dispose();
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(50);
    }

    private static NpgsqlConnection Connect(string url)
    {
        var uri = new Uri(url);
        var c = new NpgsqlConnection($"Host={uri.Host};Port={uri.Port};Username={uri.UserInfo};Database={uri.AbsolutePath.TrimStart('/')};Pooling=false");
        c.Open();
        return c;
    }

    private static long Count(string url, string sql)
    {
        using var c = Connect(url);
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Rows(string url, string sql)
    {
        using var c = Connect(url);
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
#endif
