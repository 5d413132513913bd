using Dossier.Actors;
using Dossier.Resources;

namespace Dossier.Tests.Actors;

public class ActorDictionaryTests
{
    public static TheoryData<string, string, string?> Surnames => new()
    {
        // surname key, date, expected display name (null: none or ambiguous)
        { "putin", "2025-02-12", "Vladimir Putin" },
        { "biden", "2025-02-12", "Joe Biden" },
        { "trump", "2025-02-12", "Donald Trump" },
        { "obama", "2016-05-01", "Barack Obama" },
        { "obama", "2025-02-12", null },
        { "lavrov", "2020-01-01", "Sergey Lavrov" },
        { "nosuchname", "2020-01-01", null },
    };

    [Theory, MemberData(nameof(Surnames))]
    public void UniquePerson(string surname, string date, string? expected) =>
        Assert.Equal(expected, ActorDictionary.Default.UniquePerson(surname, DateOnly.Parse(date))?.DisplayName);

    // An article dated in the first years of the calendar (found by the fuzz harness: "Updated: 002-1-2" made the actors
    // component throw on date.AddYears(-4), and the whole extraction fail with DSR204).
    [Theory]
    [InlineData("0001-01-01"), InlineData("0002-01-02"), InlineData("0004-12-31"), InlineData("0005-01-01")]
    public void UniquePersonAtTheStartOfTheCalendar(string date)
    {
        Assert.Null(ActorDictionary.Default.UniquePerson("putin", DateOnly.Parse(date)));
        var doc = Extractor.Default.ExtractText("Leaders met. Haddad and Putin spoke.", DateOnly.Parse(date));
        Assert.NotEmpty(doc.Actors);
    }

    [Theory]
    [InlineData("russia", "RUS")]
    [InlineData("kremlin", "RUSGOV")]
    [InlineData("white house", "USAGOV")]
    [InlineData("serbia and montenegro", "SCG")]
    public void CodesByKey(string key, string code) =>
        Assert.Contains(ActorDictionary.Default.Find(key), e => e.CodeAt(new DateOnly(2025, 1, 1)) == code);

    // Phoenix writes some codes with their dates after them ("IGOBUSOPC 050101-051231", "IGOUNODEVWBK >070701"): a dated
    // code, held in its range only; outside it the record fades like any expired role, and before it nothing is known of
    // an international official.
    [Theory]
    [InlineData("adnan shihab eldin", "2005-06-01", "IGOBUSOPC")]
    [InlineData("adnan shihab eldin", "2007-06-01", "IGOBUSOPC")]
    [InlineData("adnan shihab eldin", "2025-01-01", "IGO")]
    [InlineData("robert zoellick", "2005-01-01", "")]
    [InlineData("robert zoellick", "2008-01-01", "IGOUNODEVWBK")]
    public void CodesWrittenWithTheirDates(string key, string date, string code) =>
        Assert.Contains(ActorDictionary.Default.Find(key), e => e.CodeAt(DateOnly.Parse(date)) == code);

    [Fact]
    public void DatedCodeAppliesInsideItsRangeOnly()
    {
        var putin = ActorDictionary.Default.Find("vladimir putin").First(e => e.IsPerson);
        Assert.Equal("RUSELI", putin.CodeAt(new DateOnly(1995, 1, 1)));
        Assert.Equal("RUSGOV", putin.CodeAt(new DateOnly(2024, 1, 1)));
    }

    [Theory]
    [InlineData("2008-01-01", "GINGOVLAB")]   // in office
    [InlineData("2011-06-01", "GINGOVLAB")]   // out of office for under four years: still described by the role
    [InlineData("2016-09-28", "GIN")]         // years later: only the country is known
    [InlineData("2005-01-01", "GIN")]         // before the role began
    public void AnExpiredRoleFadesToItsCountry(string date, string code)
    {
        var e = new DictionaryEntry { Source = "C", Primary = "AMADOU DIALLO", DefaultCode = "", Synonyms = [],
            Dated = [new DatedCode("GINGOVLAB", new DateOnly(2007, 8, 1), new DateOnly(2008, 7, 31))] };
        Assert.Equal(code, e.CodeAt(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("BASHAR AL-ASSAD", "Bashar al-Assad")]
    [InlineData("JOE BIDEN", "Joe Biden")]
    public void DisplayName(string upper, string display) => Assert.Equal(display, DictionaryEntry.Display(upper));

    /// <summary>The compiled keys must be what the normaliser gives today; if not, rerun the actors-cameo compiler.</summary>
    [Fact]
    public void CompiledKeysMatchTheNormaliser()
    {
        int i = 0, checkedLines = 0;
        foreach (var line in EmbeddedData.Lines("actors-cameo.tsv.gz"))
        {
            if (i++ % 37 != 0) continue;
            var f = line.Split('\t');
            Assert.True(f.Length >= 7, "actors-cameo.tsv.gz has no key columns: rerun the data compiler");
            var syn = f[4].Length == 0 ? Array.Empty<string>() : f[4].Split('|');
            Assert.Equal(string.Join('|', ActorDictionary.LookupKeys(f[1], syn)), f[5]);
            if (f[3].Length > 0) Assert.Equal(string.Join('|', ActorDictionary.SurnameKeys(f[1], syn)), f[6]);
            checkedLines++;
        }
        Assert.True(checkedLines > 500);
    }
}
