#if HAVE_POSTGRES
using Dossier.Store;
using Dossier.Store.Postgres;
using Dossier.Testing;

namespace Dossier.Tests;

/// <summary>What only the PostgreSQL engine has: its locations, creating a database, its migrations.</summary>
public sealed class PostgresEngineTests
{
    static PostgresEngineTests() => PostgresEngine.Register();

    [Fact]
    public void ANewDatabaseIsCreatedAtTheLatestSchemaAndReopensUnchanged()
    {
        var at = PostgresServer.UnusedDatabase("fresh");
        using (var s = (PostgresStore)Stores.Open(at)) Assert.Equal(PostgresMigrator.Latest, s.SchemaVersion);
        using (var s = (PostgresStore)Stores.Open(at, create: false)) Assert.Equal(PostgresMigrator.Latest, s.SchemaVersion);
        using (var s = (PostgresStore)Stores.OpenShared(at)) Assert.Equal(PostgresMigrator.Latest, s.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresMigrator.All.Count), PostgresMigrator.All.Select(m => m.Version));
    }

    [Fact]
    public void ProcessesOpeningANewDatabaseAtOnceAllGetIt()
    {
        // The silos of a new cluster start together: each may try to create the database.
        var at = PostgresServer.UnusedDatabase("together");
        var stores = new IStore[6];
        Parallel.For(0, stores.Length, i => stores[i] = Stores.Open(at));
        foreach (var s in stores) { Assert.Equal(0, s.Stats().Articles); s.Dispose(); }
    }

    [Fact]
    public void AMissingDatabaseIsNotCreatedByReaders()
    {
        var at = PostgresServer.UnusedDatabase("missing");
        var e = Assert.Throws<DossierException>(() => Stores.Open(at, create: false));
        Assert.Equal("DSR311", e.Error.Code);
        Assert.Equal("0", PostgresServer.Psql($"SELECT count(*) FROM pg_database WHERE datname = '{at[(at.LastIndexOf('/') + 1)..]}'"));
    }

    [Fact]
    public void ANewerSchemaIsRefused()
    {
        var at = PostgresServer.NewDatabase("newer");
        using (Stores.Open(at)) { }
        PostgresServer.Psql("INSERT INTO schema_version (version, name, applied) VALUES (999, 'future', 'now')", at[(at.LastIndexOf('/') + 1)..]);
        Assert.Equal("DSR303", Assert.Throws<DossierException>(() => Stores.Open(at)).Error.Code);
    }

    [Fact]
    public void SomeoneElsesDatabaseIsRefused()
    {
        var at = PostgresServer.NewDatabase("foreign");
        PostgresServer.Psql("CREATE TABLE invoices (id int)", at[(at.LastIndexOf('/') + 1)..]);
        Assert.Equal("DSR313", Assert.Throws<DossierException>(() => Stores.Open(at)).Error.Code);
    }

    [Fact]
    public void AServerThatDoesNotAnswerIsAClearError()
    {
        // a port nothing listens on
        var e = Assert.Throws<DossierException>(() => Stores.Open("postgres://dossier:secret@127.0.0.1:1/x?Timeout=2"));
        Assert.Equal("DSR301", e.Error.Code);
        Assert.DoesNotContain("secret", e.Message);
    }

    [Theory]
    [InlineData("postgres://ana@db.example:6543/news", "Host=db.example;Port=6543;Database=news;Username=ana")]
    [InlineData("postgresql://ana:p%40ss@db.example/news?sslmode=require", "Host=db.example;Port=5432;Database=news;Username=ana;Password=p@ss;SSL Mode=Require")]
    [InlineData("postgres:Host=db.example;Database=news;Username=ana", "Host=db.example;Database=news;Username=ana")]
    public void LocationsBecomeConnectionStrings(string location, string expected)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresEngine.ConnectionString(StoreLocation.Parse(location)));
        var want = new Npgsql.NpgsqlConnectionStringBuilder(expected);
        foreach (var key in want.Keys) Assert.Equal(want[key]?.ToString(), b[key]?.ToString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("postgres://ana:secret@db.example/news", "postgres://ana:***@db.example/news")]
    [InlineData("postgres://ana@db.example/news", "postgres://ana@db.example/news")]
    [InlineData("postgres:Host=db;Password=secret;Database=news", "postgres:Host=db;Password=***;Database=news")]
    public void MessagesNeverShowThePassword(string location, string shown) =>
        Assert.Equal(shown, PostgresEngine.Display(StoreLocation.Parse(location)));
}
#endif
