using Dossier.Contract;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Acceptance.Contract;

/// <summary>The sample articles of data/samples, run through the default pipeline, exercise every layer and every kind of fact.</summary>
/// <remarks>It guards two things at once: the samples stay rich (the demo shows every layer), and no component goes silent.</remarks>
public sealed class SampleCoverageTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<ArticleRecord>> Records = new(() =>
    {
        var dir = Path.Combine(SharedData.RepoRoot, "data", "samples");
        var list = new List<ArticleRecord>();
        foreach (var item in ArticleReader.Read([dir], new ReadOptions()))
        {
            if (item.Article is null) continue;
            var r = Extractor.Default.Extract(item.Article);
            if (r.Document != null) list.Add(ContractMapper.ToRecord(r.Document, Extractor.Default.Pipeline.Config));
        }
        return list;
    });

    /// <summary>What the samples must show somewhere, by name.</summary>
    private static readonly Dictionary<string, Func<ArticleRecord, bool>> Features = new()
    {
        ["publication date"] = r => r.Published != null,
        ["title from the input"] = r => r.Title != null,
        ["sentences"] = r => r.Sentences.Count > 0,
        ["PERSON entity"] = r => r.Entities.Any(e => e.Type == "PERSON"),
        ["ORG entity"] = r => r.Entities.Any(e => e.Type == "ORG"),
        ["GPE entity"] = r => r.Entities.Any(e => e.Type == "GPE"),
        ["MONEY with value and currency"] = r => r.Entities.Any(e => e.Type == "MONEY" && e.Value != null && e.Currency != null),
        ["actor with an alias"] = r => r.Actors.Any(a => a.Aliases.Count > 0),
        ["actor with a role"] = r => r.Actors.Any(a => a.Roles.Count > 0),
        ["DATE timex"] = r => r.Timexes.Any(t => t.Type == "DATE"),
        ["DURATION timex"] = r => r.Timexes.Any(t => t.Type == "DURATION"),
        ["direct quote with a speaker"] = r => r.Quotes.Any(q => q.Kind == "direct" && q.Speaker != null),
        ["indirect quote"] = r => r.Quotes.Any(q => q.Kind == "indirect"),
        ["social quote"] = r => r.Quotes.Any(q => q.Kind == "social"),
        ["embedded post"] = r => r.Posts.Count > 0,
        ["asserted claim"] = r => r.Claims.Any(c => c.Certainty == "asserted"),
        ["unverified claim"] = r => r.Claims.Any(c => c.Certainty == "unverified"),
        ["reported claim from an unnamed source"] = r => r.Claims.Any(c => c.Certainty == "reported" && c.Source == "unnamed"),
        ["speculative claim"] = r => r.Claims.Any(c => c.Certainty == "speculative"),
        ["event with source and target"] = r => r.Events.Any(e => e.Source.Count > 0 && e.Target.Count > 0),
        ["event dated by the text"] = r => r.Events.Any(e => e.Date != null && !e.DateFromPublication),
        ["negated event"] = r => r.Events.Any(e => e.Negated),
        ["CONSULT event"] = r => r.Events.Any(e => e.Cameo.StartsWith("04", StringComparison.Ordinal)),
        ["coercive or violent event"] = r => r.Events.Any(e => e.Cameo.Length >= 2 && e.Cameo[..2] is "17" or "18" or "19"),
    };

    public static TheoryData<string> FeatureNames() => new(Features.Keys);

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void SamplesShow(string feature)
    {
        var records = Records.Value;
        Assert.True(records.Count >= 8, $"only {records.Count} sample articles were extracted from data/samples");
        var with = records.Where(Features[feature]).Select(r => Path.GetFileName(r.Source ?? "?")).Distinct().ToList();
        output.WriteLine($"{feature}: {string.Join(", ", with)}");
        Assert.True(with.Count > 0, $"no sample article shows: {feature}");
    }
}
