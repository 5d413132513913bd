using Dossier.Store;
using Dossier.Documents;

namespace Dossier.Tests;

/// <summary>Canonical actors across articles: each case is a sequence of articles, then the expected canonical actors.</summary>
public abstract class ActorResolutionTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    /// <summary>One article: its text and its document actors (name, type, aliases).</summary>
    public sealed record Art(string Text, params (string Name, EntityType Type, string[] Aliases)[] Actors);

    private static (string, EntityType, string[]) P(string name, params string[] aliases) => (name, EntityType.PERSON, aliases);
    private static (string, EntityType, string[]) G(string name, params string[] aliases) => (name, EntityType.GPE, aliases);
    private static (string, EntityType, string[]) O(string name, params string[] aliases) => (name, EntityType.ORG, aliases);
    private static (string, EntityType, string[]) L(string name, params string[] aliases) => (name, EntityType.LOC, aliases);

    // Expected: canonical actors as "Name/TYPE:articles", sorted.
    public static TheoryData<string, Art[], string[]> Cases => new()
    {
        {
            "full name joins across articles",
            [new("Tony Blair spoke. Blair left.", P("Tony Blair", "Blair")), new("Tony Blair returned.", P("Tony Blair"))],
            ["Tony Blair/PERSON:2"]
        },
        {
            "al- article and diacritics do not split a person",
            [new("Bashar al-Assad fled.", P("Bashar al-Assad")), new("Bashar Assad fled.", P("Bashar Assad")), new("Bashar al-Asşad fled.", P("Bashar al-Asşad"))],
            ["Bashar al-Assad/PERSON:3"]
        },
        {
            "the name most articles give wins over one article's longer name",
            [new("Microsoft sold more.", O("Microsoft")), new("Microsoft cut prices.", O("Microsoft")),
             new("Microsoft Xbox sales rose; Microsoft said so.", O("Microsoft Xbox", "Microsoft")), new("Microsoft hired.", O("Microsoft"))],
            ["Microsoft/ORG:4"]
        },
        {
            "a person's full name wins over the surname most articles use",
            [new("Tony Blair spoke in Britain. Blair left.", P("Tony Blair", "Blair"), G("United Kingdom", "Britain")),
             new("Mr Blair spoke in Britain.", P("Blair"), G("United Kingdom", "Britain")), new("Mr Blair left Britain.", P("Blair"), G("United Kingdom", "Britain"))],
            ["Tony Blair/PERSON:3", "United Kingdom/GPE:3"]
        },
        {
            "an expansion beats its more frequent acronym",
            [new("HTS advanced.", O("HTS")), new("HTS held Idlib.", O("HTS")),
             new("Hayat Tahrir al-Sham (HTS) took Idlib.", O("Hayat Tahrir al-Sham", "HTS"))],
            ["Hayat Tahrir al-Sham/ORG:3"]
        },
        {
            "an alias shared with a known actor joins it",
            [new("Hayat Tahrir al-Sham (HTS) took Idlib.", O("Hayat Tahrir al-Sham", "HTS")), new("HTS fighters advanced.", O("HTS"))],
            ["Hayat Tahrir al-Sham/ORG:2"]
        },
        {
            "different types with one name stay apart",
            [new("Jordan scored.", P("Michael Jordan", "Jordan")), new("Jordan closed its border.", G("Jordan"))],
            ["Jordan/GPE:1", "Michael Jordan/PERSON:1"]
        },
        {
            "GPE and LOC may join",
            [new("Crimea was annexed.", G("Crimea")), new("Crimea is a peninsula.", L("Crimea"))],
            ["Crimea/GPE:2"]
        },
        {
            "shared surname alone does not merge two people",
            [new("Gordon Brown spoke. Brown left.", P("Gordon Brown", "Brown")), new("James Brown sang. Brown left.", P("James Brown", "Brown"))],
            ["Gordon Brown/PERSON:1", "James Brown/PERSON:1"]
        },
        {
            "bare surname with two candidates and no context is a new actor",
            [new("Gordon Brown spoke.", P("Gordon Brown")), new("James Brown sang.", P("James Brown")), new("Brown was seen.", P("Brown"))],
            ["Brown/PERSON:1", "Gordon Brown/PERSON:1", "James Brown/PERSON:1"]
        },
        {
            "bare surname joins the one candidate seen with the article's other actors",
            [
                new("Gordon Brown spoke for the Treasury.", P("Gordon Brown"), O("Treasury")),
                new("James Brown sang in Augusta.", P("James Brown"), G("Augusta")),
                new("Brown defended the Treasury.", P("Brown"), O("Treasury")),
            ],
            ["Augusta/GPE:1", "Gordon Brown/PERSON:2", "James Brown/PERSON:1", "Treasury/ORG:2"]
        },
        {
            "bare surname with a unique candidate but no shared context is a new actor",
            [new("Gordon Brown spoke for the Treasury.", P("Gordon Brown"), O("Treasury")), new("Brown sang in Augusta.", P("Brown"), G("Augusta"))],
            ["Augusta/GPE:1", "Brown/PERSON:1", "Gordon Brown/PERSON:1", "Treasury/ORG:1"]
        },
        {
            "a context actor both candidates share does not decide",
            [
                new("Gordon Brown spoke in Britain.", P("Gordon Brown"), G("Britain")),
                new("James Brown sang in Britain.", P("James Brown"), G("Britain")),
                new("Brown was seen in Britain.", P("Brown"), G("Britain")),
            ],
            ["Britain/GPE:3", "Brown/PERSON:1", "Gordon Brown/PERSON:1", "James Brown/PERSON:1"]
        },
        {
            "context decides when one candidate is clearly ahead",
            [
                new("Gordon Brown spoke in Britain for the Treasury and Labour.", P("Gordon Brown"), G("Britain"), O("Treasury"), O("Labour")),
                new("James Brown sang in Britain.", P("James Brown"), G("Britain")),
                new("Brown spoke in Britain for the Treasury and Labour.", P("Brown"), G("Britain"), O("Treasury"), O("Labour")),
            ],
            ["Britain/GPE:3", "Gordon Brown/PERSON:2", "James Brown/PERSON:1", "Labour/ORG:2", "Treasury/ORG:2"]
        },
        {
            "bare name joins an actor known only by that name, and takes its full name later",
            [new("Madonna sang.", P("Madonna")), new("Madonna danced.", P("Madonna"))],
            ["Madonna/PERSON:2"]
        },
    };

    [Fact]
    public void ACapitalThatStoodForItsStateDoesNotMergeTheStateWithTheCity()
    {
        using var s = Open("m.db");
        var place = new TestDoc("Assad was granted asylum in Moscow.");
        place.Actor("Moscow", EntityType.GPE);
        s.Add(place.Doc, "test");
        var agent = new TestDoc("Russia sent troops. Moscow denied it.");
        agent.Actor("Russia", EntityType.GPE, "Moscow");
        foreach (var e in agent.Doc.Entities) e.Metonym = agent.Doc.Slice(e.Start, e.End) == "Moscow";
        s.Add(agent.Doc, "test");
        var again = new TestDoc("Snow fell in Moscow.");
        again.Actor("Moscow", EntityType.GPE);
        s.Add(again.Doc, "test");
        var actual = s.TopActors(10).Select(a => $"{a.Name}/{a.Type}:{a.Articles}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Moscow/GPE:2", "Russia/GPE:1"], actual);
        Assert.Contains(s.FindActor("Russia")!.Aliases, a => a.Alias == "Moscow"); // still shown among Russia's names
    }

    [Theory, MemberData(nameof(Cases))]
    public void Resolves(string name, Art[] articles, string[] expected)
    {
        _ = name;
        using var s = Open("a.db");
        foreach (var art in articles)
        {
            var t = new TestDoc(art.Text);
            foreach (var (n, type, aliases) in art.Actors) t.Actor(n, type, aliases);
            s.Add(t.Doc, "test");
        }
        var actual = s.TopActors(100).Select(a => $"{a.Name}/{a.Type}:{a.Articles}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryDecisionIsRecorded()
    {
        using var s = Open("a.db");
        var t1 = new TestDoc("Tony Blair spoke.");
        t1.Actor("Tony Blair", EntityType.PERSON);
        var t2 = new TestDoc("Tony Blair spoke again.");
        t2.Actor("Tony Blair", EntityType.PERSON);
        s.Add(t1.Doc, "test");
        s.Add(t2.Doc, "test");
        var d = s.FindActor("Tony Blair")!;
        Assert.Equal(2, d.ArticleCount);
        var alias = Assert.Single(d.Aliases);
        Assert.Equal(2, alias.Count);
        Assert.Contains("new: no PERSON actor named 'tony blair'", alias.Evidence);
        Assert.Equal(
            [new($"name 'tony blair' matches {StoreIds.CanonicalId(d.Id)} Tony Blair (PERSON)", 1), new("new: no PERSON actor named 'tony blair'", 1)],
            d.Decisions.OrderBy(x => x.Text, StringComparer.Ordinal));
    }

    [Fact]
    public void SurnameWithinTheSameArticleJoinsTheFullName()
    {
        using var s = Open("a.db");
        var t = new TestDoc("Gordon Brown spoke. Later Brown left.");
        t.Actor("Gordon Brown", EntityType.PERSON);
        t.Actor("Brown", EntityType.PERSON);
        var other = new TestDoc("James Brown sang.");
        other.Actor("James Brown", EntityType.PERSON);
        s.Add(other.Doc, "test");
        s.Add(t.Doc, "test");
        Assert.Equal(["Gordon Brown", "James Brown"], s.TopActors(10).Select(a => a.Name).Order());
    }
}
