using System.IO.Compression;

namespace Dossier.Text;

/// <summary>Reads files, folders (recursively), .gz files and standard input into raw articles, one item per article or error.</summary>
/// <remarks>
/// Never throws for bad input: each bad item becomes an <see cref="ItemError"/> and reading goes on.
/// One input is read once into a bounded byte buffer (the size limit is checked before reading and while decompressing),
/// decoded once, then split by format: one article for text and HTML, one per line for JSON Lines, one per item for feeds.
/// </remarks>
public static partial class ArticleReader
{
    /// <summary>Reads every path ("-" is standard input) in order.</summary>
    public static IEnumerable<InputItem> Read(IEnumerable<string> paths, ReadOptions options)
    {
        foreach (var p in paths)
            foreach (var item in ReadPath(p, options))
                yield return item;
    }

    /// <summary>Reads one file, folder or "-".</summary>
    public static IEnumerable<InputItem> ReadPath(string path, ReadOptions options)
    {
        if (path == "-")
        {
            foreach (var i in ReadStream(Console.OpenStandardInput(), "-", options)) yield return i;
            yield break;
        }
        if (Directory.Exists(path))
        {
            foreach (var f in EnumerateFolder(path))
                foreach (var i in ReadFile(f, options)) yield return i;
            yield break;
        }
        if (!File.Exists(path)) { yield return InputItem.Fail(path, null, Errors.NotFound()); yield break; }
        foreach (var i in ReadFile(path, options)) yield return i;
    }

    // Sorted ordinally so a batch is read in the same order on every machine; hidden files (".keep", ".DS_Store") are not articles.
    private static IEnumerable<string> EnumerateFolder(string path)
    {
        var opts = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(path, "*", opts)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Reads one file.</summary>
    public static IEnumerable<InputItem> ReadFile(string path, ReadOptions options)
    {
        long size;
        try
        {
            var fi = new FileInfo(path);
            if (!fi.Exists) return [InputItem.Fail(path, null, Errors.NotFound())];
            size = fi.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [InputItem.Fail(path, null, Errors.Unreadable(e.Message))];
        }
        // Checked before reading: a compressed file larger than the limit cannot decompress to less.
        if (size > options.MaxBytes) return [InputItem.Fail(path, null, Errors.TooLarge(size, options.MaxBytes))];
        Stream s;
        try { s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return [InputItem.Fail(path, null, Errors.Unreadable(e.Message))];
        }
        return ReadStream(s, path, options);
    }

    /// <summary>Reads a stream named <paramref name="name"/> (closed when done).</summary>
    public static IEnumerable<InputItem> ReadStream(Stream stream, string name, ReadOptions options)
    {
        var loaded = Load(stream, name, options.MaxBytes);
        if (loaded.Error is { } err) return [InputItem.Fail(name, null, err)];
        var decoded = TextDecoder.Decode(loaded.Bytes.AsSpan(0, loaded.Length));
        if (decoded.Error is { } derr) return [InputItem.Fail(name, null, derr)];
        var text = decoded.Text!;
        var format = options.Format != InputFormat.Auto ? options.Format : DetectFormat(loaded.InnerName, text);
        return format switch
        {
            InputFormat.Jsonl => ReadJson(text, name, options),
            InputFormat.Rss => ReadFeed(text, name, options),
            _ => ReadWhole(text, name, format == InputFormat.Html ? InputFormat.Html : InputFormat.Text, options),
        };
    }

    private static IEnumerable<InputItem> ReadWhole(string text, string name, InputFormat format, ReadOptions options)
    {
        if (IsBlank(text)) return [InputItem.Fail(name, null, Errors.EmptyInput())];
        return [InputItem.Ok(new RawArticle { Source = name, Body = text, Format = format, Published = FormatDate(options.Published) })];
    }

    internal static string? FormatDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && c != '\u200B') return false;
        return true;
    }

    private readonly record struct Loaded(byte[] Bytes, int Length, string InnerName, DossierError? Error);

    // Reads the whole input into one buffer, decompressing gzip (by name or by magic bytes) and stopping past the limit.
    private static Loaded Load(Stream stream, string name, long limit)
    {
        string inner = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        try
        {
            using (stream)
            {
                if (!ReferenceEquals(inner, name))
                {
                    using var gz = new GZipStream(stream, CompressionMode.Decompress);
                    return Bounded(gz, inner, limit, compressed: true);
                }
                var raw = Bounded(stream, inner, limit, compressed: false);
                if (raw.Error is null && raw.Length >= 2 && raw.Bytes[0] == 0x1f && raw.Bytes[1] == 0x8b)
                {
                    // gzip data under another name (a download saved without its extension)
                    using var gz = new GZipStream(new MemoryStream(raw.Bytes, 0, raw.Length, writable: false), CompressionMode.Decompress);
                    return Bounded(gz, inner, limit, compressed: true);
                }
                return raw;
            }
        }
        catch (InvalidDataException e) { return new Loaded([], 0, inner, Errors.BadGzip(e.Message)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new Loaded([], 0, inner, Errors.Unreadable(e.Message));
        }
    }

    private static Loaded Bounded(Stream s, string inner, long limit, bool compressed)
    {
        int cap = 1 << 16;
        if (!compressed && s.CanSeek)
        {
            long len = s.Length - s.Position;
            if (len > limit) return new Loaded([], 0, inner, Errors.TooLarge(len, limit));
            cap = (int)Math.Min(Math.Max(len + 1, 16), int.MaxValue - 64);
        }
        var buf = new byte[cap];
        int n = 0;
        while (true)
        {
            if (n == buf.Length)
            {
                long next = Math.Min((long)buf.Length * 2, Math.Min(limit + 1, Array.MaxLength));
                if (next <= buf.Length) return new Loaded([], 0, inner, Errors.TooLarge(n, limit));
                Array.Resize(ref buf, (int)next);
            }
            int r = s.Read(buf, n, buf.Length - n);
            if (r <= 0) break;
            n += r;
            // Stop reading (and decompressing) as soon as the limit is passed.
            if (n > limit) return new Loaded([], 0, inner, Errors.TooLarge(n, limit));
        }
        return new Loaded(buf, n, inner, null);
    }
}
