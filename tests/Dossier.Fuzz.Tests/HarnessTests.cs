using System.Collections.Immutable;
using System.Text;
using Dossier.Documents;

namespace Dossier.Fuzz.Tests;

/// <summary>A target with planted bugs: the harness must find each, shrink it to its trigger, keep and reload it.</summary>
internal sealed class PlantedTarget : Target
{
    public const string Crash = "boom", Hang = "zzz";
    /// <summary>How long the planted hang sleeps (the test's hang limit is far below it).</summary>
    public static readonly TimeSpan HangFor = TimeSpan.FromSeconds(3);
    public override string Name => "planted";
    public override FuzzInput WarmUp => new TextInput("calm");

    public override FuzzInput Generate(Rng rng, Corpus corpus, int maxLength)
    {
        var sb = new StringBuilder();
        int n = rng.Between(1, 40);
        for (int i = 0; i < n; i++) sb.Append(rng.Pick(["the ", "minister ", "said ", "12 ", "\n"]));
        // now and then the triggers, inside other text so that there is something to shrink
        if (rng.Chance(0.05)) sb.Insert(rng.Below(sb.Length + 1), Crash);
        if (rng.Chance(0.01)) sb.Insert(rng.Below(sb.Length + 1), Hang);
        return new TextInput(sb.ToString()).With("published", "2025-02-12").With("note", "irrelevant");
    }

    public override void Execute(FuzzInput input)
    {
        var t = ((TextInput)input).Text;
        if (t.Contains(Crash)) throw new InvalidOperationException("planted crash");
        if (t.Contains(Hang)) Thread.Sleep(HangFor);
    }
}

