using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Text;

namespace Dossier.Tests;

public abstract class IngestionTests<TEngine> : StoreSuite<TEngine> where TEngine : TestEngine, new()
{
    [Fact]
    public void BadItemsAreReportedAndTheBatchGoesOn()
    {
        var inputs = Path.Combine(Folder, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "The council met on Monday in Leeds to discuss the budget.");
        File.WriteAllText(Path.Combine(inputs, "b.txt"), "   \n  ");
        File.WriteAllText(Path.Combine(inputs, "c.txt"), "Rain fell across the north of England on Tuesday.");
        var errors = new List<ItemError>();
        using var s = Open("i.db");
        var sum = Ingestion.Run(s, [inputs, Path.Combine(Folder, "missing.txt")], new IngestOptions(), errors.Add);
        Assert.Equal((2, 0, 2, 4), (sum.Stored, sum.Duplicates, sum.Failed, sum.Items));
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.ToString().EndsWith("b.txt: empty input: no text to extract (DSR101)"));
        Assert.Contains(errors, e => e.ToString().EndsWith("missing.txt: no such file or folder (DSR110)"));
        Assert.Equal(2, s.Stats().Articles);
        Assert.True(sum.Words > 10);
    }

    [Fact]
    public void ResultsAreStoredInInputOrderAndDuplicatesCounted()
    {
        var items = Enumerable.Range(0, 60).Select(i => InputItem.Ok(new RawArticle
        {
            Source = "mem", Line = i + 1, Id = "doc-" + i, Body = $"Article number {i % 50} says the minister resigned on day {i % 50}.",
        })).ToList();
        using var s = Open("o.db");
        var sum = Ingestion.Run(s, items, new IngestOptions { Workers = 4 }, _ => Assert.Fail("no errors expected"));
        Assert.Equal((50, 10), (sum.Stored, sum.Duplicates));
        var ids = s.Contracts().Select(c => System.Text.Json.JsonDocument.Parse(c.Json).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "doc-" + i), ids);
    }

    [Fact]
    public void StoreFailuresAreItemErrorsAndLeaveTheRestStored()
    {
        var items = Enumerable.Range(0, 3).Select(i => InputItem.Ok(new RawArticle { Source = "mem", Line = i + 1, Body = $"Text number {i}." }));
        var errors = new List<ItemError>();
        using var s = Open("f.db");
        int n = 0;
        Engine.AfterStep(s, step => { if (step == "events" && ++n == 2) throw new DossierException(Errors.StoreWrite("simulated")); });
        var sum = Ingestion.Run(s, items, new IngestOptions { Workers = 2 }, errors.Add);
        Assert.Equal((2, 1), (sum.Stored, sum.Failed));
        Assert.Equal("mem:2: cannot store article: simulated (DSR302)", Assert.Single(errors).ToString());
        Assert.Equal(2, s.Stats().Articles);
    }

    [Fact]
    public void ArticlesAreAnnouncedOnlyOnceTheirBatchIsCommitted()
    {
        var items = Enumerable.Range(0, 10).Select(i => InputItem.Ok(new RawArticle
            { Source = "mem", Line = i + 1, Id = "b" + i, Body = $"Report {i}: the council met on day {i}." })).ToList();
        using var s = Open("b.db");
        using var reader = Open("b.db", create: false);
        var seen = new List<(int Line, long Visible)>();
        var sum = Ingestion.Run(s, items, new IngestOptions { Workers = 2, BatchArticles = 4 }, _ => Assert.Fail("no errors expected"),
            onStored: x => seen.Add((x.Line!.Value, reader.Stats().Articles)));
        Assert.Equal(10, sum.Stored);
        Assert.Equal(Enumerable.Range(1, 10), seen.Select(x => x.Line));
        // Announced in batches of four: each item is visible to another connection when it is announced.
        Assert.Equal([4, 4, 4, 4, 8, 8, 8, 8, 10, 10], seen.Select(x => x.Visible));
    }

    [Fact]
    public void ASlowSourceDoesNotKeepABatchOpen()
    {
        using var s = Open("slow.db");
        using var reader = Open("slow.db", create: false);
        long visibleDuringTheGap = -1;
        IEnumerable<InputItem> Slow()
        {
            for (int i = 0; i < 6; i++)
            {
                if (i == 3)
                {
                    // The source stalls (a feed, a pipe): what was stored before must not wait for the next article.
                    Thread.Sleep(1_500);
                    visibleDuringTheGap = reader.Stats().Articles;
                }
                yield return InputItem.Ok(new RawArticle { Source = "feed", Line = i + 1, Body = $"Bulletin {i}: the council met on day {i}." });
            }
        }
        var sum = Ingestion.Run(s, Slow(), new IngestOptions { Workers = 2, BatchTime = TimeSpan.FromMilliseconds(200) },
            _ => Assert.Fail("no errors expected"));
        Assert.Equal(6, sum.Stored);
        Assert.Equal(3, visibleDuringTheGap);
    }

    [Fact]
    public void AFailedCommitFailsEveryArticleOfItsBatchAndTheRunGoesOn()
    {
        var items = Enumerable.Range(0, 5).Select(i => InputItem.Ok(new RawArticle
            { Source = "mem", Line = i + 1, Body = $"Notice {i}: the council met on day {i}." })).ToList();
        using var inner = Open("c.db");
        var store = FirstCommitFails.Wrap(inner);
        var errors = new List<ItemError>();
        var stored = new List<int>();
        var sum = Ingestion.Run(store, items, new IngestOptions { Workers = 1, BatchArticles = 2 }, errors.Add, onStored: x => stored.Add(x.Line!.Value));
        Assert.Equal((3, 2, 5), (sum.Stored, sum.Failed, sum.Items));
        Assert.Equal(["mem:1: cannot store article: disk full (simulated) (DSR302)", "mem:2: cannot store article: disk full (simulated) (DSR302)"],
            errors.Select(e => e.ToString()));
        Assert.Equal([3, 4, 5], stored);
        Assert.Equal(3, inner.Stats().Articles);
        Assert.Equal(3, Ingestion.Run(inner, items, new IngestOptions { Workers = 1 }, errors.Add).Duplicates);  // the lost two come back
        Assert.Equal(5, inner.Stats().Articles);
    }

    // A store whose first group commit fails as a full disk would: the batch is rolled back whole.
    public class FirstCommitFails : System.Reflection.DispatchProxy
    {
        private IStore _inner = null!;
        private bool _failed;

        public static IStore Wrap(IStore inner)
        {
            var proxy = Create<IStore, FirstCommitFails>();
            ((FirstCommitFails)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            var result = method!.Invoke(_inner, args);
            if (method.Name != nameof(IStore.BeginBatch) || _failed) return result;
            _failed = true;
            return new Failing((IStoreBatch)result!);
        }

        private sealed class Failing(IStoreBatch inner) : IStoreBatch
        {
            public int Count => inner.Count;
            public void Commit() { inner.Dispose(); throw new DossierException(Errors.StoreWrite("disk full (simulated)")); }
            public void Dispose() => inner.Dispose();
        }
    }

    private sealed class Counting : Pipeline.IComponent
    {
        public int Calls;
        public Pipeline.ComponentInfo Info { get; } = new("count", "0", [], [Documents.Layers.Tokens]);
        public void Process(Documents.Document doc) => Interlocked.Increment(ref Calls);
    }

    [Fact]
    public void ReingestSkipsExtractionOfStoredTextsButStoresNewOnes()
    {
        var counter = new Counting();
        var extractor = new Extractor(new Pipeline.PipelineBuilder().Configure("segment").Add(counter).Build());
        var options = new IngestOptions { Extractor = extractor, Workers = 2 };
        List<InputItem> Items(int n) => Enumerable.Range(0, n).Select(i => InputItem.Ok(new RawArticle
            { Source = "mem", Line = i + 1, Id = "d" + i, Body = $"Story {i}: the council met on day {i}." })).ToList();
        using var s = Open("r.db");
        Ingestion.Run(s, Items(5), options, _ => Assert.Fail("no errors expected"));
        Assert.Equal(5, counter.Calls);
        var again = Ingestion.Run(s, Items(7), options, _ => Assert.Fail("no errors expected"));
        Assert.Equal((2, 5), (again.Stored, again.Duplicates));
        Assert.Equal(7, counter.Calls);
        Assert.Equal(7, s.Stats().Articles);
    }
}
