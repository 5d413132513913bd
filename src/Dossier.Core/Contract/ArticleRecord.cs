using System.Text.Json.Serialization;

namespace Dossier.Contract;

// The extraction contract, schema 1 (docs/extraction-schema.md, docs/schema/article.schema.json).
// Field names and meanings are stable; new fields may be added.

/// <summary>One article with all its layers, as printed by <c>extract</c> and <c>export</c>.</summary>
public sealed record ArticleRecord
{
    [JsonPropertyName("schema")] public int Schema { get; init; } = 1;
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("published")] public string? Published { get; init; }
    /// <summary>Where the date came from: jsonld, meta, url, body, input, or none (no date: relative times unresolved).</summary>
    [JsonPropertyName("publishedFrom")] public string PublishedFrom { get; init; } = "none";
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("byline")] public string? Byline { get; init; }
    [JsonPropertyName("pipeline")] public string? Pipeline { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("sentences")] public List<SentenceRecord> Sentences { get; init; } = new();
    /// <summary>Every token with its syntax; only when asked for (<c>extract --with syntax</c>).</summary>
    [JsonPropertyName("tokens"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<TokenRecord>? Tokens { get; init; }
    [JsonPropertyName("entities")] public List<EntityRecord> Entities { get; init; } = new();
    [JsonPropertyName("actors")] public List<ActorRecord> Actors { get; init; } = new();
    [JsonPropertyName("timexes")] public List<TimexRecord> Timexes { get; init; } = new();
    [JsonPropertyName("quotes")] public List<QuoteRecord> Quotes { get; init; } = new();
    [JsonPropertyName("claims")] public List<ClaimRecord> Claims { get; init; } = new();
    [JsonPropertyName("events")] public List<EventRecord> Events { get; init; } = new();
    [JsonPropertyName("posts")] public List<PostRecord> Posts { get; init; } = new();
}

/// <summary>A token with its part of speech, lemma, head (index into the record's tokens; -1 for a sentence's root) and
/// UD relation.</summary>
public sealed record TokenRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("upos")] public string Upos { get; init; } = "";
    [JsonPropertyName("lemma")] public string Lemma { get; init; } = "";
    [JsonPropertyName("head")] public int Head { get; init; }
    [JsonPropertyName("deprel")] public string Deprel { get; init; } = "";
}

public sealed record SentenceRecord([property: JsonPropertyName("start")] int Start, [property: JsonPropertyName("end")] int End);

public sealed record EntityRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("actor")] public string? Actor { get; init; }
    [JsonPropertyName("by")] public string By { get; init; } = "";
    [JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Value { get; init; }
    [JsonPropertyName("currency"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Currency { get; init; }
    [JsonPropertyName("metonym"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool Metonym { get; init; }
    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool Description { get; init; }
}

public sealed record RoleRecord
{
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("of")] public string? Of { get; init; }
    [JsonPropertyName("qualifier"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Qualifier { get; init; }
    [JsonPropertyName("start")] public string? Start { get; init; }
    [JsonPropertyName("end")] public string? End { get; init; }
}

public sealed record ActorRecord
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("aliases")] public List<string> Aliases { get; init; } = new();
    [JsonPropertyName("roles")] public List<RoleRecord> Roles { get; init; } = new();
    [JsonPropertyName("codes")] public Dictionary<string, string> Codes { get; init; } = new();
    [JsonPropertyName("mentions")] public int Mentions { get; init; }
    [JsonPropertyName("evidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Evidence { get; init; }
    [JsonPropertyName("by")] public string By { get; init; } = "";
}

public sealed record TimexRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("value")] public string Value { get; init; } = "";
    [JsonPropertyName("mod"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Mod { get; init; }
    [JsonPropertyName("by")] public string By { get; init; } = "";
}

public sealed record QuoteRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";
    [JsonPropertyName("speaker")] public string? Speaker { get; init; }
    [JsonPropertyName("speakerText")] public string? SpeakerText { get; init; }
    /// <summary>The speaker mention nearest the cue, as offsets into the text, when the text names the speaker there.</summary>
    [JsonPropertyName("speakerStart")] public int? SpeakerStart { get; init; }
    [JsonPropertyName("speakerEnd")] public int? SpeakerEnd { get; init; }
    [JsonPropertyName("cue")] public string? Cue { get; init; }
    /// <summary>The cue's words in the text, when it has some there.</summary>
    [JsonPropertyName("cueStart")] public int? CueStart { get; init; }
    [JsonPropertyName("cueEnd")] public int? CueEnd { get; init; }
    [JsonPropertyName("by")] public string By { get; init; } = "";
}

public sealed record ClaimRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("certainty")] public string Certainty { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("sourceActor")] public string? SourceActor { get; init; }
    [JsonPropertyName("cue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Cue { get; init; }
    /// <summary>The proposition is negated (its polarity).</summary>
    [JsonPropertyName("negated")] public bool Negated { get; init; }
    [JsonPropertyName("by")] public string By { get; init; } = "";
}

public sealed record EventRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("trigger")] public string Trigger { get; init; } = "";
    [JsonPropertyName("source")] public List<string> Source { get; init; } = new();
    [JsonPropertyName("target")] public List<string> Target { get; init; } = new();
    [JsonPropertyName("cameo")] public string Cameo { get; init; } = "";
    [JsonPropertyName("plover")] public string? Plover { get; init; }
    [JsonPropertyName("ploverMode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PloverMode { get; init; }
    [JsonPropertyName("goldstein")] public double Goldstein { get; init; }
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("dateFromPublication"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool DateFromPublication { get; init; }
    [JsonPropertyName("certainty")] public string Certainty { get; init; } = "";
    [JsonPropertyName("negated")] public bool Negated { get; init; }
    [JsonPropertyName("by")] public string By { get; init; } = "";
    /// <summary>Further mentions of the same happening in the article; written only when there are some.</summary>
    [JsonPropertyName("otherMentions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<EventSpanRecord>? OtherMentions { get; init; }
}

/// <summary>One further mention of an event: its evidence span and trigger.</summary>
public sealed record EventSpanRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("trigger")] public string Trigger { get; init; } = "";
    [JsonPropertyName("triggerStart")] public int TriggerStart { get; init; }
}

public sealed record PostRecord
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("handle")] public string? Handle { get; init; }
    [JsonPropertyName("author")] public string? Author { get; init; }
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("platform")] public string Platform { get; init; } = "";
    [JsonPropertyName("by")] public string By { get; init; } = "";
}

/// <summary>Source-generated JSON metadata for the contract (no reflection at run time).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(ArticleRecord))]
public sealed partial class ContractJson : JsonSerializerContext;
