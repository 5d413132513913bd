using System.Collections.Concurrent;
using Npgsql;

namespace Dossier.Store.Postgres;

/// <summary>The shared engine for teams: a PostgreSQL database (<c>postgres://user[:password]@host[:port]/database</c>,
/// <c>postgresql://…</c>, or <c>postgres:Host=…;Database=…</c> with Npgsql's keywords).</summary>
/// <remarks>One pooled data source per connection string for the whole process: every store opened on it (a command, a
/// server's request, an ingest worker) takes a connection from that pool.</remarks>
public sealed class PostgresEngine : IStoreEngine
{
    /// <summary>The engine's name in locations.</summary>
    public const string EngineName = "postgres";

    public string Name => EngineName;

    /// <summary>Registers the engine once (the program's start; tests).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            Stores.Register(new PostgresEngine());
            _registered = true;
        }
    }

    private static readonly object Gate = new();
    private static bool _registered;

    public IStore Open(StoreLocation location, bool create, StoreOptions options) =>
        PostgresStore.Open(DataSource(location), Display(location), create, options);

    public IStore OpenShared(StoreLocation location, StoreOptions options) =>
        PostgresStore.OpenShared(DataSource(location), Display(location), options);

    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    internal static NpgsqlDataSource DataSource(StoreLocation location)
    {
        var cs = ConnectionString(location);
        return Sources.GetOrAdd(cs, static s => new NpgsqlDataSourceBuilder(WithDefaults(s)).Build());
    }

    /// <summary>Statements a connection prepares on the server once it has run them <see cref="AutoPrepareMinUsages"/>
    /// times (Npgsql's automatic preparation), unless the location sets its own.</summary>
    public const int MaxAutoPrepare = 128;
    /// <summary>Runs of a statement before it is prepared.</summary>
    public const int AutoPrepareMinUsages = 2;

    // Storing an article runs the same few dozen statements for every actor of it: prepared once per connection, each
    // run skips PostgreSQL's parse and plan (the SQLite engine caches its prepared statements for the same reason).
    private static string WithDefaults(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.MaxAutoPrepare == 0) { b.MaxAutoPrepare = MaxAutoPrepare; b.AutoPrepareMinUsages = AutoPrepareMinUsages; }
        return b.ConnectionString;
    }

    /// <summary>The Npgsql connection string of a location: a URL (user, password, host, port, database, and query
    /// parameters as Npgsql keywords: <c>?sslmode=require</c>), or Npgsql's own keyword string after <c>postgres:</c>.</summary>
    /// <exception cref="DossierException">DSR301 when the location cannot be read.</exception>
    public static string ConnectionString(StoreLocation location)
    {
        var target = location.Target;
        try
        {
            if (!target.Contains("://", StringComparison.Ordinal))
                return new NpgsqlConnectionStringBuilder(target) { ApplicationName = "dossier" }.ConnectionString;
            var uri = new Uri(target);
            if (uri.Scheme is not ("postgres" or "postgresql"))
                throw new DossierException(Errors.StoreOpen(Display(location), $"'{uri.Scheme}' is not a PostgreSQL address"));
            var b = new NpgsqlConnectionStringBuilder
            {
                Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : null,
                ApplicationName = "dossier",
            };
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                b.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                b[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            return b.ConnectionString;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new DossierException(Errors.StoreOpen(Display(location), e.Message));
        }
    }

    /// <summary>The location as messages show it: the password left out.</summary>
    public static string Display(StoreLocation location) => location.Shown;
}