public sealed class HarnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-fuzz-").FullName;
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    [Fact]
    public void FindsMinimisesKeepsAndReloadsPlantedFailures()
    {
        var options = new FuzzOptions
        {
            Seed = 7, Iterations = 400, Targets = [new PlantedTarget()], HangLimit = TimeSpan.FromMilliseconds(300), OutDir = _dir,
            MinimiseBudget = TimeSpan.FromSeconds(20),
        };
        var report = new Fuzzer(options).Run();
        var crash = Assert.Single(report.Findings, f => f.Signature.StartsWith("planted: InvalidOperationException", StringComparison.Ordinal));
        var hang = Assert.Single(report.Findings, f => f.Signature == "planted: hang");
        Assert.Equal(2, report.Findings.Count);
        Assert.True(crash.Count > 1, "later inputs with the same failure are counted, not kept again");
        // shrunk to the trigger alone, metadata dropped
        var small = Assert.IsType<TextInput>(crash.Input);
        Assert.Equal(PlantedTarget.Crash, small.Text);
        Assert.Empty(small.Fields);
        Assert.True(crash.OriginalLength > small.Text.Length);
        // kept, named after the failure, and read back as the same input for the same target
        var back = CaseFile.TryLoad(crash.CasePath!);
        Assert.NotNull(back);
        Assert.Equal("planted", back!.Target);
        Assert.Equal(PlantedTarget.Crash, ((TextInput)back.Input).Text);
        Assert.StartsWith("planted-invalidoperation", Path.GetFileName(crash.CasePath));
        Assert.True(File.Exists(hang.CasePath));
        // the same iteration regenerates the same input
        Assert.Equal(((TextInput)new Fuzzer(options).InputOf(crash.Iteration)).Text.Contains(PlantedTarget.Crash), true);
        Assert.Contains("--seed 7 --targets planted --iteration", crash.Repro);
        Assert.Contains("FINDING planted: hang", report.Summary(options, detailed: true));
    }

    [Fact]
    public void ASecondRunDoesNotKeepAKnownFindingAgain()
    {
        var options = new FuzzOptions { Seed = 3, Iterations = 200, Targets = [new PlantedTarget()], HangLimit = TimeSpan.FromSeconds(5), OutDir = _dir };
        new Fuzzer(options).Run();
        int files = Directory.GetFiles(_dir).Count(f => !Path.GetFileName(f).StartsWith('.'));
        var again = new Fuzzer(options with { Seed = 4 }).Run();
        Assert.Contains(again.Findings, f => f.AlreadyKept);
        Assert.Equal(files, Directory.GetFiles(_dir).Count(f => !Path.GetFileName(f).StartsWith('.')));
    }

    [Fact]
    public void InputsDependOnlyOnSeedAndIteration()
    {
        var o = new FuzzOptions { Seed = 11, Iterations = 1 };
        var a = new Fuzzer(o);
        var b = new Fuzzer(o);
        for (long i = 0; i < 60; i++)
        {
            Assert.Equal(a.TargetOf(i).Name, b.TargetOf(i).Name);
            Assert.Equal(Describe(a.InputOf(i)), Describe(b.InputOf(i)));
        }
        Assert.NotEqual(Describe(a.InputOf(0)), Describe(new Fuzzer(o with { Seed = 12 }).InputOf(0)));
        // every target gets its share of the iterations
        Assert.Equal(Targets.All.Select(t => t.Name).Order(), Enumerable.Range(0, 60).Select(i => a.TargetOf(i).Name).Distinct().Order());
    }

    private static string Describe(FuzzInput i) => i switch
    {
        BytesInput b => $"{b.Name} {b.Gzip} {Convert.ToBase64String(b.Data)}",
        TextInput t => CaseFile.Format("x", t),
        _ => throw new ArgumentException(i.GetType().Name),
    };

    [Fact]
    public void InputsStayWithinTheirLimit()
    {
        var o = new FuzzOptions { Seed = 5, Iterations = 1, MaxInput = 2000, Corpus = Corpus.Load(Dossier.Testing.SharedData.RepoRoot) };
        var f = new Fuzzer(o);
        for (long i = 0; i < 300; i++)
        {
            var t = f.TargetOf(i);
            Assert.InRange(f.InputOf(i).Length, 0, t.MaxLength(o.MaxInput));
        }
    }

    [Fact]
    public void CaseFilesKeepAnyString()
    {
        var text = "a\\b \\u0041 \uD800 lone \uDC00 pair 😀 nul \0 cr \r tab \t\nline\u007f end\\";
        var t = new TextInput(text, ImmutableSortedDictionary<string, string>.Empty.Add("published", "9999-12-31").Add("title", "two\nlines \uDBFF"));
        var parsed = CaseFile.Parse(Encoding.UTF8.GetBytes(CaseFile.Format("timex", t)))!;
        Assert.Equal("timex", parsed.Target);
        var back = (TextInput)parsed.Input;
        Assert.Equal(text, back.Text);
        Assert.Equal(t.Fields, back.Fields);
        // the file is valid UTF-8 (lone surrogates are escaped, not written)
        Assert.True(System.Text.Unicode.Utf8.IsValid(Encoding.UTF8.GetBytes(CaseFile.Format("timex", t))));
        // large cases are compressed and still read back
        var big = new TextInput(new string('x', CaseFile.GzipAbove * 2) + "\uD800");
        var path = CaseFile.Save(_dir, "big", "segment", big);
        Assert.EndsWith(".segment.txt.gz", path);
        Assert.Equal(big.Text, ((TextInput)CaseFile.TryLoad(path)!.Input).Text);
        // a reader input is kept as the file itself, named by its format
        var raw = CaseFile.Save(_dir, "raw", "read", new BytesInput("input.jsonl", [0x7B, 0x7D]));
        Assert.EndsWith("raw.jsonl", raw);
        Assert.Null(CaseFile.TryLoad(raw));
    }

    [Fact]
    public void MutationsAreDeterministicAndBounded()
    {
        for (int s = 0; s < 200; s++)
        {
            var a = new List<char>("The minister said on Monday 12 talks".ToCharArray());
            var b = new List<char>(a);
            Mutator.Mutate(a, CharSymbols.Instance, new Rng((ulong)s), 500, () => "other input".ToCharArray());
            Mutator.Mutate(b, CharSymbols.Instance, new Rng((ulong)s), 500, () => "other input".ToCharArray());
            Assert.Equal(a, b);
            Assert.InRange(a.Count, 0, 500);
        }
    }

    [Fact]
    public void OraclesRejectBrokenInvariants()
    {
        var doc = new Document("ab cd") { Tokens = [new Token(3, 5, TokenKind.Word, 0), new Token(0, 2, TokenKind.Word, 0)] };
        Assert.Contains("token out of order", Assert.Throws<FuzzFailure>(() => Oracles.Segmented(doc)).Kind);
        doc.Tokens = [new Token(0, 2, TokenKind.Word, TokenFlags.SentenceStart), new Token(3, 5, TokenKind.Word, 0)];
        doc.Sentences = [new Sentence(0, 2, 0, 1)];
        Assert.Contains("cover the tokens", Assert.Throws<FuzzFailure>(() => Oracles.Segmented(doc)).Kind);
        doc.Sentences = [new Sentence(0, 5, 0, 2)];
        Oracles.Segmented(doc);
        doc.Timexes.Add(new Timex { Start = 3, End = 5, Value = "10000-01", By = "timex@1.0" });
        Assert.Equal("timex year not four digits", Assert.Throws<FuzzFailure>(() => Oracles.Timexes(doc)).Kind);
        Assert.Equal("malformed error code", Assert.Throws<FuzzFailure>(() => Oracles.Error(new DossierError("DSR12", "x"))).Kind);
        Oracles.Error(new DossierError("DSR204", "x"));
    }

    [Fact]
    public void ACrashACleanerCatchesIsAFindingWithItsPlace()
    {
        // DSR204 is how the cleaner and the extractor report an exception they caught: the oracle re-runs the call with
        // first-chance recording and names the method that threw.
        var e = Assert.Throws<FuzzFailure>(() => Oracles.Result(
            new Text.CleanResult(null, Errors.ExtractionFailed("clean", "IndexOutOfRangeException: planted")),
            () => { var one = new int[1]; _ = one[int.Parse("2")]; return default; }));
        Assert.Equal("DSR204 IndexOutOfRangeException", e.Kind);
        Assert.Contains("ACrashACleanerCatchesIsAFindingWithItsPlace", e.InnerStack);
    }

    [Fact]
    public void TheWatchdogGivesUpOnAHungInputAndGoesOn()
    {
        using var wd = new Watchdog();
        var hung = wd.Run(() => Thread.Sleep(2000), TimeSpan.FromMilliseconds(100));
        Assert.True(hung.Hung);
        Assert.Equal(1, wd.Abandoned);
        var next = wd.Run(() => throw new FormatException("x"), TimeSpan.FromSeconds(5));
        Assert.IsType<FormatException>(next.Error);
        Assert.False(wd.Run(() => { }, TimeSpan.FromSeconds(5)).Failed);
    }
}
