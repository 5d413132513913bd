using System.Globalization;
using Dossier.Actors;
using Dossier.Documents;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Actors;

/// <summary>
/// Cross-article actor resolution: which canonical actor each document actor of an article is. The policy is the same
/// for every engine; an engine only answers the look-ups and makes the writes of <see cref="IActorCatalog"/>.
/// </summary>
/// <remarks>
/// The rules, a first honest version:
/// <list type="number">
/// <item>A document actor joins a canonical actor when one of its names (canonical name or alias) has the same key
/// (<see cref="NameKey"/>) as a name of that actor and the types are compatible. For PERSON only names of two or more
/// words count: a bare surname ("Brown") must not join two different people.</item>
/// <item>A PERSON known in the article only by one word joins a canonical person with that surname when it is unique in
/// the article's context: the only person of that surname named in full in this article; else the full-name candidate
/// clearly ahead in shared context (it has appeared before with more of this article's other actors: twice the
/// runner-up, and at least two unless no other candidate shares any). Failing that, a bare-name actor known only by that
/// word takes it. A role stated with the bare surname ("President Bush") picks the one full-name namesake given that
/// post before; a bare-name actor sharing a post with exactly one full-name namesake yields to it. Places do not count
/// as shared context when there are several namesakes.</item>
/// <item>A multi-word person name with no key match joins the one person whose name only adds middle names or initials
/// ("George Bush" → "George W Bush"); a multi-word name typed ORG/GPE that only a person carries joins that person.</item>
/// <item>Otherwise a new canonical actor is created.</item>
/// </list>
/// Each decision is recorded with the link of the document actor and, for the names it brings, as their evidence.
/// Stateless and thread-safe; the catalog carries the transaction.
/// </remarks>
public static class ActorResolver
{
    /// <summary>Fewest context actors a surname-only match must share with the best of several candidates (unless no other shares any).</summary>
    public const int MinSharedContext = 2;

    /// <summary>Score of the name matcher (<see cref="NameMatcher"/>) from which a name no rule joined joins the one actor
    /// it is that alike to at ingest, with no review, when neither name is an initial and a surname ("Malcolm Glazer" /
    /// "Malcom Glazer", "Massachussetts Institute of Technology"). Chosen by reading every join over the BBC corpus: at 0.98
    /// one in five joined two people (David Davies / David Davis, Danny / Diane Kruger, James / Jim Morrison), at 0.99 none;
    /// initials ("R Kelly" / "Ruth Kelly", "S Jones") are namesakes too often.</summary>
    public const double SameNameScore = 0.99;

    /// <summary>Score from which a name no rule joined is proposed for review as another actor's (<c>dossier actor suggestions</c>).</summary>
    public const double SuggestScore = NameMatcher.DefaultThreshold;

    /// <summary>Most actors proposed for review for one new actor (the most alike).</summary>
    public const int MaxSuggestions = 3;

    /// <summary>Letters of a surname two person names must share at its start to be compared (the look-up's reach).</summary>
    public const int SurnamePrefix = 3;

    /// <summary>An actor whose name the matcher finds alike to one of a document actor's names.</summary>
    private sealed record Alike(CatalogActor Actor, string Own, string Theirs, double Score);

    /// <param name="Metonym">The name stands for the actor (a capital for its state) and is never used to match it.</param>
    private sealed record NameInfo(string Surface, string Key, int Words, bool Metonym = false);

    /// <summary>True when a document actor of type <paramref name="a"/> may join a canonical actor of type <paramref name="b"/>.</summary>
    public static bool CompatibleTypes(string a, string b) =>
        a == b || (a is "GPE" or "LOC") && (b is "GPE" or "LOC");

