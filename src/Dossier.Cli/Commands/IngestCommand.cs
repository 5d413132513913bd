using System.CommandLine;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Text;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier ingest PATH...</c>: extract and store articles.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = CommonOptions.Paths();
        var input = CommonOptions.Input();
        var published = CommonOptions.Published();
        var maxBytes = CommonOptions.MaxBytes();
        var pipeline = CommonOptions.Pipeline();
        var followLinks = CommonOptions.FollowLinks();
        var budget = CommonOptions.Budget();
        var workers = new Option<int?>("--workers") { Description = "Extraction threads (default: one per processor)", HelpName = "N" };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Extract on the silos of the cluster that meets in this PostgreSQL database (docs/cluster.md); articles are stored there too unless --db is given",
            HelpName = "postgres://…",
        };
        var cmd = new Command("ingest", "Extract articles and store them in the database (re-ingesting the same text stores nothing new)")
        {
            paths, input, published, maxBytes, pipeline, followLinks, budget, workers, cluster,
        };
        cmd.SetAction(p =>
        {
            var list = p.GetValue(paths) ?? [];
            if (list.Length == 0) throw new DossierException(Errors.NoInput());
            if (p.GetValue(cluster) is { } at)
            {
                if (p.GetValue(workers) is not null) throw new DossierException(Errors.BadOption("--workers", "with --cluster each silo's own --workers count"));
                var extractor = CommonOptions.Extractor(p.GetValue(pipeline), p.GetValue(budget)); // checks the pipeline before any silo sees it
                var db = p.GetResult(CommonOptions.Db) is { Implicit: false } ? p.GetValue(CommonOptions.Db)! : at;
                return IngestClusterRun.Run(ctx, at, list, new Dossier.Cluster.Ingest.ClusterIngestOptions
                {
                    Store = db,
                    Read = CommonOptions.BuildReadOptions(p.GetValue(input)!, p.GetValue(published), p.GetValue(maxBytes), p.GetValue(followLinks)),
                    Pipeline = p.GetValue(pipeline), BudgetSeconds = extractor.Budget.TotalSeconds,
                });
            }
            if (p.GetValue(workers) is <= 0) throw new DossierException(Errors.BadOption("--workers", "must be at least 1"));
            var options = new IngestOptions
            {
                Read = CommonOptions.BuildReadOptions(p.GetValue(input)!, p.GetValue(published), p.GetValue(maxBytes), p.GetValue(followLinks)),
                Extractor = CommonOptions.Extractor(p.GetValue(pipeline), p.GetValue(budget)),
                Workers = p.GetValue(workers) ?? Environment.ProcessorCount,
            };
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!);
            var summary = Run(ctx, store, list, options);
            ctx.Out.WriteLine("ingest: " + summary);
            if (summary.Undated > 0)
                ctx.Out.WriteLine($"undated: {summary.Undated:N0} article{(summary.Undated == 1 ? "" : "s")} stored with no publication date (relative times left unresolved; --published sets one): " +
                                  string.Join(", ", summary.UndatedItems) + (summary.Undated > summary.UndatedItems.Count ? $" … and {summary.Undated - summary.UndatedItems.Count:N0} more" : ""));
            var h = store.HappeningCounts();
            ctx.Out.WriteLine($"store: {h.Events:N0} events ({h.Mentions:N0} mentions) are {h.Happenings:N0} happenings, {h.Repeated:N0} of them told by several events");
            return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Runs an ingest with the progress display that suits the output: on a terminal a line with the items, the
    /// articles per second and the time left; otherwise nothing but the errors (a log or a pipe gets no progress noise).</summary>
    public static IngestSummary Run(CliContext ctx, IStore store, IEnumerable<string> paths, IngestOptions options)
    {
        var list = paths.ToList();
        if (!ctx.Interactive) return Run(ctx, store, ArticleReader.Read(list, options.Read), options, 0, null);
        // The files to read, counted first (a quick walk), so the time left can be told from the files begun.
        int total = CountFiles(list);
        var begun = new HashSet<string>(StringComparer.Ordinal);
        var items = ArticleReader.Read(list, options.Read).Select(i => { lock (begun) begun.Add(i.Article?.Source ?? i.Error?.Source ?? ""); return i; });
        return Run(ctx, store, items, options, total, () => { lock (begun) return begun.Count; });
    }

    /// <summary>Runs an ingest of already-read items (see the other overload); no time left is told.</summary>
    public static IngestSummary Run(CliContext ctx, IStore store, IEnumerable<InputItem> paths, IngestOptions options) =>
        Run(ctx, store, paths, options, 0, null);

    /// <summary>Most files counted before an ingest to tell the time left (past it, no estimate is shown).</summary>
    public const int MaxCountedFiles = 1_000_000;

    private static IngestSummary Run(CliContext ctx, IStore store, IEnumerable<InputItem> paths, IngestOptions options, int totalFiles, Func<int>? filesBegun)
    {
        if (!ctx.Interactive) return Ingestion.Run(store, paths, options, e => ctx.Err.WriteLine(e.ToString()));

        // Spectre draws the line on the terminal; errors are held back so they do not tear it, then printed after it.
        var errors = new List<ItemError>();
        IngestSummary summary = new();
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("ingesting", autoStart: true);
                task.IsIndeterminate = true;
                summary = Ingestion.Run(store, paths, options with { ProgressInterval = TimeSpan.FromMilliseconds(250) }, errors.Add,
                    s => task.Description = Describe(s, totalFiles, filesBegun?.Invoke() ?? 0));
                task.StopTask();
            });
        foreach (var e in errors) ctx.Err.WriteLine(e.ToString());
        return summary;
    }

    // "1,204 items · 96 articles/s · 2 failed · about 3 min left (812 of 2,225 files)".
    internal static string Describe(IngestSummary s, int totalFiles, int filesBegun)
    {
        double secs = s.Elapsed.TotalSeconds;
        var line = $"{s.Items:N0} items · {s.Stored:N0} stored · {s.Duplicates:N0} duplicates · {s.Failed:N0} failed · {(secs > 0 ? (s.Stored + s.Duplicates) / secs : 0):N0} articles/s";
        if (totalFiles > 1 && filesBegun > 0 && secs >= 1)
        {
            var left = TimeSpan.FromSeconds(secs * Math.Max(0, totalFiles - filesBegun) / filesBegun);
            line += $" · about {Left(left)} left ({filesBegun:N0} of {totalFiles:N0} files)";
        }
        return line;
    }

    private static string Left(TimeSpan t) => t.TotalSeconds < 60 ? $"{Math.Max(1, (int)t.TotalSeconds)} s" : t.TotalMinutes < 90 ? $"{(int)Math.Round(t.TotalMinutes)} min" : $"{t.TotalHours:N1} h";

    // Regular files under the paths (standard input and unreadable folders count as nothing); 0 past MaxCountedFiles.
    private static int CountFiles(List<string> paths)
    {
        int n = 0;
        try
        {
            foreach (var p in paths)
            {
                if (File.Exists(p)) n++;
                else if (Directory.Exists(p))
                    foreach (var _ in Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
                        if (++n > MaxCountedFiles) return 0;
            }
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
        return n;
    }
}
