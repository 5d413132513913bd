using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>A trained linear sequence model: per-feature label weights, label transitions and start weights.</summary>
/// <remarks>
/// Features are 64-bit keys (see <see cref="FeatureExtractor"/>) held in an open-addressing table that maps a key to a row of
/// <see cref="TagSet.Count"/> weights. Immutable once built, so one instance serves every thread. The file format is
/// gzip over: magic, feature-template version, type names, transitions, then rows sorted by key with delta-coded keys and
/// sparse 16-bit quantised weights (a row stores only its non-zero labels).
/// </remarks>
public sealed class TaggerModel
{
    private const string Magic = "DOSSIER-TAGGER/1";

    /// <summary>The labels.</summary>
    public TagSet Tags { get; }
    /// <summary>The feature-template version the model was trained with.</summary>
    public string FeatureVersion { get; }
    /// <summary>Number of feature rows.</summary>
    public int Features => _rows;
    /// <summary>Margin that maps to a confidence of 0.75 (typical emission margin on the training data).</summary>
    public float ConfidenceScale { get; internal set; }

    internal readonly float[] Start;
    internal readonly float[] Trans;
    private readonly float[] _w;      // weights by slot: _w[slot * labels + y]
    private readonly ulong[] _keys;   // 0 = empty slot
    private readonly int _mask;
    private readonly int _rows;
    private readonly int _l;

    internal TaggerModel(TagSet tags, string featureVersion, float[] start, float[] trans, ulong[] rowKeys, float[] weights, float confidenceScale)
    {
        Tags = tags;
        FeatureVersion = featureVersion;
        Start = start;
        Trans = trans;
        ConfidenceScale = confidenceScale > 0 ? confidenceScale : 1;
        _l = tags.Count;
        _rows = rowKeys.Length;
        if (weights.Length != _rows * _l) throw new ArgumentException("weights must hold one row per key", nameof(weights));
        // Open addressing with linear probing at a load of at most 3/4; a key's weights sit at its slot, so a look-up
        // touches the key array and then one weight row (tagging speed is bound by these cache misses).
        int size = 16;
        while (size * 3 < _rows * 4) size <<= 1;
        _mask = size - 1;
        _keys = new ulong[size];
        _w = new float[size * _l];
        for (int r = 0; r < _rows; r++)
        {
            ulong k = rowKeys[r] == 0 ? 1 : rowKeys[r];
            int s = (int)(k >> 20) & _mask;
            while (_keys[s] != 0)
            {
                if (_keys[s] == k) throw new ArgumentException("duplicate feature key", nameof(rowKeys));
                s = (s + 1) & _mask;
            }
            _keys[s] = k;
            Array.Copy(weights, r * _l, _w, s * _l, _l);
        }
    }

    /// <summary>The slot of a feature key (its weights start at slot × labels), or -1 when the model never saw it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Row(ulong key)
    {
        if (key == 0) key = 1;
        var keys = _keys;
        int s = (int)(key >> 20) & _mask;
        while (true)
        {
            ulong k = keys[s];
            if (k == key) return s;
            if (k == 0) return -1;
            s = (s + 1) & _mask;
        }
    }

    /// <summary>Adds the weights of the extractor's features into <paramref name="emit"/> (n × labels).</summary>
    internal void Score(FeatureExtractor fx, int n, float[] emit)
    {
        int l = _l;
        var keys = fx.Keys;
        var offsets = fx.Offsets;
        Array.Clear(emit, 0, n * l);
        for (int i = 0; i < n; i++)
        {
            var row = emit.AsSpan(i * l, l);
            for (int k = offsets[i]; k < offsets[i + 1]; k++)
            {
                int r = Row(keys[k]);
                if (r < 0) continue;
                var w = _w.AsSpan(r * l, l);
                for (int y = 0; y < w.Length; y++) row[y] += w[y];
            }
        }
    }

