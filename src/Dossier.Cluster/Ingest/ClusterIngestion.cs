using System.Diagnostics;
using Dossier.Cluster.Hosting;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Text;

namespace Dossier.Cluster.Ingest;

/// <summary>Options of an ingest through the cluster.</summary>
public sealed record ClusterIngestOptions
{
    /// <summary>Where the articles are stored (by default the cluster's own database).</summary>
    public required string Store { get; init; }
    public ReadOptions Read { get; init; } = new();
    /// <summary>The pipeline configuration string the silos build (null: the default pipeline).</summary>
    public string? Pipeline { get; init; }
    /// <summary>Each article's time budget on its silo.</summary>
    public double BudgetSeconds { get; init; } = Limits.ArticleBudgetSeconds;
    /// <summary>Most articles in one group commit.</summary>
    public int BatchArticles { get; init; } = Ingestion.DefaultBatchArticles;
    /// <summary>Longest an open batch waits before it commits.</summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromMilliseconds(Ingestion.DefaultBatchMilliseconds);
}

/// <summary>What an ingest through the cluster did: the summary a plain ingest gives, and how the work was spread.</summary>
/// <param name="PerSilo">Articles each silo extracted for this run, by silo name.</param>
/// <param name="Resent">Articles sent again because their silo failed or left.</param>
/// <param name="Reconnects">Times the writer lost the store and replayed its open batch.</param>
public sealed record ClusterIngestSummary(IngestSummary Summary, IReadOnlyDictionary<string, long> PerSilo, long Resent, int Reconnects);

/// <summary>Ingest with extraction on the cluster's silos and one writer, this process, storing in input order.</summary>
/// <remarks>
/// <para>Why the client writes: the canonical actors an article resolves to depend on the articles stored before it, so
/// the store must see the articles in input order, as the single-process ingest stores them; one writer that lives for
/// the whole run is the simplest way to keep that order, and a silo's death then costs only extraction in flight
/// (<see cref="ClusterExtraction"/> sends it again). The CPU-heavy part, extraction, is what the silos share; storing
/// uses the same group commits as <see cref="Ingestion"/>. Several ingest clients may write to one PostgreSQL store at
/// once: the engine's writer lock makes them take turns per transaction.</para>
/// <para>Nothing is lost or doubled when the store goes away (a database restart): the open batch is kept in memory until
/// its commit succeeds; on a failed write or commit the writer reopens the store (for up to
/// <see cref="ClusterLimits.StoreReconnectTimeout"/>) and stores the batch again, in order. A commit whose outcome is
/// unknown (the connection died during it) is safe to repeat: a text already stored is recognised by its content hash
/// and counted as a duplicate, storing nothing.</para>
/// </remarks>
public static class ClusterIngestion
{
    /// <summary>Ingests <paramref name="paths"/> through the cluster.</summary>
    public static ClusterIngestSummary Run(ClusterConnection cluster, IEnumerable<string> paths, ClusterIngestOptions options,
        Action<ItemError> report, Action<IngestSummary>? onProgress = null, CancellationToken cancel = default) =>
        Run(cluster, ArticleReader.Read(paths, options.Read), options, report, onProgress, cancel);

    /// <summary>Ingests already-read items through the cluster; <paramref name="onTaken"/> hears the number of every item
    /// the writer takes, in order (the fault tests strike mid-run with it).</summary>
    public static ClusterIngestSummary Run(ClusterConnection cluster, IEnumerable<InputItem> items, ClusterIngestOptions options,
        Action<ItemError> report, Action<long> onTaken) => Run(cluster, items, options, report, null, default, onTaken);

