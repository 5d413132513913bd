using System.Text;

namespace Dossier.Fuzz;

/// <summary>What the mutator needs to know about the elements of a sequence (bytes or UTF-16 characters).</summary>
public interface ISymbols<T>
{
    /// <summary>A random element.</summary>
    T Random(Rng rng);
    /// <summary>The element with one bit flipped.</summary>
    T Flip(T value, Rng rng);
    /// <summary>A short sequence that is invalid in the encoding (broken UTF-8, lone surrogates).</summary>
    T[] Invalid(Rng rng);
    bool IsDigit(T value);
    /// <summary>A string as elements.</summary>
    T[] Encode(string s);
}

/// <summary>Mutations of a byte or character sequence: bit flips, chunk deletion, insertion, duplication and repetition,
/// interesting tokens, invalid encodings, number replacement, truncation and splicing with another input.</summary>
/// <remarks>Deterministic for a given <see cref="Rng"/>; the result never exceeds the length limit it is given.</remarks>
public static class Mutator
{
    /// <summary>At most this many mutations are stacked on one input.</summary>
    public const int MaxStack = 12;
    /// <summary>Longest chunk a mutation deletes, inserts or copies in one step (repetition may grow an input further).</summary>
    public const int MaxChunk = 256;

    /// <summary>Applies one to <see cref="MaxStack"/> random mutations to <paramref name="data"/>, keeping it within <paramref name="max"/>.</summary>
    /// <param name="other">Another input to splice with, or null.</param>
    public static void Mutate<T>(List<T> data, ISymbols<T> sym, Rng rng, int max, Func<T[]>? other = null)
    {
        int n = rng.Size(MaxStack);
        for (int k = 0; k < n; k++)
        {
            MutateOnce(data, sym, rng, max, other);
            if (data.Count > max) data.RemoveRange(max, data.Count - max);
        }
    }

    private static void MutateOnce<T>(List<T> d, ISymbols<T> sym, Rng rng, int max, Func<T[]>? other)
    {
        int len = d.Count;
        int Pos() => rng.Below(len + 1);
        int Chunk() => Math.Min(rng.Size(MaxChunk), Math.Max(1, len));
        switch (rng.Below(14))
        {
            case 0 when len > 0: { int i = rng.Below(len); d[i] = sym.Flip(d[i], rng); break; }
            case 1 when len > 0: { int i = rng.Below(len); d[i] = sym.Random(rng); break; }
            case 2 when len > 0: { int c = Chunk(); int i = rng.Below(len - Math.Min(c, len) + 1); d.RemoveRange(i, Math.Min(c, len - i)); break; }
            case 3: { int c = Chunk(); var ins = new T[c]; for (int i = 0; i < c; i++) ins[i] = sym.Random(rng); d.InsertRange(Pos(), ins); break; }
            case 4 when len > 0: { var c = Copy(d, rng); d.InsertRange(Pos(), c); break; }
            case 5 or 6 or 7: d.InsertRange(Pos(), sym.Encode(rng.Pick(Tokens.All))); break;
            case 8: d.InsertRange(Pos(), sym.Invalid(rng)); break;
            case 9 when len > 0:
            {
                // huge repetition, bounded by the length limit
                var c = Copy(d, rng);
                int times = Math.Max(1, Math.Min(rng.Size(1 << 14), (max - len) / Math.Max(1, c.Length)));
                var rep = new List<T>(c.Length * times);
                for (int t = 0; t < times; t++) rep.AddRange(c);
                d.InsertRange(Pos(), rep);
                break;
            }
            case 10 when len > 0: { int cut = rng.Below(len); d.RemoveRange(cut, len - cut); break; }
            case 11 when other is not null:
            {
                var o = other();
                if (o.Length == 0) break;
                if (rng.Chance(0.5))
                {
                    // prefix of this one, suffix of the other
                    int cut = Pos();
                    d.RemoveRange(cut, len - cut);
                    d.AddRange(o.AsSpan(rng.Below(o.Length)));
                }
                else
                {
                    int s = rng.Below(o.Length), c = Math.Min(o.Length - s, rng.Size(4 * MaxChunk));
                    d.InsertRange(Pos(), o.AsSpan(s, c).ToArray());
                }
                break;
            }
            case 12 when len > 0: ReplaceNumber(d, sym, rng); break;
            case 13 when len > 1:
            {
                // move a chunk elsewhere
                int c = Math.Min(rng.Size(MaxChunk), len), s = rng.Below(len - c + 1);
                var moved = d.GetRange(s, c);
                d.RemoveRange(s, c);
                d.InsertRange(rng.Below(d.Count + 1), moved);
                break;
            }
            default: d.InsertRange(Pos(), sym.Encode(rng.Pick(Tokens.All))); break;
        }
    }

    private static T[] Copy<T>(List<T> d, Rng rng)
    {
        int c = Math.Min(rng.Size(MaxChunk), d.Count);
        int s = rng.Below(d.Count - c + 1);
        return d.GetRange(s, c).ToArray();
    }

    // Finds a run of digits at or after a random place and writes an edge-case number over it.
    private static void ReplaceNumber<T>(List<T> d, ISymbols<T> sym, Rng rng)
    {
        int i = rng.Below(d.Count);
        while (i < d.Count && !sym.IsDigit(d[i])) i++;
        if (i == d.Count) { d.InsertRange(rng.Below(d.Count + 1), sym.Encode(rng.Pick(Tokens.Numbers))); return; }
        int e = i;
        while (e < d.Count && sym.IsDigit(d[e])) e++;
        d.RemoveRange(i, e - i);
        d.InsertRange(i, sym.Encode(rng.Pick(Tokens.Numbers)));
    }
}

/// <summary>Bytes: random bytes, bit flips, broken UTF-8 (overlong forms, encoded surrogates, truncated sequences, 0xFF).</summary>
public sealed class ByteSymbols : ISymbols<byte>
{
    public static readonly ByteSymbols Instance = new();
    private static readonly byte[][] Broken =
    [
        [0xC0, 0x80], [0xC1, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xFF], [0xFE], [0x80], [0xBF, 0xBF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x00], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x1F, 0x8B, 0x08],
    ];
    public byte Random(Rng rng) => rng.Chance(0.7) ? (byte)rng.Between(0x20, 0x7E) : (byte)rng.Below(256);
    public byte Flip(byte v, Rng rng) => (byte)(v ^ (1 << rng.Below(8)));
    public byte[] Invalid(Rng rng) => rng.Pick(Broken);
    public bool IsDigit(byte v) => v is >= (byte)'0' and <= (byte)'9';
    public byte[] Encode(string s) => Encoding.UTF8.GetBytes(s);
}

/// <summary>UTF-16 characters: random characters from every plane's surrogates to controls, lone and reversed surrogates.</summary>
public sealed class CharSymbols : ISymbols<char>
{
    public static readonly CharSymbols Instance = new();
    private static readonly string[] Broken = ["\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\uDC00\uD800", "\uD800\uD800", "\uFFFE", "\uFFFF", "\0", "\uFFFD", "\uD83D"];
    public char Random(Rng rng) => rng.Below(10) switch
    {
        < 6 => (char)rng.Between(0x20, 0x7E),
        < 8 => rng.Pick(Tokens.OddChars)[0],
        _ => (char)rng.Below(0x10000),
    };
    public char Flip(char v, Rng rng) => (char)(v ^ (1 << rng.Below(16)));
    public char[] Invalid(Rng rng) => rng.Pick(Broken).ToCharArray();
    public bool IsDigit(char v) => char.IsAsciiDigit(v);
    public char[] Encode(string s) => s.ToCharArray();
}
