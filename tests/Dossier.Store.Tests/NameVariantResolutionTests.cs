using Dossier.Store;
using Dossier.Documents;

namespace Dossier.Tests;

/// <summary>Cross-article resolution of name variants: missing middle initials, roles that tell namesakes apart, mistyped names.</summary>
public abstract class NameVariantResolutionTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    private static TestDoc Doc(string text, params (string Name, EntityType Type)[] actors)
    {
        var t = new TestDoc(text);
        foreach (var (n, type) in actors) t.Actor(n, type);
        return t;
    }

    private static string[] Actors(IStore s) =>
        s.TopActors(100).Select(a => $"{a.Name}/{a.Type}:{a.Articles}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void ANameWithoutTheMiddleInitialJoinsTheOnePersonWithIt()
    {
        using var s = Open("a.db");
        s.Add(Doc("George W Bush won.", ("George W Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("George Bush spoke.", ("George Bush", EntityType.PERSON)).Doc, "test");
        Assert.Equal(["George W Bush/PERSON:2"], Actors(s));
        Assert.Contains(s.FindActor("George Bush")!.Decisions, d => d.Text.Contains("middle names or initials"));
    }

    [Fact]
    public void TwoFullerNamesLeaveTheShortOneApart()
    {
        using var s = Open("a.db");
        s.Add(Doc("George W Bush won.", ("George W Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("George H W Bush died.", ("George H W Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("George Bush spoke.", ("George Bush", EntityType.PERSON)).Doc, "test");
        Assert.Equal(["George Bush/PERSON:1", "George H W Bush/PERSON:1", "George W Bush/PERSON:1"], Actors(s));
    }

    [Fact]
    public void ADifferentFirstNameIsNotAVariant()
    {
        using var s = Open("a.db");
        s.Add(Doc("Laura W Bush spoke.", ("Laura W Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("George Bush spoke.", ("George Bush", EntityType.PERSON)).Doc, "test");
        Assert.Equal(["George Bush/PERSON:1", "Laura W Bush/PERSON:1"], Actors(s));
    }

    [Fact]
    public void APersonsFullNameTypedAsAnOrganisationJoinsThePerson()
    {
        using var s = Open("a.db");
        s.Add(Doc("George W Bush won.", ("George W Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("George W Bush spoke.", ("George W Bush", EntityType.ORG)).Doc, "test");
        Assert.Equal(["George W Bush/PERSON:2"], Actors(s));
    }

    [Fact]
    public void AOneWordNameTypedAsAPlaceStaysAPlace()
    {
        using var s = Open("a.db");
        s.Add(Doc("Jordan Henderson scored.", ("Jordan Henderson", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("Jordan closed its border.", ("Jordan", EntityType.GPE)).Doc, "test");
        Assert.Equal(["Jordan Henderson/PERSON:1", "Jordan/GPE:1"], Actors(s));
    }

    [Fact]
    public void ARoleStatedWithABareSurnamePicksTheNamesakeWhoHeldIt()
    {
        using var s = Open("a.db");
        var w = Doc("President George W Bush spoke.", ("George W Bush", EntityType.PERSON));
        w.Role(0, "President", "United States");
        s.Add(w.Doc, "test");
        s.Add(Doc("Kate Bush sang.", ("Kate Bush", EntityType.PERSON)).Doc, "test");
        var bare = Doc("President Bush said the deficit was fine.", ("Bush", EntityType.PERSON));
        bare.Role(0, "President", "United States");
        s.Add(bare.Doc, "test");
        Assert.Equal(["George W Bush/PERSON:2", "Kate Bush/PERSON:1"], Actors(s));
        Assert.Contains(s.FindActor("George W Bush")!.Decisions, d => d.Text.Contains("stated elsewhere as President of United States"));
    }

    [Fact]
    public void ABareNameActorSharingAPostWithOneNamesakeJoinsIt()
    {
        using var s = Open("a.db");
        var first = Doc("President Bush said the deficit was fine.", ("Bush", EntityType.PERSON));
        first.Role(0, "President", "United States");
        s.Add(first.Doc, "test");
        var w = Doc("President George W Bush spoke.", ("George W Bush", EntityType.PERSON));
        w.Role(0, "President", "United States");
        s.Add(w.Doc, "test");
        s.Add(Doc("Kate Bush sang.", ("Kate Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("Bush flew to Rome.", ("Bush", EntityType.PERSON)).Doc, "test");
        // The provisional bare actor itself joined George W Bush when he was stated in the same post; the last article's
        // bare "Bush", with two namesakes and no context, stays apart.
        Assert.Equal(["Bush/PERSON:1", "George W Bush/PERSON:2", "Kate Bush/PERSON:1"], Actors(s));
        Assert.Contains(s.Decisions(), d => d.Note is { } n && n.StartsWith("automatic: the bare name 'bush'"));
    }

    [Fact]
    public void AFirstNameAmongAPersonsNamesIsNotABareName()
    {
        using var s = Open("a.db");
        var g = new TestDoc("Steven Gerrard scored. Steve celebrated.");
        g.Actor("Steven Gerrard", EntityType.PERSON, "Steve");
        s.Add(g.Doc, "test");
        s.Add(Doc("Steve said the code was safe.", ("Steve", EntityType.PERSON)).Doc, "test");
        Assert.Equal(["Steve/PERSON:1", "Steven Gerrard/PERSON:1"], Actors(s));
    }

    [Fact]
    public void ARoleNoNamesakeHeldLeavesTheSurnameApart()
    {
        using var s = Open("a.db");
        s.Add(Doc("George W Bush spoke.", ("George W Bush", EntityType.PERSON)).Doc, "test");
        s.Add(Doc("Kate Bush sang.", ("Kate Bush", EntityType.PERSON)).Doc, "test");
        var bare = Doc("Senator Bush said no.", ("Bush", EntityType.PERSON));
        bare.Role(0, "Senator", "Florida");
        s.Add(bare.Doc, "test");
        Assert.Equal(["Bush/PERSON:1", "George W Bush/PERSON:1", "Kate Bush/PERSON:1"], Actors(s));
    }
}
