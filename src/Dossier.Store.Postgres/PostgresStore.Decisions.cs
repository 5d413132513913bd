using System.Globalization;
using Dossier.Store.Actors;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Postgres;

// Manual actor decisions in the PostgreSQL engine: the transactions and the SQL of a merge (the policy of merges, splits
// and `why` is Store/Actors/ActorDecisions and ActorSplits; the statements they call are in PostgresStore.Catalog.cs).
// Every decision is a write transaction through BeginWrite: it holds the writers' lock, so an ingest process never
// resolves an article against an actor half merged.
public sealed partial class PostgresStore
{
    /// <summary>The one canonical actor a user's reference names (an id like A12, following merges, or a name); throws DSR404/DSR405.</summary>
    public long ResolveActorRef(string reference) => ActorDecisions.ResolveRef(this, reference);

    /// <inheritdoc/>
    public MergeResult Merge(string keep, string absorb, string? note = null)
    {
        long a = ResolveActorRef(keep), b = ResolveActorRef(absorb);
        if (a == b) throw new DossierException(Errors.SameActor(keep, absorb, CanonicalId(a)));
        using var tx = BeginWrite();
        try
        {
            var result = ActorDecisions.Merge(Catalog, a, b, $"{keep} ← {absorb}", note, pinName: true);
            tx.Commit();
            return result;
        }
        finally { _tx = null; }
    }

    // Everything of one actor into another (IDecisionCatalog.MoveActor): plain SQL, the policy is ActorDecisions.Merge.
    private void MoveActor(long b, long a)
    {
        // Names: counts add up; the kept actor's evidence stays, the absorbed one's follows its names.
        Move("""
            INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
            SELECT @a, key, alias, last_word, words, count, metonym, evidence FROM actor_aliases WHERE actor_id = @b
            ON CONFLICT (actor_id, key) DO UPDATE SET count = actor_aliases.count + excluded.count,
                metonym = least(actor_aliases.metonym, excluded.metonym)
            """, a, b);
        Move("DELETE FROM actor_aliases WHERE actor_id = @b", a, b);
        Move("""
            INSERT INTO actor_names (actor_id, name, votes) SELECT @a, name, votes FROM actor_names WHERE actor_id = @b
            ON CONFLICT (actor_id, name) DO UPDATE SET votes = actor_names.votes + excluded.votes
            """, a, b);
        Move("DELETE FROM actor_names WHERE actor_id = @b", a, b);
        // The events of both change sides or join others: their happenings are grouped again below.
        ReleaseHappenings(a);
        ReleaseHappenings(b);
        foreach (var sql in (string[])[
            "UPDATE actor_links SET actor_id = @a WHERE actor_id = @b",
            "UPDATE mentions SET actor_id = @a WHERE actor_id = @b",
            "UPDATE roles SET actor_id = @a WHERE actor_id = @b",
            "UPDATE quotes SET speaker_id = @a WHERE speaker_id = @b",
            "UPDATE claims SET source_actor_id = @a WHERE source_actor_id = @b",
            "INSERT INTO event_actors (event_id, actor_id, side) SELECT event_id, @a, side FROM event_actors WHERE actor_id = @b ON CONFLICT DO NOTHING",
            "DELETE FROM event_actors WHERE actor_id = @b",
            "INSERT INTO actor_blocks (actor_id, key) SELECT @a, key FROM actor_blocks WHERE actor_id = @b ON CONFLICT DO NOTHING",
            "DELETE FROM actor_blocks WHERE actor_id = @b",
            // Proposals follow the actor; one between the two is settled by the merge. SQLite's UPDATE OR IGNORE: a
            // proposal the kept actor already has with that other actor stays behind, and goes with the next statement.
            """
            UPDATE actor_suggestions s SET actor_id = @a WHERE s.actor_id = @b
              AND NOT EXISTS (SELECT 1 FROM actor_suggestions t WHERE t.actor_id = @a AND t.other_id = s.other_id)
            """,
            """
            UPDATE actor_suggestions s SET other_id = @a WHERE s.other_id = @b
              AND NOT EXISTS (SELECT 1 FROM actor_suggestions t WHERE t.actor_id = s.actor_id AND t.other_id = @a)
            """,
            "DELETE FROM actor_suggestions WHERE actor_id = @b OR other_id = @b OR actor_id = other_id",
            "UPDATE actors SET merged_into = @a WHERE merged_into = @b",
            "UPDATE actors SET merged_into = @a, mentions = 0, articles = 0 WHERE id = @b",
        ]) Move(sql, a, b);
        AssignHappenings();
    }

