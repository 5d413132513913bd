using System.Diagnostics;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>Settings of a training run.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 12;
    /// <summary>Seed of the per-epoch shuffle (same seed, same data → same model, byte for byte).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Entity types to learn (the corpus's names); other tags are treated as O.</summary>
    public IReadOnlyList<string> Types { get; init; } = ["per", "org", "geo", "gpe"];
    /// <summary>Features seen fewer times than this in the training data are not given weights.</summary>
    public int MinFeatureCount { get; init; } = 2;
    /// <summary>"perceptron" (averaged structured perceptron) or "crf" (linear-chain CRF, AdaGrad, L2).</summary>
    public string Algorithm { get; init; } = "perceptron";
    /// <summary>CRF only: AdaGrad base step size.</summary>
    public float LearningRate { get; init; } = 0.1f;
    /// <summary>CRF only: L2 penalty over the whole training set (spread over the sentences).</summary>
    public float L2 { get; init; } = 1f;
}

/// <summary>Progress of one epoch: training mistakes and, when a dev set is given, its scores with the averaged weights.</summary>
public sealed record EpochReport(int Epoch, int Sentences, int SentencesWrong, int TokensWrong, TimeSpan Elapsed, Dossier.Evaluation.NerReport? Dev);

/// <summary>Trains a <see cref="TaggerModel"/> with the averaged structured perceptron (Collins 2002).</summary>
/// <remarks>
/// Each sentence is decoded with first-order Viterbi under the current weights; when the best sequence differs from the
/// gold one, the features of the differing tokens move towards the gold labels (+1) and away from the predicted ones (−1),
/// and so do the transitions. The model keeps the average of the weights over every step (kept with the usual trick of a
/// second accumulator weighted by the step number), which generalises much better than the last weights. Features are
/// extracted once, before the first epoch, and stored as row indices. Deterministic: the only randomness is the seeded shuffle.
/// </remarks>
internal sealed class PerceptronTrainer
{
    private readonly TrainingOptions _options;
    private readonly TagSet _tags;

    public PerceptronTrainer(TrainingOptions options)
    {
        _options = options;
        _tags = new TagSet(options.Types);
    }

    public TagSet Tags => _tags;

    /// <summary>Trains on <paramref name="train"/>; after each epoch <paramref name="dev"/> (if any) is scored and reported.</summary>
    public TaggerModel Train(List<LabelledSentence> train, Func<TaggerModel, Dossier.Evaluation.NerReport>? dev, Action<EpochReport> progress)
    {
        if (train.Count == 0) throw new DossierException(Errors.BadNerTraining("training set", "no sentences"));
        int l = _tags.Count;
        var fx = new FeatureExtractor(NerLexicon.Instance);

        var table = FeatureTable.Build(train, fx, _options.MinFeatureCount);
        var (F, T, sentStart, keysOfRow) = (table.Rows, table.TokenStart, table.SentenceStart, table.Keys);

        int rows = keysOfRow.Length;
        var w = new float[rows * l];
        var u = new double[rows * l];
        var start = new float[l]; var startU = new double[l];
        var trans = new float[l * l]; var transU = new double[l * l];
        double c = 1;

        int maxLen = 1;
        foreach (var s in train) maxLen = Math.Max(maxLen, s.End - s.First);
        var emit = new float[maxLen * l];
        var delta = new float[maxLen * l];
        var back = new int[maxLen * l];
        var pred = new int[maxLen];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(_options.Seed);
        TaggerModel? model = null;

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            int wrongSent = 0, wrongTok = 0;
            foreach (int si in order)
            {
                var gold = train[si].Gold;
                int n = gold.Length, t0 = sentStart[si];
                Array.Clear(emit, 0, n * l);
                for (int i = 0; i < n; i++)
                {
                    int e = i * l;
                    for (int k = T[t0 + i]; k < T[t0 + i + 1]; k++)
                    {
                        int r = F[k] * l;
                        for (int y = 0; y < l; y++) emit[e + y] += w[r + y];
                    }
                }
                SequenceTagger.Viterbi(emit, start, trans, n, l, pred, delta, back);
                bool wrong = false;
                for (int i = 0; i < n; i++)
                {
                    int g = gold[i], p = pred[i];
                    int gp = i == 0 ? -1 : gold[i - 1], pp = i == 0 ? -1 : pred[i - 1];
                    if (g != p)
                    {
                        wrong = true; wrongTok++;
                        for (int k = T[t0 + i]; k < T[t0 + i + 1]; k++)
                        {
                            int r = F[k] * l;
                            w[r + g] += 1; u[r + g] += c;
                            w[r + p] -= 1; u[r + p] -= c;
                        }
                    }
                    if (g != p || gp != pp)
                    {
                        if (i == 0) { start[g] += 1; startU[g] += c; start[p] -= 1; startU[p] -= c; }
                        else
                        {
                            trans[gp * l + g] += 1; transU[gp * l + g] += c;
                            trans[pp * l + p] -= 1; transU[pp * l + p] -= c;
                        }
                    }
                }
                if (wrong) wrongSent++;
                c++;
            }
            model = Averaged(keysOfRow, w, u, start, startU, trans, transU, c);
            var devScores = dev?.Invoke(model);
            progress(new EpochReport(epoch, train.Count, wrongSent, wrongTok, sw.Elapsed, devScores));
        }
        model!.ConfidenceScale = MedianMargin(model, train);
        return model;
    }

    /// <summary>The median emission margin of entity labels over (up to) 3,000 training sentences (confidence 0.75).</summary>
    internal static float ConfidenceOf(TaggerModel model, List<LabelledSentence> train) => MedianMargin(model, train);

    // The median emission margin of the labels the model gives to entity tokens of (up to) 3,000 training sentences:
    // a margin this size reads as confidence 0.75.
    private static float MedianMargin(TaggerModel model, List<LabelledSentence> train)
    {
        var tagger = new SequenceTagger(model, NerLexicon.Instance);
        var margins = new List<float>();
        var spans = new List<TaggedSpan>();
        for (int i = 0; i < train.Count && i < 3000; i++)
        {
            spans.Clear();
            tagger.Tag(train[i].Doc, train[i].First, train[i].End, train[i].Rules, spans, margins);
        }
        if (margins.Count == 0) return 1;
        margins.Sort();
        return Math.Max(1e-3f, margins[margins.Count / 2]);
    }

    private TaggerModel Averaged(ulong[] keys, float[] w, double[] u, float[] start, double[] startU, float[] trans, double[] transU, double c)
    {
        var aw = new float[w.Length];
        for (int i = 0; i < w.Length; i++) aw[i] = (float)(w[i] - u[i] / c);
        var a0 = new float[start.Length];
        for (int i = 0; i < start.Length; i++) a0[i] = (float)(start[i] - startU[i] / c);
        var at = new float[trans.Length];
        for (int i = 0; i < trans.Length; i++) at[i] = (float)(trans[i] - transU[i] / c);
        return new TaggerModel(_tags, FeatureExtractor.Version, a0, at, keys, aw, 1);
    }
}
