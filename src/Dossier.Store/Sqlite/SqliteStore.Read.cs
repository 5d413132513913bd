using System.Text.Json;
using Dossier.Store.Actors;
using Dossier.Store.ReadModels;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Sqlite;

public sealed partial class SqliteStore
{
    public SearchResults Search(string query, int limit = 20, int offset = 0)
    {
        var match = FtsQuery.Build(query);
        if (match.Length == 0) return SearchResults.None;
        // Only the latest stored matches are ranked (Limits.SearchRankedMatches; one more is read to tell whether there
        // were more, and left out): the full-text index gives them newest first and stops there, so a search costs the
        // same in a store of 2,000 articles and of 100,000. The page is chosen next (rank only), then only its rows get a
        // snippet: computing snippet() for every match before sorting made a search of 'tony blair' over 104,600 articles
        // take 353 ms instead of 19. Each snippet is its own full-text look-up of one row (MATCH with rowid =): filtering
        // the outer full-text query by "rowid IN (page)" evaluated the query over every match again.
        using var cmd = Command($"""
            WITH latest AS MATERIALIZED (
                SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH $q
                ORDER BY rowid DESC LIMIT $k + 1),
            cut AS (SELECT count(*) > $k AS more, min(id) AS oldest FROM latest),
            page AS (
                SELECT id, score FROM latest, cut WHERE NOT cut.more OR id > cut.oldest
                ORDER BY score, id LIMIT $n OFFSET $o)
            SELECT a.id, a.external_id, a.title, a.published, a.source,
                   (SELECT snippet(articles_fts, 1, char({(int)SearchHit.MarkStart}), char({(int)SearchHit.MarkEnd}), '…', 24)
                    FROM articles_fts WHERE articles_fts MATCH $q AND articles_fts.rowid = page.id),
                   page.score, (SELECT more FROM cut)
            FROM page JOIN articles a ON a.id = page.id
            ORDER BY page.score, a.id
            """).P("$q", match).P("$n", limit).P("$o", offset).P("$k", _rankedMatches);
        var list = new List<SearchHit>();
        bool more = false;
        using var stop = TimeLimit(SearchTimeoutMs);
        try
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(new SearchHit(r.GetInt64(0), r.S(1), r.S(2), r.S(3), r.S(4), r.GetString(5), r.GetDouble(6)));
                more = r.GetInt64(7) != 0;
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT) { throw new DossierException(Errors.SearchTimeout()); }
        catch (SqliteException e) { throw new DossierException(Errors.BadSearch(query, e.Message)); }
        return new SearchResults(list, more ? _rankedMatches : null);
    }

    public IReadOnlyList<ActorSummary> TopActors(int top, string? type = null, int offset = 0, string? containing = null)
    {
        // "containing": a case-insensitive substring of the name or of any alias (LIKE's wildcards are escaped).
        string? like = string.IsNullOrWhiteSpace(containing) ? null
            : "%" + containing.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        using var cmd = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k WHERE k.actor_id = x.id)
            FROM actors x WHERE ($t IS NULL OR x.type = $t) AND x.merged_into IS NULL
              AND ($like IS NULL OR x.name LIKE $like ESCAPE '\' OR EXISTS (SELECT 1 FROM actor_aliases k WHERE k.actor_id = x.id AND k.alias LIKE $like ESCAPE '\'))
            ORDER BY x.mentions DESC, x.articles DESC, x.id LIMIT $n OFFSET $o
            """).P("$t", type?.ToUpperInvariant()).P("$n", top).P("$o", offset).P("$like", like);
        return ReadSummaries(cmd);
    }

    private static List<ActorSummary> ReadSummaries(SqliteCommand cmd)
    {
        var list = new List<ActorSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new ActorSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5)));
        return list;
    }

    /// <summary>Canonical actors whose name or alias has the key of <paramref name="name"/> (best first); a bare word also finds surnames.</summary>
    public IReadOnlyList<ActorSummary> Lookup(string name)
    {
        var keys = NameKey.LookupKeys(name);
        if (keys.Count == 0) return [];
        // A canonical id ("A12") is accepted too.
        var t = name.Trim();
        if (t.Length > 1 && t[0] is 'A' or 'a' && long.TryParse(t.AsSpan(1), out var id))
        {
            // A merged actor's id leads to the actor it was merged into.
            for (int hop = 0; hop < 64; hop++)
            {
                using var m = Command("SELECT merged_into FROM actors WHERE id = $id").P("$id", id);
                if (m.ExecuteScalar() is long next) id = next; else break;
            }
            using var byId = Command("""
                SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k WHERE k.actor_id = x.id)
                FROM actors x WHERE x.id = $id
                """).P("$id", id);
            var found = ReadSummaries(byId);
            if (found.Count > 0) return found;
        }
        using var cmd = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k2 WHERE k2.actor_id = x.id)
            FROM actors x WHERE x.id IN (SELECT actor_id FROM actor_aliases WHERE key IN ($k1, $k2))
            ORDER BY x.mentions DESC, x.id LIMIT 20
            """).P("$k1", keys[0]).P("$k2", keys[^1]);
        var list = ReadSummaries(cmd);
        if (list.Count > 0 || keys.All(k => NameKey.Words(k) > 1)) return list;
        using var bySurname = Command("""
            SELECT x.id, x.name, x.type, x.mentions, x.articles, (SELECT count(*) FROM actor_aliases k2 WHERE k2.actor_id = x.id)
            FROM actors x WHERE x.type = 'PERSON' AND x.id IN (SELECT actor_id FROM actor_aliases WHERE last_word IN ($k1, $k2))
            ORDER BY x.mentions DESC, x.id LIMIT 20
            """).P("$k1", keys[0]).P("$k2", keys[^1]);
        return ReadSummaries(bySurname);
    }

    /// <summary>Names like <paramref name="name"/> for a "did you mean" hint.</summary>
    public IReadOnlyList<string> Suggest(string name, int limit = 5)
    {
        var key = NameKey.Of(name, person: true);
        if (key.Length < 3) return [];
        using var cmd = Command("""
            SELECT x.name FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
            WHERE k.key LIKE $p ESCAPE '\' GROUP BY x.id ORDER BY x.mentions DESC LIMIT $n
            """).P("$p", "%" + key.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%").P("$n", limit);
        var list = new List<string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(r.GetString(0));
        if (list.Count > 0) return list;
        // Nothing contains it: names one or two keystrokes away ("Rusia" → Russia), most mentioned first.
        int max = key.Length <= 5 ? 1 : 2;
        using var near = Command("""
            SELECT k.key, x.name, x.mentions FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
            WHERE x.merged_into IS NULL AND length(k.key) BETWEEN $lo AND $hi
            """).P("$lo", key.Length - max).P("$hi", key.Length + max);
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
        using (var c = Command("SELECT codes FROM actors WHERE id = $id").P("$id", id)) codesJson = (string)c.ExecuteScalar()!;
        var codes = JsonSerializer.Deserialize(codesJson, StoreJson.Default.DictionaryStringString) ?? new();

        var aliases = new List<AliasInfo>();
        using (var c = Command("SELECT alias, count, evidence FROM actor_aliases WHERE actor_id = $id ORDER BY count DESC, alias").P("$id", id))
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
        // Some 15,000 rows for an actor with a full window: read with a prepared raw statement (a third of the time of a
        // command's reader).
        using (var r = Prepared($"""
            SELECT l.article_id, l.actor_id, CASE WHEN l.actor_id = $id THEN l.decision END
            FROM ({ContextArticles}) w JOIN actor_links l ON l.article_id = w.article_id
            """).P("$id", id).P("$window", Limits.DossierContextArticles).ExecuteReader())
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
        // The page is chosen first, and only its rows get their actors' names and happening counts (computed for every
        // event of the actor before the sort, they cost half the query: 8 → 4 ms for 1,600 events); an event carries its
        // article's date, so choosing the page reads no article (migration 006: 2.7 → 1.4 ms).
        using (var c = Command(EventSelect + $"""
             , p.side FROM (SELECT e.id AS event_id, ea.side AS side, coalesce(e.date_sort, e.published) AS day, e.article_id AS article_id, e.start AS start
                            FROM event_actors ea JOIN events e ON e.id = ea.event_id
                            WHERE ea.actor_id = $id AND {FirstReport} ORDER BY day DESC, article_id DESC, start LIMIT $n) p
            JOIN events e ON e.id = p.event_id JOIN articles a ON a.id = e.article_id
            ORDER BY p.day DESC, p.article_id DESC, p.start
            """).P("$id", id).P("$n", limit))
        using (var r = c.ExecuteReader())
        {
            // One row per happening (its earliest report, with the count of reports); an event with the actor on both sides
            // (after a merge) is listed once.
            var seen = new HashSet<long>();
            while (r.Read())
                if (seen.Add(r.GetInt64(0))) events.Add(new ActorEvent(r.GetString(EventColumns), ReadEvent(r, texts)));
        }

        // Newest first above to keep the latest when cut; shown oldest first.
        quotes.Reverse();
        events.Reverse();
        // Most frequent first (then by name, so that ties read the same on every engine).
        var decisions = decided.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Take(limit)
            .Select(d => new Decision(d.Key, d.Value)).ToList();
        int Total(string sql) { using var c = Command(sql).P("$id", id); return (int)(long)c.ExecuteScalar()!; }
        return new ActorDossier(id, top.Name, top.Type, codes, top.Mentions, top.Articles, aliases, roles, articles, co, quotes, events,
            matches.Skip(1).ToList(),
            Total("SELECT count(*) FROM quotes WHERE speaker_id = $id"),
            Total("SELECT count(DISTINCT coalesce(e.happening_id, -e.id)) FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = $id"), decisions, coLinks)
        {
            Suggestions = Suggestions(StoreIds.CanonicalId(id), 10),
        };
    }

    // The actor's latest articles (Limits.DossierContextArticles of them: newest published first, undated ones after the
    // dated, then the latest stored; read backwards along the actor's index): what co-actors and their links are counted
    // over. Parameters $id and $window.
    private const string ContextArticles =
        "SELECT DISTINCT article_id FROM actor_links WHERE actor_id = $id ORDER BY published DESC, article_id DESC LIMIT $window";

    // Name, type and mentions of the given actors (those a dossier may show).
    private Dictionary<long, (string Name, string Type, long Mentions)> Describe(IReadOnlyCollection<long> ids)
    {
        var info = new Dictionary<long, (string, string, long)>();
        using var c = Command("SELECT x.id, x.name, x.type, x.mentions FROM json_each($ids) j JOIN actors x ON x.id = j.value")
            .P("$ids", JsonSerializer.Serialize(ids, StoreJson.Default.IReadOnlyCollectionInt64));
        using var r = c.ExecuteReader();
        while (r.Read()) info[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetInt64(3));
        return info;
    }

    /// <inheritdoc/>
    public IReadOnlyList<QuoteInfo> ActorQuotes(string actor, int offset, int limit) => QuotesOf(ActorIdOf(actor), offset, limit);

    /// <inheritdoc/>
    public IReadOnlyList<ArticleRef> ActorArticles(string actor, int offset, int limit) => ArticlesOf(ActorIdOf(actor), offset, limit);

    // Newest first: the dossier's first page and the pages after it. Both pages are a range of an index that orders an
    // actor's rows by their article's date (actor_links_actor, quotes_speaker_newest: migration 005), so a page costs the
    // same for an actor in three articles and one in thirty thousand.
    private List<QuoteInfo> QuotesOf(long id, int offset, int limit)
    {
        var quotes = new List<QuoteInfo>();
        using var c = Command("""
            SELECT q.start, q."end", q.kind, q.cue, a.id, a.external_id, a.title, a.published, 0, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END
            FROM quotes q INDEXED BY quotes_speaker_newest JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = $id
            ORDER BY q.published DESC, q.article_id DESC, q.start, q.rowid LIMIT $n OFFSET $o
            """).P("$id", id).P("$n", limit).P("$o", offset);
        var texts = new ArticleTexts(this);
        using var r = c.ExecuteReader();
        while (r.Read()) quotes.Add(new QuoteInfo(texts.Slice(r.GetInt64(4), r.GetInt32(0), r.GetInt32(1)), r.GetString(2), r.S(3), ReadArticleRef(r, 4)));
        return quotes;
    }

    private List<ArticleRef> ArticlesOf(long id, int offset, int limit)
    {
        var articles = new List<ArticleRef>();
        // One row per article (an article may link several of its document actors to the actor).
        using var c = Command("""
            SELECT a.id, a.external_id, a.title, a.published, p.mentions, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END
            FROM (SELECT l.article_id, l.published, sum(l.mentions) AS mentions FROM actor_links l INDEXED BY actor_links_actor
                  WHERE l.actor_id = $id GROUP BY l.published, l.article_id ORDER BY l.published DESC, l.article_id DESC LIMIT $n OFFSET $o) p
            JOIN articles a ON a.id = p.article_id
            ORDER BY p.published DESC, p.article_id DESC
            """).P("$id", id).P("$n", limit).P("$o", offset);
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
        // Undated events (when asked for) come after the dated ones; a date range leaves them out.
        bool undated = filter.Undated && filter.From is null && filter.To is null;
        using var cmd = Command(EventSelect + $"""
             FROM events e JOIN articles a ON a.id = e.article_id
            WHERE (e.date_sort IS NOT NULL OR $undated)
              AND ($from IS NULL OR e.date_sort >= $from)
              AND ($to IS NULL OR substr(e.date_sort, 1, length($to)) <= $to)
              AND ($actor IS NULL OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id = $actor))
              AND ($with IS NULL OR EXISTS (SELECT 1 FROM event_actors ea JOIN event_actors eb ON eb.event_id = ea.event_id
                                            WHERE ea.event_id = e.id AND ea.actor_id = $actor AND eb.actor_id = $with AND eb.side <> ea.side))
              AND ($cameo IS NULL OR e.cameo LIKE $cameo || '%')
              AND ($plover IS NULL OR e.plover = $plover)
              AND (NOT $happenings OR {FirstReport})
            ORDER BY e.date_sort IS NULL, e.date_sort, a.published, a.id, e.start LIMIT $n OFFSET $o
            """).P("$from", filter.From).P("$to", filter.To).P("$actor", actor).P("$with", with).P("$undated", undated)
            .P("$cameo", filter.Cameo).P("$plover", filter.Plover?.ToUpperInvariant()).P("$happenings", filter.Happenings).P("$n", filter.Limit).P("$o", filter.Offset);
        var list = new List<TimelineEvent>();
        var texts = new ArticleTexts(this);
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(ReadEvent(r, texts));
        return list;
    }

    public IEnumerable<TimelineEvent> AllEvents()
    {
        using var cmd = Command(EventSelect + " FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.id, e.start");
        var texts = new ArticleTexts(this);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return ReadEvent(r, texts);
    }

    // The role statements of one actor merged into occupancies (Dossier.Actors.Occupancies).
    private List<Dossier.Actors.Occupancy> OccupanciesOf(long actor)
    {
        var statements = new List<Dossier.Actors.RoleStatement>();
        using (var r = Prepared("""
            SELECT r.title, r."of", r.qualifier, r.published, r.start IS NULL AND r."end" IS NOT NULL, r.article_id
            FROM roles r INDEXED BY roles_actor WHERE r.actor_id = $id ORDER BY r.rowid
            """).P("$id", actor).ExecuteReader())
            while (r.Read())
                statements.Add(new Dossier.Actors.RoleStatement(r.GetString(0), r.S(1), r.S(2), DayOf(r.S(3)), r.GetInt32(4) != 0, r.GetInt64(5)));
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
        using (var c = Command("""
            SELECT DISTINCT r.actor_id FROM roles r JOIN actors x ON x.id = r.actor_id
            WHERE x.merged_into IS NULL AND ($of IS NULL OR r."of" IS NULL OR lower(r."of") = lower($of))
            """).P("$of", of))
        using (var r = c.ExecuteReader())
            while (r.Read()) actors.Add(r.GetInt64(0));
        var holders = new List<PostHolder>();
        foreach (var id in actors)
        {
            var occ = OccupanciesOf(id).Where(o => of is null ? Dossier.Actors.Occupancies.NormalTitle(o.Title) == Dossier.Actors.Occupancies.NormalTitle(title) : o.Post == key);
            string? name = null;
            foreach (var o in occ)
            {
                name ??= (string)Command("SELECT name FROM actors WHERE id = $id").P("$id", id).ExecuteScalar()!;
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
        using var cmd = Command("SELECT id, contract FROM articles WHERE id = $id").P("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new StoredContract(r.GetInt64(0), r.GetString(1)) : null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ArticleRef> Articles(int offset, int limit)
    {
        var list = new List<ArticleRef>();
        using var cmd = Command("""
            SELECT a.id, a.external_id, a.title, a.published, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id), CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END
            FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT $n OFFSET $o
            """).P("$n", limit).P("$o", offset);
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(ReadArticleRef(r, 0));
        return list;
    }

    public IEnumerable<StoredContract> Contracts()
    {
        using var cmd = Command("SELECT id, contract FROM articles ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new StoredContract(r.GetInt64(0), r.GetString(1));
    }

    // Columns 0..EventColumns-1 of every event query; names of each side joined with "; ".
    private const int EventColumns = 23;
    private const string EventSelect = """
        SELECT e.id, e.date, e.date_from_publication, e.cameo, e.plover, e.goldstein, e.trigger, e.sentence_start, e.sentence_end, e.certainty, e.negated,
               (SELECT group_concat(x.name, '; ') FROM event_actors s JOIN actors x ON x.id = s.actor_id WHERE s.event_id = e.id AND s.side = 'source'),
               (SELECT group_concat(x.name, '; ') FROM event_actors s JOIN actors x ON x.id = s.actor_id WHERE s.event_id = e.id AND s.side = 'target'),
               a.id, a.external_id, a.title, a.published, 0, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 160) END,
               e.happening_id, coalesce((SELECT h.reports FROM happenings h WHERE h.id = e.happening_id), 1),
               coalesce((SELECT count(DISTINCT y.article_id) FROM events y WHERE y.happening_id = e.happening_id), 1), e.mentions
        """;

    // The event is its happening's earliest report (date, then storage order): one row per happening. The happening names
    // it (happenings.first_event, kept by AddReport; migration 006).
    private const string FirstReport = """
        (e.happening_id IS NULL OR e.id = (SELECT h.first_event FROM happenings h WHERE h.id = e.happening_id))
        """;

    private static TimelineEvent ReadEvent(SqliteDataReader r, ArticleTexts texts) => new(
        r.GetInt64(0), r.S(1), r.GetInt64(2) != 0, r.GetString(3), r.S(4), r.GetDouble(5), r.GetString(6),
        texts.Slice(r.GetInt64(13), r.GetInt32(7), r.GetInt32(8)),
        r.GetString(9), r.GetInt64(10) != 0, r.S(11) ?? "", r.S(12) ?? "", ReadArticleRef(r, 13))
    {
        HappeningId = r.IsDBNull(19) ? null : r.GetInt64(19), Reports = r.GetInt32(20), ReportingArticles = r.GetInt32(21), Mentions = r.GetInt32(22),
    };

    /// <summary>Slices evidence out of article texts, reading each article's text once: facts keep offsets, not copies.</summary>
    /// <remarks>Offsets are C# (UTF-16) indices, so the slicing happens here rather than in SQL (whose substr counts code
    /// points). Keeps the last few texts; readers go article by article or page by page.</remarks>
    private sealed class ArticleTexts(SqliteStore store)
    {
        private readonly Dictionary<long, string> _texts = new();

        public string Slice(long article, int start, int end)
        {
            if (!_texts.TryGetValue(article, out var text))
            {
                if (_texts.Count >= 256) _texts.Clear();
                using var c = store.Command("SELECT text FROM articles WHERE id = $id").P("$id", article);
                _texts[article] = text = c.ExecuteScalar() as string ?? "";
            }
            start = Math.Clamp(start, 0, text.Length);
            return text.Substring(start, Math.Clamp(end, start, text.Length) - start);
        }
    }

    // Six columns: id, external id, title, published, mentions, and the text's opening when there is no title.
    private static ArticleRef ReadArticleRef(SqliteDataReader r, int at) =>
        new(r.GetInt64(at), r.S(at + 1), r.S(at + 2), r.S(at + 3), r.IsDBNull(at + 4) ? 0 : r.GetInt32(at + 4), r.S(at + 5));
}
