using System.Diagnostics;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>Trains the same model as <see cref="PerceptronTrainer"/> as a linear-chain CRF (Lafferty et al. 2001): maximum
/// conditional likelihood with L2 regularisation, by stochastic gradient with AdaGrad step sizes.</summary>
/// <remarks>
/// The model at run time is identical (feature weights, transitions, Viterbi); only the training differs. Per sentence,
/// scaled forward-backward under the BIO constraints gives each token's label marginals and each pair's transition
/// marginals; the gradient is expected minus observed counts. L2 is applied lazily to the features a sentence touches.
/// Deterministic: the only randomness is the seeded shuffle, and updates run in one thread in a fixed order.
/// </remarks>
internal sealed class CrfTrainer
{
    private readonly TrainingOptions _options;
    private readonly TagSet _tags;

    public CrfTrainer(TrainingOptions options)
    {
        _options = options;
        _tags = new TagSet(options.Types);
    }

    public TaggerModel Train(List<LabelledSentence> train, Func<TaggerModel, Dossier.Evaluation.NerReport>? dev, Action<EpochReport> progress)
    {
        if (train.Count == 0) throw new DossierException(Errors.BadNerTraining("training set", "no sentences"));
        int l = _tags.Count;
        var table = FeatureTable.Build(train, new FeatureExtractor(NerLexicon.Instance), _options.MinFeatureCount);
        var (F, T, S, keys) = (table.Rows, table.TokenStart, table.SentenceStart, table.Keys);
        int rows = keys.Length;
        var w = new float[rows * l];
        var g2 = new float[rows * l];
        var u = new double[rows * l];            // step-weighted sum of updates, for the averaged weights
        var startU = new double[l]; var transU = new double[l * l];
        double c = 1;
        var start = new float[l]; var start2 = new float[l];
        var trans = new float[l * l]; var trans2 = new float[l * l];
        float eta = _options.LearningRate, lambda = _options.L2 / train.Count;

        int maxLen = 1;
        foreach (var s in train) maxLen = Math.Max(maxLen, s.End - s.First);
        var emit = new double[maxLen * l];
        var alpha = new double[maxLen * l];
        var beta = new double[maxLen * l];
        var scale = new double[maxLen];
        var marg = new double[maxLen * l];
        var M = new double[l * l];
        var gTrans = new double[l * l];
        var gStart = new double[l];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(_options.Seed);
        var pred = new int[maxLen];
        var delta = new float[maxLen * l];
        var back = new int[maxLen * l];
        var femit = new float[maxLen * l];
        TaggerModel? model = null;

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            int wrongSent = 0, wrongTok = 0;
            for (int p = 0; p < l; p++)
                for (int y = 0; y < l; y++)
                    M[p * l + y] = TagSet.Allowed(p, y) ? Math.Exp(trans[p * l + y]) : 0;
            foreach (int si in order)
            {
                var gold = train[si].Gold;
                int n = gold.Length, t0 = S[si];
                // Emission scores, exponentiated per position after subtracting the position's maximum.
                for (int i = 0; i < n; i++)
                {
                    int e = i * l;
                    for (int y = 0; y < l; y++) emit[e + y] = 0;
                    for (int k = T[t0 + i]; k < T[t0 + i + 1]; k++)
                    {
                        int r = F[k] * l;
                        for (int y = 0; y < l; y++) emit[e + y] += w[r + y];
                    }
                    for (int y = 0; y < l; y++) femit[e + y] = (float)emit[e + y];
                    double mx = double.MinValue;
                    for (int y = 0; y < l; y++) mx = Math.Max(mx, emit[e + y]);
                    for (int y = 0; y < l; y++) emit[e + y] = Math.Exp(emit[e + y] - mx);
                }
                // Training error of the current weights (for the progress line only).
                SequenceTagger.Viterbi(femit, start, trans, n, l, pred, delta, back);
                bool wrong = false;
                for (int i = 0; i < n; i++) if (pred[i] != gold[i]) { wrong = true; wrongTok++; }
                if (wrong) wrongSent++;

                // Scaled forward-backward.
                double z = 0;
                for (int y = 0; y < l; y++) { alpha[y] = TagSet.Allowed(-1, y) ? Math.Exp(start[y]) * emit[y] : 0; z += alpha[y]; }
                scale[0] = z;
                for (int y = 0; y < l; y++) alpha[y] /= z;
                for (int i = 1; i < n; i++)
                {
                    int cur = i * l, prev = cur - l;
                    z = 0;
                    for (int y = 0; y < l; y++)
                    {
                        double a = 0;
                        for (int q = 0; q < l; q++) a += alpha[prev + q] * M[q * l + y];
                        a *= emit[cur + y];
                        alpha[cur + y] = a;
                        z += a;
                    }
                    scale[i] = z;
                    for (int y = 0; y < l; y++) alpha[cur + y] /= z;
                }
                for (int y = 0; y < l; y++) beta[(n - 1) * l + y] = 1;
                for (int i = n - 2; i >= 0; i--)
                {
                    int cur = i * l, next = cur + l;
                    for (int q = 0; q < l; q++)
                    {
                        double b = 0;
                        for (int y = 0; y < l; y++) b += M[q * l + y] * emit[next + y] * beta[next + y];
                        beta[cur + q] = b / scale[i + 1];
                    }
                }
                for (int i = 0; i < n; i++)
                    for (int y = 0; y < l; y++) marg[i * l + y] = alpha[i * l + y] * beta[i * l + y];

                // Gradient of the negative log-likelihood: expected minus observed, then AdaGrad steps.
                Array.Clear(gTrans);
                Array.Clear(gStart);
                for (int y = 0; y < l; y++) gStart[y] = marg[y];
                gStart[gold[0]] -= 1;
                for (int i = 1; i < n; i++)
                {
                    int cur = i * l, prev = cur - l;
                    for (int q = 0; q < l; q++)
                    {
                        double aq = alpha[prev + q];
                        if (aq == 0) continue;
                        for (int y = 0; y < l; y++)
                        {
                            double m = M[q * l + y];
                            if (m == 0) continue;
                            gTrans[q * l + y] += aq * m * emit[cur + y] * beta[cur + y] / scale[i];
                        }
                    }
                    gTrans[gold[i - 1] * l + gold[i]] -= 1;
                }
                for (int i = 0; i < n; i++)
                {
                    int e = i * l;
                    for (int k = T[t0 + i]; k < T[t0 + i + 1]; k++)
                    {
                        int r = F[k] * l;
                        for (int y = 0; y < l; y++)
                        {
                            float g = (float)(marg[e + y] - (y == gold[i] ? 1 : 0)) + lambda * w[r + y];
                            if (g == 0) continue;
                            g2[r + y] += g * g;
                            float d = eta * g / (MathF.Sqrt(g2[r + y]) + 1e-6f);
                            w[r + y] -= d;
                            u[r + y] -= c * d;
                        }
                    }
                }
                for (int y = 0; y < l; y++)
                {
                    float g = (float)gStart[y];
                    start2[y] += g * g;
                    float d = eta * g / (MathF.Sqrt(start2[y]) + 1e-6f);
                    start[y] -= d;
                    startU[y] -= c * d;
                }
                for (int q = 0; q < l * l; q++)
                {
                    float g = (float)gTrans[q];
                    if (g == 0) continue;
                    trans2[q] += g * g;
                    float d = eta * g / (MathF.Sqrt(trans2[q]) + 1e-6f);
                    trans[q] -= d;
                    transU[q] -= c * d;
                }
                for (int q = 0; q < l * l; q++) if (M[q] != 0) M[q] = Math.Exp(trans[q]);
                c++;
            }
            // The average of the weights over all steps (Polyak averaging), as the perceptron does.
            var aw = new float[w.Length];
            for (int i = 0; i < w.Length; i++) aw[i] = (float)(w[i] - u[i] / c);
            var a0 = new float[l]; var at = new float[l * l];
            for (int i = 0; i < l; i++) a0[i] = (float)(start[i] - startU[i] / c);
            for (int i = 0; i < l * l; i++) at[i] = (float)(trans[i] - transU[i] / c);
            model = new TaggerModel(_tags, FeatureExtractor.Version, a0, at, keys, aw, 1);
            progress(new EpochReport(epoch, train.Count, wrongSent, wrongTok, sw.Elapsed, dev?.Invoke(model)));
        }
        model!.ConfidenceScale = PerceptronTrainer.ConfidenceOf(model, train);
        return model;
    }
}
