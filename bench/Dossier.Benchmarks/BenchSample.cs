using Dossier.Text;

namespace Dossier.Benchmarks;

/// <summary>The fixed article sample every benchmark processes: the first N BBC articles, or the project's samples.</summary>
/// <remarks>
/// Loaded once per process (the host loads it too, for the per-word and per-article columns).
/// Benchmarks may read ../shared; product code never does.
/// </remarks>
public static class BenchSample
{
    /// <summary>Environment variable holding the number of BBC articles to take (default 300).</summary>
    public const string CountVariable = "DOSSIER_BENCH_ARTICLES";

    /// <summary>Environment variable that, when set, is the only shared data folder tried (else ../shared/data from the repo root).</summary>
    public const string SharedVariable = "DOSSIER_SHARED_DATA";

    /// <summary>The publication date given to BBC articles, which carry none (the corpus is from 2004-05).</summary>
    public static readonly DateOnly BbcDate = new(2005, 1, 1);

    private static readonly Lazy<Loaded> _loaded = new(Load);

    /// <summary>The raw articles, in corpus order.</summary>
    public static IReadOnlyList<RawArticle> Raw => _loaded.Value.Raw;

    /// <summary>The read items (what ingest consumes).</summary>
    public static IReadOnlyList<InputItem> Items => _loaded.Value.Items;

    /// <summary>Where the sample came from, for the console and the report.</summary>
    public static string Origin => _loaded.Value.Origin;

    /// <summary>Whitespace word count over the cleaned texts of the sample.</summary>
    public static long Words => _loaded.Value.Words;

    /// <summary>How many raw articles the sample holds.</summary>
    public static int Articles => _loaded.Value.Raw.Count;

    private sealed record Loaded(IReadOnlyList<RawArticle> Raw, IReadOnlyList<InputItem> Items, string Origin, long Words);

    private static Loaded Load()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), out var n) && n > 0 ? n : 300;
        var bbc = FindShared("bbc-news", "bbc-news.jsonl.gz");
        List<InputItem> items;
        string origin;
        if (bbc is not null)
        {
            items = ArticleReader.ReadFile(bbc, new ReadOptions { Published = BbcDate }).Where(i => i.Article is not null).Take(count).ToList();
            origin = $"first {items.Count} articles of {bbc}";
        }
        else
        {
            var samples = Path.Combine(RepoRoot() ?? ".", "data", "samples");
            items = Directory.Exists(samples)
                ? ArticleReader.ReadPath(samples, new ReadOptions()).Where(i => i.Article is not null).ToList()
                : [];
            origin = $"shared BBC data not found: fell back to {items.Count} articles of the project's own {samples}";
        }
        if (items.Count == 0) throw new InvalidOperationException("No benchmark sample: neither ../shared/data/bbc-news nor data/samples was found.");
        var raw = items.Select(i => i.Article!).ToList();
        long words = 0;
        foreach (var r in raw)
            if (ArticleCleaner.Clean(r).Document is { } d) words += CountWords(d.Text);
        return new Loaded(raw, items, origin, words);
    }

    /// <summary>Whitespace-separated word count: the store's own definition, so words/s match the ingest summary.</summary>
    public static int CountWords(ReadOnlySpan<char> text) => Dossier.Store.StoreIds.CountWords(text);

    /// <summary>The shared data file, or null when the shared folder is absent.</summary>
    public static string? FindShared(string folder, string file)
    {
        var env = Environment.GetEnvironmentVariable(SharedVariable);
        var roots = new List<string>();
        // An explicit folder wins alone, so a run can be pointed elsewhere (or at nothing, to try the fallback).
        if (!string.IsNullOrEmpty(env)) roots.Add(env);
        else if (RepoRoot() is { } repo) roots.Add(Path.Combine(repo, "..", "shared", "data"));
        foreach (var root in roots)
        {
            var p = Path.GetFullPath(Path.Combine(root, folder, file));
            if (File.Exists(p)) return p;
        }
        return null;
    }

    // BenchmarkDotNet runs each benchmark from a generated folder under bin/, so walk up to the folder holding Dossier.slnx.
    private static string? RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        }
        return null;
    }
}
