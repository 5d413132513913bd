using System.CommandLine;
using Dossier.Store;
using Dossier.Store.Sources;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier watch URL... [--list FILE] [--every 15m]</c>: follows feeds and pages until stopped, a pass every interval.</summary>
internal static class WatchCommand
{
    /// <summary>Shortest interval between passes (a feed asked more often than this is not being followed, it is being hit).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(30);

    public static Command Create(CliContext ctx)
    {
        var (urls, list, pipeline, workers) = FetchCommand.Options();
        var every = new Option<string>("--every") { Description = "Time between passes: 30s, 15m, 2h (at least 30s)", DefaultValueFactory = _ => "15m", HelpName = "INTERVAL" };
        var passes = new Option<int?>("--passes") { Description = "Stop after this many passes (default: until Ctrl+C)", HelpName = "N" };
        var cmd = new Command("watch", "Follow feeds and pages: a fetch pass every interval until stopped (Ctrl+C); " +
                                       "a restart goes on where it stopped (what was taken is in the database)") { urls, list, every, passes, pipeline, workers };
        cmd.SetAction(async (p, cancel) =>
        {
            var sources = FetchCommand.Sources(p.GetValue(urls), p.GetValue(list));
            var interval = Interval(p.GetValue(every)!);
            if (p.GetValue(passes) is <= 0) throw new DossierException(Errors.BadOption("--passes", "must be at least 1"));
            var ingest = FetchCommand.Ingest(p.GetValue(pipeline), p.GetValue(workers));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!);
            using var fetcher = new HttpFetcher();
            ctx.Err.WriteLine($"watch: {sources.Count} source(s), a pass every {interval}; Ctrl+C stops");
            for (int pass = 1; !cancel.IsCancellationRequested; pass++)
            {
                try
                {
                    var summary = await FetchCommand.Pass(ctx, store, fetcher, sources, ingest, cancel, backOff: true);
                    ctx.Out.WriteLine($"watch: pass {pass}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss}: {summary}");
                    ctx.Out.Flush();
                    if (p.GetValue(passes) is int n && pass >= n) break;
                    await Task.Delay(interval, cancel);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested) { break; }
            }
            ctx.Err.WriteLine("watch: stopped");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>"30s", "15m", "2h", "1d" (or a plain number of minutes).</summary>
    internal static TimeSpan Interval(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        double Num(string s) => double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw new DossierException(Errors.BadOption("--every", $"'{text}' is not an interval (30s, 15m, 2h)"));
        var span = t.Length > 1 && char.IsLetter(t[^1])
            ? t[^1] switch
            {
                's' => TimeSpan.FromSeconds(Num(t[..^1])), 'm' => TimeSpan.FromMinutes(Num(t[..^1])), 'h' => TimeSpan.FromHours(Num(t[..^1])),
                'd' => TimeSpan.FromDays(Num(t[..^1])), _ => throw new DossierException(Errors.BadOption("--every", $"'{text}' is not an interval (30s, 15m, 2h)")),
            }
            : TimeSpan.FromMinutes(Num(t));
        if (span < MinInterval) throw new DossierException(Errors.BadOption("--every", $"at least {MinInterval.TotalSeconds:N0}s between passes"));
        return span;
    }
}
