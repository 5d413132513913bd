using System.Text.Json.Nodes;
using Dossier.Documents;
using Dossier.Store.Actors;
using Microsoft.Data.Sqlite;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Sqlite;

// Splitting a name off a canonical actor, article by article.
//
// A split is applied one article at a time by SplitArticle, and the same routine serves the manual decision
// (`actor split`, POST /api/actors/split: every article of the actor) and ingest (an article stored later whose document
// actor joined the actor under another name but also carries the blocked one: "Tony Blair … Blair said").
//
// What moves, in one article. The mentions written with the split name (same NameKey) move. When every naming mention of
// the actor in the article is the split name (descriptions such as "the prime minister" aside), the actor is present in
// that article only through that name: everything of it there moves (descriptions, links, quotes, claims, events, roles).
// Otherwise each fact moves only when it can be tied to the split name by offsets, as the components tied it:
//  - a quote: the actor's mentions inside its speaker phrase (located as the occurrence of speaker_text nearest the quote)
//    are all the split name; with none, the speaker text itself is the split name ("Mr Blair"), or it is "he"/"she" and
//    the last person named before it (outside quotes) is a split-name mention — the quotes component's pronoun rule;
//  - an event side: the actor's mentions inside the event's span are all the split name; with none, the last person
//    named before the span is a split-name mention (the events component resolves "he" and shared subjects that way);
//  - a claim of the actor: the actor's quotes it was made from (overlapping it) all moved;
//  - a role: the actor's mentions inside its evidence span are all the split name.
// A fact whose span names the actor both ways ("Tony Blair … Blair") stays: it cannot be tied to one name.
// Links, alias counts, name votes and counters follow, and the stored contract of the article is rewritten by the same
// decisions, so that export, the article API, the dossier and the timeline agree.
public sealed partial class SqliteStore
{
    /// <inheritdoc/>
    public SplitResult Split(string actor, string alias, string? note = null)
    {
        long a = ResolveActorRef(actor);
        using var tx = _c.BeginTransaction();
        string type, nameA = NameOf(a);
        using (var c = Cmd("SELECT type FROM actors WHERE id = $id", tx).P("$id", a)) type = (string)c.ExecuteScalar()!;
        bool person = type == "PERSON";
        string key = NameKey.Of(alias, person);
        var row = ReadAlias(a, key, tx) ?? (person ? null : ReadAlias(a, NameKey.Of(alias, true), tx));
        if (row is null)
        {
            // Asked twice: say where the name went rather than only that it is not there.
            foreach (var k in (string[])[key, NameKey.Of(alias, true)])
                if (k.Length > 0 && Blocked(a, k) && ActorDecisions.SplitTarget(Catalog, a, k) is long into)
                    throw new DossierException(Errors.AlreadySplit(alias, CanonicalId(a), nameA, CanonicalId(into)));
            throw new DossierException(Errors.NoSuchAlias(alias, CanonicalId(a), nameA));
        }
        key = row.Value.Key;
        long n;
        using (var c = Cmd("INSERT INTO actors (name, type, codes) VALUES ($n, $t, '{}') RETURNING id", tx).P("$n", alias.Trim()).P("$t", type))
            n = (long)c.ExecuteScalar()!;
        // The new actor carries the name (its count grows per article below); the old one no longer does.
        Exec(tx, """
            INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
            SELECT $b, key, alias, last_word, words, 0, metonym, 'split off ' || $aid || ' by hand' FROM actor_aliases WHERE actor_id = $a AND key = $k
            """, a, n, ("$k", key), ("$aid", CanonicalId(a)));
        Exec(tx, "DELETE FROM actor_aliases WHERE actor_id = $a AND key = $k", a, n, ("$k", key));
        Exec(tx, "INSERT INTO actor_names (actor_id, name, votes) VALUES ($b, $name, 1)", a, n, ("$name", alias.Trim()));
        Exec(tx, "INSERT OR IGNORE INTO actor_blocks (actor_id, key) VALUES ($a, $k)", a, n, ("$k", key));
        _anyBlocks = true;

        var articles = new List<long>();
        using (var c = Cmd("SELECT DISTINCT article_id FROM mentions WHERE actor_id = $a ORDER BY article_id", tx).P("$a", a))
        using (var r = c.ExecuteReader())
            while (r.Read()) articles.Add(r.GetInt64(0));
        var total = new SplitCounts();
        string reason = $"split off {CanonicalId(a)} {nameA} by hand";
        foreach (var art in articles) total += SplitArticle(art, a, n, key, person, reason, tx);

        RenameByVotes(a, person, tx);
        RenameByVotes(n, person, tx);
        Recount(a);
        Recount(n);
        RecordDecision("split", a, n, key, $"{actor} − {alias}", note);
        tx.Commit();
        return new SplitResult(a, nameA, n, alias.Trim(), total.Mentions, total.Articles)
        {
            Quotes = total.Quotes, Claims = total.Claims, EventSides = total.EventSides, Roles = total.Roles,
        };
    }

