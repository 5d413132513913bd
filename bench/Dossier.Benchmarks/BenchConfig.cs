using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Dossier.Benchmarks;

/// <summary>The suite's configuration: a short job (the machine has 2 shared cores), memory figures and throughput columns.</summary>
public static class BenchConfig
{
    /// <summary>Builds the config; <paramref name="quick"/> trims the job to one warmup and three measured iterations.</summary>
    public static IConfig Create(bool quick, int? articles)
    {
        // Each invocation processes the whole sample (hundreds of ms to seconds), so one invocation per iteration is enough
        // and lets pipeline stages get freshly cleaned documents from [IterationSetup].
        var job = Job.Default
            .WithId(quick ? "Quick" : "Short")
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 3)
            .WithIterationCount(quick ? 3 : 10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1);
        if (articles is int n)
            job = job.WithEnvironmentVariables(new EnvironmentVariable(BenchSample.CountVariable, n.ToString()));
        return ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn(ThroughputColumn.Kind.WordsPerSecond))
            .AddColumn(new ThroughputColumn(ThroughputColumn.Kind.ArticlesPerSecond))
            .AddColumn(new ThroughputColumn(ThroughputColumn.Kind.AllocatedPerArticle))
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .WithOption(ConfigOptions.JoinSummary, true)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
    }
}

/// <summary>Throughput over the whole sample: words/s, articles/s, or allocated KB per article.</summary>
/// <remarks>Computed in the host from the mean time of one invocation (= the whole sample) and the sample's own counts.</remarks>
public sealed class ThroughputColumn(ThroughputColumn.Kind kind) : IColumn
{
    /// <summary>Which figure the column shows.</summary>
    public enum Kind { WordsPerSecond, ArticlesPerSecond, AllocatedPerArticle }

    public string Id => "Dossier." + kind;
    public string ColumnName => kind switch
    {
        Kind.WordsPerSecond => "Words/s",
        Kind.ArticlesPerSecond => "Articles/s",
        _ => "Alloc/article",
    };
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => (int)kind;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => kind switch
    {
        Kind.WordsPerSecond => "Whitespace words of the cleaned sample texts per second (single thread)",
        Kind.ArticlesPerSecond => "Sample articles per second (single thread)",
        _ => "Allocated managed memory per sample article",
    };

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats || stats.Mean <= 0) return "-";
        double seconds = stats.Mean / 1e9;
        return kind switch
        {
            Kind.WordsPerSecond => (BenchSample.Words / seconds).ToString("N0"),
            Kind.ArticlesPerSecond => (BenchSample.Articles / seconds).ToString("N1"),
            _ => Allocated(report) is double b ? (b / BenchSample.Articles / 1024).ToString("N1") + " KB" : "-",
        };
    }

    private static double? Allocated(BenchmarkReport report)
    {
        foreach (var m in report.Metrics.Values)
            if (m.Descriptor.Id == "Allocated Memory" || m.Descriptor.DisplayName == "Allocated") return m.Value;
        return null;
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public override string ToString() => ColumnName;
}
