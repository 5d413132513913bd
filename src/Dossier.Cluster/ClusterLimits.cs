namespace Dossier.Cluster;

/// <summary>Every limit and default of the cluster, by name (docs/cluster.md explains each).</summary>
public static class ClusterLimits
{
    /// <summary>The cluster's Orleans identity (ClusterId and ServiceId): one Dossier cluster per database.</summary>
    public const string ClusterId = "dossier";

    /// <summary>Silo-to-silo port when <c>--port</c> is not given (Orleans' customary one).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The gateway (client) port is the silo port plus this when <c>--gateway-port</c> is not given.</summary>
    public const int GatewayPortOffset = 1;

    /// <summary>Articles a silo may hold per extraction worker, queued or in work: enough to keep its workers busy while
    /// replies travel, few enough that a killed silo costs little work to redo (as <c>OrderedExtraction.ItemsAheadPerWorker</c>).</summary>
    public const int ItemsPerWorker = 4;

    /// <summary>Most articles read ahead of the writer in all: the client's memory does not grow with the input.</summary>
    public const int MaxItemsAhead = 256;

    /// <summary>Attempts at extracting one article (each on a live silo, the first failures' silos left out) before it is
    /// reported failed with DSR604 and the run goes on.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Wait before an article whose silo failed is sent again (membership needs a moment to see the death).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest a call to a silo may take: an article's budget (<see cref="Limits.ArticleBudgetSeconds"/>) plus
    /// the queue before it on the silo; a silo that stays silent longer is treated as lost for that article.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(Limits.ArticleBudgetSeconds + 30);

    /// <summary>How often the client asks the cluster which silos are alive (a silo that left has its articles re-sent).</summary>
    public static readonly TimeSpan SiloRefresh = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest the client waits for a first silo (connecting, or after every silo has gone).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longest the writer waits for the store to come back (a database restarting) before failing the run.</summary>
    public static readonly TimeSpan StoreReconnectTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Wait between two attempts at reopening the store.</summary>
    public static readonly TimeSpan StoreReconnectDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Failure detection: a silo probes others this often, and one that misses
    /// <see cref="MissedProbesLimit"/> probes is voted dead. On loopback or a LAN a killed silo refuses connections at once,
    /// so a few seconds suffice (Orleans' defaults, made for clouds, take about half a minute).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo is suspected (see <see cref="ProbeTimeout"/>).</summary>
    public const int MissedProbesLimit = 2;

    /// <summary>How often a silo writes that it is alive in the membership table.</summary>
    public static readonly TimeSpan IAmAlivePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Longest <c>cluster status</c> waits for one silo's figures.</summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(5);
}
