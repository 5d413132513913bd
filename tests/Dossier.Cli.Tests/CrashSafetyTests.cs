using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dossier.Testing;
using Microsoft.Data.Sqlite;

namespace Dossier.Tests;

/// <summary>A real ingest process killed with SIGKILL mid-run, then the same ingest again: the store must equal the one an
/// uninterrupted run gives (articles, actors, decisions, every stored record), and SQLite must find it intact.</summary>
public sealed class CrashSafetyTests() : CliTestBase("dossier-crash-")
{
    // Enough articles that the process is still writing when the first group commit lands, few enough for a quick test.
    private const int Articles = 720;

    [Fact]
    public void KillNineMidIngestThenTheSameIngestAgainGivesTheUninterruptedStore()
    {
        var input = WriteCorpus();
        string whole = Path.Combine(Dir, "whole.db"), crashed = Path.Combine(Dir, "crashed.db");
        Assert.Equal(0, Dossier("ingest", input, "--db", whole).Code);

        int atKill = IngestAndKill(input, crashed);
        Assert.InRange(atKill, 1, Articles - 1);     // killed after a commit, before the end
        Assert.Equal("ok", Scalar(crashed, "PRAGMA integrity_check"));

        var again = Dossier("ingest", input, "--db", crashed);
        Assert.Equal(0, again.Code);
        Assert.Contains($"{Articles - atKill:N0} articles stored, {atKill:N0} duplicates", again.Out);
        Assert.Equal("ok", Scalar(crashed, "PRAGMA integrity_check"));

        foreach (var query in (string[])[
            "SELECT id, content_hash, external_id, words FROM articles ORDER BY id",
            "SELECT id, name, type, codes, mentions, articles, merged_into FROM actors ORDER BY id",
            "SELECT actor_id, key, alias, count FROM actor_aliases ORDER BY actor_id, key",
            "SELECT id, kind, actor_id, other_id, alias_key, names FROM actor_decisions ORDER BY id",
            "SELECT id, plover, sources, targets, date, reports FROM happenings ORDER BY id",
        ])
            Assert.Equal(Rows(whole, query), Rows(crashed, query));
        Assert.Equal(Export(whole), Export(crashed));
    }

    // Our own sample articles, each made a distinct text by a numbered first line.
    private string WriteCorpus()
    {
        var texts = Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "data", "samples"), "*.txt").Order().Select(File.ReadAllText).ToList();
        Assert.NotEmpty(texts);
        var path = Path.Combine(Dir, "corpus.jsonl");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int i = 0; i < Articles; i++)
            w.WriteLine(JsonSerializer.Serialize(new { id = $"bulletin-{i:D4}", text = $"Bulletin {i + 1}.\n\n" + texts[i % texts.Count] }));
        return path;
    }

    // Starts `dossier ingest` as its own process, waits for its first committed batch, kills it (SIGKILL), and returns how
    // many articles the store holds afterwards.
    private static int IngestAndKill(string input, string db)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dossier.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "ingest", input, "--db", db]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!p.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (File.Exists(db) && Count(db) > 0) break;
            Thread.Sleep(20);
        }
        Assert.False(p.HasExited, "the ingest ended before it could be killed");
        p.Kill(entireProcessTree: true);   // SIGKILL on Linux: no handler runs, nothing is flushed
        Assert.True(p.WaitForExit(30_000));
        return Count(db);
    }

    private static int Count(string db)
    {
        try { return int.Parse(Scalar(db, "SELECT count(*) FROM articles"), System.Globalization.CultureInfo.InvariantCulture); }
        catch (SqliteException) { return 0; }   // not created or not migrated yet
    }

    private static string Scalar(string db, string sql) => Rows(db, sql).Single();

    private static List<string> Rows(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private string Export(string db)
    {
        var path = Path.Combine(Dir, Path.GetFileNameWithoutExtension(db) + ".jsonl");
        Assert.Equal(0, Dossier("export", "--db", db, "--out", path).Code);
        return File.ReadAllText(path);
    }
}
