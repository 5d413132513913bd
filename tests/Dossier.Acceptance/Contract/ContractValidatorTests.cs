using Dossier.Contract;

namespace Dossier.Acceptance.Contract;

/// <summary>The validator itself: a hand-built valid record passes, and each kind of defect is reported (so the contract tests can fail).</summary>
public sealed class ContractValidatorTests
{
    private const string Text = "Putin met Sharaa in Moscow. They spoke for two hours.";

    private static ArticleRecord Valid() => new()
    {
        Id = "t1", Published = "2025-02-12", Pipeline = "test", Text = Text,
        Sentences = [new(0, 27), new(28, 53)],
        Entities =
        [
            new() { Start = 0, End = 5, Text = "Putin", Type = "PERSON", Actor = "a1", By = "ner@1.0" },
            new() { Start = 10, End = 16, Text = "Sharaa", Type = "PERSON", Actor = "a2", By = "ner@1.0" },
            new() { Start = 20, End = 26, Text = "Moscow", Type = "GPE", Actor = "a3", By = "ner@1.0", Metonym = true },
        ],
        Actors =
        [
            new() { Id = "a1", Name = "Vladimir Putin", Type = "PERSON", Aliases = ["Putin"], Roles = [new() { Title = "President", Of = "Russia" }], Mentions = 1, By = "actors@1.0" },
            new() { Id = "a2", Name = "Sharaa", Type = "PERSON", Mentions = 1, By = "actors@1.0" },
            new() { Id = "a3", Name = "Russia", Type = "GPE", Aliases = ["Moscow"], Codes = new() { ["cameo"] = "RUS" }, Mentions = 1, By = "actors@1.0" },
        ],
        Timexes = [new() { Start = 43, End = 52, Text = "two hours", Type = "DURATION", Value = "PT2H", By = "timex@1.0" }],
        Quotes = [new() { Start = 28, End = 52, Text = "They spoke for two hours", Kind = "indirect", Speaker = "a1", SpeakerText = "They",
                          SpeakerStart = 28, SpeakerEnd = 32, Cue = "spoke", CueStart = 33, CueEnd = 38, By = "quotes@1.0" }],
        Claims = [new() { Start = 0, End = 26, Text = "Putin met Sharaa in Moscow", Certainty = "asserted", Source = "author", By = "claims@1.0" }],
        Events =
        [
            new() { Start = 0, End = 26, Text = "Putin met Sharaa in Moscow", Trigger = "met", Source = ["a1"], Target = ["a2"], Cameo = "040",
                    Plover = "CONSULT", Goldstein = 1.0, Date = "2025-02-12", DateFromPublication = true, Certainty = "asserted", By = "events@1.0" },
        ],
    };

