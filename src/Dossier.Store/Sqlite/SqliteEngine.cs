namespace Dossier.Store.Sqlite;

/// <summary>The default engine: one SQLite file, no set-up (<c>dossier.db</c> or <c>sqlite:PATH</c>).</summary>
public sealed class SqliteEngine : IStoreEngine
{
    public string Name => StoreLocation.DefaultEngine;

    public IStore Open(StoreLocation location, bool create, StoreOptions options) => SqliteStore.Open(location.Target, create, options);

    public IStore OpenShared(StoreLocation location, StoreOptions options) => SqliteStore.OpenShared(location.Target, options);
}
