using System.Diagnostics;
using System.Reflection;
using Dossier.Documents;
using Dossier.Store;
using Microsoft.Data.Sqlite;

namespace Dossier.Benchmarks;

/// <summary>
/// Diagnostic, not a benchmark: where the time of <see cref="IStore.Add"/> goes, step by step, and how it grows as the
/// store fills (`--store-steps`, with `--articles N` for a larger store).
/// </summary>
/// <remarks>
/// Uses the SQLite store's internal step hook (meant for its tests) through reflection, so that the bench does not change
/// src/; when the hook is renamed it says so and reports only whole-Add times. Stopwatch timing, one pass: indicative only.
/// </remarks>
public static class StoreProbe
{
    private const int Chunk = 300;

    /// <summary>A store to start from (`--from PATH`, copied first): the steps are then timed at that store's size.</summary>
    public static string? StartFrom { get; set; }

    /// <summary>Articles per transaction (`--batch N`; the ingest default otherwise).</summary>
    public static int BatchSize { get; set; } = Dossier.Store.Ingest.Ingestion.DefaultBatchArticles;

    /// <summary>Extracts the sample, then stores it into a fresh file, printing per-article times per chunk of 300.</summary>
    public static void Run()
    {
        Console.WriteLine($"// store steps over {BenchSample.Origin}");
        var docs = new List<Document>();
        foreach (var r in BenchSample.Raw)
            if (Extractor.Default.Extract(r).Document is { } d) docs.Add(d);
        var path = Path.Combine(Path.GetTempPath(), "dossier-steps-" + Environment.ProcessId + ".db");
        if (StartFrom is { } start)
        {
            // A copy of a store already filled (the growth run's), so the steps are timed at its size; the original stays.
            SqliteConnection.ClearAllPools();
            using (var src = new SqliteConnection($"Data Source={start};Mode=ReadOnly;Pooling=False"))
            {
                src.Open();
                using var cmd = src.CreateCommand();
                cmd.CommandText = "VACUUM INTO $to";
                cmd.Parameters.AddWithValue("$to", path);
                cmd.ExecuteNonQuery();
            }
            Console.WriteLine($"// starting from a copy of {start}");
        }
        try
        {
            using var store = Stores.Open(path);
            var steps = new Dictionary<string, double>();
            var sw = new Stopwatch();
            var hook = store.GetType().GetProperty("AfterStep", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            if (hook?.PropertyType == typeof(Action<string>))
                hook.SetValue(store, (Action<string>)(s => { steps[s] = steps.GetValueOrDefault(s) + sw.Elapsed.TotalMilliseconds; sw.Restart(); }));
            else
                Console.WriteLine("// the store has no AfterStep hook any more: whole-Add times only");
            var pipeline = Extractor.Default.Pipeline.Config;
            var chunk = Stopwatch.StartNew();
            int batchSize = BatchSize;
            Console.WriteLine($"// {batchSize} article(s) per transaction");
            IStoreBatch? batch = null;
            for (int i = 0; i < docs.Count; i++)
            {
                sw.Restart();
                batch ??= store.BeginBatch();
                store.Add(docs[i], pipeline);
                steps["release"] = steps.GetValueOrDefault("release") + sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                if (batch.Count >= batchSize || i + 1 == docs.Count) { batch.Commit(); batch.Dispose(); batch = null; }
                steps["commit"] = steps.GetValueOrDefault("commit") + sw.Elapsed.TotalMilliseconds;
                int inChunk = i % Chunk + 1;
                if (inChunk == Chunk || i + 1 == docs.Count)
                {
                    Console.WriteLine($"articles {i + 2 - inChunk}-{i + 1}: {chunk.Elapsed.TotalMilliseconds / inChunk:F2} ms/article = "
                        + string.Join(" + ", steps.Select(kv => $"{kv.Key} {kv.Value / inChunk:F2}")));
                    steps.Clear();
                    chunk.Restart();
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }
}
