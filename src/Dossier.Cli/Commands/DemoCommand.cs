using System.CommandLine;
using System.Reflection;
using Dossier.Store;
using Dossier.Store.Ingest;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier demo</c>: ingests the project's sample articles into the database and shows what came out.</summary>
internal static class DemoCommand
{
    // A folder under the working directory as the user would type it ("data/samples"), any other as it is.
    private static string Shown(string folder)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative;
    }

    public static Command Create(CliContext ctx)
    {
        var samples = new Option<string?>("--samples") { Description = "Folder of sample articles (default: the repository's data/samples)", HelpName = "DIR" };
        var cmd = new Command("demo", "Ingest the sample articles and print a summary") { samples };
        cmd.SetAction(p =>
        {
            var folder = p.GetValue(samples) ?? FindSamples();
            if (p.GetValue(samples) is { } given && !Directory.Exists(given)) throw new DossierException(Errors.NoSamples(given));
            var db = p.GetValue(CommonOptions.Db)!;
            using var store = Stores.Open(db);
            IEnumerable<InputItem> items = folder is not null
                ? ArticleReader.Read([folder], new ReadOptions())
                : BuiltIn();
            ctx.Out.WriteLine(folder is not null ? $"demo: ingesting {Shown(folder)} into {db}" : $"demo: ingesting the built-in sample articles into {db}");
            var summary = IngestCommand.Run(ctx, store, items, new IngestOptions());
            ctx.Out.WriteLine("ingest: " + summary);
            var stats = store.Stats();
            ctx.Out.WriteLine($"store: {stats.Articles:N0} articles, {stats.Actors:N0} actors, {stats.Quotes:N0} quotes, {stats.Claims:N0} claims, {stats.Events:N0} events ({store.HappeningCounts().Happenings:N0} happenings)");
            ctx.Out.WriteLine();
            var top = store.TopActors(10);
            if (top.Count > 0)
            {
                ctx.Out.WriteLine("most mentioned actors:");
                Formatting.Fmt.Table(ctx.Out, ["", "actor", "type", "mentions"], top.Select(a => new[] { "", a.Name, a.Type, a.Mentions.ToString("N0") }));
                ctx.Out.WriteLine();
            }
            var events = store.Timeline(new Store.TimelineFilter { Limit = 10, Happenings = true });
            if (events.Count > 0)
            {
                ctx.Out.WriteLine("first dated events:");
                foreach (var e in events)
                    ctx.Out.WriteLine($"  {e.Date,-10} {Or(e.Sources)} → {Or(e.Targets)}  {e.Cameo} {e.Plover}{(e.Negated ? " NOT" : "")}  “{e.Trigger}”{Formatting.Fmt.Reports(e)}");
                ctx.Out.WriteLine();
            }
            var who = top.FirstOrDefault()?.Name;
            ctx.Out.WriteLine("next: ./dossier actors --top 20 | ./dossier actor \"" + (who ?? "NAME") + "\" | ./dossier search \"QUERY\" | ./dossier timeline | ./dossier export --format jsonl");
            return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Or(string names) => names.Length == 0 ? "?" : names;

    /// <summary>data/samples of the repository this build came from (or of the current folder), if it holds any file.</summary>
    private static string? FindSamples()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) continue;
                var s = Path.Combine(dir.FullName, "data", "samples");
                if (Directory.Exists(s) && Directory.EnumerateFiles(s, "*", SearchOption.AllDirectories).Any(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
                    return s;
                break;
            }
        }
        return null;
    }

    // Two short invented articles shipped inside the tool, used until the repository's data/samples exists.
    private static IEnumerable<InputItem> BuiltIn()
    {
        var asm = Assembly.GetExecutingAssembly();
        string[] dates = ["2025-03-10", "2025-04-12"];
        int i = 0;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("Dossier.Cli.Demo.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var r = new StreamReader(s);
            var text = r.ReadToEnd();
            int nl = text.IndexOf('\n');
            yield return InputItem.Ok(new RawArticle
            {
                Source = "demo:" + name["Dossier.Cli.Demo.".Length..], Title = text[..nl].Trim(), Body = text[(nl + 1)..],
                Published = dates[i++ % dates.Length],
            });
        }
    }
}
