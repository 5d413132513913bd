using System.CommandLine;
using Dossier.Cli.Formatting;
using Dossier.Store;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier actor "NAME"</c>: the dossier of one actor.</summary>
internal static class ActorCommand
{
    private const int MaxEvidence = 200;

    public static Command Create(CliContext ctx)
    {
        var name = new Argument<string>("name") { Description = "Canonical name, alias or id (A12); case and diacritics do not matter" };
        var evidence = new Option<bool>("--evidence") { Description = "Also show why each name and article was joined to this actor" };
        var limit = new Option<int>("--limit") { Description = "Most quotes, events and articles to list", DefaultValueFactory = _ => 10, HelpName = "N" };
        var cmd = new Command("actor", "The dossier of one actor: names, roles, quotes, events; 'actor merge|split|why|decisions|suggestions' for manual decisions") { name, evidence, limit };
        cmd.Add(MergeCommand(ctx));
        cmd.Add(SplitCommand(ctx));
        cmd.Add(WhyCommand(ctx));
        cmd.Add(DecisionsCommand(ctx));
        cmd.Add(SuggestionsCommand(ctx));
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var query = p.GetValue(name)!;
            if (p.GetValue(limit) <= 0) throw new DossierException(Errors.BadOption("--limit", "must be at least 1"));
            var d = store.FindActor(query, p.GetValue(limit));
            if (d is null)
            {
                ctx.Error(Errors.UnknownActor(query));
                var like = store.Suggest(query);
                if (like.Count > 0) ctx.Err.WriteLine("did you mean: " + string.Join(", ", like) + "?");
                return ExitCodes.Failed;
            }
            Write(ctx.Out, d, p.GetValue(evidence));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Option<string?> NoteOption() => new("--note") { Description = "Why, in your words (kept with the decision)", HelpName = "TEXT" };

    private static Command MergeCommand(CliContext ctx)
    {
        var keep = new Argument<string>("actor") { Description = "The actor to keep (id like A12, or a name)" };
        var absorb = new Argument<string>("other") { Description = "The actor merged into it (its id stays as a redirect)" };
        var note = NoteOption();
        var cmd = new Command("merge", "Merge two actors into one (the first is kept); later articles follow the decision") { keep, absorb, note };
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var r = store.Merge(p.GetValue(keep)!, p.GetValue(absorb)!, p.GetValue(note));
            ctx.Out.WriteLine($"merged {StoreIds.CanonicalId(r.MergedId)} {r.MergedName} into {StoreIds.CanonicalId(r.KeptId)} {r.KeptName} ({r.Articles} article(s) updated)");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command SplitCommand(CliContext ctx)
    {
        var actor = new Argument<string>("actor") { Description = "The actor (id like A12, or a name)" };
        var alias = new Argument<string>("alias") { Description = "The name to take off it; its mentions become a new actor" };
        var note = NoteOption();
        var cmd = new Command("split", "Take a name off an actor: its mentions become a new actor, and the name never joins the actor again") { actor, alias, note };
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var r = store.Split(p.GetValue(actor)!, p.GetValue(alias)!, p.GetValue(note));
            ctx.Out.WriteLine($"split '{r.NewName}' off {StoreIds.CanonicalId(r.FromId)} {r.FromName}: new actor {StoreIds.CanonicalId(r.NewId)} " +
                              $"({r.Mentions} mention(s) in {r.Articles} article(s)); with them {r.Quotes} quote(s), {r.Claims} claim(s), " +
                              $"{r.EventSides} event side(s), {r.Roles} role(s)");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command WhyCommand(CliContext ctx)
    {
        var first = new Argument<string>("name1") { Description = "A name or id (A12)" };
        var second = new Argument<string>("name2") { Description = "Another name or id; an id stands for its actor, whose name is compared" };
        var cmd = new Command("why", "Why two names are, or are not, one actor") { first, second };
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var r = store.Why(p.GetValue(first)!, p.GetValue(second)!);
            foreach (var line in r.Lines) ctx.Out.WriteLine(line);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command SuggestionsCommand(CliContext ctx)
    {
        var of = new Option<string?>("--actor") { Description = "Only the proposals about this actor (name or id)", HelpName = "ACTOR" };
        var limit = new Option<int>("--limit") { Description = "Most proposals to list", DefaultValueFactory = _ => 50, HelpName = "N" };
        var all = new Option<bool>("--dismissed") { Description = "Also list the dismissed proposals" };
        var cmd = new Command("suggestions",
            "Merges the name matcher proposed at ingest for review (names alike, not alike enough to join unasked): accept one with 'actor merge', reject it with 'actor suggestions dismiss'")
        { of, limit, all };
        cmd.SetAction(p =>
        {
            if (p.GetValue(limit) <= 0) throw new DossierException(Errors.BadOption("--limit", "must be at least 1"));
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var list = store.Suggestions(p.GetValue(of), p.GetValue(limit), p.GetValue(all));
            if (list.Count == 0) { ctx.Out.WriteLine("no proposed merges"); return ExitCodes.Ok; }
            foreach (var x in list) WriteSuggestion(ctx.Out, x);
            ctx.Out.WriteLine($"{list.Count} proposal(s); accept: dossier actor merge KEEP OTHER; reject: dossier actor suggestions dismiss A B");
            return ExitCodes.Ok;
        });
        var first = new Argument<string>("actor") { Description = "One actor of the proposal (id like A12, or a name)" };
        var second = new Argument<string>("other") { Description = "The other actor" };
        var note = NoteOption();
        var dismiss = new Command("dismiss", "Reject a proposed merge: the two actors stay apart and the proposal leaves the list") { first, second, note };
        dismiss.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var x = store.Dismiss(p.GetValue(first)!, p.GetValue(second)!, p.GetValue(note));
            ctx.Out.WriteLine($"dismissed: {StoreIds.CanonicalId(x.Actor.Id)} {x.Actor.Name} and {StoreIds.CanonicalId(x.Other.Id)} {x.Other.Name} stay apart");
            return ExitCodes.Ok;
        });
        cmd.Add(dismiss);
        return cmd;
    }

    /// <summary>One proposal in two lines: the pair with their sizes, then the score and why.</summary>
    public static void WriteSuggestion(TextWriter w, ActorSuggestion x)
    {
        static string Side(ActorSummary a) => $"{StoreIds.CanonicalId(a.Id)} {a.Name} [{a.Type}] ({a.Articles} article(s))";
        w.WriteLine($"{x.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}  {Side(x.Other)}  ~  {Side(x.Actor)}" +
                    (x.Status == "open" ? "" : $"  [{x.Status}{(x.Note is null ? "" : ": " + x.Note)}]"));
        w.WriteLine($"      {x.Evidence}; proposed by article {x.Article}");
    }

    private static Command DecisionsCommand(CliContext ctx)
    {
        var cmd = new Command("decisions", "The manual merges and splits, in order");
        cmd.SetAction(p =>
        {
            using var store = Stores.Open(p.GetValue(CommonOptions.Db)!, create: false);
            var list = store.Decisions();
            if (list.Count == 0) { ctx.Out.WriteLine("no manual decisions"); return ExitCodes.Ok; }
            foreach (var d in list)
                ctx.Out.WriteLine($"#{d.Id} {d.Created} {d.Kind} {StoreIds.CanonicalId(d.ActorId)} {StoreIds.CanonicalId(d.OtherId)}: {d.Names}" +
                                  (d.Note is null ? "" : $" — {d.Note}"));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static void Write(TextWriter w, ActorDossier d, bool evidence)
    {
        w.WriteLine($"{d.Name}  [{d.Type}]  {StoreIds.CanonicalId(d.Id)}");
        w.WriteLine($"  {d.Mentions:N0} mentions in {d.ArticleCount:N0} article(s)" +
                    (d.Codes.Count > 0 ? "; codes " + string.Join(", ", d.Codes.Select(c => $"{c.Key}={c.Value}")) : ""));
        if (d.OtherMatches.Count > 0)
            w.WriteLine("  also matching: " + string.Join(", ", d.OtherMatches.Take(5).Select(o => $"{o.Name} [{o.Type}] {StoreIds.CanonicalId(o.Id)}")));

        w.WriteLine($"aliases ({d.Aliases.Count})");
        foreach (var a in d.Aliases)
            w.WriteLine($"  {a.Alias} ({a.Count})" + (evidence && a.Evidence is not null ? "  — " + a.Evidence : ""));

        if (d.Suggestions.Count > 0)
        {
            w.WriteLine($"possibly the same as ({d.Suggestions.Count}; review with 'dossier actor suggestions --actor {StoreIds.CanonicalId(d.Id)}')");
            foreach (var x in d.Suggestions)
            {
                var other = x.Actor.Id == d.Id ? x.Other : x.Actor;
                w.WriteLine($"  {StoreIds.CanonicalId(other.Id)} {other.Name} [{other.Type}] ({other.Articles} article(s)): {x.Evidence}");
            }
        }

        if (evidence && d.Decisions.Count > 0)
        {
            w.WriteLine("decisions");
            foreach (var x in d.Decisions) w.WriteLine($"  {x.Count,4}× {x.Text}");
        }

        if (d.Roles.Count > 0)
        {
            w.WriteLine($"roles ({d.Roles.Count})");
            foreach (var r in d.Roles)
                w.WriteLine(r.Source == "dictionary"
                    ? $"  {r.Title}{(r.Of is null ? "" : " of " + r.Of)} {r.Start ?? "?"} → {r.End ?? "present"}  — actor dictionary ({r.Code})"
                    : $"  {Dossier.Actors.Occupancy.Describe(r.Title, r.Of, r.Qualifier, r.Start, r.LastSeen, r.End)}  — {r.Count} article(s)");
        }

        if (d.CoActors.Count > 0)
            w.WriteLine((d.ArticleCount > Limits.DossierContextArticles ? $"seen with (in its latest {Limits.DossierContextArticles:N0} of {d.ArticleCount:N0} articles): " : "seen with: ")
                        + string.Join(", ", d.CoActors.Select(c => $"{c.Name} ({c.Articles})")));

        w.WriteLine(d.QuoteCount > d.Quotes.Count ? $"quotes (latest {d.Quotes.Count} of {d.QuoteCount})" : $"quotes ({d.QuoteCount})");
        foreach (var q in d.Quotes)
            w.WriteLine($"  {q.Article.Published ?? "undated"}  “{Fmt.Excerpt(q.Text, MaxEvidence)}”  — {q.Article.DisplayName}");

        w.WriteLine(d.EventCount > d.Events.Count ? $"events (latest {d.Events.Count} of {d.EventCount} happenings)" : $"events ({d.EventCount} happenings)");
        foreach (var ae in d.Events)
        {
            var e = ae.Event;
            var arrow = ae.Side == "source" ? "→" : "←";
            w.WriteLine($"  {e.Date ?? e.Article.Published ?? "undated"}{(e.Date is null || e.DateFromPublication ? "*" : "")}  {arrow} {(ae.OtherParty.Length == 0 ? "?" : ae.OtherParty)}" +
                        $"  {e.Cameo} {e.Plover} ({e.Goldstein:+0.0;-0.0;0.0}){(e.Negated ? " NOT" : "")}  “{e.Trigger}”{Fmt.Reports(e)}");
            w.WriteLine($"      {Fmt.Excerpt(e.Evidence, MaxEvidence)}  — {e.Article.DisplayName}");
        }
        if (d.Events.Any(e => e.Event.Date is null || e.Event.DateFromPublication)) w.WriteLine("  (* date of publication, not stated in the sentence)");

        w.WriteLine($"articles (latest {d.Articles.Count} of {d.ArticleCount})");
        foreach (var a in d.Articles)
            w.WriteLine($"  {a.Published ?? "undated",-10}  {a.DisplayName}  ({a.ExternalId ?? "#" + a.Id}, {a.Mentions} mention(s))");
    }
}
