using System.Text.Json;
using Dossier.Contract;
using Dossier.Testing;
using Json.Schema;

namespace Dossier.Acceptance.Contract;

/// <summary>Checks an article record against docs/schema/article.schema.json and the invariants the schema cannot express.</summary>
public static class ContractValidator
{
    /// <summary>Path of the schema file in the repository.</summary>
    public static string SchemaPath { get; } = Path.Combine(SharedData.RepoRoot, "docs", "schema", "article.schema.json");

    // Built once: the schema has an $id, and building it registers that id for $ref resolution.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    /// <summary>Serialises the record exactly as the CLI prints it.</summary>
    public static string ToJson(ArticleRecord r) => JsonSerializer.Serialize(r, ContractJson.Default.ArticleRecord);

    /// <summary>Every problem found: schema errors first ("schema /entities/0/type: …"), then invariants. Empty when valid.</summary>
    public static List<string> Problems(ArticleRecord r) => [.. SchemaProblems(ToJson(r)), .. InvariantProblems(r)];

    /// <summary>Schema errors of a JSON text, one per failing keyword with its instance location.</summary>
    public static List<string> SchemaProblems(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var list = new List<string>();
        foreach (var d in result.Details ?? [])
            foreach (var (keyword, message) in d.Errors ?? new Dictionary<string, string>())
                list.Add($"schema {d.InstanceLocation}: {keyword}: {message}");
        if (list.Count == 0) list.Add("schema: invalid (no detail)");
        return list;
    }

    /// <summary>Invariants: spans inside the text with start &lt; end, `text` fields equal their slice, actor references exist, sentences sorted and disjoint, entities sorted and not overlapping.</summary>
    public static List<string> InvariantProblems(ArticleRecord r)
    {
        var p = new List<string>();
        int n = r.Text.Length;

        void Span(string where, int start, int end, string? text)
        {
            if (start < 0 || end > n || start >= end) { p.Add($"{where}: span [{start},{end}) is not a non-empty range of a {n}-char text"); return; }
            if (text != null && !string.Equals(r.Text.Substring(start, end - start), text, StringComparison.Ordinal))
                p.Add($"{where}: text '{Clip(text)}' is not the slice '{Clip(r.Text.Substring(start, end - start))}'");
        }

        // An optional span: both ends or neither, and then a span of the text reading as its words.
        void Part(string where, int? start, int? end, string? text)
        {
            if (start is null && end is null) return;
            if (start is not int s || end is not int e) { p.Add($"{where}: one end of its span without the other"); return; }
            if (text is null) { p.Add($"{where}: a span [{s},{e}) without its words"); return; }
            Span(where, s, e, text);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < r.Actors.Count; i++)
            if (!ids.Add(r.Actors[i].Id)) p.Add($"actors[{i}]: duplicate id '{r.Actors[i].Id}'");
        void Ref(string where, string? id)
        {
            if (id != null && !ids.Contains(id)) p.Add($"{where}: actor '{id}' is not in actors");
        }

        for (int i = 0; i < r.Sentences.Count; i++)
        {
            var s = r.Sentences[i];
            Span($"sentences[{i}]", s.Start, s.End, null);
            if (i > 0 && s.Start < r.Sentences[i - 1].End) p.Add($"sentences[{i}]: starts at {s.Start}, before the previous one ends ({r.Sentences[i - 1].End})");
        }
        for (int i = 0; i < r.Entities.Count; i++)
        {
            var e = r.Entities[i];
            Span($"entities[{i}]", e.Start, e.End, e.Text);
            Ref($"entities[{i}]", e.Actor);
            if (i > 0 && e.Start < r.Entities[i - 1].End) p.Add($"entities[{i}]: '{Clip(e.Text)}' at {e.Start} overlaps or precedes the previous entity (ends {r.Entities[i - 1].End})");
        }
        for (int i = 0; i < r.Timexes.Count; i++) Span($"timexes[{i}]", r.Timexes[i].Start, r.Timexes[i].End, r.Timexes[i].Text);
        for (int i = 0; i < r.Quotes.Count; i++)
        {
            var q = r.Quotes[i];
            Span($"quotes[{i}]", q.Start, q.End, q.Text);
            Ref($"quotes[{i}].speaker", q.Speaker);
            // The speaker's and the cue's words, when given, are spans of the text that read as speakerText and cue.
            Part($"quotes[{i}].speaker", q.SpeakerStart, q.SpeakerEnd, q.SpeakerText);
            Part($"quotes[{i}].cue", q.CueStart, q.CueEnd, q.Cue);
        }
        for (int i = 0; i < r.Claims.Count; i++)
        {
            Span($"claims[{i}]", r.Claims[i].Start, r.Claims[i].End, r.Claims[i].Text);
            Ref($"claims[{i}].sourceActor", r.Claims[i].SourceActor);
        }
        for (int i = 0; i < r.Events.Count; i++)
        {
            var e = r.Events[i];
            Span($"events[{i}]", e.Start, e.End, e.Text);
            foreach (var s in e.Source) Ref($"events[{i}].source", s);
            foreach (var t in e.Target) Ref($"events[{i}].target", t);
            if (e.Start >= 0 && e.End <= n && e.Start < e.End && !r.Text.AsSpan(e.Start, e.End - e.Start).Contains(e.Trigger.AsSpan(), StringComparison.Ordinal))
                p.Add($"events[{i}]: trigger '{e.Trigger}' is not inside the event's span");
        }
        for (int i = 0; i < r.Posts.Count; i++)
        {
            var post = r.Posts[i];
            Span($"posts[{i}]", post.Start, post.End, null);
            // A post's text is its own words, without the attribution line: it lies inside the post's span.
            if (post.Start >= 0 && post.End <= n && post.Start < post.End && !r.Text.AsSpan(post.Start, post.End - post.Start).Contains(post.Text.AsSpan(), StringComparison.Ordinal))
                p.Add($"posts[{i}]: text '{Clip(post.Text)}' is not inside the post's span");
        }
        foreach (var a in r.Actors)
            if (a.Roles.Any(x => string.IsNullOrWhiteSpace(x.Title))) p.Add($"actor {a.Id}: a role without a title");
        return p;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
