using Dossier.Documents;
using Dossier.Extraction.Entities;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Entities;

/// <summary>The seed article's entity needs (expected.json "must" actors and not_entities), run through segment+ner.</summary>
public class EntitySeedTests(ITestOutputHelper output)
{
    private static Document Run(string text)
    {
        var d = DocBuilder.Segmented(text);
        new EntityRecognizer().Process(d);
        return d;
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void SeedEntities()
    {
        var d = Run(File.ReadAllText(SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!));
        foreach (var e in d.Entities) output.WriteLine($"{e.Start,5} {e.Type,-7} {e.Score:0.00} {d.Slice(e.Start, e.End)}{(e.Value is { } v ? $" = {v} {e.Currency}" : "")}");
        var have = d.Entities.Select(e => (d.Slice(e.Start, e.End), e.Type)).ToHashSet();
        string[] persons = ["Vladimir Putin", "Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "Sharaa", "Jolani", "Al Jolani", "Bashar al-Assad", "Assad", "Asaad al-Shaibani", "Biden", "Trump", "Syrian Girl"];
        string[] orgs = ["Hayat Tahrir al-Sham", "HTS", "al-Qaeda", "AQ", "Kremlin", "Syrian Army"];
        string[] gpes = ["Russia", "Moscow", "Syria", "Damascus", "Idlib", "US", "Washington", "Gaza", "Ukraine"];
        var missing = persons.Select(p => (p, EntityType.PERSON)).Concat(orgs.Select(o => (o, EntityType.ORG))).Concat(gpes.Select(g => (g, EntityType.GPE)))
            .Where(x => !have.Contains(x)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        var surfaces = d.Entities.Select(e => d.Slice(e.Start, e.End)).ToHashSet();
        foreach (var not in new[] { "VS", "VS.", "Now", "pic.twitter.com", "date", "AQ name" }) Assert.DoesNotContain(not, surfaces);
        Assert.Contains(d.Entities, e => e.Type == EntityType.MONEY && e.Value == 70000m && e.Currency == "USD");
        Assert.Contains(d.Entities, e => e.Type == EntityType.MONEY && e.Value == 10_000_000m && e.Currency == "USD");
    }
}
