using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Dossier.Extraction.Syntax;

/// <summary>A trained linear classifier over hashed features: per feature key, a row of class weights.</summary>
/// <remarks>
/// <para>Keys sit in an open-addressing table (linear probing, load at most 1/2). With few classes (the parser's three
/// moves) a slot holds its weights itself, so scoring a feature touches one cache line. Otherwise a slot points to its
/// row: short rows are (class, weight) pairs, rows that name at least half the classes are dense and added with vector
/// instructions. Looking features up in memory is what bounds parsing speed, so scoring first asks a small presence
/// filter (a one-hash Bloom filter, 16 bits a row, which stays in the cache) and drops the keys the model certainly lacks
/// (about a quarter of a parser state's), then prefetches the slots of the rest, so their cache misses overlap instead of
/// following one another.</para>
/// <para>Rows are sparse because a perceptron only ever moves the weights of the classes it confused. Immutable once
/// built: one instance serves every thread. Stored as rows sorted by key: delta-coded keys, row lengths, classes and
/// 16-bit (half precision) weights.</para>
/// </remarks>
internal sealed unsafe class SparseModel
{
    /// <summary>Up to this many classes, weights live in the slot itself.</summary>
    public const int InlineClasses = 4;

    private struct Slot { public ulong Key; public int Start; public int Length; } // Length < 0: dense row at Start
    private struct SmallSlot { public ulong Key; public float W0, W1, W2, W3; }
    private struct Weight { public int Class; public float Value; }

    private readonly Slot[] _slots = [];
    private readonly SmallSlot[] _small = [];
    private readonly Weight[] _w = [];
    private readonly float[] _dense = [];
    private readonly int _mask;
    private readonly bool _inline;
    private readonly ulong[] _present = [];
    private readonly int _presentShift;

    /// <summary>Number of classes the scores are over.</summary>
    public int Classes { get; }
    /// <summary>Number of feature rows.</summary>
    public int Rows { get; }
    /// <summary>Number of stored (non-zero) weights.</summary>
    public int Weights { get; private set; }

    /// <summary>Builds the model from rows given in any order (keys must be distinct and non-zero).</summary>
    public SparseModel(int classes, IReadOnlyList<(ulong Key, ushort[] Classes, float[] Weights)> rows)
        : this(classes, Flatten(rows))
    {
    }

