using Dossier.Store.Happenings;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Sqlite;

// The happenings tables (migration 004) as IHappeningCatalog; the grouping rules are Store/Happenings/HappeningGrouper.
// Events stored before migration 004 are assigned on opening.
public sealed partial class SqliteStore
{
    private HappeningTables? _happenings;

    /// <summary>Gives a happening to every event that has none (HappeningGrouper); returns how many were assigned.</summary>
    private int AssignHappenings() => HappeningGrouper.Assign(_happenings ??= new HappeningTables(this));

    private sealed class HappeningTables(SqliteStore store) : IHappeningCatalog
    {
        public IReadOnlyList<UngroupedEvent> Ungrouped()
        {
            var list = new List<UngroupedEvent>();
            using var r = store.Prepared("""
                SELECT e.id, e.plover, e.negated, e.date, e.date_sort,
                       coalesce((SELECT group_concat(actor_id, ',') FROM (SELECT actor_id FROM event_actors WHERE event_id = e.id AND side = 'source' ORDER BY actor_id)), ''),
                       coalesce((SELECT group_concat(actor_id, ',') FROM (SELECT actor_id FROM event_actors WHERE event_id = e.id AND side = 'target' ORDER BY actor_id)), '')
                FROM events e WHERE e.happening_id IS NULL ORDER BY e.date_sort IS NULL, e.date_sort, e.id
                """).ExecuteReader();
            while (r.Read()) list.Add(new UngroupedEvent(r.GetInt64(0), r.S(1), r.GetInt64(2) != 0, r.S(3), r.S(4), r.GetString(5), r.GetString(6)));
            return list;
        }

        public long? FindNear(string plover, bool negated, string sources, string targets, string date, string from, string to) =>
            store.Prepared("""
                SELECT id FROM happenings WHERE plover = $p AND negated = $n AND sources = $s AND targets = $t AND precise = 1
                  AND date BETWEEN $lo AND $hi
                ORDER BY abs(julianday(date) - julianday($d)), id LIMIT 1
                """).P("$lo", from).P("$hi", to).P("$p", plover).P("$n", negated ? 1 : 0).P("$s", sources).P("$t", targets).P("$d", date)
                .ExecuteScalar() as long?;

        public long? FindSame(string plover, bool negated, string sources, string targets, string date) =>
            store.Prepared("""
                SELECT id FROM happenings WHERE plover = $p AND negated = $n AND sources = $s AND targets = $t AND precise = 0
                  AND date = $d LIMIT 1
                """).P("$p", plover).P("$n", negated ? 1 : 0).P("$s", sources).P("$t", targets).P("$d", date).ExecuteScalar() as long?;

        public long Create(string plover, bool negated, string sources, string targets, string? date, bool precise, string? day) =>
            (long)store.Prepared("""
                INSERT INTO happenings (plover, negated, sources, targets, date, precise, day_first, day_last, reports)
                VALUES ($p, $n, $s, $t, $d, $pr, $day, $day, 0) RETURNING id
                """).P("$p", plover).P("$n", negated ? 1 : 0).P("$s", sources).P("$t", targets).P("$d", date)
                .P("$pr", precise ? 1 : 0).P("$day", day).ExecuteScalar()!;

        public void AddReport(long happening, long eventId, string? day)
        {
            store.Prepared("""
                UPDATE happenings SET reports = reports + 1,
                       day_first = CASE WHEN $day IS NOT NULL AND (day_first IS NULL OR $day < day_first) THEN $day ELSE day_first END,
                       day_last = CASE WHEN $day IS NOT NULL AND (day_last IS NULL OR $day > day_last) THEN $day ELSE day_last END,
                       first_event = CASE WHEN first_event IS NULL THEN $e
                                          ELSE (SELECT x.id FROM events x WHERE x.id IN (first_event, $e)
                                                ORDER BY x.date_sort IS NULL, x.date_sort, x.id LIMIT 1) END
                WHERE id = $h
                """).P("$h", happening).P("$day", day).P("$e", eventId).ExecuteNonQuery();
            store.Prepared("UPDATE events SET happening_id = $h WHERE id = $e").P("$h", happening).P("$e", eventId).ExecuteNonQuery();
        }
    }

    /// <summary>Releases the happenings of every event an actor takes part in (before its sides change), so that
    /// <see cref="AssignHappenings"/> groups those events, and the others of their happenings, again.</summary>
    private void ReleaseHappenings(long actor) => Release(
        "SELECT DISTINCT e.happening_id FROM events e JOIN event_actors x ON x.event_id = e.id WHERE x.actor_id = $a AND e.happening_id IS NOT NULL",
        ("$a", actor));

    /// <summary>Releases the happening of one event (before its sides change).</summary>
    private void ReleaseHappeningOf(long eventId) => Release(
        "SELECT happening_id FROM events WHERE id = $e AND happening_id IS NOT NULL", ("$e", eventId));

    private void Release(string select, (string Name, object Value) p)
    {
        Prepared("CREATE TEMP TABLE IF NOT EXISTS released (id INTEGER PRIMARY KEY)").ExecuteNonQuery();
        Prepared("DELETE FROM released").ExecuteNonQuery();
        Prepared($"INSERT OR IGNORE INTO released (id) {select}").P(p.Name, p.Value).ExecuteNonQuery();
        Prepared("UPDATE events SET happening_id = NULL WHERE happening_id IN (SELECT id FROM released)").ExecuteNonQuery();
        Prepared("DELETE FROM happenings WHERE id IN (SELECT id FROM released)").ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<TimelineEvent> HappeningReports(long happening, int limit = 200)
    {
        var list = new List<TimelineEvent>();
        var texts = new ArticleTexts(this);
        using var c = Command(EventSelect + """
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.happening_id = $h ORDER BY e.date_sort IS NULL, e.date_sort, a.published, a.id, e.start LIMIT $n
            """).P("$h", happening).P("$n", limit);
        using var r = c.ExecuteReader();
        while (r.Read()) list.Add(ReadEvent(r, texts));
        return list;
    }

    /// <inheritdoc/>
    public HappeningStats HappeningCounts()
    {
        using var c = Command("SELECT (SELECT count(*) FROM happenings), (SELECT count(*) FROM events), (SELECT count(*) FROM happenings WHERE reports > 1), (SELECT coalesce(sum(mentions), 0) FROM events)");
        using var r = c.ExecuteReader();
        r.Read();
        return new HappeningStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }
}
