using System.IO.Compression;
using System.Text;
using Dossier.Text;

namespace Dossier.Tests.Text;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-read-").FullName;
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static List<InputItem> ReadBytes(string name, byte[] bytes, ReadOptions? o = null) =>
        ArticleReader.ReadStream(new MemoryStream(bytes), name, o ?? new ReadOptions()).ToList();
    private static List<InputItem> ReadText(string name, string text, ReadOptions? o = null) => ReadBytes(name, Encoding.UTF8.GetBytes(text), o);

    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Wire</title><link>https://example.org/</link><description>d</description>
        <item><title>Talks resume in Geneva</title><link>https://example.org/a</link><guid>a-1</guid>
        <pubDate>Wed, 12 Feb 2025 10:30:00 GMT</pubDate><description>&lt;p&gt;Delegations met on &lt;b&gt;Wednesday&lt;/b&gt;.&lt;/p&gt;</description></item>
        <item><title>Plain item</title><link>https://example.org/b</link><description>Plain text summary of the second story.</description></item>
        </channel></rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:x</id><updated>2025-02-12T10:00:00Z</updated>
        <entry><title>Ceasefire holds</title><id>urn:e1</id><link href="https://example.org/e1"/><updated>2025-02-13T08:00:00Z</updated>
        <content type="html">&lt;p&gt;The ceasefire held overnight.&lt;/p&gt;</content></entry>
        </feed>
        """;

    [Fact]
    public void RssItemsBecomeArticles()
    {
        var items = ReadText("feed.xml", Rss);
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(2, items.Count);
        var a = items[0].Article!;
        Assert.Equal(("Talks resume in Geneva", "https://example.org/a", "a-1", InputFormat.Html, 1), (a.Title, a.Url, a.Id, a.Format, a.Line));
        var doc = ArticleCleaner.Clean(a).Document!;
        Assert.Equal("Delegations met on Wednesday.", doc.Text);
        Assert.Equal(new DateOnly(2025, 2, 12), doc.Published);
        Assert.Equal(InputFormat.Text, items[1].Article!.Format);
    }

    [Fact]
    public void AtomEntriesBecomeArticles()
    {
        var a = Assert.Single(ReadText("-", Atom)).Article!;
        Assert.Equal("Ceasefire holds", a.Title);
        Assert.Equal("The ceasefire held overnight.", ArticleCleaner.Clean(a).Document!.Text);
    }

    public static TheoryData<string, string, InputFormat> Sniffing => new()
    {
        { "noext", "<rss version=\"2.0\"><channel><item><title>t</title><description>d</description></item></channel></rss>", InputFormat.Rss },
        { "noext", "  <!DOCTYPE html><html><body><p>Hello there.</p></body></html>", InputFormat.Html },
        { "noext", "{\"text\":\"Hello there.\"}", InputFormat.Jsonl },
        { "noext", "Hello there.", InputFormat.Text },
        { "page.htm", "Hello <b>there</b>.", InputFormat.Html },
        { "notes.txt", "<p>kept as text</p>", InputFormat.Text },
        { "x.ndjson", "{\"text\":\"a\"}", InputFormat.Jsonl },
    };

    [Theory, MemberData(nameof(Sniffing))]
    public void DetectsFormat(string name, string text, InputFormat expected) => Assert.Equal(expected, ArticleReader.DetectFormat(name, text));

    [Fact]
    public void FormatOptionOverridesDetection()
    {
        var a = Assert.Single(ReadText("notes.txt", "<p>Now read as <i>HTML</i>.</p>", new ReadOptions { Format = InputFormat.Html })).Article!;
        Assert.Equal("Now read as HTML.", ArticleCleaner.Clean(a).Document!.Text);
    }

    [Fact]
    public void JsonArrayAndPrettyObjectAreRead()
    {
        var arr = ReadText("a.json", "[{\"id\": 7, \"text\": \"one\"},\n {\"id\": 8, \"text\": \"two\"}]");
        Assert.Equal(["7", "8"], arr.Select(i => i.Article!.Id));
        var obj = Assert.Single(ReadText("b.json", "{\n  \"title\": \"T\",\n  \"authors\": [\"A. Writer\", \"B. Writer\"],\n  \"text\": \"Body.\"\n}"));
        Assert.Equal(("T", "A. Writer, B. Writer"), (obj.Article!.Title, obj.Article.Byline));
    }

    [Fact]
    public void GzipJsonLinesAreReadTransparently()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, true))
            gz.Write(Encoding.UTF8.GetBytes("{\"id\":\"x\",\"text\":\"first\"}\n{\"id\":\"y\",\"text\":\"second\"}\n"));
        var path = Path.Combine(_dir, "batch.jsonl.gz");
        File.WriteAllBytes(path, ms.ToArray());
        Assert.Equal(["x", "y"], ArticleReader.ReadPath(path, new ReadOptions()).Select(i => i.Article!.Id));
        // the same bytes without the .gz name are recognised by their magic number
        var items = ReadBytes("batch.jsonl", ms.ToArray());
        Assert.Equal(2, items.Count(i => i.Article is not null));
    }

    [Fact]
    public void FoldersAreReadRecursivelyInOrderWithoutHiddenFiles()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "b"));
        File.WriteAllText(Path.Combine(_dir, "b", "2.txt"), "two");
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "one");
        File.WriteAllText(Path.Combine(_dir, ".keep"), "");
        var items = ArticleReader.ReadPath(_dir, new ReadOptions()).ToList();
        Assert.Equal(["one", "two"], items.Select(i => i.Article!.Body));
    }

    public static TheoryData<string, byte[], string> Encodings => new()
    {
        { "utf16 BOM", [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes("Grüße aus Köln")], "Grüße aus Köln" },
        { "utf8 BOM", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes("naïve café")], "naïve café" },
        { "declared cp1251", DeclaredHtml(), "Путин провёл переговоры в Москве" },
    };

    private static byte[] DeclaredHtml()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"windows-1251\"></head><body><p>Путин провёл переговоры в Москве</p></body></html>");
    }

    [Theory, MemberData(nameof(Encodings))]
    public void DecodesEncodings(string what, byte[] bytes, string expected)
    {
        var a = Assert.Single(ReadBytes("in", bytes)).Article;
        Assert.True(a is not null, what);
        Assert.Equal(expected, ArticleCleaner.Clean(a!).Document!.Text);
    }

    [Fact]
    public void PublishedOptionIsUsedWhenTheInputHasNone()
    {
        var a = Assert.Single(ReadText("x.txt", "Body text.", new ReadOptions { Published = new DateOnly(2005, 1, 1) })).Article!;
        Assert.Equal(new DateOnly(2005, 1, 1), ArticleCleaner.Clean(a).Document!.Published);
    }
}
