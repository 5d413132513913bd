using Dossier.Documents;

namespace Dossier.Store.Postgres;

// Write-side members still to port from the SQLite engine (removed one by one as they are written).
public sealed partial class PostgresStore
{
    public AddResult Add(Document doc, string pipeline) => throw new NotImplementedException();
    public IStoreBatch BeginBatch() => throw new NotImplementedException();
    public Sources.ISourceCatalog Sources => throw new NotImplementedException();
    public IReadOnlySet<string> ContentHashes() => throw new NotImplementedException();
    public MergeResult Merge(string keep, string absorb, string? note = null) => throw new NotImplementedException();
    public SplitResult Split(string actor, string alias, string? note = null) => throw new NotImplementedException();
    public WhyReport Why(string first, string second) => throw new NotImplementedException();
    public IReadOnlyList<ActorDecisionInfo> Decisions() => throw new NotImplementedException();
    public IReadOnlyList<ActorSuggestion> Suggestions(string? actor = null, int limit = 50, bool dismissed = false) => throw new NotImplementedException();
    public ActorSuggestion Dismiss(string first, string second, string? note = null) => throw new NotImplementedException();
    public IReadOnlyList<TimelineEvent> HappeningReports(long happening, int limit = 200) => throw new NotImplementedException();
    public HappeningStats HappeningCounts() => throw new NotImplementedException();
}
