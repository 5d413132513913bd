using Dossier.Documents;
using System.Diagnostics;
using Dossier.Evaluation;

namespace Dossier.Extraction.Syntax;

/// <summary>Settings of a syntax training run (<c>dossier train parser</c>).</summary>
public sealed record SyntaxTrainingOptions
{
    /// <summary>Passes of the tagger over the training data.</summary>
    public int TaggerEpochs { get; init; } = 10;
    /// <summary>Passes of the parser over the training data.</summary>
    public int ParserEpochs { get; init; } = 15;
    /// <summary>Seed of the shuffles and of the oracle's exploration (same seed and data → same model, byte for byte).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>The parser learns on tags predicted by taggers trained on the other folds (jackknifing), as it will see
    /// them; 1 trains it on gold tags.</summary>
    public int Folds { get; init; } = 4;
    /// <summary>From this epoch on, the parser follows its own (possibly wrong) move with probability
    /// <see cref="Explore"/>, and learns from the dynamic oracle what is best from there.</summary>
    public int ExploreFrom { get; init; } = 2;
    public double Explore { get; init; } = 0.9;
    /// <summary>Feature rows updated fewer times than this are dropped when the model is saved (size; noise).</summary>
    public int MinUpdates { get; init; } = 3;
    /// <summary>Averaged weights smaller than this are dropped when the model is saved.</summary>
    public float MinWeight { get; init; } = 0.002f;
    /// <summary>A word form seen this often with one tag at least <see cref="FixedShare"/> of the time always gets it.</summary>
    public int FixedMinCount { get; init; } = 20;
    public double FixedShare { get; init; } = 0.995;
    /// <summary>Lifted relations ("obl|obj") seen fewer times than this keep only their own part.</summary>
    public int MinLiftedCount { get; init; } = 3;
}

/// <summary>Progress of training: a stage ("tagger", "fold 2/4", "parser"), its epoch, mistakes, time, and dev scores when a
/// dev set is given.</summary>
public sealed record SyntaxEpoch(string Stage, int Epoch, int Mistakes, int Steps, TimeSpan Elapsed, ParserReport? Dev);

/// <summary>Trains the tagger, lemmatiser and parser of a <see cref="SyntaxModel"/> from CoNLL-U treebanks.</summary>
/// <remarks>Deterministic: the only randomness is seeded. Single-threaded.</remarks>
public static class SyntaxTraining
{
    private sealed record Item(string[] Forms, WordHashes[] Hashes, Upos[] Tags, string[] Lemmas, int[] Heads, string[] Relations);

