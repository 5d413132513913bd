using Dossier.Store.ReadModels;

namespace Dossier.Tests;

public class FtsQueryTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "blair", "\"blair\"" },
        { "tony blair", "\"tony\" AND \"blair\"" },
        { "\"tony blair\" election", "\"tony blair\" AND \"election\"" },
        { "elect*", "\"elect\"*" },
        { "blair OR brown", "\"blair\" OR \"brown\"" },
        { "blair NOT brown", "\"blair\" NOT \"brown\"" },
        { "OR blair", "\"blair\"" },
        { "al-Assad", "\"al Assad\"" },
        { "(*) AND \"", "" },
        { "  ", "" },
        { "a\"b", "\"a b\"" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Build(string input, string expected) => Assert.Equal(expected, FtsQuery.Build(input));
}
