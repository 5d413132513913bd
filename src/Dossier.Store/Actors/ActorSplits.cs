using System.Text.Json.Nodes;
using Dossier.Documents;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Actors;

/// <summary>Splitting a name off a canonical actor, by hand and at ingest: the same for every engine, over <see cref="ISplitCatalog"/>.</summary>
/// <remarks>
/// <para>A split is applied one article at a time by <see cref="SplitArticle"/>, and the same routine serves the manual
/// decision (`actor split`, POST /api/actors/split: every article of the actor) and ingest (an article stored later whose
/// document actor joined the actor under another name but also carries the blocked one: "Tony Blair … Blair said").</para>
/// <para>What moves, in one article: the mentions written with the split name (same NameKey). When every naming mention
/// of the actor in the article is the split name (descriptions such as "the prime minister" aside), everything of it
/// there moves; otherwise each fact moves only when <see cref="SplitTie"/> ties it to the split name by offsets. Links,
/// alias counts, name votes and counters follow, and the stored record of the article is rewritten by the same
/// decisions (<see cref="ContractEdits"/>), so that export, the article API, the dossier and the timeline agree.</para>
/// </remarks>
public static class ActorSplits
{
    /// <summary>What a split moved (summed over articles).</summary>
    public readonly record struct SplitCounts(int Mentions, int Articles, int Quotes, int Claims, int EventSides, int Roles)
    {
        public static SplitCounts operator +(SplitCounts x, SplitCounts y) =>
            new(x.Mentions + y.Mentions, x.Articles + y.Articles, x.Quotes + y.Quotes, x.Claims + y.Claims, x.EventSides + y.EventSides, x.Roles + y.Roles);
    }

    /// <summary>Splits <paramref name="alias"/> off actor <paramref name="a"/> (named <paramref name="actor"/> by the user)
    /// into a new actor, in every article; throws DSR430 when it was split already, DSR431 when the actor has no such name.</summary>
    /// <param name="afterArticle">Called after each article (the engines' fault hook).</param>
    public static SplitResult Split(ISplitCatalog catalog, long a, string actor, string alias, string? note, Action<string>? afterArticle = null)
    {
        string nameA = catalog.NameOf(a), type = catalog.TypeOf(a);
        bool person = type == "PERSON";
        string key = NameKey.Of(alias, person);
        var row = catalog.Alias(a, key) ?? (person ? null : catalog.Alias(a, NameKey.Of(alias, true)));
        if (row is null)
        {
            // Asked twice: say where the name went rather than only that it is not there.
            foreach (var k in (string[])[key, NameKey.Of(alias, true)])
                if (k.Length > 0 && catalog.IsBlocked(a, k) && ActorDecisions.SplitTarget(catalog, a, k) is long into)
                    throw new DossierException(Errors.AlreadySplit(alias, CanonicalId(a), nameA, CanonicalId(into)));
            throw new DossierException(Errors.NoSuchAlias(alias, CanonicalId(a), nameA));
        }
        key = row.Value.Key;
        long n = catalog.CreateActor(alias.Trim(), type, new Dictionary<string, string>());
        // The new actor carries the name (its count grows per article below); the old one no longer does.
        catalog.MoveAlias(a, n, key, $"split off {CanonicalId(a)} by hand");
        catalog.AddVotes(n, alias.Trim(), 1);
        catalog.Block(a, key);

        var total = new SplitCounts();
        string reason = $"split off {CanonicalId(a)} {nameA} by hand";
        foreach (var art in catalog.ArticlesMentioning(a))
        {
            var moved = SplitArticle(catalog, art, a, n, key, person, reason);
            total += moved;
            if (moved.Articles > 0) afterArticle?.Invoke("split article");
        }

        RenameByVotes(catalog, a, person);
        RenameByVotes(catalog, n, person);
        catalog.Recount(a);
        catalog.Recount(n);
        catalog.RecordDecision("split", a, n, key, $"{actor} − {alias}", note);
        return new SplitResult(a, nameA, n, alias.Trim(), total.Mentions, total.Articles)
        {
            Quotes = total.Quotes, Claims = total.Claims, EventSides = total.EventSides, Roles = total.Roles,
        };
    }

    /// <summary>At ingest, once the article is stored: every name of its mentions that is blocked on the canonical actor
    /// the mention joined goes to the actor the split created for it, with the facts tied to it.</summary>
    public static void HonourBlocks(ISplitCatalog catalog, Document doc, long[] ids, long articleId)
    {
        var done = new HashSet<(long, string)>();
        var types = new Dictionary<long, bool>();
        foreach (var e in doc.Entities)
        {
            if (e.Actor < 0 || e.Actor >= ids.Length || e.Description) continue;
            long a = ids[e.Actor];
            if (!types.TryGetValue(a, out bool person)) types[a] = person = catalog.TypeOf(a) == "PERSON";
            var key = NameKey.Of(doc.Slice(e.Start, e.End), person);
            if (key.Length == 0 || !done.Add((a, key)) || !catalog.IsBlocked(a, key) || ActorDecisions.SplitTarget(catalog, a, key) is not long into) continue;
            var moved = SplitArticle(catalog, articleId, a, into, key, person,
                $"'{doc.Slice(e.Start, e.End).Trim()}' kept off {CanonicalId(a)} by a split made by hand");
            if (moved.Mentions == 0) continue;
            RenameByVotes(catalog, a, person);
            RenameByVotes(catalog, into, person);
            catalog.Recount(a);
            catalog.Recount(into);
        }
    }

