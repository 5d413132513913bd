using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dossier.Documents;
using Dossier.Extraction.Time;
using Dossier.Text;

namespace Dossier.Fuzz;

/// <summary>The targets of the harness and how they are chosen on the command line.</summary>
public static class Targets
{
    /// <summary>Every target, in the order the summary lists them.</summary>
    public static readonly IReadOnlyList<Target> All =
        [new ReadTarget(), new CleanTarget(), new SegmentTarget(), new TimexTarget(), new CsvTarget(), new ExtractTarget()];

    /// <summary>"all" or a comma-separated list of names; null with an unknown name.</summary>
    public static IReadOnlyList<Target>? Parse(string spec)
    {
        if (spec.Equals("all", StringComparison.OrdinalIgnoreCase)) return All;
        var list = new List<Target>();
        foreach (var name in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var t = All.FirstOrDefault(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (t is null) return null;
            if (!list.Contains(t)) list.Add(t);
        }
        return list.Count == 0 ? null : list;
    }

    /// <summary>A target by name, or null.</summary>
    public static Target? Named(string name) => All.FirstOrDefault(x => x.Name == name);

    /// <summary>A text to start from: generated, or a window of a corpus file; then, mostly, mutated at the character level.</summary>
    internal static string Text(Rng rng, Corpus corpus, int max, Func<Rng, int, string> generate, double fromCorpus = 0.3)
    {
        string Source(Rng r) => corpus.Pick(r) is { } seed && r.Chance(fromCorpus) ? Corpus.Window(seed.Text.AsSpan(), max, r).ToString() : generate(r, r.Size(max));
        var text = Source(rng);
        if (rng.Chance(0.15)) return text;
        var chars = new List<char>(text);
        Mutator.Mutate(chars, CharSymbols.Instance, rng, max, () => Source(rng).ToCharArray());
        return string.Concat(chars);
    }
}

/// <summary>The readers: <see cref="ArticleReader.ReadStream"/> over bytes in every format, plain or gzip-wrapped.</summary>
/// <remarks>Oracles: no exception; every item is an article with a body and a resolved format or a well-formed coded error;
/// a read gives at least one item.</remarks>
public sealed class ReadTarget : Target
{
    public override string Name => "read";
    public override int Weight => 4;

    private static readonly (string[] Ext, Func<Rng, int, IReadOnlyList<string>, string> Gen)[] Formats =
    [
        ([".txt", ".text", ".md"], (r, n, w) => Gen.PlainText(r, n, w)),
        ([".html", ".htm", ".xhtml"], (r, n, w) => Gen.Html(r, n, w)),
        ([".jsonl", ".json", ".ndjson"], (r, n, w) => Gen.Json(r, n, w)),
        ([".rss", ".atom", ".xml"], (r, n, w) => Gen.Feed(r, n, w)),
    ];

    public override FuzzInput Generate(Rng rng, Corpus corpus, int maxLength)
    {
        var (exts, gen) = rng.Pick(Formats);
        string name = "input" + (rng.Chance(0.15) ? rng.Pick(["", ".dat", ".xml", ".csv"]) : rng.Pick(exts));
        byte[] data;
        if (corpus.Pick(rng) is { } seed && rng.Chance(0.35))
        {
            data = Corpus.Window(seed.Data.AsSpan(), maxLength, rng).ToArray();
            if (rng.Chance(0.7)) name = seed.Name;
        }
        else data = Encode(gen(rng, rng.Size(maxLength), corpus.TimeWords), rng);
        if (rng.Chance(0.85))
        {
            var list = new List<byte>(data);
            Mutator.Mutate(list, ByteSymbols.Instance, rng, maxLength, () => Encode(rng.Pick(Formats).Gen(rng, rng.Size(maxLength), corpus.TimeWords), rng));
            data = [.. list];
        }
        return rng.Below(100) switch
        {
            < 8 => new BytesInput(name + ".gz", data, gzip: true),
            < 11 => new BytesInput(name, data, gzip: true),
            // corrupt gzip: a valid stream with bytes changed or cut
            < 13 => new BytesInput(name + ".gz", Corrupt(BytesInput.Compress(data), rng)),
            _ => new BytesInput(name, data),
        };
    }

