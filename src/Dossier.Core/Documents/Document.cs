using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Dossier.Documents;

/// <summary>
/// One article: the immutable cleaned text, its metadata and the layers components write.
/// </summary>
/// <remarks>
/// Every annotation is a [start, end) range of <see cref="Text"/> (C# string indices). Tokens and sentences are flat
/// struct arrays; the other layers are lists of small objects, written by exactly one component each.
/// A document is processed by one thread at a time.
/// </remarks>
public sealed class Document
{
    private Dictionary<object, object>? _data;

    public Document(string text, OffsetMap? rawMap = null)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        RawMap = rawMap ?? OffsetMap.Identity;
    }

    /// <summary>The cleaned body text.</summary>
    public string Text { get; }
    /// <summary>Maps offsets of <see cref="Text"/> back to the raw input.</summary>
    public OffsetMap RawMap { get; }

    public string? Id { get; set; }
    public string? Title { get; set; }
    /// <summary>Publication date (the anchor for relative time expressions).</summary>
    public DateOnly? Published { get; set; }
    /// <summary>Publication time when the input gives one.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Where <see cref="Published"/> came from (the page's JSON-LD, its metadata, its address, a line of the
    /// text, the input's metadata), or <see cref="Dossier.Text.DateSource.None"/>.</summary>
    public Dossier.Text.DateSource PublishedFrom { get; set; }
    /// <summary>Input path or URL.</summary>
    public string? Source { get; set; }
    public string? Url { get; set; }
    public string? Byline { get; set; }

    public Token[] Tokens { get; set; } = [];
    public Sentence[] Sentences { get; set; } = [];
    /// <summary>Part of speech, lemma, head and relation per token (the <c>syntax</c> component); null until it ran.</summary>
    public SyntaxLayer? Syntax { get; set; }
    public List<SocialPost> Posts { get; } = new();
    public List<EntityMention> Entities { get; } = new();
    public List<Actor> Actors { get; } = new();
    public List<Timex> Timexes { get; } = new();
    public List<Quote> Quotes { get; } = new();
    public List<Claim> Claims { get; } = new();
    public List<EventMention> Events { get; } = new();

    /// <summary>What reading and cleaning noticed about this article without refusing it (coded, reported with the item).</summary>
    public List<DossierError> Warnings { get; } = new();

    private long _deadline;
    private TimeSpan _budget;

    /// <summary>Starts the time budget of this document's extraction: past it, <see cref="CheckBudget"/> stops the work.</summary>
    public void StartBudget(TimeSpan budget)
    {
        _budget = budget;
        _deadline = budget > TimeSpan.Zero ? Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency) : 0;
    }

    /// <summary>Throws DSR205 once the budget set by <see cref="StartBudget"/> is spent.</summary>
    /// <remarks>Components call it once per sentence or per comparable unit of work, so no unit runs long unchecked: a
    /// sentence is bounded (<see cref="Limits.MaxSentenceTokens"/>), hence so is the work between two checks. It costs one
    /// timestamp read.</remarks>
    public void CheckBudget(string component)
    {
        if (_deadline != 0 && Stopwatch.GetTimestamp() > _deadline) OverBudget(component);
    }

    [DoesNotReturn]
    private void OverBudget(string component) => throw new DossierException(Errors.TooComplex(_budget.TotalSeconds, component));

    /// <summary>Text of a range.</summary>
    public string Slice(int start, int end) => Text.Substring(start, end - start);
    /// <summary>Text of a range as a span (no allocation).</summary>
    public ReadOnlySpan<char> Span(int start, int end) => Text.AsSpan(start, end - start);
    /// <summary>Text of a token.</summary>
    public ReadOnlySpan<char> TokenText(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

    /// <summary>Index of the token that contains <paramref name="offset"/>, or the first token after it; Tokens.Length if none.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].End <= offset) lo = mid + 1; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Index of the sentence that contains <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Sentences[mid].End <= offset) lo = mid + 1;
            else if (Sentences[mid].Start > offset) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Ad-hoc typed data attached by a component.</summary>
    public T? Get<T>(DataKey<T> key) => _data != null && _data.TryGetValue(key, out var v) ? (T)v : default;
    public void Set<T>(DataKey<T> key, T value) => (_data ??= new())[key] = value!;
}
