using System.Text.Json;

namespace Dossier.Tests;

/// <summary><c>dossier parse</c>, <c>eval parser</c>, <c>train parser</c> and <c>extract --with syntax</c>, run as a user runs them.</summary>
public sealed class SyntaxCommandTests() : CliTestBase("dossier-syntax-")
{
    // A tiny treebank of our own (invented sentences), enough to train and score a model end to end.
    private static readonly string Treebank = string.Concat(Enumerable.Repeat("""
        # text = The mayor opened the bridge.
        1	The	the	DET	DT	_	2	det	_	_
        2	mayor	mayor	NOUN	NN	_	3	nsubj	_	_
        3	opened	open	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	bridge	bridge	NOUN	NN	_	3	obj	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	3	punct	_	_

        # text = Officials said talks resumed.
        1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
        2	said	say	VERB	VBD	_	0	root	_	_
        3	talks	talk	NOUN	NNS	_	4	nsubj	_	_
        4	resumed	resume	VERB	VBD	_	2	ccomp	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	2	punct	_	_


        """, 20));

    private string Write(string name, string text)
    {
        var p = Path.Combine(Dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void ParsePrintsConlluWithOffsetsIntoTheText()
    {
        const string text = "The mayor of Leeds opened the HTS-held bridge on Monday. Officials said talks resumed.";
        var file = Write("a.txt", text);
        var (code, o, e) = Dossier("parse", file);
        Assert.True(code == 0, e);
        var lines = o.Split('\n');
        Assert.Equal(2, lines.Count(l => l.StartsWith("# text = ")));
        var words = lines.Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t')).ToList();
        Assert.All(words, w => Assert.Equal(10, w.Length));
        // Every word's TokenRange is the span of its form; hyphenated tokens are split the UD way.
        foreach (var w in words)
        {
            var range = w[9].Split('|')[0]["TokenRange=".Length..].Split(':').Select(int.Parse).ToArray();
            Assert.Equal(w[1], text[range[0]..range[1]]);
        }
        Assert.Contains(words, w => w[1] == "HTS");
        Assert.Contains(words, w => w[1] == "-" && w[9].Contains("SpaceAfter=No"));
        Assert.Single(words.Where(w => w[6] == "0").Take(100), w => w[1] == "opened");
        var (_, json, _) = Dossier("parse", file, "--format", "jsonl");
        var first = JsonDocument.Parse(json.Split('\n')[0]).RootElement;
        Assert.Equal(1, first.GetProperty("sentence").GetInt32());
        Assert.Equal("say", JsonDocument.Parse(json.Split('\n')[1]).RootElement.GetProperty("words")[1].GetProperty("lemma").GetString());
    }

    [Fact]
    public void ExtractWithSyntaxAddsTheTokensAndOnlyThen()
    {
        var file = Write("b.txt", "Officials said the talks would resume.");
        var (_, plain, _) = Dossier("extract", file);
        Assert.False(JsonDocument.Parse(plain).RootElement.TryGetProperty("tokens", out _));
        var (code, o, e) = Dossier("extract", file, "--with", "syntax");
        Assert.True(code == 0, e);
        var tokens = JsonDocument.Parse(o).RootElement.GetProperty("tokens");
        Assert.Equal(7, tokens.GetArrayLength());
        var said = tokens[1];
        Assert.Equal(("VERB", "say", -1, "root"), (said.GetProperty("upos").GetString(), said.GetProperty("lemma").GetString(), said.GetProperty("head").GetInt32(), said.GetProperty("deprel").GetString()));
        var (bad, _, err) = Dossier("extract", file, "--with", "syntax", "--pipeline", "segment+ner");
        Assert.Equal(2, bad);
        Assert.Contains("DSR402", err);
    }

    [Fact]
    public void TrainingIsDeterministicAndEvalScoresTheModel()
    {
        var train = Write("train.conllu", Treebank);
        var dev = Write("dev.conllu", Treebank);
        var a = Path.Combine(Dir, "a.bin.gz");
        var b = Path.Combine(Dir, "b.bin.gz");
        var (code, o, e) = Dossier("train", "parser", "--train", train, "--dev", dev, "--out", a, "--epochs", "3", "--tagger-epochs", "2", "--folds", "2", "--min-updates", "1");
        Assert.True(code == 0, e);
        Assert.Contains("parser epoch  3:", o);
        Assert.Contains("dev UPOS", o);
        Dossier("train", "parser", "--train", train, "--dev", dev, "--out", b, "--epochs", "3", "--tagger-epochs", "2", "--folds", "2", "--min-updates", "1");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        var (ec, eo, ee) = Dossier("eval", "parser", dev, "--model", a, "--errors", "5");
        Assert.True(ec == 0, ee);
        Assert.Contains("UPOS 1.0000", eo);
        Assert.Contains("LAS 1.0000", eo); // two sentence shapes seen twenty times each: learned to the last arc
    }

    [Fact]
    public void BadTreebanksAndModelsAreCodedErrors()
    {
        var notConllu = Write("x.conllu", "this is prose, not a treebank\n");
        var (c1, _, e1) = Dossier("eval", "parser", notConllu);
        Assert.Equal(1, c1);
        Assert.Contains("DSR260", e1);
        var oneBad = Write("y.conllu", "1\tA\ta\tNOUN\t_\t_\t0\troot\t_\n\n1\tRain\train\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tfell\tfall\tVERB\t_\t_\t0\troot\t_\t_\n\n");
        var (c2, o2, e2) = Dossier("eval", "parser", oneBad);
        Assert.True(c2 == 0, e2);
        Assert.Contains($"{oneBad}:1: malformed CoNLL-U sentence: 9 column(s), want 10 (DSR261)", e2);
        Assert.Contains("1 sentences, 2 words", o2);
        var junk = Write("m.bin.gz", "not a model");
        var (c3, _, e3) = Dossier("eval", "parser", oneBad, "--model", junk);
        Assert.Equal(1, c3);
        Assert.Contains("DSR262", e3);
    }
}
