using Dossier.Store;
using System.Text.Json;
using Dossier.Documents;

namespace Dossier.Tests;

/// <summary>
/// <c>actor split</c> takes everything that came from the split name: mentions, and the quotes, claims, event sides and roles
/// tied to them, in the tables and in the stored records; later articles keep the name off; <c>why</c> takes ids.
/// </summary>
public abstract class ActorSplitTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    // One article naming Tony Blair both ways: each fact is tied to one of the names (or, for "He visited", to the last
    // person named before it).
    private const string Mixed =
        "Tony Blair met Gordon Brown in London. Mr Blair said the talks were useful. He visited Leeds. " +
        "Prime Minister Tony Blair said the vote would be won. Blair, the Labour leader, thanked Brown.";

    private static TestDoc MixedDoc()
    {
        var t = new TestDoc(Mixed, id: "mixed");
        int blair = t.Actor("Tony Blair", EntityType.PERSON, "Blair");
        int brown = t.Actor("Gordon Brown", EntityType.PERSON, "Brown");
        int leeds = t.Actor("Leeds", EntityType.GPE);
        t.Quote("the talks were useful", blair, "Mr Blair").Claim("Mr Blair said the talks were useful", blair);
        t.Quote("the vote would be won", blair, "Prime Minister Tony Blair").Claim("the vote would be won", blair);
        t.Event("met", blair, brown, "040", null).Event("visited", blair, leeds, "042", null).Event("thanked", blair, brown, "051", null);
        t.Role(blair, "Leader", "Labour", "Blair, the Labour leader").Role(blair, "Prime Minister", null, "Prime Minister Tony Blair");
        return t;
    }

    // An article that names him only "Blair" (the store joins it to Tony Blair through Gordon Brown, seen with him before).
    private static TestDoc OnlySurnameDoc()
    {
        var t = new TestDoc("Blair visited Paris with Gordon Brown. Blair said the trip went well.", id: "surname");
        int blair = t.Actor("Blair", EntityType.PERSON);
        int paris = t.Actor("Paris", EntityType.GPE);
        t.Actor("Gordon Brown", EntityType.PERSON);
        t.Quote("the trip went well", blair, "Blair").Claim("Blair said the trip went well", blair);
        t.Event("visited", blair, paris, "042", null);
        return t;
    }

    private IStore TwoArticlesSplit(out long tony, out long blair)
    {
        var s = Open("a.db");
        s.Add(MixedDoc().Doc, "test");
        s.Add(OnlySurnameDoc().Doc, "test");
        tony = s.FindActor("Tony Blair")!.Id;
        Assert.Equal(2, s.FindActor("Tony Blair")!.ArticleCount); // the surname-only article joined him
        var r = s.Split(StoreIds.CanonicalId(tony), "Blair");
        blair = r.NewId;
        return s;
    }

    private static JsonElement Record(IStore s, string id) =>
        JsonDocument.Parse(s.Contracts().Single(c => JsonDocument.Parse(c.Json).RootElement.GetProperty("id").GetString() == id).Json).RootElement;

    [Fact]
    public void SplitMovesTheQuotesEventsClaimsAndRolesOfTheSplitName()
    {
        using var s = TwoArticlesSplit(out var tony, out var blair);
        var t = s.FindActor(StoreIds.CanonicalId(tony))!;
        var b = s.FindActor(StoreIds.CanonicalId(blair))!;
        // Quotes by their speaker phrase: "Prime Minister Tony Blair" stays, "Mr Blair" and "Blair" move.
        Assert.Equal(["the vote would be won"], t.Quotes.Select(q => q.Text));
        Assert.Equal(["the talks were useful", "the trip went well"], b.Quotes.Select(q => q.Text).Order(StringComparer.Ordinal));
        // Events by the names in their span: "Tony Blair met" stays; "Blair … thanked", "He visited" (after "Mr Blair") and
        // the surname-only article's "visited" move.
        Assert.Equal(["met"], t.Events.Select(e => e.Event.Trigger));
        Assert.Equal(["thanked", "visited", "visited"], b.Events.Select(e => e.Event.Trigger).Order(StringComparer.Ordinal));
        Assert.All(b.Events, e => Assert.Equal("source", e.Side));
        // Roles by their evidence: "Prime Minister Tony Blair" stays, "Blair, the Labour leader" moves.
        Assert.Equal(["Prime Minister"], t.Roles.Select(r => r.Title));
        Assert.Equal(["Leader"], b.Roles.Select(r => r.Title));
        // Mentions: "Tony Blair" twice stays; "Blair" twice in the first article and twice in the second moves.
        Assert.Equal((2, 1), (t.Mentions, t.ArticleCount));
        Assert.Equal((4, 2), (b.Mentions, b.ArticleCount));
        // Names: the name left; the votes of the article that named him "Blair" went with it.
        Assert.DoesNotContain(t.Aliases, a => a.Alias == "Blair");
        Assert.Equal([("Blair", 2)], b.Aliases.Select(a => (a.Alias, a.Count)));
        Assert.Equal("Tony Blair", t.Name);
        Assert.Equal("Blair", b.Name);
    }

    [Fact]
    public void SplitReportsWhatItMoved()
    {
        var s = Open("a.db");
        using (s)
        {
            s.Add(MixedDoc().Doc, "test");
            s.Add(OnlySurnameDoc().Doc, "test");
            var r = s.Split("Tony Blair", "Blair");
            Assert.Equal((4, 2, 2, 2, 3, 1), (r.Mentions, r.Articles, r.Quotes, r.Claims, r.EventSides, r.Roles));
        }
    }

    [Fact]
    public void TheStoredRecordsFollowTheSplit()
    {
        using var s = TwoArticlesSplit(out var tony, out var blair);
        string T = StoreIds.CanonicalId(tony), B = StoreIds.CanonicalId(blair);

        // The article that named him only "Blair" no longer names Tony Blair anywhere: entities, quotes, claims, events, actors.
        var surname = Record(s, "surname");
        Assert.DoesNotContain($"\"{T}\"", surname.GetRawText());
        Assert.Equal([B], surname.GetProperty("events")[0].GetProperty("source").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(B, surname.GetProperty("quotes")[0].GetProperty("speaker").GetString());
        Assert.Equal(B, surname.GetProperty("claims")[0].GetProperty("sourceActor").GetString());

        // The mixed article: each fact names the actor the tables give it.
        var mixed = Record(s, "mixed");
        string Speaker(string content) => mixed.GetProperty("quotes").EnumerateArray()
            .Single(q => Mixed[q.GetProperty("start").GetInt32()..q.GetProperty("end").GetInt32()] == content).GetProperty("speaker").GetString()!;
        Assert.Equal(B, Speaker("the talks were useful"));
        Assert.Equal(T, Speaker("the vote would be won"));
        string Source(string trigger) => mixed.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("start").GetInt32() <= Mixed.IndexOf(trigger) && Mixed.IndexOf(trigger) < e.GetProperty("end").GetInt32())
            .GetProperty("source")[0].GetString()!;
        Assert.Equal([T, B, B], new[] { Source("met"), Source("visited"), Source("thanked") });
        var claimSources = mixed.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("sourceActor").GetString()).ToList();
        Assert.Equal([B, T], claimSources);
        string Words(JsonElement e) => Mixed[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()];
        var entities = mixed.GetProperty("entities").EnumerateArray()
            .Where(e => Words(e).Contains("Blair")).Select(e => (Words(e), e.GetProperty("actor").GetString()));
        Assert.Equal([("Tony Blair", T), ("Blair", B), ("Tony Blair", T), ("Blair", B)], entities);
        var actors = mixed.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Equal(2, actors[T].GetProperty("mentions").GetInt32());
        Assert.Empty(actors[T].GetProperty("aliases").EnumerateArray());
        Assert.Equal(["Prime Minister"], actors[T].GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(2, actors[B].GetProperty("mentions").GetInt32());
        Assert.Equal("Blair", actors[B].GetProperty("name").GetString());
        Assert.Equal(["Leader"], actors[B].GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("title").GetString()));

        // The timeline and the dossier agree with the records (undated events are listed with --undated).
        var timeline = s.Timeline(new() { Actor = B, Undated = true });
        Assert.Equal(3, timeline.Count);
    }

    [Fact]
    public void ALaterArticleNamingTheFullNameStillKeepsTheSplitNameOff()
    {
        using var s = TwoArticlesSplit(out var tony, out var blair);
        string T = StoreIds.CanonicalId(tony), B = StoreIds.CanonicalId(blair);
        // In the article, "Blair" is one actor with "Tony Blair"; the store keeps the split name off him all the same.
        var later = new TestDoc("Tony Blair arrived in Leeds. Blair said the trip was useful.", id: "later");
        int who = later.Actor("Tony Blair", EntityType.PERSON, "Blair");
        int leeds = later.Actor("Leeds", EntityType.GPE);
        later.Quote("the trip was useful", who, "Blair").Event("arrived", who, leeds, "042", null);
        s.Add(later.Doc, "test");

        var t = s.FindActor(T)!;
        var b = s.FindActor(B)!;
        Assert.Contains(b.Quotes, q => q.Text == "the trip was useful");
        Assert.DoesNotContain(t.Aliases, a => a.Alias == "Blair");
        Assert.Equal((3, 2), (t.Mentions, t.ArticleCount));
        Assert.Equal((5, 3), (b.Mentions, b.ArticleCount));
        Assert.Equal(3, Assert.Single(b.Aliases).Count);
        Assert.Contains(t.Events, e => e.Event.Trigger == "arrived"); // "Tony Blair arrived" is his
        var record = Record(s, "later");
        var text = record.GetProperty("text").GetString()!;
        Assert.Equal([("Tony Blair", T), ("Blair", B)], record.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "PERSON")
            .Select(e => (text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()], e.GetProperty("actor").GetString())));
        Assert.Equal(B, record.GetProperty("quotes")[0].GetProperty("speaker").GetString());
    }

    [Fact]
    public void WhyTakesIdsAsActorsNotAsNames()
    {
        using var s = TwoArticlesSplit(out var tony, out var blair);
        var byIds = s.Why(StoreIds.CanonicalId(tony), StoreIds.CanonicalId(blair));
        var byNames = s.Why("Tony Blair", "Blair");
        Assert.Equal(byNames.Score, byIds.Score);
        Assert.Contains(byIds.Lines, l => l.StartsWith("name matcher on 'Tony Blair' and 'Blair': ") && l.EndsWith("keys 'tony blair' and 'blair'"));
        Assert.Contains(byIds.Lines, l => l.StartsWith("a name of one was split off the other by hand"));
        // One actor by id and by name: how the name joined it.
        var same = s.Why(StoreIds.CanonicalId(tony), "Tony Blair");
        Assert.True(same.Same);
        Assert.Contains(same.Lines, l => l.TrimStart().StartsWith("Tony Blair (1 article(s))"));
    }

    [Fact]
    public void SplittingTwiceSaysWhereTheNameWentAndChangesNothing()
    {
        using var s = TwoArticlesSplit(out var tony, out var blair);
        var before = s.Contracts().Select(c => c.Json).ToList();
        var e = Assert.Throws<DossierException>(() => s.Split("Tony Blair", "Blair"));
        Assert.Equal("DSR430", e.Error.Code);
        Assert.Contains(StoreIds.CanonicalId(blair), e.Error.Message);
        Assert.Equal(before, s.Contracts().Select(c => c.Json));
        Assert.Single(s.Decisions());
    }

    [Fact]
    public void AFailedSplitLeavesNothingBehind()
    {
        using var s = Open("a.db");
        s.Add(MixedDoc().Doc, "test");
        s.Add(OnlySurnameDoc().Doc, "test");
        var contracts = s.Contracts().Select(c => c.Json).ToList();
        var actors = s.TopActors(50);
        int n = 0;
        Engine.AfterStep(s, step => { if (step == "split article" && ++n == 2) throw new IOException("disk full (simulated)"); });
        Assert.Throws<IOException>(() => s.Split("Tony Blair", "Blair"));
        Engine.AfterStep(s, null);
        Assert.Equal(contracts, s.Contracts().Select(c => c.Json));
        Assert.Equal(actors, s.TopActors(50));
        Assert.Empty(s.Decisions());
        Assert.Equal(3, s.FindActor("Tony Blair")!.QuoteCount);
    }

    [Fact]
    public void MergingTheSplitOffActorBackUndoesTheSplit()
    {
        using var s = TwoArticlesSplit(out var tony, out var blair);
        s.Merge(StoreIds.CanonicalId(tony), StoreIds.CanonicalId(blair), "it was him after all");
        var t = s.FindActor("Tony Blair")!;
        Assert.Equal((6, 2, 3, 4), (t.Mentions, t.ArticleCount, t.QuoteCount, t.EventCount));
        Assert.Contains(t.Aliases, a => a.Alias == "Blair");
        Assert.Equal(2, t.Roles.Count);
        // The block is lifted: a later "Blair" seen with Gordon Brown joins him again.
        var later = new TestDoc("Blair spoke to Gordon Brown.", id: "later");
        later.Actor("Blair", EntityType.PERSON);
        later.Actor("Gordon Brown", EntityType.PERSON);
        s.Add(later.Doc, "test");
        Assert.Equal(3, s.FindActor("Tony Blair")!.ArticleCount);
        Assert.DoesNotContain($"\"{StoreIds.CanonicalId(blair)}\"", string.Concat(s.Contracts().Select(c => c.Json)));
    }

    [Fact]
    public void SplittingAMergedNameOffTakesItsArticlesFactsBack()
    {
        using var s = Open("a.db");
        var one = new TestDoc("Abu Mohammad al-Jolani spoke in Idlib. Jolani said the fighters would stay.", id: "one");
        int jolani = one.Actor("Abu Mohammad al-Jolani", EntityType.PERSON, "Jolani");
        int idlib = one.Actor("Idlib", EntityType.GPE);
        one.Quote("the fighters would stay", jolani, "Jolani").Event("spoke", jolani, idlib, "010", null);
        s.Add(one.Doc, "test");
        var two = new TestDoc("Ahmad al-Sharaa met Turkish officials in Damascus. Sharaa said elections would come.", id: "two");
        int sharaa = two.Actor("Ahmad al-Sharaa", EntityType.PERSON, "Sharaa");
        two.Quote("elections would come", sharaa, "Sharaa");
        s.Add(two.Doc, "test");
        s.Merge("Ahmad al-Sharaa", "Abu Mohammad al-Jolani");
        Assert.Equal(2, s.FindActor("Ahmad al-Sharaa")!.QuoteCount);

        var r = s.Split("Ahmad al-Sharaa", "Abu Mohammad al-Jolani");
        // The first article named him only by the nom de guerre and "Jolani"; only the full form was split, so that article
        // keeps "Jolani" with the kept actor and what is tied to the full form alone moves.
        Assert.Equal(1, r.Mentions);
        Assert.Equal(1, r.EventSides); // "Abu Mohammad al-Jolani spoke"
        Assert.Equal(0, r.Quotes);     // said by "Jolani"
        var split = s.Split("Ahmad al-Sharaa", "Jolani");
        Assert.Equal((1, 1), (split.Mentions, split.Quotes));
        var kept = s.FindActor("Ahmad al-Sharaa")!;
        Assert.Equal((1, 1, 0), (kept.ArticleCount, kept.QuoteCount, kept.EventCount));
        var record = Record(s, "one");
        Assert.DoesNotContain($"\"{StoreIds.CanonicalId(kept.Id)}\"", record.GetRawText());
    }
}
