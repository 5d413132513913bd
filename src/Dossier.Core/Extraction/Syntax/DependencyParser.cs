using Dossier.Documents;

namespace Dossier.Extraction.Syntax;

/// <summary>A greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) with linear models over hashed features, trained
/// with a dynamic oracle (Goldberg and Nivre 2012, 2013); a second model labels each arc with its UD relation.</summary>
/// <remarks>
/// <para>Words are 0..n-1 and the root is word n, at the end of the buffer. Three moves: SHIFT pushes the front of the
/// buffer; LEFT makes the front of the buffer the head of the stack's top and pops it; RIGHT makes the word under the top
/// its head and pops it. A word reaches the root only by LEFT when it is alone on the stack and the buffer holds only the
/// root, so a parse has exactly one root.</para>
/// <para>The move is chosen by one model over features of the state, following Zhang and Nivre (2011): words and tags of
/// the top three stack words, the first three buffer words and the outermost children of the top of the stack and the
/// front of the buffer, their relations, pairs and triples of these, distance and valency. When a move makes an arc, the
/// relation is chosen by a second model over features of the arc: the dependent (complete by then: a word is popped only
/// once all its children are attached), its head, the head's children so far, the dependent's case marker, direction and
/// distance. Splitting the two decisions keeps the move model at three weights per feature, which makes parsing fast.</para>
/// <para>Immutable and thread-safe; each call keeps its state on its own.</para>
/// </remarks>
internal sealed class DependencyParser
{
    /// <summary>Size of the feature-key buffers.</summary>
    public const int FeatureCount = 108, LabelFeatureCount = 56;

    /// <summary>The moves.</summary>
    public const int Shift = 0, Left = 1, Right = 2, Moves = 3;

    private readonly SparseModel _moves;
    private readonly SparseModel _labeller;
    private readonly string[] _labels;
    private readonly int _root; // index of "root" in _labels

    public DependencyParser(SparseModel moves, SparseModel labeller, string[] labels)
    {
        if (moves.Classes != Moves) throw new ArgumentException("the move model must score SHIFT, LEFT and RIGHT", nameof(moves));
        if (labeller.Classes != labels.Length) throw new ArgumentException("the label model must score every relation", nameof(labeller));
        _moves = moves;
        _labeller = labeller;
        _labels = labels;
        _root = Array.IndexOf(labels, "root");
        if (_root < 0) throw new ArgumentException("the relations must include 'root'", nameof(labels));
    }

    public SparseModel MoveModel => _moves;
    public SparseModel LabelModel => _labeller;
    public IReadOnlyList<string> Labels => _labels;
    internal int RootLabel => _root;

    /// <summary>Parses a tagged sentence into <paramref name="heads"/> (0-based, -1 for the root) and <paramref name="labels"/>
    /// (UD relations, lifted arcs already moved back: the tree may be non-projective).</summary>
    public void Parse(ReadOnlySpan<WordHashes> words, ReadOnlySpan<Upos> tags, int[] heads, string[] labels)
    {
        int n = words.Length;
        if (n == 0) return;
        var st = new ParseState(n);
        Span<ulong> keys = stackalloc ulong[FeatureCount];
        Span<float> scores = stackalloc float[Moves];
        Span<float> labelScores = _labels.Length <= 256 ? stackalloc float[_labels.Length] : new float[_labels.Length];
        while (!st.Terminal)
        {
            // A state with one valid move (an empty stack; the buffer spent down to the root) needs no scoring.
            int move = OnlyValid(st);
            if (move < 0)
            {
                int k = Features(st, words, tags, keys);
                scores.Clear();
                _moves.Score(keys[..k], scores);
                move = BestValid(st, scores);
            }
            int label = move == Shift ? -1 : ChooseLabel(st, move, words, tags, keys, labelScores);
            Apply(st, move, label);
        }
        for (int i = 0; i < n; i++)
        {
            heads[i] = st.Heads[i] == n ? -1 : st.Heads[i];
            labels[i] = _labels[st.Labels[i]];
        }
        Projectivity.Deprojectivize(heads, labels);
    }

