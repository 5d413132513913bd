using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Documents;
using Dossier.Extraction.Time;
using Dossier.Testing;

namespace Dossier.Tests.Time;

/// <summary>The seed article's "must" timexes (expected.json), with only segmentation and the timex tagger run.</summary>
public sealed partial class TimexSeedTests
{
    [GeneratedRegex(@"^\s*date (\d{4}-\d{2}-\d{2})\s+")]
    private static partial Regex Header();

    [SharedDataFact("seed", "expected.json")]
    public void SeedMustTimexesHold()
    {
        var raw = File.ReadAllText(SharedData.File("seed", "000_e9286ede1a1a4dfa.txt")!);
        // The "date …" header is metadata (the ingest stage reads it); here it is cut off by hand.
        var m = Header().Match(raw);
        Assert.True(m.Success);
        var doc = DocBuilder.Segmented(raw[m.Length..], m.Groups[1].Value);
        new TimexTagger().Process(doc);
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedData.File("seed", "expected.json")!));
        foreach (var t in expected.RootElement.GetProperty("must").GetProperty("timexes").EnumerateArray())
        {
            var text = t.GetProperty("text").GetString()!;
            var type = Enum.Parse<TimexType>(t.GetProperty("type").GetString()!);
            var values = t.GetProperty("value_in").EnumerateArray().Select(v => v.GetString()).ToHashSet();
            Assert.True(doc.Timexes.Any(x => doc.Slice(x.Start, x.End).Contains(text) && x.Type == type && values.Contains(x.Value)),
                $"no {type} timex containing '{text}' with a value in [{string.Join(", ", values)}]; found: "
                + string.Join(" | ", doc.Timexes.Select(x => $"[{doc.Slice(x.Start, x.End)}] {x.Type} {x.Value}")));
        }
    }
}
