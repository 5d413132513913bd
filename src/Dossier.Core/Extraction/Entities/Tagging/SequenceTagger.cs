using Dossier.Documents;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>Tags sentences with a <see cref="TaggerModel"/>: features, emission scores, first-order Viterbi under BIO rules.</summary>
/// <remarks>Holds scratch buffers, so one instance per thread (<see cref="ForThread"/>); the model itself is shared.</remarks>
public sealed class SequenceTagger
{
    private readonly TaggerModel _model;
    private readonly FeatureExtractor _fx;
    private float[] _emit = new float[64 * 9];
    private float[] _delta = new float[64 * 9];
    private int[] _back = new int[64 * 9];
    private int[] _labels = new int[64];

    [ThreadStatic] private static SequenceTagger? _current;

    /// <summary>Longest run of tokens tagged as one sequence.</summary>
    internal const int MaxWindow = 400;

    /// <summary>The model.</summary>
    public TaggerModel Model => _model;

    internal SequenceTagger(TaggerModel model, NerLexicon lex)
    {
        _model = model;
        _fx = new FeatureExtractor(lex);
    }

    /// <summary>This thread's tagger for <paramref name="model"/> (created on first use).</summary>
    public static SequenceTagger ForThread(TaggerModel model)
    {
        var t = _current;
        if (t == null || !ReferenceEquals(t._model, model))
            _current = t = new SequenceTagger(model, NerLexicon.Instance);
        return t;
    }

    /// <summary>Labels of tokens [first, end) of a segmented document (valid until the next call).</summary>
    public ReadOnlySpan<int> Label(Document doc, int first, int end, byte[] rules)
    {
        int n = _fx.Extract(doc, first, end, rules);
        int l = _model.Tags.Count;
        Ensure(n, l);
        _model.Score(_fx, n, _emit);
        Viterbi(_emit, _model.Start, _model.Trans, n, l, _labels, _delta, _back);
        return _labels.AsSpan(0, n);
    }

    /// <summary>Entity spans in tokens [first, end), with token indices relative to the document.</summary>
    public void Tag(Document doc, int first, int end, byte[] rules, List<TaggedSpan> into) => Tag(doc, first, end, rules, into, null);

    /// <summary>Entity spans of every sentence of a segmented document (computes the rule features itself).</summary>
    public void TagDocument(Document doc, List<TaggedSpan> into) => TagDocument(doc, RuleTags.For(doc), into);

    /// <summary>Entity spans of every sentence, with the rule codes already computed (<see cref="RuleTags.For"/>).</summary>
    internal void TagDocument(Document doc, byte[] rules, List<TaggedSpan> into)
    {
        int from = into.Count;
        foreach (var s in doc.Sentences)
        {
            doc.CheckBudget("ner");
            // A "sentence" of thousands of tokens (a list, a page without punctuation) is tagged in windows, so time and
            // buffers stay linear in its length.
            for (int a = s.FirstToken; a < s.TokenEnd; a += MaxWindow)
                Tag(doc, a, Math.Min(s.TokenEnd, a + MaxWindow), rules, into, null);
        }
        if (from == 0) SpanConsistency.Apply(doc, _model.Tags, into);
    }

    internal void Tag(Document doc, int first, int end, byte[] rules, List<TaggedSpan> into, List<float>? rawMargins)
    {
        var labels = Label(doc, first, end, rules);
        int l = _model.Tags.Count;
        for (int i = 0; i < labels.Length;)
        {
            int y = labels[i];
            if (y == 0) { i++; continue; }
            int type = TagSet.TypeOf(y);
            int j = i + 1;
            while (j < labels.Length && labels[j] == TagSet.Inside(type)) j++;
            // Confidence: the smallest margin of the chosen label over the best other label, squashed to (0.5, 1).
            float margin = float.MaxValue;
            for (int k = i; k < j; k++)
            {
                var row = _emit.AsSpan(k * l, l);
                float chosen = row[labels[k]], other = float.MinValue;
                for (int z = 0; z < l; z++) if (z != labels[k] && row[z] > other) other = row[z];
                margin = Math.Min(margin, chosen - other);
            }
            float m = Math.Max(0, margin);
            rawMargins?.Add(m);
            into.Add(new TaggedSpan(first + i, first + j, type, 0.5f + 0.5f * m / (m + _model.ConfidenceScale)));
            i = j;
        }
    }

    private void Ensure(int n, int l)
    {
        if (_emit.Length < n * l)
        {
            int size = Math.Max(n * l, _emit.Length * 2);
            _emit = new float[size];
            _delta = new float[size];
            _back = new int[size];
        }
        if (_labels.Length < n) _labels = new int[Math.Max(n, _labels.Length * 2)];
    }

    /// <summary>Best label sequence under emission, start and transition scores with the BIO constraint.</summary>
    internal static void Viterbi(float[] emit, float[] start, float[] trans, int n, int l, int[] labels, float[] delta, int[] back)
    {
        if (n == 0) return;
        for (int y = 0; y < l; y++)
            delta[y] = TagSet.Allowed(-1, y) ? start[y] + emit[y] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            int cur = i * l, prev = cur - l;
            for (int y = 0; y < l; y++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                bool inside = TagSet.IsInside(y);
                for (int p = 0; p < l; p++)
                {
                    if (inside && (p == 0 || TagSet.TypeOf(p) != TagSet.TypeOf(y))) continue;
                    float s = delta[prev + p] + trans[p * l + y];
                    if (s > best) { best = s; arg = p; }
                }
                delta[cur + y] = best + emit[cur + y];
                back[cur + y] = arg;
            }
        }
        int last = (n - 1) * l, bestY = 0;
        for (int y = 1; y < l; y++) if (delta[last + y] > delta[last + bestY]) bestY = y;
        labels[n - 1] = bestY;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * l + labels[i]];
    }
}
