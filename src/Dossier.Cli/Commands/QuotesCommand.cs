using System.CommandLine;
using Dossier.Cli.Formatting;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier quotes SPEAKER [--offset N] [--limit N]</c>: what an actor said, newest first, a page at a time.</summary>
internal static class QuotesCommand
{
    public static Command Create(CliContext ctx)
    {
        var speaker = new Argument<string>("speaker") { Description = "The speaker: a name, an alias or an id (A12)" };
        var offset = new Option<int>("--offset") { Description = "Skip this many quotes (paging)", DefaultValueFactory = _ => 0, HelpName = "N" };
        var limit = new Option<int>("--limit") { Description = "Most quotes to show", DefaultValueFactory = _ => 20, HelpName = "N" };
        var cmd = new Command("quotes", "The quotes attributed to an actor, newest first") { speaker, offset, limit };
        cmd.SetAction(p =>
        {
            if (p.GetValue(limit) <= 0) throw new DossierException(Errors.BadOption("--limit", "must be at least 1"));
            if (p.GetValue(offset) < 0) throw new DossierException(Errors.BadOption("--offset", "must be 0 or more"));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var list = store.ActorQuotes(p.GetValue(speaker)!, p.GetValue(offset), p.GetValue(limit));
            if (list.Count == 0) { ctx.Out.WriteLine("no quotes"); return ExitCodes.Ok; }
            foreach (var q in list)
            {
                ctx.Out.WriteLine($"“{Fmt.Excerpt(q.Text, 300)}”");
                ctx.Out.WriteLine($"    {q.Kind}{(q.Cue is null ? "" : $", “{q.Cue}”")} — {q.Article.Published?[..Math.Min(10, q.Article.Published.Length)] ?? "undated"} {q.Article.DisplayName}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
