using Dossier.Cluster.Hosting;
using Dossier.Cluster.Wire;
using Dossier.Store.Ingest;
using Dossier.Text;
using Orleans.Runtime;

namespace Dossier.Cluster.Ingest;

/// <summary>An input item after extraction on a silo, with the silo that extracted it (null when none did).</summary>
public readonly record struct ClusterExtracted(Extracted X, string? Silo);

/// <summary>Extraction spread over the cluster's silos, results in input order: the cluster's counterpart of
/// <see cref="OrderedExtraction"/>.</summary>
/// <remarks>
/// <para>Reading is sequential on its own thread and numbers the items; each article goes to the live silo with the most
/// room (<see cref="ClusterLimits.ItemsPerWorker"/> × its workers), so a faster silo takes more; the consumer receives
/// results strictly by number. At most <see cref="ClusterLimits.MaxItemsAhead"/> items are read and not yet consumed.</para>
/// <para>Nothing is lost: an item stays here, with its raw bytes, until its result is consumed. A call that fails or times
/// out, and every call in flight to a silo that leaves the cluster (the client asks which silos are active every
/// <see cref="ClusterLimits.SiloRefresh"/>), sends the item again to another silo; a late answer to an abandoned attempt
/// is ignored (each attempt has a number). Extraction is deterministic, so whichever answer is taken, the document is the
/// same. After <see cref="ClusterLimits.MaxAttempts"/> failed attempts the item fails with DSR604 and the run goes on.</para>
/// </remarks>
public sealed class ClusterExtraction
{
    private readonly ClusterConnection _cluster;
    private readonly string? _pipeline;
    private readonly double _budget;
    private readonly object _gate = new();

    // Everything below is guarded by _gate.
    private readonly Dictionary<string, Slot> _silos = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Job, long> _ready = new();           // lowest number first: retries go before new items
    private readonly Dictionary<long, ClusterExtracted> _done = new();
    private readonly Dictionary<long, Job> _flying = new();               // items whose current attempt is on a silo
    private readonly Dictionary<string, long> _perSilo = new(StringComparer.Ordinal);
    private Exception? _failure;
    private long _total = -1;
    private DateTime _noSilosSince = DateTime.UtcNow;
    private long _resent;

    /// <param name="pipeline">The pipeline configuration string (null: the default pipeline).</param>
    /// <param name="budgetSeconds">Each article's time budget on the silo.</param>
    public ClusterExtraction(ClusterConnection cluster, string? pipeline, double budgetSeconds)
    {
        _cluster = cluster;
        _pipeline = pipeline;
        _budget = budgetSeconds;
    }

    /// <summary>Articles sent again after their silo failed or left.</summary>
    public long Resent { get { lock (_gate) return _resent; } }

    /// <summary>Articles extracted per silo name (answers taken, in this run).</summary>
    public IReadOnlyDictionary<string, long> PerSilo { get { lock (_gate) return new Dictionary<string, long>(_perSilo); } }

    private sealed class Slot(SiloInfo info, int capacity)
    {
        public SiloInfo Info { get; } = info;
        public int Capacity { get; } = capacity;
        public int InFlight;
        /// <summary>Items sent to it in this run.</summary>
        public long Sent;
        public bool Gone;
    }

    private sealed class Job(long seq, InputItem item, byte[] raw)
    {
        public long Seq { get; } = seq;
        public InputItem Item { get; } = item;
        public byte[] Raw { get; } = raw;
        public int Attempt;               // number of the attempt whose answer counts
        public int Failures;
        public Slot? At;
        public string? LastError;
        public HashSet<string>? Avoid;    // silos that failed this item
    }

