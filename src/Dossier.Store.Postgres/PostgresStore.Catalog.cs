using System.Text.Json;
using Dossier.Store.Actors;
using Npgsql;
using NpgsqlTypes;

using StoreJson = Dossier.Store.Sqlite.StoreJson;

namespace Dossier.Store.Postgres;

// The actor tables as IActorCatalog, IDecisionCatalog and ISplitCatalog: the SQL the engine-neutral ActorResolver,
// ActorDecisions and ActorSplits need, in PostgreSQL's dialect. Every call runs in the open write transaction (which holds
// the writers' lock), so what resolution reads is not changed by another process before it writes.
public sealed partial class PostgresStore
{
    private ActorCatalog? _catalog;

    private ActorCatalog Catalog => _catalog ??= new ActorCatalog(this);

    private sealed class ActorCatalog(PostgresStore store) : ISplitCatalog
    {
        public IReadOnlyList<CatalogActor> ActorsNamed(string key) =>
            store.Command("""
                SELECT x.id, x.name, x.type, x.mentions FROM actor_aliases k JOIN actors x ON x.id = k.actor_id WHERE k.key = @k AND k.metonym = 0
                """).P("k", key).ReadAll(Actor);

        public IReadOnlyList<(CatalogActor Actor, string Key)> PeopleNamedLonger(string lastWord, int words) =>
            store.Command("""
                SELECT x.id, x.name, x.type, x.mentions, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = @s AND k.words > @w AND k.metonym = 0 AND x.type = 'PERSON'
                """).P("s", lastWord).P("w", words).ReadAll(r => (Actor(r), r.GetString(4)));

        // The longest name of an actor that is no metonym: 0 when every name is one (SQLite reads NULL as 0).
        public IReadOnlyList<SurnameHolder> PeopleWithSurname(string lastWord) =>
            store.Command("""
                SELECT x.id, x.name, x.type, x.mentions, max(k.words),
                       coalesce((SELECT max(z.words) FROM actor_aliases z WHERE z.actor_id = x.id AND z.metonym = 0), 0)
                FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = @s AND x.type = 'PERSON' GROUP BY x.id
                """).P("s", lastWord).ReadAll(r => new SurnameHolder(Actor(r), r.GetInt32(4), r.GetInt32(5)));

        public bool IsBlocked(long actor, string key) => store.Blocked(actor, key);

        // The last-word index: one word, or the range of every last word it starts. The range is compared byte by byte
        // (COLLATE "C", UTF-8's code point order, as SQLite's): in a database of another collation U+FFFF need not sort
        // after every letter. Migration 001's actor_aliases_last_c index serves that range.
        public IReadOnlyList<(CatalogActor Actor, string Alias, string Key)> NamesLike(string type, string lastWord, bool exactLastWord, string? keyPrefix) =>
            store.Command(exactLastWord
                ? """
                    SELECT x.id, x.name, x.type, x.mentions, k.alias, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                    WHERE k.last_word = @lo AND k.metonym = 0 AND x.type = @t
                      AND (@kp::text IS NULL OR (k.key COLLATE "C" >= @kp AND k.key COLLATE "C" < @kp || chr(65535)))
                    """
                : """
                    SELECT x.id, x.name, x.type, x.mentions, k.alias, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                    WHERE k.last_word COLLATE "C" >= @lo AND k.last_word COLLATE "C" < @lo || chr(65535) AND k.metonym = 0 AND x.type = @t
                      AND (@kp::text IS NULL OR (k.key COLLATE "C" >= @kp AND k.key COLLATE "C" < @kp || chr(65535)))
                    """)
                .P("lo", lastWord).P("t", type).P("kp", keyPrefix).ReadAll(r => (Actor(r), r.GetString(4), r.GetString(5)));

        // A pair proposed (either way round) or decided before is left as it is.
        public void Suggest(long actor, long other, double score, string evidence, long article) =>
            store.Command("""
                INSERT INTO actor_suggestions (actor_id, other_id, score, evidence, article_id)
                SELECT @a, @o, @s, @e, @art WHERE NOT EXISTS (SELECT 1 FROM actor_suggestions WHERE actor_id = @o AND other_id = @a)
                ON CONFLICT DO NOTHING
                """).P("a", actor).P("o", other).P("s", score).P("e", evidence).P("art", article).Run();

