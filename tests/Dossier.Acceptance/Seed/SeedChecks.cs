using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Contract;

namespace Dossier.Acceptance.Seed;

/// <summary>Whether an expected item holds on a record, and why (the detail names what was found instead).</summary>
public readonly record struct Outcome(bool Holds, string Detail)
{
    public static Outcome Yes(string detail) => new(true, detail);
    public static Outcome No(string detail) => new(false, detail);
}

/// <summary>Evaluates expected.json items against an extracted record with the tolerant matching the file's `about` describes.</summary>
public static partial class SeedChecks
{
    /// <summary>Evaluates one item; <paramref name="raw"/> is the raw input file (for the header check).</summary>
    public static Outcome Evaluate(ExpectedItem item, ArticleRecord r, string raw) => item.Kind switch
    {
        "actor" => Actor(item.Spec, r),
        "not_entity" => NotEntity(item.Spec.GetString()!, r),
        "timex" => Timex(item.Spec, r),
        "quote" => Quote(item.Spec, r),
        "claim" => Claim(item.Spec, r),
        "event" => Event(item.Spec, r),
        "money" => Money(item.Spec, r),
        "document" => Document(item.Id, item.Spec, r, raw),
        _ => Outcome.No($"no check for section '{item.Kind}' of expected.json"),
    };

    // ---- actors ----

    private static Outcome Actor(JsonElement s, ArticleRecord r)
    {
        var name = Str(s, "name")!;
        var candidates = Tolerant.ActorsNamed(r, name);
        if (candidates.Count == 0)
            return Outcome.No($"no actor named or aliased '{name}'; actors: {ListActors(r)}");
        var why = new List<string>();
        foreach (var a in candidates)
        {
            var problems = ActorProblems(a, s, r);
            if (problems.Count == 0) return Outcome.Yes($"{a.Id} {a.Name} ({a.Type}) aliases [{string.Join(", ", a.Aliases)}]");
            why.Add($"{a.Id} {a.Name}: {string.Join("; ", problems)}");
        }
        return Outcome.No(string.Join(" | ", why));
    }

    private static List<string> ActorProblems(ActorRecord a, JsonElement s, ArticleRecord r)
    {
        var problems = new List<string>();
        var name = Str(s, "name")!;
        if (Str(s, "type") is { } type && a.Type != type)
        {
            // A mention typed as expected and resolved to this actor also counts ("Kremlin" ORG linked to Russia's actor).
            var n = Tolerant.Name(name);
            bool mentionTyped = r.Entities.Any(e => e.Actor == a.Id && e.Type == type && Tolerant.Name(e.Text) == n);
            if (!mentionTyped) problems.Add($"type {a.Type}, want {type}");
        }
        var names = Tolerant.Names(a);
        var missing = StrList(s, "aliases_include").Where(x => !names.Contains(Tolerant.Name(x))).ToList();
        if (missing.Count > 0) problems.Add($"aliases lack [{string.Join(", ", missing)}] (has [{string.Join(", ", a.Aliases)}])");
        if (Str(s, "role") is { } role && !RoleHolds(a, role, r, out var roleWhy)) problems.Add(roleWhy);
        return problems;
    }

    /// <summary>The role's title words and its country must appear in one role of the actor (title, of or qualifier), tolerantly.</summary>
    /// <remarks>Only the first ';'-separated part is checked: it is the role the text states; later parts are background.</remarks>
    private static bool RoleHolds(ActorRecord a, string spec, ArticleRecord r, out string why)
    {
        var main = ParenRegex().Replace(spec.Split(';')[0], " ");
        var words = main.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].Equals("former", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        main = string.Join(' ', words);
        int of = main.IndexOf(" of ", StringComparison.OrdinalIgnoreCase);
        var title = Tolerant.Name(of < 0 ? main : main[..of]);
        var country = of < 0 ? "" : Tolerant.Name(main[(of + 4)..]);
        foreach (var role in a.Roles)
        {
            var hay = Tolerant.Name($"{role.Title} {role.Of} {role.Qualifier}");
            // "of" may hold an actor id: then that actor's names count too.
            var ofActor = r.Actors.FirstOrDefault(x => x.Id == role.Of);
            if (ofActor != null) hay += " " + string.Join(' ', Tolerant.Names(ofActor));
            // "Syria" is found in "Syrian": a demonym in the role is tolerated.
            if (Tolerant.Name(role.Title).Contains(title, StringComparison.Ordinal) && (country.Length == 0 || hay.Contains(country, StringComparison.Ordinal)))
            {
                why = "";
                return true;
            }
        }
        why = $"no role like '{title}' of '{country}' (roles: [{string.Join(", ", a.Roles.Select(x => $"{x.Title}|{x.Of}|{x.Qualifier}"))}])";
        return false;
    }

