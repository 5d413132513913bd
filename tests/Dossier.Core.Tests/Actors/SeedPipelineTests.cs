using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Testing;
using Dossier.Text;

namespace Dossier.Tests.Actors;

/// <summary>The seed article through the real cleaner, segmenter, NER and actors: the must actors of expected.json.</summary>
public class SeedPipelineTests
{
    private static readonly Lazy<Document> Seed = new(() =>
    {
        var path = SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!;
        var item = ArticleReader.ReadFile(path, new ReadOptions()).First();
        var pipeline = DocumentPipeline.FromConfig("segment+syntax+ner+actors");
        var r = new Extractor(pipeline).Extract(item.Article!);
        return r.Document ?? throw new Xunit.Sdk.XunitException(r.Error.ToString());
    });

    public static TheoryData<string, string, string> MustActors => SeedActorsTests.Table(SeedActorsTests.Must);

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(MustActors))]
    public void MustActor(string name, string type, string aliases)
    {
        var d = Seed.Value;
        string dump = string.Join("\n", d.Actors.Select(a => $"{a.Name} {a.Type} [{string.Join(", ", a.Aliases)}]"));
        var a = d.Actors.FirstOrDefault(x => x.Name == name) ?? throw new Xunit.Sdk.XunitException($"no actor {name}\n{dump}");
        Assert.Equal(type, a.Type.ToString());
        foreach (var al in aliases.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(a.Aliases.Contains(al, StringComparer.OrdinalIgnoreCase), $"{name}: alias '{al}' missing\n{dump}");
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void MentionAndActorIndexesAgree()
    {
        var d = Seed.Value;
        for (int i = 0; i < d.Entities.Count; i++)
        {
            int a = d.Entities[i].Actor;
            if (a < 0) continue;
            Assert.InRange(a, 0, d.Actors.Count - 1);
            Assert.Contains(i, d.Actors[a].Mentions);
        }
        for (int a = 0; a < d.Actors.Count; a++)
            foreach (var i in d.Actors[a].Mentions) Assert.Equal(a, d.Entities[i].Actor);
        Assert.All(d.Actors, a => Assert.False(string.IsNullOrWhiteSpace(a.Name)));
        Assert.All(d.Actors, a => Assert.DoesNotContain(a.Name, a.Aliases));
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void OneLinkerServesManyThreads()
    {
        var path = SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!;
        var item = ArticleReader.ReadFile(path, new ReadOptions()).First();
        var pipeline = DocumentPipeline.FromConfig("segment+syntax+ner+actors");
        string Render(Document d) => string.Join("\n", d.Actors.Select(a => $"{a.Name}|{string.Join(",", a.Aliases)}|{a.Mentions.Count}"));
        var expected = Render(Seed.Value);
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = Render(new Extractor(pipeline).Extract(item.Article!).Document!));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void MustRoles()
    {
        var d = Seed.Value;
        Role R(string name, string title) => d.Actors.Single(a => a.Name == name).Roles.Single(r => r.Title == title);
        Assert.Equal("Russia", R("Vladimir Putin", "President").Of);
        Assert.Equal(("Syria", "self-declared"), (R("Ahmad al-Sharaa", "President").Of, R("Ahmad al-Sharaa", "President").Qualifier));
        Assert.Equal(("Syria", "former"), (R("Bashar al-Assad", "President").Of, R("Bashar al-Assad", "President").Qualifier));
        Assert.Equal("Syria", R("Asaad al-Shaibani", "Foreign Minister").Of);
    }
}
