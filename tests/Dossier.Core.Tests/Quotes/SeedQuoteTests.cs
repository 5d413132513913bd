using Dossier.Documents;
using Dossier.Extraction.Claims;
using Dossier.Extraction.Quotes;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Tests.Quotes;

/// <summary>The seed article with hand-made entities, actors and post (what ner, actors and the cleaner provide).</summary>
public class SeedQuoteTests(ITestOutputHelper output)
{
    internal static Document Seed()
    {
        var path = SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!;
        var text = File.ReadAllText(path);
        text = text[(text.IndexOf('\n') + 1)..]; // the "date …" header line is metadata (the cleaner drops it)
        var d = Docs.Build(text,
            "Vladimir Putin|PERSON", "Putin|PERSON|Vladimir Putin", "Ahmad al-Sharaa|PERSON", "Abu Mohammad al-Jolani|PERSON|Ahmad al-Sharaa",
            "Sharaa|PERSON|Ahmad al-Sharaa", "Jolani|PERSON|Ahmad al-Sharaa", "Al Jolani|PERSON|Ahmad al-Sharaa", "Bashar al-Assad|PERSON",
            "Assad|PERSON|Bashar al-Assad", "Asaad al-Shaibani|PERSON", "Trump|PERSON", "Biden|PERSON", "Kremlin|ORG", "Russia|GPE",
            "Moscow|GPE|Russia", "Syria|GPE", "Damascus|GPE|Syria", "Hayat Tahrir al-Sham|ORG", "HTS|ORG|Hayat Tahrir al-Sham",
            "Idlib|GPE", "Washington|GPE", "Syrian Girl|PERSON");
        d.Actors[d.Actors.FindIndex(a => a.Name == "Syrian Girl")].Aliases.Add("@Partisangirl");
        d.AddPost("Al Jolani encouraging his followers to commit suicide bombings", "— Syrian Girl (@Partisangirl) February 12, 2025", "Syrian Girl", "@Partisangirl");
        d.Posts[0].TextEnd = d.Text.IndexOf("pic.twitter.com", StringComparison.Ordinal);
        while (char.IsWhiteSpace(d.Text[d.Posts[0].TextEnd - 1])) d.Posts[0].TextEnd--;
        new QuoteExtractor().Process(d);
        new ClaimExtractor().Process(d);
        return d;
    }

    public static TheoryData<string, string, string[]> MustQuotes => new()
    {
        { "principled position in support of the unity, sovereignty and territorial integrity", "Direct", ["Kremlin", "Russia", "Vladimir Putin"] },
        { "strong strategic ties between the two countries", "Direct", ["Ahmad al-Sharaa", "Syria"] },
        { "an official invitation to Foreign Minister Asaad al-Shaibani to visit Russia", "Direct", ["Ahmad al-Sharaa", "Syria"] },
        { "rides private jets", "Social", ["Syrian Girl"] },
    };

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(MustQuotes))]
    public void FindsTheMustQuotes(string contains, string kind, string[] speakers)
    {
        var d = Seed();
        output.WriteLine(Docs.Dump(d));
        Assert.Contains(d.Quotes, q => d.Slice(q.Start, q.End).Contains(contains) && q.Kind.ToString() == kind && speakers.Contains(d.ActorName(q.Speaker)));
    }

    public static TheoryData<string, string[], string> Claims => new()
    {
        { "demanding that Moscow hand over Assad", ["Unverified"], "Unnamed" },
        { "keeping a low profile", ["Reported"], "Unnamed" },
        { "will be high on the agenda", ["Speculative", "Opinion"], "Author" },
        { "anyone's guess what Trump will do", ["Speculative"], "Author" },
        { "each side is ready for pragmatism", ["Speculative", "Opinion"], "Author" },
        { "indicated that he'd like to see the US occupation end", ["Reported"], "Named" },
    };

    [SharedDataTheory("seed", "000_e9286ede1a1a4dfa.txt"), MemberData(nameof(Claims))]
    public void ClassifiesTheSeedClaims(string contains, string[] certainty, string source)
    {
        var d = Seed();
        output.WriteLine(Docs.DumpClaims(d));
        var hits = d.Claims.Where(c => d.Slice(c.Start, c.End).Replace('’', '\'').Contains(contains)).ToList();
        Assert.Contains(hits, c => certainty.Contains(c.Certainty.ToString()) && c.Source.ToString() == source);
    }
}
