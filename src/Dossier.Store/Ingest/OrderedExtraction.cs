using Dossier.Text;

namespace Dossier.Store.Ingest;

/// <summary>An input item after extraction: the processed document, or the error that stopped it.</summary>
public readonly record struct Extracted(RawArticle? Raw, Documents.Document? Document, ItemError? Error);

/// <summary>Runs the extractor over input items on several workers and yields the results in input order.</summary>
/// <remarks>
/// Reading stays sequential (readers are not thread-safe); cleaning and the pipeline run in parallel; the consumer sees
/// results in the order the items were read, so a single writer can store them deterministically.
/// </remarks>
public static class OrderedExtraction
{
    /// <summary>Extracts every item with up to <paramref name="workers"/> threads, in input order.</summary>
    public static IEnumerable<Extracted> Run(IEnumerable<InputItem> items, Extractor extractor, int workers, CancellationToken cancel = default) =>
        Run(items, extractor, workers, null, cancel);

    /// <summary>As above; documents whose cleaned text <paramref name="known"/> accepts skip the pipeline (they are duplicates).</summary>
    public static IEnumerable<Extracted> Run(IEnumerable<InputItem> items, Extractor extractor, int workers, Func<Documents.Document, bool>? known,
        CancellationToken cancel = default)
    {
        workers = Math.Max(1, workers);
        return items
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(workers)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .WithCancellation(cancel)
            .Select(item => Process(item, extractor, known));
    }

    /// <summary>Extracts one item (never throws for bad input).</summary>
    public static Extracted Process(InputItem item, Extractor extractor, Func<Documents.Document, bool>? known = null)
    {
        if (item.Error is { } e) return new Extracted(null, null, e);
        var raw = item.Article!;
        var r = extractor.Extract(raw, known);
        return r.Document is { } doc
            ? new Extracted(raw, doc, null)
            : new Extracted(raw, null, new ItemError(raw.Source, raw.Line, r.Error ?? Errors.NoText()));
    }
}
