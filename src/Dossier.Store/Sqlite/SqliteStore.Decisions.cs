using System.Globalization;
using System.Text.Json.Nodes;
using Dossier.Actors;
using Dossier.Store.Actors;
using Microsoft.Data.Sqlite;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Sqlite;

// Manual actor decisions: merge two actors, split a name off an actor, explain why two names are or are not one actor.
// A merge moves everything of the second actor into the first and leaves the second as a redirect (actors.merged_into);
// a split moves the mentions carrying one name, and the facts tied to them, into a new actor and blocks that name from
// the old one (actor_blocks), so articles ingested later respect both (the split itself: SqliteStore.Split.cs). Each decision is recorded in actor_decisions. The stored contracts of the
// articles concerned are rewritten, so that export gives the new canonical ids.
public sealed partial class SqliteStore
{
    /// <summary>The one canonical actor a user's reference names (an id like A12, following merges, or a name); throws DSR404/DSR405.</summary>
    public long ResolveActorRef(string reference)
    {
        var matches = Lookup(reference);
        if (matches.Count == 0) throw new DossierException(Errors.UnknownActor(reference));
        bool byId = IsActorId(reference);
        // A name several actors carry is ambiguous unless one actor's canonical name is exactly it.
        if (!byId && matches.Count > 1)
        {
            var exact = matches.Where(m => NameKey.Of(m.Name, m.Type == "PERSON") == NameKey.Of(reference, m.Type == "PERSON")).ToList();
            if (exact.Count != 1)
                throw new DossierException(Errors.AmbiguousActor(reference, matches.Take(6).Select(m => $"{CanonicalId(m.Id)} {m.Name} [{m.Type}]")));
            return exact[0].Id;
        }
        return matches[0].Id;
    }

    /// <inheritdoc/>
    public MergeResult Merge(string keep, string absorb, string? note = null)
    {
        long a = ResolveActorRef(keep), b = ResolveActorRef(absorb);
        if (a == b) throw new DossierException(Errors.SameActor(keep, absorb, CanonicalId(a)));
        using var tx = _c.BeginTransaction();
        var result = MergeCore(a, b, $"{keep} ← {absorb}", note, pinName: true, tx);
        tx.Commit();
        return result;
    }

