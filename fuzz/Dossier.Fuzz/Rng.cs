namespace Dossier.Fuzz;

/// <summary>A small deterministic random source (SplitMix64): the same seed gives the same sequence on every machine and runtime.</summary>
/// <remarks>
/// <see cref="System.Random"/> is not used because its seeded sequence is an implementation detail; a fuzz finding must be
/// reproducible from its seed and iteration alone. Not thread-safe: one instance per input.
/// </remarks>
public sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The generator for one iteration of a run: depends only on the run's seed and the iteration number.</summary>
    public static Rng For(ulong seed, long iteration) => new(Mix(seed ^ Mix((ulong)iteration + 0x9E3779B97F4A7C15UL)));

    /// <summary>A well-mixed 64-bit value of <paramref name="z"/> (the SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>A value in [0, n); 0 when n ≤ 0.</summary>
    public int Below(int n) => n <= 0 ? 0 : (int)(Next() % (ulong)n);

    /// <summary>A value in [lo, hi].</summary>
    public int Between(int lo, int hi) => hi <= lo ? lo : lo + Below(hi - lo + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (Next() >> 11) * (1.0 / (1UL << 53)) < p;

    /// <summary>A random element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>A small size, mostly short, sometimes long: 1 + a geometric-like spread up to <paramref name="max"/>.</summary>
    public int Size(int max)
    {
        if (max <= 1) return 1;
        int bits = Below(31 - int.LeadingZeroCount(max) + 1);
        return Math.Min(max, 1 + Below(1 << bits));
    }
}
