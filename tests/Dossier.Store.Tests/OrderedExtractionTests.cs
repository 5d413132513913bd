using Dossier.Store.Ingest;
using Dossier.Text;

namespace Dossier.Tests;

/// <summary>The ordered pipeline that feeds extract and ingest: input order kept, look-ahead bounded, early stop clean.</summary>
public sealed class OrderedExtractionTests
{
    private static IEnumerable<InputItem> Items(int n, Action<int>? onRead = null)
    {
        for (int i = 0; i < n; i++)
        {
            onRead?.Invoke(i);
            yield return InputItem.Ok(new RawArticle { Source = "s", Line = i, Body = "x" });
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void ResultsComeInInputOrderWhateverTheWorkTakes(int workers)
    {
        // Early items take longest, so later ones finish first and must wait their turn.
        var seen = OrderedExtraction.Run(Items(300), item =>
        {
            int line = item.Article!.Line!.Value;
            if (line % 7 == 0) Thread.Sleep(3);
            return line;
        }, workers).ToList();
        Assert.Equal(Enumerable.Range(0, 300), seen);
    }

    [Fact]
    public void ReadingNeverRunsMoreThanTheWindowAheadOfASlowConsumer()
    {
        const int workers = 2;
        int read = 0, consumed = 0, worst = 0;
        foreach (var _ in OrderedExtraction.Run(Items(200, _ => Interlocked.Increment(ref read)), item => item, workers))
        {
            consumed++;
            Thread.Sleep(1);   // the single writer of ingest, slower than extraction
            worst = Math.Max(worst, Volatile.Read(ref read) - consumed);
        }
        Assert.Equal(200, consumed);
        Assert.InRange(worst, 1, workers * OrderedExtraction.ItemsAheadPerWorker);
    }

    [Fact]
    public void AConsumerThatStopsEarlyStopsTheReadingAndTheWorkers()
    {
        int read = 0, processed = 0;
        var first = OrderedExtraction.Run(Items(100_000, _ => Interlocked.Increment(ref read)), item =>
        {
            Interlocked.Increment(ref processed);
            return item;
        }, 3).Take(5).ToList();
        Assert.Equal(5, first.Count);
        int afterStop = Volatile.Read(ref processed);
        Thread.Sleep(50);
        Assert.Equal(afterStop, Volatile.Read(ref processed));   // the threads are gone, not still working
        Assert.InRange(read, 5, 5 + 3 * OrderedExtraction.ItemsAheadPerWorker);
    }

    [Fact]
    public void AReaderFailureReachesTheConsumerAfterTheItemsReadBeforeIt()
    {
        IEnumerable<InputItem> Failing()
        {
            foreach (var i in Items(3)) yield return i;
            throw new IOException("disk gone");
        }
        var got = new List<int>();
        var x = Assert.Throws<IOException>(() =>
        {
            foreach (var line in OrderedExtraction.Run(Failing(), item => item.Article!.Line!.Value, 2)) got.Add(line);
        });
        Assert.Equal("disk gone", x.Message);
        Assert.Equal([0, 1, 2], got);
    }

    [Fact]
    public void CancellationEndsTheRun()
    {
        using var cancel = new CancellationTokenSource();
        int n = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in OrderedExtraction.Run(Items(100_000), item => item, 2, cancel.Token))
                if (++n == 10) cancel.Cancel();
        });
        Assert.Equal(10, n);
    }
}
