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
    /// <summary>Stores one processed article with all its layers in one transaction, resolving its actors to canonical ones.</summary>
    /// <returns>What happened: stored, or a duplicate of an article already stored (same cleaned text).</returns>
    AddResult Add(Document doc, string pipeline);

    /// <summary>Full-text search over titles and texts, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    /// <summary>The canonical actors with the most mentions, optionally of one type.</summary>
    IReadOnlyList<ActorSummary> TopActors(int top, string? type = null);

    /// <summary>The dossier of the actor named <paramref name="name"/> (canonical name or alias, case- and diacritics-insensitive), or null.</summary>
    ActorDossier? FindActor(string name);

    /// <summary>Dated events in date order.</summary>
    IReadOnlyList<TimelineEvent> Timeline(TimelineFilter filter);

    /// <summary>Every stored article's contract JSON (canonical actor ids), in storage order.</summary>
    IEnumerable<StoredContract> Contracts();

    /// <summary>Every stored event with its article and actors, for tabular export.</summary>
    IEnumerable<TimelineEvent> AllEvents();

    /// <summary>Row counts.</summary>
    StoreStats Stats();
}
