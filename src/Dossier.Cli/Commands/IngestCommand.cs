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
        var cmd = new Command("ingest", "Extract articles and store them in the database (re-ingesting the same text stores nothing new)")
        {
            paths, input, published, maxBytes, pipeline, followLinks, budget, workers,
        };
        cmd.SetAction(p =>
        {
            var list = p.GetValue(paths) ?? [];
            if (list.Length == 0) throw new DossierException(Errors.NoInput());
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

    /// <summary>Runs an ingest with the progress display that suits the output: a bar on a terminal, plain lines on stderr otherwise.</summary>
    public static IngestSummary Run(CliContext ctx, IStore store, IEnumerable<string> paths, IngestOptions options) =>
        Run(ctx, store, ArticleReader.Read(paths, options.Read), options);

    /// <summary>Runs an ingest of already-read items (see the other overload).</summary>
    public static IngestSummary Run(CliContext ctx, IStore store, IEnumerable<InputItem> paths, IngestOptions options)
    {
        if (!ctx.Interactive)
            return Ingestion.Run(store, paths, options, e => ctx.Err.WriteLine(e.ToString()),
                s => ctx.Err.WriteLine($"ingest: {s.Items:N0} items, {s.Stored:N0} stored, {s.Failed:N0} failed, {s.WordsPerSecond:N0} words/s"));

        // Spectre draws the bar on the terminal; errors are held back so they do not tear it, then printed after it.
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
                    s => task.Description = $"{s.Items:N0} items · {s.Stored:N0} stored · {s.Duplicates:N0} duplicates · {s.Failed:N0} failed · {s.WordsPerSecond:N0} words/s");
                task.StopTask();
            });
        foreach (var e in errors) ctx.Err.WriteLine(e.ToString());
        return summary;
    }
}
