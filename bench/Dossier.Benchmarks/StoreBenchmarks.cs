using BenchmarkDotNet.Attributes;
using Dossier.Documents;
using Dossier.Store;
using Dossier.Store.Ingest;
using Microsoft.Data.Sqlite;

namespace Dossier.Benchmarks;

/// <summary>
/// Store cost apart from extraction: the full ingest use case (read items → extract → one writer) into a fresh SQLite
/// file, storing documents extracted beforehand (the write path alone), and re-ingesting a sample that is already stored
/// (cleaning and hashing only: stored texts skip extraction).
/// </summary>
[BenchmarkCategory("store")]
public class StoreBenchmarks
{
    private string _dir = "";
    private string _path = "";
    private Document[] _extracted = [];
    private string _pipeline = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "dossier-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        _pipeline = Extractor.Default.Pipeline.Config;
        var docs = new List<Document>();
        foreach (var r in BenchSample.Raw)
            if (Extractor.Default.Extract(r).Document is { } d) docs.Add(d);
        _extracted = [.. docs];
        Console.WriteLine($"// Sample: {BenchSample.Origin}; {BenchSample.Words:N0} words in {BenchSample.Articles} articles");
    }

    [IterationSetup(Targets = [nameof(Ingest), nameof(StoreOnly)])]
    public void FreshFile() => _path = NewPath();

    // Re-ingest needs a file that already holds the sample; building it is not what is measured.
    [IterationSetup(Target = nameof(Reingest))]
    public void StoredFile()
    {
        _path = NewPath();
        using var store = Stores.Open(_path);
        foreach (var d in _extracted) store.Add(d, _pipeline);
    }

    [IterationCleanup]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in Directory.EnumerateFiles(_dir)) File.Delete(f);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Ingestion.Run with one worker: extraction plus storage, as `dossier ingest --workers 1` does it.</summary>
    [Benchmark(Description = "ingest (workers=1, fresh file)")]
    public int Ingest()
    {
        using var store = Stores.Open(_path);
        var s = Ingestion.Run(store, BenchSample.Items, new IngestOptions { Workers = 1 }, _ => { });
        return s.Stored;
    }

    /// <summary>The write path alone: IStore.Add of documents extracted in GlobalSetup.</summary>
    [Benchmark(Description = "store only (Add, fresh file)")]
    public int StoreOnly()
    {
        using var store = Stores.Open(_path);
        int n = 0;
        foreach (var d in _extracted)
            if (!store.Add(d, _pipeline).Duplicate) n++;
        return n;
    }

    /// <summary>Ingesting a sample already stored: cleaning and content hashes, no extraction, no new rows.</summary>
    [Benchmark(Description = "re-ingest (already stored)")]
    public int Reingest()
    {
        using var store = Stores.Open(_path);
        var s = Ingestion.Run(store, BenchSample.Items, new IngestOptions { Workers = 1 }, _ => { });
        return s.Duplicates;
    }

    private string NewPath() => Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db");
}