    /// <summary>Trains on <paramref name="train"/>; after each parser epoch <paramref name="dev"/> (if any) is scored.</summary>
    public static SyntaxModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, SyntaxTrainingOptions options,
        Action<SyntaxEpoch> progress)
    {
        var items = new List<Item>();
        foreach (var s in train)
        {
            if (s.Words.Any(w => w.Head < 0 || !UposNames.TryParse(w.Upos, out _))) continue; // untagged or unparsed: unusable
            var forms = s.Words.Select(w => w.Form).ToArray();
            items.Add(new Item(forms, WordHashes.Of(forms, s.Words.Select(w => w.SpaceAfter).ToArray()), s.Words.Select(w => { UposNames.TryParse(w.Upos, out var u); return u; }).ToArray(),
                s.Words.Select(w => w.Lemma).ToArray(), s.Words.Select(w => w.Head - 1).ToArray(), s.Words.Select(w => w.Deprel).ToArray()));
        }
        if (items.Count == 0) throw new DossierException(Errors.BadSyntaxTraining("train", "no sentence with tags and heads"));

        var lemmatizer = Lemmatizer.Train(items.SelectMany(it => it.Forms.Select((f, i) => (f, it.Tags[i], it.Lemmas[i]))));
        var fixedTags = FixedTags(items, options);

        // The parser's tags: predicted by taggers that did not see the sentence (jackknifing).
        var parserTags = new Upos[items.Count][];
        if (options.Folds > 1)
        {
            for (int f = 0; f < options.Folds; f++)
            {
                var rest = items.Where((_, i) => i % options.Folds != f).ToList();
                // The fold's tagger knows only its own words: the held-out sentences have unseen words, as new text will.
                var foldClasses = Classes(rest);
                foreach (var it in items) PosTagger.Prepare(it.Hashes, foldClasses);
                var foldTagger = TrainTagger(rest, fixedTags, foldClasses, options, $"fold {f + 1}/{options.Folds}", progress);
                for (int i = f; i < items.Count; i += options.Folds)
                {
                    parserTags[i] = new Upos[items[i].Forms.Length];
                    foldTagger.Tag(items[i].Hashes, parserTags[i]);
                }
            }
        }
        else for (int i = 0; i < items.Count; i++) parserTags[i] = items[i].Tags;
        var classes = Classes(items);
        foreach (var it in items) PosTagger.Prepare(it.Hashes, classes);
        var tagger = TrainTagger(items, fixedTags, classes, options, "tagger", progress);
        // The parser sees lemmas as they will be predicted: from its (jackknifed) tags.
        for (int i = 0; i < items.Count; i++)
            for (int w = 0; w < items[i].Forms.Length; w++)
                items[i].Hashes[w].Lemma = SyntaxModel.LemmaHash(lemmatizer.Lemma(items[i].Forms[w], parserTags[i][w]));

        var parser = TrainParser(items, parserTags, options, p => dev is null ? null : Evaluate(new SyntaxModel(tagger, lemmatizer, p), dev), progress);
        return new SyntaxModel(tagger, lemmatizer, parser);
    }

    /// <summary>Scores a model on gold tokens (predicted tags, lemmas, heads, relations).</summary>
    public static ParserReport Evaluate(SyntaxModel model, IEnumerable<ConlluSentence> gold, int topErrors = 20, Action<ConlluSentence, SentenceAnalysis>? each = null)
    {
        var scorer = new ParserScorer();
        var sw = Stopwatch.StartNew();
        long words = 0;
        foreach (var s in gold)
        {
            if (s.Words.Any(w => w.Head < 0)) continue;
            var a = model.Analyse(s.Words.Select(w => w.Form).ToArray(), s.Words.Select(w => w.SpaceAfter).ToArray());
            words += s.Words.Length;
            scorer.Add(s, a);
            each?.Invoke(s, a);
        }
        return scorer.Report(topErrors) with { WordsPerSecond = words / Math.Max(1e-9, sw.Elapsed.TotalSeconds) };
    }

    private static Dictionary<ulong, Upos> FixedTags(List<Item> items, SyntaxTrainingOptions options)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var it in items)
            for (int i = 0; i < it.Forms.Length; i++)
            {
                if (!counts.TryGetValue(it.Hashes[i].Form, out var c)) counts[it.Hashes[i].Form] = c = new int[UposNames.Count];
                c[(int)it.Tags[i]]++;
            }
        var fixedTags = new Dictionary<ulong, Upos>();
        foreach (var (k, c) in counts)
        {
            int total = c.Sum(), best = PosTagger.ArgMax(c.Select(x => (float)x).ToArray());
            if (total >= options.FixedMinCount && c[best] >= options.FixedShare * total) fixedTags[k] = (Upos)best;
        }
        return fixedTags;
    }

    private static Dictionary<ulong, ulong> Classes(List<Item> items) =>
        PosTagger.Classes(items.SelectMany(it => it.Hashes.Select((h, i) => (h.Norm, it.Tags[i]))));

    private static PosTagger TrainTagger(List<Item> items, Dictionary<ulong, Upos> fixedTags, Dictionary<ulong, ulong> classes, SyntaxTrainingOptions options, string stage, Action<SyntaxEpoch> progress)
    {
        var p = new AveragedPerceptron(UposNames.Count);
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, items.Count).ToArray();
        Span<ulong> keys = stackalloc ulong[PosTagger.FeatureCount];
        Span<float> scores = stackalloc float[UposNames.Count];
        for (int epoch = 1; epoch <= options.TaggerEpochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            int mistakes = 0, steps = 0;
            foreach (var idx in order)
            {
                var it = items[idx];
                var tags = new Upos[it.Forms.Length];
                for (int i = 0; i < tags.Length; i++)
                {
                    if (fixedTags.TryGetValue(it.Hashes[i].Form, out var ft)) { tags[i] = ft; continue; }
                    int n = PosTagger.Features(it.Hashes, tags, i, keys);
                    scores.Clear();
                    p.Score(keys[..n], scores);
                    int guess = PosTagger.ArgMax(scores), truth = (int)it.Tags[i];
                    p.Tick();
                    steps++;
                    if (guess != truth) { mistakes++; p.Update(keys[..n], truth, guess); }
                    tags[i] = (Upos)guess;
                }
            }
            progress(new SyntaxEpoch(stage, epoch, mistakes, steps, sw.Elapsed, null));
        }
        return new PosTagger(p.Average(options.MinWeight, options.MinUpdates), fixedTags, classes);
    }

    private static DependencyParser TrainParser(List<Item> items, Upos[][] tags, SyntaxTrainingOptions options,
        Func<DependencyParser, ParserReport?> dev, Action<SyntaxEpoch> progress)
    {
        // Projective gold trees (pseudo-projective lifting) and the relation inventory.
        var heads = new int[items.Count][];
        var rels = new string[items.Count][];
        var liftedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            heads[i] = (int[])items[i].Heads.Clone();
            rels[i] = (string[])items[i].Relations.Clone();
            Projectivity.Projectivize(heads[i], rels[i]);
            foreach (var r in rels[i]) if (r.Contains(Projectivity.Lift)) liftedCount[r] = liftedCount.GetValueOrDefault(r) + 1;
        }
        for (int i = 0; i < items.Count; i++)
            for (int w = 0; w < rels[i].Length; w++)
                if (rels[i][w].Contains(Projectivity.Lift) && liftedCount[rels[i][w]] < options.MinLiftedCount) rels[i][w] = Projectivity.Base(rels[i][w]);
        var labels = rels.SelectMany(r => r).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (!labels.Contains("root")) throw new DossierException(Errors.BadSyntaxTraining("train", "no relation 'root'"));
        var labelId = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var goldLabels = rels.Select(r => r.Select(l => labelId[l]).ToArray()).ToArray();
        var goldHeads = heads.Select(h => h.Select(x => x < 0 ? h.Length : x).ToArray()).ToArray();

        var moves = new AveragedPerceptron(DependencyParser.Moves);
        var labeller = new AveragedPerceptron(labels.Length);
        int root = Array.IndexOf(labels, "root");
        var rng = new Random(options.Seed + 7919);
        var order = Enumerable.Range(0, items.Count).ToArray();
        var keys = new ulong[DependencyParser.FeatureCount];
        var labelKeys = new ulong[DependencyParser.LabelFeatureCount];
        var scores = new float[DependencyParser.Moves];
        var labelScores = new float[labels.Length];
        var zero = new bool[DependencyParser.Moves];
        // The label model's argmax skips "root", as the parser's does.
        int BestLabel(float[] s)
        {
            int best = -1;
            for (int l = 0; l < s.Length; l++) if (l != root && (best < 0 || s[l] > s[best])) best = l;
            return best;
        }
        DependencyParser? best = null;
        for (int epoch = 1; epoch <= options.ParserEpochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            int mistakes = 0, steps = 0;
            foreach (var idx in order)
            {
                var it = items[idx];
                var gh = goldHeads[idx];
                var st = new ParseState(it.Forms.Length);
                while (!st.Terminal)
                {
                    int k = DependencyParser.Features(st, it.Hashes, tags[idx], keys);
                    Array.Clear(scores);
                    moves.Score(keys.AsSpan(0, k), scores);
                    int guess = DependencyParser.BestValid(st, scores);
                    DependencyParser.ZeroCost(st, gh, zero);
                    int truth = -1;
                    for (int m = 0; m < DependencyParser.Moves; m++) if (zero[m] && (truth < 0 || scores[m] > scores[truth])) truth = m;
                    moves.Tick();
                    steps++;
                    if (!zero[guess]) { mistakes++; moves.Update(keys.AsSpan(0, k), truth, guess); }
                    bool follow = zero[guess] || epoch >= options.ExploreFrom && rng.NextDouble() < options.Explore;
                    int move = follow ? guess : truth;
                    int label = -1;
                    if (move != DependencyParser.Shift)
                    {
                        int dep = st.Top(0), head = DependencyParser.HeadOf(st, move);
                        if (head == st.N) label = root;
                        else
                        {
                            int lk = DependencyParser.LabelFeatures(st, dep, head, it.Hashes, tags[idx], labelKeys);
                            Array.Clear(labelScores);
                            labeller.Score(labelKeys.AsSpan(0, lk), labelScores);
                            label = BestLabel(labelScores);
                            // Relations are learned on gold arcs only: on a wrong arc no relation is right.
                            if (gh[dep] == head)
                            {
                                labeller.Tick();
                                int gold = goldLabels[idx][dep];
                                if (gold != label && gold != root) labeller.Update(labelKeys.AsSpan(0, lk), gold, label);
                            }
                        }
                    }
                    DependencyParser.Apply(st, move, label);
                }
            }
            best = new DependencyParser(moves.Average(options.MinWeight, options.MinUpdates), labeller.Average(options.MinWeight, options.MinUpdates), labels);
            progress(new SyntaxEpoch("parser", epoch, mistakes, steps, sw.Elapsed, dev(best)));
        }
        return best!;
    }
}
