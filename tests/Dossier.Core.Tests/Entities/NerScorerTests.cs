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

    // A re3d folder of one document of our own: "Syria accused Israel…" with the corpus's conventions (countries by role,
    // "the" inside, a pronoun annotated, a low-confidence second type).
    [Fact]
    public void Re3dIsScoredLenientlyOnDeterminersAndCountryRoles()
    {
        var root = Directory.CreateTempSubdirectory("re3d-");
        try
        {
            var src = Directory.CreateDirectory(Path.Combine(root.FullName, "Test Source"));
            const string text = "Syria accused Israel of striking the Mezzeh airport. The Syrian Army said it would respond, Walid Muallem said.";
            File.WriteAllText(Path.Combine(src.FullName, "documents.json"),
                System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["_id"] = "D1", ["text"] = text }) + "\n");
            string E(string value, string type, double conf, int from = 0)
            {
                int b = text.IndexOf(value, from, StringComparison.Ordinal);
                return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
                { ["_id"] = $"D1-{b}-{type}", ["begin"] = b, ["end"] = b + value.Length, ["type"] = type, ["value"] = value, ["documentId"] = "D1", ["confidence"] = conf });
            }
            File.WriteAllLines(Path.Combine(src.FullName, "entities.json"),
            [
                E("Syria", "Organisation", 1), E("Syria", "Location", 0), E("Israel", "Organisation", 0.9),
                E("the Mezzeh airport", "Location", 1), E("The Syrian Army", "Organisation", 1), E("it", "Organisation", 1, 60),
                E("Walid Muallem", "Person", 1),
            ]);
            var docs = NerRe3dScorer.Read(root.FullName);
            var d = Assert.Single(docs);
            // The pronoun and "the Mezzeh airport" (a common noun last) are annotated but are no names; "the" and "The"
            // are dropped from the gold spans.
            Assert.Equal(4, d.Mentions.Count(m => m.Named));
            Assert.Contains(d.Mentions, m => text[m.Start..m.End] == "Syrian Army" && m.Type == "Organisation");
            Assert.Contains(d.Mentions, m => text[m.Start..m.End] == "Syria" && m.Type == "Organisation");
            var r = NerRe3dScorer.Score(docs, Pipeline);
            // Syria and Israel are GPEs, which match an Organisation; the Syrian Army and Walid Muallem match exactly.
            var org = (LenientScore)r.PerType.Single(t => t.Type == "Organisation");
            Assert.True(org.FoundGold >= 3, $"found {org.FoundGold} of {org.Gold} organisations");
            var per = (LenientScore)r.PerType.Single(t => t.Type == "Person");
            Assert.Equal((1, 1), (per.Gold, per.FoundGold));
        }
        finally { root.Delete(true); }
    }
}
