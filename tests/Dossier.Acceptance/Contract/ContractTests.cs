using Dossier.Contract;
using Dossier.Testing;
using Dossier.Text;
using Xunit.Abstractions;

namespace Dossier.Acceptance.Contract;

/// <summary>Every output of the default pipeline validates against docs/schema/article.schema.json and keeps the span invariants.</summary>
public sealed class ContractTests(ITestOutputHelper output)
{
    /// <summary>Varied inputs written for this test: plain news, quotes and claims, money, non-BMP characters, CRLF, an embed, HTML, tiny.</summary>
    private static readonly Dictionary<string, RawArticle> Inputs = new()
    {
        ["plain news"] = Txt("""
            Chilean Foreign Minister Marta Olivares met her Argentine counterpart in Santiago on Tuesday, the first such meeting
            since the border dispute flared last spring. The two ministers agreed to reopen the Los Libertadores crossing by March 3.
            The Organization of American States (OAS) welcomed the talks. Its Secretary General said the region "cannot afford
            another year of closed borders." Officials said a follow-up meeting is planned for next month in Buenos Aires.
            """, "2025-01-16"),
        ["quotes and claims"] = Txt("""
            "We will not negotiate under threat," Interior Minister Tomas Reyes told reporters on Monday.
            According to a government statement, the ministry has deployed 400 additional officers to the northern provinces.
            There have been unverified reports that armed groups crossed the river overnight. Sources say the army is preparing
            a wider operation, but the defence ministry declined to comment. It is likely that talks will resume within weeks.
            Reyes added that the government had "no intention" of declaring a state of emergency.
            """, "2024-11-04"),
        ["money and sanctions"] = Txt("""
            The European Union on Friday imposed sanctions on three shipping companies accused of moving oil for Iran,
            freezing assets worth an estimated €45 million. The United States Treasury said it had frozen a further $12.5 million
            and offered a reward of up to $5 million for information. Tehran condemned the measures as "economic warfare".
            The sanctions do not target humanitarian trade, a spokesperson for the European Commission said.
            """, "2025-03-07"),
        ["non-BMP characters and diacritics"] = Txt("""
            🚨🇫🇷 Breaking: Président Émile Després of the Conseil régional said on 4 February 2025 that Zürich and Kraków will host
            the 𝔰𝔲𝔪𝔪𝔦𝔱 next year. “C’est une étape importante,” Després said. Officials in Łódź welcomed the decision 👏.
            """, "2025-02-05"),
        ["CRLF and odd spacing"] = Txt("UN Secretary-General António Guterres\r\ncalled on Monday for a ceasefire in Sudan.\r\n\r\n\r\n\t\"The fighting must stop now,\"  he said.\r\n\r\nThe African Union (AU) backed the call two days later.\r\n", "2024-06-10"),
        ["social embed"] = Txt("""
            The ministry denied the reports on Sunday.

            Convoy seen crossing the bridge at dawn



            This is not an exercise. pic.twitter.com/AbCdEf1234 — Field Reporter (@field_reporter_x) March 2, 2025

            Officials in Kyiv said the convoy was carrying humanitarian aid, not troops.
            """, "2025-03-03"),
        ["html page"] = new RawArticle
        {
            Source = "test.html", Format = InputFormat.Html, Published = "2025-04-22",
            Body = """
                <!doctype html><html><head><title>Ministers meet in Nairobi | Example News</title></head>
                <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
                <article><h1>Ministers meet in Nairobi</h1><p class="byline">By Staff Reporter</p>
                <p>Kenyan President William Ruto hosted regional leaders in Nairobi on Monday to discuss the crisis in eastern Congo.</p>
                <p>&ldquo;Dialogue is the only way forward,&rdquo; Ruto said. The leaders will meet again in Kigali on May 15.</p></article>
                <footer>&copy; 2025 Example News. Subscribe to our newsletter.</footer></body></html>
                """,
        },
        ["tiny"] = Txt("Rain.", null),
        ["no date, relative times"] = Txt("Yesterday the Brazilian government announced a three-year plan. Last week it said the plan would cost R$2 billion.", null),
    };

    private static RawArticle Txt(string body, string? published) => new() { Source = "test.txt", Body = body, Published = published };

    /// <summary>Case names of <see cref="Inputs"/>.</summary>
    public static TheoryData<string> InputNames() => new(Inputs.Keys);

    [Theory]
    [MemberData(nameof(InputNames))]
    public void OutputOfVariedTextsIsValid(string name)
    {
        var result = Extractor.Default.Extract(Inputs[name]);
        Assert.True(result.Document != null, $"{name}: extraction failed: {result.Error}");
        var record = ContractMapper.ToRecord(result.Document!, Extractor.Default.Pipeline.Config);
        var problems = ContractValidator.Problems(record);
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{name}: {problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
    }

    /// <summary>The sample files under data/samples (every format the readers accept).</summary>
    public static TheoryData<string> SampleFiles()
    {
        var dir = Path.Combine(SharedData.RepoRoot, "data", "samples");
        var files = Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];
        return files.Count > 0 ? new(files) : new(["(no samples)"]);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void OutputOfSampleArticlesIsValid(string file)
    {
        var path = Path.Combine(SharedData.RepoRoot, "data", "samples", file);
        Assert.True(File.Exists(path), $"data/samples/{file} is missing");
        var items = ArticleReader.ReadFile(path, new ReadOptions()).ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.True(item.Error is null, $"{file}: {item.Error}");
            var result = Extractor.Default.Extract(item.Article!);
            Assert.True(result.Document != null, $"{item.Article!.Where}: extraction failed: {result.Error}");
            var record = ContractMapper.ToRecord(result.Document!, Extractor.Default.Pipeline.Config);
            var problems = ContractValidator.Problems(record);
            output.WriteLine($"{item.Article!.Where}: {record.Entities.Count} entities, {record.Actors.Count} actors, {record.Timexes.Count} timexes, "
                + $"{record.Quotes.Count} quotes, {record.Claims.Count} claims, {record.Events.Count} events, {problems.Count} problems");
            Assert.True(problems.Count == 0, $"{item.Article!.Where}: {problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
        }
    }
}
