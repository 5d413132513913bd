using Microsoft.AspNetCore.Http;

namespace Dossier.Web;

/// <summary>
/// A bound on one kind of expensive request (search, export) across all clients: so many run at once, so many more wait in
/// line for a short time, and the rest are refused at once (503) with an estimate of the wait.
/// </summary>
/// <remarks>
/// Cheap reads never pass through a gate, so a burst of heavy searches takes at most <see cref="Slots"/> threads and the rest of
/// the API goes on. The wait a refused request is told (Retry-After) is measured, not made up: the mean time of the last requests
/// through this gate times the requests ahead of a newcomer, shared by the places. Thread-safe.
/// </remarks>
internal sealed class WorkGate
{
    private readonly SemaphoreSlim _places;
    private readonly int _queue;
    private readonly TimeSpan _wait;
    private readonly TimeProvider _clock;
    private int _waiting;
    private long _meanTicks; // moving mean of the time a request held its place (each new one weighs 1/4)

    /// <summary>A gate for <paramref name="work"/> with <paramref name="slots"/> places, <paramref name="queue"/> in line, each
    /// waiting at most <paramref name="wait"/>.</summary>
    public WorkGate(string work, int slots, int queue, TimeSpan wait, TimeProvider clock)
    {
        Work = work;
        Slots = slots;
        _places = new SemaphoreSlim(slots, slots);
        _queue = queue;
        _wait = wait;
        _clock = clock;
    }

    /// <summary>What passes this gate ("search"), for messages.</summary>
    public string Work { get; }

    /// <summary>How many requests run at once.</summary>
    public int Slots { get; }

    /// <summary>Requests waiting for a place now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A place, held until the pass is disposed; null when the line is full or the wait ran out.</summary>
    public async Task<IDisposable?> Enter(CancellationToken cancellationToken)
    {
        if (!_places.Wait(0))
        {
            if (Interlocked.Increment(ref _waiting) > _queue)
            {
                Interlocked.Decrement(ref _waiting);
                return null;
            }
            try
            {
                if (!await _places.WaitAsync(_wait, cancellationToken)) return null;
            }
            finally { Interlocked.Decrement(ref _waiting); }
        }
        return new Pass(this, _clock.GetTimestamp());
    }

    /// <summary>The expected wait for a newcomer, in whole seconds and at least 1: the mean time a request holds a place, times the
    /// requests running and waiting, over the places.</summary>
    public long RetryAfterSeconds()
    {
        double ahead = Slots + Waiting;
        double seconds = TimeSpan.FromTicks(Interlocked.Read(ref _meanTicks)).TotalSeconds * ahead / Slots;
        return Math.Max(1, (long)Math.Ceiling(seconds));
    }

    private void Leave(long started)
    {
        long took = _clock.GetElapsedTime(started).Ticks;
        long mean, next;
        do
        {
            mean = Interlocked.Read(ref _meanTicks);
            next = mean == 0 ? took : mean + (took - mean) / 4;
        } while (Interlocked.CompareExchange(ref _meanTicks, next, mean) != mean);
        _places.Release();
    }

    private sealed class Pass(WorkGate gate, long started) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) gate.Leave(started);
        }
    }
}

/// <summary>The gates of one app: searches and exports (see <see cref="WebLimits"/>).</summary>
internal sealed class WorkGates(TimeProvider clock)
{
    /// <summary>Full-text searches with a prefix term (<see cref="ExpensiveWork.PrefixSearch"/>).</summary>
    public WorkGate Search { get; } = new("search", WebLimits.MaxConcurrentSearches, WebLimits.SearchQueueLength, TimeSpan.FromSeconds(WebLimits.QueueWaitSeconds), clock);

    /// <summary>The export of everything stored.</summary>
    public WorkGate Export { get; } = new("export", WebLimits.MaxConcurrentExports, WebLimits.ExportQueueLength, TimeSpan.FromSeconds(WebLimits.QueueWaitSeconds), clock);
}

/// <summary>Endpoint metadata: requests to the endpoint (those for which <see cref="When"/> holds, if given) pass the gate of
/// <see cref="Kind"/>.</summary>
internal sealed record ExpensiveWork(string Kind, Func<HttpContext, bool>? When = null)
{
    /// <summary>A full-text search with a prefix term. FTS5 expands "a*" into every indexed word that starts with "a": the one kind
    /// of search whose cost grows with the corpus (seconds on the BBC store, where a search of whole words, even of common ones,
    /// is an index lookup per word and takes milliseconds). Whole-word searches pass no gate, so they never wait behind these.</summary>
    public static readonly ExpensiveWork PrefixSearch = new("search", ctx => ctx.Request.Query["q"].ToString().Contains('*'));

    /// <summary>The export of everything stored.</summary>
    public static readonly ExpensiveWork Export = new("export");
}
