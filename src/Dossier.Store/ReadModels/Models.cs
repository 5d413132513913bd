namespace Dossier.Store;

/// <summary>Outcome of storing one article.</summary>
/// <param name="ArticleId">The stored article's id (for a duplicate: the id of the article already stored).</param>
/// <param name="Duplicate">True when the same cleaned text was already stored; nothing new was written.</param>
/// <param name="NewActors">Canonical actors created for this article.</param>
public readonly record struct AddResult(long ArticleId, bool Duplicate, int NewActors);

/// <summary>A page of search results, best first.</summary>
/// <param name="Hits">The page.</param>
/// <param name="RankedLatest">When the query matched more articles than are ranked (<see cref="Limits.SearchRankedMatches"/>),
/// how many of the latest stored matches the page was ranked among; null when every match was ranked.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int? RankedLatest) : IReadOnlyList<SearchHit>
{
    /// <summary>No results.</summary>
    public static readonly SearchResults None = new([], null);

    public SearchHit this[int index] => Hits[index];
    public int Count => Hits.Count;
    public IEnumerator<SearchHit> GetEnumerator() => Hits.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One search result.</summary>
/// <param name="Snippet">Matching excerpt; matched terms are wrapped in <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>.</param>
public sealed record SearchHit(long ArticleId, string? ExternalId, string? Title, string? Published, string? Source, string Snippet, double Score)
{
    /// <summary>Marks the start of a matched term in <see cref="Snippet"/> (a control character, never in cleaned text).</summary>
    public const char MarkStart = '\u0002';
    /// <summary>Marks the end of a matched term.</summary>
    public const char MarkEnd = '\u0003';
}

/// <summary>A canonical actor in a ranking.</summary>
public sealed record ActorSummary(long Id, string Name, string Type, int Mentions, int Articles, int Aliases);

/// <summary>A name a canonical actor carries and in how many articles.</summary>
public sealed record AliasInfo(string Alias, int Count, string? Evidence);

/// <summary>A role of an actor and how often the texts state it.</summary>
public sealed record RoleInfo(string Title, string? Of, string? Qualifier, string? Start, string? End, int Count, string? FirstSeen, string? LastSeen)
{
    /// <summary>Where it comes from: "articles" (statements merged into an occupancy) or "dictionary" (a dated code of the
    /// actor-dictionary record the actor is linked to; <see cref="Code"/> names it, <see cref="Count"/> is 0).</summary>
    public string Source { get; init; } = "articles";

    /// <summary>The dictionary's code of a "dictionary" role (GBRGOV).</summary>
    public string? Code { get; init; }
}

/// <summary>An article an actor appears in.</summary>
/// <param name="Lead">The opening of the text (up to 160 characters) when the article has no title, to name it by.</param>
public sealed record ArticleRef(long Id, string? ExternalId, string? Title, string? Published, int Mentions, string? Lead = null)
{
    /// <summary>How to name the article to a reader: its title, else the first line of its text (cut at a word near 80
    /// characters), else "#id".</summary>
    public string DisplayName
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Title)) return Title;
            var line = Lead?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            if (line is null) return "#" + Id;
            if (line.Length <= 80) return line;
            int cut = line.LastIndexOf(' ', 80);
            return line[..(cut > 30 ? cut : 80)].TrimEnd() + "…";
        }
    }
}

/// <summary>Another actor seen in the same articles.</summary>
public sealed record CoActor(long Id, string Name, string Type, int Articles);

/// <summary>Two co-actors named together in articles that also name the dossier's actor (its network's other edges).</summary>
public sealed record CoActorLink(long First, long Second, int Articles);

/// <summary>A quote attributed to an actor.</summary>
public sealed record QuoteInfo(string Text, string Kind, string? Cue, ArticleRef Article);

/// <summary>A dated or undated event with its parties, code and evidence (the sentence holding the trigger).</summary>
public sealed record TimelineEvent(
    long EventId, string? Date, bool DateFromPublication, string Cameo, string? Plover, double Goldstein, string Trigger,
    string Evidence, string Certainty, bool Negated, string Sources, string Targets, ArticleRef Article)
{
    /// <summary>The happening this event reports (events of the same sources, targets, PLOVER type and day, across articles).</summary>
    public long? HappeningId { get; init; }
    /// <summary>How many stored events report the happening (this one included).</summary>
    public int Reports { get; init; } = 1;
    /// <summary>How many articles report it.</summary>
    public int ReportingArticles { get; init; } = 1;
    /// <summary>Mentions of this event in its own article.</summary>
    public int Mentions { get; init; } = 1;
}

/// <summary>How many happenings the stored events make: happenings, events (one per article and act), happenings with
/// more than one report, and mentions (every sentence telling an act, within articles too).</summary>
public sealed record HappeningStats(long Happenings, long Events, long Repeated, long Mentions);

/// <summary>An event seen from one of its parties.</summary>
public sealed record ActorEvent(string Side, TimelineEvent Event)
{
    /// <summary>The other side's names.</summary>
    public string OtherParty => Side == "source" ? Event.Targets : Event.Sources;
}

