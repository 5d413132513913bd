using System.Diagnostics;
using Dossier.Documents;
using Dossier.Evaluation;
using Dossier.Pipeline;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Quotes;

public class AttributionEvalTests(ITestOutputHelper output)
{
    private const string Ann =
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tthe plan … ended\nT4\tAttribution 6 10\tsaid\n" +
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tContent 40 50\tno source\nT6\tAttribution 51 55\tsaid\nE2\tAttribution:T6 Content:T5\n";

    [Fact]
    public void ReadsBratAttributionsWithFragmentsAndMissingSources()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Ann);
            var gold = AttributionEval.ReadBrat(path);
            Assert.Equal(2, gold.Count);
            Assert.Equal([(11, 20), (25, 30)], gold[0].Content);
            Assert.Equal((0, 5, 14), (gold[0].SourceStart, gold[0].SourceEnd, gold[0].Length));
            Assert.Equal(-1, gold[1].SourceStart);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MalformedOffsetsAreACodedError()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "T1\tContent 5 x\tword\n");
            var e = Assert.Throws<DossierException>(() => AttributionEval.ReadBrat(path));
            Assert.Equal("DSR241", e.Error.Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ScoresOverlapOneToOneAndSpeakers()
    {
        var d = new Document(new string('x', 100));
        d.Quotes.Add(new Quote { Start = 12, End = 30, SpeakerStart = 0, SpeakerEnd = 5 });  // covers 13 of 14 gold chars, right speaker
        d.Quotes.Add(new Quote { Start = 12, End = 30 });                                    // a duplicate: unmatched
        d.Quotes.Add(new Quote { Start = 48, End = 60 });                                    // covers 2 of 10: too little
        var gold = new List<GoldAttribution>
        {
            new([(11, 20), (25, 30)], 0, 5, "a"),
            new([(40, 50)], -1, -1, "\"b\""),
        };
        var eval = new AttributionEval();
        eval.Add(d, gold);
        Assert.Equal((1, 3, 2), (eval.Matched, eval.Predicted, eval.Gold));
        Assert.Equal((1, 1), (eval.SpeakerHits, eval.WithSource));
        Assert.Equal((0, 1), (eval.MatchedDirect, eval.GoldDirect));
    }

    [Fact]
    public void QuotesSharingACueAreOneAttributionAndSpeakersCountBySpanOrActor()
    {
        // "A," he said, "B." — two quotes with one cue: one attribution whose content is both halves.
        var d = new Document(new string('x', 100));
        d.Entities.Add(new EntityMention { Start = 0, End = 5, Type = EntityType.PERSON, Actor = 0 });
        d.Entities.Add(new EntityMention { Start = 60, End = 62, Type = EntityType.PERSON, Actor = 0 });
        d.Quotes.Add(new Quote { Start = 10, End = 20, Kind = QuoteKind.Direct, Speaker = 0, SpeakerStart = 60, SpeakerEnd = 62, CueStart = 63, CueEnd = 67 });
        d.Quotes.Add(new Quote { Start = 70, End = 80, Kind = QuoteKind.Direct, Speaker = 0, SpeakerStart = 60, SpeakerEnd = 62, CueStart = 63, CueEnd = 67 });
        var gold = new List<GoldAttribution> { new([(10, 20), (70, 80)], 0, 5, "\"a\" … \"b\"") };
        var eval = new AttributionEval();
        eval.Add(d, gold);
        Assert.Equal((1, 1, 0), (eval.Matched, eval.Predicted, eval.Fragments));
        // The speaker mention (60–62, a pronoun) is not the gold source (0–5), but its actor is the one named there.
        Assert.Equal((0, 1, 1), (eval.SpeakerHits, eval.SpeakerActorHits, eval.SpeakerEitherHits));
        Assert.Equal((1, 1, 1), (eval.Direct.Gold, eval.Direct.Predicted, eval.Direct.Matched));
        Assert.Equal(1.0, eval.Direct.Either);
    }

    /// <summary>PolNeAR dev with the components this build has: segment, syntax, then ner and actors when registered, then quotes.</summary>
    [SharedDataFact("polnear-attribution", "polnear-train-dev.tar.xz")]
    public void PolNearDev()
    {
        var tmp = Path.Combine(Path.GetTempPath(), "dossier-polnear-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(tmp);
        try
        {
            var psi = new ProcessStartInfo("tar", ["-xJf", SharedData.File("polnear-attribution", "polnear-train-dev.tar.xz")!, "-C", tmp, "polnear/dev"])
            { RedirectStandardError = true };
            using (var p = Process.Start(psi)!) { p.WaitForExit(); Assert.Equal(0, p.ExitCode); }
            var names = new[] { "segment", "syntax", "ner", "actors", "quotes" }.Where(ComponentRegistry.Contains).ToArray();
            var components = names.Select(ComponentRegistry.Create).ToArray();
            var eval = AttributionEval.ScoreFolder(Path.Combine(tmp, "polnear", "dev"), d => { foreach (var c in components) c.Process(d); });
            output.WriteLine($"PolNeAR dev, components {string.Join("+", names)}: {eval}");
            Console.WriteLine($"PolNeAR dev, components {string.Join("+", names)}: {eval}");
            Assert.True(eval.Documents > 50, "dev split not found");
            // A sanity floor, far below the figures reported in the README of this part: catches a broken extractor, not a regression.
            Assert.True(eval.F1 > 0.25 && eval.SpeakerAccuracy > 0.3, eval.ToString());
        }
        finally { Directory.Delete(tmp, true); }
    }
}
