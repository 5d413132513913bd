namespace Dossier.Documents;

/// <summary>Maps offsets in a cleaned text back to offsets in the raw input it came from.</summary>
/// <remarks>
/// Stored as sorted anchor pairs (clean offset, raw offset): between two anchors the text was copied one to one.
/// Cleaning appends an anchor wherever it skips or rewrites raw characters. Immutable once built; thread-safe to read.
/// </remarks>
public sealed class OffsetMap
{
    private readonly int[] _clean;
    private readonly int[] _raw;

    /// <summary>An identity map (nothing was changed).</summary>
    public static readonly OffsetMap Identity = new([0], [0]);

    public OffsetMap(int[] clean, int[] raw)
    {
        if (clean.Length != raw.Length || clean.Length == 0) throw new ArgumentException("anchors must be non-empty and paired");
        _clean = clean; _raw = raw;
    }

    /// <summary>Number of anchors.</summary>
    public int Count => _clean.Length;

    /// <summary>The anchors' clean offsets, ascending (a serialiser writes them; <see cref="OffsetMap(int[], int[])"/> reads them back).</summary>
    public ReadOnlySpan<int> CleanAnchors => _clean;

    /// <summary>The anchors' raw offsets, paired with <see cref="CleanAnchors"/>.</summary>
    public ReadOnlySpan<int> RawAnchors => _raw;

    /// <summary>Raw offset of a cleaned offset.</summary>
    public int ToRaw(int cleanOffset)
    {
        int i = Array.BinarySearch(_clean, cleanOffset);
        if (i < 0) i = ~i - 1;
        if (i < 0) i = 0;
        return _raw[i] + (cleanOffset - _clean[i]);
    }

    /// <summary>Builds an offset map while text is copied or skipped.</summary>
    public sealed class Builder
    {
        private readonly List<int> _c = new() { 0 };
        private readonly List<int> _r = new() { 0 };

        /// <summary>Records that clean offset <paramref name="clean"/> corresponds to raw offset <paramref name="raw"/>.</summary>
        public void Anchor(int clean, int raw)
        {
            int last = _c.Count - 1;
            if (_c[last] == clean) { _r[last] = raw; return; }
            // Skip anchors implied by the previous one (a straight copy).
            if (raw - _r[last] == clean - _c[last]) return;
            _c.Add(clean); _r.Add(raw);
        }

        public OffsetMap Build() => new(_c.ToArray(), _r.ToArray());
    }
}
