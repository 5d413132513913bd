using Dossier.Store;
using System.Text.Json;
using Dossier.Documents;

namespace Dossier.Tests;

/// <summary>Manual decisions: merge, split, why; they hold for articles stored afterwards.</summary>
public abstract class ActorDecisionTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    private static TestDoc Doc(string text, params (string Name, EntityType Type, string[] Aliases)[] actors)
    {
        var t = new TestDoc(text);
        foreach (var (n, type, al) in actors) t.Actor(n, type, al);
        return t;
    }

    private static (string, EntityType, string[]) P(string name, params string[] aliases) => (name, EntityType.PERSON, aliases);
    private static (string, EntityType, string[]) O(string name, params string[] aliases) => (name, EntityType.ORG, aliases);

    private static string[] Actors(IStore s) =>
        s.TopActors(100).Select(a => $"{a.Name}/{a.Type}:{a.Articles}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void MergeMovesEverythingAndLeavesARedirect()
    {
        using var s = Open("a.db");
        var t1 = Doc("Abu Mohammad al-Jolani spoke to HTS.", P("Abu Mohammad al-Jolani"), O("HTS"));
        t1.Quote("spoke", 0);
        s.Add(t1.Doc, "test");
        var t2 = Doc("Ahmad al-Sharaa met HTS.", P("Ahmad al-Sharaa"), O("HTS"));
        t2.Role(0, "President", "Syria");
        s.Add(t2.Doc, "test");
        var sharaa = s.FindActor("Ahmad al-Sharaa")!.Id;
        var jolani = s.FindActor("Abu Mohammad al-Jolani")!.Id;

        var r = s.Merge("Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "the same man");
        Assert.Equal(sharaa, r.KeptId);
        Assert.Equal(["Ahmad al-Sharaa/PERSON:2", "HTS/ORG:2"], Actors(s));
        var d = s.FindActor(StoreIds.CanonicalId(jolani))!; // the old id redirects
        Assert.Equal(sharaa, d.Id);
        Assert.Contains(d.Aliases, a => a.Alias == "Abu Mohammad al-Jolani");
        Assert.Single(d.Quotes);
        Assert.NotEmpty(d.Roles);
        // The stored record of the first article now names the kept id, once.
        var first = s.Contracts().First();
        using var json = JsonDocument.Parse(first.Json);
        var ids = json.RootElement.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(StoreIds.CanonicalId(sharaa), ids);
        Assert.DoesNotContain(StoreIds.CanonicalId(jolani), first.Json);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Later articles follow it: the absorbed name now finds the kept actor.
        s.Add(Doc("Abu Mohammad al-Jolani returned.", P("Abu Mohammad al-Jolani")).Doc, "test");
        Assert.Equal(["Ahmad al-Sharaa/PERSON:3", "HTS/ORG:2"], Actors(s));
        var dec = Assert.Single(s.Decisions());
        Assert.Equal("merge", dec.Kind);
        Assert.Equal("the same man", dec.Note);
    }

    [Fact]
    public void SplitMovesTheNamesMentionsAndTheNameNeverJoinsAgain()
    {
        using var s = Open("a.db");
        s.Add(Doc("Tony Blair spoke. Blair left.", P("Tony Blair", "Blair")).Doc, "test");
        s.Add(Doc("Tony Blair returned.", P("Tony Blair")).Doc, "test");
        var r = s.Split("Tony Blair", "Blair");
        Assert.Equal(1, r.Mentions);
        Assert.Equal(1, r.Articles);
        Assert.Equal(["Blair/PERSON:1", "Tony Blair/PERSON:2"], Actors(s));
        Assert.DoesNotContain(s.FindActor("Tony Blair")!.Aliases, a => a.Alias == "Blair");
        // A later article's "Blair", which would have joined Tony Blair, does not.
        s.Add(Doc("Mr Blair spoke in Britain.", P("Blair")).Doc, "test");
        Assert.DoesNotContain(s.Lookup("Tony Blair"), a => a.Articles == 3);
        Assert.Equal(2, s.FindActor("Tony Blair")!.ArticleCount);
    }

    [Fact]
    public void WhyExplainsOneActorAndTwoActors()
    {
        using var s = Open("a.db");
        s.Add(Doc("Gordon Brown spoke. Brown left.", P("Gordon Brown", "Brown")).Doc, "test");
        s.Add(Doc("James Brown sang.", P("James Brown")).Doc, "test");
        var same = s.Why("Gordon Brown", "Brown");
        Assert.True(same.Same);
        Assert.Contains(same.Lines, l => l.StartsWith("one actor"));
        var two = s.Why("Gordon Brown", "James Brown");
        Assert.False(two.Same);
        Assert.Contains(two.Lines, l => l.StartsWith("name matcher: "));
        Assert.Contains(two.Lines, l => l.StartsWith("two actors: 1 and 1 article(s), 0 together"));
    }

    [Fact]
    public void BadReferencesAreRefused()
    {
        using var s = Open("a.db");
        s.Add(Doc("Gordon Brown spoke.", P("Gordon Brown")).Doc, "test");
        s.Add(Doc("Brown County voted.", O("Brown")).Doc, "test");
        s.Add(Doc("Brown sang.", P("Brown")).Doc, "test");
        Assert.Equal("DSR401", Assert.Throws<DossierException>(() => s.Merge("Nobody Here", "Gordon Brown")).Error.Code);
        Assert.Equal("DSR404", Assert.Throws<DossierException>(() => s.Merge("Gordon Brown", "Gordon Brown")).Error.Code);
        Assert.Equal("DSR403", Assert.Throws<DossierException>(() => s.Merge("Gordon Brown", "Brown")).Error.Code);
        Assert.Equal("DSR405", Assert.Throws<DossierException>(() => s.Split("Gordon Brown", "Jim")).Error.Code);
        Assert.Empty(s.Decisions());
    }
}
