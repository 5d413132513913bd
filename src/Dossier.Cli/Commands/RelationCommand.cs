using System.CommandLine;
using System.Globalization;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier relation A B [--by month|week] [--ordered]</c>: cooperation and conflict between two actors over time.</summary>
internal static class RelationCommand
{
    public static Command Create(CliContext ctx)
    {
        var a = new Argument<string>("actor1") { Description = "An actor (name or id)" };
        var b = new Argument<string>("actor2") { Description = "Another actor" };
        var by = new Option<string>("--by") { Description = "Period", DefaultValueFactory = _ => "month" }.AcceptOnlyFromAmong("month", "week");
        var ordered = new Option<bool>("--ordered") { Description = "Only events with actor1 as source and actor2 as target" };
        var limit = new Option<int>("--limit") { Description = "Most events to list", DefaultValueFactory = _ => 10, HelpName = "N" };
        var cmd = new Command("relation", "Events between two actors by month or week, with the Goldstein score summed and averaged") { a, b, by, ordered, limit };
        cmd.SetAction(p =>
        {
            if (p.GetValue(limit) <= 0) throw new DossierException(Errors.BadOption("--limit", "must be at least 1"));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var r = store.Relation(p.GetValue(a)!, p.GetValue(b)!, p.GetValue(by)!, p.GetValue(ordered), p.GetValue(limit));
            var w = ctx.Out;
            w.WriteLine($"{r.FirstName} {StoreIds.CanonicalId(r.FirstId)} {(r.Ordered ? "→" : "↔")} {r.SecondName} {StoreIds.CanonicalId(r.SecondId)}, by {r.By}");
            if (r.Points.Count == 0) { w.WriteLine("no events between them"); return ExitCodes.Ok; }
            foreach (var pt in r.Points)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {pt.Period,-9} {pt.Events,4} event(s)  Goldstein sum {pt.GoldsteinSum,6:+0.0;-0.0;0.0}  mean {pt.GoldsteinMean,5:+0.0;-0.0;0.0}  ({pt.Cooperative} cooperative, {pt.Conflictual} conflictual)"));
            w.WriteLine("events");
            foreach (var e in r.Events)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Date ?? "undated",-10} {e.Sources} → {e.Targets}  {e.Cameo} ({e.Goldstein:+0.0;-0.0;0.0})  “{e.Trigger}”  — {e.Article.DisplayName}"));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