    /// <summary>Ingests already-read items through the cluster.</summary>
    public static ClusterIngestSummary Run(ClusterConnection cluster, IEnumerable<InputItem> items, ClusterIngestOptions options,
        Action<ItemError> report, Action<IngestSummary>? onProgress = null, CancellationToken cancel = default, Action<long>? onTaken = null)
    {
        var extraction = new ClusterExtraction(cluster, options.Pipeline, options.BudgetSeconds);
        var writer = new Writer(options, report);
        try
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            long taken = 0;
            foreach (var r in extraction.Run(items, cancel))
            {
                writer.Take(r);
                onTaken?.Invoke(taken++);
                if (onProgress is not null && clock.Elapsed - last >= TimeSpan.FromSeconds(2))
                {
                    last = clock.Elapsed;
                    onProgress(writer.Summary);
                }
            }
            writer.Flush();
            return new ClusterIngestSummary(writer.Summary, extraction.PerSilo, extraction.Resent, writer.Reconnects);
        }
        finally { writer.Dispose(); }
    }

    /// <summary>The one writer: group commits in input order, replayed whole after a lost connection.</summary>
    private sealed class Writer(ClusterIngestOptions options, Action<ItemError> report) : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Stopwatch _storing = new();
        private readonly List<Entry> _pending = new();   // the open batch's items, in input order
        private readonly string _pipeline = options.Pipeline is { Length: > 0 } p ? Dossier.Pipeline.DocumentPipeline.FromConfig(p).Config : Dossier.Pipeline.DocumentPipeline.Default.Config;
        private IStore? _store;
        private IStoreBatch? _batch;
        private TimeSpan _batchOpened;
        private IngestSummary _s = new();

        public int Reconnects { get; private set; }

        public IngestSummary Summary => _s with { Elapsed = _clock.Elapsed, StoreTime = _storing.Elapsed };

        private sealed class Entry(ClusterExtracted r)
        {
            public ClusterExtracted R { get; } = r;
            public AddResult? Added;
            public ItemError? Error = r.X.Error;
        }

        public void Take(ClusterExtracted r)
        {
            var x = r.X;
            if (!x.IsWarning) _s = _s with { Items = _s.Items + 1 };
            var e = new Entry(r);
            _pending.Add(e);
            if (e.Error is null) Store(e);
            if (_batch is null || _batch.Count >= Math.Max(1, options.BatchArticles) || _clock.Elapsed - _batchOpened >= options.BatchTime) Flush();
        }

        private void Store(Entry e)
        {
            _storing.Start();
            try
            {
                try
                {
                    Add(e);
                }
                catch (DossierException)
                {
                    // Either this article cannot be stored, or the store went away: reconnect, store the batch's earlier
                    // articles again, and try this one once more on the fresh connection. A second refusal is the article's.
                    Recover(upTo: e);
                    try { Add(e); }
                    catch (DossierException again) { e.Error = new ItemError(e.R.X.Raw!.Source, e.R.X.Raw.Line, again.Error); }
                }
            }
            finally { _storing.Stop(); }
        }

        private void Add(Entry e)
        {
            _store ??= Open();
            if (_batch is null) { _batch = _store.BeginBatch(); _batchOpened = _clock.Elapsed; }
            e.Added = _store.Add(e.R.X.Document!, _pipeline);
        }

        public void Flush()
        {
            if (_batch is not null)
            {
                _storing.Start();
                try
                {
                    while (true)
                    {
                        try { _batch!.Commit(); break; }
                        catch (DossierException) { Recover(upTo: null); }
                    }
                }
                finally
                {
                    _storing.Stop();
                    _batch?.Dispose();
                    _batch = null;
                }
            }
            foreach (var e in _pending) Count(e);
            _pending.Clear();
        }

        // Drops the connection and the uncommitted batch, reopens the store, and stores the open batch's articles again in
        // order (those before upTo, or all). Throws DSR605 when the store does not come back in time.
        private void Recover(Entry? upTo)
        {
            var deadline = _clock.Elapsed + ClusterLimits.StoreReconnectTimeout;
            string last = "";
            while (true)
            {
                Reconnects++;
                try { _batch?.Dispose(); } catch (Exception x) when (x is DossierException or InvalidOperationException) { }
                _batch = null;
                try { _store?.Dispose(); } catch (Exception x) when (x is DossierException or InvalidOperationException) { }
                _store = null;
                try
                {
                    foreach (var e in _pending)
                    {
                        if (ReferenceEquals(e, upTo)) break;
                        if (e.Added is null) continue;
                        Add(e);
                    }
                    return;
                }
                catch (DossierException x) { last = x.Error.Message; }
                if (_clock.Elapsed >= deadline) throw new DossierException(Errors.StoreUnreachable(ClusterLimits.StoreReconnectTimeout.TotalSeconds, last));
                Thread.Sleep(ClusterLimits.StoreReconnectDelay);
            }
        }

        private IStore Open() => Stores.Open(options.Store, create: true);

        private void Count(Entry e)
        {
            var x = e.R.X;
            if (e.Error is { } error)
            {
                report(error);
                _s = x.IsWarning ? _s with { Warnings = _s.Warnings + 1 } : _s with { Failed = _s.Failed + 1 };
                return;
            }
            var doc = x.Document!;
            var added = e.Added!.Value;
            _s = added.Duplicate
                ? _s with { Duplicates = _s.Duplicates + 1 }
                : _s with
                {
                    Stored = _s.Stored + 1, Entities = _s.Entities + doc.Entities.Count, Actors = _s.Actors + doc.Actors.Count,
                    NewActors = _s.NewActors + added.NewActors, Quotes = _s.Quotes + doc.Quotes.Count, Events = _s.Events + doc.Events.Count,
                    Words = _s.Words + StoreIds.CountWords(doc.Text),
                    Undated = doc.Published is null ? _s.Undated + 1 : _s.Undated,
                };
            foreach (var w in x.Warnings) { report(w); _s = _s with { Warnings = _s.Warnings + 1 }; }
        }

        public void Dispose()
        {
            try { _batch?.Dispose(); } catch (Exception x) when (x is DossierException or InvalidOperationException) { }
            _store?.Dispose();
        }
    }
}