    /// <summary>Resolves every document actor of <paramref name="doc"/>, stored as article <paramref name="articleId"/>, to a
    /// canonical actor (creating those it needs) and records links, names, votes and counts.</summary>
    /// <returns>The canonical id of each document actor, and how many canonical actors were created.</returns>
    public static (long[] Ids, int Created) Resolve(Document doc, long articleId, IActorCatalog catalog)
    {
        var ids = new long[doc.Actors.Count];
        var decisions = new string[doc.Actors.Count];
        var names = new List<NameInfo>[doc.Actors.Count];
        int created = 0;
        var fresh = new bool[doc.Actors.Count]; // the canonical actor was created for this document actor just now
        var deferred = new List<int>();
        var pending = new List<int>(); // no rule joined them: the name matcher is asked before a new actor is made

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
            var best = BestByKeys(keys, type, catalog, out var matchedKey);
            if (best is not null)
            {
                ids[i] = best.Id;
                decisions[i] = $"name '{matchedKey}' matches {CanonicalId(best.Id)} {best.Name} ({best.Type})";
            }
            else if (person && FullerName(keys, catalog) is { } fuller)
            {
                ids[i] = fuller.C.Id;
                decisions[i] = $"name '{fuller.Key}' matches {CanonicalId(fuller.C.Id)} {fuller.C.Name}, the one person whose name adds only middle names or initials";
            }
            else if (person && ShorterName(keys, catalog) is { } shorter)
            {
                ids[i] = shorter.C.Id;
                decisions[i] = $"name '{shorter.Key}' adds only middle names or initials to '{shorter.Shorter}' of {CanonicalId(shorter.C.Id)} {shorter.C.Name}, " +
                               "the one person of that name";
            }
            else if (!person && KnownPersonName(keys, catalog) is { } known)
            {
                // "George W Bush" typed ORG in one article: a name of two or more words that only a person carries.
                ids[i] = known.C.Id;
                decisions[i] = $"name '{known.Key}' matches {CanonicalId(known.C.Id)} {known.C.Name} (PERSON; typed {type} in this article)";
            }
            else
            {
                pending.Add(i);
                decisions[i] = keys.Count == 0 ? "new: no usable name" : $"new: no {type} actor named '{keys[0]}'";
            }
        }

