using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Tests.Quotes;

/// <summary>The seed's quote and claim items through the real cleaner and segment+syntax+ner+actors+quotes+claims.</summary>
public class SeedPipelineTests(ITestOutputHelper output)
{
    private static readonly Lazy<Document> Doc = new(() =>
    {
        var ex = new Extractor(DocumentPipeline.FromConfig("segment+syntax+ner+actors+quotes+claims"));
        var r = ex.Extract(new RawArticle { Source = "seed", Body = File.ReadAllText(SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!) });
        return r.Document ?? throw new DossierException(r.Error!.Value);
    });

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(SeedQuoteTests.MustQuotes), MemberType = typeof(SeedQuoteTests))]
    public void MustQuotes(string contains, string kind, string[] speakers)
    {
        var d = Doc.Value;
        output.WriteLine(Docs.Dump(d));
        Assert.Contains(d.Quotes, q => d.Slice(q.Start, q.End).Contains(contains) && q.Kind.ToString() == kind && speakers.Contains(d.ActorName(q.Speaker)));
    }

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(SeedQuoteTests.Claims), MemberType = typeof(SeedQuoteTests))]
    public void Claims(string contains, string[] certainty, string source)
    {
        var d = Doc.Value;
        output.WriteLine(Docs.DumpClaims(d));
        var hits = d.Claims.Where(c => d.Slice(c.Start, c.End).Replace('’', '\'').Contains(contains)).ToList();
        Assert.Contains(hits, c => certainty.Contains(c.Certainty.ToString()) && c.Source.ToString() == source);
    }
}
