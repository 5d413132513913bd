using Dossier.Documents;
using Dossier.Store.Actors;

namespace Dossier.Store.Sqlite;

// Splitting a name off a canonical actor: the policy is Store/Actors/ActorSplits (with SplitTie and ContractEdits); the
// engine opens the transaction and answers ISplitCatalog (SqliteStore.Catalog.cs).
public sealed partial class SqliteStore
{
    /// <inheritdoc/>
    public SplitResult Split(string actor, string alias, string? note = null)
    {
        long a = ResolveActorRef(actor);
        using var tx = _c.BeginTransaction();
        var result = ActorSplits.Split(Catalog, a, actor, alias, note, AfterStep);
        tx.Commit();
        return result;
    }

    // Called by Add once the article is stored (most stores have no block at all: one cached look-up then).
    private void HonourBlocks(Document doc, long[] ids, long articleId)
    {
        if (ids.Length > 0 && AnyBlocks()) ActorSplits.HonourBlocks(Catalog, doc, ids, articleId);
    }

    private bool AnyBlocks()
    {
        _anyBlocks ??= (long)Prepared("SELECT count(*) FROM actor_blocks").ExecuteScalar()! > 0;
        return _anyBlocks.Value;
    }
}
