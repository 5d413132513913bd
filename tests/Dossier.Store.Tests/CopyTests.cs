using Dossier.Documents;
using Dossier.Store;
using Dossier.Store.Copy;

namespace Dossier.Tests;

/// <summary><c>dossier copy</c>: a whole store into a new one, between engines and back, checked by rows and exports;
/// the copy then works as a store of its own (ids go on, decisions hold, search finds).</summary>
public sealed class CopyTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private static readonly SqliteTestEngine Sqlite = new();
#if HAVE_POSTGRES
    private static readonly PostgresTestEngine Postgres = new();
#endif

    // A store with everything a copy must carry: articles, actors with names and roles, quotes, claims, events and their
    // happenings, a merge (a redirect pointing at an actor of a later row), a split (a block), a proposal, a followed source.
    private static void Fill(IStore s)
    {
        var t1 = new TestDoc("Abu Mohammad al-Jolani spoke to HTS in Idlib. The group said talks went well.", title: "Talks in Idlib", id: "x1");
        int jolani = t1.Actor("Abu Mohammad al-Jolani", EntityType.PERSON);
        int hts = t1.Actor("HTS", EntityType.ORG);
        t1.Quote("talks went well", hts, "The group").Event("spoke", jolani, hts, "040", "2025-01-14").Timex("talks", "2025-01-14").Claim("talks went well", hts);
        s.Add(t1.Doc, "test");
        var t2 = new TestDoc("Ahmad al-Sharaa met Tony Blair. Blair praised HTS.", published: "2025-02-01", title: "A meeting", id: "x2");
        int sharaa = t2.Actor("Ahmad al-Sharaa", EntityType.PERSON);
        int blair = t2.Actor("Tony Blair", EntityType.PERSON, "Blair");
        t2.Actor("HTS", EntityType.ORG);
        t2.Role(sharaa, "President", "Syria").Event("met", sharaa, blair, "040", "2025-02-01");
        s.Add(t2.Doc, "test");
        s.Merge("Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "the same man");
        s.Split("Tony Blair", "Blair");
        s.Sources.SaveCursor(new Dossier.Store.Sources.SourceCursor("https://news.example/feed", "\"v1\"", null, new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), "200", 0));
        s.Sources.MarkSeen("https://news.example/feed", "item-1", 1);
    }

    private void RoundTrip(TestEngine a, TestEngine b)
    {
        var first = a.Location(_dir.Path, "first.db");
        var second = b.Location(_dir.Path, "second.db");
        var third = a.Location(_dir.Path, "third.db");
        using (var s = Stores.Open(first)) Fill(s);
        CopyReport there, back;
        using (var s = Stores.Open(first, create: false))
        using (var t = Stores.Open(second))
            there = StoreCopier.Copy(s, first, t, second);
        using (var s = Stores.Open(second, create: false))
        using (var t = Stores.Open(third))
            back = StoreCopier.Copy(s, second, t, third);
        Assert.Equal(there.JsonlDigest, back.JsonlDigest);
        Assert.Equal(there.CsvDigest, back.CsvDigest);
        Assert.Equal(there.Tables, back.Tables);
        Assert.Contains(there.Tables, t => t.Table == "actor_decisions" && t.Copy == 2);

        using var copy = Stores.Open(second, create: false);
        // Decisions hold in the copy: the merged name redirects, the split name stays apart.
        Assert.Equal(copy.FindActor("Ahmad al-Sharaa")!.Id, copy.FindActor("Abu Mohammad al-Jolani")!.Id);
        Assert.Equal(2, copy.Decisions().Count);
        Assert.Single(copy.Search("Idlib"));
        Assert.True(copy.Sources.Seen("https://news.example/feed", "item-1"));
        // New rows get new ids after the copied ones.
        var t3 = new TestDoc("HTS met Tony Blair again.", published: "2025-03-01", id: "x3");
        t3.Actor("HTS", EntityType.ORG);
        t3.Actor("Tony Blair", EntityType.PERSON);
        var added = copy.Add(t3.Doc, "test");
        Assert.Equal(3, added.ArticleId);
        Assert.Equal(3, copy.Stats().Articles);
    }

    [Fact]
    public void SqliteToSqliteAndBack() => RoundTrip(Sqlite, Sqlite);

#if HAVE_POSTGRES
    [Fact]
    public void SqliteToPostgresAndBack() => RoundTrip(Sqlite, Postgres);

    [Fact]
    public void PostgresToSqliteAndBack() => RoundTrip(Postgres, Sqlite);
#endif

    [Fact]
    public void ACopyIntoAStoreHoldingArticlesIsRefusedAndChangesNothing()
    {
        var a = Sqlite.Location(_dir.Path, "a.db");
        var b = Sqlite.Location(_dir.Path, "b.db");
        using (var s = Stores.Open(a)) Fill(s);
        using (var s = Stores.Open(b)) s.Add(new TestDoc("Another story about the harbour.").Doc, "test");
        using var from = Stores.Open(a, create: false);
        using var to = Stores.Open(b, create: false);
        Assert.Equal("DSR317", Assert.Throws<DossierException>(() => StoreCopier.Copy(from, a, to, b)).Error.Code);
        Assert.Equal(1, to.Stats().Articles);
    }

    [Fact]
    public void EveryEngineHoldsTheSharedTablesWithTheirColumns()
    {
        foreach (var engine in Engines())
        {
            using var s = Stores.Open(engine.Location(_dir.Path, "schema-" + engine.GetType().Name + ".db"));
            foreach (var table in SharedSchema.Tables)
            {
                var cols = string.Join(", ", table.Columns.Select(c => "\"" + c + "\""));
                Assert.Empty(engine.Query(s, $"SELECT {cols} FROM {table.Name} WHERE 1 = 0")); // throws on a missing column
            }
        }
    }

    private static IEnumerable<TestEngine> Engines()
    {
        yield return Sqlite;
#if HAVE_POSTGRES
        yield return Postgres;
#endif
    }
}
