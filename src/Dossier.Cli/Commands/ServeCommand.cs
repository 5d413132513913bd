using System.CommandLine;
using Dossier.Web;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve [--urls URL]</c>: the HTTP API over the store, until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext ctx)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => WebApp.DefaultUrls, HelpName = "URL" };
        var cmd = new Command("serve", "Serve the HTTP API (JSON, OpenAPI at /openapi/v1.json) over the database") { urls };
        cmd.SetAction(p =>
        {
            var app = WebApp.Create(new WebOptions(p.GetValue(CommonOptions.Db)!, p.GetValue(urls)!));
            ctx.Out.WriteLine($"dossier: serving {p.GetValue(CommonOptions.Db)} on {p.GetValue(urls)} (OpenAPI: /openapi/v1.json); Ctrl+C stops");
            app.Run();
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
