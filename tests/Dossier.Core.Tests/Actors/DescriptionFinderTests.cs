using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Testing;

namespace Dossier.Tests.Actors;

/// <summary>"the prime minister" joins the one person of the article who holds that office, as a description mention.</summary>
public sealed class DescriptionFinderTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.FromConfig("segment+syntax+ner+actors");

    private static List<(string Text, string? Actor)> Descriptions(string text)
    {
        var doc = new Document(text) { Published = new DateOnly(2005, 2, 1) };
        Pipeline.Process(doc);
        return doc.Entities.Where(e => e.Description)
            .Select(e => (doc.Slice(e.Start, e.End), e.Actor >= 0 ? doc.Actors[e.Actor].Name : null)).ToList();
    }

    [Fact]
    public void TheOfficeNamesItsOneHolder()
    {
        var found = Descriptions("Prime Minister Tony Blair met Chancellor Gordon Brown. The prime minister said the economy was strong. Later the Chancellor denied a rift.");
        Assert.Equal([("The prime minister", "Tony Blair"), ("the Chancellor", "Gordon Brown")], found);
    }

    [Fact]
    public void NoHolderNamedNoLink()
    {
        Assert.Empty(Descriptions("Tony Blair met Gordon Brown. The prime minister said the economy was strong."));
    }

    [Fact]
    public void TwoHoldersNoLink()
    {
        Assert.Empty(Descriptions("Prime Minister Tony Blair met Prime Minister Bertie Ahern. The prime minister said little."));
    }

    [Fact]
    public void FormerOfficesAndOtherCountriesAreNotTheHolder()
    {
        Assert.Empty(Descriptions("Prime Minister Tony Blair spoke. The former prime minister was not there. The prime minister of Israel called."));
    }

    [Fact]
    public void AShadowOfficeIsNotTheOffice()
    {
        Assert.Empty(Descriptions("Shadow chancellor Oliver Letwin attacked the plans. The chancellor said they were sound."));
    }

    [Fact]
    public void TheSubjectOfTheNextClauseIsNoApposition()
    {
        var doc = new Document("Echoing the new US Secretary of State Condoleezza Rice, the prime minister said policy had changed.") { Published = new DateOnly(2005, 2, 1) };
        Pipeline.Process(doc);
        var rice = Assert.Single(doc.Actors, a => a.Name == "Condoleezza Rice");
        Assert.DoesNotContain(rice.Roles, r => r.Title == "Prime Minister");
        Assert.DoesNotContain(doc.Entities, e => e.Description);
    }

    [Fact]
    public void DescriptionsAreNotNamesOfTheActor()
    {
        var doc = new Document("Prime Minister Tony Blair spoke. The prime minister left.") { Published = new DateOnly(2005, 2, 1) };
        Pipeline.Process(doc);
        var blair = Assert.Single(doc.Actors, a => a.Name == "Tony Blair");
        Assert.DoesNotContain(blair.Aliases, a => a.Contains("minister", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(blair.Evidence, e => e.StartsWith("description: 'The prime minister'"));
        // Running the component again does not duplicate its own mentions.
        Pipeline.Process(doc);
        Assert.Single(doc.Entities, e => e.Description);
    }
}
