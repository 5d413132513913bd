using Dossier.Evaluation;
using Dossier.Extraction.Syntax;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Syntax;

/// <summary>The shipped model on the UD dev sets (gold words, predicted tags): prints the figures; the floors sit a little
/// under what the model reaches, to catch a broken model or feature change, not to measure it.</summary>
public sealed class SyntaxDevTests(ITestOutputHelper output)
{
    [SharedDataTheory("ud-english", "en_ewt-ud-dev.conllu.xz")]
    [InlineData("en_ewt-ud-dev.conllu.xz", 0.945, 0.81)]
    [InlineData("en_gum-ud-dev.conllu.xz", 0.96, 0.825)]
    public void DevScores(string file, double upos, double las)
    {
        var r = SyntaxTraining.Evaluate(SyntaxModel.Default, TreebankFile.ReadConllu(SharedData.File("ud-english", file)!));
        output.WriteLine($"{file}: UPOS {r.Upos:0.0000} lemma {r.Lemma:0.0000} UAS {r.Uas:0.0000} LAS {r.Las:0.0000}");
        Assert.True(r.Upos >= upos, $"UPOS {r.Upos:0.0000}");
        Assert.True(r.Las >= las, $"LAS {r.Las:0.0000}");
        Assert.True(r.Lemma >= 0.96, $"lemma {r.Lemma:0.0000}");
    }
}
