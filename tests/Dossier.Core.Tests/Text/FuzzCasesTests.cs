using System.Diagnostics;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Tests.Text;

/// <summary>Reader, cleaner and segmenter over every pathological input in fuzz/cases: a result or a coded error, in time.</summary>
public class FuzzCasesTests(ITestOutputHelper output)
{
    /// <summary>Wall-clock limit for one case (generous: the CI machine is shared; a quadratic scan takes minutes, not seconds).</summary>
    public const int MaxSecondsPerCase = 30;
    /// <summary>The cases are read with this size limit, the product default.</summary>
    public const long MaxBytes = ReadOptions.DefaultMaxBytes;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(SharedData.RepoRoot, "fuzz", "cases");
        foreach (var f in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void SurvivesCase(string name)
    {
        var path = Path.Combine(SharedData.RepoRoot, "fuzz", "cases", name);
        var sw = Stopwatch.StartNew();
        var run = Task.Run(() =>
        {
            var lines = new List<string>();
            foreach (var item in ArticleReader.ReadPath(path, new ReadOptions { MaxBytes = MaxBytes }))
            {
                if (item.Error is { } e) { lines.Add("error " + e.Error.Code); continue; }
                var r = ArticleCleaner.Clean(item.Article!);
                if (r.Document is not { } doc) { lines.Add("clean " + r.Error!.Value.Code); continue; }
                new Segmenter().Process(doc);
                Assert.All(doc.Posts, p => Assert.True(p.Start >= 0 && p.Start <= p.End && p.End <= doc.Text.Length));
                lines.Add($"doc {doc.Text.Length} chars, {doc.Tokens.Length} tokens, {doc.Sentences.Length} sentences, {doc.Posts.Count} posts");
            }
            return lines;
        });
        Assert.True(run.Wait(TimeSpan.FromSeconds(MaxSecondsPerCase)), $"{name} took longer than {MaxSecondsPerCase} s");
        foreach (var l in run.Result) output.WriteLine($"{name}: {l}");
        output.WriteLine($"{name}: {sw.ElapsedMilliseconds} ms");
        Assert.NotEmpty(run.Result);
        // every error is a coded input error, never a wrapped exception from cleaning (DSR204)
        Assert.DoesNotContain(run.Result, l => l.Contains("DSR204"));
    }
}