        // Titles and countries compare case-insensitively (SQLite's NOCASE; lower() also folds letters beyond ASCII).
        public bool HeldPost(long actor, string title, string? of) =>
            (long)store.Command("""
                SELECT count(*) FROM roles WHERE actor_id = @a AND lower(title) = lower(@t)
                  AND (@of::text IS NULL OR "of" IS NULL OR lower("of") = lower(@of))
                """).P("a", actor).P("t", title).P("of", of).Scalar()! > 0;

        public bool SharePost(long first, long second) => store.SharePost(first, second);

        // Per other actor, whether any article names both: the one of the two with fewer articles drives, and the search
        // stops at the first shared article. The other actor's link in that article is one look-up of the links' primary
        // key (article, document actor), so the cost follows the smaller actor, never the famous one.
        public int SharedArticles(long actor, IReadOnlyCollection<long> others) =>
            (int)(long)store.Command("""
                SELECT count(*) FROM unnest(@others) o(id) JOIN actors y ON y.id = o.id JOIN actors x ON x.id = @x
                WHERE CASE WHEN y.articles < x.articles
                  THEN EXISTS (SELECT 1 FROM actor_links b JOIN actor_links a ON a.article_id = b.article_id AND a.actor_id = @x WHERE b.actor_id = o.id)
                  ELSE EXISTS (SELECT 1 FROM actor_links a JOIN actor_links b ON b.article_id = a.article_id AND b.actor_id = o.id WHERE a.actor_id = @x)
                END
                """).P("x", actor).P("others", others.ToArray()).Scalar()!;

        public long CreateActor(string name, string type, IReadOnlyDictionary<string, string> codes) =>
            (long)store.Command("INSERT INTO actors (name, type, codes) VALUES (@n, @t, @c) RETURNING id")
                .P("n", name).P("t", type).P("c", Codes(codes)).Scalar()!;

        public (string Name, IReadOnlyDictionary<string, string> Codes) NameAndCodes(long actor)
        {
            using var cmd = store.Command("SELECT name, codes FROM actors WHERE id = @id").P("id", actor);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) throw new InvalidOperationException($"no actor {actor}");
            return (r.GetString(0), JsonSerializer.Deserialize(r.GetString(1), StoreJson.Default.DictionaryStringString) ?? new());
        }

        public void SetNameAndCodes(long actor, string name, IReadOnlyDictionary<string, string> codes) =>
            store.Command("UPDATE actors SET name = @n, codes = @c WHERE id = @id").P("n", name).P("c", Codes(codes)).P("id", actor).Run();

        public IReadOnlyList<(string Name, long Votes)> NameVotes(long actor) =>
            store.Command("SELECT name, votes FROM actor_names WHERE actor_id = @id").P("id", actor).ReadAll(r => (r.GetString(0), (long)r.GetInt32(1)));

        // SQLite's INSERT OR REPLACE: the document actor's link is the new one, every column of it.
        public void Link(long article, string docActor, long actor, string name, int mentions, string decision) =>
            store.Command("""
                INSERT INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision, published)
                VALUES (@art, @doc, @act, @name, @m, @d, (SELECT published FROM articles WHERE id = @art))
                ON CONFLICT (article_id, doc_actor) DO UPDATE SET actor_id = excluded.actor_id, name = excluded.name,
                    mentions = excluded.mentions, decision = excluded.decision, published = excluded.published
                """).P("art", article).P("doc", docActor).P("act", actor).P("name", name).P("m", mentions).P("d", decision).Run();

        public void VoteName(long actor, string name) =>
            store.Command("""
                INSERT INTO actor_names (actor_id, name, votes) VALUES (@act, @name, 1)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = actor_names.votes + 1
                """).P("act", actor).P("name", name).Run();

