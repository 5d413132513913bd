using System.Text.Json;
using Dossier.Store.Actors;
using Dossier.Store.ReadModels;
using Npgsql;

namespace Dossier.Store.Postgres;

// The read models in PostgreSQL's dialect: the same rows, in the same order, as SqliteStore.Read.cs gives. Where SQLite's
// order rests on a NULL being the smallest value, the NULLS FIRST/LAST is written out (PostgreSQL sorts NULL as the
// largest); text compared for order is compared COLLATE "C" (code points, as SQLite's default binary collation) where the
// database's own collation could order it otherwise.
public sealed partial class PostgresStore
{
    // ts_rank's weights of D, C, B and A words: text (D) a quarter of title (A), as SQLite's bm25(4, 1).
    private static readonly float[] RankWeights = [0.25f, 0.25f, 0.25f, 1f];

    /// <summary>How long one search may run (<see cref="Limits.SearchTimeoutMs"/>; tests shorten it).</summary>
    internal int SearchTimeoutMs { get; set; } = Limits.SearchTimeoutMs;

    public SearchResults Search(string query, int limit = 20, int offset = 0)
    {
        // The user's syntax is parsed once, by FtsQuery (limits, DSR314, repeated terms); its FTS5 expression is then
        // written as a tsquery (PgTsQuery), never pasting user text into SQL: the tsquery text is a parameter, and each
        // word in it is a quoted lexeme.
        var match = FtsQuery.Build(query);
        if (match.Length == 0) return SearchResults.None;
        var (tsquery, rank, highlight) = PgTsQuery.From(match);
        // As on SQLite, only the latest stored matches are ranked (StoreOptions.SearchRankedMatches; one more is read to
        // tell whether there were more, and left out): the GIN index finds the matches, the newest are kept by id, and
        // only they are ranked (ts_rank in the select list of the first step would rank every match before the sort).
        // Title words weigh four times text words, as SQLite's bm25(4, 1); the rank is divided by 1 + log(length) as bm25
        // discounts long texts; it has no inverse document frequency, so the order of the matches is not bm25's. The score
        // reported is the rank negated, so that lower is better as with bm25.
        // Only the page's rows get a headline (ts_headline parses the whole text). It is asked for the query's words,
        // folded and as typed, in any order (see PgTsQuery.From), since it reads the text as stored while the index reads
        // it folded. Where the fragment does not reach the start or the end of the text an ellipsis is added, as SQLite's
        // snippet() does; when only punctuation follows it (ts_headline ends at a word), that is added instead.
        // ts_headline reads "<…>" as markup and blanks it ("<script>alert(1)" lost its tag from the snippet): '<' goes to
        // a private-use character it takes for a letter, and back.
        using var cmd = Command("""
            WITH q AS (SELECT to_tsquery('simple', dossier_fold(@q)) AS q, to_tsquery('simple', dossier_fold(@r)) AS r,
                              to_tsquery('simple', @h) || to_tsquery('simple', dossier_fold(@h)) AS h),
            latest AS MATERIALIZED (
                SELECT a.id FROM articles a, q WHERE a.search @@ q.q ORDER BY a.id DESC LIMIT @k + 1),
            cut AS (SELECT count(*) > @k AS more, min(id) AS oldest FROM latest),
            page AS MATERIALIZED (
                SELECT l.id, -ts_rank(@w, a.search, q.r, 1)::float8 AS score
                FROM latest l JOIN articles a ON a.id = l.id, cut, q WHERE NOT cut.more OR l.id > cut.oldest
                ORDER BY score, l.id LIMIT @n OFFSET @o),
            hl AS (
                SELECT page.id, x.h, p.at, CASE WHEN p.at > 0 THEN substr(a.text, p.at + length(x.plain), 41) END AS tail
                FROM page JOIN articles a ON a.id = page.id, q,
                     LATERAL (SELECT replace(ts_headline('simple', replace(a.text, '<', U&'\E000'), q.h, @options), U&'\E000', '<') AS h) y,
                     LATERAL (SELECT y.h, replace(replace(y.h, @ms, ''), @me, '') AS plain) x,
                     LATERAL (SELECT strpos(a.text, x.plain) AS at) p)
            SELECT a.id, a.external_id, a.title, a.published, a.source, hl.h, hl.at,
                   CASE WHEN length(hl.tail) <= 40 AND length(to_tsvector('simple', hl.tail)) = 0 THEN rtrim(hl.tail) END,
                   page.score, (SELECT more FROM cut)
            FROM page JOIN articles a ON a.id = page.id JOIN hl ON hl.id = page.id
            ORDER BY page.score, a.id
            """).P("q", tsquery).P("r", rank).P("h", highlight).P("n", limit).P("o", offset).P("k", _rankedMatches)
            .P("w", RankWeights).P("ms", SearchHit.MarkStart.ToString()).P("me", SearchHit.MarkEnd.ToString())
            .P("options", $"StartSel=\"{SearchHit.MarkStart}\", StopSel=\"{SearchHit.MarkEnd}\", MaxWords=24, MinWords=23, ShortWord=0, MaxFragments=1, FragmentDelimiter=…");
        var list = new List<SearchHit>();
        bool more = false;
        using (TimeLimit(SearchTimeoutMs))
        {
            try
            {
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var snippet = r.GetString(5);
                    int at = r.GetInt32(6);
                    // A fragment found past the text's start, or not found at all: something comes before it. After it: the
                    // punctuation that ends the text, or an ellipsis when words follow.
                    if (at != 1) snippet = "…" + snippet;
                    snippet += r.IsDBNull(7) ? "…" : r.GetString(7);
                    list.Add(new SearchHit(r.GetInt64(0), r.S(1), r.S(2), r.S(3), r.S(4), snippet, r.GetDouble(8)));
                    more = r.GetBoolean(9);
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled) { throw new DossierException(Errors.SearchTimeout()); }
            catch (PostgresException e) { throw new DossierException(Errors.BadSearch(query, e.MessageText)); }
        }
        return new SearchResults(list, more ? _rankedMatches : null);
    }

