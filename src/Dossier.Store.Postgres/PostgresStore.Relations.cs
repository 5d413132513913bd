using Dossier.Store.Actors;

namespace Dossier.Store.Postgres;

// Relations between two actors: the events with one as source and the other as target (in either direction unless
// ordered), grouped by month or week with their Goldstein scores summed and averaged. Undated events form one point.
// A happening told in several articles counts once, in the period of its earliest report.
public sealed partial class PostgresStore
{
    // The week of a day as SQLite's strftime('%Y-W%W') writes it: weeks start on Monday, and the days of January before
    // the first Monday are week 00 (neither PostgreSQL's ISO week, IW, nor its WW, counted from January 1st). date_sort is
    // always a whole day (YYYY-MM-DD, EventDates.SortKey).
    private const string SqliteWeek = """
        to_char(e.date_sort::date, 'YYYY') || '-W'
        || lpad(((extract(doy FROM e.date_sort::date)::int - 1 + 7 - (extract(isodow FROM e.date_sort::date)::int - 1)) / 7)::text, 2, '0')
        """;

    /// <inheritdoc/>
    public RelationReport Relation(string first, string second, string by = "month", bool ordered = false, int limit = 200)
    {
        if (by is not ("month" or "week")) throw new DossierException(Errors.BadOption("--by", "month or week"));
        long a = ActorDecisions.ResolveRef(this, first), b = ActorDecisions.ResolveRef(this, second);
        string period = by == "month" ? "substr(e.date_sort, 1, 7)" : SqliteWeek;
        string dyad = ordered
            ? "EXISTS (SELECT 1 FROM event_actors s WHERE s.event_id = e.id AND s.side = 'source' AND s.actor_id = @a) AND EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = e.id AND t.side = 'target' AND t.actor_id = @b)"
            : """
              (EXISTS (SELECT 1 FROM event_actors s WHERE s.event_id = e.id AND s.side = 'source' AND s.actor_id = @a) AND EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = e.id AND t.side = 'target' AND t.actor_id = @b))
              OR (EXISTS (SELECT 1 FROM event_actors s WHERE s.event_id = e.id AND s.side = 'source' AND s.actor_id = @b) AND EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = e.id AND t.side = 'target' AND t.actor_id = @a))
              """;
        // Periods in code-point order (COLLATE "C", as SQLite compares text), the undated point last; a period's event ids
        // in storage order.
        var points = new List<RelationPoint>();
        using (var c = Command($"""
            SELECT * FROM (
                SELECT coalesce({period}, 'undated') COLLATE "C" AS p, count(*)::int, sum(e.goldstein), avg(e.goldstein),
                       (count(*) FILTER (WHERE e.goldstein > 0))::int, (count(*) FILTER (WHERE e.goldstein < 0))::int,
                       string_agg(e.id::text, ',' ORDER BY e.id),
                       sum(coalesce((SELECT h.reports FROM happenings h WHERE h.id = e.happening_id), 1))::int
                FROM events e WHERE e.negated = 0 AND ({dyad}) AND {FirstReport}
                GROUP BY p) g
            ORDER BY g.p = 'undated', g.p
            """).P("a", a).P("b", b))
        using (var r = c.ExecuteReader())
            while (r.Read())
                points.Add(new RelationPoint(r.GetString(0), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4), r.GetInt32(5),
                    r.GetString(6).Split(',').Select(long.Parse).ToList()) { Reports = r.GetInt32(7) });
        List<TimelineEvent> events;
        using (var c = Command(EventSelect + $"""
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.negated = 0 AND ({dyad}) AND {FirstReport}
            ORDER BY e.date_sort COLLATE "C" NULLS LAST, a.id, e.start, e.id LIMIT @n
            """).P("a", a).P("b", b).P("n", limit))
            events = ReadEvents(c, new ArticleTexts(this));
        string nameA, nameB;
        using (var c = Command("SELECT name FROM actors WHERE id = @id").P("id", a)) nameA = (string)c.ExecuteScalar()!;
        using (var c = Command("SELECT name FROM actors WHERE id = @id").P("id", b)) nameB = (string)c.ExecuteScalar()!;
        return new RelationReport(a, nameA, b, nameB, ordered, by, points, events);
    }
}
