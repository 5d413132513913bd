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
    /// <summary>Input path or URL.</summary>
    public string? Source { get; set; }
    public string? Url { get; set; }
    public string? Byline { get; set; }

    public Token[] Tokens { get; set; } = [];
    public Sentence[] Sentences { get; set; } = [];
    public List<SocialPost> Posts { get; } = new();
    public List<EntityMention> Entities { get; } = new();
    public List<Actor> Actors { get; } = new();
    public List<Timex> Timexes { get; } = new();
    public List<Quote> Quotes { get; } = new();
    public List<Claim> Claims { get; } = new();
    public List<EventMention> Events { get; } = new();

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
