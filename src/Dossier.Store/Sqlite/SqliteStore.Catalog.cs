using System.Text.Json;
using Dossier.Store.Actors;

namespace Dossier.Store.Sqlite;

// The actor tables as IActorCatalog, IDecisionCatalog and ISplitCatalog: the SQL the engine-neutral ActorResolver,
// ActorDecisions and ActorSplits need, each statement prepared once.
public sealed partial class SqliteStore
{
    private ActorCatalog? _catalog;

    private ActorCatalog Catalog => _catalog ??= new ActorCatalog(this);

    private sealed class ActorCatalog(SqliteStore store) : ISplitCatalog
    {
        public IReadOnlyList<CatalogActor> ActorsNamed(string key)
        {
            var list = new List<CatalogActor>();
            using var r = store.Prepared("""
                SELECT x.id, x.name, x.type, x.mentions FROM actor_aliases k JOIN actors x ON x.id = k.actor_id WHERE k.key = $k AND k.metonym = 0
                """).P("$k", key).ExecuteReader();
            while (r.Read()) list.Add(Actor(r));
            return list;
        }

        public IReadOnlyList<(CatalogActor Actor, string Key)> PeopleNamedLonger(string lastWord, int words)
        {
            var list = new List<(CatalogActor, string)>();
            using var r = store.Prepared("""
                SELECT x.id, x.name, x.type, x.mentions, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = $s AND k.words > $w AND k.metonym = 0 AND x.type = 'PERSON'
                """).P("$s", lastWord).P("$w", words).ExecuteReader();
            while (r.Read()) list.Add((Actor(r), r.GetString(4)));
            return list;
        }

        public IReadOnlyList<SurnameHolder> PeopleWithSurname(string lastWord)
        {
            var list = new List<SurnameHolder>();
            using var r = store.Prepared("""
                SELECT x.id, x.name, x.type, x.mentions, max(k.words),
                       (SELECT max(z.words) FROM actor_aliases z WHERE z.actor_id = x.id AND z.metonym = 0)
                FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = $s AND x.type = 'PERSON' GROUP BY x.id
                """).P("$s", lastWord).ExecuteReader();
            while (r.Read()) list.Add(new SurnameHolder(Actor(r), r.GetInt32(4), r.GetInt32(5)));
            return list;
        }

        public bool IsBlocked(long actor, string key) => store.Blocked(actor, key);

        // The last-word index: one word, or the range of every last word it starts (U+FFFF sorts after any letter of a
        // key in SQLite's byte order).
        public IReadOnlyList<(CatalogActor Actor, string Alias, string Key)> NamesLike(string type, string lastWord, bool exactLastWord, string? keyPrefix)
        {
            var list = new List<(CatalogActor, string, string)>();
            using var r = (exactLastWord
                ? store.Prepared("""
                    SELECT x.id, x.name, x.type, x.mentions, k.alias, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                    WHERE k.last_word = $lo AND k.metonym = 0 AND x.type = $t AND ($kp IS NULL OR (k.key >= $kp AND k.key < $kp || char(65535)))
                    """)
                : store.Prepared("""
                    SELECT x.id, x.name, x.type, x.mentions, k.alias, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                    WHERE k.last_word >= $lo AND k.last_word < $lo || char(65535) AND k.metonym = 0 AND x.type = $t
                      AND ($kp IS NULL OR (k.key >= $kp AND k.key < $kp || char(65535)))
                    """))
                .P("$lo", lastWord).P("$t", type).P("$kp", keyPrefix).ExecuteReader();
            while (r.Read()) list.Add((Actor(r), r.GetString(4), r.GetString(5)));
            return list;
        }

        public void Suggest(long actor, long other, double score, string evidence, long article) =>
            store.Prepared("""
                INSERT OR IGNORE INTO actor_suggestions (actor_id, other_id, score, evidence, article_id)
                SELECT $a, $o, $s, $e, $art WHERE NOT EXISTS (SELECT 1 FROM actor_suggestions WHERE actor_id = $o AND other_id = $a)
                """).P("$a", actor).P("$o", other).P("$s", score).P("$e", evidence).P("$art", article).ExecuteNonQuery();

