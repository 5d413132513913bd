using Dossier.Store.Actors;

namespace Dossier.Store.Sqlite;

// Relations between two actors: the events with one as source and the other as target (in either direction unless
// ordered), grouped by month or week with their Goldstein scores summed and averaged. Undated events form one point.
// A happening told in several articles counts once, in the period of its earliest report.
public sealed partial class SqliteStore
{
    /// <inheritdoc/>
    public RelationReport Relation(string first, string second, string by = "month", bool ordered = false, int limit = 200)
    {
        if (by is not ("month" or "week")) throw new DossierException(Errors.BadOption("--by", "month or week"));
        long a = ResolveActorRef(first), b = ResolveActorRef(second);
        string period = by == "month" ? "substr(e.date_sort, 1, 7)" : "strftime('%Y-W%W', e.date_sort)";
        string dyad = ordered
            ? "EXISTS (SELECT 1 FROM event_actors s WHERE s.event_id = e.id AND s.side = 'source' AND s.actor_id = $a) AND EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = e.id AND t.side = 'target' AND t.actor_id = $b)"
            : """
              (EXISTS (SELECT 1 FROM event_actors s WHERE s.event_id = e.id AND s.side = 'source' AND s.actor_id = $a) AND EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = e.id AND t.side = 'target' AND t.actor_id = $b))
              OR (EXISTS (SELECT 1 FROM event_actors s WHERE s.event_id = e.id AND s.side = 'source' AND s.actor_id = $b) AND EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = e.id AND t.side = 'target' AND t.actor_id = $a))
              """;
        var points = new List<RelationPoint>();
        using (var c = Command($"""
            SELECT coalesce({period}, 'undated') AS p, count(*), sum(e.goldstein), avg(e.goldstein),
                   sum(e.goldstein > 0), sum(e.goldstein < 0), group_concat(e.id),
                   sum(coalesce((SELECT h.reports FROM happenings h WHERE h.id = e.happening_id), 1))
            FROM events e WHERE e.negated = 0 AND ({dyad}) AND {FirstReport}
            GROUP BY p ORDER BY p = 'undated', p
            """).P("$a", a).P("$b", b))
        using (var r = c.ExecuteReader())
            while (r.Read())
                points.Add(new RelationPoint(r.GetString(0), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4), r.GetInt32(5),
                    r.GetString(6).Split(',').Select(long.Parse).ToList()) { Reports = r.GetInt32(7) });
        var events = new List<TimelineEvent>();
        var texts = new ArticleTexts(this);
        using (var c = Command(EventSelect + $"""
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.negated = 0 AND ({dyad}) AND {FirstReport}
            ORDER BY e.date_sort IS NULL, e.date_sort, a.id, e.start LIMIT $n
            """).P("$a", a).P("$b", b).P("$n", limit))
        using (var r = c.ExecuteReader())
            while (r.Read()) events.Add(ReadEvent(r, texts));
        string nameA, nameB;
        using (var c = Command("SELECT name FROM actors WHERE id = $id").P("$id", a)) nameA = (string)c.ExecuteScalar()!;
        using (var c = Command("SELECT name FROM actors WHERE id = $id").P("$id", b)) nameB = (string)c.ExecuteScalar()!;
        return new RelationReport(a, nameA, b, nameB, ordered, by, points, events);
    }
}