    /// <summary>Writes the model (gzip, deterministic bytes); weights with |w| below <paramref name="prune"/> × the largest are dropped.</summary>
    public void Save(Stream output, float prune = 0)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var bw = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        bw.Write(Magic);
        bw.Write(FeatureVersion);
        bw.Write(Tags.Types.Count);
        foreach (var t in Tags.Types) bw.Write(t);
        bw.Write(ConfidenceScale);
        foreach (var v in Start) bw.Write(v);
        foreach (var v in Trans) bw.Write(v);

        float max = 0;
        foreach (var v in _w) max = Math.Max(max, Math.Abs(v));
        float scale = max > 0 ? max / 32000f : 1f;
        float cut = prune * max;
        var rows = new List<(ulong Key, int Row)>(_rows);
        for (int s = 0; s < _keys.Length; s++)
            if (_keys[s] != 0) rows.Add((_keys[s], s));
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        var kept = new List<(ulong Key, int Row, uint Mask)>(rows.Count);
        foreach (var (key, r) in rows)
        {
            uint mask = 0;
            for (int y = 0; y < _l; y++)
            {
                float v = _w[r * _l + y];
                if (Math.Abs(v) > cut && Math.Round(v / scale) != 0) mask |= 1u << y;
            }
            if (mask != 0) kept.Add((key, r, mask));
        }
        bw.Write(scale);
        bw.Write(kept.Count);
        ulong prev = 0;
        foreach (var (key, r, mask) in kept)
        {
            bw.Write7BitEncodedInt64((long)(key - prev));
            prev = key;
            bw.Write7BitEncodedInt((int)mask);
            for (int y = 0; y < _l; y++)
                if ((mask & (1u << y)) != 0) bw.Write((short)Math.Clamp(Math.Round(_w[r * _l + y] / scale), short.MinValue, short.MaxValue));
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a wrong or damaged file gives DSR212 naming <paramref name="name"/>.</summary>
    public static TaggerModel Load(Stream input, string name)
    {
        try
        {
            using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            // Buffered: BinaryReader reads one to eight bytes at a time, and each read of a GZipStream is a call into
            // zlib; unbuffered, loading the shipped model took ~1.5 million such calls (≈0.1 s of every process start).
            using var buffered = new BufferedStream(gz, 1 << 16);
            using var br = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            if (br.ReadString() != Magic) throw new DossierException(Errors.BadNerModel(name, "not a Dossier tagger model"));
            var version = br.ReadString();
            if (version != FeatureExtractor.Version)
                throw new DossierException(Errors.BadNerModel(name, $"trained with features '{version}', this build computes '{FeatureExtractor.Version}': retrain it"));
            int nt = br.ReadInt32();
            if (nt is < 1 or > 30) throw new DossierException(Errors.BadNerModel(name, "bad type count"));
            var types = new string[nt];
            for (int i = 0; i < nt; i++) types[i] = br.ReadString();
            var tags = new TagSet(types);
            int l = tags.Count;
            float conf = br.ReadSingle();
            var start = new float[l];
            for (int i = 0; i < l; i++) start[i] = br.ReadSingle();
            var trans = new float[l * l];
            for (int i = 0; i < trans.Length; i++) trans[i] = br.ReadSingle();
            float scale = br.ReadSingle();
            int count = br.ReadInt32();
            if (count < 0 || count > 50_000_000) throw new DossierException(Errors.BadNerModel(name, "bad feature count"));
            var keys = new ulong[count];
            var weights = new float[count * l];
            ulong key = 0;
            for (int r = 0; r < count; r++)
            {
                key += (ulong)br.Read7BitEncodedInt64();
                keys[r] = key;
                uint mask = (uint)br.Read7BitEncodedInt();
                for (int y = 0; y < l; y++)
                    if ((mask & (1u << y)) != 0) weights[r * l + y] = br.ReadInt16() * scale;
            }
            return new TaggerModel(tags, version, start, trans, keys, weights, conf);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            throw new DossierException(Errors.BadNerModel(name, e.Message));
        }
    }
}
