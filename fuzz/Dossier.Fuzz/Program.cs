using System.Globalization;

namespace Dossier.Fuzz;

/// <summary>The command line of the harness (dotnet run -c Release --project fuzz/Dossier.Fuzz -- [options]; fuzz/README.md):
/// parse, run or replay, print the summary, exit 1 on a finding.</summary>
internal static class Cli
{
    private const string Usage = """
        usage: Dossier.Fuzz [options]
          --seconds N          run for N seconds (default 60 when no --iterations is given)
          --iterations N       run N inputs (with --seconds: whichever comes first)
          --seed N             seed of the run (default 1); iteration i's input depends only on the seed and i
          --targets LIST       all (default) or a comma-separated list of: read, clean, segment, timex, csv, extract
          --out DIR            keep each new finding there (fuzz/cases); without it findings are only printed
          --hang-seconds S     time one input may take before it counts as a hang (default 5)
          --max-input N        largest input in bytes or characters (default 65536; extract gets at most 4096)
          --jobs N             parallel fuzzing loops (default 1)
          --first N            number of the first iteration (default 0)
          --iteration N        run only iteration N (with --seed and --targets as in the run that found it)
          --keep               with --iteration and --out: write that input as a case without running it
                               (for an input that ends the process, which the harness cannot catch)
          --replay FILE...     run case files (fuzz/cases) through their targets and report each
          --no-corpus          inputs from the generators only (no fuzz/cases, data/samples)
          --minimise-seconds S time spent shrinking one finding (default 30)
          --progress S         print a progress line every S seconds (default 30)
        exit code: 0 nothing found, 1 findings, 2 bad usage
        """;

    public static int Main(string[] args)
    {
        try { return Run(args); }
        catch (UsageException e) { Console.Error.WriteLine($"Dossier.Fuzz: {e.Message}\n{Usage}"); return 2; }
    }

    private sealed class UsageException(string m) : Exception(m);

