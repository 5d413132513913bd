using System.Diagnostics;
using System.Text;

namespace Dossier.Fuzz;

/// <summary>How a fuzz run is set up.</summary>
public sealed record FuzzOptions
{
    /// <summary>Default largest input, in bytes or characters (the extractor gets less: <see cref="ExtractTarget.MaxChars"/>).</summary>
    public const int DefaultMaxInput = 64 * 1024;
    /// <summary>Default time one input may take before it counts as a hang (generous: an input of 64 KB takes milliseconds).</summary>
    public static readonly TimeSpan DefaultHangLimit = TimeSpan.FromSeconds(5);
    /// <summary>Default time spent shrinking one finding.</summary>
    public static readonly TimeSpan DefaultMinimiseBudget = TimeSpan.FromSeconds(30);
    /// <summary>Default most runs spent shrinking one finding.</summary>
    public const int DefaultMinimiseRuns = 4000;
    /// <summary>Hung inputs still running on abandoned threads before the run stops (each may hold a core).</summary>
    public const int MaxAbandoned = 3;

    public ulong Seed { get; init; } = 1;
    /// <summary>Stop after this many inputs (all loops together); null: no count limit.</summary>
    public long? Iterations { get; init; }
    /// <summary>Stop after this much time; null: no time limit (then <see cref="Iterations"/> must be set).</summary>
    public TimeSpan? Duration { get; init; }
    /// <summary>Number of the first iteration (a run can go on where another stopped).</summary>
    public long FirstIteration { get; init; }
    public IReadOnlyList<Target> Targets { get; init; } = Fuzz.Targets.All;
    public TimeSpan HangLimit { get; init; } = DefaultHangLimit;
    public int MaxInput { get; init; } = DefaultMaxInput;
    /// <summary>Folder findings are written to (fuzz/cases); null: report only.</summary>
    public string? OutDir { get; init; }
    /// <summary>Fuzzing loops run in parallel, each with its own worker thread.</summary>
    public int Jobs { get; init; } = 1;
    public TimeSpan MinimiseBudget { get; init; } = DefaultMinimiseBudget;
    public int MinimiseRuns { get; init; } = DefaultMinimiseRuns;
    public Corpus Corpus { get; init; } = Corpus.Empty;
    /// <summary>Where progress lines and findings are printed as they happen; null: silent.</summary>
    public TextWriter? Log { get; init; }
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Set to stop the run early (Ctrl+C).</summary>
    public CancellationToken Cancel { get; init; }
}

/// <summary>What a run did for one target.</summary>
public sealed class TargetStats(string name)
{
    public string Name { get; } = name;
    public long Inputs;
    public TimeSpan Busy;
    public TimeSpan Slowest;
    public long SlowestIteration = -1;
    public long Findings;
    /// <summary>Inputs per second of time spent in the target.</summary>
    public double PerSecond => Busy.TotalSeconds > 0 ? Inputs / Busy.TotalSeconds : 0;
}

/// <summary>One distinct failure: its signature, the input that first showed it (minimised) and how to reproduce it.</summary>
public sealed class Finding
{
    public required string Signature { get; init; }
    public required string Target { get; init; }
    public required ulong Seed { get; init; }
    public required long Iteration { get; init; }
    public required FuzzInput Input { get; set; }
    public int OriginalLength { get; init; }
    public int MinimiseRuns { get; set; }
    /// <summary>The exception (or the caught one's stack), for the report.</summary>
    public string Detail { get; set; } = "";
    /// <summary>Where the case was written, or the existing case with the same name.</summary>
    public string? CasePath { get; set; }
    public bool AlreadyKept { get; set; }
    /// <summary>How many inputs of the run failed this way.</summary>
    public long Count;

    /// <summary>The command that regenerates and runs the input.</summary>
    public string Repro => $"--seed {Seed} --targets {Target} --iteration {Iteration}";
}

