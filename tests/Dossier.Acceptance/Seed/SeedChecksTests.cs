using System.Text.Json;
using Dossier.Contract;

namespace Dossier.Acceptance.Seed;

/// <summary>The tolerant matcher accepts right answers and refuses wrong ones, on hand-built records (no pipeline).</summary>
public sealed class SeedChecksTests
{
    private static ArticleRecord Base() => new()
    {
        Text = "x",
        Published = "2025-02-12",
        Actors =
        [
            new() { Id = "a1", Name = "Ahmad al-Sharaa", Type = "PERSON", Aliases = ["Abu Mohammad al-Jolani", "Jolani", "Sharaa"],
                    Roles = [new() { Title = "President", Of = "a3", Qualifier = "self-declared" }], By = "actors@1" },
            new() { Id = "a2", Name = "Russia", Type = "GPE", Aliases = ["Moscow", "Kremlin"], By = "actors@1" },
            new() { Id = "a3", Name = "Syria", Type = "GPE", Aliases = ["Damascus"], By = "actors@1" },
            new() { Id = "a4", Name = "Bashar al-Assad", Type = "PERSON", Aliases = ["Assad"], Roles = [new() { Title = "President", Of = "Syrian", Qualifier = "former" }], By = "actors@1" },
        ],
        Entities = [new() { Start = 0, End = 1, Text = "Kremlin", Type = "ORG", Actor = "a2", By = "ner@1" }],
        Timexes = [new() { Text = "the weekend of December 8 of last year", Type = "DATE", Value = "2024-W49-WE", By = "timex@1" }],
        Quotes = [new() { Text = "“the strong strategic ties between the two countries”", Kind = "direct", Speaker = "a1", By = "quotes@1" }],
        Claims = [new() { Text = "the question will be high on the agenda", Certainty = "speculative", Source = "author", By = "claims@1" }],
        Events = [new() { Text = "Moscow granted him asylum", Trigger = "granted", Source = ["a2"], Target = ["a4"], Cameo = "0233", Plover = "AID", Certainty = "asserted", By = "events@1" }],
    };

    /// <summary>Cases: kind, spec (expected.json shape), whether it must hold on <see cref="Base"/>.</summary>
    private static readonly Dictionary<string, (string Kind, string Spec, bool Holds)> Cases = new()
    {
        ["actor by name with aliases and role"] = ("actor", """{"name":"Ahmad al-Sharaa","type":"PERSON","aliases_include":["Jolani","Al Jolani","Sharaa"],"role":"President of Syria (self-declared); leader of Hayat Tahrir al-Sham"}""", true),
        ["actor found by alias"] = ("actor", """{"name":"Abu Mohammad Jolani","type":"PERSON"}""", true),
        ["actor with demonym role and 'former'"] = ("actor", """{"name":"Bashar al-Assad","aliases_include":["Assad"],"role":"former President of Syria"}""", true),
        ["actor typed by its mention"] = ("actor", """{"name":"Kremlin","type":"ORG"}""", true),
        ["actor missing alias"] = ("actor", """{"name":"Russia","type":"GPE","aliases_include":["Muscovy"]}""", false),
        ["actor wrong type"] = ("actor", """{"name":"Syria","type":"LOC"}""", false),
        ["actor wrong role country"] = ("actor", """{"name":"Ahmad al-Sharaa","role":"President of Russia"}""", false),
        ["actor wrong role title"] = ("actor", """{"name":"Ahmad al-Sharaa","role":"Foreign Minister of Syria"}""", false),
        ["actor absent"] = ("actor", """{"name":"Vladimir Putin"}""", false),
        ["timex inside a longer span"] = ("timex", """{"text":"December 8 of last year","type":"DATE","value_in":["2024-12-08","2024-W49-WE"]}""", true),
        ["timex wrong value"] = ("timex", """{"text":"December 8 of last year","type":"DATE","value_in":["2024-12-08"]}""", false),
        ["quote by alias, curly quotes"] = ("quote", """{"contains":"strong strategic ties between the two countries","speaker_any":["Sharaa"],"kind":"direct"}""", true),
        ["quote wrong speaker"] = ("quote", """{"contains":"strong strategic ties","speaker_any":["Russia"],"kind":"direct"}""", false),
        ["quote wrong kind"] = ("quote", """{"contains":"strong strategic ties","speaker_any":["Syria","Ahmad al-Sharaa"],"kind":"indirect"}""", false),
        ["claim certainty_any"] = ("claim", """{"contains":"will be high on the agenda","certainty_any":["speculative","opinion"],"source":"author"}""", true),
        ["claim wrong source"] = ("claim", """{"contains":"will be high on the agenda","certainty":"speculative","source":"unnamed"}""", false),
        ["event by alias and cameo root"] = ("event", """{"what":"Russia granted Assad asylum","source_any":["Moscow"],"target_any":["Bashar al-Assad"],"cameo_root":"02","plover_any":["AID"]}""", true),
        ["event wrong cameo root"] = ("event", """{"what":"x","source_any":["Russia"],"target_any":["Assad"],"cameo_root":"07"}""", false),
        ["event wrong date"] = ("event", """{"what":"x","source_any":["Russia"],"target_any":["Assad"],"cameo_root":"02","date_in":["2025-02"]}""", false),
        ["event reversed roles"] = ("event", """{"what":"x","source_any":["Assad"],"target_any":["Russia"],"cameo_root":"02"}""", false),
        ["not entity absent"] = ("not_entity", "\"VS\"", true),
        ["not entity present"] = ("not_entity", "\"kremlin\"", false),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        var (kind, spec, holds) = Cases[name];
        var item = new ExpectedItem("must", kind, kind + ":" + name, JsonDocument.Parse(spec).RootElement.Clone());
        var o = SeedChecks.Evaluate(item, Base(), "");
        Assert.True(o.Holds == holds, $"{name}: want holds={holds}, got {o.Holds}: {o.Detail}");
    }

    public static TheoryData<string, string> Names() => new()
    {
        { "Al Jolani", "jolani" },
        { "Abu Mohammad al-Jolani", "abu mohammad jolani" },
        { "al-Qaeda", "qaeda" },
        { "Hayat Tahrir al-Sham", "hayat tahrir sham" },
        { "the Kremlin", "kremlin" },
        { "Kraków", "krakow" },
        { "@Partisangirl", "@partisangirl" },
        { "  Syria’s  ", "syria s" },
        { "Al", "al" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void NameFolding(string input, string folded) => Assert.Equal(folded, Tolerant.Name(input));
}
