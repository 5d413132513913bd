using System.Diagnostics;
using Dossier.Fuzz;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Tests.Text;

/// <summary>Every pathological input in fuzz/cases, in time: files the reader takes go through the reader, the cleaner and the
/// segmenter (a result or a coded error); cases the fuzz harness wrote for its other targets (the time grammar, the cleaner
/// with metadata, the whole extractor, CSV) are replayed through that target with all its oracles.</summary>
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
        // hidden files (the harness's journal) are not cases, as the reader skips them in a folder
        foreach (var f in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            if (!Path.GetFileName(f).StartsWith('.')) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void SurvivesCase(string name)
    {
        var path = Path.Combine(SharedData.RepoRoot, "fuzz", "cases", name);
        if (CaseFile.TryLoad(path) is { } harnessCase) { Replay(name, harnessCase); return; }
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

    // The case's own target, as the harness ran it when it found the case: an exception or a broken invariant fails.
    private void Replay(string name, CaseFile.Case c)
    {
        var target = Targets.Named(c.Target);
        Assert.True(target is not null, $"{name} names an unknown target '{c.Target}'");
        var sw = Stopwatch.StartNew();
        var run = Task.Run(() => target!.Execute(c.Input));
        Assert.True(run.Wait(TimeSpan.FromSeconds(MaxSecondsPerCase)), $"{name} took longer than {MaxSecondsPerCase} s");
        output.WriteLine($"{name}: {c.Target}, {c.Input}, {sw.ElapsedMilliseconds} ms");
    }
}