    /// <summary>The relation of the arc <paramref name="move"/> would make (the root gets "root"; no other arc does).</summary>
    internal int ChooseLabel(ParseState st, int move, ReadOnlySpan<WordHashes> words, ReadOnlySpan<Upos> tags, Span<ulong> keys, Span<float> scores)
    {
        int dep = st.Top(0), head = HeadOf(st, move);
        if (head == st.N) return _root;
        int k = LabelFeatures(st, dep, head, words, tags, keys);
        scores.Clear();
        _labeller.Score(keys[..k], scores);
        return BestLabel(scores);
    }

    internal int BestLabel(ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int l = 0; l < scores.Length; l++)
            if (l != _root && (best < 0 || scores[l] > scores[best])) best = l;
        return best;
    }

    // ---------------------------------------------------------------- moves

    /// <summary>The head the arc of <paramref name="move"/> gives the top of the stack.</summary>
    internal static int HeadOf(ParseState st, int move) => move == Left ? st.B0 : st.Top(1);

    /// <summary>Whether a move may be made now: SHIFT while words are left; LEFT needs a stack word (to the root only for
    /// the last one); RIGHT needs two stack words.</summary>
    internal static bool Valid(ParseState st, int move) => move switch
    {
        Shift => st.B0 < st.N,
        Left => st.Depth >= 1 && (st.B0 < st.N || st.Depth == 1),
        _ => st.Depth >= 2,
    };

    /// <summary>The one valid move of <paramref name="st"/>, or -1 when there is a choice.</summary>
    internal static int OnlyValid(ParseState st)
    {
        int only = -1;
        for (int m = 0; m < Moves; m++)
            if (Valid(st, m))
            {
                if (only >= 0) return -1;
                only = m;
            }
        return only;
    }

    internal static int BestValid(ParseState st, ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int m = 0; m < Moves; m++)
            if (Valid(st, m) && (best < 0 || scores[m] > scores[best])) best = m;
        return best;
    }

    internal static void Apply(ParseState st, int move, int label)
    {
        if (move == Shift) { st.Push(st.B0); st.B0++; return; }
        int head = HeadOf(st, move);
        int s0 = st.Pop();
        st.Attach(head, s0, label);
    }

    // ---------------------------------------------------------------- the dynamic oracle

    /// <summary>Marks in <paramref name="zeroCost"/> every valid move after which the best tree still reachable loses no
    /// more gold arcs than now (the arc-hybrid oracle of Goldberg and Nivre 2013). <paramref name="goldHeads"/> use n for
    /// the root.</summary>
    internal static void ZeroCost(ParseState st, int[] goldHeads, Span<bool> zeroCost)
    {
        int n = st.N, b0 = st.B0;
        bool shift = Valid(st, Shift), left = Valid(st, Left), right = Valid(st, Right);
        if (st.Depth >= 1)
        {
            int s0 = st.Top(0);
            if (shift && goldHeads[b0] == s0) { left = false; right = false; }          // only a later RIGHT makes s0 → b0
            else if (left && goldHeads[s0] == b0) { shift = false; right = false; }     // LEFT makes b0 → s0 now
            else
            {
                // LEFT would give s0 the head b0 while its gold head is s1, which RIGHT gives.
                if (st.Depth >= 2 && goldHeads[s0] == st.Top(1)) left = false;
                // Pushing b0 loses every gold arc between b0 and a word on the stack.
                for (int i = 0; i < st.Depth && shift; i++)
                {
                    int s = st.Top(i);
                    if (goldHeads[s] == b0 || goldHeads[b0] == s) shift = false;
                }
                // Popping s0 loses its gold head further in the buffer (or the root) and its gold children there.
                bool lost = goldHeads[s0] > b0;
                for (int c = b0 + 1; c < n && !lost; c++) if (goldHeads[c] == s0) lost = true;
                if (lost) { left = false; right = false; }
            }
        }
        zeroCost[Shift] = shift; zeroCost[Left] = left; zeroCost[Right] = right;
        // No valid move keeps every reachable arc (the oracle is exact only up to this corner): any valid move is as good.
        if (!shift && !left && !right)
            for (int m = 0; m < Moves; m++) zeroCost[m] = Valid(st, m);
    }

    // ---------------------------------------------------------------- features

    internal static int Features(ParseState st, ReadOnlySpan<WordHashes> w, ReadOnlySpan<Upos> tags, Span<ulong> k)
    {
        int n = st.N;
        int s0 = st.Depth > 0 ? st.Top(0) : -1, s1 = st.Depth > 1 ? st.Top(1) : -1, s2 = st.Depth > 2 ? st.Top(2) : -1;
        int b0 = st.B0, b1 = b0 + 1 <= n ? b0 + 1 : -1, b2 = b0 + 2 <= n ? b0 + 2 : -1;
        int s0l1 = Child(st.L1, s0), s0l2 = Child(st.L2, s0), s0r1 = Child(st.R1, s0), s0r2 = Child(st.R2, s0);
        int b0l1 = Child(st.L1, b0), b0l2 = Child(st.L2, b0), s1r1 = Child(st.R1, s1), s1l1 = Child(st.L1, s1);

        ulong s0w = W(w, s0), s0t = T(tags, s0), s1w = W(w, s1), s1t = T(tags, s1), s2t = T(tags, s2);
        ulong b0w = W(w, b0), b0t = T(tags, b0), b1w = W(w, b1), b1t = T(tags, b1), b2w = W(w, b2), b2t = T(tags, b2);
        ulong s0l1t = T(tags, s0l1), s0l2t = T(tags, s0l2), s0r1t = T(tags, s0r1), s0r2t = T(tags, s0r2), b0l1t = T(tags, b0l1), b0l2t = T(tags, b0l2), s1r1t = T(tags, s1r1), s1l1t = T(tags, s1l1);
        ulong s0l1l = L(st, s0l1), s0l2l = L(st, s0l2), s0r1l = L(st, s0r1), s0r2l = L(st, s0r2), b0l1l = L(st, b0l1), b0l2l = L(st, b0l2), s1r1l = L(st, s1r1), s1l1l = L(st, s1l1);
        int dist = s0 < 0 ? 0 : Math.Min(b0 - s0, 6) + (b0 - s0 > 10 ? 1 : 0);
        ulong d = FeatureHash.Of(dist), d1 = FeatureHash.Of(s1 < 0 ? 0 : Math.Min(s0 - s1, 6));
        ulong s0vl = FeatureHash.Of(s0 < 0 ? 0 : st.NLeft[s0]), s0vr = FeatureHash.Of(s0 < 0 ? 0 : st.NRight[s0]);
        ulong b0vl = FeatureHash.Of(b0 >= n ? 0 : st.NLeft[b0]), s1vr = FeatureHash.Of(s1 < 0 ? 0 : st.NRight[s1]);
        ulong s0suf = s0 < 0 || s0 >= n ? 0 : w[s0].Suf3, b0suf = b0 >= n ? 0 : w[b0].Suf3;
        ulong s0w2 = W(w, s0l1), b0w2 = W(w, b0l1), s0rw = W(w, s0r1);

        int c = 0;
        // unigrams
        k[c++] = FeatureHash.Key(1, s0w); k[c++] = FeatureHash.Key(2, s0t); k[c++] = FeatureHash.Key(3, s0w, s0t);
        k[c++] = FeatureHash.Key(4, s1w); k[c++] = FeatureHash.Key(5, s1t); k[c++] = FeatureHash.Key(6, s1w, s1t);
        k[c++] = FeatureHash.Key(7, b0w); k[c++] = FeatureHash.Key(8, b0t); k[c++] = FeatureHash.Key(9, b0w, b0t);
        k[c++] = FeatureHash.Key(10, b1w); k[c++] = FeatureHash.Key(11, b1t); k[c++] = FeatureHash.Key(12, b1w, b1t);
        k[c++] = FeatureHash.Key(13, b2w); k[c++] = FeatureHash.Key(14, b2t); k[c++] = FeatureHash.Key(15, s2t);
        k[c++] = FeatureHash.Key(16, s0suf, s0t); k[c++] = FeatureHash.Key(17, b0suf, b0t);
        // children of s0, b0, s1
        k[c++] = FeatureHash.Key(20, s0l1t, s0l1l); k[c++] = FeatureHash.Key(21, s0w2); k[c++] = FeatureHash.Key(22, s0l2t, s0l2l);
        k[c++] = FeatureHash.Key(23, s0r1t, s0r1l); k[c++] = FeatureHash.Key(24, s0rw); k[c++] = FeatureHash.Key(25, s0r2t, s0r2l);
        k[c++] = FeatureHash.Key(26, b0l1t, b0l1l); k[c++] = FeatureHash.Key(27, b0w2); k[c++] = FeatureHash.Key(28, b0l2t, b0l2l);
        k[c++] = FeatureHash.Key(29, s1r1t, s1r1l); k[c++] = FeatureHash.Key(30, s1l1t, s1l1l);
        // pairs
        k[c++] = FeatureHash.Key(40, s0w, s0t, b0w ^ (b0t << 1)); k[c++] = FeatureHash.Key(41, s0w, s0t, b0w); k[c++] = FeatureHash.Key(42, s0w, b0w, b0t);
        k[c++] = FeatureHash.Key(43, s0w, s0t, b0t); k[c++] = FeatureHash.Key(44, s0t, b0w, b0t); k[c++] = FeatureHash.Key(45, s0w, b0w);
        k[c++] = FeatureHash.Key(46, s0t, b0t); k[c++] = FeatureHash.Key(47, b0t, b1t); k[c++] = FeatureHash.Key(48, s1w, s0w);
        k[c++] = FeatureHash.Key(49, s1t, s0t); k[c++] = FeatureHash.Key(50, s1t, s0w); k[c++] = FeatureHash.Key(51, s1w, s0t);
        k[c++] = FeatureHash.Key(52, s0w, b1w); k[c++] = FeatureHash.Key(53, b0w, b1w); k[c++] = FeatureHash.Key(54, s1w, b0w);
        // tag triples
        k[c++] = FeatureHash.Key(60, b0t, b1t, b2t); k[c++] = FeatureHash.Key(61, s0t, b0t, b1t); k[c++] = FeatureHash.Key(62, s1t, s0t, b0t);
        k[c++] = FeatureHash.Key(63, s0t, s0l1t, b0t); k[c++] = FeatureHash.Key(64, s0t, s0r1t, b0t); k[c++] = FeatureHash.Key(65, s0t, b0t, b0l1t);
        k[c++] = FeatureHash.Key(66, s0t, s0l1t, s0l2t); k[c++] = FeatureHash.Key(67, s0t, s0r1t, s0r2t); k[c++] = FeatureHash.Key(68, b0t, b0l1t, b0l2t);
        k[c++] = FeatureHash.Key(69, s1t, s1r1t, s0t); k[c++] = FeatureHash.Key(70, s2t, s1t, s0t); k[c++] = FeatureHash.Key(71, s1t, s0t, s0r1t);
        // distance and valency
        k[c++] = FeatureHash.Key(80, s0w, d); k[c++] = FeatureHash.Key(81, s0t, d); k[c++] = FeatureHash.Key(82, b0w, d);
        k[c++] = FeatureHash.Key(83, b0t, d); k[c++] = FeatureHash.Key(84, s0w ^ (b0w << 1), d); k[c++] = FeatureHash.Key(85, s0t, b0t, d);
        k[c++] = FeatureHash.Key(86, s1t, s0t, d1);
        k[c++] = FeatureHash.Key(87, s0w, s0vr); k[c++] = FeatureHash.Key(88, s0t, s0vr); k[c++] = FeatureHash.Key(89, s0w, s0vl);
        k[c++] = FeatureHash.Key(90, s0t, s0vl); k[c++] = FeatureHash.Key(91, b0w, b0vl); k[c++] = FeatureHash.Key(92, b0t, b0vl);
        k[c++] = FeatureHash.Key(93, s1t, s1vr);
        // label sets (approximated by the two outermost children's relations)
        k[c++] = FeatureHash.Key(100, s0w, s0r1l, s0r2l); k[c++] = FeatureHash.Key(101, s0t, s0r1l, s0r2l); k[c++] = FeatureHash.Key(102, s0w, s0l1l, s0l2l);
        k[c++] = FeatureHash.Key(103, s0t, s0l1l, s0l2l); k[c++] = FeatureHash.Key(104, b0w, b0l1l, b0l2l); k[c++] = FeatureHash.Key(105, b0t, b0l1l, b0l2l);
        k[c++] = FeatureHash.Key(106, s1t, s1r1l, s0t);
        // the surface around the gap between s0 and b0 (a comma after s0, the word before b0), and wider tag windows
        ulong afterS0 = T(tags, s0 < 0 ? -1 : s0 + 1 < n ? s0 + 1 : -1), beforeB0 = T(tags, b0 - 1);
        k[c++] = FeatureHash.Key(120, afterS0, s0t, b0t); k[c++] = FeatureHash.Key(121, beforeB0, s0t, b0t);
        k[c++] = FeatureHash.Key(122, W(w, b0 - 1), b0t); k[c++] = FeatureHash.Key(123, W(w, s1r1), s1t);
        k[c++] = FeatureHash.Key(124, b0w2, b0w); k[c++] = FeatureHash.Key(125, s0w, b0t, b1t);
        k[c++] = FeatureHash.Key(126, s0t, b0t, b1t ^ (b2t << 1)); k[c++] = FeatureHash.Key(127, s1t, s0t, b0t ^ (b1t << 1));
        k[c++] = FeatureHash.Key(128, s2t, s1t, s0t ^ (b0t << 1)); k[c++] = FeatureHash.Key(129, T(tags, s0 - 1), s0t, b0t);
        k[c++] = FeatureHash.Key(130, W(w, s0 < 0 ? -1 : s0 + 1 < n ? s0 + 1 : -1), s0t, b0t);
        // lemmas: "said", "says" and "say" share what they predict
        ulong s0m = M(w, s0), b0m = M(w, b0), s1m = M(w, s1);
        k[c++] = FeatureHash.Key(140, s0m); k[c++] = FeatureHash.Key(141, b0m); k[c++] = FeatureHash.Key(142, s0m, b0m);
        k[c++] = FeatureHash.Key(143, s0m, b0t); k[c++] = FeatureHash.Key(144, s0t, b0m); k[c++] = FeatureHash.Key(145, s1m, s0m);
        k[c++] = FeatureHash.Key(146, s1m, s0t, b0t);
        // written together: s0 right before b0 with no space between ("US" "-" "based"), b0 glued to what follows
        ulong adj = FeatureHash.Of(s0 >= 0 && s0 + 1 == b0 && b0 < n ? w[b0].Glue & 1 : 2);
        ulong b0glue = FeatureHash.Of(b0 < n ? w[b0].Glue : 4), s0glue = FeatureHash.Of(s0 >= 0 && s0 < n ? w[s0].Glue : 4);
        k[c++] = FeatureHash.Key(150, adj, s0t, b0t); k[c++] = FeatureHash.Key(151, b0glue, b0w, b1t);
        k[c++] = FeatureHash.Key(152, s0glue, s0w, b0t); k[c++] = FeatureHash.Key(153, adj, s0w, b0w);
        k[c++] = FeatureHash.Key(0, 0);
        return c;
    }

    private static ulong W(ReadOnlySpan<WordHashes> w, int i) => i < 0 ? WordHashes.None.Norm : i >= w.Length ? WordHashes.Root.Norm : w[i].Norm;
    private static ulong M(ReadOnlySpan<WordHashes> w, int i) => i < 0 ? WordHashes.None.Norm : i >= w.Length ? WordHashes.Root.Norm : w[i].Lemma;
    private static ulong T(ReadOnlySpan<Upos> tags, int i) => FeatureHash.Of(i < 0 ? 200 : i >= tags.Length ? 201 : (int)tags[i]);
    private static ulong L(ParseState st, int i) => FeatureHash.Of(i < 0 ? 300 : st.Labels[i]);

    private static int Child(int[] slot, int i) => i < 0 || i >= slot.Length ? -1 : slot[i];

    // ---------------------------------------------------------------- the arc's features (for its relation)

    internal static int LabelFeatures(ParseState st, int dep, int head, ReadOnlySpan<WordHashes> w, ReadOnlySpan<Upos> tags, Span<ulong> k)
    {
        int n = st.N;
        ulong dw = W(w, dep), dt = T(tags, dep), hw = W(w, head), ht = T(tags, head);
        ulong dsuf = w[dep].Suf3, dform = w[dep].Form, dcase = FeatureHash.Of(w[dep].Case & 7);
        bool leftArc = dep < head;
        ulong dir = FeatureHash.Of(leftArc ? 1 : 2);
        int gap = Math.Abs(head - dep);
        ulong dist = FeatureHash.Of(gap > 10 ? 11 : gap > 5 ? 6 : gap);
        // The dependent is complete: its case marker, mark, determiner and outermost children tell obl from nmod, etc.
        int caseChild = -1, markChild = -1, detChild = -1, auxChild = -1;
        for (int c = st.L1[dep]; c >= 0; c = NextLeftSibling(st, dep, c))
        {
            var t = tags[c];
            if (t == Upos.ADP && caseChild < 0) caseChild = c;
            else if (t == Upos.SCONJ && markChild < 0) markChild = c;
            else if (t == Upos.DET && detChild < 0) detChild = c;
            else if (t == Upos.AUX) { if (auxChild < 0) auxChild = c; }
            else if (t == Upos.PART && markChild < 0) markChild = c;
        }
        ulong cw = W(w, caseChild), mw = W(w, markChild), detw = W(w, detChild), auxw = W(w, auxChild);
        ulong dl1 = L(st, st.L1[dep]), dr1 = L(st, st.R1[dep]), dl1t = T(tags, st.L1[dep]), dr1t = T(tags, st.R1[dep]);
        ulong hl1 = L(st, st.L1[head]), hr1 = L(st, st.R1[head]);
        ulong hnl = FeatureHash.Of(Math.Min(st.NLeft[head], 3)), hnr = FeatureHash.Of(Math.Min(st.NRight[head], 3));
        ulong prevT = T(tags, dep - 1), nextT = T(tags, dep + 1 < n ? dep + 1 : -1), prevW = W(w, dep - 1);
        ulong hPrevT = T(tags, head - 1), hNextT = T(tags, head + 1 < n ? head + 1 : -1);
        ulong first = FeatureHash.Of(dep == 0 ? 1 : 0);
        int c0 = 0;
        k[c0++] = FeatureHash.Key(200, 0);
        k[c0++] = FeatureHash.Key(201, dw); k[c0++] = FeatureHash.Key(202, dt); k[c0++] = FeatureHash.Key(203, dw, dt);
        k[c0++] = FeatureHash.Key(204, hw); k[c0++] = FeatureHash.Key(205, ht); k[c0++] = FeatureHash.Key(206, hw, ht);
        k[c0++] = FeatureHash.Key(207, dt, ht, dir); k[c0++] = FeatureHash.Key(208, dw, ht, dir); k[c0++] = FeatureHash.Key(209, dt, hw, dir);
        k[c0++] = FeatureHash.Key(210, dw, hw); k[c0++] = FeatureHash.Key(211, dt, ht, dist); k[c0++] = FeatureHash.Key(212, dsuf, dt, dir);
        k[c0++] = FeatureHash.Key(213, cw, ht, dt); k[c0++] = FeatureHash.Key(214, cw, dir); k[c0++] = FeatureHash.Key(215, cw, hw);
        k[c0++] = FeatureHash.Key(216, mw, dt, ht); k[c0++] = FeatureHash.Key(217, mw, dir); k[c0++] = FeatureHash.Key(218, detw, dt);
        k[c0++] = FeatureHash.Key(219, auxw, dt); k[c0++] = FeatureHash.Key(220, dl1, dr1, dt); k[c0++] = FeatureHash.Key(221, dl1t, dl1);
        k[c0++] = FeatureHash.Key(222, dr1t, dr1); k[c0++] = FeatureHash.Key(223, hl1, ht, dir); k[c0++] = FeatureHash.Key(224, hr1, ht, dir);
        k[c0++] = FeatureHash.Key(225, hnl, hnr, dir ^ (dt << 1)); k[c0++] = FeatureHash.Key(226, prevT, dt, nextT);
        k[c0++] = FeatureHash.Key(227, hPrevT, ht, hNextT); k[c0++] = FeatureHash.Key(228, prevW, dt);
        k[c0++] = FeatureHash.Key(229, dform, first); k[c0++] = FeatureHash.Key(230, dcase, dt, ht);
        k[c0++] = FeatureHash.Key(231, dt, ht, hl1 ^ (dir << 1)); k[c0++] = FeatureHash.Key(232, w[dep].Suf2, ht);
        k[c0++] = FeatureHash.Key(233, head < n ? w[head].Suf3 : 0, dt, ht);
        ulong dnl = FeatureHash.Of(Math.Min(st.NLeft[dep], 3)), dnr = FeatureHash.Of(Math.Min(st.NRight[dep], 3));
        k[c0++] = FeatureHash.Key(234, dnl, dnr, dt); k[c0++] = FeatureHash.Key(235, dcase, dt, dir);
        k[c0++] = FeatureHash.Key(236, hl1, hr1, dt ^ (ht << 1)); k[c0++] = FeatureHash.Key(237, cw, mw, dt);
        k[c0++] = FeatureHash.Key(238, dw, dir, dist); k[c0++] = FeatureHash.Key(239, W(w, dep + 1 < n ? dep + 1 : -1), dt, dir);
        ulong dm = M(w, dep), hm = M(w, head);
        ulong glued = FeatureHash.Of(Math.Abs(head - dep) == 1 && head < n ? ((dep < head ? w[head].Glue & 1 : w[dep].Glue & 1)) : 2);
        k[c0++] = FeatureHash.Key(243, glued, dt, ht); k[c0++] = FeatureHash.Key(244, FeatureHash.Of(w[dep].Glue), dt, dir);
        k[c0++] = FeatureHash.Key(240, dm, hm); k[c0++] = FeatureHash.Key(241, hm, dt, dir); k[c0++] = FeatureHash.Key(242, dm, ht, dir);
        return c0;
    }

    // The next child of h to the right of left child c (left children, from the leftmost inward), or -1.
    private static int NextLeftSibling(ParseState st, int h, int c)
    {
        for (int i = c + 1; i < h; i++) if (st.Heads[i] == h) return i;
        return -1;
    }
}

