using System.Runtime.CompilerServices;

namespace Dossier.Extraction.Syntax;

/// <summary>64-bit hashes for feature keys: stable across processes and machines (never <c>string.GetHashCode</c>).</summary>
/// <remarks>FNV-1a over the UTF-16 units, finished with a 64-bit mixer; a feature key is its template number mixed with
/// the hashes of its values. Pure and thread-safe.</remarks>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    /// <summary>Hash of a string.</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) { h ^= c; h *= Prime; }
        return Finish(h);
    }

    /// <summary>Hash of a small number (a tag, a label, a distance).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int n) => Finish((ulong)(uint)n * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    /// <summary>The key of template <paramref name="template"/> over one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a) => NonZero(Finish(a ^ ((ulong)template << 48) ^ 0xA0761D6478BD642FUL));

    /// <summary>The key of template <paramref name="template"/> over two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b) => Key(template, a * 0xE7037ED1A0B428DBUL ^ Rotate(b, 29));

    /// <summary>The key of template <paramref name="template"/> over three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b, ulong c) => Key(template, a * 0xE7037ED1A0B428DBUL ^ Rotate(b, 29) ^ Rotate(c * 0x8EBC6AF09C88C6E3UL, 43));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Rotate(ulong x, int r) => (x << r) | (x >> (64 - r));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonZero(ulong k) => k == 0 ? 1 : k;

    // The 64-bit finaliser of MurmurHash3 (fmix64): every input bit affects every output bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33; h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
