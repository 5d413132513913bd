using System.Security.Cryptography;
using Dossier.Store.Export;

namespace Dossier.Store.Copy;

/// <summary>What a copy moved and how it was checked.</summary>
/// <param name="Tables">Rows per table, in the source and in the copy.</param>
/// <param name="JsonlDigest">SHA-256 of the JSONL export (every article's contract), the same for source and copy.</param>
/// <param name="CsvDigest">SHA-256 of the CSV export (every event), the same for both.</param>
public sealed record CopyReport(IReadOnlyList<(string Table, long Source, long Copy)> Tables, string JsonlDigest, string CsvDigest, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Copy);
}

/// <summary>The copy use case: moves a whole store into a new, empty one of any engine (SQLite to PostgreSQL and back),
/// table by table with its ids, in one transaction, then checks the copy: rows per table, and both exports byte for byte.</summary>
/// <remarks>Ids are copied as they are, so canonical actor ids (A17), manual decisions and followed sources mean the same
/// in the copy. Rows are streamed in chunks of <see cref="ChunkRows"/>; a failure leaves the target as it was (empty).</remarks>
public static class StoreCopier
{
    /// <summary>Rows written per statement.</summary>
    public const int ChunkRows = 500;

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/> (named by their locations in messages).</summary>
    /// <exception cref="DossierException">DSR317 when the target is not empty, DSR319 when an engine cannot copy tables,
    /// DSR320 when the check finds a difference (the copy stays, for inspection), DSR302 when writing fails.</exception>
    public static CopyReport Copy(IStore from, string fromLocation, IStore to, string toLocation, Action<string, long>? progress = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var source = from as IStoreTables ?? throw new DossierException(Errors.CopyNotSupported(fromLocation));
        var target = to as IStoreTables ?? throw new DossierException(Errors.CopyNotSupported(toLocation));
        var stats = to.Stats();
        if (stats.Articles > 0 || stats.Actors > 0 || target.Count(SharedSchema.Tables.Single(t => t.Name == "sources")) > 0)
            throw new DossierException(Errors.CopyTargetNotEmpty(toLocation, stats.Articles, stats.Actors));

        using (var load = target.BeginLoad())
        {
            var deferred = new List<(TableSpec Table, string Column, List<(object, object?)> Values)>();
            foreach (var table in SharedSchema.Tables)
            {
                var keep = table.Deferred.Select(c => (Column: c, Index: Array.IndexOf(table.Columns, c), Values: new List<(object, object?)>())).ToList();
                int key = table.Order.Length > 0 ? Array.IndexOf(table.Columns, table.Order[0]) : -1;
                var chunk = new List<object?[]>(ChunkRows);
                long n = 0;
                foreach (var row in source.Rows(table))
                {
                    foreach (var d in keep)
                    {
                        if (row[d.Index] is { } value) d.Values.Add((row[key]!, value));
                        row[d.Index] = null;
                    }
                    chunk.Add(row);
                    if (chunk.Count == ChunkRows) { load.Insert(table, chunk); n += chunk.Count; chunk = new List<object?[]>(ChunkRows); progress?.Invoke(table.Name, n); }
                }
                if (chunk.Count > 0) { load.Insert(table, chunk); n += chunk.Count; }
                progress?.Invoke(table.Name, n);
                deferred.AddRange(keep.Where(d => d.Values.Count > 0).Select(d => (table, d.Column, d.Values)));
            }
            foreach (var (table, column, values) in deferred) load.SetDeferred(table, column, values);
            load.Commit();
        }

        // The check: the same rows in every table, and the same exports.
        var counts = SharedSchema.Tables.Select(t => (t.Name, source.Count(t), target.Count(t))).ToList();
        var wrong = counts.Where(c => c.Item2 != c.Item3).Select(c => $"{c.Name} has {c.Item3:N0} rows, not {c.Item2:N0}").ToList();
        if (wrong.Count > 0) throw new DossierException(Errors.CopyMismatch(string.Join("; ", wrong)));
        var (jsonFrom, csvFrom) = (Digest(w => Exporter.WriteJsonl(from, w)), Digest(w => Exporter.WriteCsv(from, w)));
        var (jsonTo, csvTo) = (Digest(w => Exporter.WriteJsonl(to, w)), Digest(w => Exporter.WriteCsv(to, w)));
        if (jsonFrom != jsonTo) throw new DossierException(Errors.CopyMismatch("the JSONL exports differ"));
        if (csvFrom != csvTo) throw new DossierException(Errors.CopyMismatch("the CSV exports differ"));
        return new CopyReport(counts, jsonFrom, csvFrom, watch.Elapsed);
    }

    // SHA-256 of what an export writes, without keeping it.
    private static string Digest(Action<TextWriter> export)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashStream(hash))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16))
            export(writer);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed class HashStream(IncrementalHash hash) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
