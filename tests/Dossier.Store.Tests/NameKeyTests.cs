using Dossier.Store.Actors;

namespace Dossier.Tests;

public class NameKeyTests
{
    // Keys for non-person names (titles kept); person keys also drop leading titles, see PersonKeys.
    public static TheoryData<string, string> Keys => new()
    {
        { "Tony Blair", "tony blair" },
        { "  TONY   BLAIR ", "tony blair" },
        { "Bashar al-Assad", "bashar assad" },
        { "Bashar Assad", "bashar assad" },
        { "Al Jolani", "jolani" },
        { "Ahmad al-Sharaa", "ahmad sharaa" },
        { "Shara'a", "sharaa" },
        { "O'Brien", "obrien" },
        { "Recep Tayyip Erdoğan", "recep tayyip erdogan" },
        { "François Hollande", "francois hollande" },
        { "the Kremlin", "kremlin" },
        { "The Hague", "hague" },
        { "Foreign Ministry", "foreign ministry" },
        { "U.S.", "us" },
        { "Hayat Tahrir al-Sham (HTS)", "hayat tahrir sham hts" },
        { "the", "the" },
        { "", "" },
        { "—", "" },
    };

    [Theory, MemberData(nameof(Keys))]
    public void KeyOf(string name, string key) => Assert.Equal(key, NameKey.Of(name));

    [Theory]
    [InlineData("President Vladimir Putin", "vladimir putin")]
    [InlineData("Foreign Minister Asaad al-Shaibani", "asaad shaibani")]
    [InlineData("Mr Blair", "blair")]
    [InlineData("Tony Blair", "tony blair")]
    public void PersonKeys(string name, string key) => Assert.Equal(key, NameKey.Of(name, person: true));

    [Theory]
    [InlineData("tony blair", 2, "blair")]
    [InlineData("blair", 1, "blair")]
    [InlineData("", 0, "")]
    public void WordsAndLastWord(string key, int words, string last)
    {
        Assert.Equal(words, NameKey.Words(key));
        Assert.Equal(last, NameKey.LastWord(key));
    }
}
