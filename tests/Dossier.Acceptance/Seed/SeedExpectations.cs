using System.Text.Json;
using Dossier.Testing;

namespace Dossier.Acceptance.Seed;

/// <summary>One checkable item of seed/expected.json: its tier (must/should), kind, stable id ("actor:Vladimir Putin") and spec.</summary>
public sealed record ExpectedItem(string Tier, string Kind, string Id, JsonElement Spec);

/// <summary>Reads seed/expected.json into named items, so each `must` item is one test case.</summary>
public static class SeedExpectations
{
    /// <summary>The seed article's file name in ../shared/data/seed.</summary>
    public const string ArticleFile = "000_e9286ede1a1a4dfa.txt";
    /// <summary>The expectations file name in ../shared/data/seed.</summary>
    public const string ExpectedFile = "expected.json";

    private static readonly Lazy<(JsonElement Root, List<ExpectedItem> Items)?> Loaded = new(Load);

    /// <summary>The whole expected.json (null when ../shared/data is absent).</summary>
    public static JsonElement? Root => Loaded.Value?.Root;

    /// <summary>Every item, must and should, in file order (empty when the data is absent).</summary>
    public static IReadOnlyList<ExpectedItem> Items => Loaded.Value?.Items ?? [];

    /// <summary>The item with this tier and id.</summary>
    public static ExpectedItem Get(string tier, string id) =>
        Items.FirstOrDefault(i => i.Tier == tier && i.Id == id) ?? throw new KeyNotFoundException($"no {tier} item '{id}' in expected.json");

    /// <summary>Ids of one tier, for a theory's member data. When the data is absent the theory is skipped anyway; one placeholder keeps xunit quiet.</summary>
    public static IEnumerable<object[]> Ids(string tier)
    {
        var ids = Items.Where(i => i.Tier == tier).Select(i => new object[] { i.Id }).ToList();
        return ids.Count > 0 ? ids : [["(seed data absent)"]];
    }

    private static (JsonElement, List<ExpectedItem>)? Load()
    {
        var path = SharedData.File("seed", ExpectedFile);
        if (path is null) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement.Clone();
        var items = new List<ExpectedItem>();
        // The document section holds must-level facts about cleaning (date header, embed); each becomes one item.
        if (root.TryGetProperty("document", out var d))
        {
            if (d.TryGetProperty("published", out _)) items.Add(new("must", "document", "document:published", d));
            if (d.TryGetProperty("header_removed", out _)) items.Add(new("must", "document", "document:header removed", d));
            if (d.TryGetProperty("embed_residue", out _)) items.Add(new("must", "document", "document:embed", d));
        }
        foreach (var tier in new[] { "must", "should" })
        {
            if (!root.TryGetProperty(tier, out var t)) continue;
            foreach (var section in t.EnumerateObject())
                items.AddRange(Section(tier, section.Name, section.Value));
        }
        return (root, items);
    }

    private static IEnumerable<ExpectedItem> Section(string tier, string section, JsonElement list)
    {
        var (kind, key) = section switch
        {
            "actors" => ("actor", "name"),
            "not_entities" => ("not_entity", ""),
            "timexes" => ("timex", "text"),
            "quotes" => ("quote", "contains"),
            "claims" => ("claim", "contains"),
            "events" => ("event", "what"),
            "money" => ("money", "text"),
            _ => (section, ""),
        };
        var specs = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [list];
        var labels = specs.Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()!
            : key.Length > 0 && s.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "").ToList();
        // Quotes and claims are named by their first words: two at least, more until the names differ.
        var names = kind is "quote" or "claim" ? ShortNames(labels) : labels;
        for (int i = 0; i < specs.Count; i++)
        {
            var name = names[i].Length > 0 ? names[i] : "#" + (i + 1);
            yield return new ExpectedItem(tier, kind, $"{kind}:{name}", specs[i]);
        }
    }

    private static List<string> ShortNames(List<string> labels)
    {
        var words = labels.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var take = words.Select(_ => 2).ToArray();
        for (bool changed = true; changed;)
        {
            changed = false;
            var names = words.Select((w, i) => string.Join(' ', w.Take(take[i]))).ToList();
            for (int i = 0; i < names.Count; i++)
                if (take[i] < words[i].Length && names.Where((n, j) => j != i && n == names[i]).Any()) { take[i]++; changed = true; }
        }
        return words.Select((w, i) => string.Join(' ', w.Take(take[i]))).ToList();
    }
}
