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

    /// <summary>Ingests already-read input items; <paramref name="report"/> receives every failed item and every warning,
    /// <paramref name="onStored"/> every item stored (or found already stored).</summary>
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
        Func<Documents.Document, bool>? known = stored.Count == 0 ? null : d => stored.Contains(Sqlite.SqliteStore.ContentHash(d.Text));
        foreach (var x in OrderedExtraction.Run(items, options.Extractor, options.Workers, known, cancel))
        {
            if (x.IsWarning)
            {
                report(x.Error!);
                s = s with { Warnings = s.Warnings + 1 };
                continue;
            }
            s = s with { Items = s.Items + 1 };
            if (x.Error is { } err)
            {
                report(err);
                s = s with { Failed = s.Failed + 1 };
            }
            else
            {
                var doc = x.Document!;
                try
                {
                    storing.Start();
                    AddResult r;
                    try { r = store.Add(doc, pipeline); }
                    finally { storing.Stop(); }
                    s = r.Duplicate
                        ? s with { Duplicates = s.Duplicates + 1 }
                        : s with
                        {
                            Stored = s.Stored + 1, Entities = s.Entities + doc.Entities.Count, Actors = s.Actors + doc.Actors.Count,
                            NewActors = s.NewActors + r.NewActors, Quotes = s.Quotes + doc.Quotes.Count, Events = s.Events + doc.Events.Count,
                            Words = s.Words + Sqlite.SqliteStore.CountWords(doc.Text),
                        };
                    foreach (var w in x.Warnings) { report(w); s = s with { Warnings = s.Warnings + 1 }; }
                    onStored?.Invoke(new ItemStored(x.Raw!.Source, x.Raw.Line, doc.Id, r.ArticleId, r.Duplicate));
                }
                catch (DossierException e)
                {
                    report(new ItemError(x.Raw!.Source, x.Raw.Line, e.Error));
                    s = s with { Failed = s.Failed + 1 };
                }
            }
            if (onProgress is not null && clock.Elapsed - last >= options.ProgressInterval)
            {
                last = clock.Elapsed;
                onProgress(s with { Elapsed = clock.Elapsed, StoreTime = storing.Elapsed });
            }
        }
        return s with { Elapsed = clock.Elapsed, StoreTime = storing.Elapsed };
    }
}