    private static byte[] Corrupt(byte[] gz, Rng rng)
    {
        var list = new List<byte>(gz);
        Mutator.Mutate(list, ByteSymbols.Instance, rng, gz.Length + 64);
        return [.. list];
    }

    // Mostly UTF-8; also the encodings the decoder has to recognise (byte-order marks, legacy code pages, UTF-16 without a mark).
    private static byte[] Encode(string s, Rng rng) => rng.Below(20) switch
    {
        0 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(s)],
        1 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(s)],
        2 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(s)],
        3 => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(s)],
        4 => Encoding.Latin1.GetBytes(s),
        5 => Encoding.Unicode.GetBytes(s),
        _ => Encoding.UTF8.GetBytes(s),
    };

    public override void Execute(FuzzInput input)
    {
        var b = (BytesInput)input;
        int n = 0;
        foreach (var item in ArticleReader.ReadStream(new MemoryStream(b.Stream(), writable: false), b.Name, new ReadOptions()))
        {
            Oracles.Item(item);
            n++;
        }
        if (n == 0) throw new FuzzFailure("read gave no item", b.ToString());
    }

    public override FuzzInput WarmUp => new BytesInput("warm.jsonl", Encoding.UTF8.GetBytes("{\"text\":\"It rained on Monday.\"}\n<p>x</p>"));
}

/// <summary>The cleaner: <see cref="ArticleCleaner.Clean"/> on text and HTML articles with odd metadata.</summary>
/// <remarks>Oracles: a document or a coded error, never a caught crash (DSR204); the text keeps the normaliser's promises,
/// raw offsets stay inside the input, embedded posts lie inside the text.</remarks>
public class CleanTarget : Target
{
    public override string Name => "clean";
    public override int Weight => 3;

    public override FuzzInput Generate(Rng rng, Corpus corpus, int maxLength)
    {
        bool html = rng.Chance(0.5);
        var text = Targets.Text(rng, corpus, maxLength, html ? (r, n) => Gen.Html(r, n, corpus.TimeWords) : (r, n) => Gen.PlainText(r, n, corpus.TimeWords));
        // now and then the format disagrees with the content (markup read as text, text as HTML)
        var f = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        f["format"] = html ^ rng.Chance(0.1) ? "html" : "text";
        if (rng.Chance(0.3)) f["title"] = Targets.Text(rng, Corpus.Empty, 200, (r, n) => Gen.PlainText(r, n));
        if (rng.Chance(0.5)) f["published"] = Gen.Date(rng);
        if (rng.Chance(0.2)) f["url"] = rng.Pick(["https://example.org/a", "not a url", "", "http://[::1", "https://example.org/" + new string('a', 3000)]);
        if (rng.Chance(0.2)) f["byline"] = rng.Pick(["By Lina Haddad · April 9, 2025", "By ", "·", "—", "By Ahmed | Reuters", "\u202EBy X"]);
        return new TextInput(text, f.ToImmutable());
    }

    /// <summary>The raw article a text input stands for.</summary>
    public static RawArticle Raw(TextInput t) => new()
    {
        Source = "fuzz", Body = t.Text, Format = t.Field("format") == "html" ? InputFormat.Html : InputFormat.Text,
        Title = t.Field("title"), Published = t.Field("published"), Url = t.Field("url"), Byline = t.Field("byline"),
    };

    public override void Execute(FuzzInput input)
    {
        var raw = Raw((TextInput)input);
        var doc = Oracles.Result(ArticleCleaner.Clean(raw), () => ArticleCleaner.Clean(raw));
        if (doc is not null) Oracles.CleanText(doc, raw.Body.Length);
    }

    public override FuzzInput WarmUp => new TextInput("<p>It rained on Monday in Paris.</p>", ImmutableSortedDictionary<string, string>.Empty.Add("format", "html"));
}

/// <summary>The whole default pipeline (<see cref="Extractor.Default"/>) on small articles.</summary>
/// <remarks>Oracles: a document or a coded error, never a caught crash; every layer's offsets inside the text, tokens,
/// sentences and timexes in order.</remarks>
public sealed class ExtractTarget : CleanTarget
{
    /// <summary>Largest input given to the whole pipeline (it is slower per character than the single stages).</summary>
    public const int MaxChars = 4096;

