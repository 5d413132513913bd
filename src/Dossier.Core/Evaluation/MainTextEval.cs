using System.Text.Json;
using Dossier.Text;

namespace Dossier.Evaluation;

/// <summary>Runs main-text extraction over an extracted benchmark folder (evaldata.json + html/) and scores it.</summary>
public static class MainTextEval
{
    /// <summary>One page's outcome, for error analysis.</summary>
    public sealed record PageResult(string Url, string File, string? Text, string? Error, int Tp, int Fn, int Fp, int Tn)
    {
        /// <summary>The segments the text should hold and does not.</summary>
        public IReadOnlyList<string> Missed { get; init; } = [];
        /// <summary>The boilerplate segments the text holds.</summary>
        public IReadOnlyList<string> Kept { get; init; } = [];
    }

    /// <summary>Scores the whole folder with the product's reader and cleaner.</summary>
    public static MainTextScore Run(string folder) => Run(folder, null, out _);

    /// <summary>Scores the folder; <paramref name="pages"/> receives every page's outcome.</summary>
    /// <param name="extract">Replaces the product's extraction (html file path → text, or null), to compare alternatives.</param>
    public static MainTextScore Run(string folder, Func<string, string?>? extract, out List<PageResult> pages)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "evaldata.json")));
        var scorer = new MainTextScorer();
        pages = new();
        var entries = json.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Url: p.Name, File: p.Value.GetProperty("file").GetString()!, With: Strings(p.Value, "with"), Without: Strings(p.Value, "without")))
            .ToList();
        // Extraction is thread-safe: pages run in parallel; scoring stays in page order.
        var outs = new (string? Text, string? Error)[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            var path = Path.Combine(folder, "html", entries[i].File);
            outs[i] = extract is not null ? (extract(path), null) : Extract(path, entries[i].Url);
        });
        for (int i = 0; i < entries.Count; i++)
        {
            var (url, file, with, without) = entries[i];
            var (tp, fn, fp, tn) = scorer.Add(outs[i].Text, with, without);
            var text = MainTextScorer.Collapse(outs[i].Text ?? "");
            bool In(string segment) => MainTextScorer.Collapse(segment).Trim() is { Length: > 0 } c && text.Contains(c, StringComparison.Ordinal);
            pages.Add(new PageResult(url, file, outs[i].Text, outs[i].Error, tp, fn, fp, tn)
            {
                Missed = with.Where(w => !In(w)).ToList(), Kept = without.Where(In).ToList(),
            });
        }
        return scorer.Score;
    }

    /// <summary>The product path: read the file as HTML (encoding detection included) and clean it.</summary>
    public static (string? Text, string? Error) Extract(string path, string? url = null)
    {
        // The first item that is not a warning (a guessed encoding is noted first, then the page).
        var item = ArticleReader.ReadFile(path, new ReadOptions { Format = InputFormat.Html }).FirstOrDefault(i => !i.IsWarning);
        if (item.Error is { } e) return (null, e.ToString());
        var raw = item.Article! with { Url = url };
        var r = ArticleCleaner.Clean(raw);
        if (r.Document is null) return (null, r.Error?.ToString());
        // The title is part of what we extract from a page, so it counts.
        return (r.Document.Title is { } t ? t + "\n\n" + r.Document.Text : r.Document.Text, null);
    }

    private static List<string> Strings(JsonElement v, string name) =>
        v.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}
