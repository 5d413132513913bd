using Dossier.Actors;
using Dossier.Documents;
using Dossier.Testing;

namespace Dossier.Tests.Actors;

/// <summary>The seed article with entity mentions placed by hand (as a good NER would), checked against expected.json's actors.</summary>
public class SeedActorsTests
{
    // What a good NER emits on the seed body: (surface, type, occurrence).
    private static readonly (string Surface, EntityType Type, int Occ)[] Mentions =
    [
        ("Russia", EntityType.GPE, 0), ("Vladimir Putin", EntityType.PERSON, 0), ("Syria", EntityType.GPE, 0),
        ("Ahmad al-Sharaa", EntityType.PERSON, 0), ("AQ", EntityType.ORG, 0), ("Abu Mohammad al-Jolani", EntityType.PERSON, 0),
        ("Syrian", EntityType.NORP, 0), ("Bashar al-Assad", EntityType.PERSON, 0), ("Russian", EntityType.NORP, 0),
        ("Syrian", EntityType.NORP, 1), ("Kremlin", EntityType.ORG, 0), ("Moscow", EntityType.GPE, 0), ("Syrian", EntityType.NORP, 2),
        ("Russians", EntityType.NORP, 0), ("al-Qaeda", EntityType.ORG, 0), ("Hayat Tahrir al-Sham", EntityType.ORG, 0),
        ("HTS", EntityType.ORG, 0), ("Damascus", EntityType.GPE, 0), ("Assad", EntityType.PERSON, 1), ("Sharaa", EntityType.PERSON, 1),
        ("Syria", EntityType.GPE, 2), ("Syrian", EntityType.NORP, 3), ("Syria", EntityType.GPE, 3),
        ("Asaad al-Shaibani", EntityType.PERSON, 0), ("Russia", EntityType.GPE, 2), ("Russia", EntityType.GPE, 3), ("Syria", EntityType.GPE, 4),
        ("Russia", EntityType.GPE, 4), ("Syrian Army", EntityType.ORG, 0), ("HTS", EntityType.ORG, 1), ("Idlib", EntityType.GPE, 0),
        ("Russia", EntityType.GPE, 5), ("HTS", EntityType.ORG, 2), ("Damascus", EntityType.GPE, 1), ("Moscow", EntityType.GPE, 1),
        ("Assad", EntityType.PERSON, 2), ("Russia", EntityType.GPE, 6), ("Syrian", EntityType.NORP, 5), ("Moscow", EntityType.GPE, 2),
        ("Assad", EntityType.PERSON, 3), ("Russia", EntityType.GPE, 7), ("Washington", EntityType.GPE, 0), ("Damascus", EntityType.GPE, 2),
        ("Trump", EntityType.PERSON, 0), ("US", EntityType.GPE, 0), ("Syria", EntityType.GPE, 5), ("Gaza", EntityType.GPE, 0),
        ("Ukraine", EntityType.GPE, 0), ("Al Jolani", EntityType.PERSON, 0), ("Al Jolani", EntityType.PERSON, 1),
        ("Syrian Girl", EntityType.PERSON, 0), ("HTS", EntityType.ORG, 3), ("Biden", EntityType.PERSON, 0), ("Jolani", EntityType.PERSON, 3),
        ("Sharaa", EntityType.PERSON, 2), ("Biden", EntityType.PERSON, 1), ("Damascus", EntityType.GPE, 3), ("Jolani", EntityType.PERSON, 4),
    ];

    private static Document Seed()
    {
        var path = SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!;
        var text = File.ReadAllText(path);
        // The ingest component removes the leading "date YYYY-MM-DD" header; do the same here.
        var body = System.Text.RegularExpressions.Regex.Replace(text, @"^\s*date \d{4}-\d{2}-\d{2}\s*", "");
        var d = DocBuilder.Segmented(body, "2025-02-12");
        new Dossier.Extraction.Syntax.SyntaxComponent().Process(d);
        foreach (var (s, t, o) in Mentions) d.AddEntity(s, t, o);
        int attr = d.Text.IndexOf("— Syrian Girl", StringComparison.Ordinal);
        d.Posts.Add(new SocialPost
        {
            Start = d.Text.IndexOf("Al Jolani encouraging", StringComparison.Ordinal), End = d.Text.IndexOf("February 12, 2025", StringComparison.Ordinal) + 17,
            AttributionStart = attr, AttributionEnd = d.Text.IndexOf("February 12, 2025", StringComparison.Ordinal) + 17,
            Handle = "@Partisangirl", AuthorName = "Syrian Girl",
        });
        new ActorLinker().Process(d);
        return d;
    }

