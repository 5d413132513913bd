using Dossier.Acceptance.Seed;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Acceptance;

/// <summary>
/// The acceptance bar: the seed article read, cleaned and extracted exactly as the CLI does it, checked item by item
/// against ../shared/data/seed/expected.json. One test case per `must` item; `should` items are reported, not asserted.
/// </summary>
/// <remarks>These fail until every component of the default pipeline is in: that is expected. Never weaken them to pass.</remarks>
public sealed class SeedAcceptanceTests(ITestOutputHelper output)
{
    /// <summary>Ids of the must items ("actor:Vladimir Putin", "timex:December 8 of last year", "document:embed" …).</summary>
    public static IEnumerable<object[]> MustIds() => SeedExpectations.Ids("must");

    [SharedDataTheory("seed", SeedExpectations.ExpectedFile)]
    [MemberData(nameof(MustIds))]
    public void Must(string id)
    {
        Assert.NotNull(SharedData.File("seed", SeedExpectations.ArticleFile));
        var item = SeedExpectations.Get("must", id);
        var outcome = SeedChecks.Evaluate(item, SeedRun.Record, SeedRun.Raw);
        output.WriteLine(outcome.Detail);
        Assert.True(outcome.Holds, $"{id}: {outcome.Detail}");
    }

    [SharedDataFact("seed", SeedExpectations.ExpectedFile)]
    public void EveryExpectedSectionHasACheck()
    {
        string[] known = ["actor", "not_entity", "timex", "quote", "claim", "event", "money", "document"];
        var unknown = SeedExpectations.Items.Where(i => !known.Contains(i.Kind)).Select(i => i.Id).ToList();
        Assert.True(unknown.Count == 0, "expected.json has items no check understands: " + string.Join(", ", unknown));
        Assert.Equal(SeedExpectations.Items.Count, SeedExpectations.Items.Select(i => i.Tier + i.Id).Distinct().Count());
    }

    [SharedDataFact("seed", SeedExpectations.ArticleFile)]
    public void SeedOutputKeepsTheContract()
    {
        var problems = Contract.ContractValidator.Problems(SeedRun.Record);
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
    }

    [SharedDataFact("seed", SeedExpectations.ExpectedFile)]
    public void ShouldItemsAreReported()
    {
        var record = SeedRun.Record;
        var lines = new List<string>();
        int held = 0, total = 0;
        var body = new List<string>();
        foreach (var item in SeedExpectations.Items.Where(i => i.Tier == "should"))
        {
            var o = SeedChecks.Evaluate(item, record, SeedRun.Raw);
            total++;
            if (o.Holds) held++;
            body.Add($"{(o.Holds ? "[x]" : "[ ]")} {item.Id}: {o.Detail}");
        }
        lines.Add($"should: {held} of {total} hold");
        lines.AddRange(body);
        // The must tally too, so one file shows where the seed stands.
        var must = SeedExpectations.Items.Where(i => i.Tier == "must").Select(i => (i, o: SeedChecks.Evaluate(i, record, SeedRun.Raw))).ToList();
        lines.Add("");
        lines.Add($"must: {must.Count(m => m.o.Holds)} of {must.Count} hold");
        lines.AddRange(must.Select(m => $"{(m.o.Holds ? "[x]" : "[ ]")} {m.i.Id}: {m.o.Detail}"));

        foreach (var l in lines) output.WriteLine(l);
        var dir = Path.Combine(SharedData.RepoRoot, "artifacts");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "acceptance-should.txt");
        File.Delete(file);
        File.WriteAllLines(file, lines);
        Assert.True(File.Exists(file), $"report not written: {file}");
        Assert.StartsWith("should: ", File.ReadLines(file).First());
    }
}