    private static Outcome NotEntity(string surface, ArticleRecord r)
    {
        var hits = r.Entities.Where(e => string.Equals(e.Text.Trim(), surface, StringComparison.OrdinalIgnoreCase)).ToList();
        return hits.Count == 0 ? Outcome.Yes("no such entity")
            : Outcome.No($"entity '{hits[0].Text}' ({hits[0].Type}) at {hits[0].Start} by {hits[0].By}");
    }

    // ---- timexes, quotes, claims, money ----

    private static Outcome Timex(JsonElement s, ArticleRecord r)
    {
        var text = Str(s, "text")!;
        var values = StrList(s, "value_in");
        var type = Str(s, "type");
        var hit = r.Timexes.FirstOrDefault(t => Tolerant.Contains(t.Text, text) && values.Contains(t.Value) && (type is null || t.Type == type));
        if (hit != null) return Outcome.Yes($"'{hit.Text}' {hit.Type} {hit.Value}");
        var near = r.Timexes.Where(t => Tolerant.Contains(t.Text, text) || Tolerant.Contains(text, t.Text)).ToList();
        return Outcome.No(near.Count > 0
            ? "found with other values: " + string.Join(", ", near.Select(t => $"'{t.Text}' {t.Type} {t.Value}"))
            : $"no timex containing '{text}'; timexes: [{string.Join(", ", r.Timexes.Select(t => $"'{t.Text}'={t.Value}"))}]");
    }

    private static Outcome Quote(JsonElement s, ArticleRecord r)
    {
        var contains = Str(s, "contains")!;
        var speakers = StrList(s, "speaker_any");
        var kind = Str(s, "kind");
        var texts = r.Quotes.Where(q => Tolerant.Contains(q.Text, contains)).ToList();
        if (texts.Count == 0) return Outcome.No($"no quote contains it; {r.Quotes.Count} quotes");
        var hit = texts.FirstOrDefault(q => (kind is null || q.Kind == kind) && (speakers.Count == 0 || Tolerant.Resolves(r, q.Speaker, speakers)));
        if (hit != null) return Outcome.Yes($"{hit.Kind} quote by {Tolerant.Describe(r, hit.Speaker)}");
        return Outcome.No("found with: " + string.Join(", ", texts.Select(q =>
            $"kind {q.Kind}, speaker {Tolerant.Describe(r, q.Speaker)} (speakerText '{q.SpeakerText}')")) + $"; want {kind} by one of [{string.Join(", ", speakers)}]");
    }

    private static Outcome Claim(JsonElement s, ArticleRecord r)
    {
        var contains = Str(s, "contains")!;
        var certainties = Str(s, "certainty") is { } c ? [c] : StrList(s, "certainty_any");
        var source = Str(s, "source");
        var texts = r.Claims.Where(x => Tolerant.Contains(x.Text, contains)).ToList();
        if (texts.Count == 0) return Outcome.No($"no claim contains it; {r.Claims.Count} claims");
        var hit = texts.FirstOrDefault(x => (certainties.Count == 0 || certainties.Contains(x.Certainty)) && (source is null || x.Source == source));
        if (hit != null) return Outcome.Yes($"{hit.Certainty}/{hit.Source} cue '{hit.Cue}'");
        return Outcome.No("found with: " + string.Join(", ", texts.Select(x => $"{x.Certainty}/{x.Source}"))
            + $"; want [{string.Join("|", certainties)}]/{source}");
    }

