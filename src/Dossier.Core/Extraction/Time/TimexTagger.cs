using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Extraction.Time;

/// <summary>The "timex" component: finds TIMEX3 time expressions and normalises them against the publication date.</summary>
/// <remarks>
/// Rules and word lists are data (data/lexicons/time-rules.txt, time-words.txt), compiled once into a token matcher.
/// Relative expressions resolve against <see cref="Document.Published"/>; without it they stay underspecified (XXXX-12-08),
/// never guessed from the clock. Narrative expressions ("the same day") follow the last date the text gave.
/// Immutable and thread-safe.
/// </remarks>
[Component("timex")]
public sealed class TimexTagger : IComponent
{
    /// <summary>Name, version, layers.</summary>
    public static readonly ComponentInfo Component = new("timex", "1.0", [Layers.Timexes], [Layers.Tokens, Layers.Sentences]);
    /// <inheritdoc />
    public ComponentInfo Info => Component;

    /// <summary>Adds the document's timexes, in text order.</summary>
    public void Process(Document doc)
    {
        foreach (var m in TimeGrammar.Default.Tag(doc))
            doc.Timexes.Add(new Timex { Start = m.Start, End = m.End, Type = m.Type, Value = m.Value, Mod = m.Mod, By = Component.Id });
    }
}
