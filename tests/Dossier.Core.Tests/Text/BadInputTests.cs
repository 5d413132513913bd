using System.IO.Compression;
using System.Text;
using Dossier.Text;

namespace Dossier.Tests.Text;

/// <summary>One batch with every kind of bad item: each is reported with its code and place, and the good items come through.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-bad-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string Write(string name, byte[] bytes) { var p = Path.Combine(_dir, name); File.WriteAllBytes(p, bytes); return p; }
    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(string s)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(s));
        return ms.ToArray();
    }

    // Bytes in 0x80-0xFF only: not UTF-8, no spaces or words in any single-byte code page.
    private static byte[] Undecodable()
    {
        var r = new Random(7);
        var b = new byte[4000];
        for (int i = 0; i < b.Length; i++) b[i] = (byte)r.Next(0x80, 0x100);
        return b;
    }

    [Fact]
    public void EveryBadItemIsReportedAndTheGoodOnesComeThrough()
    {
        var good = Write("a_good.txt", "A good article about the harbour.\n");
        var binary = Write("b_binary.txt", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 1, 2, 3, 0, 0, 0x41, 0x42]);
        var latin1 = Write("c_latin1.txt", Encoding.Latin1.GetBytes("Le café près de la gare, dit Señor Müller, a fermé hier soir à dix heures."));
        var undecodable = Write("d_undecodable.txt", Undecodable());
        var empty = Write("e_empty.txt", "  \n\t \n");
        var brokenHtml = Write("f_broken.html", "<html><body><div><p>The council met on Tuesday <b>and agreed <i>the budget for the new school year after a long debate about the costs of transport</p></div><table><tr><td>unclosed");
        var jsonl = Write("g_lines.jsonl",
            "{\"id\":\"1\",\"title\":\"First\",\"published\":\"2024-03-01\",\"text\":\"First story text.\"}\n" +
            "this is not json\n" +
            "\n" +
            "{\"id\":\"3\",\"title\":\"No body\"}\n" +
            "[1,2,3]\n" +
            "{\"id\":\"5\",\"html\":\"<p>Fifth story in <b>HTML</b>.</p>\"}\n");
        var large = Write("h_large.txt", new string('x', 5000));
        var corruptGz = Write("i_corrupt.txt.gz", [.. Gzip("some text that was compressed")[..12], 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x11, 0x22]);
        var missing = Path.Combine(_dir, "z_missing.txt");

        var opts = new ReadOptions { MaxBytes = 4096 };
        var items = ArticleReader.Read([good, binary, latin1, undecodable, empty, brokenHtml, jsonl, large, corruptGz, missing], opts).ToList();
        var errors = items.Where(i => i.Error is not null && !i.IsWarning).Select(i => i.Error!).ToList();
        var warnings = items.Where(i => i.IsWarning).Select(i => i.Error!).ToList();
        var articles = items.Where(i => i.Article is not null).Select(i => i.Article!).ToList();

        string Code(string path, int? line = null) => errors.Single(e => e.Source == path && e.Line == line).Error.Code;
        Assert.Equal("DSR102", Code(binary));
        Assert.Equal("DSR103", Code(undecodable));
        Assert.Equal("DSR101", Code(empty));
        Assert.Equal("DSR105", Code(jsonl, 2));
        Assert.Equal("DSR106", Code(jsonl, 4));
        Assert.Equal("DSR115", Code(jsonl, 5));
        Assert.Equal("DSR104", Code(large));
        Assert.Equal("DSR109", Code(corruptGz));
        Assert.Equal("DSR110", Code(missing));
        Assert.Equal(9, errors.Count);
        Assert.StartsWith($"{jsonl}:2: malformed JSON line: ", errors.Single(e => e.Line == 2).ToString());
        Assert.EndsWith("(DSR105)", errors.Single(e => e.Line == 2).ToString());
        Assert.Equal($"{missing}: no such file or folder (DSR110)", errors.Single(e => e.Source == missing).ToString());

        // The Latin-1 file is read, with a warning that its encoding was guessed (issue 12: never decoded silently).
        var guessed = Assert.Single(warnings);
        Assert.Equal((latin1, "DSR121"), (guessed.Source, guessed.Error.Code));
        Assert.StartsWith($"{latin1}: warning: not valid UTF-8", guessed.ToString());

        // good items: the text file, the Latin-1 file decoded, the broken HTML, two JSON lines
        Assert.Equal(5, articles.Count);
        Assert.Contains(articles, a => a.Source == latin1 && a.Body.Contains("café près") && a.Body.Contains("Müller"));
        var first = Assert.Single(articles, a => a.Id == "1");
        Assert.Equal((jsonl, 1, "First", "2024-03-01"), (first.Source, first.Line, first.Title, first.Published));
        Assert.Equal(InputFormat.Html, Assert.Single(articles, a => a.Id == "5").Format);
        var html = Assert.Single(articles, a => a.Source == brokenHtml);
        var doc = ArticleCleaner.Clean(html);
        Assert.Contains("agreed the budget", doc.Document!.Text);
        Assert.All(articles, a => Assert.NotNull(ArticleCleaner.Clean(a).Document));
    }

    [Fact]
    public void GzipPastTheLimitStopsWithTooLarge()
    {
        var p = Write("big.txt.gz", Gzip(new string('a', 100_000)));
        var e = Assert.Single(ArticleReader.ReadPath(p, new ReadOptions { MaxBytes = 10_000 })).Error;
        Assert.Equal("DSR104", e!.Error.Code);
    }

    [Fact]
    public void APageWithAFewStrayControlBytesIsTextAndOnlyBinaryIsRefused()
    {
        // Real pages carry the odd NUL or backspace (a CMS pasting from a word processor): the page is read, the bytes dropped.
        var body = string.Concat(Enumerable.Repeat("<p>The council met on Tuesday and agreed the harbour budget after a long debate.</p>\n", 20));
        var bytes = Encoding.UTF8.GetBytes($"<html><head><title>Budget</title></head><body><article>{body}</article></body></html>").ToList();
        bytes.InsertRange(200, new byte[] { 0x00, 0x08, 0x01 });
        bytes.Insert(900, 0x00);
        var page = Write("stray.html", bytes.ToArray());
        var item = Assert.Single(ArticleReader.ReadPath(page, new ReadOptions()), i => !i.IsWarning);
        Assert.Null(item.Error);
        var doc = ArticleCleaner.Clean(item.Article!).Document!;
        Assert.Contains("agreed the harbour budget", doc.Text);
        Assert.DoesNotContain('\0', doc.Text);
        Assert.DoesNotContain('\b', doc.Text);

        // Mostly binary, or a binary format's signature, is refused.
        var noise = new byte[3000];
        new Random(3).NextBytes(noise);
        for (int i = 0; i < noise.Length; i += 7) noise[i] = 0;
        Assert.Equal("DSR102", Assert.Single(ArticleReader.ReadPath(Write("noise.html", noise), new ReadOptions())).Error!.Error.Code);
        var pdf = Write("paper.txt", Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 500)));
        Assert.Equal("DSR102", Assert.Single(ArticleReader.ReadPath(pdf, new ReadOptions())).Error!.Error.Code);
    }
}