        public bool HeldPost(long actor, string title, string? of) =>
            (long)store.Prepared("""
                SELECT count(*) FROM roles WHERE actor_id = $a AND title = $t COLLATE NOCASE
                  AND ($of IS NULL OR "of" IS NULL OR "of" = $of COLLATE NOCASE)
                """).P("$a", actor).P("$t", title).P("$of", of).ExecuteScalar()! > 0;

        public bool SharePost(long first, long second) => store.SharePost(first, second);

        // Per other actor, whether any article names both: the one of the two with fewer articles drives (CROSS JOIN fixes
        // SQLite's loop order), and the search stops at the first shared article. The look-up names the article's date,
        // which its links share, so it is one seek in the index by (actor, date, article). Joining every article of the actor
        // with every actor of those articles grew with the actor's fame: 3.8 of 5.9 s of resolution at 105,000 articles.
        public int SharedArticles(long actor, IReadOnlyCollection<long> others) =>
            (int)(long)store.Prepared("""
                SELECT count(*) FROM json_each($others) o JOIN actors y ON y.id = o.value JOIN actors x ON x.id = $x
                WHERE CASE WHEN y.articles < x.articles
                  THEN EXISTS (SELECT 1 FROM actor_links b CROSS JOIN actor_links a ON a.actor_id = $x AND a.published IS b.published AND a.article_id = b.article_id WHERE b.actor_id = o.value)
                  ELSE EXISTS (SELECT 1 FROM actor_links a CROSS JOIN actor_links b ON b.actor_id = o.value AND b.published IS a.published AND b.article_id = a.article_id WHERE a.actor_id = $x)
                END
                """).P("$x", actor).P("$others", JsonSerializer.Serialize(others, StoreJson.Default.IReadOnlyCollectionInt64)).ExecuteScalar()!;

        public long CreateActor(string name, string type, IReadOnlyDictionary<string, string> codes) =>
            (long)store.Prepared("INSERT INTO actors (name, type, codes) VALUES ($n, $t, $c) RETURNING id")
                .P("$n", name).P("$t", type).P("$c", Codes(codes)).ExecuteScalar()!;

        public (string Name, IReadOnlyDictionary<string, string> Codes) NameAndCodes(long actor)
        {
            using var r = store.Prepared("SELECT name, codes FROM actors WHERE id = $id").P("$id", actor).ExecuteReader();
            if (!r.Read()) throw new InvalidOperationException($"no actor {actor}");
            return (r.GetString(0), JsonSerializer.Deserialize(r.GetString(1), StoreJson.Default.DictionaryStringString) ?? new());
        }

        public void SetNameAndCodes(long actor, string name, IReadOnlyDictionary<string, string> codes) =>
            store.Prepared("UPDATE actors SET name = $n, codes = $c WHERE id = $id").P("$n", name).P("$c", Codes(codes)).P("$id", actor).ExecuteNonQuery();

        public IReadOnlyList<(string Name, long Votes)> NameVotes(long actor)
        {
            var list = new List<(string, long)>();
            using var r = store.Prepared("SELECT name, votes FROM actor_names WHERE actor_id = $id").P("$id", actor).ExecuteReader();
            while (r.Read()) list.Add((r.GetString(0), r.GetInt64(1)));
            return list;
        }

        public void Link(long article, string docActor, long actor, string name, int mentions, string decision) =>
            store.Prepared("""
                INSERT OR REPLACE INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision, published)
                VALUES ($art, $doc, $act, $name, $m, $d, (SELECT published FROM articles WHERE id = $art))
                """).P("$art", article).P("$doc", docActor).P("$act", actor).P("$name", name).P("$m", mentions).P("$d", decision).ExecuteNonQuery();

        public void VoteName(long actor, string name) =>
            store.Prepared("""
                INSERT INTO actor_names (actor_id, name, votes) VALUES ($act, $name, 1)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + 1
                """).P("$act", actor).P("$name", name).ExecuteNonQuery();

