namespace Dossier.Documents;

/// <summary>Entity types of the extraction contract.</summary>
public enum EntityType : byte { PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, MONEY, PRODUCT, LAW, WORK_OF_ART }

/// <summary>TIMEX3 types.</summary>
public enum TimexType : byte { DATE, TIME, DURATION, SET }

/// <summary>How a quote is given.</summary>
public enum QuoteKind : byte { Direct, Indirect, Social }

/// <summary>How sure the text is of a claim.</summary>
public enum Certainty : byte { Asserted, Reported, Unverified, Speculative, Opinion }

/// <summary>On whose authority a claim stands.</summary>
public enum ClaimSource : byte { Author, Named, Unnamed, Social }

/// <summary>Names of the document layers; components declare them in Assigns/Requires.</summary>
public static class Layers
{
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Syntax = "syntax";
    public const string Posts = "posts";
    public const string Entities = "entities";
    public const string Actors = "actors";
    public const string Timexes = "timexes";
    public const string Quotes = "quotes";
    public const string Claims = "claims";
    public const string Events = "events";
}

/// <summary>A named entity mention. <see cref="Actor"/> is an index into <see cref="Document.Actors"/> or -1.</summary>
public sealed class EntityMention
{
    public int Start { get; set; }
    public int End { get; set; }
    public EntityType Type { get; set; }
    /// <summary>Component id (name@version) that produced it.</summary>
    public string By { get; set; } = "";
    /// <summary>Index into the document's actors, or -1.</summary>
    public int Actor { get; set; } = -1;
    /// <summary>For MONEY: the amount in units of <see cref="Currency"/>.</summary>
    public decimal? Value { get; set; }
    /// <summary>For MONEY: ISO 4217 code.</summary>
    public string? Currency { get; set; }
    /// <summary>The mention stands for something else (a capital for its government: Moscow → Russia).</summary>
    public bool Metonym { get; set; }
    /// <summary>The mention describes its actor by an office ("the prime minister") rather than naming it; added by the
    /// actors component, never used to match actors by name.</summary>
    public bool Description { get; set; }
    /// <summary>Model or rule confidence in [0,1].</summary>
    public float Score { get; set; } = 1f;
}

/// <summary>A role an actor holds: title of an organisation or country, with the dates the text supports.</summary>
public sealed record Role(string Title, string? Of, string? Qualifier = null, string? Start = null, string? End = null)
{
    /// <summary>Where the role is stated: [EvidenceStart, EvidenceEnd) in the text.</summary>
    public int EvidenceStart { get; init; }
    public int EvidenceEnd { get; init; }
}

/// <summary>A document-level actor: one identity with all its in-document names.</summary>
public sealed class Actor
{
    /// <summary>Identifier: document-local ("a1"…) out of the pipeline; the store replaces it with a canonical id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Canonical (longest, most complete) name.</summary>
    public string Name { get; set; } = "";
    public EntityType Type { get; set; }
    /// <summary>Every other name this actor carries in the document (including handles, acronyms, metonyms).</summary>
    public List<string> Aliases { get; } = new();
    public List<Role> Roles { get; } = new();
    /// <summary>External codes, e.g. "cameo" → "RUSGOV".</summary>
    public Dictionary<string, string> Codes { get; } = new();
    /// <summary>Indexes into <see cref="Document.Entities"/>.</summary>
    public List<int> Mentions { get; } = new();
    /// <summary>Why names were joined: one line per decision ("acronym: HTS = Hayat Tahrir al-Sham").</summary>
    public List<string> Evidence { get; } = new();
    public string By { get; set; } = "";
}

/// <summary>A normalised time expression.</summary>
public sealed class Timex
{
    public int Start { get; set; }
    public int End { get; set; }
    public TimexType Type { get; set; }
    /// <summary>TIMEX3 value: 2024-12-08, 2024-W49-WE, P3Y, PXY, PRESENT_REF, XXXX-WI …</summary>
    public string Value { get; set; } = "";
    /// <summary>TIMEX3 mod (APPROX, START, MID, END, BEFORE, AFTER …) or null.</summary>
    public string? Mod { get; set; }
    public string By { get; set; } = "";
}

