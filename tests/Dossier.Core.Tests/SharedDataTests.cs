using Dossier.Testing;

namespace Dossier.Tests;

public class SharedDataTests
{
    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void SeedArticleIsReadable() =>
        Assert.StartsWith(" date 2025-02-12", File.ReadAllText(SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!));
}