    private static Outcome Money(JsonElement s, ArticleRecord r)
    {
        var text = Str(s, "text")!;
        decimal? value = s.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        var currency = Str(s, "currency");
        var texts = r.Entities.Where(e => e.Type == "MONEY" && Tolerant.Contains(e.Text, text)).ToList();
        if (texts.Count == 0) return Outcome.No($"no MONEY entity contains '{text}'");
        var hit = texts.FirstOrDefault(e => (value is null || e.Value == value) && (currency is null || e.Currency == currency));
        return hit != null ? Outcome.Yes($"'{hit.Text}' {hit.Value} {hit.Currency}")
            : Outcome.No("found with: " + string.Join(", ", texts.Select(e => $"'{e.Text}' {e.Value} {e.Currency}")));
    }

    // ---- events ----

    private static Outcome Event(JsonElement s, ArticleRecord r)
    {
        var sources = StrList(s, "source_any");
        var targets = StrList(s, "target_any");
        var roots = Str(s, "cameo_root") is { } root ? [root] : StrList(s, "cameo_root_any");
        if (sources.Count == 0 && targets.Count == 0 && roots.Count == 0) return NegatedEvent(s, r);
        var plovers = StrList(s, "plover_any");
        var dates = StrList(s, "date_in");
        var certainty = Str(s, "certainty");

        var partial = new List<string>();
        foreach (var e in r.Events)
        {
            bool src = sources.Count == 0 || e.Source.Any(x => Tolerant.Resolves(r, x, sources));
            bool tgt = targets.Count == 0 || e.Target.Any(x => Tolerant.Resolves(r, x, targets));
            if (!src || !tgt) continue;
            var miss = new List<string>();
            if (roots.Count > 0 && !roots.Any(x => e.Cameo.StartsWith(x, StringComparison.Ordinal))) miss.Add($"cameo {e.Cameo} not {string.Join("|", roots)}*");
            if (plovers.Count > 0 && !plovers.Contains(e.Plover ?? "")) miss.Add($"plover {e.Plover} not in [{string.Join(", ", plovers)}]");
            if (dates.Count > 0 && !dates.Contains(e.Date ?? "")) miss.Add($"date {e.Date ?? "null"} not in [{string.Join(", ", dates)}]");
            if (certainty != null && e.Certainty != certainty) miss.Add($"certainty {e.Certainty}, want {certainty}");
            if (miss.Count == 0) return Outcome.Yes($"'{e.Trigger}' {e.Cameo} {e.Plover} date {e.Date} ({Ids(r, e.Source)} -> {Ids(r, e.Target)})");
            partial.Add($"'{e.Trigger}' {Ids(r, e.Source)}->{Ids(r, e.Target)}: {string.Join(", ", miss)}");
        }
        return Outcome.No(partial.Count > 0 ? "actors match but: " + string.Join(" | ", partial)
            : $"no event from [{string.Join(", ", sources)}] to [{string.Join(", ", targets)}]; events: [{string.Join(", ", r.Events.Select(e => $"'{e.Trigger}' {e.Cameo} {Ids(r, e.Source)}->{Ids(r, e.Target)}"))}]");
    }

