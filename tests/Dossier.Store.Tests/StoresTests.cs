using Dossier.Store;
using Dossier.Testing;

namespace Dossier.Tests;

public sealed class StoresTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, string> Locations => new()
    {
        { "dossier.db", "sqlite", "dossier.db" },
        { "data/news.db", "sqlite", "data/news.db" },
        { "/var/lib/dossier/news.db", "sqlite", "/var/lib/dossier/news.db" },
        { "sqlite:data/news.db", "sqlite", "data/news.db" },
        { "SQLite:/tmp/a:b.db", "sqlite", "/tmp/a:b.db" },
        { "C:\\data\\news.db", "sqlite", "C:\\data\\news.db" },
        { "./odd:name.db", "sqlite", "./odd:name.db" },
        { "postgres://analyst@db.example:5432/dossier", "postgres", "postgres://analyst@db.example:5432/dossier" },
    };

    [Theory, MemberData(nameof(Locations))]
    public void ALocationNamesItsEngineAndTarget(string text, string engine, string target)
    {
        var at = StoreLocation.Parse(text);
        Assert.Equal((engine, target, text), (at.Engine, at.Target, at.Text));
    }

    [Fact]
    public void ALocationForAnEngineThisBuildLacksIsACodedError()
    {
        var e = Assert.Throws<DossierException>(() => Stores.Open("mysql://analyst@localhost/dossier"));
        Assert.Equal("DSR316", e.Error.Code);
        Assert.Contains("'mysql'", e.Message);
        Assert.Contains("sqlite", e.Message);
    }

    [Fact]
    public void TheSqlitePrefixOpensTheSameFileAsThePlainPath()
    {
        var path = _dir.File("s.db");
        using (var s = Stores.Open("sqlite:" + path)) s.Add(new TestDoc("The council met in Leeds on Monday.").Doc, "test");
        using var again = Stores.Open(path, create: false);
        Assert.Equal(1, again.Stats().Articles);
    }

    [Fact]
    public void WhatTheStoreDatesComesFromTheInjectedClock()
    {
        var clock = new FakeClock(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var path = _dir.File("c.db");
        using (var s = Stores.Open(path, options: new StoreOptions { Clock = clock }))
        {
            var a = new TestDoc("Gordon Brown met union leaders in London.");
            a.Actor("Gordon Brown", Documents.EntityType.PERSON);
            var b = new TestDoc("Gordon Brown spoke in Kirkcaldy.");
            b.Actor("Gordon Brown", Documents.EntityType.PERSON);
            b.Actor("Kirkcaldy", Documents.EntityType.GPE);
            s.Add(a.Doc, "test");
            s.Add(b.Doc, "test");
            clock.Advance(TimeSpan.FromDays(1));
            s.Merge("Gordon Brown", "Kirkcaldy", "test");
            Assert.Equal("2031-03-05T05:06:07Z", Assert.Single(s.Decisions()).Created);
        }
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT ingested FROM articles UNION ALL SELECT DISTINCT first_seen FROM article_sources UNION ALL SELECT DISTINCT applied FROM schema_version";
        var dates = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) dates.Add(r.GetString(0));
        Assert.All(dates, d => Assert.StartsWith("2031-03-04T05:06:07", d));
    }
}
