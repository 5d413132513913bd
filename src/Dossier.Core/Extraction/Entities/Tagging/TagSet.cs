namespace Dossier.Extraction.Entities.Tagging;

/// <summary>The BIO label set of a tagger: label 0 is O, then B-t and I-t for each entity type t, in order.</summary>
/// <remarks>Types are the training corpus's own names ("per", "org", "geo", "gpe" for GMB); the recogniser maps them to
/// contract types. The set is stored in the model file, so a model trained on other types loads with its own labels.</remarks>
public sealed class TagSet
{
    /// <summary>Entity type names, in label order.</summary>
    public IReadOnlyList<string> Types { get; }
    /// <summary>Number of labels (1 + 2 × types).</summary>
    public int Count { get; }

    /// <summary>A tag set over the given type names.</summary>
    public TagSet(IReadOnlyList<string> types)
    {
        if (types.Count == 0 || types.Count > 30) throw new ArgumentException("a tag set needs 1 to 30 types", nameof(types));
        Types = types;
        Count = 1 + 2 * types.Count;
    }

    /// <summary>The label B-type of type index t.</summary>
    public static int Begin(int t) => 1 + 2 * t;
    /// <summary>The label I-type of type index t.</summary>
    public static int Inside(int t) => 2 + 2 * t;
    /// <summary>True for B- labels.</summary>
    public static bool IsBegin(int label) => label > 0 && (label & 1) == 1;
    /// <summary>True for I- labels.</summary>
    public static bool IsInside(int label) => label > 0 && (label & 1) == 0;
    /// <summary>Type index of a B- or I- label (-1 for O).</summary>
    public static int TypeOf(int label) => label == 0 ? -1 : (label - 1) >> 1;

    /// <summary>True when <paramref name="label"/> may follow <paramref name="prev"/> (-1 = sentence start): I-t only after B-t or I-t.</summary>
    public static bool Allowed(int prev, int label) => !IsInside(label) || prev > 0 && TypeOf(prev) == TypeOf(label);

    /// <summary>Type index of a name, or -1.</summary>
    public int IndexOf(string type)
    {
        for (int i = 0; i < Types.Count; i++) if (Types[i] == type) return i;
        return -1;
    }

    /// <summary>The label of a corpus tag ("B-geo", "I-per", "O"); tags of types outside the set are O.</summary>
    public int Parse(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-') return 0;
        int t = IndexOf(tag[2..]);
        if (t < 0) return 0;
        return tag[0] == 'B' ? Begin(t) : tag[0] == 'I' ? Inside(t) : 0;
    }

    /// <summary>The printable name of a label.</summary>
    public string Name(int label) => label == 0 ? "O" : (IsBegin(label) ? "B-" : "I-") + Types[TypeOf(label)];
}

/// <summary>An entity span found by the tagger: tokens [First, End), type index into the tag set and a confidence in (0,1).</summary>
public readonly record struct TaggedSpan(int First, int End, int Type, float Score);
