namespace Dossier;

// Messages of the cluster (DSR601-DSR649): silos, the cluster client, ingest through silos (src/Dossier.Cluster).
public static partial class Errors
{
    public static DossierError ClusterNeedsPostgres(string location) =>
        new("DSR601", $"a cluster meets in a PostgreSQL database; '{location}' is not one (give postgres://user@host:port/database)");
    public static DossierError ClusterDatabase(string location, string detail) =>
        new("DSR602", $"cannot prepare the cluster's tables in '{location}': {detail}");
    public static DossierError NoSilos(string location, double seconds) =>
        new("DSR603", $"no silo of the cluster at '{location}' answered within {seconds:N0} s (start one with 'dossier cluster silo --db {location}')");
    public static DossierError ExtractionUnreachable(int attempts, string detail) =>
        new("DSR604", $"no silo extracted this article after {attempts} attempts: {detail}");
    public static DossierError StoreUnreachable(double seconds, string detail) =>
        new("DSR605", $"the store did not come back within {seconds:N0} s: {detail}");
    public static DossierError BadPort(string option, int port) =>
        new("DSR606", $"bad port for {option}: {port} (want 1-65535)");
    public static DossierError SiloFailed(string detail) =>
        new("DSR607", $"the silo could not start: {detail}");
    public static DossierError BadWireData(string detail) =>
        new("DSR608", $"a silo's reply could not be read: {detail}");
}
