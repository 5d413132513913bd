using System.Diagnostics;
using Dossier.Text;

namespace Dossier.Store.Ingest;

/// <summary>Options of an ingest run.</summary>
public sealed record IngestOptions
{
    public ReadOptions Read { get; init; } = new();
    /// <summary>Extraction workers; the default is one per processor.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    public Extractor Extractor { get; init; } = Extractor.Default;
    /// <summary>How often <see cref="Ingestion.Run"/> reports progress.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Most articles stored in one transaction (group commit); 1 commits each article on its own.</summary>
    public int BatchArticles { get; init; } = Ingestion.DefaultBatchArticles;
    /// <summary>Longest time an open batch waits for more articles before it commits.</summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromMilliseconds(Ingestion.DefaultBatchMilliseconds);
}

/// <summary>Counts of an ingest run (also its progress while it runs).</summary>
public sealed record IngestSummary
{
    /// <summary>Items read (articles and bad items).</summary>
    public int Items { get; init; }
    public int Stored { get; init; }
    public int Duplicates { get; init; }
    public int Failed { get; init; }
    /// <summary>Warnings reported (about stored items or about the input: a guessed encoding, a link not followed).</summary>
    public int Warnings { get; init; }
    public long Entities { get; init; }
    /// <summary>Document actors stored (each resolved to a canonical actor).</summary>
    public long Actors { get; init; }
    /// <summary>Canonical actors created by this run.</summary>
    public long NewActors { get; init; }
    public long Quotes { get; init; }
    public long Events { get; init; }
    /// <summary>White-space separated words of the stored articles' cleaned text.</summary>
    public long Words { get; init; }
    /// <summary>Stored articles without a publication date (their relative times are left unresolved).</summary>
    public int Undated { get; init; }
    /// <summary>The first <see cref="Ingestion.MaxListedUndated"/> of them, as "path[:line]" (with the id when there is one).</summary>
    public IReadOnlyList<string> UndatedItems { get; init; } = [];
    public TimeSpan Elapsed { get; init; }
    /// <summary>Time the writer spent storing (the rest is reading and extraction, which overlap with it).</summary>
    public TimeSpan StoreTime { get; init; }
    public double WordsPerSecond => Elapsed.TotalSeconds > 0 ? Words / Elapsed.TotalSeconds : 0;

    /// <summary>The summary line printed at the end of an ingest.</summary>
    public override string ToString() =>
        $"{Stored:N0} articles stored, {Duplicates:N0} duplicates, {Failed:N0} failed of {Items:N0} items{(Warnings > 0 ? $" ({Warnings:N0} warning{(Warnings == 1 ? "" : "s")})" : "")}; {Entities:N0} entities, {Actors:N0} actors " +
        $"({NewActors:N0} new), {Quotes:N0} quotes, {Events:N0} events; {Elapsed.TotalSeconds:N1} s ({StoreTime.TotalSeconds:N1} s storing), " +
        $"{WordsPerSecond:N0} words/s";
}

/// <summary>What became of one stored input item: the article it is now (new, or the one already holding its text).</summary>
public readonly record struct ItemStored(string Source, int? Line, string? Id, long ArticleId, bool Duplicate);

/// <summary>The ingest use case: read inputs, extract on several workers, store each article in one transaction, in input order.</summary>
/// <remarks>
/// Bad items (unreadable input, extraction or store failures) are reported through the <c>report</c> callback as
/// "path[:line]: reason (DSRnnn)", and so are warnings (<see cref="ItemError.Warning"/>); the batch goes on. Each article is
/// stored whole or not at all, and what is already stored is never touched by a later failure.
/// </remarks>
public static class Ingestion
{
    /// <summary>Ingests <paramref name="paths"/> into <paramref name="store"/>.</summary>
    public static IngestSummary Run(IStore store, IEnumerable<string> paths, IngestOptions options, Action<ItemError> report,
        Action<IngestSummary>? onProgress = null, CancellationToken cancel = default, Action<ItemStored>? onStored = null) =>
        Run(store, ArticleReader.Read(paths, options.Read), options, report, onProgress, cancel, onStored);

    /// <summary>Most articles in one group commit by default: past a few dozen the commit's cost per article no longer
    /// falls, and a crash loses at most this many articles of work (never part of one).</summary>
    public const int DefaultBatchArticles = 64;

    /// <summary>Longest an open batch waits for its next article before committing, in milliseconds, so a slow source
    /// (a feed, a single worker) still shows its articles in the store within a fraction of a second.</summary>
    public const int DefaultBatchMilliseconds = 500;

    /// <summary>How many undated articles an ingest names (the count covers them all).</summary>
    public const int MaxListedUndated = 20;

