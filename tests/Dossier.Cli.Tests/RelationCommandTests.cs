namespace Dossier.Tests;

/// <summary><c>dossier relation A B</c>: events between two actors by month, with the events behind each point.</summary>
public sealed class RelationCommandTests() : CliTestBase("dossier-relation-")
{
    [Fact]
    public void PointsByMonthAndTheirEvents()
    {
        var f1 = Path.Combine(Dir, "1.txt");
        var f2 = Path.Combine(Dir, "2.txt");
        File.WriteAllText(f1, "date 2025-01-14\nRussia signed a trade agreement with Syria on Tuesday.\n");
        File.WriteAllText(f2, "date 2025-02-12\nSyria accused Russia of delays on Wednesday.\n");
        var db = Path.Combine(Dir, "r.db");
        Assert.Equal(0, Dossier("ingest", f1, f2, "--db", db).Code);

        var (code, output, err) = Dossier("relation", "Russia", "Syria", "--db", db);
        Assert.True(code == 0, err);
        Assert.Contains("Russia A", output);
        Assert.Matches(@"2025-01 +1 event\(s\)", output);
        Assert.Matches(@"2025-02 +1 event\(s\)", output);
        Assert.Contains("“signed”", output);
        Assert.Contains("“accused”", output);

        var ordered = Dossier("relation", "Russia", "Syria", "--ordered", "--db", db).Out;
        Assert.DoesNotContain("“accused”", ordered); // Syria accused Russia: the other direction
        Assert.Equal(2, Dossier("relation", "Russia", "Syria", "--by", "day", "--db", db).Code);
        Assert.Equal(1, Dossier("relation", "Russia", "Atlantis", "--db", db).Code);
    }
}
