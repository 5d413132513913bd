using System.Net;
using Dossier.Cluster.Grains;
using Dossier.Cluster.Schema;
using Dossier.Store;
using Dossier.Store.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Dossier.Cluster.Hosting;

/// <summary>How a silo is started.</summary>
public sealed record SiloOptions
{
    /// <summary>The cluster's database (<c>postgres://…</c>): membership, and the store the client writes to.</summary>
    public required string Db { get; init; }
    /// <summary>The address other silos and clients reach this one at.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    public int Port { get; init; } = ClusterLimits.DefaultSiloPort;
    /// <summary>The client port; default <see cref="Port"/> + <see cref="ClusterLimits.GatewayPortOffset"/>.</summary>
    public int? GatewayPort { get; init; }
    /// <summary>Articles extracted at once (default: one per processor).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    /// <summary>Where Orleans' own log lines go (warnings and worse), or null for none.</summary>
    public TextWriter? Log { get; init; }
}

/// <summary><c>dossier cluster silo</c>: one Orleans silo of the cluster that meets in a PostgreSQL database.</summary>
/// <remarks>
/// On start the silo makes sure the database exists with the store's schema (so the client can write to it) and installs
/// the cluster's membership tables (<see cref="ClusterSchema"/>); then it joins through ADO.NET clustering on them. A
/// silo holds no state that matters: killing one loses only the articles it was extracting, which the client sends
/// again elsewhere.
/// </remarks>
public static class ClusterSilo
{
    /// <summary>Builds the silo's host (not started), after preparing the database.</summary>
    /// <exception cref="DossierException">DSR601/DSR602 for the database; DSR3xx when the store cannot be opened.</exception>
    public static IHost Build(SiloOptions options)
    {
        PostgresEngine.Register();
        var cs = ClusterSchema.ConnectionString(options.Db);
        var display = PostgresEngine.Display(StoreLocation.Parse(options.Db));
        using (Stores.Open(options.Db, create: true)) { }   // creates the database and migrates the store's schema
        ClusterSchema.RegisterProvider();
        ClusterSchema.Install(cs, display);

        int gateway = options.GatewayPort ?? options.Port + ClusterLimits.GatewayPortOffset;
        var name = $"{Environment.MachineName}:{options.Port}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Logging(builder.Logging, options.Log);
        builder.Services.AddSingleton(new SiloWork(options.Workers, name, TimeProvider.System));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = ClusterLimits.ClusterId; o.ServiceId = ClusterLimits.ClusterId; });
            silo.Configure<Orleans.Configuration.SiloOptions>(o => o.SiloName = name);
            silo.UseAdoNetClustering(o => { o.Invariant = ClusterSchema.Invariant; o.ConnectionString = cs; });
            silo.ConfigureEndpoints(options.Address, options.Port, gateway, listenOnAnyHostAddress: !options.Address.Equals(IPAddress.Loopback));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = ClusterLimits.ProbeTimeout;
                o.NumMissedProbesLimit = ClusterLimits.MissedProbesLimit;
                o.IAmAliveTablePublishTimeout = ClusterLimits.IAmAlivePeriod;
                // Dead silos' rows stay for 'cluster status' to count; nothing deletes them behind the operator's back.
                o.DefunctSiloCleanupPeriod = null;
            });
            silo.Services.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedDirector>();
        });
        return builder.Build();
    }

    internal static void Logging(ILoggingBuilder logging, TextWriter? log)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        // Start-up notes that are not faults here: workstation GC is chosen (docs/performance.md), and the watchdog's first
        // check measures from process start.
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        if (log is not null) logging.AddProvider(new WriterLoggerProvider(log));
    }
}
