using System.CommandLine;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier roles "President of Syria"</c>: who held a post and when, as the stored articles support it.</summary>
internal static class RolesCommand
{
    public static Command Create(CliContext ctx)
    {
        var post = new Argument<string>("post") { Description = "A post: a title and its country or organisation (\"President of Syria\"), or a title alone" };
        var cmd = new Command("roles", "Who held a post and when (start: first article stating it; ≤end: first article calling it former)") { post };
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var list = store.PostHolders(p.GetValue(post)!);
            if (list.Count == 0) { ctx.Out.WriteLine($"no holder of '{p.GetValue(post)}' stored"); return ExitCodes.Ok; }
            foreach (var h in list)
            {
                var o = h.Occupancy;
                ctx.Out.WriteLine($"{StoreIds.CanonicalId(h.ActorId),-7} {h.Name}: " +
                                  o.ToString() +
                                  $"  — {o.Articles.Count} article(s)" + (h.Conflict ? "  [overlaps another holder]" : ""));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
