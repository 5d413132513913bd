using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Actors;

/// <summary>
/// The "actors" component: groups entity mentions into one actor per identity, with aliases, codes, roles and the
/// evidence for every merge.
/// </summary>
/// <remarks>
/// Decisions, in order (each merge writes one Evidence line):
/// 1. Country names, short forms and demonym groups ("the Russians", "the Syrian government") join the country actor,
///    named with the gazetteer common name. A capital used as an agent (subject, possessive, "the rulers in X",
///    "sanctions on X") joins its country as a metonym (EntityMention.Metonym = true); a capital used as a place
///    ("granted asylum in Moscow") stays its own place actor. Seats of power (the Kremlin, the White House) stay their own
///    ORG actor with the government's CAMEO code, and the Evidence names the country they stand for.
/// 2. Mentions with the same normalised key join. 3. Alias phrases ("whose X name is Y", "also known as", "a.k.a.",
///    "better known as", "real name", "nom de guerre") and "A/B" pairs join two names of one person or group.
/// 4. An acronym in parentheses after a name joins that name. 5. A one-word person name joins the unique person whose
///    surname matches (else a close spelling variant of it; in a second round, a unique first name); a shorter
///    multi-word name joins the unique longer one that contains it. 6. An upper-case ORG acronym joins the unique ORG
///    whose initials (function words skipped, Arabic article parts optional) spell it; a one-word ORG name joins the
///    unique longer ORG name containing it unless it is a generic head noun; first names spelled alike with one surname join.
/// 7. A bare surname with no full name in the document is resolved with the actor dictionary when exactly one person of
///    that surname held office within four years before publication. "The X family" is a group actor, not the person X.
/// Plain adjectival NORP mentions ("Syrian coast") and MONEY stay unlinked. Roles (<see cref="RoleFinder"/>) read the syntax
/// layer: an apposition or a copula counts only where the parse confirms it.
/// Immutable; thread-safe (all per-document state lives in a private builder).
/// </remarks>
[Component("actors")]
public sealed partial class ActorLinker : IComponent
{
    /// <summary>Name, version, layers.</summary>
    public static readonly ComponentInfo Component = new("actors", "1.7", [Layers.Actors], [Layers.Syntax, Layers.Entities]);

    /// <inheritdoc/>
    public ComponentInfo Info => Component;

    private readonly CountryTable _countries;
    private readonly ActorDictionary _dictionary;

    /// <summary>Uses the embedded country table and actor dictionary.</summary>
    public ActorLinker() : this(CountryTable.Default, ActorDictionary.Default) { }

    /// <summary>Uses the given tables.</summary>
    public ActorLinker(CountryTable countries, ActorDictionary dictionary)
    {
        _countries = countries;
        _dictionary = dictionary;
    }

    /// <inheritdoc/>
    public void Process(Document doc)
    {
        doc.Actors.Clear();
        doc.Entities.RemoveAll(e => e.Description); // descriptions are this component's own mentions: a rerun finds them again
        foreach (var e in doc.Entities) { e.Actor = -1; e.Metonym = false; }
        new Builder(doc, _countries, _dictionary, Component.Id).Run();
        new DescriptionFinder(doc, _countries, Component.Id).Assign();
    }
}
