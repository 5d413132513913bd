using Dossier.Text;

namespace Dossier.Store.Ingest;

/// <summary>An input item after extraction: the processed document, or the error that stopped it, or (with neither raw
/// article nor document) a warning about the input.</summary>
public readonly record struct Extracted(RawArticle? Raw, Documents.Document? Document, ItemError? Error)
{
    /// <summary>True for a warning about the input that is not an item (a guessed encoding, a link not followed).</summary>
    public bool IsWarning => Error is { Warning: true };

    /// <summary>The warnings of the extracted document (a bad publication date, a replaced surrogate), located as the item is.</summary>
    public IEnumerable<ItemError> Warnings => Document is { Warnings.Count: > 0 } d && Raw is { } r
        ? ItemError.Warnings(r.Source, r.Line, d.Warnings) : [];
}

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

    /// <summary>Extracts one item (never throws: bad input and bugs alike come back as the item's error).</summary>
    public static Extracted Process(InputItem item, Extractor extractor, Func<Documents.Document, bool>? known = null)
    {
        if (item.Error is { } e) return new Extracted(null, null, e);
        var raw = item.Article!;
        try
        {
            var r = extractor.Extract(raw, known);
            return r.Document is { } doc
                ? new Extracted(raw, doc, null)
                : new Extracted(raw, null, new ItemError(raw.Source, raw.Line, r.Error ?? Errors.NoText()));
        }
        catch (Exception x) when (x is not OutOfMemoryException)
        {
            // The extractor catches component failures itself; this is the last guard, so one item never ends the batch.
            return new Extracted(raw, null, new ItemError(raw.Source, raw.Line, Errors.ExtractionFailed("extract", x.GetType().Name + ": " + x.Message)));
        }
    }
}
