using Dossier.Actors;

namespace Dossier.Tests.Actors;

public class NameNormalizerTests
{
    public static TheoryData<string, string, string, string> Keys => new()
    {
        // input, full key, surname key, initials with articles
        { "Bashar al-Assad", "bashar assad", "assad", "BAA" },
        { "Ahmad al-Sharaa", "ahmad sharaa", "sharaa", "AAS" },
        { "Al Jolani", "jolani", "jolani", "AJ" },
        { "al-Jolani", "jolani", "jolani", "AJ" },
        { "Abu Mohammad al-Jolani", "abu mohammad jolani", "jolani", "AMAJ" },
        { "Ahmed al-Shara’a", "ahmed sharaa", "sharaa", "AAS" },
        { "President Vladimir Putin", "vladimir putin", "putin", "VP" },
        { "Mr. Putin's", "putin", "putin", "P" },
        { "Foreign Minister Asaad al-Shaibani", "asaad shaibani", "shaibani", "AAS" },
        { "Recep Tayyip Erdoğan", "recep tayyip erdogan", "erdogan", "RTE" },
        { "Jean-Luc Mélenchon", "jean luc melenchon", "melenchon", "JLM" },
        { "Abd ar-Rahman", "abd rahman", "rahman", "AAR" },
        { "Zayed ash-Shamsi", "zayed shamsi", "shamsi", "ZAS" },
        { "Владимир Путин", "vladimir putin", "putin", "VP" },
        { "Al", "al", "al", "A" },
        // the last word is the name even when it looks like an article
        { "Steve Ash", "steve ash", "ash", "SA" },
        { "Presidents George W Bush", "george w bush", "bush", "GWB" },
        { "Mohamed El", "mohamed el", "el", "ME" },
        { "Ahmad al Sharaa", "ahmad sharaa", "sharaa", "AAS" },
    };

    [Theory, MemberData(nameof(Keys))]
    public void PersonKeys(string input, string full, string surname, string initialsWithArticles)
    {
        var k = NameNormalizer.Keys(input);
        Assert.Equal(full, k.Full);
        Assert.Equal(surname, k.Surname);
        Assert.Equal(initialsWithArticles, k.InitialsWithArticles);
    }

    public static TheoryData<string, string, string> OrgInitials => new()
    {
        { "Hayat Tahrir al-Sham", "HTS", "HTAS" },
        { "al-Qaeda", "Q", "AQ" },
        { "Supreme Court", "SC", "SC" },
        { "the United States", "US", "US" },
    };

    [Theory, MemberData(nameof(OrgInitials))]
    public void Initials(string input, string initials, string withArticles)
    {
        var k = NameNormalizer.KeysKeepTitles(input);
        Assert.Equal(initials, k.Initials);
        Assert.Equal(withArticles, k.InitialsWithArticles);
    }

    [Theory]
    [InlineData("U.S.", "us")]
    [InlineData("The Kremlin", "kremlin")]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    public void KeepTitlesKey(string input, string key) => Assert.Equal(key, NameNormalizer.KeysKeepTitles(input).Full);

    [Fact]
    public void SameKeyForSpellingVariants() =>
        Assert.Equal(NameNormalizer.Key("Bashar al-Assad"), NameNormalizer.Key("Bashar Al Assad"));
}
