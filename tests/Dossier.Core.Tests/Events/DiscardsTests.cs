using Dossier.Extraction.Events;
using Dossier.Testing;

namespace Dossier.Tests.Events;

public class DiscardsTests
{
    private static readonly Discards Lex = new(["champion", "golf club_", "1945", "+manchester united", "world cup_"]);

    public static TheoryData<string, string?, bool> SentenceCases => new()
    {
        { "The reigning champions beat Spain.", "2005-01-10", true },       // stem: champion → champions
        { "The championship opens today.", "2005-01-10", true },
        { "The golf clubs were sold.", "2005-01-10", false },               // whole word: golf club ≠ golf clubs
        { "He joined the golf club in May.", "2005-01-10", true },
        { "In 1945 the army entered Berlin.", "2005-01-10", true },          // a historical year
        { "In 1945 the army entered Berlin.", "1945-06-01", false },         // the article's own time
        { "In 1945 the army entered Berlin.", null, true },
        { "Troops entered Berlin on 19450 occasions.", "2005-01-10", false }, // a year must end at a word boundary
        { "Russia invited Syria to talks.", "2025-02-12", false },
        { "Minister said the World Cup bid was strong.", "2005-01-10", true },
    };

    [Theory, MemberData(nameof(SentenceCases))]
    public void DiscardsSentences(string text, string? published, bool discarded)
    {
        var doc = DocBuilder.Segmented(text, published);
        Assert.Equal(discarded, Lex.DiscardsSentence(doc, doc.Sentences[0]));
        Assert.False(Lex.DiscardsStory(doc));
    }

    [Fact]
    public void StoryLevelPhraseDiscardsTheStoryNotTheSentence()
    {
        var doc = DocBuilder.Segmented("MPs urged ministers to act. Manchester United shares rose.", "2005-01-10");
        Assert.True(Lex.DiscardsStory(doc));
        Assert.False(Lex.DiscardsSentence(doc, doc.Sentences[1]));
    }

    [Fact]
    public void TheEmbeddedListLoads()
    {
        var doc = DocBuilder.Segmented("The tennis final was delayed.");
        Assert.True(Discards.Default.DiscardsSentence(doc, doc.Sentences[0]));
    }
}