        public void AddAlias(long actor, CatalogAlias alias) =>
            store.Command("""
                INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, evidence, metonym)
                VALUES (@act, @k, @alias, @last, @w, 1, @ev, @met)
                ON CONFLICT (actor_id, key) DO UPDATE SET count = actor_aliases.count + 1, metonym = least(actor_aliases.metonym, excluded.metonym)
                """).P("act", actor).P("k", alias.Key).P("alias", alias.Alias).P("last", alias.LastWord).P("w", alias.Words)
                .P("met", alias.Metonym ? 1 : 0).P("ev", alias.Evidence).Run();

        public void Count(long actor, int mentions, int articles) =>
            store.Command("UPDATE actors SET mentions = mentions + @m, articles = articles + @n WHERE id = @id")
                .P("m", mentions).P("n", articles).P("id", actor).Run();

        // ---- IDecisionCatalog ----

        public string NameOf(long actor) => store.NameOf(actor);

        public IReadOnlyList<long> ArticlesOf(long actor) =>
            store.Command("SELECT DISTINCT article_id FROM actor_links WHERE actor_id = @id").P("id", actor).ReadAll(r => r.GetInt64(0));

        public long? MergedInto(long actor) =>
            store.Command("SELECT merged_into FROM actors WHERE id = @id").P("id", actor).Scalar() as long?;

        public IReadOnlyList<(long From, long Into)> Splits(string key) =>
            store.Command("SELECT actor_id, other_id FROM actor_decisions WHERE kind = 'split' AND alias_key = @k ORDER BY id DESC")
                .P("k", key).ReadAll(r => (r.GetInt64(0), r.GetInt64(1)));

        public IReadOnlyList<string> BlockedKeys(long actor) =>
            store.Command("SELECT key FROM actor_blocks WHERE actor_id = @a").P("a", actor).ReadAll(r => r.GetString(0));

        public void Unblock(long actor, string key) =>
            store.Command("DELETE FROM actor_blocks WHERE actor_id = @a AND key = @k").P("a", actor).P("k", key).Run();

        // Driven by the surname index: the actors carrying that last word, then the bare ones among them.
        public IReadOnlyList<long> BareNamesakes(string surname, long except) =>
            store.Command("""
                SELECT DISTINCT x.id FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = @s AND x.type = 'PERSON' AND x.merged_into IS NULL AND x.id <> @f
                  AND NOT EXISTS (SELECT 1 FROM actor_aliases z WHERE z.actor_id = x.id AND z.words >= 2)
                  AND NOT EXISTS (SELECT 1 FROM actor_decisions d WHERE d.other_id = x.id OR d.actor_id = x.id)
                """).P("f", except).P("s", surname).ReadAll(r => r.GetInt64(0));

        public bool OtherNamesakeSharesPost(string surname, long full, long bare) =>
            (long)store.Command("""
                SELECT count(*) FROM actors x WHERE x.type = 'PERSON' AND x.merged_into IS NULL AND x.id NOT IN (@f, @b)
                  AND EXISTS (SELECT 1 FROM actor_aliases k WHERE k.actor_id = x.id AND k.last_word = @s AND k.words >= 2)
                  AND EXISTS (SELECT 1 FROM roles y JOIN roles z ON lower(z.title) = lower(y.title)
                              AND (y."of" IS NULL OR z."of" IS NULL OR lower(y."of") = lower(z."of"))
                              WHERE y.actor_id = x.id AND z.actor_id = @b)
                """).P("f", full).P("b", bare).P("s", surname).Scalar()! > 0;

        public void MoveActor(long from, long into) => store.MoveActor(from, into);

        public void AddVotes(long actor, string name, long votes) =>
            store.Command("""
                INSERT INTO actor_names (actor_id, name, votes) VALUES (@a, @name, @v)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = actor_names.votes + excluded.votes
                """).P("a", actor).P("name", name).P("v", votes).Run();

        public void Recount(long actor) => store.Recount(actor);

        public void RecordDecision(string kind, long actor, long other, string? key, string names, string? note) =>
            store.RecordDecision(kind, actor, other, key, names, note);

        public string Contract(long article) =>
            (string)store.Command("SELECT contract FROM articles WHERE id = @id").P("id", article).Scalar()!;

