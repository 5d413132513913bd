using System.Threading.RateLimiting;

namespace Dossier.Web;

/// <summary>
/// "N requests a minute" for one client as a token bucket that refills continuously: a client may make N requests at once, then
/// one every 60/N seconds; a refused request learns exactly when the next one is allowed (its Retry-After).
/// </summary>
/// <remarks>
/// Kept as one instant (the generic cell rate algorithm): <c>_full</c> is when the bucket will be full again; each request moves it
/// one interval later, and a request is refused when that would put it more than the bucket's size ahead of now. So the wait of a
/// refused request is an exact difference of instants, where a fixed window could only say "the window's length" (one minute).
/// The time comes from a <see cref="TimeProvider"/> (tests move a fake one). Thread-safe: one lock around two longs.
/// </remarks>
internal sealed class SteadyRateLimiter : RateLimiter
{
    private readonly TimeProvider _clock;
    private readonly long _origin;     // the clock's timestamp of tick 0
    private readonly long _interval;   // ticks per request at the steady rate: one minute / N
    private readonly long _burst;      // ticks the bucket holds: N intervals
    private readonly int _permits;
    private readonly Lock _lock = new();
    private long _full;                // ticks since _origin at which the bucket is full again
    private long _granted, _refused;

    /// <summary>A full bucket of <paramref name="perMinute"/> (at least 1) requests.</summary>
    public SteadyRateLimiter(int perMinute, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        _clock = clock;
        _origin = clock.GetTimestamp();
        _permits = perMinute;
        _interval = TimeSpan.TicksPerMinute / perMinute;
        _burst = _interval * perMinute;
    }

    private long Now => _clock.GetElapsedTime(_origin).Ticks;

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            // Idle only once full again: the partitioned limiter drops idle limiters, and a partly used bucket must not be
            // dropped (its client would come back to a full one).
            lock (_lock)
            {
                long now = Now;
                return _full <= now ? TimeSpan.FromTicks(now - _full) : null;
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            long ahead = Math.Max(0, _full - Now);
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (_burst - ahead) / _interval, CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted, TotalFailedLeases = _refused,
            };
        }
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permits);
        lock (_lock)
        {
            long now = Now;
            long start = Math.Max(_full, now);
            // Zero permits asks whether one would be granted, without taking it.
            long next = start + _interval * Math.Max(permitCount, 1);
            if (next - now <= _burst)
            {
                if (permitCount > 0) _full = next;
                _granted++;
                return Lease.Granted;
            }
            _refused++;
            return new Lease(TimeSpan.FromTicks(next - now - _burst));
        }
    }

    /// <inheritdoc/>
    /// <remarks>No queue: a request over the rate is refused at once with its Retry-After.</remarks>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
