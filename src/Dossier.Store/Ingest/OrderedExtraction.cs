using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
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
/// Reading stays sequential on its own thread (readers are not thread-safe); cleaning and the pipeline run on
/// <c>workers</c> threads; the consumer sees results in the order the items were read, so a single writer can store them
/// deterministically. At most <see cref="ItemsAheadPerWorker"/> × workers items are read and not yet consumed: when the
/// consumer is slower than extraction (ingest's single writer), the workers wait instead of piling up finished documents
/// (with PLINQ's buffering the BBC ingest held hundreds of them, 327 MB at peak).
/// </remarks>
public static class OrderedExtraction
{
    /// <summary>How many items each worker may be ahead of the consumer: enough to keep every worker busy when article
    /// sizes vary, few enough that memory does not depend on the input's length.</summary>
    public const int ItemsAheadPerWorker = 8;

    /// <summary>Extracts every item with up to <paramref name="workers"/> threads, in input order.</summary>
    public static IEnumerable<Extracted> Run(IEnumerable<InputItem> items, Extractor extractor, int workers, CancellationToken cancel = default) =>
        Run(items, extractor, workers, null, cancel);

    /// <summary>As above; documents whose cleaned text <paramref name="known"/> accepts skip the pipeline (they are duplicates).
    /// When the consumer has waited <paramref name="idleAfter"/> for the next result, <paramref name="onIdle"/> runs once on
    /// its thread (ingest commits its open batch then, so a slow source does not hold the store's write lock).</summary>
    public static IEnumerable<Extracted> Run(IEnumerable<InputItem> items, Extractor extractor, int workers, Func<Documents.Document, bool>? known,
        CancellationToken cancel = default, Action? onIdle = null, TimeSpan idleAfter = default) =>
        Run(items, item => Process(item, extractor, known), Math.Max(1, workers), cancel, onIdle, idleAfter);

    /// <summary>The ordered, bounded pipeline over any per-item work (<paramref name="process"/> must not throw).</summary>
    /// <remarks>With one worker the items are processed on the consumer's thread as they are read: a wait is the reader's,
    /// and <paramref name="onIdle"/> never runs.</remarks>
    internal static IEnumerable<TResult> Run<TResult>(IEnumerable<InputItem> items, Func<InputItem, TResult> process, int workers,
        CancellationToken cancel = default, Action? onIdle = null, TimeSpan idleAfter = default)
    {
        if (workers <= 1)
        {
            foreach (var item in items)
            {
                cancel.ThrowIfCancellationRequested();
                yield return process(item);
            }
            yield break;
        }

        int window = workers * ItemsAheadPerWorker;
        var slots = new SemaphoreSlim(window);
        var queue = new BlockingCollection<(long Seq, InputItem Item)>(new ConcurrentQueue<(long, InputItem)>());
        var done = new Dictionary<long, TResult>();
        var gate = new object();
        long total = -1;              // the number of items read, once reading has ended
        ExceptionDispatchInfo? readFailure = null, workFailure = null;   // the reader's comes after the items read before it
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var wake = cancel.Register(() => { lock (gate) Monitor.PulseAll(gate); });

        void Fail(ref ExceptionDispatchInfo? slot, Exception x)
        {
            lock (gate) { slot ??= ExceptionDispatchInfo.Capture(x); Monitor.PulseAll(gate); }
        }

        var threads = new List<Thread>
        {
            new(() =>
            {
                long seq = 0;
                try
                {
                    using var e = items.GetEnumerator();
                    // The slot is taken before the item is read, so reading never runs more than the window ahead.
                    while (true)
                    {
                        slots.Wait(stop.Token);
                        if (!e.MoveNext()) break;
                        queue.Add((seq++, e.Current), stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (Exception x) { Fail(ref readFailure, x); }
                finally
                {
                    queue.CompleteAdding();
                    lock (gate) { total = seq; Monitor.PulseAll(gate); }
                }
            }) { IsBackground = true, Name = "dossier-read" },
        };
        for (int w = 0; w < workers; w++)
            threads.Add(new Thread(() =>
            {
                try
                {
                    foreach (var (seq, item) in queue.GetConsumingEnumerable(stop.Token))
                    {
                        var r = process(item);
                        lock (gate) { done[seq] = r; Monitor.PulseAll(gate); }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (Exception x) { Fail(ref workFailure, x); }
            }) { IsBackground = true, Name = $"dossier-extract-{w + 1}" });

        try
        {
            foreach (var t in threads) t.Start();
            for (long next = 0; ; next++)
            {
                cancel.ThrowIfCancellationRequested();
                bool have;
                TResult r;
                bool idled = onIdle is null;
                while (true)
                {
                    bool timedOut = false;
                    lock (gate)
                    {
                        while (true)
                        {
                            if (have = done.Remove(next, out r!)) break;
                            cancel.ThrowIfCancellationRequested();
                            workFailure?.Throw();
                            if (total >= 0 && next >= total) break;
                            if (idled) Monitor.Wait(gate);
                            else if (!Monitor.Wait(gate, idleAfter)) { timedOut = true; break; }
                        }
                    }
                    if (!timedOut) break;
                    // Outside the lock: the workers go on depositing results while the consumer does its idle work.
                    idled = true;
                    onIdle!();
                }
                if (!have)
                {
                    readFailure?.Throw();
                    yield break;
                }
                yield return r;
                slots.Release();
            }
        }
        finally
        {
            // A consumer that stops early (or a failure) ends the threads: each finishes the item in hand and leaves.
            stop.Cancel();
            foreach (var t in threads) if (t.IsAlive) t.Join();
            queue.Dispose();
            slots.Dispose();
        }
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
