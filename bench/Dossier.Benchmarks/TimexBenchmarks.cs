using BenchmarkDotNet.Attributes;
using Dossier.Documents;
using Dossier.Extraction.Time;
using Dossier.Pipeline;
using Dossier.Text;

namespace Dossier.Benchmarks;

/// <summary>
/// The timex component's own cost, single-threaded, over the sample: documents are cleaned and run through the whole
/// default pipeline once in setup, then each iteration clears their timexes and tags them again, so the figure is the
/// tagger and normaliser alone (matching, functions, reference tracking, ranges) on real segmented articles. Compare it
/// with StageBenchmarks' "full default" for the share of extraction time that goes into time expressions.
/// </summary>
[BenchmarkCategory("timex")]
public class TimexBenchmarks
{
    private Document[] _docs = [];
    private readonly TimexTagger _tagger = new();

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = DocumentPipeline.FromConfig("segment+syntax+ner+actors+timex+quotes+claims+events");
        var docs = new List<Document>();
        foreach (var r in BenchSample.Raw)
            if (ArticleCleaner.Clean(r).Document is { } d) { pipeline.Process(d); docs.Add(d); }
        _docs = [.. docs];
        Console.WriteLine($"// Timex sample: {_docs.Length} documents, {_docs.Sum(d => d.Timexes.Count):N0} timexes");
    }

    [Benchmark(Description = "timex alone (segmented articles)")]
    public int Timex()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            d.Timexes.Clear();
            _tagger.Process(d);
            n += d.Timexes.Count;
        }
        return n;
    }
}
