using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Dossier.Cluster;
using Dossier.Cluster.Hosting;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier cluster silo --db postgres://… [--port N]</c>: runs one silo until it is stopped (Ctrl-C, SIGTERM).</summary>
internal static class ClusterSiloCommand
{
    public static Command Create(CliContext ctx)
    {
        var port = new Option<int>("--port") { Description = $"Port for the other silos (default {ClusterLimits.DefaultSiloPort})", DefaultValueFactory = _ => ClusterLimits.DefaultSiloPort, HelpName = "N" };
        var gateway = new Option<int?>("--gateway-port") { Description = $"Port for clients (default: --port + {ClusterLimits.GatewayPortOffset})", HelpName = "N" };
        var address = new Option<string>("--address") { Description = "The address other silos and clients reach this one at (default 127.0.0.1)", DefaultValueFactory = _ => "127.0.0.1", HelpName = "IP" };
        var workers = new Option<int?>("--workers") { Description = "Articles extracted at once (default: one per processor)", HelpName = "N" };
        var cmd = new Command("silo", "Start a silo of the cluster that meets in the --db PostgreSQL database (installs the cluster's tables on first start)")
        {
            port, gateway, address, workers,
        };
        cmd.SetAction(p =>
        {
            int silo = p.GetValue(port);
            if (silo is < 1 or > 65535) throw new DossierException(Errors.BadPort("--port", silo));
            if (p.GetValue(gateway) is { } g && g is < 1 or > 65535) throw new DossierException(Errors.BadPort("--gateway-port", g));
            if (p.GetValue(workers) is <= 0) throw new DossierException(Errors.BadOption("--workers", "must be at least 1"));
            if (!IPAddress.TryParse(p.GetValue(address), out var ip)) throw new DossierException(Errors.BadOption("--address", "want an IP address"));
            var options = new SiloOptions
            {
                Db = p.GetValue(CommonOptions.Db)!, Address = ip, Port = silo, GatewayPort = p.GetValue(gateway),
                Workers = p.GetValue(workers) ?? Environment.ProcessorCount, Log = ctx.Err,
            };
            using var host = ClusterSilo.Build(options);
            using var stop = new CancellationTokenSource();
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            try { host.StartAsync(stop.Token).GetAwaiter().GetResult(); }
            catch (Exception e) when (e is not DossierException and not OperationCanceledException)
            {
                throw new DossierException(Errors.SiloFailed(e.GetBaseException().Message));
            }
            ctx.Out.WriteLine($"silo: {options.Address}:{options.Port} (clients: {options.GatewayPort ?? options.Port + ClusterLimits.GatewayPortOffset}), " +
                              $"{options.Workers} worker{(options.Workers == 1 ? "" : "s")}, cluster at {options.Db.Split('@')[^1]}; Ctrl-C stops it");
            ctx.Out.Flush();
            try { Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult(); } catch (OperationCanceledException) { }
            using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10))) host.StopAsync(grace.Token).GetAwaiter().GetResult();
            ctx.Out.WriteLine("silo: stopped");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