/// <summary>The outcome of a run.</summary>
public sealed class FuzzReport
{
    public required IReadOnlyList<TargetStats> Targets { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public TimeSpan Elapsed { get; init; }
    public long Inputs => Targets.Sum(t => t.Inputs);
    /// <summary>Why the run stopped before its limit, or null.</summary>
    public string? StoppedEarly { get; init; }

    /// <summary>The summary table and the findings, in full or (when they were printed as they were found) one line each.</summary>
    public string Summary(FuzzOptions o, bool detailed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"dossier-fuzz: seed {o.Seed}, {Inputs:N0} inputs in {Elapsed.TotalSeconds:F0} s ({(Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0):F0}/s), hang limit {o.HangLimit.TotalSeconds:0.#} s, {Findings.Count} finding(s)");
        sb.AppendLine($"{"target",-8} {"inputs",10} {"exec/s",9} {"slowest",9}  {"(iteration)",12} {"findings",8}");
        foreach (var t in Targets)
            sb.AppendLine($"{t.Name,-8} {t.Inputs,10:N0} {t.PerSecond,9:F0} {t.Slowest.TotalMilliseconds,7:F0}ms  {(t.SlowestIteration >= 0 ? t.SlowestIteration.ToString() : "-"),12} {t.Findings,8}");
        if (StoppedEarly is not null) sb.AppendLine($"stopped early: {StoppedEarly}");
        foreach (var f in Findings)
            sb.Append(detailed ? Describe(f) : $"FINDING {f.Signature}  ({f.Count} input(s)){(f.CasePath is { } p ? $": {p}" : "")}\n");
        return sb.ToString();
    }

    /// <summary>A finding as printed: signature, reproduction, case file, suggested README row, exception.</summary>
    public static string Describe(Finding f)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"FINDING {f.Signature}  ({f.Count} input(s))");
        sb.AppendLine($"  reproduce: dotnet run -c Release --project fuzz/Dossier.Fuzz -- {f.Repro}");
        sb.AppendLine($"  input: {f.Input} (minimised from {f.OriginalLength} in {f.MinimiseRuns} runs)");
        if (f.CasePath is { } p)
        {
            sb.AppendLine(f.AlreadyKept ? $"  already kept as {p}" : $"  kept as {p}; replay: dotnet run -c Release --project fuzz/Dossier.Fuzz -- --replay {p}");
            if (!f.AlreadyKept) sb.AppendLine($"  README row: | {Path.GetFileName(p)} | {f.Signature} |");
        }
        foreach (var line in f.Detail.Split('\n').Take(14)) sb.AppendLine("    " + line.TrimEnd());
        return sb.ToString();
    }
}

/// <summary>The fuzzing loop: generate the input of each iteration, run it under the watchdog, check the oracles, and
/// minimise, keep and report each new failure.</summary>
/// <remarks>
/// Iteration i's input depends only on the seed and i (<see cref="Rng.For"/>), never on earlier iterations, so any
/// input is reproduced by its seed, target and iteration, and parallel loops (<see cref="FuzzOptions.Jobs"/>) split the
/// iterations between them without changing them. The target of iteration i is fixed by the weights of the chosen targets.
/// </remarks>
public sealed class Fuzzer
{
    private readonly FuzzOptions _o;
    private readonly Target[] _schedule;
    private readonly Dictionary<string, TargetStats> _stats;
    private readonly Dictionary<string, Finding> _findings = new();
    private readonly List<Finding> _order = new();
    private readonly object _lock = new();
    private long _done;
    private volatile string? _stop;

    public Fuzzer(FuzzOptions options)
    {
        _o = options;
        _schedule = [.. options.Targets.SelectMany(t => Enumerable.Repeat(t, Math.Max(1, t.Weight)))];
        _stats = options.Targets.ToDictionary(t => t.Name, t => new TargetStats(t.Name));
    }

    /// <summary>The target iteration <paramref name="i"/> runs.</summary>
    public Target TargetOf(long i) => _schedule[(int)(i % _schedule.Length)];

    /// <summary>The input of iteration <paramref name="i"/>.</summary>
    public FuzzInput InputOf(long i)
    {
        var t = TargetOf(i);
        return t.Generate(Rng.For(_o.Seed, i), _o.Corpus, t.MaxLength(_o.MaxInput));
    }

    /// <summary>Runs until the iteration count or the time is reached, or the run is cancelled.</summary>
    public FuzzReport Run()
    {
        if (_o.Iterations is null && _o.Duration is null) throw new ArgumentException("a run needs an iteration count or a duration");
        WarmUp();
        var sw = Stopwatch.StartNew();
        using var journal = _o.OutDir is { } dir ? Journal.Start(dir, _o.Seed, string.Join(',', _o.Targets.Select(t => t.Name)), _o.Jobs) : null;
        var threads = new Thread[Math.Max(1, _o.Jobs)];
        for (int j = 0; j < threads.Length; j++)
        {
            int job = j;
            threads[j] = new Thread(() => Loop(job, threads.Length, sw, journal)) { IsBackground = true, Name = $"fuzz loop {job}" };
            threads[j].Start();
        }
        var lastProgress = TimeSpan.Zero;
        foreach (var t in threads)
            while (!t.Join(TimeSpan.FromMilliseconds(200)))
                if (_o.Log is { } log && sw.Elapsed - lastProgress >= _o.ProgressEvery)
                {
                    lastProgress = sw.Elapsed;
                    long n = Interlocked.Read(ref _done);
                    lock (_lock) log.WriteLine($"[{sw.Elapsed.TotalSeconds,6:F0} s] {n:N0} inputs ({n / sw.Elapsed.TotalSeconds:F0}/s), {_order.Count} finding(s)");
                }
        return new FuzzReport { Targets = [.. _o.Targets.Select(t => _stats[t.Name])], Findings = [.. _order], Elapsed = sw.Elapsed, StoppedEarly = _stop };
    }

