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
            foreach (var item in Guarded(ReadPath(p, options), p))
                yield return item;
    }

    /// <summary>Reads one file, folder or "-".</summary>
    /// <remarks>A path given by the user is taken as meant: a link there is followed. Inside a folder, links to folders are
    /// followed only with <see cref="ReadOptions.FollowLinks"/>, every folder and file is read once however many links lead
    /// to it, and only regular files are opened (a FIFO would block, a device never ends).</remarks>
    public static IEnumerable<InputItem> ReadPath(string path, ReadOptions options)
    {
        if (path == "-")
        {
            foreach (var i in ReadStream(Console.OpenStandardInput(), "-", options)) yield return i;
            yield break;
        }
        var info = FileKinds.Of(path, follow: true);
        switch (info.Kind)
        {
            case FileKinds.Kind.Missing: yield return InputItem.Fail(path, null, Errors.NotFound()); break;
            case FileKinds.Kind.File: foreach (var i in ReadFile(path, options)) yield return i; break;
            case FileKinds.Kind.Folder:
                foreach (var entry in WalkFolder(path, info, options))
                {
                    if (entry.Note is { } note) { yield return new InputItem(null, note); continue; }
                    foreach (var i in ReadFile(entry.Path, options)) yield return i;
                }
                break;
            default: yield return InputItem.Fail(path, null, Errors.NotRegularFile(FileKinds.Describe(info.Kind))); break;
        }
    }

    // A file to read, or a note (error or warning) about an entry that is not read.
    private readonly record struct FolderEntry(string Path, ItemError? Note);

    // Every regular file below a folder, sorted ordinally by path so a batch is read in the same order on every machine;
    // hidden entries (".git", ".DS_Store") are not articles. Folders are walked in sorted order too, so which of two paths
    // to one file counts as the first is the same everywhere.
    private static List<FolderEntry> WalkFolder(string root, FileKinds.Info rootInfo, ReadOptions options)
    {
        var files = new List<(string Path, FileKinds.Info Info)>();
        var notes = new List<FolderEntry>();
        var folders = new Dictionary<(ulong, ulong, string), string> { [rootInfo.Id] = root };
        var stack = new Stack<(string Dir, int Depth)>();
        stack.Push((root, 0));
        var enumerate = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        while (stack.Count > 0)
        {
            var (dir, depth) = stack.Pop();
            string[] entries;
            try { entries = Directory.GetFileSystemEntries(dir, "*", enumerate); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notes.Add(new(dir, new ItemError(dir, null, Errors.Unreadable(e.Message))));
                continue;
            }
            Array.Sort(entries, StringComparer.Ordinal);
            var subfolders = new List<string>();
            foreach (var e in entries)
            {
                if (Path.GetFileName(e).StartsWith('.')) continue;
                var info = FileKinds.Of(e, follow: false);
                if (info.Kind == FileKinds.Kind.Link)
                {
                    var target = FileKinds.Of(e, follow: true);
                    if (target.Kind == FileKinds.Kind.Folder && !options.FollowLinks)
                    {
                        notes.Add(new(e, new ItemError(e, null, Errors.LinkNotFollowed(LinkTarget(e)), Warning: true)));
                        continue;
                    }
                    info = target;
                }
                switch (info.Kind)
                {
                    case FileKinds.Kind.Folder:
                        if (folders.TryGetValue(info.Id, out var first)) { notes.Add(new(e, new ItemError(e, null, Errors.AlreadyRead(first), Warning: true))); break; }
                        if (depth + 1 > Limits.MaxFolderDepth) { notes.Add(new(e, new ItemError(e, null, Errors.FolderTooDeep()))); break; }
                        folders[info.Id] = e;
                        subfolders.Add(e);
                        break;
                    case FileKinds.Kind.File: files.Add((e, info)); break;
                    case FileKinds.Kind.Missing: notes.Add(new(e, new ItemError(e, null, Errors.NotFound()))); break; // a dangling link
                    default: notes.Add(new(e, new ItemError(e, null, Errors.NotRegularFile(FileKinds.Describe(info.Kind))))); break;
                }
            }
            for (int k = subfolders.Count - 1; k >= 0; k--) stack.Push((subfolders[k], depth + 1));
        }
        var list = new List<FolderEntry>(files.Count + notes.Count);
        var seen = new Dictionary<(ulong, ulong, string), string>();
        foreach (var (path, info) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (seen.TryGetValue(info.Id, out var first)) list.Add(new(path, new ItemError(path, null, Errors.AlreadyRead(first), Warning: true)));
            else { seen[info.Id] = path; list.Add(new(path, null)); }
        }
        list.AddRange(notes);
        list.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return list;
    }

    private static string LinkTarget(string link)
    {
        try { return new FileInfo(link).LinkTarget ?? link; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return link; }
    }

    // A reader bug must cost one path, never the batch: an exception while enumerating becomes that path's error.
    internal static IEnumerable<InputItem> Guarded(IEnumerable<InputItem> items, string path)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            InputItem item;
            bool failed = false;
            try
            {
                if (!e.MoveNext()) yield break;
                item = e.Current;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                item = InputItem.Fail(path, null, Errors.Unreadable(ex.GetType().Name + ": " + ex.Message));
                failed = true;
            }
            yield return item;
            if (failed) yield break;
        }
    }

    /// <summary>Reads one file (only a regular file: a FIFO, socket or device is refused, since opening it could block).</summary>
    public static IEnumerable<InputItem> ReadFile(string path, ReadOptions options)
    {
        long size;
        try
        {
            var kind = FileKinds.Of(path, follow: true).Kind;
            if (kind == FileKinds.Kind.Missing) return [InputItem.Fail(path, null, Errors.NotFound())];
            if (kind != FileKinds.Kind.File) return [InputItem.Fail(path, null, Errors.NotRegularFile(FileKinds.Describe(kind)))];
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
    /// <remarks>Never throws for bad input: every item is an article or a coded error, and a guessed decoding comes first
    /// as a warning about the whole stream.</remarks>
    public static IEnumerable<InputItem> ReadStream(Stream stream, string name, ReadOptions options)
    {
        var loaded = Load(stream, name, options.MaxBytes);
        if (loaded.Error is { } err) return [InputItem.Fail(name, null, err)];
        var decoded = TextDecoder.Decode(loaded.Bytes.AsSpan(0, loaded.Length));
        if (decoded.Error is { } derr) return [InputItem.Fail(name, null, derr)];
        var text = decoded.Text!;
        var format = options.Format != InputFormat.Auto ? options.Format : DetectFormat(loaded.InnerName, text);
        var items = format switch
        {
            InputFormat.Jsonl => ReadJson(text, name, options),
            InputFormat.Rss => ReadFeed(text, name, options),
            _ => ReadWhole(text, name, format == InputFormat.Html ? InputFormat.Html : InputFormat.Text, options),
        };
        return decoded.Warning is { } w ? items.Prepend(new InputItem(null, new ItemError(name, null, w, Warning: true))) : items;
    }

    private static IEnumerable<InputItem> ReadWhole(string text, string name, InputFormat format, ReadOptions options)
    {
        if (IsBlank(text)) return [InputItem.Fail(name, null, Errors.EmptyInput())];
        if (text.Length > Limits.MaxRawChars) return [InputItem.Fail(name, null, Errors.RawTooLong(text.Length))];
        return [InputItem.Ok(new RawArticle { Source = name, Body = text, Format = format, Published = FormatDate(options.Published), PublishedIsFallback = true })];
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