    private static int Run(string[] args)
    {
        double? seconds = null; long? iterations = null, iteration = null; ulong seed = 1; long first = 0;
        string targetSpec = "all"; string? outDir = null; double hang = FuzzOptions.DefaultHangLimit.TotalSeconds;
        int maxInput = FuzzOptions.DefaultMaxInput, jobs = 1; bool keep = false, corpus = true;
        double minimise = FuzzOptions.DefaultMinimiseBudget.TotalSeconds, progress = 30;
        var replay = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new UsageException($"{args[i - 1]} needs a non-negative number");
            switch (args[i])
            {
                case "--seconds": seconds = Number(); break;
                case "--iterations": iterations = (long)Number(); break;
                case "--seed": seed = ulong.TryParse(Value(), out var s) ? s : throw new UsageException("--seed needs a whole number"); break;
                case "--targets": targetSpec = Value(); break;
                case "--out": outDir = Value(); break;
                case "--hang-seconds": hang = Number(); break;
                case "--max-input": maxInput = Math.Max(1, (int)Number()); break;
                case "--jobs": jobs = Math.Clamp((int)Number(), 1, Journal.MaxJobs); break;
                case "--first": first = (long)Number(); break;
                case "--iteration": iteration = (long)Number(); break;
                case "--keep": keep = true; break;
                case "--no-corpus": corpus = false; break;
                case "--minimise-seconds": minimise = Number(); break;
                case "--progress": progress = Math.Max(1, Number()); break;
                case "--replay":
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) replay.Add(args[++i]);
                    if (replay.Count == 0) throw new UsageException("--replay needs at least one file");
                    break;
                case "-h" or "--help": Console.WriteLine(Usage); return 0;
                default: throw new UsageException($"unknown option '{args[i]}'");
            }
        }
        if (replay.Count > 0) return Replay(replay, TimeSpan.FromSeconds(hang));
        var targets = Targets.Parse(targetSpec) ?? throw new UsageException($"unknown target in '{targetSpec}' (known: all, {string.Join(", ", Targets.All.Select(t => t.Name))})");
        if (iteration is not null) { first = iteration.Value; iterations = 1; seconds = null; jobs = 1; }
        else if (seconds is null && iterations is null) seconds = 60;

        var root = RepoRoot();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var options = new FuzzOptions
        {
            Seed = seed, Iterations = iterations, Duration = seconds is { } sec ? TimeSpan.FromSeconds(sec) : null, FirstIteration = first,
            Targets = targets, HangLimit = TimeSpan.FromSeconds(hang), MaxInput = maxInput, OutDir = outDir, Jobs = jobs,
            MinimiseBudget = TimeSpan.FromSeconds(minimise), Corpus = corpus && root is not null ? Corpus.Load(root) : Corpus.Empty,
            Log = Console.Out, ProgressEvery = TimeSpan.FromSeconds(progress), Cancel = cancel.Token,
        };
        if (outDir is not null && Journal.Read(outDir) is { } died)
            Console.WriteLine($"warning: the previous run in {outDir} (seed {died.Seed}, targets {died.Targets}) did not end normally while running iteration(s) " +
                $"{string.Join(", ", died.Iterations)}; unless it was stopped by hand, reproduce with --seed {died.Seed} --targets {died.Targets} --iteration N, " +
                "and keep the input with --keep if it ends the process");
        var fuzzer = new Fuzzer(options);
        if (iteration is { } it)
        {
            var t = fuzzer.TargetOf(it);
            var input = fuzzer.InputOf(it);
            Console.WriteLine($"iteration {it}: target {t.Name}, input {input}");
            if (keep)
            {
                if (outDir is null) throw new UsageException("--keep needs --out");
                Console.WriteLine($"kept as {CaseFile.Save(outDir, $"{t.Name}-process-crash", t.Name, input)}");
                return 0;
            }
        }
        Console.WriteLine($"dossier-fuzz: seed {seed}, targets {string.Join(',', targets.Select(t => t.Name))}, " +
            $"{(seconds is { } x ? $"{x:0.#} s" : "")}{(seconds is not null && iterations is not null ? " or " : "")}{(iterations is { } n ? $"{n:N0} inputs" : "")}, " +
            $"corpus {options.Corpus.Seeds.Count} files{(outDir is null ? "" : $", findings kept in {outDir}")}");
        var report = fuzzer.Run();
        Console.Write(report.Summary(options, detailed: false));
        return report.Findings.Count > 0 ? 1 : 0;
    }

    // Each file is run through its target: harness cases through the one they name, any other file through the reader.
    private static int Replay(List<string> files, TimeSpan limit)
    {
        int failed = 0;
        using var wd = new Watchdog();
        foreach (var path in files)
        {
            var (target, input) = CaseOf(path);
            var o = wd.Run(() => target.Execute(input), limit);
            if (!o.Failed) { Console.WriteLine($"ok      {path} ({target.Name}, {o.Elapsed.TotalMilliseconds:F0} ms)"); continue; }
            failed++;
            Console.WriteLine($"FAILED  {path} ({target.Name}): {(o.Hung ? $"still running after {limit.TotalSeconds:0.#} s" : Signature.Of(target, o.Error!))}");
            if (o.Error is { } e) Console.WriteLine(e is FuzzFailure { InnerStack: { } s } f ? $"{f.Message}\n{s}" : e.ToString());
        }
        return failed > 0 ? 1 : 0;
    }

    private static (Target, FuzzInput) CaseOf(string path)
    {
        if (CaseFile.TryLoad(path) is { } c)
            return (Targets.Named(c.Target) ?? throw new UsageException($"{path} names an unknown target '{c.Target}'"), c.Input);
        if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
        return (Targets.Named("read")!, new BytesInput(Path.GetFileName(path), File.ReadAllBytes(path)));
    }

    // The folder holding Dossier.slnx, above the working directory or the program; null when run elsewhere.
    private static string? RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Dossier.slnx"))) return d.FullName;
        return null;
    }
}