    private void Move(string sql, long a, long b)
    {
        using var cmd = Command(sql);
        if (sql.Contains("@a", StringComparison.Ordinal)) cmd.P("a", a);
        if (sql.Contains("@b", StringComparison.Ordinal)) cmd.P("b", b);
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<ActorDecisionInfo> Decisions() =>
        Command("SELECT id, kind, actor_id, other_id, alias_key, names, note, created FROM actor_decisions ORDER BY id")
            .ReadAll(r => new ActorDecisionInfo(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.S(4), r.GetString(5), r.S(6), r.GetString(7)));

    /// <inheritdoc/>
    public IReadOnlyList<ActorSuggestion> Suggestions(string? actor = null, int limit = 50, bool dismissed = false)
    {
        long? id = actor is null ? null : ResolveActorRef(actor);
        var seen = new HashSet<(long, long)>();
        // Actors with articles only (an article removed may leave one without), both standing (merges move proposals).
        var rows = Command("""
            SELECT s.actor_id, s.other_id, s.score, s.evidence, s.article_id, s.status, s.note
            FROM actor_suggestions s JOIN actors a ON a.id = s.actor_id JOIN actors o ON o.id = s.other_id
            WHERE (@d OR s.status = 'open') AND (@id::bigint IS NULL OR s.actor_id = @id OR s.other_id = @id)
              AND a.merged_into IS NULL AND o.merged_into IS NULL AND a.articles > 0 AND o.articles > 0
            ORDER BY s.status = 'open' DESC, s.score DESC, o.mentions + a.mentions DESC, s.actor_id, s.other_id LIMIT @n
            """).P("d", dismissed).P("id", id).P("n", Math.Max(0, limit))
            .ReadAll(r => (A: r.GetInt64(0), O: r.GetInt64(1), Score: r.GetDouble(2), Evidence: r.GetString(3), Article: r.GetInt64(4),
                Status: r.GetString(5), Note: r.S(6)));
        var list = new List<ActorSuggestion>();
        foreach (var x in rows)
            if (seen.Add((Math.Min(x.A, x.O), Math.Max(x.A, x.O))))
                list.Add(new ActorSuggestion(Summary(x.A), Summary(x.O), x.Score, x.Evidence, x.Article, x.Status, x.Note));
        return list;
    }

    /// <inheritdoc/>
    public ActorSuggestion Dismiss(string first, string second, string? note = null)
    {
        long a = ResolveActorRef(first), b = ResolveActorRef(second);
        if (a == b) throw new DossierException(Errors.SameActor(first, second, CanonicalId(a)));
        using (var tx = BeginWrite())
        {
            try
            {
                int n = Command("""
                    UPDATE actor_suggestions SET status = 'dismissed', note = @note
                    WHERE (actor_id = @a AND other_id = @b) OR (actor_id = @b AND other_id = @a)
                    """).P("a", a).P("b", b).P("note", note).Run();
                if (n == 0) throw new DossierException(Errors.NoSuggestion(first, second));
                tx.Commit();
            }
            finally { _tx = null; }
        }
        return Suggestions(CanonicalId(a), int.MaxValue, dismissed: true).First(s => s.Actor.Id == b || s.Other.Id == b);
    }

    // An actor as a list shows it: name, type, mentions, articles, names.
    private ActorSummary Summary(long id)
    {
        using var cmd = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k WHERE k.actor_id = x.id)::integer
            FROM actors x WHERE x.id = @id
            """).P("id", id);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new ActorSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5));
    }

    /// <inheritdoc/>
    public WhyReport Why(string first, string second) => ActorDecisions.Why(this, Catalog, first, second);

    // ---- helpers ----

    private string NameOf(long id) => (string)Command("SELECT name FROM actors WHERE id = @id").P("id", id).Scalar()!;

    private void Recount(long id) =>
        Command("""
            UPDATE actors SET
              mentions = (SELECT coalesce(sum(mentions), 0) FROM actor_links WHERE actor_id = @id),
              articles = (SELECT count(DISTINCT article_id) FROM actor_links WHERE actor_id = @id)
            WHERE id = @id
            """).P("id", id).Run();

    private void RecordDecision(string kind, long a, long b, string? key, string names, string? note) =>
        Command("""
            INSERT INTO actor_decisions (kind, actor_id, other_id, alias_key, names, note, created)
            VALUES (@kind, @a, @b, @k, @names, @note, @t)
            """).P("kind", kind).P("a", a).P("b", b).P("k", key).P("names", names).P("note", note)
            .P("t", _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Run();

    private bool Blocked(long actor, string key)
    {
        if (!AnyBlocks()) return false;
        return (long)Command("SELECT count(*) FROM actor_blocks WHERE actor_id = @a AND key = @k").P("a", actor).P("k", key).Scalar()! > 0;
    }
}
