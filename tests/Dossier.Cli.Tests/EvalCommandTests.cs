using Dossier.Cli;

namespace Dossier.Tests;

/// <summary>The eval commands on tiny hand-written data sets, so they run without ../shared.</summary>
public sealed class EvalCommandTests() : CliTestBase("dossier-eval-")
{
    [Fact]
    public void TimexScoresATimeMlFolder()
    {
        File.WriteAllText(Path.Combine(Dir, "a.tml"), """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>a</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-12" temporalFunction="false" functionInDocument="CREATION_TIME">02/12/1998</TIMEX3></DCT>
            <TEXT>The talks began <TIMEX3 tid="t1" type="DATE" value="1998-02-11">yesterday</TIMEX3> and lasted <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.</TEXT>
            </TimeML>
            """);
        var r = Dossier("eval", "timex", Dir);
        Assert.Equal(0, r.Code);
        Assert.Contains("timex: 1 documents, 2 gold", r.Out);
        Assert.Contains("value F1 1.0000", r.Out);
    }

    [Fact]
    public void TimexListsTheErrorsOfAKind()
    {
        File.WriteAllText(Path.Combine(Dir, "b.tml"), """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>b</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-12" temporalFunction="false" functionInDocument="CREATION_TIME">02/12/1998</TIMEX3></DCT>
            <TEXT>The talks began <TIMEX3 tid="t1" type="DATE" value="1998-02-10">yesterday</TIMEX3> in Oslo.</TEXT>
            </TimeML>
            """);
        var r = Dossier("eval", "timex", Dir, "--list", "value");
        Assert.Equal(0, r.Code);
        Assert.Contains("value DATE 9999-99-99→9999-99-99", r.Out);
        Assert.Contains("b: Value gold [yesterday] DATE 1998-02-10 | sys [yesterday] DATE 1998-02-11", r.Out);
    }

    [Fact]
    public void NerScoresAGmbFile()
    {
        var csv = Path.Combine(Dir, "g.csv");
        File.WriteAllText(csv, """
            Sentence #,Word,POS,Tag
            Sentence: 1,President,NNP,B-per
            ,Vladimir,NNP,I-per
            ,Putin,NNP,I-per
            ,visited,VBD,O
            ,France,NNP,B-geo
            ,.,.,O
            """);
        var r = Dossier("eval", "ner", csv);
        Assert.Equal(0, r.Code);
        Assert.Contains("geo    P 1.000 R 1.000", r.Out);
        Assert.Contains("micro", r.Out);
    }

    [Fact]
    public void MissingInputIsAUsageError()
    {
        var r = Dossier("eval", "extraction", Path.Combine(Dir, "nothing-here"));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("DSR402", r.Err);
    }
}
