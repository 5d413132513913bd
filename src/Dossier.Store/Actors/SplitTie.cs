namespace Dossier.Store.Actors;

/// <summary>One mention of the actor a name is split off, in one article.</summary>
/// <param name="Row">The engine's id of the mention row.</param>
/// <param name="Named">A name, not a description ("the prime minister").</param>
/// <param name="InSplit">Written with the split name.</param>
public sealed record SplitMention(long Row, int Start, int End, string Text, bool Named, bool InSplit);

/// <summary>A mention of a person (any actor) in an article: the antecedents "he"/"she" are resolved to.</summary>
public sealed record PersonMention(int Start, int End, long? Actor);

/// <summary>Whether a fact of one article is tied to the name split off an actor: decided on the article as it was before
/// anything moved, for the tables and the stored record alike.</summary>
/// <remarks>
/// When every naming mention of the actor in the article is the split name (<c>whole</c>), everything moves. Otherwise a
/// fact moves only when it can be tied to the split name by offsets, as the components tied it:
/// <list type="bullet">
/// <item>a quote: the actor's mentions inside its speaker phrase (the occurrence of the speaker text nearest the quote)
/// are all the split name; with none, the speaker text itself is the split name ("Mr Blair"), or it is "he"/"she" and
/// the last person named before it (outside quotes) is a split-name mention (the quotes component's pronoun rule);</item>
/// <item>an event side: the actor's mentions inside the event's span are all the split name; with none, the last person
/// named before the span is a split-name mention (the events component resolves "he" and shared subjects that way);</item>
/// <item>a claim of the actor: the actor's quotes it was made from (overlapping it) all moved;</item>
/// <item>a role: the actor's mentions inside its evidence span are all the split name.</item>
/// </list>
/// A fact whose span names the actor both ways ("Tony Blair … Blair") stays: it cannot be tied to one name.
/// </remarks>
public sealed class SplitTie(long from, IReadOnlyList<SplitMention> mentions, bool whole, string key, bool person, string text,
    IReadOnlyList<PersonMention> persons, IReadOnlyList<(int Start, int End)> quoteSpans)
{
    // Read before anything moves: the decisions are taken on the article as it was, for the tables and the record alike.
    private readonly IReadOnlyList<PersonMention> _persons = persons;
    private readonly IReadOnlyList<(int Start, int End)> _allQuotes = quoteSpans;
    private readonly List<(int Start, int End, bool Moved)> _quotes = [];

    /// <summary>Decides one of the actor's quotes (in table order) and remembers the decision for its claims and the record.</summary>
    public bool AddQuote(int start, int end, string? speakerText)
    {
        bool moved = Quote(start, end, speakerText);
        _quotes.Add((start, end, moved));
        return moved;
    }

    /// <summary>The decisions per quote span, in order.</summary>
    public Dictionary<(int, int), Queue<bool>> QuoteDecisions()
    {
        var map = new Dictionary<(int, int), Queue<bool>>();
        foreach (var (s, e, moved) in _quotes)
        {
            if (!map.TryGetValue((s, e), out var q)) map[(s, e)] = q = new Queue<bool>();
            q.Enqueue(moved);
        }
        return map;
    }

    private bool Quote(int start, int end, string? speakerText)
    {
        if (whole) return true;
        if (string.IsNullOrWhiteSpace(speakerText)) return false;
        var span = SpeakerSpan(start, end, speakerText);
        if (span is { } sp && ByMentions(sp.Start, sp.End) is bool named) return named;
        if (NameKey.Of(speakerText, person) == key) return true;
        return span is { } pronoun && speakerText.Trim().ToLowerInvariant() is "he" or "she" && ByAntecedent(pronoun.Start, outsideQuotes: true);
    }

    public bool Claim(int start, int end)
    {
        if (whole) return true;
        // A claim of a speaker is made from the speaker's quote (its words, or its frame for reported speech).
        bool any = false;
        foreach (var q in _quotes)
            if (q.Start < end && start < q.End)
            {
                if (!q.Moved) return false;
                any = true;
            }
        return any || ByMentions(start, end) == true;
    }

    public bool Event(int start, int end) => whole || (ByMentions(start, end) ?? ByAntecedent(start, outsideQuotes: false));

    public bool Role(int? start, int? end) => whole || start is int s && end is int e && e > s && ByMentions(s, e) == true;

    // The actor's mentions in [start, end): null when none, else whether all of them are the split name.
    private bool? ByMentions(int start, int end)
    {
        bool any = false;
        foreach (var m in mentions)
        {
            if (m.Start >= end || m.End <= start) continue;
            if (!m.InSplit) return false;
            any = true;
        }
        return any ? true : null;
    }

    // The components resolve "he"/"she" (and a subject shared with the clause before) to the last person named before
    // it: the fact is tied to the split name when that mention is one of the actor's split-name mentions.
    private bool ByAntecedent(int before, bool outsideQuotes)
    {
        for (int i = _persons.Count - 1; i >= 0; i--)
        {
            var p = _persons[i];
            if (p.End > before) continue;
            if (outsideQuotes && _allQuotes.Any(q => p.Start < q.End && q.Start < p.End)) continue;
            return p.Actor == from && mentions.Any(m => m.Start == p.Start && m.End == p.End && m.InSplit);
        }
        return false;
    }

    // Where the speaker phrase stands: the occurrence of its words nearest the quote, outside the quoted words when one
    // is (the store keeps the words, not their offsets).
    private (int Start, int End)? SpeakerSpan(int start, int end, string speakerText)
    {
        var words = speakerText.Trim();
        (int, int)? best = null;
        long bestDistance = long.MaxValue;
        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            int stop = at + words.Length;
            // Whole words only ("he" is not the end of "the").
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]) || stop < text.Length && char.IsLetterOrDigit(text[stop])) continue;
            long distance = stop <= start ? start - stop : at >= end ? at - end : int.MaxValue + (long)Math.Abs(at - start);
            if (distance < bestDistance) { bestDistance = distance; best = (at, stop); }
        }
        return best;
    }
}
