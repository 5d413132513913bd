using Dossier.Cluster.Grains;
using Dossier.Cluster.Schema;
using Dossier.Cluster.Wire;
using Dossier.Store;
using Dossier.Store.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Dossier.Cluster.Hosting;

/// <summary>A live silo as the client sees it.</summary>
/// <param name="Key">The silo's address in parsable form: the key of its <see cref="IExtractorGrain"/>.</param>
public sealed record SiloInfo(string Key, string Name, string Endpoint, DateTime Started);

/// <summary>A client connected to the cluster that meets in a database (the ingest client, <c>cluster status</c>).</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, string display)
    {
        _host = host;
        Display = display;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>The cluster's database as messages show it (no password).</summary>
    public string Display { get; }

    /// <summary>Connects, waiting up to <paramref name="timeout"/> for a silo to answer.</summary>
    /// <exception cref="DossierException">DSR601 for a location that is not PostgreSQL; DSR603 when no silo answers.</exception>
    public static async Task<ClusterConnection> ConnectAsync(string location, TimeSpan timeout, CancellationToken cancel = default)
    {
        PostgresEngine.Register();
        var cs = ClusterSchema.ConnectionString(location);
        var display = PostgresEngine.Display(StoreLocation.Parse(location));
        ClusterSchema.RegisterProvider();
        var deadline = DateTime.UtcNow + timeout;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClusterSilo.Logging(builder.Logging, null);
        builder.UseOrleansClient(c =>
        {
            c.Configure<ClusterOptions>(o => { o.ClusterId = ClusterLimits.ClusterId; o.ServiceId = ClusterLimits.ClusterId; });
            c.UseAdoNetClustering(o => { o.Invariant = ClusterSchema.Invariant; o.ConnectionString = cs; });
            c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterLimits.CallTimeout);
            c.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = ClusterLimits.SiloRefresh);
            // Silos may still be starting (or the table not yet installed): keep trying until the deadline.
            c.UseConnectionRetryFilter(async (_, ct) =>
            {
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(ClusterLimits.SiloRefresh, ct).ConfigureAwait(false);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new DossierException(Errors.NoSilos(display, timeout.TotalSeconds));
        }
        return new ClusterConnection(host, display);
    }

    /// <summary>The silos that are active now.</summary>
    public async Task<IReadOnlyList<SiloInfo>> SilosAsync()
    {
        var hosts = await Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true).ConfigureAwait(false);
        return hosts.Where(h => h.Status == SiloStatus.Active)
            .Select(h => new SiloInfo(h.SiloAddress.ToParsableString(), h.SiloName, h.SiloAddress.Endpoint.ToString(), h.StartTime))
            .OrderBy(s => s.Endpoint, StringComparer.Ordinal).ToList();
    }

    /// <summary>The extraction service of one silo.</summary>
    public IExtractorGrain Extractor(SiloInfo silo) => Client.GetGrain<IExtractorGrain>(silo.Key);

    /// <summary>Each active silo with its figures (null for one that did not answer within <see cref="ClusterLimits.StatusTimeout"/>).</summary>
    public async Task<IReadOnlyList<(SiloInfo Silo, SiloFigures? Figures)>> StatusAsync()
    {
        var silos = await SilosAsync().ConfigureAwait(false);
        var asks = silos.Select(async s =>
        {
            try { return (s, (SiloFigures?)await Extractor(s).Figures().WaitAsync(ClusterLimits.StatusTimeout).ConfigureAwait(false)); }
            catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException) { return (s, null); }
        });
        return await Task.WhenAll(asks).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try { using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)); await _host.StopAsync(grace.Token).ConfigureAwait(false); }
        catch (Exception e) when (e is OperationCanceledException or OrleansException) { }
        _host.Dispose();
    }
}
