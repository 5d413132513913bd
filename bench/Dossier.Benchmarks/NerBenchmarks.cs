using BenchmarkDotNet.Attributes;
using Dossier.Documents;
using Dossier.Extraction.Entities;
using Dossier.Extraction.Entities.Tagging;
using Dossier.Text;

namespace Dossier.Benchmarks;

/// <summary>
/// Tokenisation and entity tagging throughput, single-threaded, over the cleaned sample texts (cleaning is done once in
/// setup and not measured). "tokenize" is the segmenter alone; "tokenize+tag" adds the statistical tagger (features,
/// scores, Viterbi) on every sentence; the recogniser's dictionary layer and rules are in StageBenchmarks' segment+ner.
/// </summary>
[BenchmarkCategory("ner")]
public class NerBenchmarks
{
    private string[] _texts = [];
    private readonly Segmenter _segmenter = new();
    private readonly List<TaggedSpan> _spans = new();
    private TaggerModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchSample.Raw.Select(r => ArticleCleaner.Clean(r).Document?.Text).OfType<string>().ToArray();
        _model = NerModels.Default;
        TokenizeAndTag();
        Console.WriteLine($"// NER sample: {_texts.Length} texts; model {_model.Features:N0} features");
    }

    [Benchmark(Description = "tokenize")]
    public int Tokenize()
    {
        int n = 0;
        foreach (var t in _texts)
        {
            var doc = new Document(t);
            _segmenter.Process(doc);
            n += doc.Tokens.Length;
        }
        return n;
    }

    /// <summary>The rule recogniser's candidates and types, which the tagger reads as features.</summary>
    [Benchmark(Description = "tokenize+rule features")]
    public int TokenizeAndRules()
    {
        int n = 0;
        foreach (var t in _texts)
        {
            var doc = new Document(t);
            _segmenter.Process(doc);
            n += RuleTags.For(doc).Length;
        }
        return n;
    }

    [Benchmark(Description = "tokenize+tag")]
    public int TokenizeAndTag()
    {
        int n = 0;
        var tagger = SequenceTagger.ForThread(_model);
        foreach (var t in _texts)
        {
            var doc = new Document(t);
            _segmenter.Process(doc);
            _spans.Clear();
            tagger.TagDocument(doc, _spans);
            n += _spans.Count;
        }
        return n;
    }
}