/// <summary>The state of one arc-hybrid parse: the stack, the front of the buffer, the arcs so far, and for each word its
/// two outermost children on each side and how many children it has on each side (for the features).</summary>
internal sealed class ParseState
{
    public readonly int N;
    public int B0;
    private readonly int[] _stack;
    public int Depth;
    public readonly int[] Heads, Labels, L1, L2, R1, R2, NLeft, NRight;

    public ParseState(int n)
    {
        N = n;
        _stack = new int[n + 1];
        Heads = new int[n + 1]; Labels = new int[n + 1];
        L1 = new int[n + 1]; L2 = new int[n + 1]; R1 = new int[n + 1]; R2 = new int[n + 1];
        NLeft = new int[n + 1]; NRight = new int[n + 1];
        Array.Fill(Heads, -1); Array.Fill(Labels, -1);
        Array.Fill(L1, -1); Array.Fill(L2, -1); Array.Fill(R1, -1); Array.Fill(R2, -1);
    }

    /// <summary>Done: the buffer holds only the root and the stack is empty.</summary>
    public bool Terminal => B0 == N && Depth == 0;

    public int Top(int i) => _stack[Depth - 1 - i];
    public void Push(int w) => _stack[Depth++] = w;
    public int Pop() => _stack[--Depth];

    public void Attach(int head, int dep, int label)
    {
        Heads[dep] = head;
        Labels[dep] = label;
        if (dep < head)
        {
            // Left children arrive from the inside out: the newest is the leftmost.
            L2[head] = L1[head]; L1[head] = dep; NLeft[head]++;
        }
        else
        {
            // Right children arrive from the inside out too: the newest is the rightmost.
            R2[head] = R1[head]; R1[head] = dep; NRight[head]++;
        }
    }
}
