using System.Text.Json.Nodes;

namespace Dossier.Store.Actors;

/// <summary>How a manual decision rewrites an article's stored record (the contract JSON with canonical ids), so that
/// export, the article API, the dossier and the timeline agree with the tables. The same for every engine: pure JSON.</summary>
public static class ContractEdits
{
    /// <summary>Every reference to the absorbed id becomes the kept one; two actor entries with one id become one.</summary>
    public static void MergeInContract(JsonObject root, string keep, string absorb)
    {
        Replace(root, absorb, keep);
        // An event that named both now names one actor twice on a side: once is enough.
        if (root["events"] is JsonArray events)
            foreach (var ev in events.OfType<JsonObject>())
                foreach (var side in (string[])["source", "target"])
                    if (ev[side] is JsonArray ids)
                        for (int i = ids.Count - 1; i >= 0; i--)
                            if ((string?)ids[i] == keep && ids.Take(i).Any(x => (string?)x == keep)) ids.RemoveAt(i);
        if (root["actors"] is not JsonArray actors) return;
        JsonObject? first = null;
        for (int i = 0; i < actors.Count; i++)
        {
            if (actors[i] is not JsonObject o || (string?)o["id"] != keep) continue;
            if (first is null) { first = o; continue; }
            var aliases = first["aliases"] as JsonArray ?? new JsonArray();
            first["aliases"] = aliases;
            var known = aliases.Select(x => (string?)x).Append((string?)first["name"]).ToHashSet(StringComparer.Ordinal);
            foreach (var n in (o["aliases"] as JsonArray ?? []).Select(x => (string?)x).Prepend((string?)o["name"]))
                if (n is not null && known.Add(n)) aliases.Add(n);
            first["mentions"] = ((int?)first["mentions"] ?? 0) + ((int?)o["mentions"] ?? 0);
            actors.RemoveAt(i--);
        }
    }

    private static readonly HashSet<string> ActorRefProperties = new(StringComparer.Ordinal) { "actor", "speaker", "source", "target", "sourceActor", "author", "authorActor", "id" };

    private static void Replace(JsonNode? node, string from, string to, string? property = null)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    if (v is JsonValue jv && jv.TryGetValue<string>(out var s) && s == from && ActorRefProperties.Contains(k) && (k != "id" || o.ContainsKey("aliases")))
                        o[k] = to;
                    else Replace(v, from, to, k);
                }
                break;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++)
                {
                    if (arr[i] is JsonValue jv && jv.TryGetValue<string>(out var s) && s == from && property is "source" or "target")
                        arr[i] = to;
                    else Replace(arr[i], from, to, property);
                }
                break;
        }
    }

    // The record when the actor keeps some of its presence in the article: entities, quotes, claims and event sides move
    // by the decisions of the tables; roles by their fields; the old entry loses the name, the new one gets it.
    public static void SplitInContract(JsonObject root, SplitTie tie, string old, string fresh, string key, bool person, string surface,
        IReadOnlyList<SplitMention> moved, IReadOnlyList<(string Title, string? Of, string? Qualifier, string? Start, string? End)> roles)
    {
        var spans = moved.Select(m => (m.Start, m.End)).ToHashSet();
        if (root["entities"] is JsonArray entities)
            foreach (var e in entities.OfType<JsonObject>())
                if ((string?)e["actor"] == old && (int?)e["start"] is int s && (int?)e["end"] is int en && spans.Contains((s, en)))
                    e["actor"] = fresh;
        // The actor's quotes are the same subsequence of the document's quotes in the record as in the table: paired in order.
        var decided = tie.QuoteDecisions();
        if (root["quotes"] is JsonArray quotes)
            foreach (var q in quotes.OfType<JsonObject>())
                if ((string?)q["speaker"] == old && decided.TryGetValue(((int?)q["start"] ?? -1, (int?)q["end"] ?? -1), out var queue)
                    && queue.TryDequeue(out var move) && move)
                    q["speaker"] = fresh;
        if (root["claims"] is JsonArray claims)
            foreach (var c in claims.OfType<JsonObject>())
                if ((string?)c["sourceActor"] == old && tie.Claim((int?)c["start"] ?? -1, (int?)c["end"] ?? -1))
                    c["sourceActor"] = fresh;
        if (root["events"] is JsonArray events)
            foreach (var ev in events.OfType<JsonObject>())
            {
                if (!tie.Event((int?)ev["start"] ?? -1, (int?)ev["end"] ?? -1)) continue;
                foreach (var side in (string[])["source", "target"])
                    if (ev[side] is JsonArray ids)
                        for (int i = ids.Count - 1; i >= 0; i--)
                        {
                            if ((string?)ids[i] != old) continue;
                            if (ids.Any(x => (string?)x == fresh)) ids.RemoveAt(i); else ids[i] = fresh;
                        }
            }
        if (root["actors"] is not JsonArray actors) return;
        var o = actors.OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == old);
        var n = actors.OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == fresh);
        if (n is null)
        {
            n = new JsonObject
            {
                ["id"] = fresh, ["name"] = surface, ["type"] = (string?)o?["type"], ["aliases"] = new JsonArray(), ["roles"] = new JsonArray(),
                ["codes"] = new JsonObject(), ["mentions"] = 0, ["by"] = "manual",
            };
            actors.Add(n);
        }
        n["mentions"] = ((int?)n["mentions"] ?? 0) + moved.Count;
        if (o is null) return;
        o["mentions"] = Math.Max(0, ((int?)o["mentions"] ?? 0) - moved.Count);
        // The names with the split key go from the old entry to the new one.
        var names = (n["aliases"] as JsonArray ?? []).Select(x => (string?)x).Append((string?)n["name"]).ToHashSet(StringComparer.Ordinal);
        var newAliases = n["aliases"] as JsonArray ?? new JsonArray();
        n["aliases"] = newAliases;
        if (o["aliases"] is JsonArray al)
        {
            for (int i = al.Count - 1; i >= 0; i--)
                if ((string?)al[i] is { } name && NameKey.Of(name, person) == key)
                {
                    al.RemoveAt(i);
                    if (names.Add(name)) newAliases.Add(name);
                }
            // The entry was named by the split name (the first document actor of the record): its next name stands.
            if ((string?)o["name"] is { } own && NameKey.Of(own, person) == key && al.Count > 0)
            {
                o["name"] = (string?)al[0];
                al.RemoveAt(0);
                if (names.Add(own)) newAliases.Add(own);
            }
        }
        if (o["roles"] is JsonArray oldRoles && roles.Count > 0)
        {
            var newRoles = n["roles"] as JsonArray ?? new JsonArray();
            n["roles"] = newRoles;
            foreach (var (title, of, qualifier, start, end) in roles)
            {
                var match = oldRoles.OfType<JsonObject>().FirstOrDefault(x => (string?)x["title"] == title && (string?)x["of"] == of
                    && (string?)x["qualifier"] == qualifier && (string?)x["start"] == start && (string?)x["end"] == end);
                if (match is null) continue;
                oldRoles.Remove(match);
                newRoles.Add(match);
            }
        }
    }
}
