using Dossier.Extraction.Events;

namespace Dossier.Tests.Events;

/// <summary>The compiled CAMEO verb dictionary and our additions load and expose inflected forms.</summary>
public class VerbLexiconTests
{
    [Theory]
    [InlineData("stormed", "storm")]
    [InlineData("spoken", "speak")]
    [InlineData("bombarding", "bombard")]
    [InlineData("granted", "grant")]
    [InlineData("demanding", "demand")]
    [InlineData("dispatched", "dispatch")]
    [InlineData("dropped", "drop")]
    [InlineData("assisted", "assist")]
    [InlineData("invited", "invite")]
    public void FindsInflectedForms(string form, string lemma) =>
        Assert.Contains(VerbLexicon.Default.FormsStartingWith(form) ?? [], f => f.Lemma == lemma && f.Words.Length == 1);

    [Fact]
    public void FindsMultiWordForms() =>
        Assert.Contains(VerbLexicon.Default.FormsStartingWith("packing") ?? [], f => f.Words is ["packing", "up"]);

    [Fact]
    public void HoldsTheWholeDictionary() => Assert.True(VerbLexicon.Default.FormCount > 6000, VerbLexicon.Default.FormCount.ToString());

    [Theory]
    [InlineData("dropped", "drop")]
    [InlineData("visitted", "visit")]
    [InlineData("carried", "carry")]
    [InlineData("leaving", "leave")]
    [InlineData("dies", "die")]
    [InlineData("dying", "die")]
    public void InflectsRegularVerbs(string form, string root) => Assert.Contains(form, VerbForms.Regular(root));

    [Theory]
    [InlineData("X\t1\tfoo")]
    [InlineData("V\tnoblock\tfoo")]
    [InlineData("P\t1")]
    public void RejectsMalformedLines(string line)
    {
        var lex = new VerbLexicon();
        var e = Assert.Throws<DossierException>(() => lex.Load(["B\t1\t040\tX", line], "test.tsv", ours: true));
        Assert.Equal("DSR250", e.Error.Code);
    }

    [Theory]
    [InlineData("sanctions", "sanction")]
    [InlineData("talks", "talk")]
    [InlineData("countries", "country")]
    [InlineData("crisis", "crisis")]
    [InlineData("Russia’s", "russia's")]
    public void NormalizesWords(string word, string expected) => Assert.Equal(expected, Words.Normalize(word));
}