    /// <summary>Defects by name: what to break, and a fragment the validator must report.</summary>
    private static readonly Dictionary<string, (Func<ArticleRecord, ArticleRecord> Break, string Expect)> Defects = new()
    {
        ["entity past the end"] = (r => r with { Entities = [r.Entities[0] with { End = 999 }] }, "entities[0]: span"),
        ["empty span"] = (r => r with { Timexes = [r.Timexes[0] with { End = 43 }] }, "timexes[0]: span"),
        ["text not its slice"] = (r => r with { Entities = [r.Entities[0] with { Text = "Putim" }] }, "is not the slice"),
        ["unknown speaker"] = (r => r with { Quotes = [r.Quotes[0] with { Speaker = "a9" }] }, "quotes[0].speaker: actor 'a9'"),
        ["speaker span without its end"] = (r => r with { Quotes = [r.Quotes[0] with { SpeakerEnd = null }] }, "quotes[0].speaker: one end"),
        ["speaker span not its words"] = (r => r with { Quotes = [r.Quotes[0] with { SpeakerText = "Putin" }] }, "quotes[0].speaker: text 'Putin' is not the slice"),
        ["cue span past the end"] = (r => r with { Quotes = [r.Quotes[0] with { CueEnd = 99 }] }, "quotes[0].cue: span"),
        ["cue span without the cue"] = (r => r with { Quotes = [r.Quotes[0] with { Cue = null }] }, "quotes[0].cue: a span [33,38) without its words"),
        ["speaker offset negative"] = (r => r with { Quotes = [r.Quotes[0] with { SpeakerStart = -1 }] }, "schema /quotes/0/speakerStart"),
        ["unknown event target"] = (r => r with { Events = [r.Events[0] with { Target = ["a7"] }] }, "events[0].target: actor 'a7'"),
        ["duplicate actor id"] = (r => r with { Actors = [r.Actors[0], r.Actors[1] with { Id = "a1" }, r.Actors[2]] }, "duplicate id 'a1'"),
        ["sentences overlap"] = (r => r with { Sentences = [new(0, 30), new(28, 53)] }, "sentences[1]: starts at 28"),
        ["entities overlap"] = (r => r with { Entities = [r.Entities[0], r.Entities[0] with { Start = 0, End = 9, Text = "Putin met" }, r.Entities[2]] }, "entities[1]"),
        ["trigger outside the event"] = (r => r with { Events = [r.Events[0] with { Trigger = "spoke" }] }, "trigger 'spoke'"),
        ["unknown entity type"] = (r => r with { Entities = [r.Entities[0] with { Type = "PER" }] }, "schema /entities/0/type"),
        ["unknown actor type"] = (r => r with { Actors = [r.Actors[0] with { Type = "person" }, r.Actors[1], r.Actors[2]] }, "schema /actors/0/type"),
        ["unknown timex type"] = (r => r with { Timexes = [r.Timexes[0] with { Type = "DATETIME" }] }, "schema /timexes/0/type"),
        ["unknown quote kind"] = (r => r with { Quotes = [r.Quotes[0] with { Kind = "Direct" }] }, "schema /quotes/0/kind"),
        ["unknown certainty"] = (r => r with { Claims = [r.Claims[0] with { Certainty = "likely" }] }, "schema /claims/0/certainty"),
        ["unknown claim source"] = (r => r with { Claims = [r.Claims[0] with { Source = "anonymous" }] }, "schema /claims/0/source"),
        ["fact without by"] = (r => r with { Entities = [r.Entities[0] with { By = "" }] }, "schema /entities/0/by"),
        ["by without version"] = (r => r with { Events = [r.Events[0] with { By = "events" }] }, "schema /events/0/by"),
        ["cameo not digits"] = (r => r with { Events = [r.Events[0] with { Cameo = "CONSULT" }] }, "schema /events/0/cameo"),
        ["goldstein out of range"] = (r => r with { Events = [r.Events[0] with { Goldstein = 12 }] }, "schema /events/0/goldstein"),
        ["published not a date"] = (r => r with { Published = "12/02/2025" }, "schema /published"),
        ["currency not ISO"] = (r => r with { Entities = [r.Entities[0] with { Type = "MONEY", Value = 5, Currency = "dollars" }] }, "schema /entities/0/currency"),
    };

    public static TheoryData<string> DefectNames() => new(Defects.Keys);

    [Fact]
    public void HandBuiltRecordIsValid() => Assert.Empty(ContractValidator.Problems(Valid()));

    [Theory]
    [MemberData(nameof(DefectNames))]
    public void DefectIsReported(string name)
    {
        var (breakIt, expect) = Defects[name];
        var problems = ContractValidator.Problems(breakIt(Valid()));
        Assert.True(problems.Any(p => p.Contains(expect, StringComparison.Ordinal)),
            $"{name}: want a problem containing '{expect}', got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void ExtraFieldsAreAllowed()
    {
        var json = ContractValidator.ToJson(Valid()).Replace("\"schema\":1", "\"schema\":1,\"futureField\":{\"x\":1}");
        Assert.Empty(ContractValidator.SchemaProblems(json));
    }

    [Fact]
    public void MissingLayerIsASchemaError()
    {
        var json = ContractValidator.ToJson(Valid()).Replace("\"posts\":[]", "\"postz\":[]");
        Assert.Contains(ContractValidator.SchemaProblems(json), p => p.Contains("required", StringComparison.Ordinal));
    }
}
