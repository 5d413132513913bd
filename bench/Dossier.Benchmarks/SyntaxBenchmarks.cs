using BenchmarkDotNet.Attributes;
using Dossier.Documents;
using Dossier.Extraction.Syntax;
using Dossier.Text;

namespace Dossier.Benchmarks;

/// <summary>
/// The syntax component alone (tagging, lemmas, parsing; the words split from the tokens included), single-threaded, over
/// the sample's documents cleaned and segmented in setup; and the whole default pipeline (which runs it) for comparison.
/// The target: tagging + parsing at 100,000 words per second or more on one core.
/// </summary>
[BenchmarkCategory("syntax")]
public class SyntaxBenchmarks
{
    private Document[] _docs = [];
    private readonly SyntaxComponent _syntax = new();

    [GlobalSetup]
    public void Setup()
    {
        var docs = new List<Document>();
        foreach (var r in BenchSample.Raw)
            if (ArticleCleaner.Clean(r).Document is { } d)
            {
                new Segmenter().Process(d);
                docs.Add(d);
            }
        _docs = [.. docs];
        _syntax.Process(_docs[0]); // loads the model
        Console.WriteLine($"// Syntax sample: {BenchSample.Origin}; {_docs.Sum(d => d.Tokens.Length):N0} tokens in {_docs.Length} documents");
    }

    /// <summary>Tagging, lemmatising and parsing every sentence (the syntax layer is rebuilt each time).</summary>
    [Benchmark(Description = "syntax (tag+lemma+parse)")]
    public int Syntax()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            _syntax.Process(d);
            n += d.Syntax!.Heads.Length;
        }
        return n;
    }

    /// <summary>The product path with syntax: Extractor.Default on every raw article (cleaning and the default pipeline).</summary>
    [Benchmark(Description = "full default with syntax (clean+pipeline)")]
    public int FullDefault()
    {
        int n = 0;
        foreach (var r in BenchSample.Raw)
            if (Extractor.Default.Extract(r).Document is not null) n++;
        return n;
    }
}
