using System.CommandLine;
using Dossier.Cli.Formatting;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier timeline [--actor NAME] [--from D] [--to D]</c>: dated events in order, one line per happening (an
/// act several articles report is listed once, with the count of its reports) unless --every-report.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext ctx)
    {
        var actor = new Option<string?>("--actor") { Description = "Only events this actor (name or alias) takes part in", HelpName = "NAME" };
        var from = new Option<string?>("--from") { Description = "From this date (YYYY, YYYY-MM or YYYY-MM-DD)", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Up to this date, inclusive", HelpName = "DATE" };
        var limit = new Option<int>("--limit") { Description = "Most events to show", DefaultValueFactory = _ => 200, HelpName = "N" };
        var with = new Option<string?>("--with") { Description = "Only events between --actor and this actor (a dyad)", HelpName = "NAME" };
        var cameo = new Option<string?>("--cameo") { Description = "Only events whose CAMEO code starts with this (04, 042 …)", HelpName = "CODE" };
        var plover = new Option<string?>("--plover") { Description = "Only events of this PLOVER category (CONSULT, ASSAULT …)", HelpName = "TYPE" };
        var undated = new Option<bool>("--undated") { Description = "Also events with no calendar date (listed last; not with --from/--to)" };
        var offset = new Option<int>("--offset") { Description = "Skip this many events (paging)", DefaultValueFactory = _ => 0, HelpName = "N" };
        var every = new Option<bool>("--every-report") { Description = "One line per stored event, not one per happening (an act several articles report)" };
        var cmd = new Command("timeline", "Dated events in order, one line per happening") { actor, from, to, limit, with, cameo, plover, undated, offset, every };
        cmd.SetAction(p =>
        {
            var f = new TimelineFilter
            {
                Actor = p.GetValue(actor), From = CheckDate("--from", p.GetValue(from)), To = CheckDate("--to", p.GetValue(to)),
                Limit = p.GetValue(limit) > 0 ? p.GetValue(limit) : throw new DossierException(Errors.BadOption("--limit", "must be at least 1")),
                With = p.GetValue(with), Cameo = CheckCameo(p.GetValue(cameo)), Plover = p.GetValue(plover), Undated = p.GetValue(undated),
                Happenings = !p.GetValue(every),
                Offset = p.GetValue(offset) >= 0 ? p.GetValue(offset) : throw new DossierException(Errors.BadOption("--offset", "must be 0 or more")),
            };
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var events = store.Timeline(f);
            if (events.Count == 0) { ctx.Out.WriteLine(f.Undated ? "no events" : "no dated events"); return ExitCodes.Ok; }
            foreach (var e in events)
            {
                ctx.Out.WriteLine($"{e.Date ?? "undated",-10}{(e.DateFromPublication ? "*" : " ")} {Or(e.Sources)} → {Or(e.Targets)}  {e.Cameo} {e.Plover} " +
                                  $"({e.Goldstein:+0.0;-0.0;0.0}){(e.Negated ? " NOT" : "")}  “{e.Trigger}”{Fmt.Reports(e)}");
                ctx.Out.WriteLine($"            {Fmt.Excerpt(e.Evidence, 200)}  — {e.Article.DisplayName}");
            }
            if (events.Any(e => e.DateFromPublication)) ctx.Out.WriteLine("(* date of publication, not stated in the sentence)");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>A CAMEO code prefix: two to four digits.</summary>
    internal static string? CheckCameo(string? value) =>
        value is null || (value.Length is >= 2 and <= 4 && value.All(char.IsAsciiDigit)) ? value
            : throw new DossierException(Errors.BadOption("--cameo", $"'{value}' is not a CAMEO code (two to four digits)"));

    private static string Or(string names) => names.Length == 0 ? "?" : names;

    // Dates compare as ISO strings, so only well-formed prefixes are accepted.
    private static string? CheckDate(string option, string? value)
    {
        if (value is null) return null;
        bool ok = value.Length is 4 or 7 or 10 && DateOnly.TryParseExact(value.Length switch { 4 => value + "-01-01", 7 => value + "-01", _ => value },
            "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
        return ok ? value : throw new DossierException(Errors.BadOption(option, $"'{value}' is not YYYY, YYYY-MM or YYYY-MM-DD"));
    }
}