    /// <summary>Ingests already-read input items; <paramref name="report"/> receives every failed item and every warning,
    /// <paramref name="onStored"/> every item stored (or found already stored), once its batch is committed.</summary>
    public static IngestSummary Run(IStore store, IEnumerable<InputItem> items, IngestOptions options, Action<ItemError> report,
        Action<IngestSummary>? onProgress = null, CancellationToken cancel = default, Action<ItemStored>? onStored = null)
    {
        var clock = Stopwatch.StartNew();
        var storing = new Stopwatch();
        var last = TimeSpan.Zero;
        var s = new IngestSummary();
        var pipeline = options.Extractor.Pipeline.Config;
        // Texts stored before this run skip extraction: re-ingesting a corpus costs reading and cleaning only.
        var stored = store.ContentHashes();
        Func<Documents.Document, bool>? known = stored.Count == 0 ? null : d => stored.Contains(StoreIds.ContentHash(d.Text));

        // What the open batch holds, in input order: stored articles are counted, reported and announced only once the
        // batch is committed, and the items that failed or warned meanwhile wait with them, so reports keep input order.
        var pending = new List<(Extracted X, AddResult? Stored, ItemError? Error)>();
        IStoreBatch? batch = null;
        var batchOpened = TimeSpan.Zero;
        int batchSize = Math.Max(1, options.BatchArticles);

        void Fail(ItemError e)
        {
            report(e);
            s = s with { Failed = s.Failed + 1 };
        }

        void Flush()
        {
            DossierError? failed = null;
            if (batch is not null)
            {
                storing.Start();
                try { batch.Commit(); }
                catch (DossierException e) { failed = e.Error; }
                finally { storing.Stop(); batch.Dispose(); batch = null; }
            }
            foreach (var (x, r, error) in pending)
            {
                if (error is not null)
                {
                    if (x.IsWarning) { report(error); s = s with { Warnings = s.Warnings + 1 }; }
                    else Fail(error);
                    continue;
                }
                if (failed is { } lost) { Fail(new ItemError(x.Raw!.Source, x.Raw.Line, lost)); continue; }
                var doc = x.Document!;
                var added = r!.Value;
                s = added.Duplicate
                    ? s with { Duplicates = s.Duplicates + 1 }
                    : s with
                    {
                        Stored = s.Stored + 1, Entities = s.Entities + doc.Entities.Count, Actors = s.Actors + doc.Actors.Count,
                        NewActors = s.NewActors + added.NewActors, Quotes = s.Quotes + doc.Quotes.Count, Events = s.Events + doc.Events.Count,
                        Words = s.Words + StoreIds.CountWords(doc.Text),
                    };
                if (!added.Duplicate && doc.Published is null)
                    s = s with
                    {
                        Undated = s.Undated + 1,
                        UndatedItems = s.UndatedItems.Count < MaxListedUndated
                            ? [.. s.UndatedItems, x.Raw!.Line is { } line ? $"{x.Raw.Source}:{line}{(doc.Id is { } id ? $" ({id})" : "")}" : x.Raw.Source]
                            : s.UndatedItems,
                    };
                foreach (var w in x.Warnings) { report(w); s = s with { Warnings = s.Warnings + 1 }; }
                onStored?.Invoke(new ItemStored(x.Raw!.Source, x.Raw.Line, doc.Id, added.ArticleId, added.Duplicate));
            }
            pending.Clear();
        }

        try
        {
            // A batch left open while the source is slow (a feed, a pipe) would hold the store's write lock: the writer
            // commits it once it has waited BatchTime for the next article.
            foreach (var x in OrderedExtraction.Run(items, options.Extractor, options.Workers, known, cancel,
                         onIdle: () => { if (batch is not null) Flush(); }, idleAfter: options.BatchTime))
            {
                if (!x.IsWarning) s = s with { Items = s.Items + 1 };
                if (x.Error is { } err) pending.Add((x, null, err));
                else
                {
                    storing.Start();
                    try
                    {
                        if (batch is null) { batch = store.BeginBatch(); batchOpened = clock.Elapsed; }
                        pending.Add((x, store.Add(x.Document!, pipeline), null));
                    }
                    catch (DossierException e)
                    {
                        // This article rolled back alone; the batch goes on.
                        pending.Add((x, null, new ItemError(x.Raw!.Source, x.Raw.Line, e.Error)));
                    }
                    finally { storing.Stop(); }
                }
                if (batch is null || batch.Count >= batchSize || clock.Elapsed - batchOpened >= options.BatchTime) Flush();
                if (onProgress is not null && clock.Elapsed - last >= options.ProgressInterval)
                {
                    last = clock.Elapsed;
                    onProgress(s with { Elapsed = clock.Elapsed, StoreTime = storing.Elapsed });
                }
            }
            Flush();
        }
        finally
        {
            // An unexpected failure: the open batch rolls back whole (none of it was announced as stored).
            batch?.Dispose();
        }
        return s with { Elapsed = clock.Elapsed, StoreTime = storing.Elapsed };
    }
}
