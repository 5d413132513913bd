using Dossier.Evaluation;
using Dossier.Pipeline;

namespace Dossier.Tests.Entities;

/// <summary>The mapping of the pipeline's entities to GMB's conventions (titles inside persons, which groups are gpe).</summary>
public class NerScorerTests
{
    private static NerSentence Sentence(params (string Word, string Tag)[] words) =>
        new(1, words.Select(w => new NerWord(w.Word, "NN", w.Tag)).ToArray());

    private static readonly DocumentPipeline Pipeline = DocumentPipeline.FromConfig("segment+syntax+ner");

    [Fact]
    public void TwoWordTitleIsInsideThePersonLikeGmb()
    {
        var s = Sentence(("British", "B-gpe"), ("Prime", "B-per"), ("Minister", "I-per"), ("Tony", "I-per"), ("Blair", "I-per"),
            ("said", "O"), ("Sunday", "B-tim"), ("the", "O"), ("incident", "O"), ("will", "O"), ("be", "O"), ("investigated", "O"), (".", "O"));
        var r = NerScorer.Score([s], Pipeline, gmbTitles: true);
        var per = r.PerType.Single(t => t.Type == "per");
        Assert.Equal((1, 1, 1), (per.Gold, per.Predicted, per.Correct));
    }

    [Fact]
    public void ReligiousGroupsAreNoGmbGpeButNationalitiesAre()
    {
        var s = Sentence(("Iraqi", "B-gpe"), ("officials", "O"), ("say", "O"), ("Shi'ite", "O"), ("and", "O"), ("Sunni", "O"),
            ("leaders", "O"), ("met", "O"), ("in", "O"), ("Baghdad", "B-geo"), ("on", "O"), ("Monday", "B-tim"), (".", "O"));
        var r = NerScorer.Score([s], Pipeline, gmbTitles: true);
        var gpe = r.PerType.Single(t => t.Type == "gpe");
        Assert.Equal(1, gpe.Gold);
        Assert.Equal(1, gpe.Correct);
        Assert.Equal(1, gpe.Predicted);
    }
}
