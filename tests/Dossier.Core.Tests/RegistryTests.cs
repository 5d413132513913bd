using Dossier.Pipeline;

namespace Dossier.Tests;

public class RegistryTests
{
    [Fact]
    public void EveryDefaultComponentIsRegistered()
    {
        foreach (var name in DocumentPipeline.DefaultConfig.Split('+'))
            Assert.True(ComponentRegistry.Contains(name), $"component '{name}' of the default pipeline is not registered");
    }

    [Fact]
    public void UnknownComponentIsACodedError()
    {
        var e = Assert.Throws<DossierException>(() => DocumentPipeline.FromConfig("segment+nonsense"));
        Assert.Equal("DSR201", e.Error.Code);
    }
}
