using Dossier.Cli;

namespace Dossier.Tests;

/// <summary><c>dossier train ner</c> on a tiny hand-written corpus, then <c>eval ner --model</c> on the model it wrote.</summary>
public sealed class TrainCommandTests() : CliTestBase("dossier-train-")
{
    private string Corpus()
    {
        string[] people = ["Anna Novak", "Boris Okafor", "Carla Petrov", "David Quinn"];
        string[] towns = ["Lyon", "Porto", "Kassel", "Varna"];
        var lines = new List<string> { "Sentence #,Word,POS,Tag" };
        for (int s = 0; s < 40; s++)
        {
            var name = people[s % 4].Split(' ');
            lines.Add($"Sentence: {s + 1},{name[0]},NNP,B-per");
            lines.Add($",{name[1]},NNP,I-per");
            lines.Add(",arrived,VBD,O");
            lines.Add(",in,IN,O");
            lines.Add($",{towns[(s / 4) % 4]},NNP,B-geo");
            lines.Add(",.,.,O");
        }
        var path = Path.Combine(Dir, "tiny.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void TrainsPrintsEpochsWritesAModelThatEvalLoads()
    {
        var corpus = Corpus();
        var model = Path.Combine(Dir, "out", "tiny.bin.gz");
        var r = Dossier("train", "ner", "--train", corpus, "--dev", corpus, "--out", model, "--epochs", "2", "--seed", "3");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("epoch  1:", r.Out);
        Assert.Contains("epoch  2:", r.Out);
        Assert.Contains("dev P", r.Out);
        Assert.True(File.Exists(model));
        Assert.False(File.Exists(model + ".tmp"));

        var e = Dossier("eval", "ner", corpus, "--model", model);
        Assert.True(e.Code == 0, e.Err);
        Assert.Contains("tagger: 40 sentences", e.Out);
        Assert.Contains("geo    P 1.000 R 1.000", e.Out);
    }

    [Fact]
    public void MissingTrainingFileAndBadEpochsAreClearErrors()
    {
        var out1 = Path.Combine(Dir, "m.bin.gz");
        var r = Dossier("train", "ner", "--train", Path.Combine(Dir, "none.csv"), "--out", out1);
        Assert.Equal(ExitCodes.Failed, r.Code);
        Assert.Contains("DSR213", r.Err);
        Assert.False(File.Exists(out1));

        var b = Dossier("train", "ner", "--train", Corpus(), "--out", out1, "--epochs", "0");
        Assert.Equal(ExitCodes.Usage, b.Code);
        Assert.Contains("--epochs", b.Err);
    }

    [Fact]
    public void ABinaryOrForeignFileIsRefusedAndBadLinesAreReported()
    {
        var binary = Path.Combine(Dir, "blob.bin");
        File.WriteAllBytes(binary, [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0x2c, 0x2c, 0x2c, 10, 0x2c, 0x2c, 0x2c, 10]);
        var r = Dossier("train", "ner", "--train", binary, "--out", Path.Combine(Dir, "m.bin.gz"));
        Assert.Equal(ExitCodes.Failed, r.Code);
        Assert.Contains("DSR211", r.Err);
        Assert.Contains("blob.bin", r.Err);

        var other = Path.Combine(Dir, "other.csv");
        File.WriteAllText(other, "id,name,value,type\n1,a,b,c\n");
        var e = Dossier("eval", "ner", other);
        Assert.Equal(ExitCodes.Failed, e.Code);
        Assert.Contains("not the header", e.Err);

        var mixed = Path.Combine(Dir, "mixed.csv");
        File.WriteAllText(mixed, "Sentence #,Word,POS,Tag\nSentence: 1,Paris,NNP,B-geo\n,is,VBZ,XX\nbroken line\n,nice,JJ,O\n");
        var m = Dossier("eval", "ner", mixed);
        Assert.Equal(0, m.Code);
        Assert.Contains("mixed.csv:3: tag 'XX'", m.Err);
        Assert.Contains("mixed.csv:4: expected 4 fields", m.Err);
        Assert.Contains("tagger: 1 sentences", m.Out);
    }

    [Fact]
    public void EvalWithABrokenModelFileFails()
    {
        var bad = Path.Combine(Dir, "bad.bin.gz");
        File.WriteAllText(bad, "not a model");
        var r = Dossier("eval", "ner", Corpus(), "--model", bad);
        Assert.Equal(ExitCodes.Failed, r.Code);
        Assert.Contains("DSR212", r.Err);
    }
}
