using BenchmarkDotNet.Attributes;
using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Text;

namespace Dossier.Benchmarks;

/// <summary>
/// Extraction cost per stage, single-threaded, over the whole sample. Each pipeline benchmark runs on freshly cleaned
/// documents (cleaned in [IterationSetup], outside the measurement), so its figure is the pipeline alone; stages are
/// cumulative (segment, segment+ner, ...), so a component's own cost is the difference between neighbours.
/// </summary>
[BenchmarkCategory("extract")]
public class StageBenchmarks
{
    private DocumentPipeline _segment = null!, _ner = null!, _actors = null!, _timex = null!, _quotes = null!, _events = null!;
    private Document[] _docs = [];

    [GlobalSetup]
    public void Setup()
    {
        _segment = DocumentPipeline.FromConfig("segment");
        _ner = DocumentPipeline.FromConfig("segment+ner");
        _actors = DocumentPipeline.FromConfig("segment+syntax+ner+actors");
        _timex = DocumentPipeline.FromConfig("segment+syntax+ner+actors+timex");
        _quotes = DocumentPipeline.FromConfig("segment+syntax+ner+actors+timex+quotes+claims");
        _events = DocumentPipeline.FromConfig("segment+syntax+ner+actors+timex+quotes+claims+events");
        // Warm every lazily built lexicon (and the default extractor) before the first measured iteration.
        var first = BenchSample.Raw[0];
        _events.Process(ArticleCleaner.Clean(first).Document!);
        Extractor.Default.Extract(first);
        Console.WriteLine($"// Sample: {BenchSample.Origin}; {BenchSample.Words:N0} words in {BenchSample.Articles} articles");
    }

    // Pipelines add layers to the document they are given, so each iteration needs documents no stage has seen.
    [IterationSetup(Targets = [nameof(Segment), nameof(SegmentNer), nameof(PlusActors), nameof(PlusTimex), nameof(PlusQuotesClaims), nameof(PlusEvents)])]
    public void CleanSample()
    {
        var raw = BenchSample.Raw;
        var docs = new List<Document>(raw.Count);
        foreach (var r in raw)
            if (ArticleCleaner.Clean(r).Document is { } d) docs.Add(d);
        _docs = [.. docs];
    }

    /// <summary>Cleaning alone: main text, header lines, whitespace normalisation, offset map, embedded posts.</summary>
    [Benchmark(Description = "clean")]
    public int Clean()
    {
        int n = 0;
        foreach (var r in BenchSample.Raw)
            if (ArticleCleaner.Clean(r).Document is not null) n++;
        return n;
    }

    [Benchmark(Description = "segment")]
    public int Segment() => Run(_segment);

    [Benchmark(Description = "segment+ner")]
    public int SegmentNer() => Run(_ner);

    [Benchmark(Description = "+actors")]
    public int PlusActors() => Run(_actors);

    [Benchmark(Description = "+timex")]
    public int PlusTimex() => Run(_timex);

    [Benchmark(Description = "+quotes+claims")]
    public int PlusQuotesClaims() => Run(_quotes);

    [Benchmark(Description = "+events")]
    public int PlusEvents() => Run(_events);

    /// <summary>The product path: Extractor.Default.Extract (cleaning + default pipeline) on every raw article.</summary>
    [Benchmark(Description = "full default (clean+pipeline)")]
    public int FullDefault()
    {
        int n = 0;
        foreach (var r in BenchSample.Raw)
            if (Extractor.Default.Extract(r).Document is not null) n++;
        return n;
    }

    private int Run(DocumentPipeline pipeline)
    {
        int n = 0;
        foreach (var d in _docs) n += pipeline.Process(d).Tokens.Length;
        return n;
    }
}
