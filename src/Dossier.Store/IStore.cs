using Dossier.Documents;

namespace Dossier.Store;

/// <summary>Persistence of extracted articles and the read models over them.</summary>
/// <remarks>
/// SQLite (<see cref="Sqlite.SqliteStore"/>) is the default; the interface keeps the use cases (ingest, export) and the
/// command line independent of the engine so that another one (PostgreSQL) can be added behind it.
/// An instance is used by one thread at a time; the ingest use case funnels every write through one writer.
/// </remarks>
public interface IStore : IDisposable
{
    /// <summary>Stores one processed article with all its layers, resolving its actors to canonical ones: in its own
    /// transaction, or inside the open <see cref="BeginBatch"/> as one all-or-nothing step of it.</summary>
    /// <returns>What happened: stored, or a duplicate of an article already stored (same cleaned text).</returns>
    /// <exception cref="DossierException">DSR302 when the article cannot be stored; nothing of it is (the open batch goes on).</exception>
    AddResult Add(Document doc, string pipeline);

    /// <summary>Opens a group commit: the articles added until <see cref="IStoreBatch.Commit"/> share one transaction,
    /// each in a savepoint of its own, so a bad article rolls back alone and the batch costs one commit.</summary>
    /// <remarks>Until the batch ends nothing of it is visible to other connections, and a crash loses the whole batch
    /// (never part of an article). No other write (merge, split) may run on this instance while a batch is open.</remarks>
    IStoreBatch BeginBatch();

    /// <summary>What the store knows of followed feeds and pages (<c>fetch</c>, <c>watch</c>).</summary>
    Sources.ISourceCatalog Sources { get; }

    /// <summary>The content hashes of every stored article (a snapshot), so ingest can skip extracting known texts.</summary>
    IReadOnlySet<string> ContentHashes();

    /// <summary>Full-text search over titles and texts, best first; a query matching more than
    /// <see cref="Limits.SearchRankedMatches"/> articles is ranked among the latest stored of them (and the results say so).</summary>
    SearchResults Search(string query, int limit = 20, int offset = 0);

    /// <summary>The canonical actors with the most mentions, optionally of one type.</summary>
    IReadOnlyList<ActorSummary> TopActors(int top, string? type = null, int offset = 0, string? containing = null);

    /// <summary>The dossier of the actor named <paramref name="name"/> (canonical name or alias, case- and diacritics-insensitive), or null.</summary>
    /// <param name="limit">Most quotes, events and articles listed (the totals are always given).</param>
    ActorDossier? FindActor(string name, int limit = 20);

    /// <summary>Canonical actors a name may mean, best first (by name or alias; a bare word also finds surnames).</summary>
    IReadOnlyList<ActorSummary> Lookup(string name);

    /// <summary>Names containing what was typed, for a "did you mean" hint.</summary>
    IReadOnlyList<string> Suggest(string name, int limit = 5);

    /// <summary>Dated events in date order.</summary>
    IReadOnlyList<TimelineEvent> Timeline(TimelineFilter filter);

    /// <summary>Every stored article's contract JSON (canonical actor ids), in storage order.</summary>
    IEnumerable<StoredContract> Contracts();

    /// <summary>Every stored event with its article and actors, for tabular export.</summary>
    IEnumerable<TimelineEvent> AllEvents();

    /// <summary>Row counts.</summary>
    StoreStats Stats();

    /// <summary>The reports of one happening (its events, earliest first), or an empty list when there is no such happening.</summary>
    IReadOnlyList<TimelineEvent> HappeningReports(long happening, int limit = 200);

    /// <summary>How many happenings the stored events make (one act told in several articles is one happening).</summary>
    HappeningStats HappeningCounts();

    /// <summary>Merges <paramref name="absorb"/> into <paramref name="keep"/> (ids or names): names, mentions, roles, quotes,
    /// events move; the absorbed id stays as a redirect; the decision is recorded and holds for later articles.</summary>
    MergeResult Merge(string keep, string absorb, string? note = null);

    /// <summary>Moves the mentions written with <paramref name="alias"/> off <paramref name="actor"/> into a new actor, and
    /// keeps that name from joining the actor again.</summary>
    SplitResult Split(string actor, string alias, string? note = null);

    /// <summary>Why two names are, or are not, one actor.</summary>
    WhyReport Why(string first, string second);

    /// <summary>Who held a post ("President of Syria", or a bare title) and when, as the stored articles support it.</summary>
    IReadOnlyList<PostHolder> PostHolders(string post);

    /// <summary>Events between two actors (either direction unless <paramref name="ordered"/>) by month or week, with Goldstein sums and means.</summary>
    /// <summary>The quotes an actor (name or id) is the speaker of, newest first, a page at a time.</summary>
    IReadOnlyList<QuoteInfo> ActorQuotes(string actor, int offset, int limit);

    /// <summary>The articles that name an actor, newest first, a page at a time.</summary>
    IReadOnlyList<ArticleRef> ActorArticles(string actor, int offset, int limit);

    RelationReport Relation(string first, string second, string by = "month", bool ordered = false, int limit = 200);

    /// <summary>One stored article as its extraction record (all layers, canonical actor ids), or null.</summary>
    StoredContract? Article(long id);

    /// <summary>Stored articles, newest first (undated last), a page at a time.</summary>
    IReadOnlyList<ArticleRef> Articles(int offset, int limit);

    /// <summary>The manual decisions, in order.</summary>
    IReadOnlyList<ActorDecisionInfo> Decisions();

    /// <summary>The name matcher's proposed merges (<see cref="ActorSuggestion"/>), most alike first: the open ones, or
    /// with <paramref name="dismissed"/> the dismissed ones too; of one actor (name or id) when given.</summary>
    IReadOnlyList<ActorSuggestion> Suggestions(string? actor = null, int limit = 50, bool dismissed = false);

    /// <summary>Dismisses the proposal that two actors (names or ids) are one: it leaves the open list; the actors stay as
    /// they are. Throws when no proposal joins them.</summary>
    ActorSuggestion Dismiss(string first, string second, string? note = null);
}

/// <summary>A group commit opened by <see cref="IStore.BeginBatch"/>; disposing it uncommitted rolls every article of it back.</summary>
public interface IStoreBatch : IDisposable
{
    /// <summary>Articles added to this batch so far (stored or duplicate).</summary>
    int Count { get; }

    /// <summary>Makes every article added to the batch durable at once.</summary>
    /// <exception cref="DossierException">DSR302 when the commit fails; then none of the batch is stored.</exception>
    void Commit();
}

