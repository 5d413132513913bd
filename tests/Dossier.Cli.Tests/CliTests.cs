using System.Text.Json;
using Dossier.Cli;
using Dossier.Contract;

namespace Dossier.Tests;

/// <summary>Runs commands in-process with captured standard output and error.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-cli-").FullName;
    private string Db => Path.Combine(_dir, "t.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private sealed record Run(int Code, string Out, string Err);

    private static Run Dossier(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return new Run(code, o.ToString(), e.ToString());
    }

    private string Inputs()
    {
        var d = Path.Combine(_dir, "in");
        Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(d, "1-good.txt"), "The mayor of Leeds opened a new library on Monday. Readers queued for hours.");
        File.WriteAllText(Path.Combine(d, "2-empty.txt"), "");
        File.WriteAllText(Path.Combine(d, "3-good.txt"), "Floods closed the railway between York and Leeds after heavy rain.");
        return d;
    }

    [Fact]
    public void IngestWithBadItemsExitsNonZeroReportsEachAndStoresTheGoodOnes()
    {
        var r = Dossier("ingest", Inputs(), Path.Combine(_dir, "nope.txt"), "--db", Db);
        Assert.Equal(ExitCodes.Failed, r.Code);
        var errLines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errLines, l => l.EndsWith("2-empty.txt: empty input: no text to extract (DSR101)"));
        Assert.Contains(errLines, l => l.EndsWith("nope.txt: no such file or folder (DSR110)"));
        Assert.Matches(@"^ingest: 2 articles stored, 0 duplicates, 2 failed of 4 items; .* words/s", r.Out.Trim());

        var again = Dossier("ingest", Path.Combine(Inputs(), "1-good.txt"), "--db", Db);
        Assert.Equal(ExitCodes.Ok, again.Code);
        Assert.StartsWith("ingest: 0 articles stored, 1 duplicates, 0 failed", again.Out);

        var search = Dossier("search", "library", "--db", Db);
        Assert.Equal(ExitCodes.Ok, search.Code);
        Assert.Contains("[library]", search.Out);
        Assert.Contains("1-good.txt", search.Out);
        Assert.Equal("no matches\n", Dossier("search", "zebra", "--db", Db).Out.Replace("\r", ""));
    }

    [Fact]
    public void ExtractPrintsOneContractObjectPerArticle()
    {
        var r = Dossier("extract", Inputs(), "--published", "2025-02-12");
        Assert.Equal(ExitCodes.Failed, r.Code); // the empty file
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var recs = lines.Select(l => JsonSerializer.Deserialize(l, ContractJson.Default.ArticleRecord)!).ToList();
        Assert.All(recs, x => Assert.Equal("2025-02-12", x.Published));
        Assert.StartsWith("The mayor of Leeds", recs[0].Text);
        Assert.True(recs[0].Sentences.Count >= 2);
        Assert.False(File.Exists(Path.Combine(_dir, "dossier.db")));
    }

    [Fact]
    public void ExtractPrettyShowsEachLayer()
    {
        var r = Dossier("extract", Path.Combine(Inputs(), "1-good.txt"), "--format", "pretty");
        Assert.Equal(ExitCodes.Ok, r.Code);
        foreach (var section in new[] { "-- actors", "-- entities", "-- time", "-- quotes", "-- claims", "-- events" })
            Assert.Contains(section, r.Out);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["ingest"], "DSR410" },
        { ["extract"], "DSR410" },
        { ["extract", "x.txt", "--published", "12/02/2025"], "DSR111" },
        { ["extract", "x.txt", "--input", "pdf"], "DSR413" },
        { ["ingest", "x.txt", "--max-bytes", "0"], "DSR402" },
        { ["frobnicate"], "DSR413" },
        { ["actors", "--top", "-1"], "DSR402" },
        { ["timeline", "--from", "last week"], "DSR402" },
        { ["extract", "x.txt", "--pipeline", "segment+nope"], "DSR201" },
        { ["export", "--format", "xml"], "DSR413" },
    };

    [Theory, MemberData(nameof(UsageErrors))]
    public void UsageErrorsExitWithTwoAndACode(string[] args, string code)
    {
        var r = Dossier([.. args, "--db", Db]);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains($"({code})", r.Err);
    }

    [Theory]
    [InlineData("search", "x")]
    [InlineData("actors")]
    [InlineData("actor", "x")]
    [InlineData("timeline")]
    [InlineData("export")]
    public void ReadCommandsNeedADatabase(params string[] args)
    {
        var r = Dossier([.. args, "--db", Db]);
        Assert.Equal(ExitCodes.Failed, r.Code);
        Assert.Contains("(DSR311)", r.Err);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void ExportWritesTheContractToAFileAndCsvToStdout()
    {
        Dossier("ingest", Path.Combine(Inputs(), "1-good.txt"), Path.Combine(Inputs(), "3-good.txt"), "--db", Db);
        var file = Path.Combine(_dir, "out.jsonl");
        var r = Dossier("export", "--format", "jsonl", "--out", file, "--db", Db);
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains("2 articles written", r.Err);
        var recs = File.ReadAllLines(file).Select(l => JsonSerializer.Deserialize(l, ContractJson.Default.ArticleRecord)!).ToList();
        Assert.Equal(2, recs.Count);

        // The export is the same shape extract prints, for the same input.
        var extracted = JsonSerializer.Deserialize(Dossier("extract", Path.Combine(Inputs(), "1-good.txt")).Out.Trim(), ContractJson.Default.ArticleRecord)!;
        Assert.Equal((extracted.Id, extracted.Text, extracted.Sentences.Count, extracted.Entities.Count), (recs[0].Id, recs[0].Text, recs[0].Sentences.Count, recs[0].Entities.Count));

        var csv = Dossier("export", "--format", "csv", "--db", Db);
        Assert.Equal(ExitCodes.Ok, csv.Code);
        Assert.StartsWith("article_id,article_external_id,", csv.Out);
    }

    [Fact]
    public void UnknownActorIsReportedWithACode()
    {
        Dossier("ingest", Path.Combine(Inputs(), "1-good.txt"), "--db", Db);
        var r = Dossier("actor", "Nobody Atall", "--db", Db);
        Assert.Equal(ExitCodes.Failed, r.Code);
        Assert.Contains("no actor named 'Nobody Atall' (DSR401)", r.Err);
    }

    [Fact]
    public void DemoIngestsSamplesAndSummarises()
    {
        var r = Dossier("demo", "--db", Db);
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Matches(@"ingest: [1-9][0-9,]* articles stored", r.Out);
        Assert.Contains("store: ", r.Out);
        var again = Dossier("demo", "--db", Db);
        Assert.Matches(@"ingest: 0 articles stored, [1-9][0-9,]* duplicates", again.Out);
    }

    [Fact]
    public void MaxBytesRefusesLargerInputsAndKeepsTheRest()
    {
        var d = Inputs();
        File.WriteAllText(Path.Combine(d, "4-big.txt"), string.Concat(Enumerable.Repeat("The committee met again today. ", 40)));
        var r = Dossier("ingest", d, "--max-bytes", "200", "--db", Db);
        Assert.Equal(ExitCodes.Failed, r.Code);
        Assert.Contains("4-big.txt: too large", r.Err);
        Assert.Contains("(DSR104)", r.Err);
        Assert.StartsWith("ingest: 2 articles stored, 0 duplicates, 2 failed", r.Out);
    }

    [Fact]
    public void IngestNamesTheArticlesItCouldNotDate()
    {
        var d = Directory.CreateTempSubdirectory("dossier-undated-").FullName;
        File.WriteAllText(Path.Combine(d, "a-dated.txt"), "date 2025-02-12 The harbour reopened on Friday after a week of storms.");
        File.WriteAllText(Path.Combine(d, "b-undated.txt"), "The ferry company said on Friday that sailings would resume next week.");
        File.WriteAllText(Path.Combine(d, "c-page.html"), """
            <html><head><meta property="article:published_time" content="2016-02-01T18:30:00-05:00"></head>
            <body><article><h1>Quay</h1><p>The harbour authority said on Tuesday it would close the northern quay for repairs after storms damaged two cranes.</p></article></body></html>
            """);
        var r = Dossier("ingest", d, "--db", Db);
        Assert.Equal(ExitCodes.Ok, r.Code);
        var line = Assert.Single(r.Out.Split('\n'), l => l.StartsWith("undated:"));
        Assert.StartsWith("undated: 1 article stored with no publication date", line);
        Assert.Contains("b-undated.txt", line);
        Assert.DoesNotContain("a-dated.txt", line);
        Assert.DoesNotContain("c-page.html", line);
        // The page's date came from its markup, in its own zone, and the output says so.
        var x = Dossier("extract", Path.Combine(d, "c-page.html"));
        Assert.Contains("\"published\":\"2016-02-01T18:30:00-05:00\",\"publishedFrom\":\"meta\"", x.Out);
        Assert.Contains("\"publishedFrom\":\"none\"", Dossier("extract", Path.Combine(d, "b-undated.txt")).Out);
    }

    [Fact]
    public void IngestReadsStandardInputInARealProcess()
    {
        // The built tool, as a user runs it: stdin, exit code and stderr of a real process.
        var dll = Path.Combine(AppContext.BaseDirectory, "dossier.dll");
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, "ingest", "-", "--db", Db])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.StandardInput.Write("The harbour reopened on Friday after a week of storms.");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "dossier did not finish");
        Assert.True(p.ExitCode == 0, stderr.Result);
        Assert.StartsWith("ingest: 1 articles stored", stdout.Result);
        Assert.Contains("[harbour]", Dossier("search", "harbour", "--db", Db).Out);
    }

    [Fact]
    public void HelpListsEveryCommand()
    {
        var r = Dossier("--help");
        Assert.Equal(ExitCodes.Ok, r.Code);
        foreach (var c in new[] { "demo", "ingest", "extract", "search", "actors", "actor", "timeline", "export", "--db" })
            Assert.Contains(c, r.Out);
    }
}
