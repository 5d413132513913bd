using Dossier.Contract;

namespace Dossier.Cli.Formatting;

/// <summary>A readable, plain-text summary of one extracted article, layer by layer.</summary>
internal static class PrettyPrinter
{
    /// <summary>Longest excerpt of text printed for one item.</summary>
    private const int MaxExcerpt = 160;

    public static void Write(TextWriter w, ArticleRecord r)
    {
        w.WriteLine($"== {r.Title ?? "(untitled)"}");
        w.WriteLine($"   id {r.Id} · published {r.Published ?? "unknown"} · source {r.Source ?? "-"} · {r.Sentences.Count} sentences · pipeline {r.Pipeline}");
        var names = r.Actors.ToDictionary(a => a.Id, a => a.Name);
        string Name(string? id) => id is null ? "?" : names.TryGetValue(id, out var n) ? n : id;

        Section(w, "actors", r.Actors.Count);
        foreach (var a in r.Actors)
        {
            w.WriteLine($"  {a.Name} [{a.Type}] {a.Mentions} mention(s)" + (a.Aliases.Count > 0 ? " aka " + string.Join(", ", a.Aliases) : ""));
            foreach (var role in a.Roles)
                w.WriteLine($"      role: {Fmt.Role(role.Title, role.Of, role.Qualifier, role.Start, role.End)}");
            if (a.Codes.Count > 0) w.WriteLine("      codes: " + string.Join(", ", a.Codes.Select(c => $"{c.Key}={c.Value}")));
        }
        Section(w, "entities", r.Entities.Count);
        foreach (var g in r.Entities.GroupBy(e => (e.Text, e.Type)))
            w.WriteLine($"  {g.Key.Text} [{g.Key.Type}]" + (g.Count() > 1 ? $" ×{g.Count()}" : "") +
                        (g.First().Actor is { } id ? " → " + Name(id) : ""));
        Section(w, "time", r.Timexes.Count);
        foreach (var t in r.Timexes) w.WriteLine($"  \"{t.Text}\" {t.Type} {t.Value}{(t.Mod is null ? "" : " " + t.Mod)}");
        Section(w, "quotes", r.Quotes.Count);
        foreach (var q in r.Quotes)
            w.WriteLine($"  {(q.Speaker is null ? q.SpeakerText ?? "?" : Name(q.Speaker))} ({q.Kind}{(q.Cue is null ? "" : ", " + q.Cue)}): “{Fmt.Excerpt(q.Text, MaxExcerpt)}”");
        Section(w, "claims", r.Claims.Count);
        foreach (var c in r.Claims)
            w.WriteLine($"  [{c.Certainty}, {c.Source}{(c.SourceActor is null ? "" : " " + Name(c.SourceActor))}] {Fmt.Excerpt(c.Text, MaxExcerpt)}");
        Section(w, "events", r.Events.Count);
        foreach (var e in r.Events)
            w.WriteLine($"  {e.Date ?? "undated"}  {string.Join("; ", e.Source.Select(Name))} → {string.Join("; ", e.Target.Select(Name))}  " +
                        $"{e.Cameo} {e.Plover} ({e.Goldstein:+0.0;-0.0;0.0}){(e.Negated ? " NOT" : "")} “{e.Trigger}” [{e.Certainty}]");
        if (r.Posts.Count > 0)
        {
            Section(w, "posts", r.Posts.Count);
            foreach (var p in r.Posts) w.WriteLine($"  {p.Author} ({p.Handle}) {p.Date}: {Fmt.Excerpt(p.Text, MaxExcerpt)}");
        }
        w.WriteLine();
    }

    private static void Section(TextWriter w, string name, int count) => w.WriteLine($"-- {name} ({count})");
}

/// <summary>Small text helpers for output.</summary>
internal static class Fmt
{
    /// <summary>One line of at most <paramref name="max"/> chars, with an ellipsis when cut.</summary>
    public static string Excerpt(string s, int max)
    {
        var one = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= max ? one : one[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>"  [3 reports in 2 articles]" for a happening told more than once; "" otherwise.</summary>
    public static string Reports(Dossier.Store.TimelineEvent e) =>
        e.Reports <= 1 && e.Mentions <= 1 ? ""
        : e.Reports <= 1 ? $"  [told {e.Mentions}× in the article]"
        : $"  [{e.Reports} reports in {e.ReportingArticles} article{(e.ReportingArticles == 1 ? "" : "s")}]";

    /// <summary>"Foreign Minister of Syria (former, 2019–2024)".</summary>
    public static string Role(string title, string? of, string? qualifier, string? start, string? end)
    {
        var s = title + (of is null ? "" : " of " + of);
        var extra = new List<string>();
        if (qualifier is not null) extra.Add(qualifier);
        if (start is not null || end is not null) extra.Add($"{start ?? "?"}–{end ?? ""}");
        return extra.Count > 0 ? $"{s} ({string.Join(", ", extra)})" : s;
    }

    /// <summary>Left-aligned columns for a small table (no colours, so it pipes well).</summary>
    public static void Table(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = new int[header.Length];
        foreach (var r in all) for (int i = 0; i < r.Length; i++) widths[i] = Math.Max(widths[i], r[i].Length);
        foreach (var r in all)
            w.WriteLine(string.Join("  ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
    }
}