    /// <summary>Runs the commands made until the returned scope is disposed inside a transaction of their own (a savepoint
    /// when a write transaction is open) whose statements are stopped past <paramref name="milliseconds"/> (they fail with
    /// query_canceled). Disposing rolls the scope back: it only read, and the time limit goes with it.</summary>
    private TimeLimitScope TimeLimit(int milliseconds)
    {
        // statement_timeout 0 would mean no limit: a search given no time stops at once.
        if (milliseconds <= 0) throw new DossierException(Errors.SearchTimeout());
        var scope = new TimeLimitScope(this);
        try
        {
            using var set = Command("SELECT set_config('statement_timeout', @ms, true)").P("ms", milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            set.ExecuteNonQuery();
        }
        catch
        {
            scope.Dispose();
            throw;
        }
        return scope;
    }

    private sealed class TimeLimitScope : IDisposable
    {
        private const string Savepoint = "dossier_time_limit";
        private readonly PostgresStore _store;
        private readonly NpgsqlTransaction? _own; // null when inside the store's write transaction (a savepoint there)

        public TimeLimitScope(PostgresStore store)
        {
            _store = store;
            if (store._tx is { Connection: not null } tx) tx.Save(Savepoint);
            else store._tx = _own = store._c.BeginTransaction();
        }

        public void Dispose()
        {
            if (_own is null)
            {
                _store._tx!.Rollback(Savepoint);
                _store._tx.Release(Savepoint); // a long batch does not pile up savepoints
            }
            else
            {
                _own.Dispose(); // rolls back
                _store._tx = null;
            }
        }
    }

    public IReadOnlyList<ActorSummary> TopActors(int top, string? type = null, int offset = 0, string? containing = null)
    {
        // "containing": a case-insensitive substring of the name or of any alias (LIKE's wildcards are escaped). SQLite's
        // LIKE folds the case of ASCII letters only; ILIKE folds every letter's.
        string? like = string.IsNullOrWhiteSpace(containing) ? null
            : "%" + containing.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        using var cmd = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k WHERE k.actor_id = x.id)
            FROM actors x WHERE (@t::text IS NULL OR x.type = @t::text) AND x.merged_into IS NULL
              AND (@like::text IS NULL OR x.name ILIKE @like::text ESCAPE '\'
                   OR EXISTS (SELECT 1 FROM actor_aliases k WHERE k.actor_id = x.id AND k.alias ILIKE @like::text ESCAPE '\'))
            ORDER BY x.mentions DESC, x.articles DESC, x.id LIMIT @n OFFSET @o
            """).P("t", type?.ToUpperInvariant()).P("n", top).P("o", offset).P("like", like);
        return ReadSummaries(cmd);
    }

    // Six columns: id, name, type, mentions, articles (int4) and the count of aliases (bigint).
    private static List<ActorSummary> ReadSummaries(NpgsqlCommand cmd)
    {
        var list = new List<ActorSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new ActorSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), (int)r.GetInt64(5)));
        return list;
    }

    /// <summary>Canonical actors whose name or alias has the key of <paramref name="name"/> (best first); a bare word also finds surnames.</summary>
    public IReadOnlyList<ActorSummary> Lookup(string name)
    {
        // The keys (NameKey: case and diacritics folded, word order kept) are computed here, as on SQLite, and compared
        // for equality: the same matches on both engines.
        var keys = NameKey.LookupKeys(name);
        if (keys.Count == 0) return [];
        // A canonical id ("A12") is accepted too.
        var t = name.Trim();
        if (t.Length > 1 && t[0] is 'A' or 'a' && long.TryParse(t.AsSpan(1), out var id))
        {
            // A merged actor's id leads to the actor it was merged into.
            for (int hop = 0; hop < 64; hop++)
            {
                using var m = Command("SELECT merged_into FROM actors WHERE id = @id").P("id", id);
                if (m.ExecuteScalar() is long next) id = next; else break;
            }
            using var byId = Command("""
                SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k WHERE k.actor_id = x.id)
                FROM actors x WHERE x.id = @id
                """).P("id", id);
            var found = ReadSummaries(byId);
            if (found.Count > 0) return found;
        }
        using var cmd = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k2 WHERE k2.actor_id = x.id)
            FROM actors x WHERE x.id IN (SELECT actor_id FROM actor_aliases WHERE key IN (@k1, @k2))
            ORDER BY x.mentions DESC, x.id LIMIT 20
            """).P("k1", keys[0]).P("k2", keys[^1]);
        var list = ReadSummaries(cmd);
        if (list.Count > 0 || keys.All(k => NameKey.Words(k) > 1)) return list;
        using var bySurname = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k2 WHERE k2.actor_id = x.id)
            FROM actors x WHERE x.type = 'PERSON' AND x.id IN (SELECT actor_id FROM actor_aliases WHERE last_word IN (@k1, @k2))
            ORDER BY x.mentions DESC, x.id LIMIT 20
            """).P("k1", keys[0]).P("k2", keys[^1]);
        return ReadSummaries(bySurname);
    }

    /// <summary>Names like <paramref name="name"/> for a "did you mean" hint.</summary>
    public IReadOnlyList<string> Suggest(string name, int limit = 5)
    {
        var key = NameKey.Of(name, person: true);
        if (key.Length < 3) return [];
        // Ties of mentions by id (SQLite leaves them in its grouping's order, which is by id).
        using var cmd = Command("""
            SELECT x.name FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
            WHERE k.key LIKE @p ESCAPE '\' GROUP BY x.id ORDER BY x.mentions DESC, x.id LIMIT @n
            """).P("p", "%" + key.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%").P("n", limit);
        var list = new List<string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(r.GetString(0));
        if (list.Count > 0) return list;
        // Nothing contains it: names one or two keystrokes away ("Rusia" → Russia), most mentioned first. length() counts
        // code points, as SQLite's does.
        int max = key.Length <= 5 ? 1 : 2;
        using var near = Command("""
            SELECT k.key, x.name, x.mentions FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
            WHERE x.merged_into IS NULL AND length(k.key) BETWEEN @lo AND @hi
            ORDER BY k.actor_id, k.key
            """).P("lo", key.Length - max).P("hi", key.Length + max);
        var found = new List<(string Name, int Mentions)>();
        using (var r = near.ExecuteReader())
            while (r.Read())
                if (Dossier.Actors.NameMatcher.Damerau(key, r.GetString(0), max) <= max) found.Add((r.GetString(1), r.GetInt32(2)));
        return found.OrderByDescending(f => f.Mentions).Select(f => f.Name).Distinct().Take(limit).ToList();
    }

    public ActorDossier? FindActor(string name, int limit = 20)
    {
        var matches = Lookup(name);
        if (matches.Count == 0) return null;
        var top = matches[0];
        long id = top.Id;

        string codesJson;
        using (var c = Command("SELECT codes FROM actors WHERE id = @id").P("id", id)) codesJson = (string)c.ExecuteScalar()!;
        var codes = JsonSerializer.Deserialize(codesJson, Dossier.Store.Sqlite.StoreJson.Default.DictionaryStringString) ?? new();

        var aliases = new List<AliasInfo>();
        using (var c = Command("""SELECT alias, count, evidence FROM actor_aliases WHERE actor_id = @id ORDER BY count DESC, alias COLLATE "C" """).P("id", id))
        using (var r = c.ExecuteReader())
            while (r.Read()) aliases.Add(new AliasInfo(r.GetString(0), r.GetInt32(1), r.S(2)));

        // Roles as occupancies: the statements of all articles merged per post, with the dates they support.
        var roles = OccupanciesOf(id).Take(30).Select(o => new RoleInfo(o.Title, o.Of,
            o.Qualifiers.Count > 0 ? string.Join(", ", o.Qualifiers) : null, o.Start, o.End, o.Articles.Count, o.Start, o.LastSeen)).ToList();
        // And the posts the actor dictionary dates for the record the actor is linked to (after the articles' own).
        if (codes.TryGetValue(Dossier.Actors.DictionaryRoles.CodeKey, out var record) && Dossier.Actors.ActorDictionary.Default.FindRecord(record) is { } entry)
            roles.AddRange(Dossier.Actors.DictionaryRoles.Of(entry, Dossier.Actors.CountryTable.Default).Select(r =>
                new RoleInfo(r.Title, r.Of, null, r.Start, r.End, 0, r.Start, null) { Source = "dictionary", Code = r.Code }));

        var articles = ArticlesOf(id, 0, limit);

        // The network over the actor's latest articles: their links read once (CoActors counts and pairs them; the actor's
        // own links there give the tally of the decisions that linked it).
        var window = new List<(long, long)>();
        var decided = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var c = Command($"""
            SELECT l.article_id, l.actor_id, CASE WHEN l.actor_id = @id THEN l.decision END
            FROM ({ContextArticles}) w JOIN actor_links l ON l.article_id = w.article_id
            """).P("id", id).P("window", Limits.DossierContextArticles))
        using (var r = c.ExecuteReader())
            while (r.Read())
            {
                long other = r.GetInt64(1);
                if (other != id) window.Add((r.GetInt64(0), other));
                else { var d = r.GetString(2); decided[d] = decided.GetValueOrDefault(d) + 1; }
            }
        var (co, coLinks) = CoActors.Of(window, Describe);

        var quotes = QuotesOf(id, 0, limit);

        var events = new List<ActorEvent>();
        var texts = new ArticleTexts(this);
        // The page is chosen first, and only its rows get their actors' names and happening counts. An undated event
        // (no day, no publication date) comes after the dated ones, as SQLite's NULL-smallest order puts it.
        using (var c = Command(EventSelect + $"""
             , p.side FROM (SELECT e.id AS event_id, ea.side AS side, coalesce(e.date_sort, e.published) AS day, e.article_id AS article_id, e.start AS start
                            FROM event_actors ea JOIN events e ON e.id = ea.event_id
                            WHERE ea.actor_id = @id AND {FirstReport} ORDER BY day DESC NULLS LAST, article_id DESC, start, e.id, ea.side LIMIT @n) p
            JOIN events e ON e.id = p.event_id JOIN articles a ON a.id = e.article_id
            ORDER BY p.day DESC NULLS LAST, p.article_id DESC, p.start, e.id, p.side
            """).P("id", id).P("n", limit))
        {
            // One row per happening (its earliest report, with the count of reports); an event with the actor on both sides
            // (after a merge) is listed once.
            var seen = new HashSet<long>();
            var rows = new List<(string Side, EventRow Row)>();
            using (var r = c.ExecuteReader())
                while (r.Read())
                    if (seen.Add(r.GetInt64(0))) rows.Add((r.GetString(EventColumns), ReadEvent(r)));
            texts.Load(rows.Select(x => x.Row.Article));
            events.AddRange(rows.Select(x => new ActorEvent(x.Side, x.Row.With(texts))));
        }

        // Newest first above to keep the latest when cut; shown oldest first.
        quotes.Reverse();
        events.Reverse();
        // Most frequent first (then by name, so that ties read the same on every engine).
        var decisions = decided.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Take(limit)
            .Select(d => new Decision(d.Key, d.Value)).ToList();
        int Total(string sql) { using var c = Command(sql).P("id", id); return (int)(long)c.ExecuteScalar()!; }
        return new ActorDossier(id, top.Name, top.Type, codes, top.Mentions, top.Articles, aliases, roles, articles, co, quotes, events,
            matches.Skip(1).ToList(),
            Total("SELECT count(*) FROM quotes WHERE speaker_id = @id"),
            Total("SELECT count(DISTINCT coalesce(e.happening_id, -e.id)) FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = @id"), decisions, coLinks)
        {
            Suggestions = Suggestions(StoreIds.CanonicalId(id), 10),
        };
    }

    // The actor's latest articles (Limits.DossierContextArticles of them: newest published first, undated ones after the
    // dated, then the latest stored; read backwards along actor_links_actor): what co-actors and their links are counted
    // over. An article's links all carry its date, so grouping by (published, article) is SQLite's DISTINCT article.
    // Parameters @id and @window.
    private const string ContextArticles =
        "SELECT article_id FROM actor_links WHERE actor_id = @id GROUP BY published, article_id ORDER BY published DESC NULLS LAST, article_id DESC LIMIT @window";

    // Name, type and mentions of the given actors (those a dossier may show).
    private Dictionary<long, (string Name, string Type, long Mentions)> Describe(IReadOnlyCollection<long> ids)
    {
        var info = new Dictionary<long, (string, string, long)>();
        using var c = Command("SELECT x.id, x.name, x.type, x.mentions FROM actors x WHERE x.id = ANY(@ids)").P("ids", ids.ToArray());
        using var r = c.ExecuteReader();
        while (r.Read()) info[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetInt32(3));
        return info;
    }

    /// <inheritdoc/>
    public IReadOnlyList<QuoteInfo> ActorQuotes(string actor, int offset, int limit) => QuotesOf(ActorIdOf(actor), offset, limit);

    /// <inheritdoc/>
    public IReadOnlyList<ArticleRef> ActorArticles(string actor, int offset, int limit) => ArticlesOf(ActorIdOf(actor), offset, limit);

    // Newest first: the dossier's first page and the pages after it, a range of quotes_speaker_newest / actor_links_actor
    // read backwards. Undated rows last (NULLS LAST: SQLite's NULL is the smallest value). SQLite breaks a tie of quotes
    // at one offset by rowid; this table has none, so by the quote's end and kind.
    private List<QuoteInfo> QuotesOf(long id, int offset, int limit)
    {
        var quotes = new List<QuoteInfo>();
        using var c = Command("""
            SELECT q.start, q."end", q.kind, q.cue, a.id, a.external_id, a.title, a.published, 0, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END
            FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = @id
            ORDER BY q.published DESC NULLS LAST, q.article_id DESC, q.start, q."end", q.kind LIMIT @n OFFSET @o
            """).P("id", id).P("n", limit).P("o", offset);
        var rows = new List<(int Start, int End, QuoteInfo Quote)>();
        using (var r = c.ExecuteReader())
            while (r.Read()) rows.Add((r.GetInt32(0), r.GetInt32(1), new QuoteInfo("", r.GetString(2), r.S(3), ReadArticleRef(r, 4))));
        var texts = new ArticleTexts(this);
        texts.Load(rows.Select(x => x.Quote.Article.Id));
        foreach (var (start, end, quote) in rows) quotes.Add(quote with { Text = texts.Slice(quote.Article.Id, start, end) });
        return quotes;
    }

    private List<ArticleRef> ArticlesOf(long id, int offset, int limit)
    {
        var articles = new List<ArticleRef>();
        // One row per article (an article may link several of its document actors to the actor).
        using var c = Command("""
            SELECT a.id, a.external_id, a.title, a.published, p.mentions::int, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END
            FROM (SELECT l.article_id, l.published, sum(l.mentions) AS mentions FROM actor_links l
                  WHERE l.actor_id = @id GROUP BY l.published, l.article_id ORDER BY l.published DESC NULLS LAST, l.article_id DESC LIMIT @n OFFSET @o) p
            JOIN articles a ON a.id = p.article_id
            ORDER BY p.published DESC NULLS LAST, p.article_id DESC
            """).P("id", id).P("n", limit).P("o", offset);
        using var r = c.ExecuteReader();
        while (r.Read()) articles.Add(ReadArticleRef(r, 0));
        return articles;
    }

    // The canonical id a name or id stands for (the best match), or DSR401.
    private long ActorIdOf(string actor)
    {
        var m = Lookup(actor);
        return m.Count > 0 ? m[0].Id : throw new DossierException(Errors.UnknownActor(actor));
    }

    public IReadOnlyList<TimelineEvent> Timeline(TimelineFilter filter)
    {
        long? actor = null;
        if (filter.Actor is { } name)
        {
            var m = Lookup(name);
            if (m.Count == 0) throw new DossierException(Errors.UnknownActor(name));
            actor = m[0].Id;
        }
        long? with = null;
        if (filter.With is not null && actor is null) throw new DossierException(Errors.BadOption("with", "a dyad needs the first actor too"));
        if (filter.With is { } other)
        {
            var m = Lookup(other);
            if (m.Count == 0) throw new DossierException(Errors.UnknownActor(other));
            with = m[0].Id;
        }
        // Undated events (when asked for) come after the dated ones; a date range leaves them out. Dates are ISO text,
        // compared by code point as on SQLite. Within a day: the article's publication (undated articles first, as
        // SQLite's NULL-smallest order has them), the article, the offset, then storage order.
        bool undated = filter.Undated && filter.From is null && filter.To is null;
        using var cmd = Command(EventSelect + $"""
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE (e.date_sort IS NOT NULL OR @undated)
              AND (@from::text IS NULL OR e.date_sort COLLATE "C" >= @from::text)
              AND (@to::text IS NULL OR substr(e.date_sort, 1, length(@to::text)) COLLATE "C" <= @to::text)
              AND (@actor::bigint IS NULL OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id = @actor::bigint))
              AND (@with::bigint IS NULL OR EXISTS (SELECT 1 FROM event_actors ea JOIN event_actors eb ON eb.event_id = ea.event_id
                                            WHERE ea.event_id = e.id AND ea.actor_id = @actor::bigint AND eb.actor_id = @with::bigint AND eb.side <> ea.side))
              AND (@cameo::text IS NULL OR e.cameo LIKE @cameo::text || '%')
              AND (@plover::text IS NULL OR e.plover = @plover::text)
              AND (NOT @happenings OR {FirstReport})
            ORDER BY e.date_sort COLLATE "C" NULLS LAST, a.published COLLATE "C" NULLS FIRST, a.id, e.start, e.id LIMIT @n OFFSET @o
            """).P("from", filter.From).P("to", filter.To).P("actor", actor).P("with", with).P("undated", undated)
            .P("cameo", filter.Cameo).P("plover", filter.Plover?.ToUpperInvariant()).P("happenings", filter.Happenings).P("n", filter.Limit).P("o", filter.Offset);
        return ReadEvents(cmd, new ArticleTexts(this));
    }

    // The rows of an event query, then their evidence (a connection runs one command at a time, so the texts are read
    // once the rows are).
    private static List<TimelineEvent> ReadEvents(NpgsqlCommand cmd, ArticleTexts texts)
    {
        var rows = new List<EventRow>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rows.Add(ReadEvent(r));
        texts.Load(rows.Select(x => x.Article));
        return rows.Select(x => x.With(texts)).ToList();
    }

    // Every event, in pages along the key of the order (article, offset, id): a reader left open while the caller works
    // would hold the connection, which runs one command at a time.
    public IEnumerable<TimelineEvent> AllEvents()
    {
        var texts = new ArticleTexts(this);
        (long Article, int Start, long Id) after = (long.MinValue, int.MinValue, long.MinValue);
        while (true)
        {
            var rows = new List<EventRow>();
            using (var cmd = Command(EventSelect + """
                 , e.start FROM events e JOIN articles a ON a.id = e.article_id
                WHERE (e.article_id, e.start, e.id) > (@a, @s, @e) ORDER BY e.article_id, e.start, e.id LIMIT @n
                """).P("a", after.Article).P("s", after.Start).P("e", after.Id).P("n", ExportPage))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    rows.Add(ReadEvent(r));
                    after = (r.GetInt64(13), r.GetInt32(EventColumns), r.GetInt64(0));
                }
            texts.Load(rows.Select(x => x.Article));
            foreach (var row in rows) yield return row.With(texts);
            if (rows.Count < ExportPage) yield break;
        }
    }

    // Rows per page of the exports (AllEvents, Contracts).
    private const int ExportPage = 500;

    // The role statements of one actor merged into occupancies (Dossier.Actors.Occupancies). SQLite reads them in
    // storage order (rowid); this table has no row id: by article (stored in id order), then the row's place in the table
    // (the order its rows were written in).
    private List<Dossier.Actors.Occupancy> OccupanciesOf(long actor)
    {
        var statements = new List<Dossier.Actors.RoleStatement>();
        using (var c = Command("""
            SELECT r.title, r."of", r.qualifier, r.published, r.start IS NULL AND r."end" IS NOT NULL, r.article_id
            FROM roles r WHERE r.actor_id = @id ORDER BY r.article_id, r.ctid
            """).P("id", actor))
        using (var r = c.ExecuteReader())
            while (r.Read())
                statements.Add(new Dossier.Actors.RoleStatement(r.GetString(0), r.S(1), r.S(2), DayOf(r.S(3)), r.GetBoolean(4), r.GetInt64(5)));
        return Dossier.Actors.Occupancies.Build(statements).OrderByDescending(o => o.Articles.Count).ThenBy(o => o.Start, StringComparer.Ordinal).ToList();
    }

    private static string? DayOf(string? published) => published is { Length: >= 10 } ? published[..10] : null;

    /// <inheritdoc/>
    public IReadOnlyList<PostHolder> PostHolders(string post)
    {
        // "President of Syria": the title before the last " of ", the country or organisation after it.
        var p = post.Trim();
        int at = p.LastIndexOf(" of ", StringComparison.OrdinalIgnoreCase);
        string title = at > 0 ? p[..at] : p;
        string? of = at > 0 ? p[(at + 4)..] : null;
        string key = Dossier.Actors.Occupancies.PostKey(title, of);
        var actors = new List<long>();
        // In id order (SQLite's DISTINCT reads them so): holders of equal start and support keep that order below.
        using (var c = Command("""
            SELECT DISTINCT r.actor_id FROM roles r JOIN actors x ON x.id = r.actor_id
            WHERE x.merged_into IS NULL AND (@of::text IS NULL OR r."of" IS NULL OR lower(r."of") = lower(@of::text))
            ORDER BY r.actor_id
            """).P("of", of))
        using (var r = c.ExecuteReader())
            while (r.Read()) actors.Add(r.GetInt64(0));
        var holders = new List<PostHolder>();
        foreach (var id in actors)
        {
            var occ = OccupanciesOf(id).Where(o => of is null ? Dossier.Actors.Occupancies.NormalTitle(o.Title) == Dossier.Actors.Occupancies.NormalTitle(title) : o.Post == key);
            string? name = null;
            foreach (var o in occ)
            {
                if (name is null) { using var c = Command("SELECT name FROM actors WHERE id = @id").P("id", id); name = (string)c.ExecuteScalar()!; }
                holders.Add(new PostHolder(id, name, o, false));
            }
        }
        holders = holders.OrderBy(h => h.Occupancy.Start ?? h.Occupancy.End ?? "9999", StringComparer.Ordinal).ThenByDescending(h => h.Occupancy.Articles.Count).ToList();
        // Two holders stated current at overlapping dates: both kept, both flagged (the texts disagree, or the post is shared).
        for (int i = 0; i < holders.Count; i++)
            for (int j = i + 1; j < holders.Count; j++)
                if (holders[i].ActorId != holders[j].ActorId && holders[i].Occupancy.Post == holders[j].Occupancy.Post
                    && Dossier.Actors.Occupancies.Overlap(holders[i].Occupancy, holders[j].Occupancy))
                {
                    holders[i] = holders[i] with { Conflict = true };
                    holders[j] = holders[j] with { Conflict = true };
                }
        return holders;
    }

    /// <inheritdoc/>
    public StoredContract? Article(long id)
    {
        using var cmd = Command("SELECT id, contract FROM articles WHERE id = @id").P("id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new StoredContract(r.GetInt64(0), r.GetString(1)) : null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ArticleRef> Articles(int offset, int limit)
    {
        var list = new List<ArticleRef>();
        using var cmd = Command("""
            SELECT a.id, a.external_id, a.title, a.published, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)::int, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END
            FROM articles a ORDER BY a.published COLLATE "C" DESC NULLS LAST, a.id DESC LIMIT @n OFFSET @o
            """).P("n", limit).P("o", offset);
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(ReadArticleRef(r, 0));
        return list;
    }

    // In pages along the id, as AllEvents.
    public IEnumerable<StoredContract> Contracts()
    {
        long after = long.MinValue;
        while (true)
        {
            var page = new List<StoredContract>();
            using (var cmd = Command("SELECT id, contract FROM articles WHERE id > @after ORDER BY id LIMIT @n").P("after", after).P("n", ExportPage))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) page.Add(new StoredContract(r.GetInt64(0), r.GetString(1)));
            foreach (var c in page) yield return c;
            if (page.Count < ExportPage) yield break;
            after = page[^1].ArticleId;
        }
    }

    // Columns 0..EventColumns-1 of every event query; names of each side joined with "; " (in actor id order, the order
    // SQLite's group_concat reads them along event_actors' key). Counts are cast to int4 for the reader.
    private const int EventColumns = 23;
    private const string EventSelect = """
        SELECT e.id, e.date, e.date_from_publication, e.cameo, e.plover, e.goldstein, e.trigger, coalesce(e.sentence_start, 0), coalesce(e.sentence_end, 0), e.certainty, e.negated,
               (SELECT string_agg(x.name, '; ' ORDER BY s.actor_id) FROM event_actors s JOIN actors x ON x.id = s.actor_id WHERE s.event_id = e.id AND s.side = 'source'),
               (SELECT string_agg(x.name, '; ' ORDER BY s.actor_id) FROM event_actors s JOIN actors x ON x.id = s.actor_id WHERE s.event_id = e.id AND s.side = 'target'),
               a.id, a.external_id, a.title, a.published, 0, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END,
               e.happening_id, coalesce((SELECT h.reports FROM happenings h WHERE h.id = e.happening_id), 1),
               coalesce((SELECT count(DISTINCT y.article_id) FROM events y WHERE y.happening_id = e.happening_id), 1)::int, e.mentions
        """;

    // The event is its happening's earliest report: one row per happening (happenings.first_event).
    private const string FirstReport = """
        (e.happening_id IS NULL OR e.id = (SELECT h.first_event FROM happenings h WHERE h.id = e.happening_id))
        """;

    // An event as read, its evidence (the sentence's offsets) still to be sliced out of its article's text.
    private readonly record struct EventRow(TimelineEvent Event, int Start, int End)
    {
        public long Article => Event.Article.Id;
        public TimelineEvent With(ArticleTexts texts) => Event with { Evidence = texts.Slice(Article, Start, End) };
    }

    private static EventRow ReadEvent(NpgsqlDataReader r) => new(new TimelineEvent(
        r.GetInt64(0), r.S(1), r.GetInt32(2) != 0, r.GetString(3), r.S(4), r.GetDouble(5), r.GetString(6), "",
        r.GetString(9), r.GetInt32(10) != 0, r.S(11) ?? "", r.S(12) ?? "", ReadArticleRef(r, 13))
    {
        HappeningId = r.IsDBNull(19) ? null : r.GetInt64(19), Reports = r.GetInt32(20), ReportingArticles = r.GetInt32(21), Mentions = r.GetInt32(22),
    }, r.GetInt32(7), r.GetInt32(8));

    /// <summary>Slices evidence out of article texts, reading each article's text once: facts keep offsets, not copies.</summary>
    /// <remarks>Offsets are C# (UTF-16) indices, so the slicing happens here rather than in SQL (whose substr counts code
    /// points). Keeps the last few texts; readers go article by article or page by page. A connection runs one command at
    /// a time: the texts of a page are read (<see cref="Load"/>) after its rows, in one query.</remarks>
    private sealed class ArticleTexts(PostgresStore store)
    {
        private readonly Dictionary<long, string> _texts = new();

        public void Load(IEnumerable<long> articles)
        {
            var missing = articles.Where(a => !_texts.ContainsKey(a)).Distinct().ToArray();
            if (missing.Length == 0) return;
            if (_texts.Count + missing.Length > 256) _texts.Clear();
            using var c = store.Command("SELECT id, text FROM articles WHERE id = ANY(@ids)").P("ids", missing);
            using var r = c.ExecuteReader();
            while (r.Read()) _texts[r.GetInt64(0)] = r.GetString(1);
        }

        public string Slice(long article, int start, int end)
        {
            if (!_texts.TryGetValue(article, out var text))
            {
                if (_texts.Count >= 256) _texts.Clear();
                using var c = store.Command("SELECT text FROM articles WHERE id = @id").P("id", article);
                _texts[article] = text = c.ExecuteScalar() as string ?? "";
            }
            start = Math.Clamp(start, 0, text.Length);
            return text.Substring(start, Math.Clamp(end, start, text.Length) - start);
        }
    }

    // Six columns: id, external id, title, published, mentions (int4), and the text's opening when there is no title.
    private static ArticleRef ReadArticleRef(NpgsqlDataReader r, int at) =>
        new(r.GetInt64(at), r.S(at + 1), r.S(at + 2), r.S(at + 3), r.IsDBNull(at + 4) ? 0 : r.GetInt32(at + 4), r.S(at + 5));

}
