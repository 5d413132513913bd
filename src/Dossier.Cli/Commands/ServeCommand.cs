using System.CommandLine;
using Dossier.Web;
using Microsoft.Extensions.Hosting;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve [--urls URL] [--host NAME]... [--token T] [--public] [--read-rate N] [--write-rate N] [--max-body BYTES]</c>:
/// the reading room and the HTTP API over the store, until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext ctx)
    {
        var defaults = new WebOptions("");
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback by default)", DefaultValueFactory = _ => WebApp.DefaultUrls, HelpName = "URL" };
        var token = new Option<string?>("--token") { Description = $"The bearer token writes (ingest, merge, split) need; or the {WebOptions.TokenVariable} environment variable. Without one, writes are refused", HelpName = "TOKEN" };
        var open = new Option<bool>("--public") { Description = "Let clients other than loopback read without the token (they need it otherwise)" };
        var readRate = new Option<int>("--read-rate") { Description = $"Read requests per minute per client address (policy '{WebApp.ReadPolicy}'; 0 = no limit)", DefaultValueFactory = _ => defaults.ReadsPerMinute, HelpName = "N" };
        var writeRate = new Option<int>("--write-rate") { Description = $"Write requests per minute per client address (policy '{WebApp.WritePolicy}'; 0 = no limit)", DefaultValueFactory = _ => defaults.WritesPerMinute, HelpName = "N" };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body accepted, in bytes (ingest); larger ones answer 413", DefaultValueFactory = _ => WebLimits.MaxRequestBodyBytes, HelpName = "BYTES" };
        var hosts = new Option<string[]>("--host")
        {
            Description = $"A host name clients may use besides localhost, 127.0.0.1, [::1] and the --urls hosts (repeat it or separate names with commas; *.example.org for subdomains, * for any; or {WebOptions.HostsVariable}). Other names are refused (DNS rebinding)",
            HelpName = "NAME", AllowMultipleArgumentsPerToken = false,
        };
        var cmd = new Command("serve", "Serve the reading room (web UI) and the HTTP API (JSON, OpenAPI at /openapi/v1.json) over the database")
            { urls, hosts, token, open, readRate, writeRate, maxBody };
        cmd.SetAction(p =>
        {
            if (p.GetValue(readRate) < 0) throw new DossierException(Errors.BadOption("--read-rate", "must be 0 or more"));
            if (p.GetValue(writeRate) < 0) throw new DossierException(Errors.BadOption("--write-rate", "must be 0 or more"));
            if (p.GetValue(maxBody) < 1) throw new DossierException(Errors.BadOption("--max-body", "must be at least 1 byte"));
            var secret = p.GetValue(token) ?? Environment.GetEnvironmentVariable(WebOptions.TokenVariable);
            var names = (p.GetValue(hosts) ?? []).Append(Environment.GetEnvironmentVariable(WebOptions.HostsVariable) ?? "")
                .SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            foreach (var name in names)
                if (name.Contains('/') || name.Contains(' ') || (name.Contains(':') && !name.StartsWith('[')))
                    throw new DossierException(Errors.BadOption("--host", $"'{name}' is not a host name (give 'news.example.org', without scheme, port or path)"));
            var options = new WebOptions(p.GetValue(CommonOptions.Db)!, p.GetValue(urls)!, string.IsNullOrEmpty(secret) ? null : secret)
            {
                PublicReads = p.GetValue(open), ReadsPerMinute = p.GetValue(readRate), WritesPerMinute = p.GetValue(writeRate),
                MaxRequestBytes = p.GetValue(maxBody), Hosts = names,
            };
            var app = WebApp.Create(options);
            app.Start();
            // The addresses as bound (a port of 0 becomes the one the system chose). The token itself is never printed or logged.
            ctx.Out.WriteLine($"dossier: serving {Dossier.Store.StoreLocation.Show(options.Database)} on {string.Join(", ", app.Urls)} — open it in a browser; API at /api, OpenAPI at /openapi/v1.json");
            ctx.Out.WriteLine($"  writes {(options.Token is null ? "off" : "on, with the token")}; reads {(options.PublicReads ? "open to every address" : "open on loopback, token elsewhere")}; " +
                              $"limits per client and minute: reads {Rate(options.ReadsPerMinute)}, writes {Rate(options.WritesPerMinute)}. Ctrl+C stops");
            ctx.Out.WriteLine($"  answers to the host names {string.Join(", ", WebApp.AllowedHosts(options))} (--host adds one)");
            ctx.Out.Flush();
            app.WaitForShutdown();
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Rate(int n) => n == 0 ? "none" : n.ToString("N0");
}
