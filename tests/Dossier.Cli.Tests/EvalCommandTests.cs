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
    public void QuotesScoresAnAttributionFolder()
    {
        // One article of our own with two attributions in PolNeAR's brat standoff: a direct quote and reported speech.
        const string text = "Talks in Oslo\n\"We will not give in,\" the minister said on Monday. Anna Berg told reporters that the talks would go on.\n";
        Directory.CreateDirectory(Path.Combine(Dir, "dev", "text"));
        Directory.CreateDirectory(Path.Combine(Dir, "dev", "attributions"));
        File.WriteAllText(Path.Combine(Dir, "dev", "text", "a.txt"), text);
        string T(string id, string type, string words) { int at = text.IndexOf(words, StringComparison.Ordinal); return $"{id}\t{type} {at} {at + words.Length}\t{words}\n"; }
        File.WriteAllText(Path.Combine(Dir, "dev", "attributions", "a_1.ann"),
            T("T1", "Content", "\"We will not give in,\"") + T("T2", "Source", "the minister") + T("T3", "Cue", "said") + T("T4", "Attribution", "said") +
            "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
            T("T5", "Content", "the talks would go on") + T("T6", "Source", "Anna Berg") + T("T7", "Cue", "told") + T("T8", "Attribution", "told") +
            "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n");
        var r = Dossier("eval", "quotes", Dir, "--errors", "3");
        Assert.Equal(0, r.Code);
        Assert.Contains("quotes: 1 articles of", r.Out);
        Assert.Matches(@"direct quotes\s+1\s+\d+\s+1\s", r.Out);       // the direct quote found
        Assert.Matches(@"all attributions\s+2\s", r.Out);
        Assert.Contains("covers at least 50 %", r.Out);                  // the overlap rule is stated
        Assert.Contains("missed (cue in <>):", r.Out);
    }

    [Fact]
    public void QuotesRefusesAFolderWithoutAttributions()
    {
        var r = Dossier("eval", "quotes", Dir);
        Assert.NotEqual(0, r.Code);
        Assert.Contains("DSR242", r.Err);
    }

    [Fact]
    public void ExtractionNamesTheSegmentsMissedAndTheBoilerplateKept()
    {
        // A benchmark folder of one page: the article's text, a credit the text must not hold, a sentence it must.
        var folder = Directory.CreateDirectory(Path.Combine(Dir, "bench")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "html"));
        File.WriteAllText(Path.Combine(folder, "html", "p.html"), """
            <html><body><article><h1>Quay closes</h1>
            <p>The harbour authority of Port Aldane said on Tuesday that it would close the northern quay for repairs after storms damaged two of its cranes.</p>
            <p>Mira Olsen, the authority's operations director, said the work would take about six weeks and that no jobs would be lost.</p>
            <p>AFP / MARCO BERTORELLO</p></article></body></html>
            """);
        File.WriteAllText(Path.Combine(folder, "evaldata.json"), """
            {"https://example.org/p": {"file": "p.html", "with": ["close the northern quay", "a segment that is nowhere"], "without": ["MARCO BERTORELLO", "Subscribe now"]}}
            """);
        var r = Dossier("eval", "extraction", folder, "--errors", "5");
        Assert.Equal(0, r.Code);
        Assert.Contains("TP 1 FN 1 FP 0 TN 2", r.Out);
        Assert.Contains("p.html: 1 missed, 0 boilerplate kept", r.Out);
        Assert.Contains("missed: a segment that is nowhere", r.Out);
    }

    [Fact]
    public void MissingInputIsAUsageError()
    {
        var r = Dossier("eval", "extraction", Path.Combine(Dir, "nothing-here"));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("DSR402", r.Err);
    }
}
