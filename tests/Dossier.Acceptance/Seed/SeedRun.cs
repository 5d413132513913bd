using Dossier.Contract;
using Dossier.Testing;
using Dossier.Text;

namespace Dossier.Acceptance.Seed;

/// <summary>The seed article run once through the CLI's path: ArticleReader.ReadFile, Extractor.Default.Extract, ContractMapper.</summary>
public static class SeedRun
{
    private static readonly Lazy<(ArticleRecord? Record, string? Error, string Raw)> Run = new(Execute);

    /// <summary>The extracted record; fails the calling test with the reason when reading or extraction failed.</summary>
    public static ArticleRecord Record => Run.Value.Record ?? throw new Xunit.Sdk.XunitException("seed article not extracted: " + Run.Value.Error);

    /// <summary>The raw file content (before cleaning).</summary>
    public static string Raw => Run.Value.Raw;

    private static (ArticleRecord?, string?, string) Execute()
    {
        var path = SharedData.File("seed", SeedExpectations.ArticleFile);
        if (path is null) return (null, SharedData.SkipMessage, "");
        var raw = File.ReadAllText(path);
        var items = ArticleReader.ReadFile(path, new ReadOptions()).ToList();
        if (items.Count != 1) return (null, $"the reader gave {items.Count} items for one .txt file", raw);
        if (items[0].Error is { } err) return (null, err.ToString(), raw);
        var extractor = Extractor.Default;
        var result = extractor.Extract(items[0].Article!);
        if (result.Document is null) return (null, result.Error?.ToString() ?? "no document", raw);
        return (ContractMapper.ToRecord(result.Document, extractor.Pipeline.Config), null, raw);
    }
}
