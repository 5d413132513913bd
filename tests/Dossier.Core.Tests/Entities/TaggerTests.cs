using System.Security.Cryptography;
using Dossier.Documents;
using Dossier.Evaluation;
using Dossier.Extraction.Entities;
using Dossier.Extraction.Entities.Tagging;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Entities;

/// <summary>The statistical tagger: labels, decoding, training, the model file and the shipped model.</summary>
public class TaggerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-tagger-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Fact]
    public void TagSetParsesCorpusTagsAndForbidsInsideWithoutBegin()
    {
        var tags = new TagSet(["per", "org", "geo", "gpe"]);
        Assert.Equal(9, tags.Count);
        Assert.Equal("B-geo", tags.Name(tags.Parse("B-geo")));
        Assert.Equal("I-per", tags.Name(tags.Parse("I-per")));
        Assert.Equal(0, tags.Parse("B-tim")); // a type outside the set is O
        Assert.Equal(0, tags.Parse("O"));
        int bPer = tags.Parse("B-per"), iPer = tags.Parse("I-per"), iOrg = tags.Parse("I-org");
        Assert.False(TagSet.Allowed(-1, iPer));
        Assert.False(TagSet.Allowed(0, iPer));
        Assert.True(TagSet.Allowed(bPer, iPer));
        Assert.False(TagSet.Allowed(bPer, iOrg));
    }

    [Fact]
    public void ViterbiNeverPutsInsideAfterOutside()
    {
        // Emissions that, token by token, prefer I-per everywhere: the decoder must still open with B-per.
        const int l = 9, n = 3;
        var emit = new float[n * l];
        for (int i = 0; i < n; i++) emit[i * l + TagSet.Inside(0)] = 5;
        for (int i = 0; i < n; i++) emit[i * l + TagSet.Begin(0)] = 1;
        var labels = new int[n];
        SequenceTagger.Viterbi(emit, new float[l], new float[l * l], n, l, labels, new float[n * l], new int[n * l]);
        Assert.Equal([TagSet.Begin(0), TagSet.Inside(0), TagSet.Inside(0)], labels);
    }

    // A small corpus with regular patterns: "Mr. X Y said", "in CITY", "the ORG Party".
    private string WriteCorpus(string name, int sentences, int offset = 0)
    {
        string[] given = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hamid"];
        string[] family = ["Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Umar"];
        string[] towns = ["Lyon", "Porto", "Kassel", "Tampere", "Gdansk", "Varna", "Brno", "Split"];
        string[] parties = ["Green", "Labour", "Liberal", "Farmers", "Workers", "Unity", "Reform", "Justice"];
        var lines = new List<string> { "Sentence #,Word,POS,Tag" };
        for (int s = 0; s < sentences; s++)
        {
            int k = s + offset;
            var words = new List<(string, string)>
            {
                ("Mr.", "B-per"), (given[k % 8], "I-per"), (family[(k / 8) % 8], "I-per"), ("said", "O"), ("in", "O"),
                (towns[(k / 3) % 8], "B-geo"), ("that", "O"), ("the", "O"), (parties[(k / 5) % 8], "B-org"), ("Party", "I-org"),
                ("won", "O"), (".", "O"),
            };
            for (int w = 0; w < words.Count; w++)
                lines.Add($"{(w == 0 ? $"Sentence: {s + 1}" : "")},{words[w].Item1},NN,{words[w].Item2}");
        }
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static TaggerModel Train(string path, int seed, int epochs = 4) =>
        NerTraining.Train(path, null, new TrainingOptions { Epochs = epochs, Seed = seed }, _ => { }, _ => { });

    private static byte[] Bytes(TaggerModel m)
    {
        using var ms = new MemoryStream();
        m.Save(ms);
        return ms.ToArray();
    }

    [Fact]
    public void TrainingIsDeterministicForASeedAndLearnsThePatterns()
    {
        var train = WriteCorpus("train.csv", 200);
        var a = Bytes(Train(train, seed: 7));
        var b = Bytes(Train(train, seed: 7));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(a)), Convert.ToHexString(SHA256.HashData(b)));

        // Unseen combinations of the same patterns are tagged right.
        var model = Train(train, seed: 7);
        var dev = WriteCorpus("dev.csv", 40, offset: 500);
        var report = NerTraining.Score(GmbCorpus.Read(dev), model);
        output.WriteLine(report.Micro.ToString());
        Assert.True(report.Micro.F1 > 0.95, $"F1 {report.Micro.F1:0.000}");
    }

    [Fact]
    public void TheCrfTrainerLearnsTheSamePatternsDeterministically()
    {
        var train = WriteCorpus("train.csv", 200);
        TaggerModel Crf() => NerTraining.Train(train, null, new TrainingOptions { Epochs = 3, Seed = 5, Algorithm = "crf" }, _ => { }, _ => { });
        var a = Crf();
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Bytes(a))), Convert.ToHexString(SHA256.HashData(Bytes(Crf()))));
        var report = NerTraining.Score(GmbCorpus.Read(WriteCorpus("dev.csv", 40, offset: 500)), a);
        output.WriteLine(report.Micro.ToString());
        Assert.True(report.Micro.F1 > 0.95, $"F1 {report.Micro.F1:0.000}");
    }

    [Fact]
    public void AnUnknownAlgorithmIsRefused()
    {
        var e = Assert.Throws<DossierException>(() =>
            NerTraining.Train(WriteCorpus("train.csv", 10), null, new TrainingOptions { Algorithm = "svm" }, _ => { }, _ => { }));
        Assert.Equal("DSR213", e.Error.Code);
    }

    [Fact]
    public void ASavedModelLoadsAndTagsTheSame()
    {
        var model = Train(WriteCorpus("train.csv", 120), seed: 1, epochs: 3);
        var path = Path.Combine(_dir, "m.bin.gz");
        using (var fs = File.Create(path)) model.Save(fs);
        var loaded = NerModels.LoadFile(path);
        Assert.Equal(model.Tags.Types, loaded.Tags.Types);
        var doc = DocBuilder.Segmented("Mr. Grace Sato said in Varna that the Unity Party won.");
        var x = new List<TaggedSpan>(); var y = new List<TaggedSpan>();
        SequenceTagger.ForThread(model).TagDocument(doc, x);
        SequenceTagger.ForThread(loaded).TagDocument(doc, y);
        Assert.Equal(x.Select(s => (s.First, s.End, s.Type)), y.Select(s => (s.First, s.End, s.Type)));
        Assert.Contains(y, s => doc.Slice(doc.Tokens[s.First].Start, doc.Tokens[s.End - 1].End) == "Varna" && loaded.Tags.Types[s.Type] == "geo");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public void ABadModelFileIsAClearError(string kind)
    {
        var path = Path.Combine(_dir, kind + ".bin.gz");
        if (kind == "garbage") File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        else if (kind == "empty") File.WriteAllBytes(path, []);
        else
        {
            var bytes = Bytes(Train(WriteCorpus("train.csv", 50), seed: 1, epochs: 1));
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }
        var e = Assert.Throws<DossierException>(() => NerModels.LoadFile(path));
        Assert.Equal("DSR212", e.Error.Code);
        Assert.Contains(path, e.Error.Message);
    }

    [Fact]
    public void TheShippedModelLoadsAndFindsTheUsualTypes()
    {
        var m = NerModels.Default;
        Assert.Equal(["per", "org", "geo", "gpe"], m.Tags.Types);
        Assert.True(m.Features > 10_000);
        var doc = DocBuilder.Segmented("Iranian President Mahmoud Ahmadinejad told the United Nations in New York that Iran wants talks.");
        var spans = new List<TaggedSpan>();
        SequenceTagger.ForThread(m).TagDocument(doc, spans);
        var found = spans.Select(s => m.Tags.Types[s.Type] + ":" + doc.Slice(doc.Tokens[s.First].Start, doc.Tokens[s.End - 1].End)).ToList();
        output.WriteLine(string.Join("; ", found));
        Assert.Contains("gpe:Iranian", found);
        Assert.Contains("org:United Nations", found);
        Assert.Contains("geo:New York", found);
        Assert.Contains(found, f => f.StartsWith("per:") && f.EndsWith("Mahmoud Ahmadinejad"));
    }

    [Fact]
    public void TaggingTheSameTextTwiceGivesTheSameSpansAndScores()
    {
        // Feature buffers are reused between sentences; nothing of an earlier, longer sentence may leak into a later one.
        var tagger = SequenceTagger.ForThread(NerModels.Default);
        string Run(string text)
        {
            var d = DocBuilder.Segmented(text);
            var spans = new List<TaggedSpan>();
            tagger.TagDocument(d, spans);
            return string.Join("|", spans.Select(s => $"{s.First}-{s.End}:{s.Type}:{s.Score:0.0000}"));
        }
        const string shortText = "Ban met Rice in Oslo.";
        var first = Run(shortText);
        Run("Extraordinarily long-winded representatives of multinational conglomerates deliberated interminably in Johannesburg.");
        Assert.Equal(first, Run(shortText));
    }
}

/// <summary>The shipped model on the GMB development split (needs ../shared/data/ner-gmb).</summary>
public class TaggerGmbDevTests(ITestOutputHelper output)
{
    [SharedDataFact("ner-gmb", "dev.csv")]
    public void ShippedModelScoresOnGmbDev()
    {
        var r = NerTraining.Score(GmbCorpus.Read(SharedData.File("ner-gmb", "dev.csv")!), NerModels.Default);
        foreach (var t in r.PerType) output.WriteLine(t.ToString());
        output.WriteLine(r.Micro.ToString());
        // The floor sits below the measured figure (docs/components/ner.md) so that noise in retraining does not trip it.
        Assert.True(r.Micro.F1 > 0.83, $"micro F1 {r.Micro.F1:0.000}");
    }
}
