using System.Globalization;
using System.Text.Json.Nodes;
using Dossier.Actors;
using Dossier.Documents;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Actors;

/// <summary>
/// Decisions about canonical actors that every engine takes the same way: merging two actors (by hand, or automatically
/// when a bare surname meets its one full-name namesake in a shared post), and what a later merge or split means for the
/// blocks earlier splits left. The engine answers through <see cref="IDecisionCatalog"/> inside its transaction.
/// </summary>
/// <remarks>A merge moves everything of the absorbed actor into the kept one and leaves the absorbed id as a redirect;
/// the kept actor's codes gain the absorbed one's (the first source wins), a merge by hand pins the kept name, the
/// decision is recorded, and the stored records of the articles concerned are rewritten with the kept id.</remarks>
public static class ActorDecisions
{
    /// <summary>Most redirects followed from an id (a longer chain is a loop, not history).</summary>
    public const int MaxRedirects = 64;

    /// <summary>Merges <paramref name="absorb"/> into <paramref name="keep"/>; <paramref name="names"/> and
    /// <paramref name="note"/> are recorded; <paramref name="pinName"/> makes the kept name outweigh later votes.</summary>
    public static MergeResult Merge(IDecisionCatalog catalog, long keep, long absorb, string names, string? note, bool pinName)
    {
        var articles = catalog.ArticlesOf(absorb);
        string nameA = catalog.NameOf(keep), nameB = catalog.NameOf(absorb);
        catalog.MoveActor(absorb, keep);
        var (name, kept) = catalog.NameAndCodes(keep);
        var codes = new Dictionary<string, string>(kept);
        foreach (var (k, v) in catalog.NameAndCodes(absorb).Codes) codes.TryAdd(k, v);
        catalog.SetNameAndCodes(keep, name, codes);
        LiftBlocksUndoneByMerge(catalog, keep);
        // The kept actor's name is the user's choice: it outweighs any later votes of articles.
        if (pinName) catalog.AddVotes(keep, nameA, 1000);
        catalog.Recount(keep);
        catalog.RecordDecision("merge", keep, absorb, null, names, note);
        foreach (var article in articles)
        {
            if (JsonNode.Parse(catalog.Contract(article)) is not JsonObject root) continue;
            ContractEdits.MergeInContract(root, CanonicalId(keep), CanonicalId(absorb));
            catalog.SetContract(article, root.ToJsonString());
        }
        return new MergeResult(keep, nameA, absorb, nameB, articles.Count);
    }

    /// <summary>A bare-name actor made before any full name was known ("President Bush" in the first article) joins the one
    /// full-name namesake that now shares a post with it. Never an actor a split created, never across a blocked name.</summary>
    public static void ConsolidateBareNames(IDecisionCatalog catalog, Document doc, long[] ids)
    {
        for (int i = 0; i < doc.Actors.Count; i++)
        {
            var actor = doc.Actors[i];
            if (actor.Type != EntityType.PERSON || actor.Roles.Count == 0) continue;
            long full = ids[i];
            var key = NameKey.Of(actor.Name, true);
            if (NameKey.Words(key) < 2) continue;
            string surname = NameKey.LastWord(key);
            if (catalog.IsBlocked(full, surname)) continue;
            foreach (var bare in catalog.BareNamesakes(surname, full))
            {
                // Another full-name namesake sharing a post with it would make it ambiguous.
                if (!catalog.SharePost(bare, full) || catalog.OtherNamesakeSharesPost(surname, full, bare)) continue;
                Merge(catalog, full, bare, $"{CanonicalId(full)} ← {CanonicalId(bare)}",
                    $"automatic: the bare name '{surname}' shares a post with {actor.Name}, its one full-name namesake", pinName: false);
            }
        }
    }

    /// <summary>The actor an id now stands for (merged actors redirect).</summary>
    public static long Follow(IDecisionCatalog catalog, long id)
    {
        for (int hop = 0; hop < MaxRedirects; hop++)
        {
            if (catalog.MergedInto(id) is long next) id = next; else break;
        }
        return id;
    }

    /// <summary>The actor a split sent <paramref name="key"/> to from <paramref name="actor"/> (the latest such split, merges
    /// followed); null when there is none or when it has since been merged back into the actor.</summary>
    public static long? SplitTarget(IDecisionCatalog catalog, long actor, string key)
    {
        foreach (var (from, into) in catalog.Splits(key))
        {
            if (Follow(catalog, from) != actor) continue;
            long target = Follow(catalog, into);
            return target == actor ? null : target;
        }
        return null;
    }

    // A merge that brings a split-off actor back together with the actor it left undoes that split's block: the user has
    // said they are one after all.
    private static void LiftBlocksUndoneByMerge(IDecisionCatalog catalog, long kept)
    {
        foreach (var key in catalog.BlockedKeys(kept))
        {
            bool decided = false, elsewhere = false;
            foreach (var (from, into) in catalog.Splits(key))
            {
                if (Follow(catalog, from) != kept) continue;
                decided = true;
                elsewhere = Follow(catalog, into) != kept;
                break;
            }
            if (decided && !elsewhere) catalog.Unblock(kept, key);
        }
    }