        public void AddAlias(long actor, CatalogAlias alias) =>
            store.Prepared("""
                INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, evidence, metonym)
                VALUES ($act, $k, $alias, $last, $w, 1, $ev, $met)
                ON CONFLICT (actor_id, key) DO UPDATE SET count = count + 1, metonym = min(metonym, excluded.metonym)
                """).P("$act", actor).P("$k", alias.Key).P("$alias", alias.Alias).P("$last", alias.LastWord).P("$w", alias.Words)
                .P("$met", alias.Metonym ? 1 : 0).P("$ev", alias.Evidence).ExecuteNonQuery();

        public void Count(long actor, int mentions, int articles) =>
            store.Prepared("UPDATE actors SET mentions = mentions + $m, articles = articles + $n WHERE id = $id")
                .P("$m", mentions).P("$n", articles).P("$id", actor).ExecuteNonQuery();

        // ---- IDecisionCatalog ----

        public string NameOf(long actor) => store.NameOf(actor);

        public IReadOnlyList<long> ArticlesOf(long actor) =>
            Longs(store.Prepared("SELECT DISTINCT article_id FROM actor_links WHERE actor_id = $id").P("$id", actor));

        public long? MergedInto(long actor) =>
            store.Prepared("SELECT merged_into FROM actors WHERE id = $id").P("$id", actor).ExecuteScalar() as long?;

        public IReadOnlyList<(long From, long Into)> Splits(string key)
        {
            var list = new List<(long, long)>();
            using var r = store.Prepared("SELECT actor_id, other_id FROM actor_decisions WHERE kind = 'split' AND alias_key = $k ORDER BY id DESC")
                .P("$k", key).ExecuteReader();
            while (r.Read()) list.Add((r.GetInt64(0), r.GetInt64(1)));
            return list;
        }

        public IReadOnlyList<string> BlockedKeys(long actor)
        {
            var list = new List<string>();
            using var r = store.Prepared("SELECT key FROM actor_blocks WHERE actor_id = $a").P("$a", actor).ExecuteReader();
            while (r.Read()) list.Add(r.GetString(0));
            return list;
        }

        public void Unblock(long actor, string key) =>
            store.Prepared("DELETE FROM actor_blocks WHERE actor_id = $a AND key = $k").P("$a", actor).P("$k", key).ExecuteNonQuery();

        // Driven by the surname index: the actors carrying that last word, then the bare ones among them.
        public IReadOnlyList<long> BareNamesakes(string surname, long except) =>
            Longs(store.Prepared("""
                SELECT DISTINCT x.id FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = $s AND x.type = 'PERSON' AND x.merged_into IS NULL AND x.id <> $f
                  AND NOT EXISTS (SELECT 1 FROM actor_aliases z WHERE z.actor_id = x.id AND z.words >= 2)
                  AND NOT EXISTS (SELECT 1 FROM actor_decisions d WHERE d.other_id = x.id OR d.actor_id = x.id)
                """).P("$f", except).P("$s", surname));

        public bool OtherNamesakeSharesPost(string surname, long full, long bare) =>
            (long)store.Prepared("""
                SELECT count(*) FROM actors x WHERE x.type = 'PERSON' AND x.merged_into IS NULL AND x.id NOT IN ($f, $b)
                  AND EXISTS (SELECT 1 FROM actor_aliases k WHERE k.actor_id = x.id AND k.last_word = $s AND k.words >= 2)
                  AND EXISTS (SELECT 1 FROM roles y JOIN roles z ON z.title = y.title COLLATE NOCASE
                              AND (y."of" IS NULL OR z."of" IS NULL OR y."of" = z."of" COLLATE NOCASE)
                              WHERE y.actor_id = x.id AND z.actor_id = $b)
                """).P("$f", full).P("$b", bare).P("$s", surname).ExecuteScalar()! > 0;

        public void MoveActor(long from, long into) => store.MoveActor(from, into);

        public void AddVotes(long actor, string name, long votes) =>
            store.Prepared("""
                INSERT INTO actor_names (actor_id, name, votes) VALUES ($a, $name, $v)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + excluded.votes
                """).P("$a", actor).P("$name", name).P("$v", votes).ExecuteNonQuery();

        public void Recount(long actor) => store.Recount(actor);

        public void RecordDecision(string kind, long actor, long other, string? key, string names, string? note) =>
            store.RecordDecision(kind, actor, other, key, names, note);

