using System.Globalization;
using Dossier.Store.Actors;
using Microsoft.Data.Sqlite;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Sqlite;

// Manual actor decisions in the SQLite engine: the transactions and the SQL of a merge (the policy of merges, splits and
// `why` is Store/Actors/ActorDecisions and ActorSplits; the statements they call are in SqliteStore.Catalog.cs).
public sealed partial class SqliteStore
{
    /// <summary>The one canonical actor a user's reference names (an id like A12, following merges, or a name); throws DSR404/DSR405.</summary>
    public long ResolveActorRef(string reference) => ActorDecisions.ResolveRef(this, reference);

    /// <inheritdoc/>
    public MergeResult Merge(string keep, string absorb, string? note = null)
    {
        long a = ResolveActorRef(keep), b = ResolveActorRef(absorb);
        if (a == b) throw new DossierException(Errors.SameActor(keep, absorb, CanonicalId(a)));
        using var tx = _c.BeginTransaction();
        var result = ActorDecisions.Merge(Catalog, a, b, $"{keep} ← {absorb}", note, pinName: true);
        tx.Commit();
        return result;
    }

    // Everything of one actor into another (IDecisionCatalog.MoveActor): plain SQL, the policy is ActorDecisions.Merge.
    private void MoveActor(long b, long a)
    {
        // Names: counts add up; the kept actor's evidence stays, the absorbed one's follows its names.
        Move("""
            INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
            SELECT $a, key, alias, last_word, words, count, metonym, evidence FROM actor_aliases WHERE actor_id = $b
            ON CONFLICT (actor_id, key) DO UPDATE SET count = count + excluded.count, metonym = min(metonym, excluded.metonym)
            """, a, b);
        Move("DELETE FROM actor_aliases WHERE actor_id = $b", a, b);
        Move("""
            INSERT INTO actor_names (actor_id, name, votes) SELECT $a, name, votes FROM actor_names WHERE actor_id = $b
            ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + excluded.votes
            """, a, b);
        Move("DELETE FROM actor_names WHERE actor_id = $b", a, b);
        // The events of both change sides or join others: their happenings are grouped again below.
        ReleaseHappenings(a);
        ReleaseHappenings(b);
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
        ]) Move(sql, a, b);
        AssignHappenings();
    }

    private void Move(string sql, long a, long b)
    {
        var statement = Prepared(sql);
        if (sql.Contains("$a", StringComparison.Ordinal)) statement.P("$a", a);
        if (sql.Contains("$b", StringComparison.Ordinal)) statement.P("$b", b);
        statement.ExecuteNonQuery();
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
    public WhyReport Why(string first, string second) => ActorDecisions.Why(this, Catalog, first, second);

    // ---- helpers ----

    private string NameOf(long id) => (string)Prepared("SELECT name FROM actors WHERE id = $id").P("$id", id).ExecuteScalar()!;

    private void Recount(long id) =>
        Prepared("""
            UPDATE actors SET
              mentions = (SELECT coalesce(sum(mentions), 0) FROM actor_links WHERE actor_id = $id),
              articles = (SELECT count(DISTINCT article_id) FROM actor_links WHERE actor_id = $id)
            WHERE id = $id
            """).P("$id", id).ExecuteNonQuery();

    private void RecordDecision(string kind, long a, long b, string? key, string names, string? note) =>
        Prepared("""
            INSERT INTO actor_decisions (kind, actor_id, other_id, alias_key, names, note, created)
            VALUES ($kind, $a, $b, $k, $names, $note, $t)
            """).P("$kind", kind).P("$a", a).P("$b", b).P("$k", key).P("$names", names).P("$note", note)
            .P("$t", _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).ExecuteNonQuery();

    // Whether any name was ever split off (most databases: none), so resolution skips the look-up entirely.
    private bool? _anyBlocks;

    private bool Blocked(long actor, string key)
    {
        _anyBlocks ??= (long)Prepared("SELECT count(*) FROM actor_blocks").ExecuteScalar()! > 0;
        if (_anyBlocks == false) return false;
        return (long)Prepared("SELECT count(*) FROM actor_blocks WHERE actor_id = $a AND key = $k").P("$a", actor).P("$k", key).ExecuteScalar()! > 0;
    }
}
