namespace Dossier.Store.Actors;

/// <summary>
/// What manual and automatic actor decisions (<see cref="ActorDecisions"/>) need from an engine beyond resolution: reads
/// and moves over the actor tables, each plain SQL. Runs inside the engine's open write transaction, like
/// <see cref="IActorCatalog"/>.
/// </summary>
public interface IDecisionCatalog : IActorCatalog
{
    /// <summary>The actor's current name.</summary>
    string NameOf(long actor);

    /// <summary>The articles that name the actor.</summary>
    IReadOnlyList<long> ArticlesOf(long actor);

    /// <summary>The actor a merged actor redirects to, or null.</summary>
    long? MergedInto(long actor);

    /// <summary>The splits of a name key (the actor split from, the actor created), newest first.</summary>
    IReadOnlyList<(long From, long Into)> Splits(string key);

    /// <summary>The name keys split off the actor by hand (kept from joining it again).</summary>
    IReadOnlyList<string> BlockedKeys(long actor);

    /// <summary>Removes a block (a merge undid the split that made it).</summary>
    void Unblock(long actor, string key);

    /// <summary>People other than <paramref name="except"/> known only by a one-word name ending in
    /// <paramref name="surname"/>, never merged and never part of a decision.</summary>
    IReadOnlyList<long> BareNamesakes(string surname, long except);

    /// <summary>True when a person other than <paramref name="full"/> and <paramref name="bare"/>, with a name of two or more
    /// words ending in <paramref name="surname"/>, shares a post with <paramref name="bare"/>.</summary>
    bool OtherNamesakeSharesPost(string surname, long full, long bare);

    /// <summary>Moves everything of <paramref name="from"/> into <paramref name="into"/>: names (counts added), name votes,
    /// links, mentions, roles, quotes, claims, event sides (their happenings grouped again), blocks and redirects;
    /// <paramref name="from"/> becomes a redirect with no mentions. Codes and the name are the caller's.</summary>
    void MoveActor(long from, long into);

    /// <summary>Adds votes for a name of the actor (a name chosen by hand outweighs the articles').</summary>
    void AddVotes(long actor, string name, long votes);

    /// <summary>Counts the actor's mentions and articles again from its links.</summary>
    void Recount(long actor);

    /// <summary>Records a decision, dated by the store's clock.</summary>
    void RecordDecision(string kind, long actor, long other, string? key, string names, string? note);

    /// <summary>An article's stored record (the contract JSON).</summary>
    string Contract(long article);

    /// <summary>Replaces an article's stored record.</summary>
    void SetContract(long article, string json);
}
