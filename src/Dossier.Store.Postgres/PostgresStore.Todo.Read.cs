namespace Dossier.Store.Postgres;

// Read-side members still to port from the SQLite engine (removed one by one as they are written).
public sealed partial class PostgresStore
{
    public SearchResults Search(string query, int limit = 20, int offset = 0) => throw new NotImplementedException();
    public IReadOnlyList<ActorSummary> TopActors(int top, string? type = null, int offset = 0, string? containing = null) => throw new NotImplementedException();
    public ActorDossier? FindActor(string name, int limit = 20) => throw new NotImplementedException();
    public IReadOnlyList<ActorSummary> Lookup(string name) => throw new NotImplementedException();
    public IReadOnlyList<string> Suggest(string name, int limit = 5) => throw new NotImplementedException();
    public IReadOnlyList<TimelineEvent> Timeline(TimelineFilter filter) => throw new NotImplementedException();
    public IEnumerable<StoredContract> Contracts() => throw new NotImplementedException();
    public IEnumerable<TimelineEvent> AllEvents() => throw new NotImplementedException();
    public IReadOnlyList<PostHolder> PostHolders(string post) => throw new NotImplementedException();
    public IReadOnlyList<QuoteInfo> ActorQuotes(string actor, int offset, int limit) => throw new NotImplementedException();
    public IReadOnlyList<ArticleRef> ActorArticles(string actor, int offset, int limit) => throw new NotImplementedException();
    public RelationReport Relation(string first, string second, string by = "month", bool ordered = false, int limit = 200) => throw new NotImplementedException();
    public StoredContract? Article(long id) => throw new NotImplementedException();
    public IReadOnlyList<ArticleRef> Articles(int offset, int limit) => throw new NotImplementedException();
}