    private static (ulong[] Keys, int[] Starts, ushort[] Classes, float[] Weights) Flatten(IReadOnlyList<(ulong Key, ushort[] Classes, float[] Weights)> rows)
    {
        var keys = new ulong[rows.Count];
        var starts = new int[rows.Count + 1];
        int total = 0;
        for (int i = 0; i < rows.Count; i++) { keys[i] = rows[i].Key; starts[i] = total; total += rows[i].Classes.Length; }
        starts[rows.Count] = total;
        var cls = new ushort[total];
        var w = new float[total];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Classes.CopyTo(cls, starts[i]);
            rows[i].Weights.CopyTo(w, starts[i]);
        }
        return (keys, starts, cls, w);
    }

    /// <summary>Builds the model from flat rows: row i is keys[i] with the classes and weights from starts[i] up to
    /// starts[i + 1].</summary>
    private SparseModel(int classes, (ulong[] Keys, int[] Starts, ushort[] Classes, float[] Weights) rows)
        : this(classes, rows.Keys.Length, CountSparse(classes, rows.Starts, out int dense), dense)
    {
        var (keys, starts, allCls, allW) = rows;
        for (int r = 0; r < keys.Length; r++)
            Add(keys[r], allCls.AsSpan(starts[r], starts[r + 1] - starts[r]), allW.AsSpan(starts[r], starts[r + 1] - starts[r]));
    }

    private static int CountSparse(int classes, int[] starts, out int dense)
    {
        int sparse = 0;
        dense = 0;
        for (int r = 0; r + 1 < starts.Length; r++)
        {
            int len = starts[r + 1] - starts[r];
            if (IsDense(len, classes)) dense++; else sparse += len;
        }
        return sparse;
    }

    /// <summary>An empty model with room for <paramref name="rows"/> rows (<paramref name="sparse"/> weights in short rows
    /// and <paramref name="dense"/> dense rows), filled by <see cref="Add"/>.</summary>
    private SparseModel(int classes, int rows, int sparse, int dense)
    {
        Classes = classes;
        Rows = rows;
        _inline = classes <= InlineClasses;
        int size = 16;
        while (size < rows * 2) size <<= 1;
        _mask = size - 1;
        int bits = 1 << 12;
        while (bits < rows * PresenceBitsPerRow) bits <<= 1;
        _present = new ulong[bits / 64];
        _presentShift = 64 - BitOperations.Log2((uint)bits);
        if (_inline) _small = new SmallSlot[size];
        else
        {
            _slots = new Slot[size];
            _w = new Weight[sparse];
            _dense = new float[dense * classes];
        }
    }

    private int _at, _denseAt, _added;

    private void Add(ulong key, ReadOnlySpan<ushort> cls, ReadOnlySpan<float> w)
    {
        if (key == 0) throw new ArgumentException("a feature key is zero");
        if (_added++ >= Rows) throw new InvalidOperationException("more rows than the model was made for");
        Weights += cls.Length;
        ulong bit = PresenceBit(key);
        _present[bit >> 6] |= 1UL << (int)(bit & 63);
        int s = SlotOf(key);
        while (KeyAt(s) != 0)
        {
            if (KeyAt(s) == key) throw new ArgumentException("duplicate feature key");
            s = (s + 1) & _mask;
        }
        if (_inline)
        {
            var slot = new SmallSlot { Key = key };
            var span = new Span<float>(&slot.W0, InlineClasses);
            for (int i = 0; i < cls.Length; i++) span[cls[i]] = w[i];
            _small[s] = slot;
        }
        else if (IsDense(cls.Length, Classes))
        {
            _slots[s] = new Slot { Key = key, Start = _denseAt, Length = -1 };
            for (int i = 0; i < cls.Length; i++) _dense[_denseAt + cls[i]] = w[i];
            _denseAt += Classes;
        }
        else
        {
            _slots[s] = new Slot { Key = key, Start = _at, Length = cls.Length };
            for (int i = 0; i < cls.Length; i++) _w[_at + i] = new Weight { Class = cls[i], Value = w[i] };
            _at += cls.Length;
        }
    }

    private static bool IsDense(int length, int classes) => length * 2 >= classes && classes > InlineClasses;

    private ulong KeyAt(int s) => _inline ? _small[s].Key : _slots[s].Key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong key) => (int)(key >> 32 ^ key) & _mask;

    /// <summary>Bits of the presence filter per row: 16 make about one absent key in 16 pass it.</summary>
    private const int PresenceBitsPerRow = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong PresenceBit(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> _presentShift;

    /// <summary>False when the model certainly has no row for <paramref name="key"/> (a one-hash Bloom filter of a few
    /// megabytes at most, which stays in the cache while the table does not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayHave(ulong key)
    {
        ulong b = PresenceBit(key);
        return (_present[b >> 6] & (1UL << (int)(b & 63))) != 0;
    }

    /// <summary>Adds the weights of every known feature of <paramref name="keys"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        if (_inline) ScoreInline(keys, scores); else ScoreRows(keys, scores);
    }

    /// <summary>Features filtered and prefetched in one wave (the parser's and the tagger's instances have about a
    /// hundred; more are taken in waves of this many).</summary>
    private const int Wave = 256;

    // Most features of a parser state were never seen in training: the presence filter answers for them from the cache,
    // and only the rest are fetched from the table, prefetched together so that their cache misses overlap. Keys stay in
    // their order, so the scores are summed in the same order as without the filter.
    private int Known<TSlot>(ReadOnlySpan<ulong> keys, Span<ulong> known, TSlot* table) where TSlot : unmanaged
    {
        int m = 0;
        foreach (var key in keys)
            if (MayHave(key))
            {
                known[m++] = key;
                if (Sse.IsSupported) Sse.Prefetch0(table + SlotOf(key));
            }
        return m;
    }

    private void ScoreInline(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        Span<ulong> known = stackalloc ulong[Math.Min(keys.Length, Wave)];
        float a = 0, b = 0, c = 0, d = 0;
        fixed (SmallSlot* slots = _small)
            for (int from = 0; from < keys.Length; from += Wave)
                foreach (var key in known[..Known(keys.Slice(from, Math.Min(Wave, keys.Length - from)), known, slots)])
                    for (int s = SlotOf(key); slots[s].Key != 0; s = (s + 1) & _mask)
                    {
                        var slot = slots + s;
                        if (slot->Key == key) { a += slot->W0; b += slot->W1; c += slot->W2; d += slot->W3; break; }
                    }
        Span<float> sum = [a, b, c, d];
        for (int i = 0; i < Classes; i++) scores[i] += sum[i];
    }

    private void ScoreRows(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        Span<ulong> known = stackalloc ulong[Math.Min(keys.Length, Wave)];
        fixed (Slot* slots = _slots)
            for (int from = 0; from < keys.Length; from += Wave)
                foreach (var key in known[..Known(keys.Slice(from, Math.Min(Wave, keys.Length - from)), known, slots)])
                    for (int s = SlotOf(key); slots[s].Key != 0; s = (s + 1) & _mask)
                    {
                        var slot = slots + s;
                        if (slot->Key != key) continue;
                        if (slot->Length < 0) AddDense(_dense.AsSpan(slot->Start, Classes), scores);
                        else foreach (ref readonly var x in _w.AsSpan(slot->Start, slot->Length)) scores[x.Class] += x.Value;
                        break;
                    }
    }

    private static void AddDense(ReadOnlySpan<float> row, Span<float> scores)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(scores[i..]) + new Vector<float>(row[i..])).CopyTo(scores[i..]);
        for (; i < row.Length; i++) scores[i] += row[i];
    }

    /// <summary>Every row as (key, classes, weights), sorted by key (for writing).</summary>
    private IEnumerable<(ulong Key, List<(int Class, float Value)> Row)> AllRows()
    {
        var list = new List<(ulong, List<(int, float)>)>(Rows);
        if (_inline)
        {
            for (int s = 0; s < _small.Length; s++)
            {
                var slot = _small[s];
                if (slot.Key == 0) continue;
                var ws = new[] { slot.W0, slot.W1, slot.W2, slot.W3 };
                list.Add((slot.Key, Enumerable.Range(0, Classes).Where(c => ws[c] != 0).Select(c => (c, ws[c])).ToList()));
            }
        }
        else
            for (int s = 0; s < _slots.Length; s++)
            {
                var slot = _slots[s];
                if (slot.Key == 0) continue;
                var row = slot.Length < 0
                    ? Enumerable.Range(0, Classes).Where(c => _dense[slot.Start + c] != 0).Select(c => (c, _dense[slot.Start + c])).ToList()
                    : _w.AsSpan(slot.Start, slot.Length).ToArray().Select(x => (x.Class, x.Value)).ToList();
                list.Add((slot.Key, row));
            }
        list.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        return list;
    }

    /// <summary>Writes the model (rows sorted by key).</summary>
    public void Write(BinaryWriter w)
    {
        var rows = AllRows().ToList();
        w.Write7BitEncodedInt(Classes);
        w.Write7BitEncodedInt(rows.Count);
        ulong prev = 0;
        foreach (var (key, row) in rows)
        {
            w.Write7BitEncodedInt64((long)(key - prev));
            prev = key;
            w.Write7BitEncodedInt(row.Count);
            foreach (var (c, v) in row)
            {
                w.Write7BitEncodedInt(c);
                w.Write((Half)v);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>, straight into flat arrays (a million rows would otherwise be
    /// two million small arrays to allocate and collect at every start).</summary>
    public static SparseModel Read(BinaryReader r)
    {
        int classes = r.Read7BitEncodedInt(), n = r.Read7BitEncodedInt();
        if (classes <= 0 || n < 0) throw new InvalidDataException("bad model header");
        if (classes <= InlineClasses)
        {
            // The parser's move table (most of the file): rows go straight into the slots, nothing to collect afterwards.
            var model = new SparseModel(classes, n, 0, 0);
            Span<ushort> rc = stackalloc ushort[InlineClasses];
            Span<float> rw = stackalloc float[InlineClasses];
            ulong at = 0;
            for (int i = 0; i < n; i++)
            {
                at += (ulong)r.Read7BitEncodedInt64();
                int len = r.Read7BitEncodedInt();
                if (len < 0 || len > classes) throw new InvalidDataException($"a row of {len} weights for {classes} classes");
                for (int j = 0; j < len; j++)
                {
                    int c = r.Read7BitEncodedInt();
                    if (c >= classes) throw new InvalidDataException($"class {c} out of range");
                    rc[j] = (ushort)c;
                    rw[j] = (float)r.ReadHalf();
                }
                model.Add(at, rc[..len], rw[..len]);
            }
            return model;
        }
        var keys = new ulong[n];
        var starts = new int[n + 1];
        var cls = new List<ushort>(n * 2);
        var w = new List<float>(n * 2);
        ulong key = 0;
        for (int i = 0; i < n; i++)
        {
            key += (ulong)r.Read7BitEncodedInt64();
            keys[i] = key;
            starts[i] = cls.Count;
            int len = r.Read7BitEncodedInt();
            if (len < 0 || len > classes) throw new InvalidDataException($"a row of {len} weights for {classes} classes");
            for (int j = 0; j < len; j++)
            {
                int c = r.Read7BitEncodedInt();
                if (c >= classes) throw new InvalidDataException($"class {c} out of range");
                cls.Add((ushort)c);
                w.Add((float)r.ReadHalf());
            }
        }
        starts[n] = cls.Count;
        return new SparseModel(classes, (keys, starts, cls.ToArray(), w.ToArray()));
    }
}

/// <summary>Trains a <see cref="SparseModel"/> with the averaged perceptron (Collins 2002; Freund and Schapire 1999).</summary>
/// <remarks>
/// A mistake moves the weights of the predicted class down and of the right class up, for every feature of the instance.
/// The model keeps the average of every weight over all steps (kept lazily: each weight remembers when it last changed and
/// the sum so far), which generalises far better than the last weights. Deterministic; not thread-safe.
/// </remarks>
internal sealed class AveragedPerceptron(int classes)
{
    private sealed class Row
    {
        public ushort[] Cls = new ushort[4];
        public float[] W = new float[4];
        public double[] Total = new double[4];
        public int[] Stamp = new int[4];
        public int Count;
        public int Updates;
    }

    private readonly Dictionary<ulong, Row> _rows = new();

    /// <summary>Number of classes.</summary>
    public int Classes { get; } = classes;
    /// <summary>Steps taken so far (instances seen); advance it once per instance with <see cref="Tick"/>.</summary>
    public int Time { get; private set; }

    /// <summary>Counts one instance (the averaging clock).</summary>
    public void Tick() => Time++;

    /// <summary>Adds the current weights of <paramref name="keys"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        foreach (var k in keys)
            if (_rows.TryGetValue(k, out var row))
                for (int i = 0; i < row.Count; i++) scores[row.Cls[i]] += row.W[i];
    }

    /// <summary>Moves <paramref name="truth"/> up and <paramref name="guess"/> down for every key (no-op when equal).</summary>
    public void Update(ReadOnlySpan<ulong> keys, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (var k in keys)
        {
            if (!_rows.TryGetValue(k, out var row)) _rows[k] = row = new Row();
            row.Updates++;
            Move(row, truth, 1);
            Move(row, guess, -1);
        }
    }

    private void Move(Row row, int cls, float delta)
    {
        int i = 0;
        while (i < row.Count && row.Cls[i] != cls) i++;
        if (i == row.Count)
        {
            if (row.Count == row.Cls.Length)
            {
                int n = row.Count * 2;
                Array.Resize(ref row.Cls, n); Array.Resize(ref row.W, n); Array.Resize(ref row.Total, n); Array.Resize(ref row.Stamp, n);
            }
            row.Cls[i] = (ushort)cls; row.W[i] = 0; row.Total[i] = 0; row.Stamp[i] = Time;
            row.Count++;
        }
        row.Total[i] += (double)row.W[i] * (Time - row.Stamp[i]);
        row.Stamp[i] = Time;
        row.W[i] += delta;
    }

    /// <summary>The averaged model: weights whose average is below <paramref name="minWeight"/> in magnitude, and rows
    /// updated fewer than <paramref name="minUpdates"/> times, are left out (they are noise and cost size).</summary>
    public SparseModel Average(float minWeight = 1e-3f, int minUpdates = 1)
    {
        var rows = new List<(ulong, ushort[], float[])>(_rows.Count);
        double t = Math.Max(1, Time);
        foreach (var key in _rows.Keys.Order())
        {
            var row = _rows[key];
            if (row.Updates < minUpdates) continue;
            var cls = new List<ushort>(row.Count);
            var w = new List<float>(row.Count);
            for (int i = 0; i < row.Count; i++)
            {
                double total = row.Total[i] + (double)row.W[i] * (Time - row.Stamp[i]);
                float avg = (float)(total / t);
                if (Math.Abs(avg) < minWeight) continue;
                cls.Add(row.Cls[i]);
                w.Add(avg);
            }
            if (cls.Count > 0) rows.Add((key, cls.ToArray(), w.ToArray()));
        }
        return new SparseModel(Classes, rows);
    }
}
