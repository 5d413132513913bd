using System.Collections.Immutable;
using System.IO.Compression;

namespace Dossier.Fuzz;

/// <summary>One input of a target: a main sequence the minimiser cuts (bytes or characters) and whatever else the target reads.</summary>
public abstract class FuzzInput
{
    /// <summary>Length of the main sequence.</summary>
    public abstract int Length { get; }
    /// <summary>The same input without <paramref name="count"/> elements of the main sequence from <paramref name="start"/>.</summary>
    public abstract FuzzInput Remove(int start, int count);
    /// <summary>Simpler variants that keep the main sequence (metadata left out), tried before the sequence is cut.</summary>
    public virtual IEnumerable<FuzzInput> Simpler() => [];
}

/// <summary>Bytes read as a file named <see cref="Name"/> (the name chooses the format); <see cref="Gzip"/> wraps them in gzip first.</summary>
/// <remarks>The payload is kept uncompressed so that cutting it keeps the gzip layer valid; a name without ".gz" and
/// <see cref="Gzip"/> set is gzip data the reader must recognise by its magic bytes.</remarks>
public sealed class BytesInput(string name, byte[] data, bool gzip = false) : FuzzInput
{
    public string Name { get; } = name;
    public byte[] Data { get; } = data;
    public bool Gzip { get; } = gzip;

    public override int Length => Data.Length;

    public override FuzzInput Remove(int start, int count) => new BytesInput(Name, [.. Data.AsSpan(0, start), .. Data.AsSpan(start + count)], Gzip);

    public override IEnumerable<FuzzInput> Simpler()
    {
        if (Gzip) yield return new BytesInput(Name.EndsWith(".gz", StringComparison.Ordinal) ? Name[..^3] : Name, Data);
    }

    /// <summary>The bytes the reader sees.</summary>
    public byte[] Stream() => Gzip ? Compress(Data) : Data;

    internal static byte[] Compress(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    public override string ToString() => $"{Name} ({Data.Length} bytes{(Gzip ? ", gzip" : "")})";
}

/// <summary>A text with named fields (a publication date, an article's format and metadata), for the targets that take strings.</summary>
/// <remarks>The text may hold anything a C# string can, lone surrogates and NUL included.</remarks>
public sealed class TextInput(string text, ImmutableSortedDictionary<string, string>? fields = null) : FuzzInput
{
    public string Text { get; } = text;
    public ImmutableSortedDictionary<string, string> Fields { get; } = fields ?? ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Fields the target cannot do without (never dropped by the minimiser).</summary>
    public static readonly ImmutableHashSet<string> Required = ["format"];

    public string? Field(string key) => Fields.TryGetValue(key, out var v) ? v : null;

    public TextInput With(string key, string? value) =>
        new(Text, value is null ? Fields.Remove(key) : Fields.SetItem(key, value));

    public override int Length => Text.Length;

    public override FuzzInput Remove(int start, int count) => new TextInput(Text.Remove(start, count), Fields);

    public override IEnumerable<FuzzInput> Simpler()
    {
        foreach (var k in Fields.Keys)
            if (!Required.Contains(k)) yield return new TextInput(Text, Fields.Remove(k));
    }

    public override string ToString() =>
        $"{Text.Length} chars{string.Concat(Fields.Select(f => $", {f.Key}={(f.Value.Length > 40 ? f.Value[..40] + "…" : f.Value)}"))}";
}
