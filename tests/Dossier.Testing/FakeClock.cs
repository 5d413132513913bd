namespace Dossier.Testing;

/// <summary>A clock that stands still until told to move: what a store records as "now" is then known to the test.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock on.</summary>
    public void Advance(TimeSpan by) => _now += by;
}
