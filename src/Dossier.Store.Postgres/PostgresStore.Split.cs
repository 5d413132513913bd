using Dossier.Documents;
using Dossier.Store.Actors;
using Npgsql;

namespace Dossier.Store.Postgres;

// Splitting a name off a canonical actor: the policy is Store/Actors/ActorSplits (with SplitTie and ContractEdits); the
// engine opens the write transaction (the writers' lock) and answers ISplitCatalog (PostgresStore.Catalog.cs).
public sealed partial class PostgresStore
{
    /// <inheritdoc/>
    public SplitResult Split(string actor, string alias, string? note = null)
    {
        long a = ResolveActorRef(actor);
        using var tx = BeginWrite();
        try
        {
            var result = ActorSplits.Split(Catalog, a, actor, alias, note, AfterStep);
            tx.Commit();
            return result;
        }
        finally { _tx = null; }
    }

    // Called by Add once the article is stored (most stores have no block at all: one look-up per transaction then).
    private void HonourBlocks(Document doc, long[] ids, long articleId)
    {
        if (ids.Length > 0 && AnyBlocks()) ActorSplits.HonourBlocks(Catalog, doc, ids, articleId);
    }

    // Whether any name was ever split off (most databases: none), so resolution skips the look-up entirely. Once true it
    // stays (a split made by this store sets it: ISplitCatalog.Block). "None" is known for one write transaction only:
    // another process (the web's split) may add the first block, but not while this transaction holds the writers' lock.
    private bool _anyBlocks;
    private NpgsqlTransaction? _noBlocksIn;

    private bool AnyBlocks()
    {
        if (_anyBlocks) return true;
        if (_tx is { Connection: not null } tx && ReferenceEquals(tx, _noBlocksIn)) return false;
        _anyBlocks = (bool)Command("SELECT EXISTS (SELECT 1 FROM actor_blocks)").Scalar()!;
        if (!_anyBlocks) _noBlocksIn = _tx;
        return _anyBlocks;
    }
}
