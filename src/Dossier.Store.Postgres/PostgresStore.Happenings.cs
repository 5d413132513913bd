using Dossier.Store.Happenings;
using Npgsql;

namespace Dossier.Store.Postgres;

// The happenings tables as IHappeningCatalog; the grouping rules are Store/Happenings/HappeningGrouper. Dates and their
// sort keys compare byte by byte (COLLATE "C") as on SQLite, whatever the database's collation; the sets they order here
// are small (the events without a happening, the reports of one happening).
public sealed partial class PostgresStore
{
    private HappeningTables? _happenings;

    /// <summary>Gives a happening to every event that has none (HappeningGrouper); returns how many were assigned.</summary>
    private int AssignHappenings() => HappeningGrouper.Assign(_happenings ??= new HappeningTables(this));

    private sealed class HappeningTables(PostgresStore store) : IHappeningCatalog
    {
        // The sides as sorted lists of actor ids ("12,40"), as the grouper compares them.
        public IReadOnlyList<UngroupedEvent> Ungrouped() =>
            store.Command("""
                SELECT e.id, e.plover, e.negated, e.date, e.date_sort,
                       coalesce((SELECT string_agg(actor_id::text, ',' ORDER BY actor_id) FROM event_actors WHERE event_id = e.id AND side = 'source'), ''),
                       coalesce((SELECT string_agg(actor_id::text, ',' ORDER BY actor_id) FROM event_actors WHERE event_id = e.id AND side = 'target'), '')
                FROM events e WHERE e.happening_id IS NULL ORDER BY e.date_sort IS NULL, e.date_sort COLLATE "C", e.id
                """).ReadAll(r => new UngroupedEvent(r.GetInt64(0), r.S(1), r.GetInt32(2) != 0, r.S(3), r.S(4), r.GetString(5), r.GetString(6)));

        // Precise dates are whole days (yyyy-MM-dd, checked by the grouper), so their distance is a difference of dates.
        public long? FindNear(string plover, bool negated, string sources, string targets, string date, string from, string to) =>
            store.Command("""
                SELECT id FROM happenings WHERE plover = @p AND negated = @n AND sources = @s AND targets = @t AND precise = 1
                  AND date COLLATE "C" BETWEEN @lo AND @hi
                ORDER BY abs(date::date - @d::date), id LIMIT 1
                """).P("lo", from).P("hi", to).P("p", plover).P("n", negated ? 1 : 0).P("s", sources).P("t", targets).P("d", date)
                .Scalar() as long?;

        public long? FindSame(string plover, bool negated, string sources, string targets, string date) =>
            store.Command("""
                SELECT id FROM happenings WHERE plover = @p AND negated = @n AND sources = @s AND targets = @t AND precise = 0
                  AND date = @d ORDER BY id LIMIT 1
                """).P("p", plover).P("n", negated ? 1 : 0).P("s", sources).P("t", targets).P("d", date).Scalar() as long?;

        public long Create(string plover, bool negated, string sources, string targets, string? date, bool precise, string? day) =>
            (long)store.Command("""
                INSERT INTO happenings (plover, negated, sources, targets, date, precise, day_first, day_last, reports)
                VALUES (@p, @n, @s, @t, @d, @pr, @day, @day, 0) RETURNING id
                """).P("p", plover).P("n", negated ? 1 : 0).P("s", sources).P("t", targets).P("d", date)
                .P("pr", precise ? 1 : 0).P("day", day).Scalar()!;

        public void AddReport(long happening, long eventId, string? day)
        {
            store.Command("""
                UPDATE happenings SET reports = reports + 1,
                       day_first = CASE WHEN @day::text IS NOT NULL AND (day_first IS NULL OR @day::text < day_first COLLATE "C") THEN @day::text ELSE day_first END,
                       day_last = CASE WHEN @day::text IS NOT NULL AND (day_last IS NULL OR @day::text > day_last COLLATE "C") THEN @day::text ELSE day_last END,
                       first_event = CASE WHEN first_event IS NULL THEN @e
                                          ELSE (SELECT x.id FROM events x WHERE x.id IN (first_event, @e)
                                                ORDER BY x.date_sort IS NULL, x.date_sort COLLATE "C", x.id LIMIT 1) END
                WHERE id = @h
                """).P("h", happening).P("day", day).P("e", eventId).Run();
            store.Command("UPDATE events SET happening_id = @h WHERE id = @e").P("h", happening).P("e", eventId).Run();
        }
    }

    /// <summary>Releases the happenings of every event an actor takes part in (before its sides change), so that
    /// <see cref="AssignHappenings"/> groups those events, and the others of their happenings, again.</summary>
    private void ReleaseHappenings(long actor) => Release(
        "SELECT DISTINCT e.happening_id FROM events e JOIN event_actors x ON x.event_id = e.id WHERE x.actor_id = @a AND e.happening_id IS NOT NULL",
        ("a", actor));

    /// <summary>Releases the happening of one event (before its sides change).</summary>
    private void ReleaseHappeningOf(long eventId) => Release(
        "SELECT happening_id FROM events WHERE id = @e AND happening_id IS NOT NULL", ("e", eventId));

    // The happenings are read first, then their events let go and the happenings removed (SQLite keeps them in a temporary
    // table meanwhile; here they are an array the two statements share).
    private void Release(string select, (string Name, object Value) p)
    {
        var ids = Command(select).P(p.Name, p.Value).ReadAll(r => r.GetInt64(0)).ToArray();
        if (ids.Length == 0) return;
        Command("UPDATE events SET happening_id = NULL WHERE happening_id = ANY(@ids)").P("ids", ids).Run();
        Command("DELETE FROM happenings WHERE id = ANY(@ids)").P("ids", ids).Run();
    }

    /// <inheritdoc/>
    public IReadOnlyList<TimelineEvent> HappeningReports(long happening, int limit = 200)
    {
        using var cmd = Command(EventSelect + """
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.happening_id = @h ORDER BY e.date_sort IS NULL, e.date_sort COLLATE "C", a.published COLLATE "C" NULLS FIRST, a.id, e.start LIMIT @n
            """).P("h", happening).P("n", limit);
        return ReadEvents(cmd, new ArticleTexts(this)); // the read side's event rows and evidence (PostgresStore.Read.cs)
    }

    /// <inheritdoc/>
    public HappeningStats HappeningCounts()
    {
        using var c = Command("""
            SELECT (SELECT count(*) FROM happenings), (SELECT count(*) FROM events), (SELECT count(*) FROM happenings WHERE reports > 1),
                   (SELECT coalesce(sum(mentions), 0)::bigint FROM events)
            """);
        using var r = c.ExecuteReader();
        r.Read();
        return new HappeningStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }
}