/// <summary>Everything the store knows about one canonical actor.</summary>
public sealed record ActorDossier(
    long Id, string Name, string Type, IReadOnlyDictionary<string, string> Codes, int Mentions, int ArticleCount,
    IReadOnlyList<AliasInfo> Aliases, IReadOnlyList<RoleInfo> Roles, IReadOnlyList<ArticleRef> Articles,
    IReadOnlyList<CoActor> CoActors, IReadOnlyList<QuoteInfo> Quotes, IReadOnlyList<ActorEvent> Events,
    IReadOnlyList<ActorSummary> OtherMatches, int QuoteCount, int EventCount, IReadOnlyList<Decision> Decisions,
    IReadOnlyList<CoActorLink>? CoActorLinks = null)
{
    /// <summary>Open proposals that this actor is another (the name matcher's, made at ingest), most alike first.</summary>
    public IReadOnlyList<ActorSuggestion> Suggestions { get; init; } = [];
}

/// <summary>A merge the name matcher proposed at ingest: the actor an article made, the stored actor it may be, the score
/// and why. <see cref="Status"/> is "open" or "dismissed".</summary>
public sealed record ActorSuggestion(ActorSummary Actor, ActorSummary Other, double Score, string Evidence, long Article, string Status, string? Note);

/// <summary>Why document actors became this canonical actor: the decision text and how many articles it was made in.</summary>
public sealed record Decision(string Text, int Count);

/// <summary>Filters of the timeline.</summary>
public sealed record TimelineFilter
{
    /// <summary>Only events this actor (name or alias) takes part in.</summary>
    public string? Actor { get; init; }
    /// <summary>Inclusive lower bound (ISO date prefix).</summary>
    public string? From { get; init; }
    /// <summary>Inclusive upper bound (ISO date prefix).</summary>
    public string? To { get; init; }
    /// <summary>Only events between <see cref="Actor"/> and this actor, on opposite sides (a dyad; needs <see cref="Actor"/>).</summary>
    public string? With { get; init; }
    /// <summary>Only events whose CAMEO code starts with this ("04" = consult, "042" = make a visit).</summary>
    public string? Cameo { get; init; }
    /// <summary>Only events of this PLOVER category (CONSULT, ASSAULT …).</summary>
    public string? Plover { get; init; }
    /// <summary>Also events with no calendar date (after the dated ones; not with a date range).</summary>
    public bool Undated { get; init; }
    /// <summary>One row per happening (its earliest report, with the count of reports) instead of one per event.</summary>
    public bool Happenings { get; init; }
    /// <summary>Events to skip (paging).</summary>
    public int Offset { get; init; }
    public int Limit { get; init; } = 200;
}

/// <summary>A stored article's contract JSON.</summary>
public sealed record StoredContract(long ArticleId, string Json);

/// <summary>Row counts of a store.</summary>
public sealed record StoreStats(long Articles, long Actors, long Mentions, long Quotes, long Claims, long Events, long Timexes, long Words);

/// <summary>What a merge did: the actor kept, the one merged into it (now a redirect), and the articles rewritten.</summary>
public sealed record MergeResult(long KeptId, string KeptName, long MergedId, string MergedName, int Articles);

/// <summary>What a split did: the actor the name left, the new actor, the mentions and articles moved.</summary>
public sealed record SplitResult(long FromId, string FromName, long NewId, string NewName, int Mentions, int Articles)
{
    /// <summary>Quotes whose speaker moved to the new actor.</summary>
    public int Quotes { get; init; }
    /// <summary>Claims whose source moved.</summary>
    public int Claims { get; init; }
    /// <summary>Event sides (source or target) that moved.</summary>
    public int EventSides { get; init; }
    /// <summary>Role statements that moved.</summary>
    public int Roles { get; init; }
}

/// <summary>A manual decision as recorded.</summary>
public sealed record ActorDecisionInfo(long Id, string Kind, long ActorId, long OtherId, string? AliasKey, string Names, string? Note, string Created);

/// <summary>Why two names are, or are not, one actor: the actors they name, the matcher's score, and readable lines.</summary>
public sealed record WhyReport(bool Same, long FirstId, long SecondId, double Score, IReadOnlyList<string> Lines);

/// <summary>A holder of a post over a time: the actor, the occupancy, and whether another holder overlaps it.</summary>
public sealed record PostHolder(long ActorId, string Name, Dossier.Actors.Occupancy Occupancy, bool Conflict);

/// <summary>One period of a relation: how many events, the Goldstein scores summed and averaged, cooperative and conflictual counts, and the events.</summary>
/// <remarks>Each happening counts once (its earliest report), however many articles tell it: <see cref="Events"/> counts
/// happenings, <see cref="Reports"/> the stored events behind them.</remarks>
public sealed record RelationPoint(string Period, int Events, double GoldsteinSum, double GoldsteinMean, int Cooperative, int Conflictual, IReadOnlyList<long> EventIds)
{
    /// <summary>Stored events (reports) behind the period's happenings.</summary>
    public int Reports { get; init; }
}

/// <summary>Events between two actors by period, and the events themselves (dated first).</summary>
public sealed record RelationReport(long FirstId, string FirstName, long SecondId, string SecondName, bool Ordered, string By,
    IReadOnlyList<RelationPoint> Points, IReadOnlyList<TimelineEvent> Events);
