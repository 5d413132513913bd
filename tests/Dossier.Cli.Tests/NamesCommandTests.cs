using Dossier.Testing;

namespace Dossier.Tests;

/// <summary><c>dossier names match FILE.csv</c>: CSV in, CSV out, bad records reported and skipped.</summary>
public sealed class NamesCommandTests() : CliTestBase("dossier-names-")
{
    private string Csv(string content)
    {
        var path = Path.Combine(Dir, "pairs.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ScoresPairsWithAHeaderAndQuotedFields()
    {
        var path = Csv("name1,name2,schema\n\"Ahmad al-Sharaa\",\"Ahmed al-Shara'a\",Person\n\"Deutsche Bank, AG\",Deutsche Bank,Company\nRaul Castro,Raul Castillo,Person\n");
        var (code, output, err) = Dossier("names", "match", path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("name1,name2,schema,score,match", lines[0]);
        Assert.StartsWith("Ahmad al-Sharaa,Ahmed al-Shara'a,Person,", lines[1]);
        Assert.EndsWith(",true", lines[1]);
        Assert.StartsWith("\"Deutsche Bank, AG\",Deutsche Bank,Company,", lines[2]); // a comma in a name is quoted again
        Assert.EndsWith(",true", lines[2]);
        Assert.EndsWith(",false", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void WithoutHeaderOrSchemaTheKindIsGuessed()
    {
        var path = Csv("Stripe LLC,Stripe Limited Liability Company\nBill Clinton,William Clinton\n");
        var (code, output, _) = Dossier("names", "match", path);
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^Stripe LLC,Stripe Limited Liability Company,,[01]\.\d{3},true$", lines[1]);
        Assert.Matches(@"^Bill Clinton,William Clinton,,[01]\.\d{3},true$", lines[2]);
    }

    [Fact]
    public void TheThresholdDecidesTheMatchColumn()
    {
        var path = Csv("Vladimir Putin,Vladimir Pudin,Person\n");
        Assert.EndsWith(",true", Dossier("names", "match", path).Out.TrimEnd());
        Assert.EndsWith(",false", Dossier("names", "match", path, "--threshold", "0.99").Out.TrimEnd());
        Assert.Equal(2, Dossier("names", "match", path, "--threshold", "1.5").Code);
    }

    [Fact]
    public void BadRecordsAreReportedWithTheirLineAndTheRestGoesOn()
    {
        var path = Csv("name1,name2\nonly one field\n,Empty First\nA B,A B\n\"never closed,x\n");
        var (code, output, err) = Dossier("names", "match", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:2: record has 1 field(s), want at least 2 (DSR119)", err);
        Assert.Contains($"{path}:3: 'name1' is empty (DSR120)", err);
        Assert.Contains($"{path}:5: quoted field is never closed", err);
        Assert.Contains("A B,A B,,1.000,true", output);
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        var (code, _, err) = Dossier("names", "match", Path.Combine(Dir, "nope.csv"));
        Assert.Equal(1, code);
        Assert.Contains("no such file", err);
    }

    [SharedDataFact("name-matching", "pairs.dev.csv")]
    public void ReadsTheBenchmarkByItsHeader()
    {
        var (code, output, err) = Dossier("names", "match", SharedData.File("name-matching", "pairs.dev.csv")!);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var lines = output.TrimEnd().Split('\n');
        Assert.True(lines.Length > 300);
        Assert.All(lines.Skip(1), l => Assert.Matches(@",(Person|Organization|Company|LegalEntity|Vessel|[A-Za-z]*),[01]\.\d{3},(true|false)$", l));
    }
}
