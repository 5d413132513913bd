using System.CommandLine;
using Dossier.Web;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve [--urls URL]</c>: the HTTP API over the store, until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext ctx)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => WebApp.DefaultUrls, HelpName = "URL" };
        var token = new Option<string?>("--token") { Description = $"The bearer token writes (POST /api/ingest) need; or the {WebOptions.TokenVariable} environment variable. Without one, writes are refused", HelpName = "TOKEN" };
        var cmd = new Command("serve", "Serve the HTTP API (JSON, OpenAPI at /openapi/v1.json) over the database") { urls, token };
        cmd.SetAction(p =>
        {
            var secret = p.GetValue(token) ?? Environment.GetEnvironmentVariable(WebOptions.TokenVariable);
            var app = WebApp.Create(new WebOptions(p.GetValue(CommonOptions.Db)!, p.GetValue(urls)!, string.IsNullOrEmpty(secret) ? null : secret));
            ctx.Out.WriteLine($"dossier: serving {p.GetValue(CommonOptions.Db)} on {p.GetValue(urls)} (OpenAPI: /openapi/v1.json; writes {(string.IsNullOrEmpty(secret) ? "off" : "on, with the token")}); Ctrl+C stops");
            app.Run();
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