        public string Contract(long article) =>
            (string)store.Prepared("SELECT contract FROM articles WHERE id = $id").P("$id", article).ExecuteScalar()!;

        public void SetContract(long article, string json) =>
            store.Prepared("UPDATE articles SET contract = $c WHERE id = $id").P("$c", json).P("$id", article).ExecuteNonQuery();

        // ---- ISplitCatalog ----

        public string TypeOf(long actor) => (string)store.Prepared("SELECT type FROM actors WHERE id = $id").P("$id", actor).ExecuteScalar()!;

        public (string Key, string Alias)? Alias(long actor, string key)
        {
            using var r = store.Prepared("SELECT key, alias FROM actor_aliases WHERE actor_id = $a AND key = $k").P("$a", actor).P("$k", key).ExecuteReader();
            return r.Read() ? (r.GetString(0), r.GetString(1)) : null;
        }

        public void MoveAlias(long from, long into, string key, string evidence)
        {
            store.Prepared("""
                INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
                SELECT $b, key, alias, last_word, words, 0, metonym, $ev FROM actor_aliases WHERE actor_id = $a AND key = $k
                """).P("$a", from).P("$b", into).P("$k", key).P("$ev", evidence).ExecuteNonQuery();
            store.Prepared("DELETE FROM actor_aliases WHERE actor_id = $a AND key = $k").P("$a", from).P("$k", key).ExecuteNonQuery();
        }

        public void Block(long actor, string key)
        {
            store.Prepared("INSERT OR IGNORE INTO actor_blocks (actor_id, key) VALUES ($a, $k)").P("$a", actor).P("$k", key).ExecuteNonQuery();
            store._anyBlocks = true;
        }

        public IReadOnlyList<long> ArticlesMentioning(long actor) =>
            Longs(store.Prepared("SELECT DISTINCT article_id FROM mentions WHERE actor_id = $a ORDER BY article_id").P("$a", actor));

        public IReadOnlyList<(long Row, int Start, int End, string Text)> MentionsOf(long article, long actor)
        {
            var list = new List<(long, int, int, string)>();
            using var r = store.Prepared("""SELECT rowid, start, "end", text FROM mentions WHERE article_id = $art AND actor_id = $a ORDER BY start, rowid""")
                .P("$art", article).P("$a", actor).ExecuteReader();
            while (r.Read()) list.Add((r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)));
            return list;
        }

        public string Text(long article) => (string)store.Prepared("SELECT text FROM articles WHERE id = $id").P("$id", article).ExecuteScalar()!;

        public IReadOnlyList<(long Row, int Start, int End, string? SpeakerText)> QuotesOf(long article, long speaker)
        {
            var list = new List<(long, int, int, string?)>();
            using var r = store.Prepared("""SELECT rowid, start, "end", speaker_text FROM quotes WHERE article_id = $art AND speaker_id = $a ORDER BY rowid""")
                .P("$art", article).P("$a", speaker).ExecuteReader();
            while (r.Read()) list.Add((r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.S(3)));
            return list;
        }

        public IReadOnlyList<(long Row, int Start, int End)> ClaimsOf(long article, long actor)
        {
            var list = new List<(long, int, int)>();
            using var r = store.Prepared("""SELECT rowid, start, "end" FROM claims WHERE article_id = $art AND source_actor_id = $a ORDER BY rowid""")
                .P("$art", article).P("$a", actor).ExecuteReader();
            while (r.Read()) list.Add((r.GetInt64(0), r.GetInt32(1), r.GetInt32(2)));
            return list;
        }

