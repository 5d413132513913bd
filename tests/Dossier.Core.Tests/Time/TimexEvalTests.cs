using Dossier.Documents;
using Dossier.Evaluation;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Time;

public sealed class TimexScorerTests
{
    private const string Text = "Profit rose in the third quarter, and on Friday the board met for two hours.";

    private static ScoredTimex At(string extent, TimexType type, string value)
    {
        int i = Text.IndexOf(extent, StringComparison.Ordinal);
        return new ScoredTimex(i, i + extent.Length, type, value);
    }

    [Fact]
    public void PerfectOutputScoresOne()
    {
        var gold = new[] { At("the third quarter", TimexType.DATE, "1989-Q3"), At("Friday", TimexType.DATE, "1989-10-20") };
        var s = TimexScorer.Score("d", Text, gold, gold);
        Assert.Equal(1.0, s.StrictF1); Assert.Equal(1.0, s.RelaxedF1); Assert.Equal(1.0, s.ValueF1);
    }

    [Fact]
    public void OverlapIsRelaxedNotStrict_AndValueF1IsAccuracyTimesRelaxedF1()
    {
        var gold = new[] { At("the third quarter", TimexType.DATE, "1989-Q3"), At("Friday", TimexType.DATE, "1989-10-20"), At("two hours", TimexType.DURATION, "PT2H") };
        var sys = new[] { At("third quarter", TimexType.DATE, "1989-Q3"), At("Friday", TimexType.DATE, "1989-10-27"), At("board", TimexType.DATE, "X") };
        var errors = new List<TimexError>();
        var s = TimexScorer.Score("d", Text, gold, sys, errors);
        Assert.Equal(2, s.Relaxed);
        Assert.Equal(1, s.Strict);
        Assert.Equal(0.5, s.ValueAccuracy);
        Assert.Equal(2.0 / 3, s.RelaxedF1, 6);
        Assert.Equal(0.5 * 2.0 / 3, s.ValueF1, 6);
        Assert.Contains(errors, e => e.Kind == TimexErrorKind.Missed && e.GoldText == "two hours");
        Assert.Contains(errors, e => e.Kind == TimexErrorKind.Spurious && e.SystemText == "board");
        Assert.Contains(errors, e => e.Kind == TimexErrorKind.Value && e.KindKey == "value DATE 9999-99-99→9999-99-99");
    }

    [Fact]
    public void PairingIsOneToOne()
    {
        var gold = new[] { At("the third quarter", TimexType.DATE, "1989-Q3") };
        var sys = new[] { At("the third", TimexType.DATE, "1989-Q3"), At("quarter", TimexType.DATE, "1989-Q3") };
        var s = TimexScorer.Score("d", Text, gold, sys);
        Assert.Equal(1, s.Relaxed);
        Assert.Equal(2, s.System);
    }

    [Fact]
    public void ReaderRemovesTagsAndKeepsOffsets()
    {
        var xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08T10:00\">x</TIMEX3></DCT>\n<TEXT>Sales &amp; profit <EVENT eid=\"e1\">fell</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\" mod=\"END\">late yesterday</TIMEX3>.</TEXT></TimeML>";
        var d = TimeMlReader.Parse(xml, "x");
        Assert.Equal("Sales & profit fell late yesterday.", d.Text);
        Assert.Equal(new DateOnly(1998, 1, 8), d.Dct);
        var t = Assert.Single(d.Timexes);
        Assert.Equal("late yesterday", d.Text[t.Start..t.End]);
        Assert.Equal(("t1", TimexType.DATE, "1998-01-07", "END"), (t.Tid, t.Type, t.Value, t.Mod));
    }
}

/// <summary>Runs the tagger over the TempEval-3 TBAQ training data and prints the figures (a sanity floor only).</summary>
public sealed class TimexEvalTests(ITestOutputHelper output)
{
    [SharedDataTheory("tempeval3-tbaq")]
    [InlineData("TimeBank")]
    [InlineData("AQUAINT")]
    [InlineData("")]
    public void TempEval3Tbaq(string part)
    {
        var dir = Path.Combine(SharedData.File("tempeval3-tbaq")!, part);
        var r = TimexEval.Run(dir);
        output.WriteLine($"TBAQ {(part == "" ? "all" : part)}: {r.Documents} docs; {r.Scores}");
        output.WriteLine($"throughput: {r.TimexesPerSecond:N0} timexes/s, {r.WordsPerSecond:N0} words/s ({r.Words:N0} words in {r.TaggingTime.TotalMilliseconds:N0} ms)");
        foreach (var (kind, n) in r.ErrorKinds(15)) output.WriteLine($"{n,5}  {kind}");
        if (Environment.GetEnvironmentVariable("TIMEX_ERRORS") is { Length: > 0 } path)
            File.WriteAllLines(Path.Combine(path, $"timex-errors-{(part == "" ? "all" : part)}.txt"), r.Errors.Select(e => e.KindKey + " | " + e));
        Assert.True(r.Scores.RelaxedF1 > 0.6, "relaxed F1 fell below the sanity floor");
        Assert.True(r.Scores.ValueF1 > 0.45, "value F1 fell below the sanity floor");
    }
}
