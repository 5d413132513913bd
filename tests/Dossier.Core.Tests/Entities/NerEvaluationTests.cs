using Dossier.Evaluation;
using Dossier.Pipeline;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Entities;

/// <summary>Scores the contract entities of segment+ner (and of the rule-only ner-rules) on GMB dev and GUM news, mapped
/// back to the corpora's labels, and prints the figures; asserts only a sanity floor. The tagger in GMB's own labels is
/// scored by TaggerGmbDevTests.</summary>
public class NerEvaluationTests(ITestOutputHelper output)
{
    [SharedDataTheory("ner-gmb", "dev.csv")]
    [InlineData("segment+ner")]
    [InlineData("segment+ner-rules")]
    public void GmbDevScores(string config)
    {
        var sentences = GmbCorpus.Read(SharedData.File("ner-gmb", "dev.csv")!).ToList();
        var pipeline = DocumentPipeline.FromConfig(config);
        output.WriteLine(config);
        pipeline.Process(new Dossier.Documents.Document("Warm up the lexicons.")); // loading is not recognition time
        foreach (var titles in new[] { false, true })
        {
            var r = NerScorer.Score(sentences, pipeline, gmbTitles: titles);
            output.WriteLine($"GMB dev ({(titles ? "person spans widened over GMB titles" : "strict spans")}): {r.Sentences} sentences, {r.Words} words, {r.WordsPerSecond:N0} words/s, {r.Unscorable} sub-word spans not scorable");
            foreach (var t in r.PerType) output.WriteLine("  " + t);
            output.WriteLine("  " + r.Micro);
            if (titles)
                foreach (var e in r.Errors.Take(120))
                    output.WriteLine($"    [{e.SentenceId}] {e.Surface} gold={e.GoldType ?? "-"} pred={e.PredictedType ?? "-"}");
            Assert.True(r.Micro.F1 > 0.5, $"micro F1 {r.Micro.F1:0.000} is below the sanity floor");
        }
    }

    [SharedDataTheory("gum-news", "coref-conll")]
    [InlineData("segment+ner")]
    [InlineData("segment+ner-rules")]
    public void GumNewsScores(string config)
    {
        var docs = Directory.GetFiles(SharedData.File("gum-news", "coref-conll")!, "*.conll").Order().Select(NerGumScorer.Read).ToList();
        var r = NerGumScorer.Score(docs, DocumentPipeline.FromConfig(config));
        output.WriteLine(config);
        output.WriteLine($"GUM news (lenient head match, whole documents): {r.Sentences} documents, {r.Words} tokens, {r.Unscorable} sub-word spans not scorable");
        foreach (var t in r.PerType) output.WriteLine("  " + t);
        output.WriteLine("  " + r.Micro);
        foreach (var e in r.Errors.Take(150)) output.WriteLine($"    [{e.Text}] {e.Surface} gold={e.GoldType ?? "-"} pred={e.PredictedType ?? "-"}");
        Assert.True(r.Micro.F1 > 0.4, $"micro F1 {r.Micro.F1:0.000} is below the sanity floor");
    }

    [SharedDataFact("re3d")]
    public void Re3dScores()
    {
        var docs = NerRe3dScorer.Read(SharedData.File("re3d")!);
        Assert.Equal(78, docs.Count);
        Assert.All(docs, d => Assert.All(d.Mentions, m => Assert.True(m.Start < m.End && m.End <= d.Text.Length)));
        // The two halves the corpus is split into for writing rules on one and checking them on the other.
        Assert.InRange(docs.Count(d => d.Half == 0), 25, 53);
        var r = NerRe3dScorer.Score(docs, DocumentPipeline.FromConfig("segment+syntax+ner"));
        output.WriteLine($"re3d (lenient, whole documents): {r.Sentences} documents, {r.Words} words");
        foreach (var t in r.PerType) output.WriteLine("  " + t);
        output.WriteLine("  " + r.Micro);
        foreach (var e in r.Errors.Take(150)) output.WriteLine($"    {e.Surface} gold={e.GoldType ?? "-"} pred={e.PredictedType ?? "-"}");
        Assert.True(r.Micro.F1 > 0.6, $"micro F1 {r.Micro.F1:0.000} is below the sanity floor");
    }
}
