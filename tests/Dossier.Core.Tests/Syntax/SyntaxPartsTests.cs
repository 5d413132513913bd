using System.Text;
using Dossier.Documents;
using Dossier.Evaluation;
using Dossier.Extraction.Syntax;
using Dossier.Testing;

namespace Dossier.Tests.Syntax;

/// <summary>The pieces of the syntax component, each on its own: the CoNLL-U reader, pseudo-projective lifting, the arc-hybrid
/// oracle, the weight tables and the lemmatiser.</summary>
public sealed class SyntaxPartsTests
{
    private const string Two = """
        # sent_id = a
        # text = They didn't go.
        1	They	they	PRON	PRP	_	4	nsubj	_	_
        2-3	didn't	_	_	_	_	_	_	_	_
        2	did	do	AUX	VBD	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = b
        1	Rain	rain	NOUN	NN	_	2	nsubj	_	_
        2	fell	fall	VERB	VBD	_	0	root	_	_

        """;

    [Fact]
    public void ConlluWordsSkipMultiwordTokensAndKeepColumns()
    {
        var s = Conllu.Read(new StringReader(Two)).ToList();
        Assert.Equal(2, s.Count);
        Assert.Equal(["They", "did", "n't", "go", "."], s[0].Words.Select(w => w.Form));
        Assert.Equal(("a", "They didn't go.", 1), (s[0].Id, s[0].Text, s[0].Line));
        Assert.Equal((4, "aux", "do"), (s[0].Words[1].Head, s[0].Words[1].Deprel, s[0].Words[1].Lemma));
        Assert.False(s[0].Words[3].SpaceAfter);
        Assert.Equal("nsubj", new ConlluWord("x", "x", "NOUN", "_", "_", 1, "nsubj:pass", "_").UniversalDeprel);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "1\tA\ta\tNOUN\t_\t_\t0\troot\t_\t_\n2\tB\tb\tNOUN\t_\t_\n", "6 column" },
        { "1\tA\ta\tNOUN\t_\t_\t0\troot\t_\t_\n3\tB\tb\tNOUN\t_\t_\t1\tdep\t_\t_\n", "word id '3'" },
        { "1\tA\ta\tNOUN\t_\t_\t0\troot\t_\t_\n2\tB\tb\tNOUN\t_\t_\t0\troot\t_\t_\n", "2 roots" },
        { "1\tA\ta\tNOUN\t_\t_\t2\tdep\t_\t_\n2\tB\tb\tNOUN\t_\t_\t1\tdep\t_\t_\n", "0 roots" },
        { "1\tA\ta\tNOUN\t_\t_\t9\tdep\t_\t_\n", "head 9" },
        { "1\tA\ta\tNOUN\t_\t_\tx\tdep\t_\t_\n", "not a number" },
    };

    [Theory, MemberData(nameof(Malformed))]
    public void AMalformedSentenceIsReportedWithItsLineAndSkipped(string bad, string reason)
    {
        var errors = new List<(int Line, DossierError Error)>();
        var text = "1\tOk\tok\tINTJ\t_\t_\t0\troot\t_\t_\n\n# c\n" + bad + "\n1\tFine\tfine\tADJ\t_\t_\t0\troot\t_\t_\n";
        var s = Conllu.Read(new StringReader(text), (l, e) => errors.Add((l, e))).ToList();
        Assert.Equal(["Ok", "Fine"], s.Select(x => x.Words[0].Form));
        var (line, error) = Assert.Single(errors);
        Assert.Equal("DSR261", error.Code);
        Assert.Contains(reason, error.Message);
        Assert.InRange(line, 3, 5);
    }

    [Fact]
    public void AFileWithoutSentencesIsNotConllu()
    {
        var e = Assert.Throws<DossierException>(() => Conllu.ReadAll(new StringReader("just some text\nand more\n"), "x.txt"));
        Assert.Equal("DSR260", e.Error.Code);
    }

    [Fact]
    public void LiftingMakesATreeProjectiveAndParsingBackRestoresIt()
    {
        // "A hearing is scheduled on the issue today": "on the issue" (5-7) depends on "hearing" (1) across "scheduled".
        int[] heads = [1, 3, 3, -1, 6, 6, 1, 3];
        string[] labels = ["det", "nsubj:pass", "aux:pass", "root", "case", "det", "nmod", "obl:tmod"];
        Assert.False(Projectivity.IsProjective(heads));
        var h = (int[])heads.Clone();
        var l = (string[])labels.Clone();
        Assert.Equal(1, Projectivity.Projectivize(h, l));
        Assert.True(Projectivity.IsProjective(h));
        Assert.Equal((3, "nmod|nsubj:pass"), (h[6], l[6]));
        Projectivity.Deprojectivize(h, l);
        Assert.Equal(heads, h);
        Assert.Equal(labels, l);
    }

    // Following the oracle's zero-cost moves from the start reaches the gold tree exactly: the oracle and the
    // transition system agree (checked on every projective sentence of EWT dev when the data is there).
    [Fact]
    public void TheOracleReachesTheGoldTree()
    {
        foreach (var s in Conllu.Read(new StringReader(Two))) OracleReaches(s);
    }

    [SharedDataFact("ud-english", "en_ewt-ud-dev.conllu.xz")]
    public void TheOracleReachesEveryProjectiveGoldTreeOfEwtDev()
    {
        int n = 0;
        foreach (var s in TreebankFile.ReadConllu(SharedData.File("ud-english", "en_ewt-ud-dev.conllu.xz")!))
        {
            var h = s.Words.Select(w => w.Head - 1).ToArray();
            if (!Projectivity.IsProjective(h)) continue;
            OracleReaches(s);
            n++;
        }
        Assert.True(n > 1900);
    }

    private static void OracleReaches(ConlluSentence s)
    {
        int n = s.Words.Length;
        var gold = s.Words.Select(w => w.Head == 0 ? n : w.Head - 1).ToArray();
        var st = new ParseState(n);
        var zero = new bool[DependencyParser.Moves];
        for (int steps = 0; !st.Terminal; steps++)
        {
            Assert.True(steps < 2 * n + 2, "the parse ends after 2n moves");
            DependencyParser.ZeroCost(st, gold, zero);
            int move = Array.IndexOf(zero, true);
            Assert.True(move >= 0 && DependencyParser.Valid(st, move));
            DependencyParser.Apply(st, move, 0);
        }
        Assert.Equal(gold, st.Heads[..n]);
    }

    [Fact]
    public void WeightTablesScoreTheSameAfterAWriteAndARead()
    {
        var rng = new Random(5);
        foreach (int classes in new[] { 3, 40 })
        {
            var p = new AveragedPerceptron(classes);
            var keys = Enumerable.Range(1, 300).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
            for (int step = 0; step < 5000; step++)
            {
                p.Tick();
                var some = keys.Where(_ => rng.Next(10) == 0).ToArray();
                p.Update(some, rng.Next(classes), rng.Next(classes));
            }
            var model = p.Average(0, 1);
            using var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) model.Write(w);
            ms.Position = 0;
            var back = SparseModel.Read(new BinaryReader(ms));
            Assert.Equal(model.Rows, back.Rows);
            var a = new float[classes];
            var b = new float[classes];
            model.Score(keys, a);
            back.Score(keys, b);
            for (int c = 0; c < classes; c++) Assert.Equal(a[c], b[c], 0.01f * Math.Max(1, Math.Abs(a[c])));
            Assert.Contains(a, x => x != 0);
        }
    }

    [Fact]
    public void EveryStoredFeatureIsFoundAndAbsentOnesAddNothing()
    {
        // The presence filter in front of the table may let an absent key through, never stop a present one: every row
        // scores its own weights, and keys that are not rows (most of a parser state's) score nothing.
        var rng = new Random(11);
        foreach (int classes in new[] { 3, 17, 100 })
        {
            var stored = new HashSet<ulong>();
            while (stored.Count < 20_000) stored.Add((ulong)rng.NextInt64(1, long.MaxValue));
            var rows = stored.Select(k => (k, new[] { (ushort)(k % (ulong)classes) }, new[] { 1f })).ToList();
            var model = new SparseModel(classes, rows);
            var scores = new float[classes];
            foreach (var (key, cls, _) in rows)
            {
                Array.Clear(scores);
                model.Score([key], scores);
                Assert.Equal(1f, scores[cls[0]]);
                Assert.Equal(1f, scores.Sum());
            }
            var absent = Enumerable.Range(0, 20_000).Select(_ => (ulong)rng.NextInt64(1, long.MaxValue)).Where(k => !stored.Contains(k)).ToArray();
            Array.Clear(scores);
            model.Score(absent, scores);
            Assert.All(scores, s => Assert.Equal(0f, s));
            // Many keys at once (more than the filter's first pass takes) score as one at a time.
            var all = rows.Select(r => r.k).Take(600).ToArray();
            Array.Clear(scores);
            model.Score(all, scores);
            Assert.Equal(600f, scores.Sum());
        }
    }

    [Fact]
    public void ASentenceCanBeWrittenAsAHeadlineWithItsAnnotationKept()
    {
        var forms = new[] { "the", "owner", "sues", "Russia", "for", "$", "5bn" };
        var words = forms.Select((f, i) => new ConlluWord(f, f, "X", "_", "_", i == 2 ? 0 : 3, i == 2 ? "root" : "dep", "_")).ToArray();
        var headline = new ConlluSentence(1, "s1", null, words).HeadlineCased();
        Assert.Equal(["The", "Owner", "Sues", "Russia", "for", "$", "5bn"], headline.Words.Select(w => w.Form));
        Assert.Equal(words.Select(w => (w.Lemma, w.Head, w.Deprel)), headline.Words.Select(w => (w.Lemma, w.Head, w.Deprel)));
    }

    [Fact]
    public void TheLemmatiserLearnsWordsAndSuffixes()
    {
        var lem = Lemmatizer.Train([
            ("said", Upos.VERB, "say"), ("The", Upos.DET, "the"), ("the", Upos.DET, "the"), ("cities", Upos.NOUN, "city"),
            ("parties", Upos.NOUN, "party"), ("went", Upos.VERB, "go"), ("walked", Upos.VERB, "walk"), ("talked", Upos.VERB, "talk"),
            ("Syria", Upos.PROPN, "Syria"), ("I", Upos.PRON, "I"), ("I", Upos.PRON, "I"), ("i", Upos.PRON, "I"),
        ]);
        Assert.Equal("say", lem.Lemma("said", Upos.VERB));
        Assert.Equal("say", lem.Lemma("Said", Upos.VERB));
        Assert.Equal("the", lem.Lemma("THE", Upos.DET));
        Assert.Equal("county", lem.Lemma("counties", Upos.NOUN));   // unseen: the "-ies" edit
        Assert.Equal("jump", lem.Lemma("jumped", Upos.VERB));       // unseen: the "-ed" edit
        Assert.Equal("Damascus", lem.Lemma("Damascus", Upos.PROPN));
        Assert.Equal("I", lem.Lemma("I", Upos.PRON));
        Assert.Equal("I", lem.Lemma("i", Upos.PRON));                // a known word's lemma, whatever its case here
    }

    [Fact]
    public void FeatureHashesAreStable()
    {
        // Fixed values: a model file holds these keys, so they must never change between processes or machines.
        Assert.Equal(FeatureHash.Of("minister"), FeatureHash.Of("minister".AsSpan()));
        Assert.NotEqual(FeatureHash.Key(1, FeatureHash.Of("a")), FeatureHash.Key(2, FeatureHash.Of("a")));
        Assert.Equal(4648756499378686386UL, FeatureHash.Of("minister"));
    }
}