        // Names no rule joined: an actor whose name the matcher finds alike beyond doubt joins it; otherwise a new actor,
        // with the alike ones proposed for review. Done before the bare surnames, which look for full names of this article.
        var proposals = new List<(int Doc, List<Alike> Alike)>();
        foreach (int i in pending)
        {
            var a = doc.Actors[i];
            var alike = AlikeActors(names[i], a.Type.ToString(), catalog, ids);
            if (alike.Count > 0 && alike[0].Score >= SameNameScore && (alike.Count == 1 || alike[1].Score < SuggestScore)
                && !HasInitial(alike[0].Own) && !HasInitial(alike[0].Theirs))
            {
                var m = alike[0];
                ids[i] = m.Actor.Id;
                decisions[i] = $"name '{m.Own}' is alike to '{m.Theirs}' of {CanonicalId(m.Actor.Id)} {m.Actor.Name} " +
                               $"({m.Score.ToString("0.000", CultureInfo.InvariantCulture)} by the name matcher, at least {SameNameScore.ToString("0.00", CultureInfo.InvariantCulture)} joins)";
                continue;
            }
            ids[i] = catalog.CreateActor(a.Name.Trim(), a.Type.ToString(), a.Codes);
            fresh[i] = true;
            created++;
            if (alike.Count > 0) proposals.Add((i, alike));
        }

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
            // have left "Brown" apart from "Gordon Brown"). Their names are not in the catalog yet.
            var here = Enumerable.Range(0, ids.Length)
                .Where(j => ids[j] != 0 && doc.Actors[j].Type == EntityType.PERSON && names[j].Any(n => n.Words >= 2 && NameKey.LastWord(n.Key) == surname))
                .Select(j => ids[j]).Distinct().ToList();
            if (here.Count == 1 && !catalog.IsBlocked(here[0], surname))
            {
                ids[i] = here[0];
                decisions[i] = $"surname '{surname}' matches {CanonicalId(here[0])} {doc.Actors[Array.IndexOf(ids, here[0])].Name}, named in full in this article";
                continue;
            }
            var (id, why) = ResolveSurname(surname, context, strong, catalog, allowFull: here.Count == 0, doc.Actors[i].Roles);
            if (here.Count > 1) why += $"; ambiguous in this article ({here.Count} people with this surname)";
            if (id is long found) { ids[i] = found; decisions[i] = why; }
            else
            {
                ids[i] = catalog.CreateActor(doc.Actors[i].Name.Trim(), doc.Actors[i].Type.ToString(), doc.Actors[i].Codes);
                fresh[i] = true;
                created++;
                decisions[i] = why;
            }
        }

        // Bookkeeping: links, aliases, counts, codes, name upgrades.
        var counted = new HashSet<long>();
        for (int i = 0; i < ids.Length; i++)
        {
            var a = doc.Actors[i];
            int mentions = MentionCount(doc, i);
            catalog.Link(articleId, string.IsNullOrEmpty(a.Id) ? "a" + (i + 1) : a.Id, ids[i], a.Name, mentions, decisions[i]);
            catalog.VoteName(ids[i], a.Name.Trim());
            foreach (var n in names[i])
            {
                var evidence = a.Evidence.FirstOrDefault(e => e.Contains(n.Surface, StringComparison.OrdinalIgnoreCase)) is { } inDoc
                    ? $"article {articleId}: {inDoc}" : $"article {articleId}: {decisions[i]}";
                catalog.AddAlias(ids[i], new CatalogAlias(n.Key, n.Surface, NameKey.LastWord(n.Key), n.Words, n.Metonym, evidence));
            }
            catalog.Count(ids[i], mentions, counted.Add(ids[i]) ? 1 : 0);
            // An actor created for this document actor alone already has its name and codes: its one vote is the
            // name it was created with.
            if (!fresh[i] || Array.IndexOf(ids, ids[i]) != i || Array.LastIndexOf(ids, ids[i]) != i) MergeCodesAndName(ids[i], a, catalog);
        }
        foreach (var (i, alike) in proposals)
            foreach (var m in alike.Take(MaxSuggestions))
            {
                if (Array.IndexOf(ids, m.Actor.Id) >= 0) continue; // the other is named apart in this very article
                catalog.Suggest(ids[i], m.Actor.Id, m.Score, $"'{m.Own}' and '{m.Theirs}' are alike: " +
                    $"{m.Score.ToString("0.000", CultureInfo.InvariantCulture)} by the name matcher (proposed from {SuggestScore.ToString("0.00", CultureInfo.InvariantCulture)}, " +
                    $"joined unasked from {SameNameScore.ToString("0.00", CultureInfo.InvariantCulture)} without initials); never named in one article", articleId);
            }
        return (ids, created);
    }

    // Actors of the same type (people and organisations only: the matcher knows their names) with a name alike to one of
    // these, most alike first. People compare names of two words or more whose surnames share their first letters; the
    // surnames must be spellings of one and the given names agree (NameMatcher.SurnamesAlike, GivenNamesAgree: "Ben
    // Carson" is not "Ben Cardin", "Kim Collins" not "Tim Collier");
    // organisations names with the same last word and first letters. Actors already given to this article are left out.
    private static List<Alike> AlikeActors(List<NameInfo> names, string type, IActorCatalog catalog, long[] ids)
    {
        bool person = type == "PERSON";
        if (!person && type != "ORG") return [];
        var best = new Dictionary<long, Alike>();
        var conflicted = new HashSet<long>();
        foreach (var n in names)
        {
            if (n.Metonym || (person ? n.Words < 2 : n.Key.Length < 4)) continue;
            var last = NameKey.LastWord(n.Key);
            var candidates = person ? catalog.NamesLike(type, last[..Math.Min(SurnamePrefix, last.Length)], exactLastWord: false, keyPrefix: null)
                                    : catalog.NamesLike(type, last, exactLastWord: true, keyPrefix: n.Key[..2]);
            // Surnames are compared once per distinct last word: a common prefix ("smi") brings hundreds of names.
            var surnameAlike = person ? new Dictionary<string, bool>(StringComparer.Ordinal) : null;
            foreach (var (c, alias, key) in candidates)
            {
                if (Array.IndexOf(ids, c.Id) >= 0 || (person && NameKey.Words(key) < 2) || catalog.IsBlocked(c.Id, n.Key)) continue;
                if (surnameAlike != null)
                {
                    var theirs = NameKey.LastWord(key);
                    if (!surnameAlike.TryGetValue(theirs, out var ok)) surnameAlike[theirs] = ok = theirs == last || NameMatcher.SurnamesAlike(last, theirs);
                    if (!ok) continue;
                }
                if (person && !NameMatcher.GivenNamesAgree(n.Surface, alias))
                {
                    // A name of the actor with the same first and last word but another middle initial: another person,
                    // whatever its other names ("George P. Bush" is not the George W. Bush also called "George Bush").
                    if (key.Split(' ') is var k && k[0] == n.Key.Split(' ')[0] && k[^1] == last) conflicted.Add(c.Id);
                    continue;
                }
                double score = NameMatcher.Score(n.Surface, alias, person);
                if (score < SuggestScore) continue;
                if (!best.TryGetValue(c.Id, out var b) || score > b.Score) best[c.Id] = new Alike(c, n.Surface, alias, score);
            }
        }
        foreach (var id in conflicted) best.Remove(id);
        return best.Values.OrderByDescending(x => x.Score).ThenByDescending(x => x.Actor.Mentions).ThenBy(x => x.Actor.Id).ToList();
    }

    // A name with a one-letter part ("R Kelly", "J. van Niekerk"): it fits every namesake with that initial.
    private static bool HasInitial(string name)
    {
        foreach (var part in name.Split([' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (part.Length == 1 && char.IsLetter(part[0])) return true;
        return false;
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
    private static CatalogActor? BestByKeys(List<string> keys, string type, IActorCatalog catalog, out string matchedKey)
    {
        matchedKey = "";
        var score = new Dictionary<long, (CatalogActor C, int Hits, string Key)>();
        foreach (var key in keys)
            foreach (var c in catalog.ActorsNamed(key))
            {
                if (!CompatibleTypes(type, c.Type) || catalog.IsBlocked(c.Id, key)) continue;
                score[c.Id] = score.TryGetValue(c.Id, out var s) ? (c, s.Hits + 1, s.Key) : (c, 1, key);
            }
        if (score.Count == 0) return null;
        var best = score.Values.OrderByDescending(s => s.Hits).ThenByDescending(s => s.C.Type == type).ThenByDescending(s => s.C.Mentions)
            .ThenBy(s => s.C.Id).First();
        matchedKey = best.Key;
        return best.C;
    }

    // "George Bush" when the catalog knows "George W Bush": the one person with the same first and last word whose name
    // only adds middle names or initials. Two such people (George H W Bush and George W Bush) → none.
    private static (CatalogActor C, string Key)? FullerName(List<string> keys, IActorCatalog catalog)
    {
        foreach (var key in keys)
        {
            var parts = key.Split(' ');
            if (parts.Length < 2) continue;
            var found = new Dictionary<long, CatalogActor>();
            foreach (var (c, longerKey) in catalog.PeopleNamedLonger(parts[^1], parts.Length))
            {
                var longer = longerKey.Split(' ');
                if (longer[0] == parts[0] && IsSubsequence(parts, longer)) found[c.Id] = c;
            }
            if (found.Count == 1) return (found.Values.First(), key);
        }
        return null;
    }

    // "Elijah E. Cummings" when the catalog knows "Elijah Cummings": the one person named by the first and last word alone,
    // the words between them initials,
    // none of whose names puts other middle names between them ("George P. Bush" is not George W. Bush, who is also
    // "George Bush"). News in the United States gives the middle initial at the first mention, not always.
    private static (CatalogActor C, string Key, string Shorter)? ShorterName(List<string> keys, IActorCatalog catalog)
    {
        foreach (var key in keys)
        {
            var parts = key.Split(' ');
            // Initials only: a middle word may open a surname of two words ("Clive Stafford Smith", "Chris Rhys Jones") or
            // make another name ("Jerry Lee Lewis" is not Jerry Lewis).
            if (parts.Length < 3 || parts[1..^1].Any(m => m.Length > 1)) continue;
            string shorter = parts[0] + " " + parts[^1];
            var named = catalog.ActorsNamed(shorter).Where(c => c.Type == "PERSON").DistinctBy(c => c.Id).ToList();
            if (named.Count != 1 || catalog.IsBlocked(named[0].Id, key)) continue;
            bool conflict = false;
            foreach (var (c, longerKey) in catalog.PeopleNamedLonger(parts[^1], 2))
            {
                var longer = longerKey.Split(' ');
                if (longer[0] != parts[0]) continue;
                // Another actor with first and last word and middle names of its own, or this one under other middle names.
                if (c.Id != named[0].Id || !MiddlesAgree(parts, longer)) { conflict = true; break; }
            }
            if (!conflict) return (named[0], key, shorter);
        }
        return null;
    }

    // Middle parts of two names with the same first and last word agree: as many, each the same or an initial of the other.
    private static bool MiddlesAgree(string[] a, string[] b)
    {
        if (a.Length != b.Length) return false;
        for (int k = 1; k < a.Length - 1; k++)
        {
            string x = a[k], y = b[k];
            if (x == y) continue;
            if ((x.Length == 1 || y.Length == 1) && x[0] == y[0]) continue;
            return false;
        }
        return true;
    }

    private static bool IsSubsequence(string[] shorter, string[] longer)
    {
        int j = 0;
        foreach (var w in longer) if (j < shorter.Length && w == shorter[j]) j++;
        return j == shorter.Length;
    }

    // A name of two or more words that a canonical PERSON carries and no actor of another type does.
    private static (CatalogActor C, string Key)? KnownPersonName(List<string> keys, IActorCatalog catalog)
    {
        foreach (var key in keys)
        {
            if (NameKey.Words(key) < 2) continue;
            var pk = NameKey.Of(key, person: true);
            if (NameKey.Words(pk) < 2) continue;
            var named = catalog.ActorsNamed(pk);
            var persons = named.Where(c => c.Type == "PERSON").ToList();
            if (persons.Count == 1 && persons.Count == named.Count) return (persons[0], pk);
        }
        return null;
    }

    private static (long? Id, string Why) ResolveSurname(string surname, HashSet<long> allContext, HashSet<long> strongContext,
        IActorCatalog catalog, bool allowFull, IReadOnlyList<Role>? roles = null)
    {
        // Persons with this last word: those known by a full name, and bare-name actors (known only by this word).
        var full = new List<CatalogActor>();
        CatalogActor? bare = null;
        // A person with a first name "Steve" among its names is neither: "steve" is not its surname, and it has full names.
        foreach (var h in catalog.PeopleWithSurname(surname))
        {
            var c = h.Actor;
            if (catalog.IsBlocked(c.Id, surname)) continue; // "Blair" was split off this actor by hand
            if (h.WordsWithSurname >= 2) full.Add(c);
            else if (h.MostWords <= 1 && (bare is null || c.Mentions > bare.Mentions)) bare = c;
        }

        // A role stated here ("President Bush", "Prime Minister Blair") picks the one full-name candidate that other
        // articles gave the same post (title and, when both name one, country or organisation).
        if (allowFull && roles is { Count: > 0 } && full.Count > 0)
        {
            var holders = full.Where(c => roles.Any(ro => catalog.HeldPost(c.Id, ro.Title, ro.Of))).ToList();
            if (holders.Count == 1)
            {
                var ro = roles.First(x => catalog.HeldPost(holders[0].Id, x.Title, x.Of));
                return (holders[0].Id, $"surname '{surname}' matches {CanonicalId(holders[0].Id)} {holders[0].Name}: the one '{surname}' stated elsewhere as " +
                                       $"{ro.Title}{(ro.Of is null ? "" : " of " + ro.Of)}");
            }
        }

        // Context: how many of this article's other actors each candidate has appeared with before. The one namesake on
        // record joins when it shares any. Among several, the best wins when it is clearly ahead — twice the runner-up, and
        // two shared actors unless it is the only one sharing any — counting people and organisations only.
        var context = full.Count == 1 ? allContext : strongContext;
        var scored = context.Count == 0 ? [] : full.Select(c => (C: c, Shared: Shared(c.Id, context, catalog)))
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
            var sharing = full.Where(c => catalog.SharePost(bare.Id, c.Id)).ToList();
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

    // Number of this article's other actors the candidate has appeared with in stored articles.
    private static int Shared(long actor, HashSet<long> context, IActorCatalog catalog)
    {
        var others = context.Where(c => c != actor).ToList();
        return others.Count == 0 ? 0 : catalog.SharedArticles(actor, others);
    }

    // New codes are added (existing ones kept: the first source wins). The name is the one the articles vote for.
    private static void MergeCodesAndName(long id, Actor a, IActorCatalog catalog)
    {
        var (name, current) = catalog.NameAndCodes(id);
        var codes = new Dictionary<string, string>(current);
        bool changed = false;
        foreach (var (k, v) in a.Codes) changed |= codes.TryAdd(k, v);
        var newName = VotedName(name, catalog.NameVotes(id), a.Type == EntityType.PERSON);
        if (changed || newName != name) catalog.SetNameAndCodes(id, newName, codes);
    }

    /// <summary>The name the votes give an actor now named <paramref name="name"/>: the most weighted votes; ties keep the
    /// current name, then prefer the longer one.</summary>
    /// <remarks>Each article's document actor names the actor once (its full name, an acronym's expansion, a country's
    /// common name). Votes for an acronym or for a one-word person name count a quarter (<see cref="NameWeight"/>), so
    /// "Tony Blair" beats "Blair" and "Hayat Tahrir al-Sham" beats "HTS", while one article's "Microsoft Xbox" cannot
    /// rename the "Microsoft" of sixty. A name chosen by hand carries a thousand votes.</remarks>
    public static string VotedName(string name, IEnumerable<(string Name, long Votes)> votes, bool person)
    {
        var newName = name;
        double best = -1;
        foreach (var (raw, count) in votes)
        {
            var candidate = raw.Trim();
            double score = count * NameWeight(candidate, person);
            if (score > best || score == best && (candidate == name || newName != name && candidate.Length > newName.Length))
            { best = score; newName = candidate; }
        }
        return newName;
    }

    /// <summary>How much one article's vote for a name counts: less for acronyms and for one-word person names.</summary>
    public static double NameWeight(string name, bool person)
    {
        bool acronym = name.Length is >= 2 and <= 6 && !name.Contains(' ') && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '&' || c == '.');
        if (acronym) return 0.25;
        if (person && NameKey.Words(NameKey.Of(name, person)) < 2) return 0.25;
        return 1;
    }
}
