using System.CommandLine;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Store.Sources;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier fetch URL... [--list FILE]</c>: one pass over feeds and pages: new items fetched, extracted, stored.</summary>
internal static class FetchCommand
{
    public static Command Create(CliContext ctx)
    {
        var (urls, list, pipeline, workers) = Options();
        var cmd = new Command("fetch", "Fetch feeds (RSS, Atom) and pages once: new feed items and changed pages are extracted and stored, " +
                                       "each text once; what was taken is remembered in the database") { urls, list, pipeline, workers };
        cmd.SetAction(async (p, cancel) =>
        {
            var sources = Sources(p.GetValue(urls), p.GetValue(list));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!);
            using var fetcher = new HttpFetcher();
            var summary = await Pass(ctx, store, fetcher, sources, Ingest(p.GetValue(pipeline), p.GetValue(workers)), cancel);
            ctx.Out.WriteLine("fetch: " + summary);
            return summary.Failed > 0 || summary.Refused > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return cmd;
    }

    internal static (Argument<string[]> Urls, Option<string?> List, Option<string?> Pipeline, Option<int?> Workers) Options() => (
        new Argument<string[]>("urls") { Description = "Feed or page addresses (http or https)", Arity = ArgumentArity.ZeroOrMore },
        new Option<string?>("--list") { Description = "A file of addresses to follow, one per line ('#' starts a comment)", HelpName = "FILE" },
        CommonOptions.Pipeline(),
        new Option<int?>("--workers") { Description = "Extraction threads (default: one per processor)", HelpName = "N" });

    // The addresses given and listed, each once, in order.
    internal static List<string> Sources(string[]? urls, string? list)
    {
        var all = new List<string>(urls ?? []);
        if (list is not null)
        {
            if (!File.Exists(list)) throw new DossierException(Errors.BadOption("--list", $"'{list}' does not exist"));
            all.AddRange(File.ReadLines(list).Select(l => (l.IndexOf('#') is int h and >= 0 ? l[..h] : l).Trim()).Where(l => l.Length > 0));
        }
        var distinct = all.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) throw new DossierException(Errors.BadOption("urls", "give at least one feed or page address, or --list FILE"));
        foreach (var u in distinct)
            if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new DossierException(Errors.BadSourceUrl(u, "only absolute http and https addresses are followed"));
        return distinct;
    }

    internal static IngestOptions Ingest(string? pipeline, int? workers)
    {
        if (workers is <= 0) throw new DossierException(Errors.BadOption("--workers", "must be at least 1"));
        return new IngestOptions { Extractor = CommonOptions.Extractor(pipeline), Workers = workers ?? Environment.ProcessorCount };
    }

    // One pass: a line per fetch on standard error, each failed item too.
    internal static Task<FollowSummary> Pass(CliContext ctx, IStore store, HttpFetcher fetcher, IReadOnlyList<string> sources, IngestOptions ingest, CancellationToken cancel, bool backOff = false) =>
        Following.RunOnceAsync(store, fetcher, sources, ingest, line => { ctx.Err.WriteLine(line); ctx.Err.Flush(); }, e => ctx.Err.WriteLine(e.ToString()), cancel, backOff);
}