/// <summary>A quotation or attributed statement.</summary>
public sealed class Quote
{
    /// <summary>Span of the quoted content.</summary>
    public int Start { get; set; }
    public int End { get; set; }
    public QuoteKind Kind { get; set; }
    /// <summary>Index into actors, or -1.</summary>
    public int Speaker { get; set; } = -1;
    /// <summary>The words that name the speaker ("a Kremlin readout", "Sharaa"), or null.</summary>
    public string? SpeakerText { get; set; }
    public int SpeakerStart { get; set; } = -1;
    public int SpeakerEnd { get; set; } = -1;
    /// <summary>The cue ("said", "emphasized", "according to").</summary>
    public string? Cue { get; set; }
    public int CueStart { get; set; } = -1;
    public int CueEnd { get; set; } = -1;
    public string By { get; set; } = "";
}

/// <summary>A claim with its certainty and on whose authority it stands.</summary>
public sealed class Claim
{
    public int Start { get; set; }
    public int End { get; set; }
    public Certainty Certainty { get; set; }
    public ClaimSource Source { get; set; }
    /// <summary>Index into actors, or -1.</summary>
    public int SourceActor { get; set; } = -1;
    /// <summary>The words that set the certainty or source ("unverified reports", "Sources say").</summary>
    public string? Cue { get; set; }
    /// <summary>The claim's proposition is negated ("the plan will not work", "he never said"): its polarity.</summary>
    public bool Negated { get; set; }
    public string By { get; set; } = "";
}

/// <summary>A coded event between actors.</summary>
public sealed class EventMention
{
    /// <summary>Evidence span (the clause or sentence).</summary>
    public int Start { get; set; }
    public int End { get; set; }
    public int TriggerStart { get; set; }
    public int TriggerEnd { get; set; }
    /// <summary>Indexes into actors.</summary>
    public List<int> Source { get; } = new();
    public List<int> Target { get; } = new();
    /// <summary>CAMEO code (2–4 digits).</summary>
    public string Cameo { get; set; } = "";
    /// <summary>PLOVER category (CONSULT, ASSAULT …).</summary>
    public string? Plover { get; set; }
    public string? PloverMode { get; set; }
    public double Goldstein { get; set; }
    /// <summary>Date at the precision the text allows (2024-12-08, 2024-12, 2024), or null.</summary>
    public string? Date { get; set; }
    /// <summary>True when the date is the publication date, not a date the sentence states.</summary>
    public bool DateFromPublication { get; set; }
    public Certainty Certainty { get; set; }
    public bool Negated { get; set; }
    public string By { get; set; } = "";
    /// <summary>Further mentions of the same happening in this article (same sources, targets, PLOVER type and day), in text
    /// order; the event's own span is its first or surest mention.</summary>
    public List<EventSpan> OtherMentions { get; } = new();
}

/// <summary>Where one mention of an event stands: its evidence span and trigger.</summary>
public readonly record struct EventSpan(int Start, int End, int TriggerStart, int TriggerEnd);

/// <summary>An embedded social-media post found in the body (tweet residue and the like).</summary>
public sealed class SocialPost
{
    /// <summary>The whole embed region (post text and attribution line).</summary>
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>The post's own text.</summary>
    public int TextStart { get; set; }
    public int TextEnd { get; set; }
    /// <summary>The attribution line ("pic.twitter.com/… — Name (@handle) date"); no entities come from it.</summary>
    public int AttributionStart { get; set; }
    public int AttributionEnd { get; set; }
    public string? Handle { get; set; }
    public string? AuthorName { get; set; }
    public DateOnly? Date { get; set; }
    public string? Url { get; set; }
    public string Platform { get; set; } = "twitter";
    public string By { get; set; } = "";
}
