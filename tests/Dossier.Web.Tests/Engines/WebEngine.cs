using System.Collections.Concurrent;
using Dossier.Store.Postgres;
using Dossier.Testing;

namespace Dossier.Tests.Web;

/// <summary>The store engine a web test class serves from. Running the API and browser tests on another engine means one
/// class deriving from this one and one line per test class (Engines/EngineSuites.cs, Browser/BrowserSuites.cs).</summary>
public abstract class WebEngine
{
    /// <summary>The engine's name ("sqlite", "postgres").</summary>
    public abstract string Name { get; }

    /// <summary>The location of the store called <paramref name="name"/> in the test's own folder <paramref name="dir"/>: a
    /// file for SQLite; for a server engine a database of its own, the same one for the same folder and name.</summary>
    public abstract string Location(string dir, string name);

    /// <summary>Lets go of what the engine keeps open for the stores of a finished test (SQLite's pooled file handles, so
    /// its folder can be deleted).</summary>
    public virtual void Release() { }
}

/// <summary>SQLite: a file in the test's temporary folder.</summary>
public sealed class SqliteWebEngine : WebEngine
{
    public override string Name => "sqlite";

    public override string Location(string dir, string name) => Path.Combine(dir, name);

    public override void Release() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}

/// <summary>PostgreSQL: a database on the throwaway server of this test process (<see cref="PostgresServer"/>), created by
/// the store's first Open; it goes with the server when the process ends.</summary>
public sealed class PostgresWebEngine : WebEngine
{
    static PostgresWebEngine() => PostgresEngine.Register();

    private static readonly ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    public override string Name => "postgres";

    public override string Location(string dir, string name) =>
        Databases.GetOrAdd(dir + "|" + name, _ => PostgresServer.UnusedDatabase("web_" + Path.GetFileNameWithoutExtension(name)));
}
