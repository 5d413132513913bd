namespace Dossier.Tests;

/// <summary><c>dossier eval events</c> run as a user runs it, on small gold files of our own.</summary>
public sealed class EventEvalCommandTests() : CliTestBase("dossier-evalevents-")
{
    private string Write(string name, string text)
    {
        var p = Path.Combine(Dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    // Invented sentences in the PLOVER GSR layout: a header record, three events, and one record with no text.
    private const string Gsr = """
        [
          {"id": "HEADER", "event": "DOCUMENT"},
          {"id": "T-1", "event": "ASSAULT", "text": "Russian forces shelled Kharkiv on Monday.",
           "source": [{"actorText": "Russian forces", "code": "RUSMIL"}], "target": [{"actorText": "Kharkiv", "code": "UKR"}]},
          {"id": "T-2", "event": "CONSULT", "text": "The French president met the German chancellor in Berlin.",
           "source": [{"actorText": "French president", "code": "FRAGOV"}], "target": [{"actorText": "German chancellor", "code": "DEUGOV"}]},
          {"id": "T-3", "event": "AGREE", "text": "The weather was mild across the valley all week.",
           "source": [{"actorText": "Norway", "code": "NOR"}], "target": []},
          {"id": "T-4", "event": "AGREE"}
        ]
        """;

    [Fact]
    public void ScoresPloverGoldRecordsWithTypeFullAndConfusion()
    {
        var (code, o, e) = Dossier("eval", "events", Write("gsr.json", Gsr), "--errors", "5");
        Assert.True(code == 0, e);
        Assert.Contains("events: 3 PLOVER gold records", o);
        Assert.Matches(@"type  P \d\.\d{3}  R \d\.\d{3}  F1 \d\.\d{3}", o);
        Assert.Matches(@"full  P \d\.\d{3}  R \d\.\d{3}  F1 \d\.\d{3}", o);
        Assert.Contains("confusion (gold: first coded type", o);
        // Nothing happens in the weather sentence: it is missed, never right.
        Assert.Contains("AGREE        none 1", o);
        Assert.Contains("T-3: gold AGREE Norway [NOR] -> ?", o);
        // The record with no text is reported where it is and skipped; the rest are scored.
        Assert.Contains("gsr.json:5: malformed event gold record: no 'text' or 'event' (DSR253)", e);
    }

    [Fact]
    public void ScoresPetrarchRecordsAsTheShareCodedExactly()
    {
        var dict = Path.Combine(Dir, "dictionaries");
        Directory.CreateDirectory(dict);
        File.WriteAllText(Path.Combine(dict, "PETR.Validate.actors.txt"), "ARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n");
        File.WriteAllText(Path.Combine(dict, "PETR.Validate.agents.txt"), "SOLDIER [~MIL]\n");
        var validation = Path.Combine(Dir, "validation");
        Directory.CreateDirectory(validation);
        var file = Path.Combine(validation, "records.jsonl");
        File.WriteAllText(file, """
            {"id": "A-1", "category": "DEMO", "date": "20240105", "text": "Nothing at all happened in the quiet town.", "expected_events": [], "expect_no_events": true}
            {"id": "A-2", "category": "DEMO", "date": "20240105", "text": "Arnor soldiers attacked Gondor.", "expected_events": [{"source": "ARNMIL", "target": "GON", "event": "190"}], "expect_no_events": false}
            not json
            {"id": "A-3", "category": "ERROR", "text": "", "expected_events": [], "expected_error": "empty"}
            """);
        var (code, o, e) = Dossier("eval", "events", file, "--errors", "3");
        Assert.True(code == 0, e);
        Assert.Contains("events: 3 PETRARCH records (2 scored, 1 that expect an input error)", o);
        Assert.Matches(@"coded exactly: [12] of 2", o);   // the quiet town codes nothing, which is right
        Assert.Contains("records.jsonl:3: malformed event gold record", e);
        Assert.Contains("DSR253", e);
    }

    [Fact]
    public void PetrarchRecordsWithoutDictionariesScoreCodesOnlyAndSaySo()
    {
        var file = Write("r.jsonl", """{"id": "B-1", "category": "DEMO", "text": "Nothing happened.", "expected_events": [], "expect_no_events": true}""" + "\n");
        var (code, o, e) = Dossier("eval", "events", file);
        Assert.True(code == 0, e);
        Assert.Contains("coded exactly (CAMEO codes only): 1 of 1", o);
        Assert.Contains("only the CAMEO codes are scored", e);
    }

    [Theory]
    [InlineData("plain text, not records\n", "it starts with 'p'")]
    [InlineData("", "the file is empty")]
    [InlineData("[{\"id\": 1,", "not PLOVER gold-standard records")]
    public void AFileThatIsNotEventGoldIsRefusedWithACode(string content, string reason)
    {
        var (code, _, e) = Dossier("eval", "events", Write("bad.json", content));
        Assert.NotEqual(0, code);
        Assert.Contains("DSR252", e);
        Assert.Contains(reason, e);
    }
}
