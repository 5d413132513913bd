using System.Text.Json;
using Dossier.Cluster.Wire;
using Dossier.Contract;
using Dossier.Text;

namespace Dossier.Cluster.Tests;

/// <summary>What travels between client and silos comes back as it left.</summary>
public sealed class WireCodecTests
{
    public static TheoryData<string> Texts => new()
    {
        "President Emmanuel Macron met Olaf Scholz in Berlin on Tuesday. \"We agreed on everything,\" Macron said.",
        "The company said on 3 March 2024 that profits rose 5% to $1.2bn. Analysts at Goldman Sachs doubted it.",
        "Rebels attacked the town of Idlib. The army denied the reports, according to state media.",
    };

    [Theory, MemberData(nameof(Texts))]
    public void Document_round_trips_with_every_layer(string text)
    {
        var doc = Extractor.Default.ExtractText(text, new DateOnly(2024, 12, 8));
        doc.Id = "x1"; doc.Title = "T"; doc.Url = "https://example.org/a"; doc.PublishedAt = new DateTimeOffset(2024, 12, 8, 10, 0, 0, TimeSpan.FromHours(2));
        doc.Warnings.Add(new DossierError("DSR111", "a warning"));
        var back = WireCodec.DecodeDocument(WireCodec.Encode(doc));
        Assert.Equal(Json(doc), Json(back));
        Assert.Equal(doc.Tokens, back.Tokens);
        Assert.Equal(doc.Sentences, back.Sentences);
        Assert.Equal(doc.Warnings, back.Warnings);
        Assert.Equal(doc.RawMap.CleanAnchors.ToArray(), back.RawMap.CleanAnchors.ToArray());
        Assert.Equal(doc.PublishedFrom, back.PublishedFrom);
    }

    [Fact]
    public void Raw_article_round_trips()
    {
        var raw = new RawArticle
        {
            Source = "a.jsonl", Line = 7, Id = "id", Title = "t", Published = "2024-01-02", PublishedIsFallback = true, Url = "u", Byline = "b",
            Body = "<p>Hi</p>", Format = InputFormat.Html, Warnings = [new DossierError("DSR103", "guessed")],
        };
        var back = WireCodec.DecodeRaw(WireCodec.Encode(raw));
        Assert.Equal(raw with { Warnings = [] }, back with { Warnings = [] });
        Assert.Equal(raw.Warnings, back.Warnings);
    }

    [Fact]
    public void Foreign_bytes_are_a_coded_error()
    {
        var e = Assert.Throws<DossierException>(() => WireCodec.DecodeDocument([99, 1, 2]));
        Assert.Equal("DSR608", e.Error.Code);
        var cut = WireCodec.Encode(Extractor.Default.ExtractText("Short text about Paris."));
        e = Assert.Throws<DossierException>(() => WireCodec.DecodeDocument(cut[..(cut.Length / 2)]));
        Assert.Equal("DSR608", e.Error.Code);
    }

    private static string Json(Documents.Document d) =>
        JsonSerializer.Serialize(ContractMapper.ToRecord(d, "p", withSyntax: true), ContractJson.Default.ArticleRecord);
}
