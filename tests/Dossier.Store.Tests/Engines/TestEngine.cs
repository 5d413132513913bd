using Dossier.Store;

namespace Dossier.Tests;

/// <summary>The engine a store test suite runs on. Running every suite on another engine means one class deriving from
/// this one and one line per suite (see <c>SqliteSuites.cs</c>).</summary>
public abstract class TestEngine
{
    /// <summary>The location of a store called <paramref name="name"/> in the test's own folder <paramref name="dir"/>
    /// (a file for SQLite; a fresh database on a test server for a server engine).</summary>
    public abstract string Location(string dir, string name);

    /// <summary>Runs a read-only query in plain SQL over the shared schema, each row as its columns' text ("∅" for NULL).</summary>
    public abstract List<string[]> Query(IStore store, string sql);

    /// <summary>The engine's fault hook: called after each step of storing an article, inside its transaction (a throw
    /// there must leave nothing of the article), and after each article of a split.</summary>
    public abstract void AfterStep(IStore store, Action<string>? hook);

    /// <summary>An error the engine's own database would raise (a disk I/O error).</summary>
    public abstract Exception DatabaseFault();

    /// <summary>The engine's tables beyond the shared schema that storing an article fills (a full-text index).</summary>
    public virtual IReadOnlyList<string> IndexTables => [];

    /// <summary>Rows in <paramref name="table"/>.</summary>
    public long Count(IStore store, string table) => long.Parse(Query(store, $"SELECT count(*) FROM {table}")[0][0], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A store test suite: a temporary folder per test, and stores opened on the suite's engine.</summary>
public abstract class StoreSuite<TEngine> : IDisposable where TEngine : TestEngine, new()
{
    private readonly TempDir _dir = new();

    /// <summary>The engine this suite runs on.</summary>
    protected static readonly TEngine Engine = new();

    /// <summary>The location of the store called <paramref name="name"/> of this test.</summary>
    protected string Location(string name) => Engine.Location(_dir.Path, name);

    /// <summary>Opens (by default creating) the store called <paramref name="name"/> of this test.</summary>
    protected IStore Open(string name, bool create = true) => Stores.Open(Location(name), create);

    /// <summary>The test's own folder (for input files).</summary>
    protected string Folder => _dir.Path;

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