    // ---- ingest: a blocked name stays off its actor even when the document joined it to a name of that actor ----

    // Called by Add once the article is stored: every name of this article's mentions that is blocked on the canonical
    // actor the mention joined goes to the actor the split created for it, with the facts tied to it.
    private void HonourBlocks(Document doc, long[] ids, long articleId, SqliteTransaction tx)
    {
        if (ids.Length == 0 || !AnyBlocks(tx)) return;
        var done = new HashSet<(long, string)>();
        var types = new Dictionary<long, bool>();
        foreach (var e in doc.Entities)
        {
            if (e.Actor < 0 || e.Actor >= ids.Length || e.Description) continue;
            long a = ids[e.Actor];
            if (!types.TryGetValue(a, out bool person))
            {
                using var c = Cmd("SELECT type FROM actors WHERE id = $id", tx).P("$id", a);
                types[a] = person = (string?)c.ExecuteScalar() == "PERSON";
            }
            var key = NameKey.Of(doc.Slice(e.Start, e.End), person);
            if (key.Length == 0 || !done.Add((a, key)) || !Blocked(a, key) || ActorDecisions.SplitTarget(Catalog, a, key) is not long into) continue;
            var moved = SplitArticle(articleId, a, into, key, person,
                $"'{doc.Slice(e.Start, e.End).Trim()}' kept off {CanonicalId(a)} by a split made by hand", tx);
            if (moved.Mentions == 0) continue;
            RenameByVotes(a, person, tx);
            RenameByVotes(into, person, tx);
            Recount(a);
            Recount(into);
        }
    }

    private bool AnyBlocks(SqliteTransaction tx)
    {
        _anyBlocks ??= (long)Prepared("SELECT count(*) FROM actor_blocks").ExecuteScalar()! > 0;
        return _anyBlocks.Value;
    }

    // ---- one article ----

    /// <summary>What a split moved (summed over articles).</summary>
    private readonly record struct SplitCounts(int Mentions, int Articles, int Quotes, int Claims, int EventSides, int Roles)
    {
        public static SplitCounts operator +(SplitCounts x, SplitCounts y) =>
            new(x.Mentions + y.Mentions, x.Articles + y.Articles, x.Quotes + y.Quotes, x.Claims + y.Claims, x.EventSides + y.EventSides, x.Roles + y.Roles);
    }

    // Moves what of actor `from` in one article came from the name with `key` to actor `into`: tables and stored record.
    private SplitCounts SplitArticle(long article, long from, long into, string key, bool person, string reason, SqliteTransaction tx)
    {
        var rows = new List<(long Rowid, int Start, int End, string Text)>();
        using (var c = Cmd("""SELECT rowid, start, "end", text FROM mentions WHERE article_id = $art AND actor_id = $a ORDER BY start, rowid""", tx)
                   .P("$art", article).P("$a", from))
        using (var r = c.ExecuteReader())
            while (r.Read()) rows.Add((r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)));
        if (!rows.Any(m => NameKey.Of(m.Text, person) == key)) return default;

        string text, contract;
        using (var c = Cmd("SELECT text, contract FROM articles WHERE id = $id", tx).P("$id", article))
        using (var r = c.ExecuteReader())
        {
            r.Read();
            text = r.GetString(0);
            contract = r.GetString(1);
        }
        var root = JsonNode.Parse(contract) as JsonObject ?? new JsonObject();
        // Descriptions ("the prime minister") are mentions of the actor but not names of it; only the record says which.
        var descriptions = new HashSet<(int, int)>();
        if (root["entities"] is JsonArray ents)
            foreach (var e in ents.OfType<JsonObject>())
                if (e["description"] is JsonValue d && d.TryGetValue<bool>(out var isDescription) && isDescription
                    && (int?)e["start"] is int s && (int?)e["end"] is int en)
                    descriptions.Add((s, en));
        var mentions = rows.Select(m => new SplitMention(m.Rowid, m.Start, m.End, m.Text, !descriptions.Contains((m.Start, m.End)),
            NameKey.Of(m.Text, person) == key)).ToList();
        bool whole = mentions.Where(m => m.Named).All(m => m.InSplit);
        var tie = new SplitTie(from, mentions, whole, key, person, text, PersonMentions(article, tx), QuoteSpans(article, tx));

