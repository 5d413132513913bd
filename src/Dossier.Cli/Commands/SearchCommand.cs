using System.CommandLine;
using Dossier.Cli.Formatting;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier search "QUERY"</c>: full-text search over stored articles, with snippets.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext ctx)
    {
        var query = new Argument<string>("query") { Description = "Words to find (\"a phrase\", prefix*, OR, NOT)" };
        var limit = new Option<int>("--limit") { Description = "Most results to show", DefaultValueFactory = _ => 10, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many results (paging)", DefaultValueFactory = _ => 0, HelpName = "N" };
        var cmd = new Command("search", "Full-text search over the stored articles") { query, limit, offset };
        cmd.SetAction(p =>
        {
            if (p.GetValue(limit) <= 0) throw new DossierException(Errors.BadOption("--limit", "must be at least 1"));
            if (p.GetValue(offset) < 0) throw new DossierException(Errors.BadOption("--offset", "must be 0 or more"));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var hits = store.Search(p.GetValue(query)!, p.GetValue(limit), p.GetValue(offset));
            if (hits.Count == 0) { ctx.Out.WriteLine("no matches"); return ExitCodes.Ok; }
            // Highlight: bold on a terminal, [brackets] elsewhere.
            var (on, off) = ctx.Interactive ? ("\u001b[1m", "\u001b[0m") : ("[", "]");
            int rank = 0;
            foreach (var h in hits)
            {
                ctx.Out.WriteLine($"{++rank}. {h.Title ?? "(untitled)"}  ({h.Published ?? "undated"}; {h.ExternalId ?? "#" + h.ArticleId}; {h.Source})");
                var snippet = Fmt.Excerpt(h.Snippet, 400).Replace(SearchHit.MarkStart.ToString(), on).Replace(SearchHit.MarkEnd.ToString(), off);
                ctx.Out.WriteLine("   " + snippet);
            }
            if (hits.RankedLatest is int ranked)
                ctx.Out.WriteLine($"(more than {ranked:N0} articles match: these are ranked among the {ranked:N0} stored last; add a word or a \"phrase\" to reach older ones)");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