    private static Actor Named(Document d, string name) =>
        d.Actors.SingleOrDefault(a => a.Name == name) ?? throw new Xunit.Sdk.XunitException(
            $"no actor '{name}'; have: " + string.Join("; ", d.Actors.Select(a => $"{a.Name} [{string.Join(", ", a.Aliases)}]")));

    /// <summary>The seed's must actors: name, type, aliases that must be present (|). Shared with <see cref="SeedPipelineTests"/>.</summary>
    internal static readonly (string Name, string Type, string Aliases)[] Must =
    [
        ("Vladimir Putin", "PERSON", "Putin"),
        ("Ahmad al-Sharaa", "PERSON", "Abu Mohammad al-Jolani|Jolani|Sharaa|Al Jolani"),
        ("Bashar al-Assad", "PERSON", "Assad"),
        ("Asaad al-Shaibani", "PERSON", ""),
        ("Hayat Tahrir al-Sham", "ORG", "HTS"),
        ("al-Qaeda", "ORG", "AQ"),
        ("Russia", "GPE", "Moscow"),
        ("Syria", "GPE", "Damascus"),
        ("Idlib", "GPE", ""),
        ("Kremlin", "ORG", ""),
        ("Syrian Army", "ORG", ""),
        ("Joe Biden", "PERSON", "Biden"),
        ("Donald Trump", "PERSON", "Trump"),
    ];

    internal static TheoryData<string, string, string> Table(IEnumerable<(string Name, string Type, string Aliases)> rows)
    {
        var t = new TheoryData<string, string, string>();
        foreach (var (n, ty, al) in rows) t.Add(n, ty, al);
        return t;
    }

    // The must actors and the should actors that hand-placed entities support.
    public static TheoryData<string, string, string> MustActors => Table(Must.Concat(
    [
        ("Syrian Girl", "PERSON", "@Partisangirl"),
        ("United States", "GPE", "Washington|US"),
        ("Gaza", "GPE", ""),
        ("Ukraine", "GPE", ""),
    ]));

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(MustActors))]
    public void SeedActor(string name, string type, string aliases)
    {
        var a = Named(Seed(), name);
        Assert.Equal(type, a.Type.ToString());
        foreach (var al in aliases.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(a.Aliases.Contains(al), $"{name}: alias '{al}' missing; have {string.Join(", ", a.Aliases)}");
    }

    public static TheoryData<string, string, string?, string?> MustRoles => new()
    {
        { "Vladimir Putin", "President", "Russia", null },
        { "Ahmad al-Sharaa", "President", "Syria", "self-declared" },
        { "Bashar al-Assad", "President", "Syria", "former" },
        { "Asaad al-Shaibani", "Foreign Minister", "Syria", null },
    };

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(MustRoles))]
    public void SeedRole(string name, string title, string? of, string? qualifier)
    {
        var a = Named(Seed(), name);
        var r = Assert.Single(a.Roles, r => r.Title == title);
        Assert.Equal(of, r.Of);
        Assert.Equal(qualifier, r.Qualifier);
        if (qualifier == "former") { Assert.Equal("2025-02-12", r.End); Assert.Null(r.Start); }
        else Assert.Equal("2025-02-12", r.Start);
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void EveryMentionButAdjectivesAndMoneyIsLinked_AndIdsFollowFirstMention()
    {
        var d = Seed();
        foreach (var e in d.Entities)
            if (e.Type is not (EntityType.NORP or EntityType.MONEY)) Assert.True(e.Actor >= 0, $"unlinked {d.Slice(e.Start, e.End)}");
        for (int i = 0; i < d.Actors.Count; i++)
        {
            Assert.Equal("a" + (i + 1), d.Actors[i].Id);
            Assert.Equal("actors@1.7", d.Actors[i].By);
        }
        var starts = d.Actors.Where(a => a.Mentions.Count > 0).Select(a => d.Entities[a.Mentions[0]].Start).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal("RUS", Named(d, "Russia").Codes["cameo"]);
        Assert.Equal("RUSGOV", Named(d, "Kremlin").Codes["cameo"]);
        Assert.Equal("RUSGOV", Named(d, "Vladimir Putin").Codes["cameo"]);
    }
}
