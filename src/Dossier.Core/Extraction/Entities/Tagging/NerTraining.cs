using Dossier.Documents;
using Dossier.Evaluation;
using Dossier.Text;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>Training and scoring of the entity tagger on GMB-format corpora (the <c>train ner</c> and <c>eval ner</c> use cases).</summary>
public static class NerTraining
{
    /// <summary>Trains a model on <paramref name="trainPath"/>, scoring <paramref name="devPath"/> (if given) after every epoch.</summary>
    public static TaggerModel Train(string trainPath, string? devPath, TrainingOptions options, Action<string> log, Action<EpochReport> progress)
    {
        var trainer = new PerceptronTrainer(options);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var train = TrainingSet.From(Read(trainPath, log), trainer.Tags);
        log($"read {train.Count:N0} training sentences ({train.Sum(s => s.Gold.Length):N0} tokens) in {sw.Elapsed.TotalSeconds:N1} s");
        List<NerSentence>? dev = devPath is null ? null : Read(devPath, log);
        if (dev is { Count: 0 }) throw new DossierException(Errors.BadNerTraining(devPath!, "no sentences"));
        if (dev != null) log($"read {dev.Count:N0} dev sentences");
        Func<TaggerModel, NerReport>? score = dev is null ? null : m => Score(dev, m);
        return options.Algorithm switch
        {
            "perceptron" => trainer.Train(train, score, progress),
            "crf" => new CrfTrainer(options).Train(train, score, progress),
            _ => throw new DossierException(Errors.BadNerTraining(options.Algorithm, "unknown algorithm (perceptron or crf)")),
        };
    }

    /// <summary>Scores a model on GMB sentences in the corpus's own labels and conventions (the tagger alone).</summary>
    /// <remarks>With <paramref name="context"/> above 1, runs of consecutive sentence ids (GMB keeps each article's
    /// sentences in order) are tagged together as one document of up to that many sentences, one paragraph each, so that
    /// document-level agreement works as it does on an article.</remarks>
    public static NerReport Score(IEnumerable<NerSentence> sentences, TaggerModel model, int keepErrors = 200, int context = 1)
    {
        var segmenter = new Segmenter();
        var spans = new List<TaggedSpan>();
        var group = new List<NerSentence>();
        var predicted = new Dictionary<NerSentence, List<(int, int, string)>>(ReferenceEqualityComparer.Instance);
        var tagger = SequenceTagger.ForThread(model);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var all = sentences.ToList();
        void Flush()
        {
            if (group.Count == 0) return;
            var text = string.Join("\n\n", group.Select(g => g.Text));
            var doc = new Document(text);
            segmenter.Process(doc);
            spans.Clear();
            tagger.TagDocument(doc, spans);
            int offset = 0;
            var bounds = new (int Start, NerSentence S, int[] Starts)[group.Count];
            for (int i = 0; i < group.Count; i++)
            {
                var starts = new int[group[i].Words.Length];
                for (int w = 0, at = offset; w < starts.Length; w++) { starts[w] = at; at += group[i].Words[w].Word.Length + 1; }
                bounds[i] = (offset, group[i], starts);
                predicted[group[i]] = new();
                offset += group[i].Text.Length + 2;
            }
            foreach (var sp in spans)
            {
                int cs = doc.Tokens[sp.First].Start, ce = doc.Tokens[sp.End - 1].End;
                int gi = bounds.Length - 1;
                while (gi > 0 && bounds[gi].Start > cs) gi--;
                var (_, s, st) = bounds[gi];
                if (ce > bounds[gi].Start + s.Text.Length) continue; // crosses into the next sentence
                if (ToWords(s, st, cs, ce) is var (a, b))
                    predicted[s].Add((a, b, model.Tags.Types[sp.Type]));
            }
            group.Clear();
        }
        foreach (var s in all)
        {
            if (group.Count > 0 && (group.Count >= Math.Max(1, context) || s.Id != group[^1].Id + 1)) Flush();
            group.Add(s);
        }
        Flush();
        var elapsed = sw.Elapsed;
        // Spans are already in each sentence's own word indices; the scorer only compares them with the gold ones.
        var report = NerScorer.ScoreSpans(all, (s, _, pred) => pred.UnionWith(predicted[s]), keepErrors);
        return report with { Elapsed = elapsed };
    }

    /// <summary>The corpus words [a, b) a char span covers exactly, or null when it cuts a word.</summary>
    internal static (int, int)? ToWords(NerSentence s, int[] starts, int start, int end)
    {
        int a = NerScorer.WordAt(starts, start), b = NerScorer.WordAt(starts, end - 1) + 1;
        if (a >= starts.Length || b > starts.Length || starts[a] != start || starts[b - 1] + s.Words[b - 1].Word.Length != end) return null;
        return (a, b);
    }

    private static List<NerSentence> Read(string path, Action<string> log)
    {
        if (!File.Exists(path)) throw new DossierException(Errors.BadNerTraining(path, "no such file"));
        int skipped = 0;
        var all = GmbCorpus.ReadAll(path, w => { if (++skipped <= 10) log("skipped " + w); });
        if (skipped > 10) log($"skipped {skipped:N0} unreadable lines of {path} in all");
        return all;
    }
}
