using System.CommandLine;
using Dossier.Cli.Formatting;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier actors [--top N]</c>: the most mentioned canonical actors.</summary>
internal static class ActorsCommand
{
    public static Command Create(CliContext ctx)
    {
        var top = new Option<int>("--top") { Description = "How many actors", DefaultValueFactory = _ => 20, HelpName = "N" };
        var type = new Option<string?>("--type") { Description = "Only actors of this type (PERSON, ORG, GPE …)" };
        var search = new Option<string?>("--search") { Description = "Only actors whose name or an alias contains this", HelpName = "TEXT" };
        var offset = new Option<int>("--offset") { Description = "Skip this many (paging)", DefaultValueFactory = _ => 0, HelpName = "N" };
        var cmd = new Command("actors", "The actors most mentioned, with types and alias counts") { top, type, search, offset };
        cmd.SetAction(p =>
        {
            if (p.GetValue(top) <= 0) throw new DossierException(Errors.BadOption("--top", "must be at least 1"));
            if (p.GetValue(offset) < 0) throw new DossierException(Errors.BadOption("--offset", "must be 0 or more"));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var list = store.TopActors(p.GetValue(top), p.GetValue(type), p.GetValue(offset), p.GetValue(search));
            if (list.Count == 0) { ctx.Out.WriteLine("no actors stored"); return ExitCodes.Ok; }
            Fmt.Table(ctx.Out, ["#", "actor", "type", "mentions", "articles", "aliases", "id"],
                list.Select((a, i) => new[]
                {
                    (p.GetValue(offset) + i + 1).ToString(), a.Name, a.Type, a.Mentions.ToString("N0"), a.Articles.ToString("N0"), a.Aliases.ToString(),
                    StoreIds.CanonicalId(a.Id),
                }));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
