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
        { "a* OR b* OR a* OR b*", "\"a\"* OR \"b\"*" },
        { "x y x", "\"x\" AND \"y\"" },
        { "x OR y x", "\"x\" OR \"y\" AND \"x\"" },
        { "x NOT y NOT y", "\"x\" NOT \"y\" NOT \"y\"" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Build(string input, string expected) => Assert.Equal(expected, FtsQuery.Build(input));
}
