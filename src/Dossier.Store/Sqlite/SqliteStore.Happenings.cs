using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Sqlite;

// One happening per real-world act, across articles (issue 14; migration 004). Each event belongs to one happening: the
// events of the same sources, the same targets (canonical actors), the same PLOVER type and negation, and a day within
// HappeningSlackDays of the happening's first day. A coarser date (a month, a week, a year) joins only the same value;
// an undated event or one with no PLOVER type is its own happening. Assignment runs in the transaction that stores an
// article, and again for the events a merge or split changes sides of (their happenings are released and rebuilt), so
// the grouping always follows the canonical actors. Events stored before migration 004 are assigned on opening.
public sealed partial class SqliteStore
{
    /// <summary>How many days apart two reports of one act may date it (news dates an act "on Monday" or by publication).</summary>
    public const int HappeningSlackDays = 1;

    /// <summary>Gives a happening to every event that has none, in date order; returns how many were assigned.</summary>
    private int AssignHappenings()
    {
        var pending = new List<(long Id, string? Plover, bool Negated, string? Date, string? Day, string Sources, string Targets)>();
        using (var r = Prepared("""
            SELECT e.id, e.plover, e.negated, e.date, e.date_sort,
                   coalesce((SELECT group_concat(actor_id, ',') FROM (SELECT actor_id FROM event_actors WHERE event_id = e.id AND side = 'source' ORDER BY actor_id)), ''),
                   coalesce((SELECT group_concat(actor_id, ',') FROM (SELECT actor_id FROM event_actors WHERE event_id = e.id AND side = 'target' ORDER BY actor_id)), '')
            FROM events e WHERE e.happening_id IS NULL ORDER BY e.date_sort IS NULL, e.date_sort, e.id
            """).ExecuteReader())
            while (r.Read())
                pending.Add((r.GetInt64(0), r.S(1), r.GetInt64(2) != 0, r.S(3), r.S(4), r.GetString(5), r.GetString(6)));
        foreach (var e in pending)
        {
            bool precise = e.Date is { Length: 10 } && e.Day == e.Date;
            long? into = null;
            if (e.Plover is not null && e.Date is not null)
            {
                var find = precise
                    ? Prepared("""
                        SELECT id FROM happenings WHERE plover = $p AND negated = $n AND sources = $s AND targets = $t AND precise = 1
                          AND date BETWEEN $lo AND $hi
                        ORDER BY abs(julianday(date) - julianday($d)), id LIMIT 1
                        """).P("$lo", Shift(e.Date, -HappeningSlackDays)).P("$hi", Shift(e.Date, HappeningSlackDays))
                    : Prepared("""
                        SELECT id FROM happenings WHERE plover = $p AND negated = $n AND sources = $s AND targets = $t AND precise = 0
                          AND date = $d LIMIT 1
                        """);
                into = find.P("$p", e.Plover).P("$n", e.Negated ? 1 : 0).P("$s", e.Sources).P("$t", e.Targets).P("$d", e.Date).ExecuteScalar() as long?;
            }
            into ??= (long)Prepared("""
                INSERT INTO happenings (plover, negated, sources, targets, date, precise, day_first, day_last, reports)
                VALUES ($p, $n, $s, $t, $d, $pr, $day, $day, 0) RETURNING id
                """).P("$p", e.Plover ?? "").P("$n", e.Negated ? 1 : 0).P("$s", e.Sources).P("$t", e.Targets).P("$d", e.Date)
                .P("$pr", precise ? 1 : 0).P("$day", e.Day).ExecuteScalar()!;
            Prepared("""
                UPDATE happenings SET reports = reports + 1,
                       day_first = CASE WHEN $day IS NOT NULL AND (day_first IS NULL OR $day < day_first) THEN $day ELSE day_first END,
                       day_last = CASE WHEN $day IS NOT NULL AND (day_last IS NULL OR $day > day_last) THEN $day ELSE day_last END
                WHERE id = $h
                """).P("$h", into).P("$day", e.Day).ExecuteNonQuery();
            Prepared("UPDATE events SET happening_id = $h WHERE id = $e").P("$h", into).P("$e", e.Id).ExecuteNonQuery();
        }
        return pending.Count;
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

    private static string Shift(string day, int days) =>
        DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
