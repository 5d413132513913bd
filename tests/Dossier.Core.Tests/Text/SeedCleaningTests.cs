using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Tests.Text;

/// <summary>The seed article's ingest items (expected.json "document"): header date, embed residue, offsets.</summary>
public class SeedCleaningTests(ITestOutputHelper output)
{
    private static Dossier.Documents.Document CleanSeed()
    {
        var path = SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!;
        var items = ArticleReader.ReadPath(path, new ReadOptions()).ToList();
        var item = Assert.Single(items);
        Assert.Null(item.Error);
        var r = ArticleCleaner.Clean(item.Article!);
        Assert.Null(r.Error);
        return r.Document!;
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void HeaderDateSetsPublishedAndLeavesTheBody()
    {
        var doc = CleanSeed();
        Assert.Equal(new DateOnly(2025, 2, 12), doc.Published);
        Assert.StartsWith("Russia’s President Vladimir Putin", doc.Text);
        Assert.DoesNotContain("date 2025", doc.Text);
        Assert.DoesNotContain("\n\n\n", doc.Text);
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void EmbeddedTweetIsOnePost()
    {
        var doc = CleanSeed();
        var p = Assert.Single(doc.Posts);
        output.WriteLine($"post [{p.Start},{p.End}) text='{doc.Slice(p.TextStart, p.TextEnd)}' attr='{doc.Slice(p.AttributionStart, p.AttributionEnd)}'");
        Assert.Equal("@Partisangirl", p.Handle);
        Assert.Equal("Syrian Girl", p.AuthorName);
        Assert.Equal(new DateOnly(2025, 2, 12), p.Date);
        Assert.Equal("pic.twitter.com/rZ71DOHKWv", p.Url);
        Assert.Equal("twitter", p.Platform);
        Assert.Equal("clean@1.0", p.By);
        var text = doc.Slice(p.TextStart, p.TextEnd);
        Assert.StartsWith("Al Jolani encouraging his followers", text);
        Assert.EndsWith("wearing $70,000 watches.", text);
        Assert.Contains("VS. Now", text);
        Assert.Equal("pic.twitter.com/rZ71DOHKWv — Syrian Girl (@Partisangirl) February 12, 2025", doc.Slice(p.AttributionStart, p.AttributionEnd));
        Assert.Equal(p.TextStart, p.Start);
        Assert.Equal(p.AttributionEnd, p.End);
        // The prose paragraph before the embed is not part of it.
        Assert.DoesNotContain("Meanwhile", doc.Slice(p.Start, p.End));
    }

    [SharedDataFact("seed", "000_e9286ede1a1a4dfa.txt")]
    public void OffsetMapPointsBackToTheRawFile()
    {
        var path = SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!;
        var raw = File.ReadAllText(path);
        var doc = CleanSeed();
        for (int i = 0; i < doc.Text.Length; i++)
            Assert.True(raw[doc.RawMap.ToRaw(i)] == doc.Text[i], $"clean[{i}]='{doc.Text[i]}' raw[{doc.RawMap.ToRaw(i)}]='{raw[doc.RawMap.ToRaw(i)]}'");
    }
}
