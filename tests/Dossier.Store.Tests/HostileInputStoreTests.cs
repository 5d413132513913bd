using Dossier.Pipeline;
using Dossier.Store.Ingest;
using Dossier.Store.Sqlite;
using Dossier.Text;
using Microsoft.Data.Sqlite;

namespace Dossier.Tests;

/// <summary>The store's part of the attack run (issue 12): storage bounded by the input, batches that survive bad items,
/// searches that cannot pin the CPU.</summary>
public sealed class HostileInputStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    // ~200 KB of ordinary words with no sentence end: the shape of the input that grew the store to 857 MB.
    private static string Unpunctuated(int chars, int seed = 1)
    {
        var r = new Random(seed);
        string[] words = ["the", "minister", "said", "that", "troops", "attacked", "the", "village", "and", "officials", "met", "leaders",
            "in", "Moscow", "while", "Russia", "accused", "Ukraine", "of", "shelling", "Putin", "NATO", "Erdogan", "Biden"];
        var sb = new System.Text.StringBuilder("date 2025-02-12\n\n");
        while (sb.Length < chars) sb.Append(words[r.Next(words.Length)]).Append(' ');
        return sb.ToString();
    }

    // Defect 1: every event stored a copy of its sentence, and one sentence was the whole text.
    [Fact]
    public void StorageGrowsWithTheInputNotItsSquare()
    {
        var file = _dir.File("flat.txt");
        File.WriteAllText(file, Unpunctuated(200_000));
        var db = _dir.File("flat.db");
        IngestSummary sum;
        using (var s = SqliteStore.Open(db)) sum = Ingestion.Run(s, [file], new IngestOptions(), e => Assert.Fail(e.ToString()));
        Assert.Equal(1, sum.Stored);
        Assert.True(sum.Events > 100, $"the text yields events ({sum.Events})");
        long bytes = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
        Assert.True(bytes < 20L * 1024 * 1024, $"store is {bytes:N0} bytes for 200 KB of text");
        // Evidence is sliced from the article by offsets: a bounded chunk, never the whole text.
        using var store = SqliteStore.Open(db);
        var events = store.Timeline(new Store.TimelineFilter { Limit = 50, Undated = true });
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.InRange(e.Evidence.Length, 1, Limits.MaxSentenceChars));
        Assert.All(events, e => Assert.Contains(e.Trigger, e.Evidence));
    }

    // Offsets are UTF-16 indices; the migration of an older store must find the sentence even after an emoji.
    [Fact]
    public void Migration003TurnsStoredSentencesIntoOffsets()
    {
        var db = _dir.File("v2.db");
        const string text = "Fans cheered 🎉 loudly. Then Russia accused Ukraine of shelling the port. Talks went on.";
        int trigger = text.IndexOf("accused", StringComparison.Ordinal), sentence = text.IndexOf("Then", StringComparison.Ordinal);
        using (var c = new SqliteConnection($"Data Source={db}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);";
            foreach (var m in Migrator.All.Where(m => m.Version <= 2))
                cmd.CommandText += m.Sql + $"; INSERT INTO schema_version VALUES ({m.Version}, '{m.Name}', 'x');";
            cmd.ExecuteNonQuery();
            cmd.CommandText = $"""
                INSERT INTO articles (id, content_hash, title, published, text, words, pipeline, contract, ingested)
                VALUES (1, 'h', 'T', '2025-02-12', $text, 14, 'p', '{"{}"}', 'x');
                INSERT INTO actors (id, name, type) VALUES (1, 'Russia', 'GPE'), (2, 'Ukraine', 'GPE');
                INSERT INTO events (id, article_id, start, "end", text, sentence, trigger, cameo, goldstein, date, date_sort, certainty)
                VALUES (1, 1, {trigger - 7}, {trigger + 15}, 'Russia accused Ukraine', $sentence, 'accused', '112', -2, '2025-02-12', '2025-02-12', 'asserted');
                INSERT INTO event_actors VALUES (1, 1, 'source'), (1, 2, 'target');
                INSERT INTO quotes (article_id, start, "end", text, kind) VALUES (1, 0, 4, 'Fans', 'direct');
                """;
            cmd.Parameters.AddWithValue("$text", text);
            cmd.Parameters.AddWithValue("$sentence", "Then Russia accused Ukraine of shelling the port.");
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        using var s = SqliteStore.Open(db);
        var e = Assert.Single(s.Timeline(new Store.TimelineFilter { Limit = 10 }));
        Assert.Equal("Then Russia accused Ukraine of shelling the port.", e.Evidence);
        Assert.Equal(sentence, text.IndexOf(e.Evidence, StringComparison.Ordinal));
    }

    // Defect 2 through the store: one lone surrogate used to end the batch with nothing stored.
    [Fact]
    public void ABatchWithALoneSurrogateStoresEveryItemAndReportsTheWarning()
    {
        var file = _dir.File("batch.jsonl");
        File.WriteAllText(file, """
            {"id":"g1","title":"Good one","text":"The mayor of Leeds opened the new bridge on Monday."}
            {"id":"lone","title":"x \ud800 y","text":"Rain fell across Leeds all week, the council said."}
            {"id":"g2","title":"Good two","text":"The council approved the budget on Tuesday."}
            """);
        var reports = new List<ItemError>();
        var stored = new List<ItemStored>();
        using var s = SqliteStore.Open(_dir.File("b.db"));
        var sum = Ingestion.Run(s, [file], new IngestOptions(), reports.Add, onStored: stored.Add);
        Assert.Equal((3, 0, 1), (sum.Stored, sum.Failed, sum.Warnings));
        Assert.Equal([(1, "g1"), (2, "lone"), (3, "g2")], stored.Select(x => (x.Line!.Value, x.Id!)));
        var w = Assert.Single(reports);
        Assert.True(w.Warning);
        Assert.Equal($"{file}:2: warning: field 'title' holds 1 unpaired surrogate escape(s) (\\uD800-\\uDFFF alone), replaced with U+FFFD (DSR124)", w.ToString());
        Assert.Contains(s.Articles(0, 10), a => a.Title == "x \uFFFD y");
    }

    private sealed class Spin : IComponent
    {
        public ComponentInfo Info { get; } = new("spin", "0", [], [Documents.Layers.Tokens]);
        public void Process(Documents.Document doc)
        {
            if (!doc.Text.Contains("slow", StringComparison.Ordinal)) return;
            while (true) { doc.CheckBudget("spin"); Thread.SpinWait(1000); }
        }
    }

    // Defect 3: one article without end held the ordered writer, and nothing beside it was stored.
    [Fact]
    public void AnArticleOverItsBudgetIsReportedAndTheOthersAreStored()
    {
        var items = new[] { "The mayor opened the bridge.", "This one is slow to extract.", "The council met on Tuesday." }
            .Select((t, i) => InputItem.Ok(new RawArticle { Source = "mem", Line = i + 1, Body = t }));
        var extractor = new Extractor(new PipelineBuilder().Configure("segment").Add(new Spin()).Build()) { Budget = TimeSpan.FromMilliseconds(300) };
        var errors = new List<ItemError>();
        using var s = SqliteStore.Open(_dir.File("t.db"));
        var sum = Ingestion.Run(s, items, new IngestOptions { Extractor = extractor, Workers = 2 }, errors.Add);
        Assert.Equal((2, 1), (sum.Stored, sum.Failed));
        Assert.StartsWith("mem:2: extraction stopped after 0.3 s in 'spin'", Assert.Single(errors).ToString());
        Assert.Equal(2, s.Stats().Articles);
    }

    [Fact]
    public void AnArticlePastTheSizeLimitIsRefusedBesideAGoodOne()
    {
        var big = _dir.File("big.txt");
        File.WriteAllText(big, string.Concat(Enumerable.Repeat("Officials met again on Monday. ", Limits.MaxTextChars / 30 + 100)));
        var good = _dir.File("good.txt");
        File.WriteAllText(good, "The council approved the budget on Tuesday.");
        var errors = new List<ItemError>();
        using var s = SqliteStore.Open(_dir.File("s.db"));
        var sum = Ingestion.Run(s, [big, good], new IngestOptions(), errors.Add);
        Assert.Equal((1, 1), (sum.Stored, sum.Failed));
        Assert.Equal("DSR126", Assert.Single(errors).Error.Code);
    }

    // Defect 4: an 80-term prefix search took 16 s (snippet() cost grows with the square of the terms).
    [Fact]
    public void SearchTermsAreDeduplicatedCappedAndTimed()
    {
        using var s = SqliteStore.Open(_dir.File("q.db"));
        var items = Enumerable.Range(0, 200).Select(i => InputItem.Ok(new RawArticle { Source = "mem", Line = i + 1, Body = Unpunctuated(3_000, i)[17..] + "." }));
        Ingestion.Run(s, items, new IngestOptions { Extractor = new Extractor(DocumentPipeline.FromConfig("segment")) }, e => Assert.Fail(e.ToString()));
        var repeated = string.Join(" OR ", Enumerable.Repeat("mos* OR min*", 40));
        Assert.NotEmpty(s.Search(repeated));
        Assert.Equal(s.Search("mos* OR min*").Select(h => h.ArticleId), s.Search(repeated).Select(h => h.ArticleId));
        var tooMany = string.Join(" OR ", Enumerable.Range(0, Limits.MaxSearchTerms + 1).Select(i => "w" + i));
        Assert.Equal("DSR314", Assert.Throws<DossierException>(() => s.Search(tooMany)).Error.Code);
        Assert.Equal("DSR314", Assert.Throws<DossierException>(() => s.Search(new string('a', Limits.MaxSearchChars + 1))).Error.Code);
        s.SearchTimeoutMs = 0;
        Assert.Equal("DSR315", Assert.Throws<DossierException>(() => s.Search("m* OR t* OR a* OR s*")).Error.Code);
        // The limit belongs to the search: the same connection answers other queries afterwards.
        Assert.Equal(200, s.Stats().Articles);
        s.SearchTimeoutMs = Limits.SearchTimeoutMs;
        Assert.NotEmpty(s.Search("moscow"));
    }
}
