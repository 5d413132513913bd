namespace Dossier.Store.Actors;

/// <summary>A canonical actor as cross-article resolution sees it.</summary>
public sealed record CatalogActor(long Id, string Name, string Type, int Mentions);

/// <summary>One name of an actor as the catalog keeps it: the key it is matched by, the first surface form seen, and why it joined.</summary>
/// <param name="Metonym">The name only ever stood for the actor (Moscow for Russia): shown, never matched.</param>
public readonly record struct CatalogAlias(string Key, string Alias, string LastWord, int Words, bool Metonym, string Evidence);

/// <summary>A person carrying a surname: how many words its longest name ending in it has, and its longest name of all.</summary>
public readonly record struct SurnameHolder(CatalogActor Actor, int WordsWithSurname, int MostWords);

/// <summary>
/// What cross-article actor resolution (<see cref="ActorResolver"/>) needs from an engine: a few look-ups and writes over
/// the actor tables, each one plain SQL (docs/architecture.md, "Adding a store engine").
/// </summary>
/// <remarks>
/// Every call runs inside the engine's open write transaction (the article being stored), sees what earlier calls of the
/// same transaction wrote, and throws the engine's own exception on failure (the store rolls the article back).
/// Merged actors are never returned by look-ups of names: their names moved to the actor they were merged into.
/// </remarks>
public interface IActorCatalog
{
    /// <summary>The actors carrying the name key (metonyms excluded).</summary>
    IReadOnlyList<CatalogActor> ActorsNamed(string key);

    /// <summary>People with a name of more than <paramref name="words"/> words ending in <paramref name="lastWord"/>
    /// (metonyms excluded), each with that name's key.</summary>
    IReadOnlyList<(CatalogActor Actor, string Key)> PeopleNamedLonger(string lastWord, int words);

    /// <summary>Every person with a name ending in <paramref name="lastWord"/>.</summary>
    IReadOnlyList<SurnameHolder> PeopleWithSurname(string lastWord);

    /// <summary>Names (metonyms excluded) of actors of <paramref name="type"/> whose key's last word is
    /// <paramref name="lastWord"/> (or starts with it, unless <paramref name="exactLastWord"/>) and whose key starts with
    /// <paramref name="keyPrefix"/> when given: the candidates the name matcher compares a new name with.</summary>
    IReadOnlyList<(CatalogActor Actor, string Alias, string Key)> NamesLike(string type, string lastWord, bool exactLastWord, string? keyPrefix);

    /// <summary>Proposes for review that <paramref name="actor"/> (new in <paramref name="article"/>) is <paramref name="other"/>,
    /// with the matcher's score and why; a pair proposed or decided before is left as it is.</summary>
    void Suggest(long actor, long other, double score, string evidence, long article);

    /// <summary>True when the name key was split off the actor by hand (it must not join it again).</summary>
    bool IsBlocked(long actor, string key);

    /// <summary>True when a stored article gave the actor the post (title without case; the country or organisation
    /// only when both sides name one).</summary>
    bool HeldPost(long actor, string title, string? of);

    /// <summary>True when two actors have been given the same post.</summary>
    bool SharePost(long first, long second);

    /// <summary>How many of <paramref name="others"/> have appeared in a stored article with the actor.</summary>
    int SharedArticles(long actor, IReadOnlyCollection<long> others);

    /// <summary>A new canonical actor; its id.</summary>
    long CreateActor(string name, string type, IReadOnlyDictionary<string, string> codes);

    /// <summary>The actor's current name and codes.</summary>
    (string Name, IReadOnlyDictionary<string, string> Codes) NameAndCodes(long actor);

    /// <summary>Renames the actor and sets its codes.</summary>
    void SetNameAndCodes(long actor, string name, IReadOnlyDictionary<string, string> codes);

    /// <summary>Every name the articles voted for, with its votes.</summary>
    IReadOnlyList<(string Name, long Votes)> NameVotes(long actor);

    /// <summary>Records that one document actor of an article is the canonical actor, and why (replacing an earlier link
    /// of that document actor).</summary>
    void Link(long article, string docActor, long actor, string name, int mentions, string decision);

    /// <summary>One more article's vote for a name of the actor.</summary>
    void VoteName(long actor, string name);

    /// <summary>Adds a name to the actor, or counts one more article for it (a literal use clears the metonym flag).</summary>
    void AddAlias(long actor, CatalogAlias alias);

    /// <summary>Adds to the actor's mention and article counts.</summary>
    void Count(long actor, int mentions, int articles);
}
