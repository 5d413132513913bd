using Dossier.Actors;

namespace Dossier.Tests.Actors;

/// <summary>The dated codes of the actor dictionary's people read as posts (DictionaryRoles), and the record a linked
/// person carries to find them.</summary>
public class DictionaryRolesTests
{
    [Fact]
    public void OverlappingRangesOfOneCodeAreOnePost()
    {
        // Phoenix lists Tony Blair in GBRGOV twice (1997-05-02 to 2007-06-27 and 2003-01-01 to 2007-06-30).
        var e = ActorDictionary.Default.FindRecord("C:TONY BLAIR")!;
        var roles = DictionaryRoles.Of(e, CountryTable.Default);
        Assert.Equal(["Public figure of United Kingdom 1971-01-01 → 1997-05-02 (actor dictionary, GBRELI)",
                      "Government of United Kingdom 1997-05-02 → 2007-06-30 (actor dictionary, GBRGOV)"], roles.Select(r => r.ToString()));
    }

    [Fact]
    public void AnOpenRangeRunsToThePresentAndSeparateTermsStayApart()
    {
        var e = new DictionaryEntry
        {
            Source = "L", Primary = "Ada Example", DefaultCode = "USAELI", Synonyms = [],
            Dated = [new("USAGOV", new DateOnly(2017, 1, 20), new DateOnly(2021, 1, 20)), new("USAGOV", new DateOnly(2025, 1, 20), null),
                     new("USA", new DateOnly(2000, 1, 1), null), new("XXXGOV", new DateOnly(2000, 1, 1), null)],
        };
        var roles = DictionaryRoles.Of(e, CountryTable.Default);
        Assert.Equal([("2017-01-20", "2021-01-20"), ("2025-01-20", null)], roles.Select(r => (r.Start, r.End)));
        Assert.All(roles, r => Assert.Equal(("Government", "United States"), (r.Title, r.Of)));
    }

    [Fact]
    public void ALinkedPersonCarriesItsRecordAndATownDoesNot()
    {
        var doc = new Dossier.Documents.Document("Tony Blair met Vladimir Putin in Moscow on Monday. Blair said the talks went well.")
        { Published = new DateOnly(2005, 3, 1) };
        Dossier.Pipeline.DocumentPipeline.FromConfig("segment+syntax+ner+actors").Process(doc);
        var blair = doc.Actors.Single(a => a.Name == "Tony Blair");
        Assert.Equal("C:TONY BLAIR", blair.Codes[DictionaryRoles.CodeKey]);
        Assert.Same(ActorDictionary.Default.FindRecord(blair.Codes[DictionaryRoles.CodeKey]), ActorDictionary.Default.FindRecord("C:TONY BLAIR"));
        Assert.False(doc.Actors.Single(a => a.Name == "Moscow").Codes.ContainsKey(DictionaryRoles.CodeKey));
        Assert.Null(ActorDictionary.Default.FindRecord("C:NOBODY AT ALL"));
        Assert.Null(ActorDictionary.Default.FindRecord("no colon"));
    }

    private static Dossier.Documents.Document Run(string text, int year, int month, int day)
    {
        var doc = new Dossier.Documents.Document(text) { Published = new DateOnly(year, month, day) };
        Dossier.Pipeline.DocumentPipeline.FromConfig("segment+syntax+ner+actors").Process(doc);
        return doc;
    }

    [Fact]
    public void AStateTitleOfSomeoneLongOutOfGovernmentIsAnOfficeOfThePast()
    {
        var doc = Run("There was a delay after the assassination attempt on President Ronald Reagan. Prime Minister Tony Blair agreed.", 2005, 3, 1);
        var reagan = doc.Actors.Single(a => a.Name == "Ronald Reagan").Roles.Single();
        Assert.Equal(("President", null, "2005-03-01"), (reagan.Title, reagan.Start, reagan.End));
        // In office that day: current.
        var blair = doc.Actors.Single(a => a.Name == "Tony Blair").Roles.Single();
        Assert.Equal(("2005-03-01", null), (blair.Start, blair.End));
    }

    [Fact]
    public void AFullNameTheDictionaryGivesTwoNamesakesIsTheOneInOfficeThatDay()
    {
        // Phoenix's "GEORGE BUSH" is the father (out of office since 1993); its George W. Bush was in office in 2005.
        var doc = Run("President George Bush met European leaders in Brussels.", 2005, 2, 22);
        var bush = doc.Actors.Single(a => a.Name == "George Bush");
        Assert.Equal("C:GEORGE W. BUSH", bush.Codes[DictionaryRoles.CodeKey]);
        Assert.Equal(("2005-02-22", null), (bush.Roles.Single().Start, bush.Roles.Single().End));
        // In 1991 it was the father.
        Assert.Equal("C:GEORGE BUSH", Run("President George Bush met European leaders in Brussels.", 1991, 5, 2).Actors.Single(a => a.Name == "George Bush").Codes[DictionaryRoles.CodeKey]);
    }
}
