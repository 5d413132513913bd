using System.Diagnostics;
using System.Text;
using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Text;

namespace Dossier.Tests.Text;

/// <summary>The defects an attack run found in reading, cleaning and segmenting (issue 12), one test each: a hostile or
/// careless item costs itself at most, with a coded error or warning, and never the batch.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-hostile-").FullName;
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static List<InputItem> Read(string name, string text, ReadOptions? o = null) =>
        ArticleReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, o ?? new ReadOptions()).ToList();

    // Defect 2: a JSON line with a lone surrogate escape threw InvalidOperationException out of the reader (exit 134).
    [Fact]
    public void ALoneSurrogateInAJsonLineIsReplacedAndReported()
    {
        var items = Read("batch.jsonl", """
            {"id":"g1","title":"Good one","text":"The mayor opened the new bridge on Monday."}
            {"id":"lone","title":"x \ud800 y","text":"Rain fell in Leeds \udc00 all week."}
            {"id":"g2","title":"Good two","text":"The council approved the budget on Tuesday."}
            """);
        Assert.Equal(["g1", "lone", "g2"], items.Select(i => i.Article!.Id));
        var lone = items[1].Article!;
        Assert.Equal("x \uFFFD y", lone.Title);
        Assert.Equal("Rain fell in Leeds \uFFFD all week.", lone.Body);
        Assert.Equal(["DSR124", "DSR124"], lone.Warnings.Select(w => w.Code));
        Assert.Contains("field 'title'", lone.Warnings[1].Message + lone.Warnings[0].Message);
        var doc = ArticleCleaner.Clean(lone).Document!;
        Assert.Equal(2, doc.Warnings.Count);
        // A pair written as two escapes is one character, not two lone halves.
        var pair = Read("pair.jsonl", """{"text":"An emoji \ud83d\ude00 here."}""");
        Assert.Equal("An emoji \U0001F600 here.", pair[0].Article!.Body);
        Assert.Empty(pair[0].Article!.Warnings);
    }

    [Theory]
    [InlineData("\"a\\ud800b\"", "a\uFFFDb", 1)]
    [InlineData("\"\\udc00\\ud800\"", "\uFFFD\uFFFD", 2)]
    [InlineData("\"\\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\"", "\U0001F600 \"q\" \\ / \n", 0)]
    public void LenientUnescapeKeepsPairsAndReplacesHalves(string literal, string text, int lone) =>
        Assert.Equal((text, lone), ArticleReader.UnescapeLenient(literal));

    [Fact]
    public void LoneSurrogatesInTextBecomeReplacementCharactersOneForOne()
    {
        var s = "a\uD800b \U0001F600 c\uDC00";
        var n = TextNormalizer.Normalize(s);
        Assert.Equal("a\uFFFDb \U0001F600 c\uFFFD", n);
        Assert.Equal(s.Length, n.Length);
        Assert.Equal(n, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(n)));
    }

    // Defect 9: U+202E stayed in titles; bad "published" values were dropped silently.
    [Fact]
    public void TitlesLoseBidiOverridesAndControlsAndAreBounded()
    {
        var raw = new RawArticle { Source = "t", Body = "Text of the story.", Title = "Fake\u202E txt.exe \u200B title\t\n here", Byline = "By  Ann\u0007 Lee" };
        var doc = ArticleCleaner.Clean(raw).Document!;
        Assert.Equal(("Fake txt.exe title here", "Ann Lee"), (doc.Title, doc.Byline));
        var longTitle = string.Join(' ', Enumerable.Repeat("word", 2000));
        var cut = ArticleCleaner.Clean(raw with { Title = longTitle }).Document!.Title!;
        Assert.True(cut.Length <= Limits.MaxFieldChars);
        Assert.EndsWith("word…", cut);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("99999")]
    [InlineData("2025-13-45")]
    public void AnUnreadablePublicationDateIsAWarningAndTheArticleIsUndated(string published)
    {
        var doc = ArticleCleaner.Clean(new RawArticle { Source = "t", Body = "Text of the story.", Published = published }).Document!;
        Assert.Null(doc.Published);
        var w = Assert.Single(doc.Warnings);
        Assert.Equal("DSR123", w.Code);
        Assert.Contains(published, w.Message);
    }

    [Fact]
    public void AJsonNumberInADateFieldIsUnixTimeWhenPlausible()
    {
        var items = Read("d.jsonl", """
            {"text":"One.","published":1739318400}
            {"text":"Two.","published":1739318400000}
            {"text":"Three.","published":99999}
            """);
        Assert.Equal(["2025-02-12T00:00:00Z", "2025-02-12T00:00:00Z", "99999"], items.Select(i => i.Article!.Published));
        Assert.Equal(new DateOnly(2025, 2, 12), ArticleCleaner.Clean(items[0].Article!).Document!.Published);
        Assert.Equal("DSR123", Assert.Single(ArticleCleaner.Clean(items[2].Article!).Document!.Warnings).Code);
    }

    // Defect 9: invalid UTF-8 was decoded silently.
    [Fact]
    public void BrokenUtf8IsReadWithAWarningAboutTheFile()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The minister’s café said the talks would go on. ", 100))).ToList();
        bytes.Insert(500, 0xC3); // a lead byte with no continuation, in text that is otherwise UTF-8
        var items = ArticleReader.ReadStream(new MemoryStream(bytes.ToArray()), "broken.txt", new ReadOptions()).ToList();
        Assert.Equal(2, items.Count);
        Assert.True(items[0].IsWarning);
        Assert.Equal("broken.txt: warning: 1 invalid UTF-8 sequence(s) replaced with U+FFFD (first at byte 500) (DSR122)", items[0].Error!.ToString());
        Assert.Contains('\uFFFD', items[1].Article!.Body);
    }

    // Defect 3: the size of one article is bounded before any work is spent on it.
    [Fact]
    public void AnArticlePastTheTextLimitIsRefusedByCode()
    {
        var body = string.Concat(Enumerable.Repeat("Officials met again. ", Limits.MaxTextChars / 20 + 10));
        var r = ArticleCleaner.Clean(new RawArticle { Source = "big", Body = body });
        Assert.Null(r.Document);
        Assert.Equal("DSR126", r.Error!.Value.Code);
        var huge = Read("huge.jsonl", "{\"text\":\"" + new string('a', Limits.MaxRawChars + 1) + "\"}", new ReadOptions { MaxBytes = long.MaxValue });
        Assert.Equal("DSR125", Assert.Single(huge).Error!.Error.Code);
    }

    // Defect 1: a text without sentence ends was one "sentence" of 40,000 tokens.
    [Fact]
    public void LongRunsWithoutFullStopsAreCutIntoBoundedChunks()
    {
        var r = new Random(3);
        string[] words = ["the", "minister", "said", "that", "troops", "attacked", "Moscow", "and", "officials", "met", ",", "while", "Putin"];
        var text = string.Join(' ', Enumerable.Range(0, 40_000).Select(_ => words[r.Next(words.Length)])) + ". A short one follows.";
        var doc = new Document(text);
        new Segmenter().Process(doc);
        Assert.True(doc.Sentences.Length > 40_000 / Limits.MaxSentenceTokens);
        int next = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.InRange(s.TokenCount, 1, Limits.MaxSentenceTokens);
            Assert.True(s.End - s.Start <= Limits.MaxSentenceChars);
            next = s.TokenEnd;
        }
        Assert.Equal(doc.Tokens.Length, next);
        // Cuts fall after clause punctuation where there is some, and only real sentences start with SentenceStart.
        var chunks = doc.Sentences.Skip(1).SkipLast(2).ToList();
        Assert.All(chunks, s => Assert.True(doc.Tokens[s.FirstToken].Has(TokenFlags.ChunkStart)));
        Assert.True(chunks.Count(s => doc.Text[doc.Tokens[s.FirstToken - 1].Start] == ',') > chunks.Count * 9 / 10);
        Assert.True(doc.Tokens[doc.Sentences[^1].FirstToken].Has(TokenFlags.SentenceStart));
        Assert.False(doc.Tokens[chunks[0].FirstToken].Has(TokenFlags.SentenceStart));
        // Ordinary sentences are untouched.
        var plain = new Document("The council met. It agreed the budget.");
        new Segmenter().Process(plain);
        Assert.Equal(2, plain.Sentences.Length);
    }

    [Fact]
    public void OneTokenLongerThanTheCharLimitIsAChunkOfItsOwn()
    {
        var doc = new Document("start " + new string('x', Limits.MaxSentenceChars * 3) + " end");
        new Segmenter().Process(doc);
        Assert.Equal(3, doc.Sentences.Length);
        Assert.Equal(1, doc.Sentences[1].TokenCount);
    }

    private sealed class Spin : IComponent
    {
        public ComponentInfo Info { get; } = new("spin", "0", [], [Layers.Tokens]);
        public void Process(Document doc)
        {
            // A component that checks its budget as the real ones do, per unit of work, and never ends otherwise.
            while (true) { doc.CheckBudget("spin"); Thread.SpinWait(1000); }
        }
    }

    // Defect 3: no limit on extraction time per article.
    [Fact]
    public void ExtractionPastItsTimeBudgetIsATooComplexError()
    {
        var extractor = new Extractor(new PipelineBuilder().Configure("segment").Add(new Spin()).Build()) { Budget = TimeSpan.FromMilliseconds(200) };
        var sw = Stopwatch.StartNew();
        var r = extractor.Extract(new RawArticle { Source = "slow", Body = "The council met on Monday." });
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), "the budget stops the work");
        Assert.Null(r.Document);
        Assert.Equal("DSR205", r.Error!.Value.Code);
        Assert.Contains("'spin'", r.Error.Value.Message);
    }

    // Defect 5: folder reading followed directory links forever and hung on FIFOs.
    [Fact]
    public void FolderLinksAreNotFollowedUnlessAskedAndLoopsEnd()
    {
        if (!OperatingSystem.IsLinux()) return;
        var root = Path.Combine(_dir, "news");
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        File.WriteAllText(Path.Combine(root, "a.txt"), "The council met on Monday.");
        File.WriteAllText(Path.Combine(root, "sub", "b.txt"), "The mayor resigned on Tuesday.");
        foreach (var name in new[] { "x", "y", "z" }) Directory.CreateSymbolicLink(Path.Combine(root, name), ".");
        Directory.CreateSymbolicLink(Path.Combine(root, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(root, "sub", "same.txt"), Path.Combine(root, "a.txt"));
        File.CreateSymbolicLink(Path.Combine(root, "dangling.txt"), Path.Combine(root, "gone.txt"));

        var items = ArticleReader.Read([root], new ReadOptions()).ToList();
        var read = items.Where(i => i.Article is not null).Select(i => Path.GetRelativePath(root, i.Article!.Source)).ToList();
        Assert.Equal(["a.txt", "sub/b.txt"], read);
        var notes = items.Where(i => i.Error is not null).Select(i => (Path.GetRelativePath(root, i.Error!.Source), i.Error.Error.Code, i.IsWarning)).ToList();
        Assert.Equal([("dangling.txt", "DSR110", false), ("sub/same.txt", "DSR130", true), ("sub/up", "DSR129", true),
            ("x", "DSR129", true), ("y", "DSR129", true), ("z", "DSR129", true)], notes);

        // Asked to follow: each folder is still read once, whatever the loops.
        var followed = ArticleReader.Read([root], new ReadOptions { FollowLinks = true }).ToList();
        Assert.Equal(2, followed.Count(i => i.Article is not null));
        Assert.All(followed.Where(i => i.Error is { Warning: true }), i => Assert.Equal("DSR130", i.Error!.Error.Code));
    }

    [Fact]
    public void AFifoIsReportedAndSkippedNotOpened()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo")) return;
        var root = Path.Combine(_dir, "in");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "a.txt"), "The council met on Monday.");
        var fifo = Path.Combine(root, "pipe.txt");
        using (var p = Process.Start("/usr/bin/mkfifo", [fifo])) p.WaitForExit();
        var task = Task.Run(() => ArticleReader.Read([root, fifo], new ReadOptions()).ToList());
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "reading a FIFO with no writer must not block");
        var items = task.Result;
        Assert.Single(items, i => i.Article is not null);
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!.ToString()).ToList();
        Assert.Equal([$"{fifo}: not a regular file (a FIFO): skipped (DSR127)", $"{fifo}: not a regular file (a FIFO): skipped (DSR127)"], errors);
    }

    [Fact]
    public void AReaderExceptionCostsItsPathNotTheBatch()
    {
        static IEnumerable<InputItem> Broken()
        {
            yield return InputItem.Ok(new RawArticle { Source = "p", Body = "one" });
            throw new InvalidOperationException("reader bug");
        }
        var items = ArticleReader.Guarded(Broken(), "p").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("p: cannot read: InvalidOperationException: reader bug (DSR112)", items[1].Error!.ToString());
    }
}
