namespace Dossier.Text;

/// <summary>Reads files, folders (recursively), .gz files and standard input into raw articles, one item per article or error.</summary>
/// <remarks>Never throws for bad input: each bad item becomes an <see cref="ItemError"/> and reading goes on.</remarks>
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
            foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                foreach (var i in ReadFile(f, options)) yield return i;
            yield break;
        }
        if (!File.Exists(path)) { yield return InputItem.Fail(path, null, Errors.NotFound()); yield break; }
        foreach (var i in ReadFile(path, options)) yield return i;
    }

    /// <summary>Reads one file.</summary>
    public static IEnumerable<InputItem> ReadFile(string path, ReadOptions options)
    {
        Stream s;
        try { s = File.OpenRead(path); }
        catch (Exception e) { return [InputItem.Fail(path, null, Errors.Unreadable(e.Message))]; }
        return ReadStream(s, path, options);
    }

    /// <summary>Reads a stream named <paramref name="name"/> (closed when done).</summary>
    public static IEnumerable<InputItem> ReadStream(Stream stream, string name, ReadOptions options)
    {
        // First version: UTF-8 plain text only. The ingest work replaces this with format detection.
        using var r = new StreamReader(stream);
        var text = r.ReadToEnd();
        if (string.IsNullOrWhiteSpace(text)) { yield return InputItem.Fail(name, null, Errors.EmptyInput()); yield break; }
        yield return InputItem.Ok(new RawArticle { Source = name, Body = text, Format = InputFormat.Text, Published = options.Published?.ToString("yyyy-MM-dd") });
    }
}
