namespace Dossier.Tests;

/// <summary>The filters and paging the HTTP API offers, on the command line too: actors --search/--offset, timeline
/// --with/--cameo/--plover/--undated/--offset, search --offset.</summary>
public sealed class FilterCommandTests() : CliTestBase("dossier-filters-")
{
    private string Store()
    {
        var f1 = Path.Combine(Dir, "1.txt");
        var f2 = Path.Combine(Dir, "2.txt");
        var f3 = Path.Combine(Dir, "3.txt");
        File.WriteAllText(f1, "date 2025-01-14\nRussia signed a trade agreement with Syria on Tuesday. Russia met Turkey on Wednesday.\n");
        File.WriteAllText(f2, "date 2025-02-12\nSyria accused Russia of delays on Wednesday.\n");
        File.WriteAllText(f3, "Turkey criticised Russia over grain exports.\n");
        var db = Path.Combine(Dir, "f.db");
        Assert.Equal(0, Dossier("ingest", f1, f2, f3, "--db", db).Code);
        return db;
    }

    [Fact]
    public void TimelineFiltersByDyadAndCode()
    {
        var db = Store();
        var dyad = Dossier("timeline", "--actor", "Russia", "--with", "Syria", "--db", db).Out;
        Assert.Contains("“signed”", dyad);
        Assert.Contains("“accused”", dyad);
        Assert.DoesNotContain("“met”", dyad); // Russia met Turkey: not the dyad
        var accuse = Dossier("timeline", "--cameo", "11", "--db", db).Out;
        Assert.Contains("“accused”", accuse);
        Assert.DoesNotContain("“signed”", accuse);
        // The article without a date has an undated event: listed only with --undated, after the dated ones.
        Assert.DoesNotContain("undated", Dossier("timeline", "--actor", "Turkey", "--db", db).Out);
        var undated = Dossier("timeline", "--actor", "Turkey", "--undated", "--db", db).Out;
        Assert.Contains("undated", undated);
        Assert.True(undated.IndexOf("2025-01", StringComparison.Ordinal) < undated.IndexOf("undated", StringComparison.Ordinal));
        // Paging: the second page of one is the second line of the page of two.
        var two = Dossier("timeline", "--limit", "2", "--db", db).Out.Split('\n').Where(l => l.Contains('“')).ToList();
        var second = Dossier("timeline", "--limit", "1", "--offset", "1", "--db", db).Out.Split('\n').Where(l => l.Contains('“')).ToList();
        Assert.Equal(2, two.Count);
        Assert.Equal(two[1], Assert.Single(second));
        Assert.Equal(2, Dossier("timeline", "--cameo", "4x", "--db", db).Code);
        Assert.Equal(2, Dossier("timeline", "--offset", "-1", "--db", db).Code);
    }

    [Fact]
    public void ActorsAreSearchedAndPaged()
    {
        var db = Store();
        var found = Dossier("actors", "--search", "yri", "--db", db).Out;
        Assert.Contains("Syria", found);
        Assert.DoesNotContain("Russia", found);
        var first = Dossier("actors", "--top", "1", "--db", db).Out;
        var second = Dossier("actors", "--top", "1", "--offset", "1", "--db", db).Out;
        Assert.Contains("Russia", first);
        Assert.DoesNotContain("Russia", second);
        Assert.Contains("\n2 ", "\n" + second.Split('\n', 2)[1]); // numbering goes on from the offset
        Assert.Contains("no matches", Dossier("search", "Russia", "--offset", "10", "--db", db).Out);
    }

    [Fact]
    public void QuotesOfASpeakerArePaged()
    {
        var f = Path.Combine(Dir, "q.txt");
        File.WriteAllText(f, "date 2025-03-01\n\"We will rebuild the port,\" said Amina Yusuf on Monday. \"The talks were useful,\" Amina Yusuf added. \"Nothing is agreed yet,\" Yusuf said.\n");
        var db = Path.Combine(Dir, "q.db");
        Assert.Equal(0, Dossier("ingest", f, "--db", db).Code);
        var all = Dossier("quotes", "Amina Yusuf", "--db", db);
        Assert.Equal(0, all.Code);
        Assert.Contains("rebuild the port", all.Out);
        Assert.Contains("Nothing is agreed yet", all.Out);
        var quotes = all.Out.Split('\n').Where(l => l.StartsWith('“')).ToList();
        var second = Dossier("quotes", "Amina Yusuf", "--offset", "1", "--limit", "1", "--db", db).Out.Split('\n').Where(l => l.StartsWith('“')).ToList();
        Assert.Equal(quotes[1], Assert.Single(second));
        Assert.Equal(1, Dossier("quotes", "Nobody Known", "--db", db).Code);
        Assert.Equal(2, Dossier("quotes", "Amina Yusuf", "--offset", "-1", "--db", db).Code);
    }
}
