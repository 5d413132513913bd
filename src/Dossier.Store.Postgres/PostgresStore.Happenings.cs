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
        var rows = Command(ReportSelect + """
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.happening_id = @h ORDER BY e.date_sort IS NULL, e.date_sort COLLATE "C", a.published COLLATE "C", a.id, e.start LIMIT @n
            """).P("h", happening).P("n", limit).ReadAll(ReadReport);
        // The evidence once the rows are read (a connection runs one command at a time): the texts of the reporting
        // articles in one query, sliced here because offsets are C# (UTF-16) indices and SQL's substr counts code points.
        var ids = rows.Select(x => x.Event.Article.Id).Distinct().ToArray();
        var texts = Command("SELECT id, text FROM articles WHERE id = ANY(@ids)").P("ids", ids).ReadAll(r => (Id: r.GetInt64(0), Text: r.GetString(1)))
            .ToDictionary(x => x.Id, x => x.Text);
        return rows.Select(x => x.Event with { Evidence = Slice(texts.GetValueOrDefault(x.Event.Article.Id, ""), x.Start, x.End) }).ToList();
    }

    private static string Slice(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        return text.Substring(start, Math.Clamp(end, start, text.Length) - start);
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

    // An event as the timeline shows it (the write side's own copy of the read side's event columns, for the reports of a
    // happening). The sides' names are in actor order, as SQLite's group_concat gives them along its key.
    private const string ReportSelect = """
        SELECT e.id, e.date, e.date_from_publication, e.cameo, e.plover, e.goldstein, e.trigger, e.sentence_start, e.sentence_end, e.certainty, e.negated,
               (SELECT string_agg(x.name, '; ' ORDER BY s.actor_id) FROM event_actors s JOIN actors x ON x.id = s.actor_id WHERE s.event_id = e.id AND s.side = 'source'),
               (SELECT string_agg(x.name, '; ' ORDER BY s.actor_id) FROM event_actors s JOIN actors x ON x.id = s.actor_id WHERE s.event_id = e.id AND s.side = 'target'),
               a.id, a.external_id, a.title, a.published, 0, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END,
               e.happening_id, coalesce((SELECT h.reports FROM happenings h WHERE h.id = e.happening_id), 1),
               coalesce((SELECT count(DISTINCT y.article_id) FROM events y WHERE y.happening_id = e.happening_id), 1)::integer, e.mentions
        """;

    // An event row without its evidence yet, and where the evidence lies in the article's text.
    private static (TimelineEvent Event, int Start, int End) ReadReport(NpgsqlDataReader r) => (new(
        r.GetInt64(0), r.S(1), r.GetInt32(2) != 0, r.GetString(3), r.S(4), r.GetDouble(5), r.GetString(6), "",
        r.GetString(9), r.GetInt32(10) != 0, r.S(11) ?? "", r.S(12) ?? "",
        new ArticleRef(r.GetInt64(13), r.S(14), r.S(15), r.S(16), r.IsDBNull(17) ? 0 : r.GetInt32(17), r.S(18)))
    {
        HappeningId = r.IsDBNull(19) ? null : r.GetInt64(19), Reports = r.GetInt32(20), ReportingArticles = r.GetInt32(21), Mentions = r.GetInt32(22),
    }, r.IsDBNull(7) ? 0 : r.GetInt32(7), r.IsDBNull(8) ? 0 : r.GetInt32(8));
}