    public override string Name => "extract";
    public override int Weight => 1;
    public override int MaxLength(int runLimit) => Math.Min(runLimit, MaxChars);

    public override void Execute(FuzzInput input)
    {
        var raw = Raw((TextInput)input);
        var doc = Oracles.Result(Extractor.Default.Extract(raw), () => Extractor.Default.Extract(raw));
        if (doc is not null) Oracles.Layers(doc);
    }
}

/// <summary>The segmenter on any string: tokens and sentences.</summary>
/// <remarks>Oracles: no exception; tokens non-empty, in order, inside the text; sentences cover the tokens in order.</remarks>
public sealed class SegmentTarget : Target
{
    public override string Name => "segment";
    public override int Weight => 3;

    public override FuzzInput Generate(Rng rng, Corpus corpus, int maxLength) =>
        new TextInput(Targets.Text(rng, corpus, maxLength, (r, n) => Gen.PlainText(r, n, corpus.TimeWords)));

    public override void Execute(FuzzInput input)
    {
        var doc = new Document(((TextInput)input).Text);
        new Segmenter().Process(doc);
        Oracles.Segmented(doc);
    }

    public override FuzzInput WarmUp => new TextInput("Mr. Smith said it rained. Then it stopped.");
}

/// <summary>The time grammar (component "timex") on a segmented document with a publication date, the calendar's ends included.</summary>
/// <remarks>Oracles: no exception; timexes inside the text, in order, disjoint, each with a value and provenance.</remarks>
public sealed class TimexTarget : Target
{
    public override string Name => "timex";
    public override int Weight => 4;

    /// <summary>Publication dates at the ends of the calendar and around leap days.</summary>
    public static readonly string[] EdgeDates =
        ["0001-01-01", "0001-01-07", "0001-03-01", "0001-12-31", "0002-01-01", "9998-12-31", "9999-01-01", "9999-06-15", "9999-12-25", "9999-12-31", "2024-02-29", "2000-02-29", "1900-03-01"];

    public override FuzzInput Generate(Rng rng, Corpus corpus, int maxLength)
    {
        var text = Targets.Text(rng, corpus, maxLength, (r, n) => r.Chance(0.75) ? Gen.TimeText(r, n, corpus.TimeWords) : Gen.PlainText(r, n, corpus.TimeWords), fromCorpus: 0.15);
        string? published = rng.Below(20) switch
        {
            < 3 => null,
            < 10 => rng.Pick(EdgeDates),
            < 14 => new DateOnly(1, 1, 1).AddDays(rng.Below(DateOnly.MaxValue.DayNumber + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => new DateOnly(1990, 1, 1).AddDays(rng.Below(365 * 40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var t = new TextInput(text);
        return published is null ? t : t.With("published", published);
    }

    public override void Execute(FuzzInput input)
    {
        var t = (TextInput)input;
        var doc = new Document(t.Text);
        if (t.Field("published") is { } p) doc.Published = DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        new Segmenter().Process(doc);
        Oracles.Segmented(doc);
        new TimexTagger().Process(doc);
        Oracles.Timexes(doc);
    }

    public override FuzzInput WarmUp => new TextInput("It rained last Monday, 3 weeks ago.").With("published", "2025-02-12");
}

/// <summary>The CSV reader (<see cref="Csv.Read"/>).</summary>
/// <remarks>Oracles: no exception; each row has fields or a well-formed coded error; line numbers start at 1 and never go back.</remarks>
public sealed class CsvTarget : Target
{
    public override string Name => "csv";

    public override FuzzInput Generate(Rng rng, Corpus corpus, int maxLength) =>
        new TextInput(Targets.Text(rng, corpus, maxLength, Gen.Csv, fromCorpus: 0.2));

    public override void Execute(FuzzInput input)
    {
        int line = 1;
        foreach (var row in Csv.Read(new StringReader(((TextInput)input).Text)))
        {
            if ((row.Fields is null) == (row.Error is null)) throw new FuzzFailure("csv row with both or neither", $"line {row.Line}");
            if (row.Error is { } e) Oracles.Error(e);
            if (row.Line < line) throw new FuzzFailure("csv line numbers go back", $"{row.Line} after {line}");
            line = row.Line;
        }
    }

    public override FuzzInput WarmUp => new TextInput("a,b\n\"c,d\",e\n");
}
