using Dossier.Evaluation;
using Dossier.Extraction.Events;
using Dossier.Pipeline;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Events;

/// <summary>Event coding on the PLOVER gold-standard records: prints the figures; the asserts are sanity floors only.</summary>
public class EventEvalTests(ITestOutputHelper output)
{
    [SharedDataFact("plover", "PLOVER_GSR_CAMEO.shared.json")]
    public void GsrWithGoldActors()
    {
        var records = EventEval.Load(SharedData.File("plover", "PLOVER_GSR_CAMEO.shared.json")!);
        var s = EventEval.ScoreWithGoldActors(records, new EventCoder());
        output.WriteLine("GSR, gold actors: " + s);
        Assert.Equal(252, s.Records);
        Assert.True(s.TopAccuracy > 0.15, s.ToString());
        Assert.True(s.SourceAgreement > 0.5, s.ToString());
    }

    [SharedDataFact("plover", "PLOVER_GSR_CAMEO.shared.json")]
    public void GsrWithPipeline()
    {
        var records = EventEval.Load(SharedData.File("plover", "PLOVER_GSR_CAMEO.shared.json")!);
        var config = string.Join("+", DocumentPipeline.DefaultConfig.Split('+').Where(ComponentRegistry.Contains));
        if (!ComponentRegistry.Contains("ner") || !ComponentRegistry.Contains("actors") || !ComponentRegistry.Contains("timex"))
        {
            output.WriteLine($"not run: this build lacks ner, actors or timex (has '{config}')");
            return;
        }
        var s = EventEval.ScoreWithPipeline(records, DocumentPipeline.FromConfig(config));
        output.WriteLine($"GSR, pipeline '{config}': " + s);
        Assert.Equal(252, s.Records);
    }

    [Theory]
    [InlineData("1053", "DEMAND")]
    [InlineData("190", "FIGHT")]
    [InlineData("180", "ASSAULT")]
    [InlineData("111", "DISAPPROVE")]
    [InlineData("040", "CONSULT")]
    [InlineData("010", null)]
    public void MapsToGsrLabels(string cameo, string? label) => Assert.Equal(label, EventEval.Label05(cameo));
}
