using System.Text.Json;
using Dossier.Contract;
using Dossier.Documents;
using Dossier.Store;
using Dossier.Store.Export;

namespace Dossier.Tests;

public abstract class StoreTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    private const string Db = "test.db";

    private static TestDoc Putin()
    {
        var t = new TestDoc(
            "Russia's President Vladimir Putin spoke to Syria's President Ahmad al-Sharaa on Wednesday. " +
            "Putin said: \"We support the unity of the Syrian state.\" Sharaa invited Putin to Damascus.",
            "2025-02-12", "Putin calls Sharaa", "seed-1");
        int putin = t.Actor("Vladimir Putin", EntityType.PERSON, "Putin");
        int sharaa = t.Actor("Ahmad al-Sharaa", EntityType.PERSON, "Sharaa");
        int russia = t.Actor("Russia", EntityType.GPE);
        t.Actor("Syria", EntityType.GPE, "Damascus");
        t.Role(putin, "President", "Russia").Role(sharaa, "President", "Syria")
         .Quote("We support the unity of the Syrian state.", putin)
         .Event("spoke", putin, sharaa, "040", "2025-02-12")
         .Event("invited", sharaa, putin, "036", "2025-02-12")
         .Timex("Wednesday", "2025-02-12")
         .Claim("Sharaa invited Putin to Damascus.");
        _ = russia;
        return t;
    }

    private static long Count(IStore s, string table) => Engine.Count(s, table);

    private static IEnumerable<string> Tables => SharedTables.Concat(Engine.IndexTables);

    private static readonly string[] SharedTables =
        ["articles", "article_sources", "actors", "actor_aliases", "actor_links", "actor_names", "mentions", "roles", "timexes", "quotes", "claims", "events", "event_actors"];

    // --- writing ---

    [Fact]
    public void ArticleIsStoredWithEveryLayer()
    {
        using var s = Open(Db);
        var r = s.Add(Putin().Doc, "test");
        Assert.False(r.Duplicate);
        Assert.Equal(4, r.NewActors);
        var st = s.Stats();
        Assert.Equal((1L, 4L, 1L, 1L, 2L, 1L), (st.Articles, st.Actors, st.Quotes, st.Claims, st.Events, st.Timexes));
        Assert.Equal(Putin().Doc.Entities.Count, st.Mentions);
        Assert.Equal(2, Count(s, "roles"));
        Assert.Equal(4, Count(s, "event_actors"));
    }

    [Fact]
    public void ReingestingTheSameTextStoresNothingNew()
    {
        using var s = Open(Db);
        var first = s.Add(Putin().Doc, "test");
        var before = Tables.Select(t => Count(s, t)).ToArray();
        var again = s.Add(Putin().Doc, "test");
        Assert.True(again.Duplicate);
        Assert.Equal(first.ArticleId, again.ArticleId);
        Assert.Equal(before, Tables.Select(t => Count(s, t)).ToArray());
    }

    [Fact]
    public void TheSameTextUnderAnotherIdIsADuplicateThatKeepsItsId()
    {
        using var s = Open(Db);
        var a = Putin().Doc; a.Id = "politics/001"; a.Source = "corpus.jsonl";
        var b = Putin().Doc; b.Id = "politics/417"; b.Source = "corpus.jsonl";
        var first = s.Add(a, "test");
        var articlesBefore = Count(s, "articles");
        var again = s.Add(b, "test");
        Assert.True(again.Duplicate);
        Assert.Equal(first.ArticleId, again.ArticleId);
        Assert.Equal(articlesBefore, Count(s, "articles"));
        Assert.Equal(2, Count(s, "article_sources"));
        s.Add(b, "test");
        Assert.Equal(2, Count(s, "article_sources"));
    }

    public static TheoryData<string> Steps => new() { "article", "actors", "mentions", "roles", "timexes", "quotes", "claims", "events" };

    [Theory, MemberData(nameof(Steps))]
    public void FailureMidArticleLeavesNothingOfIt(string step)
    {
        using var s = Open(Db);
        var other = new TestDoc("Gordon Brown met union leaders in London.", "2005-01-01");
        other.Actor("Gordon Brown", EntityType.PERSON, "Brown");
        s.Add(other.Doc, "test");
        var before = Tables.Select(t => Count(s, t)).ToArray();

        Engine.AfterStep(s, at => { if (at == step) throw new IOException("disk full (simulated)"); });
        Assert.Throws<IOException>(() => s.Add(Putin().Doc, "test"));
        Assert.Equal(before, Tables.Select(t => Count(s, t)).ToArray());

        // The store is intact and takes the article once the fault is gone.
        Engine.AfterStep(s, null);
        Assert.False(s.Add(Putin().Doc, "test").Duplicate);
        Assert.Equal(2, s.Stats().Articles);
    }

    [Theory, MemberData(nameof(Steps))]
    public void AFailureInsideABatchRollsBackOnlyThatArticle(string step)
    {
        using var s = Open(Db);
        var brown = new TestDoc("Gordon Brown met union leaders in London.", "2005-01-01");
        brown.Actor("Gordon Brown", EntityType.PERSON, "Brown");
        var blair = new TestDoc("Tony Blair spoke in Sedgefield.", "2005-01-02");
        blair.Actor("Tony Blair", EntityType.PERSON, "Blair");
        using (var batch = s.BeginBatch())
        {
            s.Add(brown.Doc, "test");
            Engine.AfterStep(s, at => { if (at == step) throw Engine.DatabaseFault(); });
            var e = Assert.Throws<DossierException>(() => s.Add(Putin().Doc, "test"));
            Assert.Equal("DSR302", e.Error.Code);
            Engine.AfterStep(s, null);
            s.Add(blair.Doc, "test");
            Assert.Equal(2, batch.Count);
            batch.Commit();
        }
        Assert.Equal(2, Count(s, "articles"));
        Assert.Equal(0, Count(s, "quotes"));      // only the failed article had a quote
        Assert.NotNull(s.FindActor("Tony Blair"));
        Assert.Null(s.FindActor("Vladimir Putin"));
        // The failed article is whole when stored again.
        Assert.False(s.Add(Putin().Doc, "test").Duplicate);
        Assert.Equal(1, Count(s, "quotes"));
    }

    [Fact]
    public void ABatchNotCommittedLeavesNothingAndNothingIsSeenBeforeItsCommit()
    {
        using var s = Open(Db);
        using var reader = Open(Db, create: false);
        using (s.BeginBatch())
        {
            s.Add(Putin().Doc, "test");
            Assert.Equal(0, reader.Stats().Articles);   // not visible to another connection until the batch commits
        }
        Assert.Equal(0, s.Stats().Articles);
        Assert.Equal(0, Count(s, "actors"));
        using (var batch = s.BeginBatch())
        {
            s.Add(Putin().Doc, "test");
            Assert.True(s.Add(Putin().Doc, "test").Duplicate);   // the batch sees its own articles
            batch.Commit();
        }
        Assert.Equal(1, reader.Stats().Articles);
        Assert.Throws<InvalidOperationException>(() => { using var a = s.BeginBatch(); s.BeginBatch(); });
    }

    [Fact]
    public void ReadersSeeOnlyCommittedArticlesWhileAWriterWorks()
    {
        using var writer = Open(Db);
        using var reader = Open(Db, create: false);
        writer.Add(new TestDoc("Gordon Brown met union leaders in London.").Doc, "test");
        long seenMidway = -1;
        Engine.AfterStep(writer, step => { if (step == "events") seenMidway = reader.Stats().Articles; });
        writer.Add(Putin().Doc, "test");
        Assert.Equal(1, seenMidway);            // the second article was not visible before its commit (WAL snapshot)
        Assert.Equal(2, reader.Stats().Articles);
        Assert.Equal("Vladimir Putin", reader.FindActor("Putin")?.Name);
    }

    // --- read models ---

    [Fact]
    public void SearchFindsWordsWithSnippetsBestFirst()
    {
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        var other = new TestDoc("A long report on farming. Syria is mentioned once.", "2025-01-01", "Farming");
        s.Add(other.Doc, "test");
        var hits = s.Search("syrian unity");
        var hit = Assert.Single(hits);
        Assert.Equal("Putin calls Sharaa", hit.Title);
        Assert.Contains(SearchHit.MarkStart + "unity" + SearchHit.MarkEnd, hit.Snippet);
        Assert.Equal(2, s.Search("syria*").Count);
        Assert.Empty(s.Search("((( AND"));
        Assert.Single(s.Search("SHARAA"));
    }

    [Fact]
    public void SearchRanksOnlyTheLatestStoredMatchesAndSaysSo()
    {
        using var s = Stores.Open(Location(Db), options: new StoreOptions { SearchRankedMatches = 2 });
        // The oldest article would rank first (the word in its title and thrice in its text), but only the two latest
        // stored of the three matches are ranked.
        s.Add(new TestDoc("Harvest, harvest and harvest again in the valley.", "2025-01-01", "Harvest").Doc, "test");
        s.Add(new TestDoc("The harvest was late this year in the north.", "2025-01-02", "North").Doc, "test");
        s.Add(new TestDoc("Rain delayed the harvest in the south.", "2025-01-03", "South").Doc, "test");
        s.Add(new TestDoc("Rain fell on the coast.", "2025-01-04", "Coast").Doc, "test");
        var hits = s.Search("harvest");
        Assert.Equal(["North", "South"], hits.Select(h => h.Title).Order());
        Assert.Equal(2, hits.RankedLatest);
        // Two matches or fewer: every one ranked, nothing to say.
        var rain = s.Search("rain");
        Assert.Equal(2, rain.Count);
        Assert.Null(rain.RankedLatest);
        // A narrower query reaches the older article.
        Assert.Equal("Harvest", Assert.Single(s.Search("harvest valley")).Title);
        Assert.Null(s.Search("nothing-like-this").RankedLatest);
    }

    [Fact]
    public void SearchIgnoresDiacritics()
    {
        using var s = Open(Db);
        s.Add(new TestDoc("President Erdoğan spoke in Ankara.").Doc, "test");
        Assert.Single(s.Search("erdogan"));
    }

    [Fact]
    public void SearchMatchesPhrasesAcrossPunctuationAndLeavesOutNotTerms()
    {
        // Words are split at every mark that is not a letter or digit, on every engine (PostgreSQL's own parser keeps
        // hyphenated words, abbreviations and decimals whole).
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        s.Add(new TestDoc("Talks in Geneva on the U.S. plan: 3.5 billion for Erdogan.", "2025-01-02", "Geneva").Doc, "test");
        s.Add(new TestDoc("Talks in Doha.", "2025-01-03", "Doha").Doc, "test");
        Assert.Equal("Putin calls Sharaa", Assert.Single(s.Search("\"President Ahmad al-Sharaa on\"")).Title);
        Assert.Equal("Doha", Assert.Single(s.Search("talks NOT geneva")).Title);
        Assert.Equal(["Doha", "Geneva"], s.Search("talks").Select(h => h.Title).Order());
        Assert.Equal("Geneva", Assert.Single(s.Search("\"U.S. plan\"")).Title);
        Assert.Equal("Geneva", Assert.Single(s.Search("3.5")).Title);
        Assert.Equal("Geneva", Assert.Single(s.Search("Erdoğan")).Title);
        Assert.Empty(s.Search("\"geneva talks\""));
    }

    [Fact]
    public void ActorIsFoundByAnyNameRegardlessOfCaseAndDiacritics()
    {
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        foreach (var q in new[] { "Vladimir Putin", "putin", "PUTIN", "Vladímir Pütin" })
            Assert.Equal("Vladimir Putin", s.FindActor(q)?.Name);
        Assert.Equal("Ahmad al-Sharaa", s.FindActor("Ahmad Sharaa")?.Name);
        Assert.Null(s.FindActor("Nobody Here"));
    }

    [Fact]
    public void DossierHasAliasesRolesQuotesAndEventsWithTheOtherParty()
    {
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        var d = s.FindActor("Putin")!;
        Assert.Equal("PERSON", d.Type);
        Assert.Contains(d.Aliases, a => a.Alias == "Putin");
        Assert.Contains(d.Roles, r => r.Title == "President" && r.Of == "Russia");
        Assert.Equal("We support the unity of the Syrian state.", Assert.Single(d.Quotes).Text);
        Assert.Equal(2, d.Events.Count);
        var spoke = d.Events.Single(e => e.Event.Trigger == "spoke");
        Assert.Equal(("source", "Ahmad al-Sharaa", "2025-02-12"), (spoke.Side, spoke.OtherParty, spoke.Event.Date));
        Assert.StartsWith("Russia's President Vladimir Putin spoke", spoke.Event.Evidence);
        Assert.Equal("target", d.Events.Single(e => e.Event.Trigger == "invited").Side);
        Assert.Contains(d.CoActors, c => c.Name == "Syria");
        Assert.Equal(d.Mentions, Putin().Doc.Entities.Count(e => e.Actor == 0));
    }

    [Fact]
    public void ADossierShowsThePostsTheActorDictionaryDatesForTheLinkedRecord()
    {
        using var s = Open(Db);
        var t = new TestDoc("Tony Blair spoke in London.");
        int blair = t.Actor("Tony Blair", EntityType.PERSON);
        t.Doc.Actors[blair].Codes["cameo"] = "GBRGOV";
        t.Doc.Actors[blair].Codes[Dossier.Actors.DictionaryRoles.CodeKey] = "C:TONY BLAIR";
        t.Role(blair, "Prime Minister", "United Kingdom");
        s.Add(t.Doc, "test");
        var d = s.FindActor("Tony Blair")!;
        // The articles' own occupancy first, then the dictionary's posts.
        Assert.Equal([("articles", "Prime Minister"), ("dictionary", "Public figure"), ("dictionary", "Government")], d.Roles.Select(r => (r.Source, r.Title)));
        var gov = d.Roles.Single(r => r.Code == "GBRGOV");
        Assert.Equal(("United Kingdom", "1997-05-02", "2007-06-30", 0), (gov.Of, gov.Start, gov.End, gov.Count));
        // An unknown record shows nothing of the dictionary.
        var u = new TestDoc("Ada Nobody spoke.");
        int ada = u.Actor("Ada Nobody", EntityType.PERSON);
        u.Doc.Actors[ada].Codes[Dossier.Actors.DictionaryRoles.CodeKey] = "C:ADA NOBODY";
        s.Add(u.Doc, "test");
        Assert.Empty(s.FindActor("Ada Nobody")!.Roles);
    }

    [Fact]
    public void TimelineIsInDateOrderAndFilters()
    {
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        var t = new TestDoc("Tony Blair met Gordon Brown in London.", "2005-03-01");
        int blair = t.Actor("Tony Blair", EntityType.PERSON);
        int brown = t.Actor("Gordon Brown", EntityType.PERSON);
        t.Event("met", blair, brown, "040", "2005-03-01");
        var undated = new TestDoc("Tony Blair called Gordon Brown.", "2005-03-02");
        int b2 = undated.Actor("Tony Blair", EntityType.PERSON);
        int g2 = undated.Actor("Gordon Brown", EntityType.PERSON);
        undated.Event("called", b2, g2, "040", null);
        var week = new TestDoc("Tony Blair visited Gordon Brown at the weekend.", "2005-03-14");
        int b3 = week.Actor("Tony Blair", EntityType.PERSON);
        int g3 = week.Actor("Gordon Brown", EntityType.PERSON);
        week.Event("visited", b3, g3, "042", "2005-W10-WE");
        s.Add(t.Doc, "test");
        s.Add(undated.Doc, "test");
        s.Add(week.Doc, "test");

        var all = s.Timeline(new TimelineFilter());
        Assert.Equal(["2005-03-01", "2005-W10-WE", "2025-02-12", "2025-02-12"], all.Select(e => e.Date!));
        Assert.Equal(2, s.Timeline(new TimelineFilter { Actor = "tony blair" }).Count);
        Assert.Equal(2, s.Timeline(new TimelineFilter { From = "2025" }).Count);
        Assert.Equal(2, s.Timeline(new TimelineFilter { To = "2005-03" }).Count);
        Assert.Equal("2005-W10-WE", Assert.Single(s.Timeline(new TimelineFilter { From = "2005-03-02", To = "2005-12-31" })).Date);
        Assert.Equal("DSR401", Assert.Throws<DossierException>(() => s.Timeline(new TimelineFilter { Actor = "Nobody" })).Error.Code);
    }

    [Fact]
    public void TopActorsAreRankedByMentions()
    {
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        var top = s.TopActors(2);
        Assert.Equal(2, top.Count);
        Assert.Equal("Vladimir Putin", top[0].Name);
        Assert.True(top[0].Mentions >= top[1].Mentions);
        Assert.All(s.TopActors(10, "gpe"), a => Assert.Equal("GPE", a.Type));
    }

    // --- export ---

    [Fact]
    public void JsonlExportIsTheContractWithCanonicalIds()
    {
        using var s = Open(Db);
        var doc = Putin().Doc;
        s.Add(doc, "test");
        var w = new StringWriter();
        Assert.Equal(1, Exporter.WriteJsonl(s, w));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rec = JsonSerializer.Deserialize(Assert.Single(lines), ContractJson.Default.ArticleRecord)!;
        var expected = ContractMapper.ToRecord(doc, "test");
        Assert.Equal(("seed-1", "2025-02-12", doc.Text), (rec.Id, rec.Published, rec.Text));
        Assert.Equal(expected.Entities.Select(e => (e.Start, e.End, e.Type)), rec.Entities.Select(e => (e.Start, e.End, e.Type)));
        Assert.Equal(expected.Events.Count, rec.Events.Count);
        Assert.All(rec.Actors, a => Assert.Matches("^A[0-9]+$", a.Id));
        var putin = rec.Actors.Single(a => a.Name == "Vladimir Putin");
        Assert.Equal(putin.Id, StoreIds.CanonicalId(s.FindActor("Putin")!.Id));
        Assert.Equal([putin.Id], rec.Events.Single(e => e.Trigger == "spoke").Source);
    }

    [Fact]
    public void CsvExportHasOneRowPerEventAndQuotesFields()
    {
        using var s = Open(Db);
        s.Add(Putin().Doc, "test");
        var w = new StringWriter();
        Assert.Equal(2, Exporter.WriteCsv(s, w));
        var rows = w.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.Equal(string.Join(',', Exporter.CsvColumns), rows[0]);
        Assert.EndsWith(",Vladimir Putin,Ahmad al-Sharaa,spoke,asserted,false,Russia's President Vladimir Putin spoke to Syria's President Ahmad al-Sharaa on Wednesday.", rows[1]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void CsvFields(string? value, string expected) => Assert.Equal(expected, Exporter.Field(new(), value).ToString());
}
