using System.Text.Json;
using Dossier.Documents;
using Dossier.Store.Actors;
using Microsoft.Data.Sqlite;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Sqlite;

// Canonical actors across articles, a first honest version:
//  1. A document actor joins a canonical actor when one of its names (canonical name or alias) has the same key
//     (NameKey) as a name of that actor and the types are compatible. For PERSON only names of two or more words count:
//     a bare surname ("Brown") must not join two different people.
//  2. A PERSON known in the article only by one word joins a canonical person with that surname when it is unique in
//     the article's context: the only person of that surname named in full in this article; else the full-name
//     candidate clearly ahead in shared context (it has appeared before with more of this article's other actors:
//     twice the runner-up, and at least two unless no other candidate shares any). Failing that, a bare-name actor
//     known only by that word takes it.
//     A role stated with the bare surname ("President Bush") picks the one full-name namesake given that post before;
//     a bare-name actor sharing a post with exactly one full-name namesake yields to it. Places do not count as shared
//     context when there are several namesakes.
//  3. A multi-word person name with no key match joins the one person whose name only adds middle names or initials
//     ("George Bush" → "George W Bush"); a multi-word name typed ORG/GPE that only a person carries joins that person.
//  4. Otherwise a new canonical actor is created.
// Each decision is stored in actor_links.decision and, for the names it brings, in actor_aliases.evidence.
public sealed partial class SqliteStore
{
    /// <param name="Metonym">The name stands for the actor (a capital for its state) and is never used to match it.</param>
    private sealed record NameInfo(string Surface, string Key, int Words, bool Metonym = false);

    private sealed record Candidate(long Id, string Name, string Type, int Mentions);

    /// <summary>True when a document actor of type <paramref name="a"/> may join a canonical actor of type <paramref name="b"/>.</summary>
    public static bool CompatibleTypes(string a, string b) =>
        a == b || (a is "GPE" or "LOC") && (b is "GPE" or "LOC");