    /// <summary>Moves what of actor <paramref name="from"/> in one article came from the name with <paramref name="key"/>
    /// to actor <paramref name="into"/>: rows and stored record.</summary>
    public static SplitCounts SplitArticle(ISplitCatalog catalog, long article, long from, long into, string key, bool person, string reason)
    {
        var rows = catalog.MentionsOf(article, from);
        if (!rows.Any(m => NameKey.Of(m.Text, person) == key)) return default;

        string text = catalog.Text(article);
        var root = JsonNode.Parse(catalog.Contract(article)) as JsonObject ?? new JsonObject();
        // Descriptions ("the prime minister") are mentions of the actor but not names of it; only the record says which.
        var descriptions = new HashSet<(int, int)>();
        if (root["entities"] is JsonArray ents)
            foreach (var e in ents.OfType<JsonObject>())
                if (e["description"] is JsonValue d && d.TryGetValue<bool>(out var isDescription) && isDescription
                    && (int?)e["start"] is int s && (int?)e["end"] is int en)
                    descriptions.Add((s, en));
        var mentions = rows.Select(m => new SplitMention(m.Row, m.Start, m.End, m.Text, !descriptions.Contains((m.Start, m.End)),
            NameKey.Of(m.Text, person) == key)).ToList();
        bool whole = mentions.Where(m => m.Named).All(m => m.InSplit);
        var tie = new SplitTie(from, mentions, whole, key, person, text, catalog.PersonMentions(article), catalog.QuoteSpans(article));

        // Decide everything first (on the state before the split), then apply.
        var moveMentions = mentions.Where(m => whole || m.InSplit).ToList();
        var quotes = catalog.QuotesOf(article, from).Where(q => tie.AddQuote(q.Start, q.End, q.SpeakerText)).Select(q => q.Row).ToList();
        var claims = catalog.ClaimsOf(article, from).Where(c => tie.Claim(c.Start, c.End)).Select(c => c.Row).ToList();
        var sides = catalog.EventSidesOf(article, from).Where(x => tie.Event(x.Start, x.End)).Select(x => (x.Event, x.Side)).ToList();
        var roles = catalog.RolesOf(article, from).Where(r => tie.Role(r.EvidenceStart, r.EvidenceEnd)).ToList();

        // Rows.
        foreach (var m in moveMentions) catalog.SetMentionActor(m.Row, into);
        foreach (var q in quotes) catalog.SetQuoteSpeaker(q, into);
        foreach (var c in claims) catalog.SetClaimSource(c, into);
        foreach (var (ev, side) in sides) catalog.MoveEventSide(ev, from, into, side);
        if (sides.Count > 0) catalog.RegroupHappenings();
        foreach (var ro in roles) catalog.SetRoleActor(ro.Row, into);
        string surface = moveMentions.Where(m => m.InSplit).GroupBy(m => m.Text.Trim()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        MoveLinks(catalog, article, from, into, key, person, whole, moveMentions.Count, surface, reason);
        // The name is the new actor's in this article, never the old one's (ingest may just have given it back).
        catalog.GiveAlias(from, into, key, surface, reason);

        // The stored record, by the same decisions.
        if (whole) ContractEdits.MergeInContract(root, CanonicalId(into), CanonicalId(from));
        else ContractEdits.SplitInContract(root, tie, CanonicalId(from), CanonicalId(into), key, person, surface, moveMentions,
            roles.Select(r => (r.Title, r.Of, r.Qualifier, r.Start, r.End)).ToList());
        if (root["actors"] is JsonArray list && list.OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == CanonicalId(into)) is { } record)
        {
            var evidence = record["evidence"] as JsonArray ?? new JsonArray();
            record["evidence"] = evidence;
            if (!evidence.Any(x => (string?)x == reason)) evidence.Add(reason);
        }
        catalog.SetContract(article, root.ToJsonString());
        return new SplitCounts(moveMentions.Count, 1, quotes.Count, claims.Count, sides.Count, roles.Count);
    }

    // Links keep one row per document actor with its mention count (their sum per article is the actor's mentions
    // there). A document actor named by the split name ("Blair" left apart in the article and joined to the actor in the
    // store) moves whole, with its name's vote; the rest of the moved mentions leave the old actor's rows for a row of the
    // new actor; rows left without mentions go.
    private static void MoveLinks(ISplitCatalog catalog, long article, long from, long into, string key, bool person, bool whole, int moved,
        string surface, string reason)
    {
        var links = catalog.LinksOf(article, from);
        int rest = moved;
        var repointed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in links)
        {
            if (!whole && (NameKey.Of(l.Name, person) != key || l.Mentions > rest)) continue;
            repointed.Add(l.Doc);
            catalog.RepointLink(article, l.Doc, into, reason);
            catalog.MoveVote(from, into, l.Name.Trim());
            rest -= l.Mentions;
        }
        if (whole || rest <= 0) return;
        catalog.AddLink(article, "split:" + CanonicalId(into), into, surface, rest, reason);
        foreach (var l in links.Where(l => !repointed.Contains(l.Doc)).OrderByDescending(l => l.Mentions))
        {
            if (rest <= 0) break;
            int take = Math.Min(rest, l.Mentions);
            catalog.TakeLinkMentions(article, l.Doc, from, take);
            rest -= take;
        }
        catalog.DropEmptyLinks(article, from);
    }

    // The name the votes give an actor (ActorResolver.VotedName), after a split moved votes.
    private static void RenameByVotes(ISplitCatalog catalog, long id, bool person)
    {
        var name = catalog.NameOf(id);
        var voted = ActorResolver.VotedName(name, catalog.NameVotes(id), person);
        if (voted != name) catalog.Rename(id, voted);
    }
}
