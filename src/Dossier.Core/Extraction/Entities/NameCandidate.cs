using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>What the candidate finder learnt about a span's surroundings; the classifier weighs it.</summary>
[Flags]
public enum CandidateCues : ushort
{
    None = 0,
    /// <summary>A title or honorific stood before it ("President", "Mr.").</summary>
    Titled = 1,
    /// <summary>A name inside a hyphenated word ("al-Qaeda" in "al-Qaeda-linked").</summary>
    SubToken = 2,
    /// <summary>Followed by a social handle in brackets: "Syrian Girl (@Partisangirl)".</summary>
    HandleAfter = 4,
    /// <summary>Starts a sentence, a line or a quotation (capitalisation is no evidence there).</summary>
    Initial = 8,
    /// <summary>Followed by a bracketed acronym made of its initials: "Hayat Tahrir al-Sham (HTS)".</summary>
    DefinesAcronym = 16,
    /// <summary>Preceded by the determiner "the".</summary>
    AfterThe = 32,
    /// <summary>A nationality split off a longer capitalised run ("Syrian" of "Syrian President Bashar al-Assad").</summary>
    PrefixOfRun = 64,
}

/// <summary>A span that may be a name: [Start, End) chars, tokens [FirstToken, TokenEnd), and cues from its context.</summary>
/// <remarks>Candidate generation, classification and document-level correction are separate steps so that a statistical
/// classifier can replace <see cref="RuleClassifier"/> without touching the rest.</remarks>
public readonly record struct NameCandidate(int Start, int End, int FirstToken, int TokenEnd, CandidateCues Cues)
{
    /// <summary>Number of tokens.</summary>
    public int TokenCount => TokenEnd - FirstToken;
    /// <summary>True when the cue is set.</summary>
    public bool Has(CandidateCues c) => (Cues & c) != 0;
}

/// <summary>A classifier's decision for a candidate: a type and a confidence in [0,1], or no entity.</summary>
public readonly record struct EntityDecision(EntityType Type, float Score, bool IsEntity)
{
    /// <summary>The decision "not an entity".</summary>
    public static readonly EntityDecision None = new(default, 0, false);
}

/// <summary>Decides whether a candidate is a name and of which type (the slot a trained model fills later).</summary>
public interface IEntityClassifier
{
    /// <summary>Classifies one candidate of a segmented document.</summary>
    EntityDecision Classify(Document doc, in NameCandidate candidate);
}
