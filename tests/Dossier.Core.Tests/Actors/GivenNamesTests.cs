using Dossier.Actors;
using Xunit;

namespace Dossier.Tests.Actors;

public class GivenNamesTests
{
    [Theory]
    [InlineData("Hillary Clinton", NameGender.Female)]
    [InlineData("Donald Trump", NameGender.Male)]
    [InlineData("Mrs May", NameGender.Female)]
    [InlineData("Sir Alan Budd", NameGender.Male)]
    [InlineData("Jordan Peterson", NameGender.Unknown)] // a name given to both sexes says nothing
    [InlineData("Kim Jong Un", NameGender.Unknown)]
    [InlineData("Blair", NameGender.Unknown)]           // a surname alone says nothing
    public void AFullNameStatesASexOnlyWhenItsFirstWordDoes(string name, NameGender expected) =>
        Assert.Equal(expected, GivenNames.OfFullName(name));

    [Fact]
    public void TheListIsLoadedFromDataAndKnowsThousandsOfNames()
    {
        Assert.Equal(NameGender.Female, GivenNames.OfGivenName("Tessa"));
        Assert.Equal(NameGender.Male, GivenNames.OfGivenName("charles"));
        Assert.Equal(NameGender.Unknown, GivenNames.OfGivenName("Taylor"));
        Assert.Equal(NameGender.Female, GivenNames.OfTitle("Baroness"));
    }
}