        public IReadOnlyList<(long Event, int Start, int End, string Side)> EventSidesOf(long article, long actor)
        {
            var list = new List<(long, int, int, string)>();
            using var r = store.Prepared("""
                SELECT e.id, e.start, e."end", x.side FROM events e JOIN event_actors x ON x.event_id = e.id
                WHERE e.article_id = $art AND x.actor_id = $a ORDER BY e.id
                """).P("$art", article).P("$a", actor).ExecuteReader();
            while (r.Read()) list.Add((r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)));
            return list;
        }

        public IReadOnlyList<RoleRow> RolesOf(long article, long actor)
        {
            var list = new List<RoleRow>();
            using var r = store.Prepared("""
                SELECT rowid, title, "of", qualifier, start, "end", evidence_start, evidence_end FROM roles
                WHERE article_id = $art AND actor_id = $a ORDER BY rowid
                """).P("$art", article).P("$a", actor).ExecuteReader();
            while (r.Read())
                list.Add(new RoleRow(r.GetInt64(0), r.GetString(1), r.S(2), r.S(3), r.S(4), r.S(5),
                    r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7)));
            return list;
        }

        public IReadOnlyList<PersonMention> PersonMentions(long article)
        {
            var list = new List<PersonMention>();
            using var r = store.Prepared("""SELECT start, "end", actor_id FROM mentions WHERE article_id = $art AND type = 'PERSON' ORDER BY start""")
                .P("$art", article).ExecuteReader();
            while (r.Read()) list.Add(new PersonMention(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt64(2)));
            return list;
        }

        public IReadOnlyList<(int Start, int End)> QuoteSpans(long article)
        {
            var list = new List<(int, int)>();
            using var r = store.Prepared("""SELECT start, "end" FROM quotes WHERE article_id = $art""").P("$art", article).ExecuteReader();
            while (r.Read()) list.Add((r.GetInt32(0), r.GetInt32(1)));
            return list;
        }

        public IReadOnlyList<(string Doc, string Name, int Mentions)> LinksOf(long article, long actor)
        {
            var list = new List<(string, string, int)>();
            using var r = store.Prepared("SELECT doc_actor, name, mentions FROM actor_links WHERE article_id = $art AND actor_id = $a ORDER BY mentions, doc_actor")
                .P("$art", article).P("$a", actor).ExecuteReader();
            while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.GetInt32(2)));
            return list;
        }

        public void SetMentionActor(long row, long actor) => Set("UPDATE mentions SET actor_id = $b WHERE rowid = $r", row, actor);

        public void SetQuoteSpeaker(long row, long actor) => Set("UPDATE quotes SET speaker_id = $b WHERE rowid = $r", row, actor);

        public void SetClaimSource(long row, long actor) => Set("UPDATE claims SET source_actor_id = $b WHERE rowid = $r", row, actor);

        public void SetRoleActor(long row, long actor) => Set("UPDATE roles SET actor_id = $b WHERE rowid = $r", row, actor);

        private void Set(string sql, long row, long actor) => store.Prepared(sql).P("$r", row).P("$b", actor).ExecuteNonQuery();

        public void MoveEventSide(long eventId, long from, long into, string side)
        {
            store.ReleaseHappeningOf(eventId);
            store.Prepared("DELETE FROM event_actors WHERE event_id = $e AND actor_id = $a AND side = $s")
                .P("$e", eventId).P("$a", from).P("$s", side).ExecuteNonQuery();
            store.Prepared("INSERT OR IGNORE INTO event_actors (event_id, actor_id, side) VALUES ($e, $b, $s)")
                .P("$e", eventId).P("$b", into).P("$s", side).ExecuteNonQuery();
        }

        public void RegroupHappenings() => store.AssignHappenings();

        public void RepointLink(long article, string docActor, long into, string reason) =>
            store.Prepared("UPDATE actor_links SET actor_id = $b, decision = decision || '; ' || $why WHERE article_id = $art AND doc_actor = $doc")
                .P("$b", into).P("$why", reason).P("$art", article).P("$doc", docActor).ExecuteNonQuery();

        public void MoveVote(long from, long into, string name)
        {
            store.Prepared("UPDATE actor_names SET votes = votes - 1 WHERE actor_id = $a AND name = $n").P("$a", from).P("$n", name).ExecuteNonQuery();
            store.Prepared("DELETE FROM actor_names WHERE actor_id = $a AND name = $n AND votes <= 0").P("$a", from).P("$n", name).ExecuteNonQuery();
            AddVotes(into, name, 1);
        }

        public void AddLink(long article, string docActor, long actor, string name, int mentions, string reason) =>
            store.Prepared("""
                INSERT INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision, published)
                VALUES ($art, $doc, $b, $name, $m, $why, (SELECT published FROM articles WHERE id = $art))
                ON CONFLICT (article_id, doc_actor) DO UPDATE SET mentions = mentions + excluded.mentions
                """).P("$art", article).P("$doc", docActor).P("$b", actor).P("$name", name).P("$m", mentions).P("$why", reason).ExecuteNonQuery();

        public void TakeLinkMentions(long article, string docActor, long actor, int mentions) =>
            store.Prepared("UPDATE actor_links SET mentions = mentions - $m WHERE article_id = $art AND doc_actor = $doc AND actor_id = $a")
                .P("$m", mentions).P("$art", article).P("$doc", docActor).P("$a", actor).ExecuteNonQuery();

        public void DropEmptyLinks(long article, long actor) =>
            store.Prepared("DELETE FROM actor_links WHERE article_id = $art AND actor_id = $a AND mentions <= 0").P("$art", article).P("$a", actor).ExecuteNonQuery();

        public void GiveAlias(long from, long into, string key, string surface, string evidence)
        {
            store.Prepared("DELETE FROM actor_aliases WHERE actor_id = $a AND key = $k").P("$a", from).P("$k", key).ExecuteNonQuery();
            store.Prepared("""
                INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
                VALUES ($b, $k, $alias, $last, $w, 1, 0, $ev)
                ON CONFLICT (actor_id, key) DO UPDATE SET count = count + 1
                """).P("$b", into).P("$k", key).P("$alias", surface).P("$last", NameKey.LastWord(key)).P("$w", NameKey.Words(key)).P("$ev", evidence)
                .ExecuteNonQuery();
        }

        public void Rename(long actor, string name) =>
            store.Prepared("UPDATE actors SET name = $n WHERE id = $id").P("$n", name).P("$id", actor).ExecuteNonQuery();

        public IReadOnlyList<(string Alias, int Count, string? Evidence)> AliasEvidence(long actor, IReadOnlyList<string> keys)
        {
            var list = new List<(string, int, string?)>();
            using var r = store.Prepared("""
                SELECT alias, count, evidence FROM actor_aliases WHERE actor_id = $id AND key IN (SELECT value FROM json_each($keys)) ORDER BY key
                """).P("$id", actor).P("$keys", JsonSerializer.Serialize(keys, StoreJson.Default.IReadOnlyListString)).ExecuteReader();
            while (r.Read()) list.Add((r.GetString(0), r.GetInt32(1), r.S(2)));
            return list;
        }

        public int ArticlesTogether(long first, long second) =>
            (int)(long)store.Prepared("""
                SELECT count(DISTINCT x.article_id) FROM actor_links x JOIN actor_links y ON y.actor_id = $b AND y.published IS x.published AND y.article_id = x.article_id
                WHERE x.actor_id = $a
                """).P("$a", first).P("$b", second).ExecuteScalar()!;

        public bool KeptApart(long first, long second) =>
            (long)store.Prepared("""
                SELECT count(*) FROM actor_blocks WHERE (actor_id = $a AND key IN (SELECT key FROM actor_aliases WHERE actor_id = $b))
                   OR (actor_id = $b AND key IN (SELECT key FROM actor_aliases WHERE actor_id = $a))
                """).P("$a", first).P("$b", second).ExecuteScalar()! > 0;

        private static List<long> Longs(RawStatement query)
        {
            var list = new List<long>();
            using var r = query.ExecuteReader();
            while (r.Read()) list.Add(r.GetInt64(0));
            return list;
        }

        private static CatalogActor Actor(RawReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3));

        private static string Codes(IReadOnlyDictionary<string, string> codes) =>
            JsonSerializer.Serialize(codes as Dictionary<string, string> ?? new Dictionary<string, string>(codes), StoreJson.Default.DictionaryStringString);
    }

    // True when two actors have been given the same post (title, and country or organisation when both name one).
    private bool SharePost(long a, long b) =>
        (long)Prepared("""
            SELECT count(*) FROM roles x JOIN roles y ON y.title = x.title COLLATE NOCASE
              AND (x."of" IS NULL OR y."of" IS NULL OR x."of" = y."of" COLLATE NOCASE)
            WHERE x.actor_id = $a AND y.actor_id = $b
            """).P("$a", a).P("$b", b).ExecuteScalar()! > 0;
}

/// <summary>Source-generated JSON for the store's own small JSON columns.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyCollection<long>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
