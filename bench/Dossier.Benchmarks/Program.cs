using BenchmarkDotNet.Running;
using Dossier.Benchmarks;

// Usage: dotnet run -c Release --project bench/Dossier.Benchmarks -- [--quick] [--articles N] [BenchmarkDotNet options]
//   --filter '*'          every benchmark (BenchmarkDotNet's switcher; with no filter it asks interactively)
//   --quick               one benchmark (the full default extraction) with a trimmed job, unless a --filter is given
//   --articles N          sample size (first N BBC articles; default 300)
//   --store-steps         diagnostic: time of each step of IStore.Add as the store fills (no BenchmarkDotNet);
//                         --batch N articles per transaction (default: ingest's group commit);
//                         --from PATH starts from a copy of that store (timing the steps at its size)
var rest = new List<string>();
bool quick = false;
int? articles = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--quick") quick = true;
    else if (args[i] == "--from" && i + 1 < args.Length) { StoreProbe.StartFrom = args[i + 1]; i++; }
    else if (args[i] == "--batch" && i + 1 < args.Length && int.TryParse(args[i + 1], out var b) && b > 0) { StoreProbe.BatchSize = b; i++; }
    else if (args[i] == "--articles" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0) { articles = n; i++; }
    else rest.Add(args[i]);
}
if (articles is int a) Environment.SetEnvironmentVariable(BenchSample.CountVariable, a.ToString());
if (rest.Remove("--store-steps")) { StoreProbe.Run(); return; }
if (quick && !rest.Contains("--filter") && !rest.Contains("-f")) rest.AddRange(["--filter", "*StageBenchmarks.FullDefault*"]);

Console.WriteLine($"// Dossier benchmarks: sample = {BenchSample.Origin}");
Console.WriteLine($"// {BenchSample.Words:N0} words in {BenchSample.Articles} articles; {Environment.ProcessorCount} logical cores");
BenchmarkSwitcher.FromAssembly(typeof(BenchSample).Assembly).Run([.. rest], BenchConfig.Create(quick, articles));
