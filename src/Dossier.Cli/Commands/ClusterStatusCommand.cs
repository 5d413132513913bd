using System.CommandLine;
using Dossier.Cluster;
using Dossier.Cluster.Hosting;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier cluster status --db postgres://…</c>: the active silos, their addresses, uptime and throughput.</summary>
internal static class ClusterStatusCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("status", "List the cluster's active silos with their uptime and articles extracted (in all, per second, and in the last minute)");
        cmd.SetAction(p =>
        {
            var db = p.GetValue(CommonOptions.Db)!;
            var rows = Task.Run(async () =>
            {
                await using var cluster = await ClusterConnection.ConnectAsync(db, ClusterLimits.StatusTimeout).ConfigureAwait(false);
                return await cluster.StatusAsync().ConfigureAwait(false);
            }).GetAwaiter().GetResult();
            ctx.Out.WriteLine($"{rows.Count} silo{(rows.Count == 1 ? "" : "s")} active");
            ctx.Out.WriteLine($"{"silo",-24} {"address",-22} {"uptime",9} {"workers",7} {"articles",9} {"failed",6} {"art/s",7} {"last min/s",10} {"busy",5}");
            foreach (var (silo, f) in rows)
            {
                if (f is null) { ctx.Out.WriteLine($"{silo.Name,-24} {silo.Endpoint,-22} (did not answer within {ClusterLimits.StatusTimeout.TotalSeconds:N0} s)"); continue; }
                var up = DateTimeOffset.UtcNow - f.Started;
                double rate = up.TotalSeconds > 0 ? f.Extracted / up.TotalSeconds : 0;
                double recent = f.RecentSeconds > 0 ? f.RecentExtracted / f.RecentSeconds : 0;
                double busy = up.TotalSeconds > 0 ? f.BusySeconds / (up.TotalSeconds * f.Workers) : 0;
                ctx.Out.WriteLine($"{f.Silo,-24} {silo.Endpoint,-22} {Uptime(up),9} {f.Workers,7} {f.Extracted,9:N0} {f.Failed,6:N0} {rate,7:N1} {recent,10:N1} {busy,5:P0}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Uptime(TimeSpan t) => t.TotalMinutes < 1 ? $"{t.TotalSeconds:N0} s" : t.TotalHours < 1 ? $"{t.TotalMinutes:N0} min" : $"{t.TotalHours:N1} h";
}