    /// <summary>An item that names only a negated statement ("has yet to lift sanctions"): no event over that phrase may be coded as if it happened.</summary>
    private static Outcome NegatedEvent(JsonElement s, ArticleRecord r)
    {
        var what = Str(s, "what") ?? "";
        int at = Tolerant.Text(r.Text).IndexOf(Tolerant.Text(what), StringComparison.Ordinal);
        if (at < 0 || !Tolerant.Text(Str(s, "note")).Contains("negated", StringComparison.Ordinal))
            return Outcome.No("item names no actors or codes, and is not a negated statement found in the text: cannot be evaluated");
        // Folding keeps ASCII text in place, so a literal search in the raw text finds the same phrase for the offsets.
        int start = r.Text.IndexOf(what, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return Outcome.No("phrase not found literally in the text");
        int end = start + what.Length;
        var over = r.Events.Where(e => e.Start < end && start < e.End).ToList();
        var wrong = over.Where(e => !e.Negated).ToList();
        if (wrong.Count > 0)
            return Outcome.No("coded as happening: " + string.Join(", ", wrong.Select(e => $"'{e.Trigger}' {e.Cameo} negated=false")));
        // Silence is not knowledge: a strong system records the statement as a negated event.
        return over.Count > 0 ? Outcome.Yes($"coded negated: {string.Join(", ", over.Select(e => $"'{e.Trigger}' {e.Cameo}"))}")
            : Outcome.No("no event over the phrase (want one coded negated=true)");
    }

    // ---- document (cleaning) ----

    private static Outcome Document(string id, JsonElement d, ArticleRecord r, string raw)
    {
        var published = Str(d, "published") ?? "";
        switch (id)
        {
            case "document:published":
                return r.Published is { } p && p.StartsWith(published, StringComparison.Ordinal)
                    ? Outcome.Yes(p) : Outcome.No($"published is '{r.Published ?? "null"}', want {published}");
            case "document:header removed":
            {
                // The header is the raw file's first non-blank token pair "date YYYY-MM-DD"; the body follows it.
                var m = HeaderRegex().Match(raw);
                if (!m.Success) return Outcome.No("the raw file has no 'date YYYY-MM-DD' header to check");
                var text = r.Text.TrimStart();
                if (text.StartsWith(m.Value.Trim(), StringComparison.OrdinalIgnoreCase) || r.Text.Contains(m.Value.Trim(), StringComparison.Ordinal))
                    return Outcome.No($"the header '{m.Value.Trim()}' is still in the text");
                var body = raw[(m.Index + m.Length)..].TrimStart();
                var head = body[..Math.Min(24, body.Length)];
                return text.StartsWith(head, StringComparison.Ordinal)
                    ? Outcome.Yes("text starts with the body") : Outcome.No($"text starts '{text[..Math.Min(40, text.Length)]}', want '{head}'");
            }
            case "document:embed":
            {
                var residue = StrList(d, "embed_residue");
                var problems = new List<string>();
                var posts = new List<PostRecord>();
                foreach (var line in residue)
                {
                    int at = r.Text.IndexOf(line, StringComparison.Ordinal);
                    if (at < 0) { problems.Add($"'{line}' not in text"); continue; }
                    var post = r.Posts.FirstOrDefault(p => p.Start <= at && at + line.Length <= p.End);
                    if (post is null) { problems.Add($"'{line}' is inside no post"); continue; }
                    if (post.Text.Contains(line, StringComparison.Ordinal)) problems.Add($"post text keeps the attribution '{line}'");
                    posts.Add(post);
                }
                var attribution = string.Join(' ', residue);
                var handle = HandleRegex().Match(attribution);
                var date = AttributionDateRegex().Match(attribution);
                foreach (var post in posts.Distinct())
                {
                    if (handle.Success && !string.Equals(post.Handle?.TrimStart('@'), handle.Groups[1].Value, StringComparison.OrdinalIgnoreCase))
                        problems.Add($"post handle '{post.Handle}', want @{handle.Groups[1].Value}");
                    if (date.Success && DateTime.TryParseExact(date.Value, "MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                        && post.Date != dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                        problems.Add($"post date '{post.Date}', want {dt:yyyy-MM-dd}");
                    if (post.Text.Trim().Length == 0) problems.Add("post has no text");
                }
                return problems.Count == 0 ? Outcome.Yes($"post by {posts.FirstOrDefault()?.Handle} on {posts.FirstOrDefault()?.Date}")
                    : Outcome.No(string.Join("; ", problems) + $" ({r.Posts.Count} posts)");
            }
        }
        return Outcome.No($"no check for '{id}'");
    }

    // ---- helpers ----

    private static string? Str(JsonElement s, string name) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> StrList(JsonElement s, string name) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];

    private static string Ids(ArticleRecord r, List<string> ids) => "[" + string.Join(", ", ids.Select(i => Tolerant.Describe(r, i))) + "]";

    private static string ListActors(ArticleRecord r) => "[" + string.Join(", ", r.Actors.Select(a => a.Aliases.Count > 0 ? $"{a.Name} ({a.Type}; {string.Join("/", a.Aliases)})" : $"{a.Name} ({a.Type})")) + "]";

    [GeneratedRegex(@"\([^)]*\)")] private static partial Regex ParenRegex();
    [GeneratedRegex(@"^\s*date\s+\d{4}-\d{2}-\d{2}\s", RegexOptions.IgnoreCase)] private static partial Regex HeaderRegex();
    [GeneratedRegex(@"\(@(\w+)\)")] private static partial Regex HandleRegex();
    [GeneratedRegex(@"(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}")] private static partial Regex AttributionDateRegex();
}