        public void SetContract(long article, string json) =>
            store.Command("UPDATE articles SET contract = @c WHERE id = @id").P("c", json).P("id", article).Run();

        // ---- ISplitCatalog ----

        public string TypeOf(long actor) => (string)store.Command("SELECT type FROM actors WHERE id = @id").P("id", actor).Scalar()!;

        public (string Key, string Alias)? Alias(long actor, string key)
        {
            using var cmd = store.Command("SELECT key, alias FROM actor_aliases WHERE actor_id = @a AND key = @k").P("a", actor).P("k", key);
            using var r = cmd.ExecuteReader();
            return r.Read() ? (r.GetString(0), r.GetString(1)) : null;
        }

        public void MoveAlias(long from, long into, string key, string evidence)
        {
            store.Command("""
                INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
                SELECT @b, key, alias, last_word, words, 0, metonym, @ev FROM actor_aliases WHERE actor_id = @a AND key = @k
                """).P("a", from).P("b", into).P("k", key).P("ev", evidence).Run();
            store.Command("DELETE FROM actor_aliases WHERE actor_id = @a AND key = @k").P("a", from).P("k", key).Run();
        }

        public void Block(long actor, string key)
        {
            store.Command("INSERT INTO actor_blocks (actor_id, key) VALUES (@a, @k) ON CONFLICT DO NOTHING").P("a", actor).P("k", key).Run();
            store._anyBlocks = true;
        }

        public IReadOnlyList<long> ArticlesMentioning(long actor) =>
            store.Command("SELECT DISTINCT article_id FROM mentions WHERE actor_id = @a ORDER BY article_id").P("a", actor).ReadAll(r => r.GetInt64(0));

        // Mentions, quotes, claims and roles have no id column (the tables are SQLite's, whose rows are named by rowid):
        // a row is named by its physical address (ctid) packed into a number. It names the same row until that row is
        // updated or the table is rewritten, and a split reads the rows and then updates each once, all in one
        // transaction holding the writers' lock (VACUUM FULL, which moves rows, waits for it). Row order is the order
        // of the rows in the table, which is insertion order for rows not updated since.
        public IReadOnlyList<(long Row, int Start, int End, string Text)> MentionsOf(long article, long actor) =>
            store.Command("""SELECT ctid, start, "end", text FROM mentions WHERE article_id = @art AND actor_id = @a ORDER BY start, ctid""")
                .P("art", article).P("a", actor).ReadAll(r => (RowOf(r), r.GetInt32(1), r.GetInt32(2), r.GetString(3)));

        public string Text(long article) => (string)store.Command("SELECT text FROM articles WHERE id = @id").P("id", article).Scalar()!;

        public IReadOnlyList<(long Row, int Start, int End, string? SpeakerText)> QuotesOf(long article, long speaker) =>
            store.Command("""SELECT ctid, start, "end", speaker_text FROM quotes WHERE article_id = @art AND speaker_id = @a ORDER BY ctid""")
                .P("art", article).P("a", speaker).ReadAll(r => (RowOf(r), r.GetInt32(1), r.GetInt32(2), r.S(3)));

        public IReadOnlyList<(long Row, int Start, int End)> ClaimsOf(long article, long actor) =>
            store.Command("""SELECT ctid, start, "end" FROM claims WHERE article_id = @art AND source_actor_id = @a ORDER BY ctid""")
                .P("art", article).P("a", actor).ReadAll(r => (RowOf(r), r.GetInt32(1), r.GetInt32(2)));