    private (long[] Ids, int Created) ResolveActors(Document doc, long articleId, SqliteTransaction tx)
    {
        var ids = new long[doc.Actors.Count];
        var decisions = new string[doc.Actors.Count];
        var names = new List<NameInfo>[doc.Actors.Count];
        int created = 0;
        var fresh = new bool[doc.Actors.Count]; // the canonical actor was created for this document actor just now
        var deferred = new List<int>();

        for (int i = 0; i < doc.Actors.Count; i++)
        {
            var a = doc.Actors[i];
            names[i] = NamesOf(doc, i);
            string type = a.Type.ToString();
            bool person = a.Type == EntityType.PERSON;
            // A capital that stood for its state ("Moscow denied it") names the state here, but matching on it would merge
            // the state with the city.
            var keys = names[i].Where(n => (!person || n.Words >= 2) && !n.Metonym).Select(n => n.Key).ToList();
            if (keys.Count == 0)
            {
                if (person && names[i].Count > 0) { deferred.Add(i); continue; }
                keys = names[i].Select(n => n.Key).ToList();
            }
            var best = BestByKeys(keys, type, tx, out var matchedKey);
            if (best is not null)
            {
                ids[i] = best.Id;
                decisions[i] = $"name '{matchedKey}' matches {CanonicalId(best.Id)} {best.Name} ({best.Type})";
            }
            else if (person && FullerName(keys, tx) is { } fuller)
            {
                ids[i] = fuller.C.Id;
                decisions[i] = $"name '{fuller.Key}' matches {CanonicalId(fuller.C.Id)} {fuller.C.Name}, the one person whose name adds only middle names or initials";
            }
            else if (!person && KnownPersonName(keys, tx) is { } known)
            {
                // "George W Bush" typed ORG in one article: a name of two or more words that only a person carries.
                ids[i] = known.C.Id;
                decisions[i] = $"name '{known.Key}' matches {CanonicalId(known.C.Id)} {known.C.Name} (PERSON; typed {type} in this article)";
            }
            else
            {
                ids[i] = CreateActor(a, tx);
                fresh[i] = true;
                created++;
                decisions[i] = keys.Count == 0 ? "new: no usable name" : $"new: no {type} actor named '{keys[0]}'";
            }
        }

        AfterStep?.Invoke("actors: names");

        // Bare surnames, once the article's other actors are known (they are the context).
        // The context: this article's other actors. To choose among several namesakes places are left out (a country every
        // politician of it shares tells nobody apart); for the one namesake there is, any shared actor will do.
        var context = new HashSet<long>();
        var strong = new HashSet<long>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] == 0) continue;
            context.Add(ids[i]);
            if (doc.Actors[i].Type is not (EntityType.GPE or EntityType.LOC or EntityType.FAC)) strong.Add(ids[i]);
        }
        foreach (int i in deferred)
        {
            var surname = names[i][0].Key;
            // First the article itself: a person named in full here whose surname this is (the in-document actors may
            // have left "Brown" apart from "Gordon Brown"). Their names are not in the database yet.
            var here = Enumerable.Range(0, ids.Length)
                .Where(j => ids[j] != 0 && doc.Actors[j].Type == EntityType.PERSON && names[j].Any(n => n.Words >= 2 && NameKey.LastWord(n.Key) == surname))
                .Select(j => ids[j]).Distinct().ToList();
            if (here.Count == 1 && !Blocked(here[0], surname, tx))
            {
                ids[i] = here[0];
                decisions[i] = $"surname '{surname}' matches {CanonicalId(here[0])} {doc.Actors[Array.IndexOf(ids, here[0])].Name}, named in full in this article";
                continue;
            }
            var (id, why) = ResolveSurname(surname, context, strong, tx, allowFull: here.Count == 0, doc.Actors[i].Roles);
            if (here.Count > 1) why += $"; ambiguous in this article ({here.Count} people with this surname)";
            if (id is long found) { ids[i] = found; decisions[i] = why; }
            else
            {
                ids[i] = CreateActor(doc.Actors[i], tx);
                fresh[i] = true;
                created++;
                decisions[i] = why;
            }
        }

        AfterStep?.Invoke("actors: surnames");

        // Bookkeeping: links, aliases, counts, codes, name upgrades.
        var counted = new HashSet<long>();
        for (int i = 0; i < ids.Length; i++)
        {
            var a = doc.Actors[i];
            int mentions = MentionCount(doc, i);
            Prepared("""
                INSERT OR REPLACE INTO actor_links (article_id, doc_actor, actor_id, name, mentions, decision)
                VALUES ($art, $doc, $act, $name, $m, $d)
                """)
                .P("$art", articleId).P("$doc", string.IsNullOrEmpty(a.Id) ? "a" + (i + 1) : a.Id).P("$act", ids[i])
                .P("$name", a.Name).P("$m", mentions).P("$d", decisions[i]).ExecuteNonQuery();
            Prepared("""
                INSERT INTO actor_names (actor_id, name, votes) VALUES ($act, $name, 1)
                ON CONFLICT (actor_id, name) DO UPDATE SET votes = votes + 1
                """).P("$act", ids[i]).P("$name", a.Name.Trim()).ExecuteNonQuery();
            foreach (var n in names[i])
            {
                var evidence = a.Evidence.FirstOrDefault(e => e.Contains(n.Surface, StringComparison.OrdinalIgnoreCase)) is { } inDoc
                    ? $"article {articleId}: {inDoc}" : $"article {articleId}: {decisions[i]}";
                Prepared("""
                    INSERT INTO actor_aliases (actor_id, key, alias, last_word, words, count, evidence, metonym)
                    VALUES ($act, $k, $alias, $last, $w, 1, $ev, $met)
                    ON CONFLICT (actor_id, key) DO UPDATE SET count = count + 1, metonym = min(metonym, excluded.metonym)
                    """)
                    .P("$act", ids[i]).P("$k", n.Key).P("$alias", n.Surface).P("$last", NameKey.LastWord(n.Key)).P("$w", n.Words)
                    .P("$met", n.Metonym ? 1 : 0)
                    .P("$ev", evidence).ExecuteNonQuery();
            }
            bool firstInArticle = counted.Add(ids[i]);
            Prepared("UPDATE actors SET mentions = mentions + $m, articles = articles + $n WHERE id = $id")
                .P("$m", mentions).P("$n", firstInArticle ? 1 : 0).P("$id", ids[i]).ExecuteNonQuery();
            // An actor created for this document actor alone already has its name and codes: its one vote is the
            // name it was created with.
            if (!fresh[i] || Array.IndexOf(ids, ids[i]) != i || Array.LastIndexOf(ids, ids[i]) != i) MergeCodesAndName(ids[i], a, tx);
        }
        return (ids, created);
    }

    private static List<NameInfo> NamesOf(Document doc, int actor)
    {
        var a = doc.Actors[actor];
        // Surfaces this actor carries only as metonyms (every mention with that text is flagged).
        var metonyms = new HashSet<string>(StringComparer.Ordinal);
        var literal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in doc.Entities)
            if (e.Actor == actor) (e.Metonym ? metonyms : literal).Add(doc.Slice(e.Start, e.End).Trim());
        var list = new List<NameInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var surface in a.Aliases.Prepend(a.Name))
        {
            var key = NameKey.Of(surface, a.Type == EntityType.PERSON);
            if (key.Length == 0 || !seen.Add(key)) continue;
            var trimmed = surface.Trim();
            bool metonym = trimmed != a.Name.Trim() && metonyms.Contains(trimmed) && !literal.Contains(trimmed);
            list.Add(new NameInfo(trimmed, key, NameKey.Words(key), metonym));
        }
        return list;
    }

    private static int MentionCount(Document doc, int actor)
    {
        int n = 0;
        foreach (var e in doc.Entities) if (e.Actor == actor) n++;
        return Math.Max(n, doc.Actors[actor].Mentions.Count);
    }

    // The canonical actor sharing the most keys with the document actor; ties go to the most mentioned.
    private Candidate? BestByKeys(List<string> keys, string type, SqliteTransaction tx, out string matchedKey)
    {
        matchedKey = "";
        var score = new Dictionary<long, (Candidate C, int Hits, string Key)>();
        foreach (var key in keys)
        {
            var cmd = Prepared("""
                SELECT x.id, x.name, x.type, x.mentions FROM actor_aliases k JOIN actors x ON x.id = k.actor_id WHERE k.key = $k AND k.metonym = 0
                """).P("$k", key);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var c = new Candidate(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3));
                if (!CompatibleTypes(type, c.Type) || Blocked(c.Id, key, tx)) continue;
                score[c.Id] = score.TryGetValue(c.Id, out var s) ? (c, s.Hits + 1, s.Key) : (c, 1, key);
            }
        }
        if (score.Count == 0) return null;
        var best = score.Values.OrderByDescending(s => s.Hits).ThenByDescending(s => s.C.Type == type).ThenByDescending(s => s.C.Mentions)
            .ThenBy(s => s.C.Id).First();
        matchedKey = best.Key;
        return best.C;
    }

    // "George Bush" when the store knows "George W Bush": the one person with the same first and last word whose name
    // only adds middle names or initials. Two such people (George H W Bush and George W Bush) → none.
    private (Candidate C, string Key)? FullerName(List<string> keys, SqliteTransaction tx)
    {
        foreach (var key in keys)
        {
            var parts = key.Split(' ');
            if (parts.Length < 2) continue;
            var found = new Dictionary<long, Candidate>();
            var cmd = Prepared("""
                SELECT x.id, x.name, x.type, x.mentions, k.key FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.last_word = $s AND k.words > $w AND k.metonym = 0 AND x.type = 'PERSON'
                """).P("$s", parts[^1]).P("$w", parts.Length);
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    var longer = r.GetString(4).Split(' ');
                    if (longer[0] == parts[0] && IsSubsequence(parts, longer))
                        found[r.GetInt64(0)] = new Candidate(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3));
                }
            if (found.Count == 1) return (found.Values.First(), key);
        }
        return null;
    }

    private static bool IsSubsequence(string[] shorter, string[] longer)
    {
        int j = 0;
        foreach (var w in longer) if (j < shorter.Length && w == shorter[j]) j++;
        return j == shorter.Length;
    }

    // A name of two or more words that a canonical PERSON carries and no actor of another type does.
    private (Candidate C, string Key)? KnownPersonName(List<string> keys, SqliteTransaction tx)
    {
        foreach (var key in keys)
        {
            if (NameKey.Words(key) < 2) continue;
            var pk = NameKey.Of(key, person: true);
            var persons = new List<Candidate>();
            var cmd = Prepared("""
                SELECT x.id, x.name, x.type, x.mentions FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
                WHERE k.key = $k AND k.metonym = 0 AND k.words >= 2
                """).P("$k", pk);
            bool other = false;
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    if (r.GetString(2) == "PERSON") persons.Add(new Candidate(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3)));
                    else other = true;
                }
            if (!other && persons.Count == 1) return (persons[0], pk);
        }
        return null;
    }

    private (long? Id, string Why) ResolveSurname(string surname, HashSet<long> allContext, HashSet<long> strongContext, SqliteTransaction tx,
        bool allowFull, IReadOnlyList<Role>? roles = null)
    {
        // Persons with this last word: those known by a full name, and bare-name actors (known only by this word).
        var full = new List<Candidate>();
        Candidate? bare = null;
        // A person with a first name "Steve" among its names is neither: "steve" is not its surname, and it has full names.
        var cmd = Prepared("""
            SELECT x.id, x.name, x.type, x.mentions, max(k.words),
                   (SELECT max(z.words) FROM actor_aliases z WHERE z.actor_id = x.id AND z.metonym = 0)
            FROM actor_aliases k JOIN actors x ON x.id = k.actor_id
            WHERE k.last_word = $s AND x.type = 'PERSON' GROUP BY x.id
            """).P("$s", surname);
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var c = new Candidate(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3));
                if (Blocked(c.Id, surname, tx)) continue; // "Blair" was split off this actor by hand
                if (r.GetInt32(4) >= 2) full.Add(c);
                else if (r.GetInt32(5) <= 1 && (bare is null || c.Mentions > bare.Mentions)) bare = c;
            }

        // A role stated here ("President Bush", "Prime Minister Blair") picks the one full-name candidate that other
        // articles gave the same post (title and, when both name one, country or organisation).
        if (allowFull && roles is { Count: > 0 } && full.Count > 0)
        {
            var holders = full.Where(c => roles.Any(ro => HeldRole(c.Id, ro, tx))).ToList();
            if (holders.Count == 1)
            {
                var ro = roles.First(x => HeldRole(holders[0].Id, x, tx));
                return (holders[0].Id, $"surname '{surname}' matches {CanonicalId(holders[0].Id)} {holders[0].Name}: the one '{surname}' stated elsewhere as " +
                                       $"{ro.Title}{(ro.Of is null ? "" : " of " + ro.Of)}");
            }
        }

        // Context: how many of this article's other actors each candidate has appeared with before. The one namesake on
        // record joins when it shares any. Among several, the best wins when it is clearly ahead — twice the runner-up, and
        // two shared actors unless it is the only one sharing any — counting people and organisations only.
        var context = full.Count == 1 ? allContext : strongContext;
        var scored = context.Count == 0 ? [] : full.Select(c => (C: c, Shared: SharedContext(c.Id, context, tx)))
            .Where(x => x.Shared > 0).OrderByDescending(x => x.Shared).ThenByDescending(x => x.C.Mentions).ToList();
        if (scored.Count > 0)
        {
            int second = scored.Count > 1 ? scored[1].Shared : 0;
            var best = scored[0];
            if (allowFull && best.Shared >= 2 * second && (best.Shared >= MinSharedContext || second == 0))
                return (best.C.Id, $"surname '{surname}' matches {CanonicalId(best.C.Id)} {best.C.Name}: seen before with {best.Shared} of this " +
                                   $"article's actors" + (scored.Count > 1 ? $" (next best {scored[1].C.Name}: {second})" : ""));
        }
        // A bare-name actor made before any full name was known ("President Bush" in the first article) that shares a post
        // with exactly one full-name namesake: that namesake is the person meant, not the provisional bare actor.
        if (allowFull && bare is not null && full.Count > 0)
        {
            var sharing = full.Where(c => SharePost(bare.Id, c.Id, tx)).ToList();
            if (sharing.Count == 1)
                return (sharing[0].Id, $"surname '{surname}' matches {CanonicalId(sharing[0].Id)} {sharing[0].Name}: the one full-name '{surname}' " +
                                       $"sharing a post with the bare-name actor {CanonicalId(bare.Id)}");
        }
        if (bare is not null)
            return (bare.Id, $"bare name '{surname}' matches {CanonicalId(bare.Id)} {bare.Name}, known only by this name" +
                             (full.Count > 0 ? $" ({full.Count} full-name candidates, none clearly ahead in context)" : ""));
        return (null, full.Count == 0
            ? $"new: no PERSON with surname '{surname}'"
            : $"new: surname '{surname}' fits {full.Count} people, none clearly ahead in this article's context");
    }

    // True when an article stored before stated the same post for the actor (titles compared without case; the
    // country or organisation only when both sides name one).
    private bool HeldRole(long actor, Role role, SqliteTransaction tx)
    {
        var cmd = Prepared("""
            SELECT count(*) FROM roles WHERE actor_id = $a AND title = $t COLLATE NOCASE
              AND ($of IS NULL OR "of" IS NULL OR "of" = $of COLLATE NOCASE)
            """).P("$a", actor).P("$t", role.Title).P("$of", (object?)role.Of ?? DBNull.Value);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    // True when two actors have been given the same post (title, and country or organisation when both name one).
    private bool SharePost(long a, long b, SqliteTransaction tx) =>
        (long)Prepared("""
            SELECT count(*) FROM roles x JOIN roles y ON y.title = x.title COLLATE NOCASE
              AND (x."of" IS NULL OR y."of" IS NULL OR x."of" = y."of" COLLATE NOCASE)
            WHERE x.actor_id = $a AND y.actor_id = $b
            """).P("$a", a).P("$b", b).ExecuteScalar()! > 0;

    /// <summary>Fewest context actors a surname-only match must share with the best of several candidates (unless no other shares any).</summary>
    private const int MinSharedContext = 2;

    // Number of this article's actors the candidate has appeared with in stored articles (the ids are our own longs).
    private int SharedContext(long actor, HashSet<long> context, SqliteTransaction tx)
    {
        using var cmd = _c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            SELECT count(DISTINCT b.actor_id) FROM actor_links a JOIN actor_links b ON a.article_id = b.article_id
            WHERE a.actor_id = $x AND b.actor_id IN ({string.Join(',', context.Where(c => c != actor))})
            """;
        cmd.P("$x", actor);
        return context.Count(c => c != actor) == 0 ? 0 : (int)(long)cmd.ExecuteScalar()!;
    }

    private long CreateActor(Actor a, SqliteTransaction tx) =>
        (long)Prepared("INSERT INTO actors (name, type, codes) VALUES ($n, $t, $c) RETURNING id")
            .P("$n", a.Name.Trim()).P("$t", a.Type.ToString())
            .P("$c", JsonSerializer.Serialize(a.Codes, StoreJson.Default.DictionaryStringString)).ExecuteScalar()!;

    // New codes are added (existing ones kept: the first source wins). The name is the one the articles vote for: each
    // article's document actor names the actor once (its full name, an acronym's expansion, a country's common name).
    // Votes for an acronym or for a one-word person name count a quarter, so "Tony Blair" beats "Blair" and
    // "Hayat Tahrir al-Sham" beats "HTS", while one article's "Microsoft Xbox" cannot rename the "Microsoft" of sixty.
    private void MergeCodesAndName(long id, Actor a, SqliteTransaction tx)
    {
        string name, codesJson;
        using (var r = Prepared("SELECT name, codes FROM actors WHERE id = $id").P("$id", id).ExecuteReader())
        {
            if (!r.Read()) return;
            name = r.GetString(0);
            codesJson = r.GetString(1);
        }
        var codes = JsonSerializer.Deserialize(codesJson, StoreJson.Default.DictionaryStringString) ?? new();
        bool changed = false;
        foreach (var (k, v) in a.Codes) changed |= codes.TryAdd(k, v);
        var newName = VotedName(id, name, a.Type == EntityType.PERSON, tx);
        if (changed || newName != name)
            Prepared("UPDATE actors SET name = $n, codes = $c WHERE id = $id")
                .P("$n", newName).P("$c", JsonSerializer.Serialize(codes, StoreJson.Default.DictionaryStringString)).P("$id", id)
                .ExecuteNonQuery();
    }

    // The name with the most weighted votes; ties keep the current name, then prefer the longer one.
    private string VotedName(long id, string name, bool person, SqliteTransaction tx)
    {
        var newName = name;
        double best = -1;
        using var r = Prepared("SELECT name, votes FROM actor_names WHERE actor_id = $id").P("$id", id).ExecuteReader();
        while (r.Read())
        {
            var candidate = r.GetString(0).Trim();
            double score = r.GetInt64(1) * NameWeight(candidate, person);
            if (score > best || score == best && (candidate == name || newName != name && candidate.Length > newName.Length))
            { best = score; newName = candidate; }
        }
        return newName;
    }

    /// <summary>How much one article's vote for a name counts: less for acronyms and for one-word person names.</summary>
    internal static double NameWeight(string name, bool person)
    {
        bool acronym = name.Length is >= 2 and <= 6 && !name.Contains(' ') && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '&' || c == '.');
        if (acronym) return 0.25;
        if (person && NameKey.Words(NameKey.Of(name, person)) < 2) return 0.25;
        return 1;
    }
}

/// <summary>Source-generated JSON for the store's own small JSON columns.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
