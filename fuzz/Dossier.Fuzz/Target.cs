namespace Dossier.Fuzz;

/// <summary>Something the harness feeds inputs to: it makes inputs from a random source and runs one, throwing on a failure.</summary>
/// <remarks>
/// <see cref="Execute"/> throws when the code under test breaks its contract: an exception escaping it, or a
/// <see cref="FuzzFailure"/> for a broken invariant (an offset outside the text, a malformed error code, a caught crash
/// reported as DSR204). Targets are stateless and safe to run from several threads.
/// </remarks>
public abstract class Target
{
    /// <summary>Short name used on the command line and in case file names.</summary>
    public abstract string Name { get; }
    /// <summary>Share of the iterations this target gets relative to the others (a slow target gets fewer).</summary>
    public virtual int Weight => 1;
    /// <summary>Largest input this target is given, in bytes or characters, as a share of the run's size limit.</summary>
    public virtual int MaxLength(int runLimit) => runLimit;

    /// <summary>A new input: generated, taken from the corpus, mutated; its length stays within <paramref name="maxLength"/>.</summary>
    public abstract FuzzInput Generate(Rng rng, Corpus corpus, int maxLength);

    /// <summary>Runs one input; returns normally when every oracle holds.</summary>
    public abstract void Execute(FuzzInput input);

    /// <summary>A small ordinary input, run once before timing starts so that loading and JIT are not counted as a hang.</summary>
    public abstract FuzzInput WarmUp { get; }
}

/// <summary>A broken invariant or a crash a component caught and reported instead of throwing.</summary>
/// <param name="kind">Stable short description used to tell findings apart ("token out of order", "DSR204 IndexOutOfRangeException").</param>
public sealed class FuzzFailure(string kind, string detail, string? innerStack = null) : Exception($"{kind}: {detail}")
{
    public string Kind { get; } = kind;
    public string Detail { get; } = detail;
    /// <summary>Stack of the exception a component caught, when it could be recovered.</summary>
    public string? InnerStack { get; } = innerStack;
    /// <summary>Method where the caught exception was thrown (for telling apart crashes of the same type), or null.</summary>
    public string? InnerFrame { get; init; }
}