    // Loads each target's data and compiles its code before any input is timed.
    private void WarmUp()
    {
        using var wd = new Watchdog();
        foreach (var t in _o.Targets)
        {
            var o = wd.Run(() => t.Execute(t.WarmUp), TimeSpan.FromMinutes(2));
            if (o.Failed) throw new InvalidOperationException($"target {t.Name} fails its warm-up input: {(o.Hung ? "hang" : o.Error!.ToString())}");
        }
    }

    private void Loop(int job, int jobs, Stopwatch sw, Journal? journal)
    {
        using var wd = new Watchdog();
        for (long i = _o.FirstIteration + job; ; i += jobs)
        {
            if (_stop is not null || _o.Cancel.IsCancellationRequested) return;
            if (_o.Iterations is { } n && i >= _o.FirstIteration + n) return;
            if (_o.Duration is { } d && sw.Elapsed >= d) return;
            var t = TargetOf(i);
            var input = InputOf(i);
            journal?.Mark(job, i);
            var o = wd.Run(() => t.Execute(input), _o.HangLimit);
            Interlocked.Increment(ref _done);
            var s = _stats[t.Name];
            lock (s)
            {
                s.Inputs++; s.Busy += o.Elapsed;
                if (o.Elapsed > s.Slowest) { s.Slowest = o.Elapsed; s.SlowestIteration = i; }
            }
            if (o.Failed) Found(t, input, o, i, wd);
            if (wd.Abandoned > FuzzOptions.MaxAbandoned)
                _stop = $"{wd.Abandoned} hung inputs are still running; stopping before they take the machine";
        }
    }

    /// <summary>Handles a failure: the first input with a new signature is minimised, kept and reported; later ones are counted.</summary>
    private void Found(Target t, FuzzInput input, Outcome o, long iteration, Watchdog wd)
    {
        var sig = o.Hung ? $"{t.Name}: {Signature.Hang}" : Signature.Of(t, o.Error!);
        Finding f;
        lock (_lock)
        {
            lock (_stats[t.Name]) _stats[t.Name].Findings++;
            if (_findings.TryGetValue(sig, out var known)) { Interlocked.Increment(ref known.Count); return; }
            f = new Finding { Signature = sig, Target = t.Name, Seed = _o.Seed, Iteration = iteration, Input = input, OriginalLength = input.Length, Count = 1 };
            _findings[sig] = f;
            _order.Add(f);
        }
        // A hung input cannot be shrunk cheaply: every cut that still hangs leaves another thread running.
        if (!o.Hung)
        {
            var m = Minimiser.Run(t, input, sig, wd, _o.HangLimit, _o.MinimiseBudget, _o.MinimiseRuns, FuzzOptions.MaxAbandoned);
            f.Input = m.Input; f.MinimiseRuns = m.Runs;
            var again = wd.Run(() => t.Execute(f.Input), _o.HangLimit);
            f.Detail = Detail(again.Error ?? o.Error!);
        }
        else f.Detail = $"still running after {_o.HangLimit.TotalSeconds:0.#} s";
        if (_o.OutDir is { } dir) Keep(f, dir);
        lock (_lock) _o.Log?.Write(FuzzReport.Describe(f));
    }

    private static string Detail(Exception e) => e is FuzzFailure { InnerStack: { } inner } ff ? $"{ff.Message}\n{inner}" : e.ToString();

    // Writes the case unless one of the same name (the same signature) is already kept.
    private static void Keep(Finding f, string dir)
    {
        var slug = CaseSlug(f.Signature);
        var existing = Directory.Exists(dir) ? Directory.EnumerateFiles(dir).FirstOrDefault(p => Path.GetFileName(p) is var n && (n.StartsWith(slug + ".", StringComparison.Ordinal) || n == slug)) : null;
        if (existing is not null) { f.CasePath = existing; f.AlreadyKept = true; return; }
        f.CasePath = CaseFile.Save(dir, slug, f.Target, f.Input);
    }

    /// <summary>The file name (without extension) of a finding's case: its signature without filler words.</summary>
    public static string CaseSlug(string signature) =>
        Signature.Slug(string.Join(' ', signature.Split(' ').Where(w => w is not ("at" or "in"))).Replace("Exception", ""));
}