    /// <summary>The one canonical actor a user's reference names (an id like A12, following merges, or a name); throws DSR404/DSR405.</summary>
    public static long ResolveRef(IStore store, string reference)
    {
        var matches = store.Lookup(reference);
        if (matches.Count == 0) throw new DossierException(Errors.UnknownActor(reference));
        bool byId = IsActorId(reference);
        // A name several actors carry is ambiguous unless one actor's canonical name is exactly it.
        if (!byId && matches.Count > 1)
        {
            var exact = matches.Where(m => NameKey.Of(m.Name, m.Type == "PERSON") == NameKey.Of(reference, m.Type == "PERSON")).ToList();
            if (exact.Count != 1)
                throw new DossierException(Errors.AmbiguousActor(reference, matches.Take(6).Select(m => $"{CanonicalId(m.Id)} {m.Name} [{m.Type}]")));
            return exact[0].Id;
        }
        return matches[0].Id;
    }

    /// <summary>Why two names are, or are not, one actor: the actors they lead to, the name matcher, the decisions, and the
    /// evidence of each name (one actor) or what keeps them apart (two).</summary>
    public static WhyReport Why(IStore store, IDecisionCatalog catalog, string first, string second)
    {
        var sa = store.Lookup(first);
        var sb = store.Lookup(second);
        if (sa.Count == 0) throw new DossierException(Errors.UnknownActor(first));
        if (sb.Count == 0) throw new DossierException(Errors.UnknownActor(second));
        var a = sa[0];
        var b = sb[0];
        // An id ("A735") stands for its actor, whose name is what the matcher compares: ids are not names.
        string nameA = IsActorId(first) ? a.Name : first, nameB = IsActorId(second) ? b.Name : second;
        var lines = new List<string>();
        bool person = a.Type == "PERSON" && b.Type == "PERSON";
        double score = NameMatcher.Score(nameA, nameB, person);
        lines.Add($"'{first}' is {CanonicalId(a.Id)} {a.Name} [{a.Type}]" + (sa.Count > 1 ? $" (also the name of {sa.Count - 1} other actor(s))" : ""));
        lines.Add($"'{second}' is {CanonicalId(b.Id)} {b.Name} [{b.Type}]" + (sb.Count > 1 ? $" (also the name of {sb.Count - 1} other actor(s))" : ""));
        lines.Add($"name matcher{(nameA != first || nameB != second ? $" on '{nameA}' and '{nameB}'" : "")}: {score.ToString("F3", CultureInfo.InvariantCulture)} " +
                  $"({(score >= NameMatcher.DefaultThreshold ? "alike" : "not alike")} at {NameMatcher.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}); " +
                  $"keys '{NameKey.Of(nameA, person)}' and '{NameKey.Of(nameB, person)}'");
        foreach (var d in store.Decisions().Where(d => d.ActorId == a.Id || d.OtherId == a.Id || d.ActorId == b.Id || d.OtherId == b.Id))
            lines.Add($"manual {d.Kind} #{d.Id} on {d.Created}: {d.Names}" + (d.Note is null ? "" : $" ({d.Note})"));
        if (a.Id == b.Id)
        {
            lines.Add("one actor. How each name joined it:");
            foreach (var (alias, count, evidence) in catalog.AliasEvidence(a.Id, [NameKey.Of(nameA), NameKey.Of(nameA, true), NameKey.Of(nameB), NameKey.Of(nameB, true)]))
                lines.Add($"  {alias} ({count} article(s)): {evidence ?? "no evidence recorded"}");
            return new WhyReport(true, a.Id, b.Id, score, lines);
        }
        int together = catalog.ArticlesTogether(a.Id, b.Id);
        lines.Add($"two actors: {a.Articles} and {b.Articles} article(s), {together} together" + (together > 0 ? " (an article naming both as different actors is evidence they are two)" : ""));
        if (!ActorResolver.CompatibleTypes(a.Type, b.Type)) lines.Add($"types differ ({a.Type}, {b.Type}): names of different types never join");
        if (catalog.KeptApart(a.Id, b.Id)) lines.Add("a name of one was split off the other by hand: they are kept apart");
        lines.Add("the store joins names with the same key (case, accents, titles, the Arabic article aside), a bare surname to the one " +
                  "namesake the article or its context supports, a name without a middle initial to the one fuller name; " +
                  "names that are merely alike are joined only by 'actor merge'");
        return new WhyReport(false, a.Id, b.Id, score, lines);
    }

    /// <summary>True for "A12" (as Lookup and ResolveRef read it), not a name.</summary>
    public static bool IsActorId(string reference)
    {
        var t = reference.Trim();
        return t.Length > 1 && t[0] is 'A' or 'a' && long.TryParse(t.AsSpan(1), out _);
    }
}