        public IReadOnlyList<(long Event, int Start, int End, string Side)> EventSidesOf(long article, long actor) =>
            store.Command("""
                SELECT e.id, e.start, e."end", x.side FROM events e JOIN event_actors x ON x.event_id = e.id
                WHERE e.article_id = @art AND x.actor_id = @a ORDER BY e.id, x.side
                """).P("art", article).P("a", actor).ReadAll(r => (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)));

        public IReadOnlyList<RoleRow> RolesOf(long article, long actor) =>
            store.Command("""
                SELECT ctid, title, "of", qualifier, start, "end", evidence_start, evidence_end FROM roles
                WHERE article_id = @art AND actor_id = @a ORDER BY ctid
                """).P("art", article).P("a", actor).ReadAll(r => new RoleRow(RowOf(r), r.GetString(1), r.S(2), r.S(3), r.S(4), r.S(5),
                    r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7)));

        public IReadOnlyList<PersonMention> PersonMentions(long article) =>
            store.Command("""SELECT start, "end", actor_id FROM mentions WHERE article_id = @art AND type = 'PERSON' ORDER BY start, ctid""")
                .P("art", article).ReadAll(r => new PersonMention(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt64(2)));

        public IReadOnlyList<(int Start, int End)> QuoteSpans(long article) =>
            store.Command("""SELECT start, "end" FROM quotes WHERE article_id = @art ORDER BY ctid""").P("art", article).ReadAll(r => (r.GetInt32(0), r.GetInt32(1)));

        public IReadOnlyList<(string Doc, string Name, int Mentions)> LinksOf(long article, long actor) =>
            store.Command("SELECT doc_actor, name, mentions FROM actor_links WHERE article_id = @art AND actor_id = @a ORDER BY mentions, doc_actor COLLATE \"C\"")
                .P("art", article).P("a", actor).ReadAll(r => (r.GetString(0), r.GetString(1), r.GetInt32(2)));

        public void SetMentionActor(long row, long actor) => Set("UPDATE mentions SET actor_id = @b WHERE ctid = @r", row, actor);

        public void SetQuoteSpeaker(long row, long actor) => Set("UPDATE quotes SET speaker_id = @b WHERE ctid = @r", row, actor);

        public void SetClaimSource(long row, long actor) => Set("UPDATE claims SET source_actor_id = @b WHERE ctid = @r", row, actor);

        public void SetRoleActor(long row, long actor) => Set("UPDATE roles SET actor_id = @b WHERE ctid = @r", row, actor);

        private void Set(string sql, long row, long actor)
        {
            var cmd = store.Command(sql).P("b", actor);
            cmd.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Tid) { Value = new NpgsqlTid((uint)(row >> 16), (ushort)(row & 0xFFFF)) });
            cmd.Run();
        }

        // A ctid (block, line) as one number: the line of a row in its 8 kB block fits 16 bits.
        private static long RowOf(NpgsqlDataReader r)
        {
            var tid = r.GetFieldValue<NpgsqlTid>(0);
            return ((long)tid.BlockNumber << 16) | tid.OffsetNumber;
        }

        public void MoveEventSide(long eventId, long from, long into, string side)
        {
            store.ReleaseHappeningOf(eventId);
            store.Command("DELETE FROM event_actors WHERE event_id = @e AND actor_id = @a AND side = @s")
                .P("e", eventId).P("a", from).P("s", side).Run();
            store.Command("INSERT INTO event_actors (event_id, actor_id, side) VALUES (@e, @b, @s) ON CONFLICT DO NOTHING")
                .P("e", eventId).P("b", into).P("s", side).Run();
        }

        public void RegroupHappenings() => store.AssignHappenings();

        public void RepointLink(long article, string docActor, long into, string reason) =>
            store.Command("UPDATE actor_links SET actor_id = @b, decision = decision || '; ' || @why WHERE article_id = @art AND doc_actor = @doc")
                .P("b", into).P("why", reason).P("art", article).P("doc", docActor).Run();

        public void MoveVote(long from, long into, string name)
        {
            store.Command("UPDATE actor_names SET votes = votes - 1 WHERE actor_id = @a AND name = @n").P("a", from).P("n", name).Run();
            store.Command("DELETE FROM actor_names WHERE actor_id = @a AND name = @n AND votes <= 0").P("a", from).P("n", name).Run();
            AddVotes(into, name, 1);
        }

        public void AddLink(long article, string docActor, long actor, string name, int mentions, string reason) =>
            store.Command("""
                INSERT INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision, published)
                VALUES (@art, @doc, @b, @name, @m, @why, (SELECT published FROM articles WHERE id = @art))
                ON CONFLICT (article_id, doc_actor) DO UPDATE SET mentions = actor_links.mentions + excluded.mentions
                """).P("art", article).P("doc", docActor).P("b", actor).P("name", name).P("m", mentions).P("why", reason).Run();

        public void TakeLinkMentions(long article, string docActor, long actor, int mentions) =>
            store.Command("UPDATE actor_links SET mentions = mentions - @m WHERE article_id = @art AND doc_actor = @doc AND actor_id = @a")
                .P("m", mentions).P("art", article).P("doc", docActor).P("a", actor).Run();

        public void DropEmptyLinks(long article, long actor) =>
            store.Command("DELETE FROM actor_links WHERE article_id = @art AND actor_id = @a AND mentions <= 0").P("art", article).P("a", actor).Run();

        public void GiveAlias(long from, long into, string key, string surface, string evidence)
        {
            store.Command("DELETE FROM actor_aliases WHERE actor_id = @a AND key = @k").P("a", from).P("k", key).Run();
            store.Command("""
                INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
                VALUES (@b, @k, @alias, @last, @w, 1, 0, @ev)
                ON CONFLICT (actor_id, key) DO UPDATE SET count = actor_aliases.count + 1
                """).P("b", into).P("k", key).P("alias", surface).P("last", NameKey.LastWord(key)).P("w", NameKey.Words(key)).P("ev", evidence)
                .Run();
        }

        public void Rename(long actor, string name) =>
            store.Command("UPDATE actors SET name = @n WHERE id = @id").P("n", name).P("id", actor).Run();

        public IReadOnlyList<(string Alias, int Count, string? Evidence)> AliasEvidence(long actor, IReadOnlyList<string> keys) =>
            store.Command("SELECT alias, count, evidence FROM actor_aliases WHERE actor_id = @id AND key = ANY(@keys)")
                .P("id", actor).P("keys", keys.ToArray()).ReadAll(r => (r.GetString(0), r.GetInt32(1), r.S(2)));

        public int ArticlesTogether(long first, long second) =>
            (int)(long)store.Command("""
                SELECT count(DISTINCT x.article_id) FROM actor_links x JOIN actor_links y ON y.actor_id = @b AND y.article_id = x.article_id
                WHERE x.actor_id = @a
                """).P("a", first).P("b", second).Scalar()!;

        public bool KeptApart(long first, long second) =>
            (long)store.Command("""
                SELECT count(*) FROM actor_blocks WHERE (actor_id = @a AND key IN (SELECT key FROM actor_aliases WHERE actor_id = @b))
                   OR (actor_id = @b AND key IN (SELECT key FROM actor_aliases WHERE actor_id = @a))
                """).P("a", first).P("b", second).Scalar()! > 0;

        private static CatalogActor Actor(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3));

        private static string Codes(IReadOnlyDictionary<string, string> codes) =>
            JsonSerializer.Serialize(codes as Dictionary<string, string> ?? new Dictionary<string, string>(codes), StoreJson.Default.DictionaryStringString);
    }

    // True when two actors have been given the same post (title, and country or organisation when both name one).
    private bool SharePost(long a, long b) =>
        (long)Command("""
            SELECT count(*) FROM roles x JOIN roles y ON lower(y.title) = lower(x.title)
              AND (x."of" IS NULL OR y."of" IS NULL OR lower(x."of") = lower(y."of"))
            WHERE x.actor_id = @a AND y.actor_id = @b
            """).P("a", a).P("b", b).Scalar()! > 0;
}

/// <summary>Runs a command of the write side once and disposes it.</summary>
internal static class NpgsqlWriteExtensions
{
    /// <summary>Executes a statement; the number of rows it changed.</summary>
    public static int Run(this NpgsqlCommand cmd)
    {
        using (cmd) return cmd.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row (null for no row; DBNull for NULL).</summary>
    public static object? Scalar(this NpgsqlCommand cmd)
    {
        using (cmd) return cmd.ExecuteScalar();
    }

    /// <summary>Every row, each read by <paramref name="read"/>.</summary>
    public static List<T> ReadAll<T>(this NpgsqlCommand cmd, Func<NpgsqlDataReader, T> read)
    {
        using (cmd)
        {
            var list = new List<T>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(read(r));
            return list;
        }
    }
}
