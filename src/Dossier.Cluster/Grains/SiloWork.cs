using System.Collections.Concurrent;
using System.Diagnostics;
using Dossier.Cluster.Wire;
using Dossier.Pipeline;
using Dossier.Store.Ingest;
using Dossier.Text;

namespace Dossier.Cluster.Grains;

/// <summary>A silo's extraction workers and its figures: one per silo process (a singleton service), so the figures outlive
/// the grain's activations.</summary>
/// <remarks>Thread-safe. Extraction is CPU work: it runs on the thread pool, at most <see cref="Workers"/> articles at a
/// time, so the silo's scheduler stays free to answer messages and membership probes while articles are worked on.</remarks>
public sealed class SiloWork(int workers, string name, TimeProvider clock)
{
    /// <summary>How long the "recent" throughput of <c>cluster status</c> looks back.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, workers));
    private readonly ConcurrentDictionary<(string?, double), Extractor> _extractors = new();
    private readonly Queue<long> _recent = new();   // completion timestamps within RecentWindow (under _gate)
    private readonly object _gate = new();
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private long _extracted, _failed, _busyTicks;
    private int _inWork;

    /// <summary>Articles extracted at once.</summary>
    public int Workers { get; } = Math.Max(1, workers);

    /// <summary>The silo's name (status lists it).</summary>
    public string Name { get; } = name;

    /// <summary>Extracts one article on a worker.</summary>
    public async Task<ExtractReply> ExtractAsync(ExtractRequest request)
    {
        Interlocked.Increment(ref _inWork);
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Task.Run(() => ExtractNow(request)).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
            Interlocked.Decrement(ref _inWork);
        }
    }

    private ExtractReply ExtractNow(ExtractRequest request)
    {
        long start = Stopwatch.GetTimestamp();
        ExtractReply reply;
        try
        {
            var raw = WireCodec.DecodeRaw(request.Raw);
            var x = OrderedExtraction.Process(InputItem.Ok(raw), ExtractorFor(request));
            reply = x.Document is { } doc
                ? new ExtractReply(WireCodec.Encode(doc), null, null, Name)
                : new ExtractReply(null, x.Error!.Error.Code, x.Error.Error.Message, Name);
        }
        catch (DossierException e)
        {
            reply = new ExtractReply(null, e.Error.Code, e.Error.Message, Name);
        }
        Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref reply.Document is null ? ref _failed : ref _extracted);
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            _recent.Enqueue(now);
            Prune(now);
        }
        return reply;
    }

    private Extractor ExtractorFor(ExtractRequest r) =>
        _extractors.GetOrAdd((r.Pipeline, r.BudgetSeconds), static k =>
        {
            var pipeline = string.IsNullOrWhiteSpace(k.Item1) ? DocumentPipeline.Default : DocumentPipeline.FromConfig(k.Item1);
            return new Extractor(pipeline) { Budget = TimeSpan.FromSeconds(k.Item2) };
        });

    private void Prune(long now)
    {
        long cutoff = now - (long)(RecentWindow.TotalSeconds * Stopwatch.Frequency);
        while (_recent.Count > 0 && _recent.Peek() < cutoff) _recent.Dequeue();
    }

    /// <summary>The figures since the silo started.</summary>
    public SiloFigures Figures()
    {
        long recent;
        lock (_gate)
        {
            Prune(Stopwatch.GetTimestamp());
            recent = _recent.Count;
        }
        var up = clock.GetUtcNow() - _started;
        return new SiloFigures(Name, _started, Interlocked.Read(ref _extracted), Interlocked.Read(ref _failed),
            Interlocked.Read(ref _busyTicks) / (double)Stopwatch.Frequency, Workers, Volatile.Read(ref _inWork), recent,
            Math.Min(up.TotalSeconds, RecentWindow.TotalSeconds));
    }
}