    // The merge itself, inside the caller's transaction (manual, or automatic from ingest).
    private MergeResult MergeCore(long a, long b, string names, string? note, bool pinName, SqliteTransaction tx)
    {
        var articles = ArticlesOf(b, tx);
        string nameA = NameOf(a, tx), nameB = NameOf(b, tx);
        // Names: counts add up; the kept actor's evidence stays, the absorbed one's follows its names.
        Exec(tx, """
            INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
            SELECT $a, key, alias, last_word, words, count, metonym, evidence FROM actor_aliases WHERE actor_id = $b
            ON CONFLICT (actor_id, key) DO UPDATE SET count = count + excluded.count, metonym = min(metonym, excluded.metonym)
            """, a, b);
        Exec(tx, "DELETE FROM actor_aliases WHERE actor_id = $b", a, b);
        Exec(tx, """
            INSERT INTO actor_names (actor_id, name, votes) SELECT $a, name, votes FROM actor_names WHERE actor_id = $b
            ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + excluded.votes
            """, a, b);
        Exec(tx, "DELETE FROM actor_names WHERE actor_id = $b", a, b);
        // The events of both change sides or join others: their happenings are grouped again below.
        ReleaseHappenings(a, tx);
        ReleaseHappenings(b, tx);
        foreach (var sql in (string[])[
            "UPDATE actor_links SET actor_id = $a WHERE actor_id = $b",
            "UPDATE mentions SET actor_id = $a WHERE actor_id = $b",
            "UPDATE roles SET actor_id = $a WHERE actor_id = $b",
            "UPDATE quotes SET speaker_id = $a WHERE speaker_id = $b",
            "UPDATE claims SET source_actor_id = $a WHERE source_actor_id = $b",
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, side) SELECT event_id, $a, side FROM event_actors WHERE actor_id = $b",
            "DELETE FROM event_actors WHERE actor_id = $b",
            "INSERT OR IGNORE INTO actor_blocks (actor_id, key) SELECT $a, key FROM actor_blocks WHERE actor_id = $b",
            "DELETE FROM actor_blocks WHERE actor_id = $b",
            "UPDATE actors SET merged_into = $a WHERE merged_into = $b",
            "UPDATE actors SET merged_into = $a, mentions = 0, articles = 0 WHERE id = $b",
        ]) Exec(tx, sql, a, b);
        MergeCodes(a, b, tx);
        AssignHappenings(tx);
        LiftBlocksUndoneByMerge(a, tx);
        // The kept actor's name is the user's choice: it outweighs any later votes of articles.
        if (pinName)
            Exec(tx, """
                INSERT INTO actor_names (actor_id, name, votes) VALUES ($a, $name, 1000)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + 1000
                """, a, b, ("$name", nameA));
        Recount(a, tx);
        RecordDecision("merge", a, b, null, names, note, tx);
        foreach (var art in articles) RewriteContract(art, c => ContractEdits.MergeInContract(c, CanonicalId(a), CanonicalId(b)), tx);
        return new MergeResult(a, nameA, b, nameB, articles.Count);
    }

    // A bare-name actor made before any full name was known ("President Bush" in the first article) joins the one
    // full-name namesake that now shares a post with it. Never an actor a split created, never across a blocked name.
    private void ConsolidateBareNames(Dossier.Documents.Document doc, long[] ids, SqliteTransaction tx)
    {
        for (int i = 0; i < doc.Actors.Count; i++)
        {
            var actor = doc.Actors[i];
            if (actor.Type != Dossier.Documents.EntityType.PERSON || actor.Roles.Count == 0) continue;
            long full = ids[i];
            var key = NameKey.Of(actor.Name, true);
            if (NameKey.Words(key) < 2) continue;
            string surname = NameKey.LastWord(key);
            if (Blocked(full, surname)) continue;
            var bare = new List<long>();
            // Driven by the surname index: the actors carrying that last word, then the bare ones among them.
            using (var r = Prepared("""
                SELECT DISTINCT x.id FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = $s AND x.type = 'PERSON' AND x.merged_into IS NULL AND x.id <> $f
                  AND NOT EXISTS (SELECT 1 FROM actor_aliases z WHERE z.actor_id = x.id AND z.words >= 2)
                  AND NOT EXISTS (SELECT 1 FROM actor_decisions d WHERE d.other_id = x.id OR d.actor_id = x.id)
                """).P("$f", full).P("$s", surname).ExecuteReader())
                while (r.Read()) bare.Add(r.GetInt64(0));
            foreach (var b in bare)
            {
                if (!SharePost(b, full)) continue;
                // Another full-name namesake sharing a post with it would make it ambiguous.
                bool other;
                using (var c = Cmd("""
                    SELECT count(*) FROM actors x WHERE x.type = 'PERSON' AND x.merged_into IS NULL AND x.id NOT IN ($f, $b)
                      AND EXISTS (SELECT 1 FROM actor_aliases k WHERE k.actor_id = x.id AND k.last_word = $s AND k.words >= 2)
                      AND EXISTS (SELECT 1 FROM roles y JOIN roles z ON z.title = y.title COLLATE NOCASE
                                  AND (y."of" IS NULL OR z."of" IS NULL OR y."of" = z."of" COLLATE NOCASE)
                                  WHERE y.actor_id = x.id AND z.actor_id = $b)
                    """, tx).P("$f", full).P("$b", b).P("$s", surname)) other = (long)c.ExecuteScalar()! > 0;
                if (other) continue;
                MergeCore(full, b, $"{CanonicalId(full)} ← {CanonicalId(b)}",
                    $"automatic: the bare name '{surname}' shares a post with {actor.Name}, its one full-name namesake", pinName: false, tx);
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ActorDecisionInfo> Decisions()
    {
        var list = new List<ActorDecisionInfo>();
        using var c = Command("SELECT id, kind, actor_id, other_id, alias_key, names, note, created FROM actor_decisions ORDER BY id");
        using var r = c.ExecuteReader();
        while (r.Read())
            list.Add(new ActorDecisionInfo(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.S(4), r.GetString(5), r.S(6), r.GetString(7)));
        return list;
    }

    /// <inheritdoc/>
    public WhyReport Why(string first, string second)
    {
        var sa = Lookup(first);
        var sb = Lookup(second);
        if (sa.Count == 0) throw new DossierException(Errors.UnknownActor(first));
        if (sb.Count == 0) throw new DossierException(Errors.UnknownActor(second));
        var a = sa[0];
        var b = sb[0];
        // An id ("A735") stands for its actor, whose name is what the matcher compares: ids are not names.
        string nameA = IsActorId(first) ? a.Name : first, nameB = IsActorId(second) ? b.Name : second;
        var lines = new List<string>();
        bool person = a.Type == "PERSON" && b.Type == "PERSON";
        double score = NameMatcher.Score(nameA, nameB, person);
        lines.Add($"'{first}' is {CanonicalId(a.Id)} {a.Name} [{a.Type}]" + (sa.Count > 1 ? $" (also the name of {sa.Count - 1} other actor(s))" : ""));
        lines.Add($"'{second}' is {CanonicalId(b.Id)} {b.Name} [{b.Type}]" + (sb.Count > 1 ? $" (also the name of {sb.Count - 1} other actor(s))" : ""));
        lines.Add($"name matcher{(nameA != first || nameB != second ? $" on '{nameA}' and '{nameB}'" : "")}: {score.ToString("F3", CultureInfo.InvariantCulture)} " +
                  $"({(score >= NameMatcher.DefaultThreshold ? "alike" : "not alike")} at {NameMatcher.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}); " +
                  $"keys '{NameKey.Of(nameA, person)}' and '{NameKey.Of(nameB, person)}'");
        foreach (var d in Decisions().Where(d => d.ActorId == a.Id || d.OtherId == a.Id || d.ActorId == b.Id || d.OtherId == b.Id))
            lines.Add($"manual {d.Kind} #{d.Id} on {d.Created}: {d.Names}" + (d.Note is null ? "" : $" ({d.Note})"));
        if (a.Id == b.Id)
        {
            lines.Add("one actor. How each name joined it:");
            using var c = Command("SELECT alias, count, evidence FROM actor_aliases WHERE actor_id = $id AND key IN ($k1, $k2, $k3, $k4)")
                .P("$id", a.Id).P("$k1", NameKey.Of(nameA)).P("$k2", NameKey.Of(nameA, true)).P("$k3", NameKey.Of(nameB)).P("$k4", NameKey.Of(nameB, true));
            using var r = c.ExecuteReader();
            while (r.Read()) lines.Add($"  {r.GetString(0)} ({r.GetInt32(1)} article(s)): {r.S(2) ?? "no evidence recorded"}");
            return new WhyReport(true, a.Id, b.Id, score, lines);
        }
        int together;
        using (var c = Command("SELECT count(DISTINCT x.article_id) FROM actor_links x JOIN actor_links y ON x.article_id = y.article_id WHERE x.actor_id = $a AND y.actor_id = $b")
                   .P("$a", a.Id).P("$b", b.Id)) together = (int)(long)c.ExecuteScalar()!;
        lines.Add($"two actors: {a.Articles} and {b.Articles} article(s), {together} together" + (together > 0 ? " (an article naming both as different actors is evidence they are two)" : ""));
        if (!ActorResolver.CompatibleTypes(a.Type, b.Type)) lines.Add($"types differ ({a.Type}, {b.Type}): names of different types never join");
        bool blocked;
        using (var c = Command("SELECT count(*) FROM actor_blocks WHERE (actor_id = $a AND key IN (SELECT key FROM actor_aliases WHERE actor_id = $b)) OR (actor_id = $b AND key IN (SELECT key FROM actor_aliases WHERE actor_id = $a))")
                   .P("$a", a.Id).P("$b", b.Id)) blocked = (long)c.ExecuteScalar()! > 0;
        if (blocked) lines.Add("a name of one was split off the other by hand: they are kept apart");
        lines.Add("the store joins names with the same key (case, accents, titles, the Arabic article aside), a bare surname to the one " +
                  "namesake the article or its context supports, a name without a middle initial to the one fuller name; " +
                  "names that are merely alike are joined only by 'actor merge'");
        return new WhyReport(false, a.Id, b.Id, score, lines);
    }

    // ---- helpers ----

    // "A12" (as Lookup and ResolveActorRef read it), not a name.
    private static bool IsActorId(string reference)
    {
        var t = reference.Trim();
        return t.Length > 1 && t[0] is 'A' or 'a' && long.TryParse(t.AsSpan(1), out _);
    }

    private SqliteCommand Cmd(string sql, SqliteTransaction tx)
    {
        var c = _c.CreateCommand();
        c.CommandText = sql;
        c.Transaction = tx;
        return c;
    }

    private void Exec(SqliteTransaction tx, string sql, long a, long b, params (string Name, object? Value)[] more)
    {
        using var c = Cmd(sql, tx);
        if (sql.Contains("$a", StringComparison.Ordinal)) c.P("$a", a);
        if (sql.Contains("$b", StringComparison.Ordinal)) c.P("$b", b);
        foreach (var (name, value) in more) c.P(name, value);
        c.ExecuteNonQuery();
    }

    private string NameOf(long id, SqliteTransaction tx)
    {
        using var c = Cmd("SELECT name FROM actors WHERE id = $id", tx).P("$id", id);
        return (string)c.ExecuteScalar()!;
    }

    private List<long> ArticlesOf(long id, SqliteTransaction tx)
    {
        var list = new List<long>();
        using var c = Cmd("SELECT DISTINCT article_id FROM actor_links WHERE actor_id = $id", tx).P("$id", id);
        using var r = c.ExecuteReader();
        while (r.Read()) list.Add(r.GetInt64(0));
        return list;
    }

    private (string Key, string Alias)? ReadAlias(long actor, string key, SqliteTransaction tx)
    {
        using var c = Cmd("SELECT key, alias FROM actor_aliases WHERE actor_id = $a AND key = $k", tx).P("$a", actor).P("$k", key);
        using var r = c.ExecuteReader();
        return r.Read() ? (r.GetString(0), r.GetString(1)) : null;
    }

    private void Recount(long id, SqliteTransaction tx)
    {
        using var c = Cmd("""
            UPDATE actors SET
              mentions = (SELECT coalesce(sum(mentions), 0) FROM actor_links WHERE actor_id = $id),
              articles = (SELECT count(DISTINCT article_id) FROM actor_links WHERE actor_id = $id)
            WHERE id = $id
            """, tx).P("$id", id);
        c.ExecuteNonQuery();
    }

    private void MergeCodes(long a, long b, SqliteTransaction tx)
    {
        string ca, cb;
        using (var c = Cmd("SELECT codes FROM actors WHERE id = $id", tx).P("$id", a)) ca = (string)c.ExecuteScalar()!;
        using (var c = Cmd("SELECT codes FROM actors WHERE id = $id", tx).P("$id", b)) cb = (string)c.ExecuteScalar()!;
        var codes = System.Text.Json.JsonSerializer.Deserialize(ca, StoreJson.Default.DictionaryStringString) ?? new();
        foreach (var (k, v) in System.Text.Json.JsonSerializer.Deserialize(cb, StoreJson.Default.DictionaryStringString) ?? new()) codes.TryAdd(k, v);
        using var u = Cmd("UPDATE actors SET codes = $c WHERE id = $id", tx)
            .P("$c", System.Text.Json.JsonSerializer.Serialize(codes, StoreJson.Default.DictionaryStringString)).P("$id", a);
        u.ExecuteNonQuery();
    }

    private void RecordDecision(string kind, long a, long b, string? key, string names, string? note, SqliteTransaction tx)
    {
        using var c = Cmd("""
            INSERT INTO actor_decisions (kind, actor_id, other_id, alias_key, names, note, created)
            VALUES ($kind, $a, $b, $k, $names, $note, $t)
            """, tx).P("$kind", kind).P("$a", a).P("$b", b).P("$k", key).P("$names", names).P("$note", note)
            .P("$t", _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        c.ExecuteNonQuery();
    }

    // Whether any name was ever split off (most databases: none), so resolution skips the look-up entirely.
    private bool? _anyBlocks;

    private bool Blocked(long actor, string key)
    {
        _anyBlocks ??= (long)Prepared("SELECT count(*) FROM actor_blocks").ExecuteScalar()! > 0;
        if (_anyBlocks == false) return false;
        return (long)Prepared("SELECT count(*) FROM actor_blocks WHERE actor_id = $a AND key = $k").P("$a", actor).P("$k", key).ExecuteScalar()! > 0;
    }

    private void RewriteContract(long article, Action<JsonObject> edit, SqliteTransaction tx)
    {
        string json;
        using (var c = Cmd("SELECT contract FROM articles WHERE id = $id", tx).P("$id", article)) json = (string)c.ExecuteScalar()!;
        if (JsonNode.Parse(json) is not JsonObject root) return;
        edit(root);
        using var u = Cmd("UPDATE articles SET contract = $c WHERE id = $id", tx).P("$c", root.ToJsonString()).P("$id", article);
        u.ExecuteNonQuery();
    }
}
