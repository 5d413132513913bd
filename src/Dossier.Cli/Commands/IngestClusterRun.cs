using Dossier.Cluster;
using Dossier.Cluster.Hosting;
using Dossier.Cluster.Ingest;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier ingest --cluster postgres://… PATH...</c>: the output of an ingest through the cluster.</summary>
internal static class IngestClusterRun
{
    public static int Run(CliContext ctx, string cluster, IReadOnlyList<string> paths, ClusterIngestOptions options)
    {
        var result = Task.Run(async () =>
        {
            await using var connection = await ClusterConnection.ConnectAsync(cluster, ClusterLimits.ConnectTimeout).ConfigureAwait(false);
            var silos = await connection.SilosAsync().ConfigureAwait(false);
            ctx.Err.WriteLine($"cluster: {silos.Count} silo{(silos.Count == 1 ? "" : "s")} active ({string.Join(", ", silos.Select(s => s.Endpoint))})");
            return ClusterIngestion.Run(connection, paths, options, e => { lock (ctx.Err) ctx.Err.WriteLine(e.ToString()); },
                ctx.Interactive ? s => ctx.Err.WriteLine("ingest: " + IngestCommand.Describe(s, 0, 0)) : null);
        }).GetAwaiter().GetResult();
        var summary = result.Summary;
        ctx.Out.WriteLine("ingest: " + summary);
        long total = result.PerSilo.Values.Sum();
        ctx.Out.WriteLine($"silos: {string.Join(", ", result.PerSilo.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value:N0} ({(total > 0 ? 100.0 * k.Value / total : 0):N0} %)"))}" +
                          $"{(result.Resent > 0 ? $"; {result.Resent:N0} sent again after a silo failed or left" : "")}" +
                          $"{(result.Reconnects > 0 ? $"; the store was reopened {result.Reconnects:N0} time{(result.Reconnects == 1 ? "" : "s")}" : "")}");
        using (var store = Stores.Open(options.Store, create: false))
        {
            var h = store.HappeningCounts();
            ctx.Out.WriteLine($"store: {h.Events:N0} events ({h.Mentions:N0} mentions) are {h.Happenings:N0} happenings, {h.Repeated:N0} of them told by several events");
        }
        return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