    /// <summary>Extracts every item on the cluster; yields results in input order.</summary>
    /// <exception cref="DossierException">DSR603 when no silo is active for <see cref="ClusterLimits.ConnectTimeout"/>.</exception>
    public IEnumerable<ClusterExtracted> Run(IEnumerable<InputItem> items, CancellationToken cancel = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var window = new SemaphoreSlim(ClusterLimits.MaxItemsAhead);
        var reader = new Thread(() => Read(items, window, stop.Token)) { IsBackground = true, Name = "dossier-cluster-read" };
        var watcher = Task.Run(() => Watch(stop.Token));
        reader.Start();
        try
        {
            for (long next = 0; ; next++)
            {
                ClusterExtracted r;
                lock (_gate)
                {
                    while (!_done.Remove(next, out r))
                    {
                        if (_failure is { } f) throw f is DossierException d ? new DossierException(d.Error) : new InvalidOperationException(f.Message, f);
                        if (_total >= 0 && next >= _total) yield break;
                        cancel.ThrowIfCancellationRequested();
                        Monitor.Wait(_gate, 200);
                    }
                }
                window.Release();
                yield return r;
            }
        }
        finally
        {
            stop.Cancel();
            lock (_gate) Monitor.PulseAll(_gate);
            if (reader.IsAlive) reader.Join();
            try { watcher.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }

    private void Read(IEnumerable<InputItem> items, SemaphoreSlim window, CancellationToken stop)
    {
        long seq = 0;
        try
        {
            foreach (var item in items)
            {
                window.Wait(stop);
                long n = seq++;
                if (item.Article is not { } raw)
                {
                    // A bad input item or a warning: nothing to extract; it keeps its place in the order.
                    Complete(n, new ClusterExtracted(new Extracted(null, null, item.Error), null), null);
                    continue;
                }
                var job = new Job(n, item, WireCodec.Encode(raw));
                lock (_gate) _ready.Enqueue(job, n);
                Dispatch();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e) { lock (_gate) { _failure ??= e; Monitor.PulseAll(_gate); } }
        finally { lock (_gate) { _total = seq; Monitor.PulseAll(_gate); } }
    }

    // Sends ready items to the silos with room, least loaded first, taking turns among equals.
    private void Dispatch()
    {
        while (true)
        {
            Job job;
            Slot slot;
            int attempt;
            lock (_gate)
            {
                if (_ready.Count == 0) return;
                var candidates = _silos.Values.Where(s => !s.Gone && s.InFlight < s.Capacity).ToList();
                if (candidates.Count == 0) return;
                var peek = _ready.Peek();
                var preferred = candidates.Where(s => peek.Avoid is null || !peek.Avoid.Contains(s.Info.Key)).ToList();
                // Least loaded first; among equally loaded silos the one sent least so far, so that when the writer, not
                // extraction, sets the pace (every silo idle most of the time) the silos still take turns.
                slot = (preferred.Count > 0 ? preferred : candidates).MinBy(s => ((double)s.InFlight / s.Capacity, s.Sent))!;
                job = _ready.Dequeue();
                attempt = ++job.Attempt;
                job.At = slot;
                slot.InFlight++;
                slot.Sent++;
                _flying[job.Seq] = job;
            }
            Send(job, slot, attempt);
        }
    }

    private void Send(Job job, Slot slot, int attempt)
    {
        var request = new ExtractRequest(job.Raw, _pipeline, _budget);
        _cluster.Extractor(slot.Info).Extract(request).WaitAsync(ClusterLimits.CallTimeout)
            .ContinueWith(t => Answered(job, slot, attempt, t), TaskScheduler.Default);
    }

    private void Answered(Job job, Slot slot, int attempt, Task<ExtractReply> call)
    {
        ClusterExtracted? result = null;
        string? error = null;
        if (call.IsCompletedSuccessfully)
        {
            var reply = call.Result;
            var raw = job.Item.Article!;
            try
            {
                result = reply.Document is { } bytes
                    ? new ClusterExtracted(new Extracted(raw, WireCodec.DecodeDocument(bytes), null), reply.Silo)
                    : new ClusterExtracted(new Extracted(raw, null, new ItemError(raw.Source, raw.Line, new DossierError(reply.ErrorCode ?? "DSR608", reply.ErrorMessage ?? "no reason given"))), reply.Silo);
            }
            catch (DossierException e) { error = e.Error.Message; }
        }
        else error = call.Exception?.GetBaseException().Message ?? "cancelled";

        bool retry = false;
        lock (_gate)
        {
            if (job.At == slot && job.Attempt == attempt) { slot.InFlight--; job.At = null; _flying.Remove(job.Seq); }
            if (job.Attempt != attempt || _done.ContainsKey(job.Seq)) return;   // an abandoned attempt answering late
            if (result is { } ok)
            {
                _perSilo[ok.Silo!] = _perSilo.GetValueOrDefault(ok.Silo!) + 1;
            }
            else
            {
                job.Failures++;
                job.LastError = error;
                (job.Avoid ??= new(StringComparer.Ordinal)).Add(slot.Info.Key);
                retry = job.Failures < ClusterLimits.MaxAttempts;
                if (retry) _resent++;
            }
        }
        if (result is { } r) Complete(job.Seq, r, null);
        else if (retry) Task.Delay(ClusterLimits.RetryDelay).ContinueWith(_ => { lock (_gate) _ready.Enqueue(job, job.Seq); Dispatch(); }, TaskScheduler.Default);
        else
        {
            var raw = job.Item.Article!;
            Complete(job.Seq, new ClusterExtracted(new Extracted(raw, null, new ItemError(raw.Source, raw.Line, Errors.ExtractionUnreachable(job.Failures, job.LastError ?? ""))), null), null);
        }
        Dispatch();
    }

    private void Complete(long seq, ClusterExtracted r, Exception? failure)
    {
        lock (_gate)
        {
            _done[seq] = r;
            if (failure is not null) _failure ??= failure;
            Monitor.PulseAll(_gate);
        }
    }

    // Keeps the list of silos current: new silos join the rotation; a silo that left has its articles sent elsewhere.
    private async Task Watch(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var live = await _cluster.SilosAsync().ConfigureAwait(false);
                var fresh = new List<SiloInfo>();
                lock (_gate) fresh.AddRange(live.Where(s => !_silos.ContainsKey(s.Key)));
                var capacities = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var s in fresh)
                {
                    int workers = Environment.ProcessorCount;
                    try { workers = (await _cluster.Extractor(s).Figures().WaitAsync(ClusterLimits.StatusTimeout, stop).ConfigureAwait(false)).Workers; }
                    catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException) { continue; }
                    capacities[s.Key] = Math.Max(1, workers) * ClusterLimits.ItemsPerWorker;
                }
                lock (_gate)
                {
                    var keys = live.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
                    foreach (var s in fresh)
                        if (capacities.TryGetValue(s.Key, out int cap)) _silos[s.Key] = new Slot(s, cap);
                    foreach (var slot in _silos.Values.Where(s => !keys.Contains(s.Info.Key)).ToList())
                    {
                        // Gone: every item it holds is sent again; answers to those attempts no longer count.
                        slot.Gone = true;
                        _silos.Remove(slot.Info.Key);
                        foreach (var job in _flying.Values.Where(j => j.At == slot).ToList())
                        {
                            job.Attempt++;        // the silo's late answer, if any, is ignored
                            job.At = null;
                            _flying.Remove(job.Seq);
                            _resent++;
                            _ready.Enqueue(job, job.Seq);
                        }
                        slot.InFlight = 0;
                    }
                    if (_silos.Count > 0) _noSilosSince = DateTime.UtcNow;
                    else if (DateTime.UtcNow - _noSilosSince > ClusterLimits.ConnectTimeout)
                    {
                        _failure ??= new DossierException(Errors.NoSilos(_cluster.Display, ClusterLimits.ConnectTimeout.TotalSeconds));
                        Monitor.PulseAll(_gate);
                    }
                }
                Dispatch();
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException or InvalidOperationException) { }
            try { await Task.Delay(ClusterLimits.SiloRefresh, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
