using System.Diagnostics;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Tests.Text;

/// <summary>Reads and cleans the BBC corpus: every article comes through, and the read+clean rate is printed (not asserted).</summary>
public class ThroughputTests(ITestOutputHelper output)
{
    [SharedDataFact("bbc-news", "bbc-news.jsonl.gz")]
    public void BbcCorpusReadsAndCleans()
    {
        var path = SharedData.File("bbc-news", "bbc-news.jsonl.gz")!;
        // warm-up pass (JIT), then the measured pass
        foreach (var _ in ArticleReader.ReadPath(path, new ReadOptions()).Take(50)) { }
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long chars = 0; int docs = 0, errors = 0;
        foreach (var item in ArticleReader.ReadPath(path, new ReadOptions()))
        {
            if (item.Article is null) { errors++; continue; }
            chars += item.Article.Body.Length;
            var r = ArticleCleaner.Clean(item.Article);
            if (r.Document is null) errors++; else docs++;
        }
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        output.WriteLine($"bbc-news: {docs} documents, {errors} errors, {chars:N0} chars in {sw.Elapsed.TotalSeconds:F2} s = {chars / 1e6 / sw.Elapsed.TotalSeconds:F1} M chars/s (≈ MB/s of text); CPU {cpu.TotalSeconds:F2} s = {chars / 1e6 / cpu.TotalSeconds:F1} M chars per CPU-second");
        Assert.Equal(2225, docs);
        Assert.Equal(0, errors);
    }
}
