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

    /// <summary>The actor's names with these keys: surface form, articles, and why each joined.</summary>
    IReadOnlyList<(string Alias, int Count, string? Evidence)> AliasEvidence(long actor, IReadOnlyList<string> keys);

    /// <summary>How many articles name both actors (as different actors).</summary>
    int ArticlesTogether(long first, long second);

    /// <summary>True when a name of one was split off the other by hand.</summary>
    bool KeptApart(long first, long second);
}

/// <summary>A role statement of an actor in one article, as a split reads it.</summary>
public sealed record RoleRow(long Row, string Title, string? Of, string? Qualifier, string? Start, string? End, int? EvidenceStart, int? EvidenceEnd);

/// <summary>
/// What splitting a name off an actor (<see cref="ActorSplits"/>) needs from an engine: the rows of one article that
/// belong to the actor, and moves of single rows, each plain SQL. Rows are named by the engine's own row ids.
/// </summary>
public interface ISplitCatalog : IDecisionCatalog
{
    /// <summary>The actor's type (PERSON, ORG, …).</summary>
    string TypeOf(long actor);

    /// <summary>The actor's name with that key (its key and first surface form), or null.</summary>
    (string Key, string Alias)? Alias(long actor, string key);

    /// <summary>Moves a name key from one actor to another (count 0: it grows per article), with why.</summary>
    void MoveAlias(long from, long into, string key, string evidence);

    /// <summary>Keeps a name key from joining the actor again.</summary>
    void Block(long actor, string key);

    /// <summary>The articles with a mention of the actor, in order.</summary>
    IReadOnlyList<long> ArticlesMentioning(long actor);

    /// <summary>The actor's mentions in an article, in text order.</summary>
    IReadOnlyList<(long Row, int Start, int End, string Text)> MentionsOf(long article, long actor);

    /// <summary>An article's cleaned text.</summary>
    string Text(long article);

    /// <summary>The actor's quotes in an article, in row order.</summary>
    IReadOnlyList<(long Row, int Start, int End, string? SpeakerText)> QuotesOf(long article, long speaker);

    /// <summary>The actor's claims in an article, in row order.</summary>
    IReadOnlyList<(long Row, int Start, int End)> ClaimsOf(long article, long actor);

    /// <summary>The actor's event sides in an article, by event.</summary>
    IReadOnlyList<(long Event, int Start, int End, string Side)> EventSidesOf(long article, long actor);

    /// <summary>The actor's role statements in an article, in row order.</summary>
    IReadOnlyList<RoleRow> RolesOf(long article, long actor);

    /// <summary>Every person mention of an article (any actor), in text order.</summary>
    IReadOnlyList<PersonMention> PersonMentions(long article);

    /// <summary>Every quote span of an article.</summary>
    IReadOnlyList<(int Start, int End)> QuoteSpans(long article);

    /// <summary>The actor's links (document actors) in an article, fewest mentions first.</summary>
    IReadOnlyList<(string Doc, string Name, int Mentions)> LinksOf(long article, long actor);

    /// <summary>Gives one mention, quote, claim or role row to another actor.</summary>
    void SetMentionActor(long row, long actor);

    /// <inheritdoc cref="SetMentionActor"/>
    void SetQuoteSpeaker(long row, long actor);

    /// <inheritdoc cref="SetMentionActor"/>
    void SetClaimSource(long row, long actor);

    /// <inheritdoc cref="SetMentionActor"/>
    void SetRoleActor(long row, long actor);

    /// <summary>Moves one side of an event from one actor to another, releasing its happening.</summary>
    void MoveEventSide(long eventId, long from, long into, string side);

    /// <summary>Groups the events that have no happening (after sides moved).</summary>
    void RegroupHappenings();

    /// <summary>Points a document actor's link at another actor, adding why to its decision.</summary>
    void RepointLink(long article, string docActor, long into, string reason);

    /// <summary>Moves one vote for a name from one actor to another (a name left without votes goes).</summary>
    void MoveVote(long from, long into, string name);

    /// <summary>Adds (or adds to) a link of the actor in an article.</summary>
    void AddLink(long article, string docActor, long actor, string name, int mentions, string reason);

    /// <summary>Takes mentions off a link; links left without any go (<see cref="DropEmptyLinks"/>).</summary>
    void TakeLinkMentions(long article, string docActor, long actor, int mentions);

    /// <summary>Removes the actor's links without mentions in an article.</summary>
    void DropEmptyLinks(long article, long actor);

    /// <summary>The name key leaves <paramref name="from"/> and is counted once more for <paramref name="into"/>.</summary>
    void GiveAlias(long from, long into, string key, string surface, string evidence);

    /// <summary>Renames the actor.</summary>
    void Rename(long actor, string name);
}
