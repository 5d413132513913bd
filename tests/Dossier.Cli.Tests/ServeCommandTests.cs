using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dossier.Tests;

/// <summary><c>dossier serve</c> as a user runs it: a real process on a loopback port.</summary>
public sealed partial class ServeCommandTests() : CliTestBase("dossier-serve-")
{
    [GeneratedRegex(@"on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Address();

    [Fact]
    public async Task ServesThePageAndTheApiAndNeverPrintsTheToken()
    {
        var db = Path.Combine(Dir, "s.db");
        var f = Path.Combine(Dir, "a.txt");
        File.WriteAllText(f, "date 2025-03-01\nRussia signed a trade agreement with Syria on Tuesday.\n");
        Assert.Equal(0, Dossier("ingest", f, "--db", db).Code);
        const string secret = "tok-3b9f-never-in-logs";
        var dll = Path.Combine(AppContext.BaseDirectory, "dossier.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "serve", "--db", db, "--urls", "http://127.0.0.1:0", "--token", secret])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        try
        {
            // The first line names the database and the address; with port 0 Kestrel picks one, which the line reports.
            var first = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? "";
            output.AppendLine(first);
            output.AppendLine(await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            var m = Address().Match(first);
            Assert.True(m.Success, first);
            using var http = new HttpClient { BaseAddress = new Uri(m.Groups[1].Value) };
            HttpResponseMessage? page = null;
            for (int i = 0; i < 100 && page is null; i++)
            {
                try { page = await http.GetAsync("/"); } catch (HttpRequestException) { await Task.Delay(100); }
            }
            Assert.NotNull(page);
            Assert.Contains("/assets/app.js", await page.Content.ReadAsStringAsync());
            Assert.Contains("Russia", await http.GetStringAsync("/api/actors"));
            var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/actors/merge") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret + "x");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        output.Append(await p.StandardOutput.ReadToEndAsync()).Append(await p.StandardError.ReadToEndAsync());
        Assert.Contains("writes on, with the token", output.ToString());
        Assert.DoesNotContain(secret, output.ToString());
    }
}