        // Decide everything first (on the state before the split), then apply.
        var moveMentions = mentions.Where(m => whole || m.InSplit).ToList();
        var quotes = new List<long>();
        using (var c = Cmd("""SELECT rowid, start, "end", speaker_text FROM quotes WHERE article_id = $art AND speaker_id = $a ORDER BY rowid""", tx)
                   .P("$art", article).P("$a", from))
        using (var r = c.ExecuteReader())
            while (r.Read())
                if (tie.AddQuote(r.GetInt32(1), r.GetInt32(2), r.S(3))) quotes.Add(r.GetInt64(0));
        var claims = new List<long>();
        using (var c = Cmd("""SELECT rowid, start, "end" FROM claims WHERE article_id = $art AND source_actor_id = $a ORDER BY rowid""", tx)
                   .P("$art", article).P("$a", from))
        using (var r = c.ExecuteReader())
            while (r.Read())
                if (tie.Claim(r.GetInt32(1), r.GetInt32(2))) claims.Add(r.GetInt64(0));
        var sides = new List<(long Event, string Side)>();
        using (var c = Cmd("""
                   SELECT e.id, e.start, e."end", x.side FROM events e JOIN event_actors x ON x.event_id = e.id
                   WHERE e.article_id = $art AND x.actor_id = $a ORDER BY e.id
                   """, tx).P("$art", article).P("$a", from))
        using (var r = c.ExecuteReader())
            while (r.Read())
                if (tie.Event(r.GetInt32(1), r.GetInt32(2))) sides.Add((r.GetInt64(0), r.GetString(3)));
        var roles = new List<(long Rowid, string Title, string? Of, string? Qualifier, string? Start, string? End)>();
        using (var c = Cmd("""
                   SELECT rowid, title, "of", qualifier, start, "end", evidence_start, evidence_end FROM roles
                   WHERE article_id = $art AND actor_id = $a ORDER BY rowid
                   """, tx).P("$art", article).P("$a", from))
        using (var r = c.ExecuteReader())
            while (r.Read())
                if (tie.Role(r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7)))
                    roles.Add((r.GetInt64(0), r.GetString(1), r.S(2), r.S(3), r.S(4), r.S(5)));

        // Tables.
        foreach (var m in moveMentions) Exec(tx, "UPDATE mentions SET actor_id = $b WHERE rowid = $r", from, into, ("$r", m.Row));
        foreach (var rowid in quotes) Exec(tx, "UPDATE quotes SET speaker_id = $b WHERE rowid = $r", from, into, ("$r", rowid));
        foreach (var rowid in claims) Exec(tx, "UPDATE claims SET source_actor_id = $b WHERE rowid = $r", from, into, ("$r", rowid));
        foreach (var (ev, side) in sides)
        {
            ReleaseHappeningOf(ev);
            Exec(tx, "DELETE FROM event_actors WHERE event_id = $e AND actor_id = $a AND side = $s", from, into, ("$e", ev), ("$s", side));
            Exec(tx, "INSERT OR IGNORE INTO event_actors (event_id, actor_id, side) VALUES ($e, $b, $s)", from, into, ("$e", ev), ("$s", side));
        }
        if (sides.Count > 0) AssignHappenings();
        foreach (var ro in roles) Exec(tx, "UPDATE roles SET actor_id = $b WHERE rowid = $r", from, into, ("$r", ro.Rowid));
        string surface = moveMentions.Where(m => m.InSplit).GroupBy(m => m.Text.Trim()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        MoveLinks(article, from, into, key, person, whole, moveMentions.Count, surface, reason, tx);
        // The name is the new actor's in this article, never the old one's (ingest may just have given it back).
        Exec(tx, "DELETE FROM actor_aliases WHERE actor_id = $a AND key = $k", from, into, ("$k", key));
        Exec(tx, """
            INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, metonym, evidence)
            VALUES ($b, $k, $alias, $last, $w, 1, 0, $ev)
            ON CONFLICT (actor_id, key) DO UPDATE SET count = count + 1
            """, from, into, ("$k", key), ("$alias", surface), ("$last", NameKey.LastWord(key)), ("$w", NameKey.Words(key)), ("$ev", reason));

        // The stored record, by the same decisions.
        if (whole) ContractEdits.MergeInContract(root, CanonicalId(into), CanonicalId(from));
        else ContractEdits.SplitInContract(root, tie, CanonicalId(from), CanonicalId(into), key, person, surface, moveMentions, roles.Select(r => (r.Title, r.Of, r.Qualifier, r.Start, r.End)).ToList());
        if (root["actors"] is JsonArray list && list.OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == CanonicalId(into)) is { } record)
        {
            var evidence = record["evidence"] as JsonArray ?? new JsonArray();
            record["evidence"] = evidence;
            if (!evidence.Any(x => (string?)x == reason)) evidence.Add(reason);
        }
        using (var u = Cmd("UPDATE articles SET contract = $c WHERE id = $id", tx).P("$c", root.ToJsonString()).P("$id", article))
            u.ExecuteNonQuery();
        AfterStep?.Invoke("split article");
        return new SplitCounts(moveMentions.Count, 1, quotes.Count, claims.Count, sides.Count, roles.Count);
    }

    // actor_links keep one row per document actor with its mention count (their sum per article is the actor's mentions
    // there). A document actor named by the split name ("Blair" left apart in the article and joined to the actor in the
    // store) moves whole, with its name's vote; the rest of the moved mentions leave the old actor's rows for a row of the
    // new actor; rows left without mentions go.
    private void MoveLinks(long article, long from, long into, string key, bool person, bool whole, int moved, string surface, string reason,
        SqliteTransaction tx)
    {
        var links = new List<(string Doc, string Name, int Mentions)>();
        using (var c = Cmd("SELECT doc_actor, name, mentions FROM actor_links WHERE article_id = $art AND actor_id = $a ORDER BY mentions, doc_actor", tx)
                   .P("$art", article).P("$a", from))
        using (var r = c.ExecuteReader())
            while (r.Read()) links.Add((r.GetString(0), r.GetString(1), r.GetInt32(2)));
        int rest = moved;
        var repointed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in links)
        {
            if (!whole && (NameKey.Of(l.Name, person) != key || l.Mentions > rest)) continue;
            repointed.Add(l.Doc);
            Exec(tx, "UPDATE actor_links SET actor_id = $b, decision = decision || '; ' || $why WHERE article_id = $art AND doc_actor = $doc",
                from, into, ("$art", article), ("$doc", l.Doc), ("$why", reason));
            Exec(tx, "UPDATE actor_names SET votes = votes - 1 WHERE actor_id = $a AND name = $n", from, into, ("$n", l.Name.Trim()));
            Exec(tx, "DELETE FROM actor_names WHERE actor_id = $a AND name = $n AND votes <= 0", from, into, ("$n", l.Name.Trim()));
            Exec(tx, """
                INSERT INTO actor_names (actor_id, name, votes) VALUES ($b, $n, 1)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + 1
                """, from, into, ("$n", l.Name.Trim()));
            rest -= l.Mentions;
        }
        if (whole || rest <= 0) return;
        Exec(tx, """
            INSERT INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision) VALUES ($art, $doc, $b, $name, $m, $why)
            ON CONFLICT (article_id, doc_actor) DO UPDATE SET mentions = mentions + excluded.mentions
            """, from, into, ("$art", article), ("$doc", "split:" + CanonicalId(into)), ("$name", surface), ("$m", rest), ("$why", reason));
        foreach (var l in links.Where(l => !repointed.Contains(l.Doc)).OrderByDescending(l => l.Mentions))
        {
            if (rest <= 0) break;
            int take = Math.Min(rest, l.Mentions);
            Exec(tx, "UPDATE actor_links SET mentions = mentions - $m WHERE article_id = $art AND doc_actor = $doc AND actor_id = $a",
                from, into, ("$art", article), ("$doc", l.Doc), ("$m", take));
            rest -= take;
        }
        Exec(tx, "DELETE FROM actor_links WHERE article_id = $art AND actor_id = $a AND mentions <= 0", from, into, ("$art", article));
    }

    // Every PERSON mention of an article (any actor), in text order: the antecedents pronouns are resolved to.
    private List<PersonMention> PersonMentions(long article, SqliteTransaction tx)
    {
        var list = new List<PersonMention>();
        using var c = Cmd("""SELECT start, "end", actor_id FROM mentions WHERE article_id = $art AND type = 'PERSON' ORDER BY start""", tx)
            .P("$art", article);
        using var r = c.ExecuteReader();
        while (r.Read()) list.Add(new PersonMention(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt64(2)));
        return list;
    }

    private List<(int Start, int End)> QuoteSpans(long article, SqliteTransaction tx)
    {
        var list = new List<(int, int)>();
        using var c = Cmd("""SELECT start, "end" FROM quotes WHERE article_id = $art""", tx).P("$art", article);
        using var r = c.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt32(0), r.GetInt32(1)));
        return list;
    }

    // The name the votes give an actor (see MergeCodesAndName), after a split moved votes.
    private void RenameByVotes(long id, bool person, SqliteTransaction tx)
    {
        var name = NameOf(id);
        var voted = ActorResolver.VotedName(name, Catalog.NameVotes(id), person);
        if (voted != name)
            using (var u = Cmd("UPDATE actors SET name = $n WHERE id = $id", tx).P("$n", voted).P("$id", id))
                u.ExecuteNonQuery();
    }
}
