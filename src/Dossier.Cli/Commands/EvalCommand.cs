using System.CommandLine;
using System.Diagnostics;
using Dossier.Evaluation;
using Dossier.Extraction.Entities;
using Dossier.Extraction.Entities.Tagging;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval extraction|timex|ner PATH</c>: scores a stage on an annotated data set and prints the figures.</summary>
/// <remarks>The scoring lives in Dossier.Core/Evaluation; this file only resolves paths and formats.</remarks>
internal static class EvalCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("eval", "Score a stage on an annotated data set (main-text extraction, publication dates, time expressions, entities, parses, events, quotes)");
        cmd.Add(Extraction(ctx));
        cmd.Add(Dates(ctx));
        cmd.Add(Timex(ctx));
        cmd.Add(Ner(ctx));
        cmd.Add(Parser(ctx));
        cmd.Add(Events(ctx));
        cmd.Add(Quotes(ctx));
        return cmd;
    }

    private static Command Quotes(CliContext ctx)
    {
        var path = PathArg("A PolNeAR split folder (text/ and attributions/, brat standoff), a folder holding such splits, or polnear-train-dev.tar.xz");
        var split = new Option<string>("--split") { Description = "The split to score when PATH holds several (train, dev)", DefaultValueFactory = _ => "dev", HelpName = "NAME" };
        var pipeline = CommonOptions.Pipeline();
        var errors = new Option<int>("--errors") { Description = "List this many missed attributions, spurious quotes and wrong speakers each", DefaultValueFactory = _ => 0, HelpName = "N" };
        var cmd = new Command("quotes", "Quotes and their speakers through the whole pipeline on attribution annotations (PolNeAR): P/R/F1 and speaker accuracy for direct quotes and for all attributions")
        { path, split, pipeline, errors };
        cmd.SetAction(p =>
        {
            var given = p.GetValue(path)!;
            var pipe = p.GetValue(pipeline) is { } config ? DocumentPipeline.FromConfig(config) : DocumentPipeline.Default;
            int show = Math.Max(0, p.GetValue(errors));
            string? unpacked = null;
            try
            {
                var folder = AttributionSet(given, p.GetValue(split)!, out unpacked);
                var sw = Stopwatch.StartNew();
                var e = AttributionEval.ScoreFolder(folder, d => pipe.Process(d), show);
                if (e.Documents == 0) throw new DossierException(Errors.NotAnAttributionSet(given, "no article of text/ has an annotation file in attributions/"));
                ctx.Out.WriteLine($"quotes: {e.Documents} articles of {folder}, {sw.Elapsed.TotalSeconds:N1} s (pipeline '{pipe.Config}')");
                ctx.Out.WriteLine($"  a quote matches an attribution when it covers at least {AttributionEval.MinOverlap:P0} of the attribution's content, one to one, greedy by overlap;");
                ctx.Out.WriteLine("  a speaker is right when its mention overlaps the gold source (span), or it is the actor a mention inside the gold source resolves to (actor)");
                ctx.Out.WriteLine("                   gold  found  matched  P      R      F1     speaker: span   actor  either (of n)");
                var d = e.Direct;
                ctx.Out.WriteLine($"  direct quotes    {d.Gold,4}  {d.Predicted,5}  {d.Matched,7}  {d.Precision:0.000}  {d.Recall:0.000}  {d.F1:0.000}           {d.BySpan:0.000}  {d.ByActor:0.000}  {d.Either:0.000} ({d.WithSource})");
                double span = e.WithSource == 0 ? 0 : (double)e.SpeakerHits / e.WithSource, actor = e.WithSource == 0 ? 0 : (double)e.SpeakerActorHits / e.WithSource;
                double either = e.WithSource == 0 ? 0 : (double)e.SpeakerEitherHits / e.WithSource;
                ctx.Out.WriteLine($"  all attributions {e.Gold,4}  {e.Predicted,5}  {e.Matched,7}  {e.Precision:0.000}  {e.Recall:0.000}  {e.F1:0.000}           {span:0.000}  {actor:0.000}  {either:0.000} ({e.WithSource})");
                ctx.Out.WriteLine($"  recall on attributions with a reporting cue {e.SpeechRecall:0.000} ({e.MatchedSpeech}/{e.GoldSpeech}); unmatched quotes inside an attribution (fragments) {e.Fragments}");
                if (show > 0)
                {
                    void List(string title, List<string> items)
                    {
                        ctx.Out.WriteLine(title);
                        foreach (var x in items) ctx.Out.WriteLine("  " + x);
                    }
                    List("direct quotes missed (cue in <>):", e.DirectMisses);
                    List("direct quotes found that match no direct gold quote:", e.DirectSpurious);
                    List("missed (cue in <>):", e.Misses);
                    List("spurious (no attribution there):", e.Spurious);
                    List("wrong speaker (found ≠ gold):", e.WrongSpeakers);
                }
            }
            finally
            {
                if (unpacked is not null) try { Directory.Delete(unpacked, true); } catch (IOException) { }
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    // The split folder to score: PATH itself (text/ and attributions/), PATH/SPLIT, PATH/polnear/SPLIT, or that split of a
    // .tar.xz archive unpacked into a temporary folder (returned in unpacked, to delete).
    private static string AttributionSet(string path, string split, out string? unpacked)
    {
        unpacked = null;
        if (!Directory.Exists(path) && !File.Exists(path)) throw new DossierException(Errors.NotAnAttributionSet(path, "no such file or folder"));
        if (split.Length == 0 || split.AsSpan().IndexOfAny(['/', '\\', '.']) >= 0) throw new DossierException(Errors.BadOption("--split", "a split's name (train, dev)"));
        string root = path;
        if (File.Exists(path))
        {
            if (!path.EndsWith(".tar.xz", StringComparison.OrdinalIgnoreCase))
                throw new DossierException(Errors.NotAnAttributionSet(path, "a folder or a .tar.xz archive is needed"));
            unpacked = Directory.CreateTempSubdirectory("dossier-attributions-").FullName;
            var psi = new ProcessStartInfo("tar", ["-xJf", path, "-C", unpacked, "--wildcards", $"*/{split}/*"]) { RedirectStandardError = true };
            using var tar = Process.Start(psi) ?? throw new DossierException(Errors.NotAnAttributionSet(path, "tar could not be started"));
            var err = tar.StandardError.ReadToEnd();
            tar.WaitForExit();
            if (tar.ExitCode != 0) throw new DossierException(Errors.NotAnAttributionSet(path, $"tar: {err.Trim()}"));
            root = unpacked;
        }
        foreach (var candidate in new[] { root, Path.Combine(root, split), Path.Combine(root, "polnear", split) })
            if (Directory.Exists(Path.Combine(candidate, "text")) && Directory.Exists(Path.Combine(candidate, "attributions"))) return candidate;
        throw new DossierException(Errors.NotAnAttributionSet(path, $"no text/ and attributions/ folders there or in its '{split}' split"));
    }

    private static Command Events(CliContext ctx)
    {
        var path = PathArg("PLOVER gold-standard records (a JSON array, PLOVER_GSR_CAMEO*.json) or PETRARCH validation records (JSON lines)");
        var pipeline = CommonOptions.Pipeline();
        var errors = new Option<int>("--errors") { Description = "List this many records the system got wrong, with what it coded", DefaultValueFactory = _ => 0, HelpName = "N" };
        var actors = new Option<string?>("--actors") { Description = "PETRARCH records: the actor dictionary that gives actors their codes (default: PETR.Validate.actors.txt in ../dictionaries beside the file)", HelpName = "PATH" };
        var agents = new Option<string?>("--agents") { Description = "PETRARCH records: the agent dictionary (default: PETR.Validate.agents.txt beside the actors)", HelpName = "PATH" };
        var cmd = new Command("events", "Events through the whole pipeline: type and full (type + source + target) P/R/F1 and a confusion table on PLOVER gold records; the share coded exactly on PETRARCH records")
        { path, pipeline, errors, actors, agents };
        cmd.SetAction(p =>
        {
            var file = p.GetValue(path)!;
            var format = EventEval.Detect(file);
            var pipe = p.GetValue(pipeline) is { } config ? DocumentPipeline.FromConfig(config) : DocumentPipeline.Default;
            void Report(int at, DossierError e) => ctx.Err.WriteLine($"{file}:{at}: {e.Message} ({e.Code})");
            int show = Math.Max(0, p.GetValue(errors));
            var sw = Stopwatch.StartNew();
            if (format == EventEval.GoldFormat.PloverGsr)
            {
                var r = GsrScoring.Run(EventEval.Load(file, Report), pipe);
                ctx.Out.WriteLine($"events: {r.Records.Count} PLOVER gold records, {r.Coded} with an event coded, {sw.Elapsed.TotalSeconds:N1} s (pipeline '{pipe.Config}')");
                ctx.Out.WriteLine($"  type  {r.Type}   macro F1 {r.MacroF1:0.000}");
                ctx.Out.WriteLine($"  full  {r.Full}");
                ctx.Out.WriteLine($"  first event's type right: {r.FirstRight} of {r.Records.Count} ({100.0 * r.FirstRight / Math.Max(1, r.Records.Count):0.0}%)");
                ctx.Out.WriteLine("  type         gold  coded  P      R      F1");
                foreach (var (label, s) in r.PerLabel())
                    ctx.Out.WriteLine($"  {label,-12} {s.Tp + s.Fn,4}  {s.Tp + s.Fp,5}  {s.P:0.000}  {s.R:0.000}  {s.F1:0.000}");
                ctx.Out.WriteLine("confusion (gold: first coded type × records):");
                foreach (var (gold, row) in r.Confusion())
                    ctx.Out.WriteLine($"  {gold,-12} " + string.Join("  ", row.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value}")));
                if (show > 0)
                {
                    ctx.Out.WriteLine("errors:");
                    foreach (var x in r.Records.Where(x => !x.FullRight).Take(show))
                    {
                        ctx.Out.WriteLine($"  {x.Gold.Id}: gold {x.Gold.Event} {Actors(x.Gold.Source)} -> {Actors(x.Gold.Target)}");
                        ctx.Out.WriteLine($"    {x.Gold.Text}");
                        if (x.Events.Count == 0) ctx.Out.WriteLine("    coded: nothing");
                        foreach (var e in x.Events)
                            ctx.Out.WriteLine($"    coded: {e.Label} {e.Cameo} '{e.Trigger}' {(e.Sources.Length > 0 ? e.Sources : "?")} -> {(e.Targets.Length > 0 ? e.Targets : "?")}{(e.FullRight ? " (right)" : e.TypeRight ? " (type right)" : "")}");
                    }
                }
            }
            else
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
                var actorPath = p.GetValue(actors) ?? Path.Combine(dir, "..", "dictionaries", "PETR.Validate.actors.txt");
                var agentPath = p.GetValue(agents) ?? Path.Combine(Path.GetDirectoryName(actorPath)!, "PETR.Validate.agents.txt");
                if (p.GetValue(actors) is { } given && !File.Exists(given)) throw new DossierException(Errors.BadOption("--actors", $"no such file: {given}"));
                var actorCodes = File.Exists(actorPath) ? PhraseCodes.Read(actorPath) : null;
                var agentCodes = actorCodes is not null && File.Exists(agentPath) ? PhraseCodes.Read(agentPath) : null;
                if (actorCodes is null) ctx.Err.WriteLine($"eval events: no actor dictionary at {actorPath}: only the CAMEO codes are scored (give one with --actors)");
                var r = PetrarchScoring.Run(PetrarchScoring.Load(file, Report), pipe, actorCodes, agentCodes);
                int scored = r.Scored.Count();
                ctx.Out.WriteLine($"events: {r.Results.Count} PETRARCH records ({scored} scored, {r.Results.Count - scored} that expect an input error), {sw.Elapsed.TotalSeconds:N1} s (pipeline '{pipe.Config}')");
                ctx.Out.WriteLine($"  coded exactly{(r.ActorsCoded ? "" : " (CAMEO codes only)")}: {r.Exact} of {scored} ({100.0 * r.Exact / Math.Max(1, scored):0.0}%)");
                ctx.Out.WriteLine($"  expected events found (source, target and code): {r.Found} of {r.ExpectedEvents}; CAMEO code found: {r.CodeFound} of {r.ExpectedEvents}; events coded: {r.CodedEvents}");
                foreach (var g in r.Scored.GroupBy(x => x.Gold.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
                    ctx.Out.WriteLine($"  {g.Key,-10} {g.Count(x => x.Exact),3} of {g.Count(),3} exactly");
                if (show > 0)
                {
                    ctx.Out.WriteLine("errors:");
                    foreach (var x in r.Scored.Where(x => !x.Exact).Take(show))
                    {
                        ctx.Out.WriteLine($"  {x.Gold.Id}: expected {(x.Gold.Expected.Count == 0 ? "no event" : string.Join(", ", x.Gold.Expected.Select(e => $"{e.Source}->{e.Target} {e.Cameo}")))}");
                        ctx.Out.WriteLine($"    {x.Gold.Text}");
                        ctx.Out.WriteLine($"    coded: {(x.Coded.Count == 0 ? "nothing" : string.Join(", ", x.Coded.Select(e => $"{e.Source}->{e.Target} {e.Cameo}")))}");
                    }
                }
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Actors(IReadOnlyList<(string Text, string Code)> actors) =>
        actors.Count == 0 ? "?" : string.Join(" + ", actors.Select(a => $"{a.Text} [{a.Code}]"));

    private static Command Parser(CliContext ctx)
    {
        var path = PathArg("A CoNLL-U treebank (.conllu, .xz or .gz), scored on its gold words");
        var modelOption = new Option<string?>("--model") { Description = "Score this syntax model file instead of the built-in one", HelpName = "PATH" };
        var errors = new Option<int>("--errors") { Description = "List this many of the commonest errors", DefaultValueFactory = _ => 0, HelpName = "N" };
        var write = new Option<string?>("--write") { Description = "Also write the analysis of the gold words as CoNLL-U to this file", HelpName = "PATH" };
        var headline = new Option<bool>("--headline-case") { Description = "Write every sentence as a headline would (\"Owner Sues Russia Over Sale\") before analysing it; the annotation is unchanged" };
        var cmd = new Command("parser", "Tags, lemmas and dependencies on gold words (predicted tags): UPOS, lemma, UAS, LAS and a per-relation table")
        { path, modelOption, errors, write, headline };
        cmd.SetAction(p =>
        {
            var file = p.GetValue(path)!;
            var model = p.GetValue(modelOption) is { } m ? Dossier.Extraction.Syntax.SyntaxModel.Load(m) : Dossier.Extraction.Syntax.SyntaxModel.Default;
            IEnumerable<Dossier.Evaluation.ConlluSentence> gold = TreebankFile.ReadConllu(file, (f, line, e) => ctx.Err.WriteLine($"{f}:{line}: {e.Message} ({e.Code})"));
            if (p.GetValue(headline)) gold = gold.Select(s => s.HeadlineCased());
            using var output = p.GetValue(write) is { } wp ? new StreamWriter(wp) : null;
            var r = Dossier.Extraction.Syntax.SyntaxTraining.Evaluate(model, gold, Math.Max(0, p.GetValue(errors)), output is null ? null : (s, a) =>
            {
                if (s.Id is { } id) output.WriteLine($"# sent_id = {id}");
                if (s.Text is { } t) output.WriteLine($"# text = {t}");
                for (int i = 0; i < s.Words.Length; i++)
                    output.WriteLine($"{i + 1}\t{s.Words[i].Form}\t{a.Lemmas[i]}\t{Dossier.Documents.UposNames.Name(a.Tags[i])}\t_\t_\t{a.Heads[i] + 1}\t{a.Relations[i]}\t_\t_");
                output.WriteLine();
            });
            ctx.Out.WriteLine($"parser: {r.Sentences:N0} sentences, {r.Words:N0} words, {r.WordsPerSecond:N0} words/s");
            ctx.Out.WriteLine($"  UPOS {r.Upos:0.0000}  lemma {r.Lemma:0.0000}  UAS {r.Uas:0.0000}  LAS {r.Las:0.0000}");
            ctx.Out.WriteLine("  relation        gold   parsed  P       R       F1");
            foreach (var x in r.Relations.Where(x => x.Gold > 0 || x.Predicted > 0))
                ctx.Out.WriteLine($"  {x.Relation,-14} {x.Gold,6} {x.Predicted,7}  {x.Precision:0.000}   {x.Recall:0.000}   {x.F1:0.000}");
            if (r.Errors.Count > 0)
            {
                ctx.Out.WriteLine("commonest errors:");
                foreach (var (e, n) in r.Errors) ctx.Out.WriteLine($"  {n,6}  {e}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Argument<string> PathArg(string description) => new("path") { Description = description };

    private static string Excerpt(string s)
    {
        var one = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= 100 ? one : one[..100] + "…";
    }

    private static Command Extraction(CliContext ctx)
    {
        var path = PathArg("A folder with evaldata.json and html/, or the benchmark's .tar.xz (unpacked to a temporary folder with tar)");
        var errors = new Option<int>("--errors") { Description = "Print the pages with the most errors, this many, with each segment missed or boilerplate kept", HelpName = "N" };
        var cmd = new Command("extraction", "Main-text extraction, scored as the trafilatura benchmark does (segments with/without)") { path, errors };
        cmd.SetAction(p =>
        {
            var input = p.GetValue(path)!;
            string? temp = null;
            try
            {
                var folder = input;
                if (File.Exists(input) && input.EndsWith(".tar.xz", StringComparison.OrdinalIgnoreCase))
                {
                    temp = Directory.CreateTempSubdirectory("dossier-eval-").FullName;
                    Untar(input, temp);
                    folder = FindFile(temp, "evaldata.json") ?? throw new DossierException(Errors.BadOption("path", $"no evaldata.json inside {input}"));
                }
                else if (!Directory.Exists(input)) throw new DossierException(Errors.BadOption("path", $"'{input}' is neither a folder nor a .tar.xz file"));
                var sw = Stopwatch.StartNew();
                var score = MainTextEval.Run(folder, null, out var pages);
                ctx.Out.WriteLine($"extraction: {score}");
                foreach (var page in pages.Where(x => x.Fn + x.Fp > 0).OrderByDescending(x => x.Fn + x.Fp).ThenBy(x => x.File, StringComparer.Ordinal).Take(Math.Max(0, p.GetValue(errors))))
                {
                    ctx.Out.WriteLine($"  {page.File}: {page.Fn} missed, {page.Fp} boilerplate kept{(page.Error is null ? "" : " — " + page.Error)}");
                    foreach (var m in page.Missed) ctx.Out.WriteLine($"    missed: {Excerpt(m)}");
                    foreach (var k in page.Kept) ctx.Out.WriteLine($"    kept:   {Excerpt(k)}");
                }
                ctx.Out.WriteLine($"extraction: {sw.Elapsed.TotalSeconds:N1} s");
                return ExitCodes.Ok;
            }
            finally
            {
                if (temp != null) try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
            }
        });
        return cmd;
    }

    private static Command Dates(CliContext ctx)
    {
        var path = PathArg("A folder of pages with expected.tsv (file, address, date or none, source, note), such as bench/dates");
        var cmd = new Command("dates", "Publication dates found on pages against their expected dates, and where each came from") { path };
        cmd.SetAction(p =>
        {
            var folder = p.GetValue(path)!;
            if (!Directory.Exists(folder)) throw new DossierException(Errors.BadOption("path", $"'{folder}' is not a folder"));
            var s = DateEval.Run(folder);
            foreach (var r in s.Results)
                ctx.Out.WriteLine($"  {(r.Right ? "ok " : "BAD")}  {r.File,-40} expected {r.Expected ?? "none",-10} ({r.ExpectedFrom,-6})  found {r.Found ?? "none",-10} ({r.FoundFrom})");
            ctx.Out.WriteLine($"dates: {s.Pages} pages; right on {s.RightDated} of the {s.Dated} that state a date ({s.Accuracy:P1}); " +
                              $"{s.Invented} invented on the {s.Undated} that state none; source as expected on {s.SourceRight} of {s.Pages}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Timex(CliContext ctx)
    {
        var path = PathArg("A folder of TimeML (.tml) files, searched recursively");
        var top = new Option<int>("--errors") { Description = "How many error kinds to list", DefaultValueFactory = _ => 10, HelpName = "N" };
        var list = new Option<string?>("--list") { Description = "Also print every error whose kind starts with this text (e.g. 'value', 'missed DATE', 'spurious', 'correct' for the right ones); 'all' prints every error", HelpName = "KIND" };
        var cmd = new Command("timex", "Time expressions, scored with the TempEval-3 rules (relaxed, strict, type, value)") { path, top, list };
        cmd.SetAction(p =>
        {
            var r = TimexEval.Run(p.GetValue(path)!);
            var s = r.Scores;
            ctx.Out.WriteLine($"timex: {r.Documents} documents, {s.Gold} gold, {s.System} found");
            ctx.Out.WriteLine($"  relaxed P {s.RelaxedPrecision:F4} R {s.RelaxedRecall:F4} F1 {s.RelaxedF1:F4}");
            ctx.Out.WriteLine($"  strict  P {s.StrictPrecision:F4} R {s.StrictRecall:F4} F1 {s.StrictF1:F4}");
            ctx.Out.WriteLine($"  type accuracy {s.TypeAccuracy:F4}  type F1 {s.TypeF1:F4}");
            ctx.Out.WriteLine($"  value accuracy {s.ValueAccuracy:F4}  value F1 {s.ValueF1:F4}");
            ctx.Out.WriteLine($"  {r.WordsPerSecond:N0} words/s, {r.TimexesPerSecond:N0} timexes/s (tagging only)");
            ctx.Out.WriteLine("most common errors:");
            foreach (var (kind, count) in r.ErrorKinds(Math.Max(1, p.GetValue(top))))
                ctx.Out.WriteLine($"  {count,5}  {kind}");
            if (p.GetValue(list) is { } prefix)
                foreach (var e in r.Errors.Where(e => prefix == "all" && e.Kind != TimexErrorKind.Correct || e.KindKey.StartsWith(prefix, StringComparison.Ordinal)))
                    ctx.Out.WriteLine("  " + e);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Ner(CliContext ctx)
    {
        var path = PathArg("A GMB-format CSV file (Sentence #,Word,POS,Tag), optionally .gz; or the re3d corpus folder (scored through the pipeline, leniently: see docs/components/ner.md)");
        var titles = new Option<bool>("--gmb-titles") { Description = "Pipeline level: count a title word before a person as part of it, as GMB does" };
        var modelOption = new Option<string?>("--model") { Description = "Score this tagger model file instead of the built-in one", HelpName = "PATH" };
        var errors = new Option<int>("--errors") { Description = "Print this many errors (gold and predicted spans that differ)", HelpName = "N" };
        var cmd = new Command("ner", "Entities, scored entity by entity (exact span and type) over per, org, geo, gpe") { path, titles, modelOption, errors };
        var level = new Option<string>("--level")
        {
            Description = "What to score: 'tagger' (the trained model, in GMB's own labels and conventions) or 'pipeline' (the ner component's contract entities after segment+syntax, as the default pipeline runs it, mapped back to GMB labels: PERSON→per, ORG→org, GPE/LOC/FAC→geo, NORP→gpe)",
            DefaultValueFactory = _ => "tagger",
        }.AcceptOnlyFromAmong("tagger", "pipeline");
        cmd.Add(level);
        var context = new Option<int>("--context")
        {
            Description = "Tagger level: tag runs of up to N consecutive sentences as one document (GMB keeps each article's sentences in order), so document-level agreement applies; 1 = each sentence alone",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        cmd.Add(context);
        var half = new Option<int?>("--half")
        {
            Description = "re3d only: score one half of the documents (0 or 1, by a hash of each document's id), so rules written against one half can be checked on the other",
            HelpName = "0|1",
        };
        cmd.Add(half);
        cmd.SetAction(p =>
        {
            var file = p.GetValue(path)!;
            int keep = Math.Max(0, p.GetValue(errors));
            var model = p.GetValue(modelOption) is { } modelPath ? NerModels.LoadFile(modelPath) : NerModels.Default;
            if (NerRe3dScorer.IsCorpus(file))
            {
                var docs = NerRe3dScorer.Read(file);
                if (p.GetValue(half) is { } h)
                {
                    if (h is not (0 or 1)) throw new DossierException(Errors.BadOption("--half", "must be 0 or 1"));
                    docs = docs.Where(d => d.Half == h).ToList();
                }
                var r = NerRe3dScorer.Score(docs, EntityPipeline(model), keep);
                ctx.Out.WriteLine($"re3d (pipeline, lenient): {r.Sentences:N0} documents, {r.Words:N0} words");
                foreach (var t in r.PerType) ctx.Out.WriteLine("  " + t);
                ctx.Out.WriteLine("  " + r.Micro);
                if (keep > 0)
                {
                    ctx.Out.WriteLine("errors (gold → predicted):");
                    foreach (var e in r.Errors.Take(keep))
                        ctx.Out.WriteLine($"  [{e.SentenceId}] {e.Surface}: {e.GoldType ?? "-"} → {e.PredictedType ?? "-"}   | {e.Text}");
                }
                return ExitCodes.Ok;
            }
            if (!File.Exists(file)) throw new DossierException(Errors.BadOption("path", $"no such file '{file}'"));
            var what = p.GetValue(level)!;
            var sentences = GmbCorpus.ReadAll(file, w => ctx.Err.WriteLine("skipped " + w));
            var report = what switch
            {
                "pipeline" => NerScorer.Score(sentences, EntityPipeline(model), p.GetValue(titles), keep),
                _ => NerTraining.Score(sentences, model, keep, Math.Max(1, p.GetValue(context))),
            };
            Print(ctx, what, report, keep);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    // The stages the default pipeline runs up to ner (the name evidence reads the parse), with this tagger model.
    private static DocumentPipeline EntityPipeline(TaggerModel model) =>
        new PipelineBuilder().Add(new Dossier.Text.Segmenter()).Add(new Dossier.Extraction.Syntax.SyntaxComponent()).Add(new EntityRecognizer(model)).Build();

    private static void Print(CliContext ctx, string what, NerReport report, int errors)
    {
        ctx.Out.WriteLine($"{what}: {report.Sentences:N0} sentences, {report.Words:N0} words, {report.WordsPerSecond:N0} words/s");
        foreach (var t in report.PerType) ctx.Out.WriteLine("  " + t);
        ctx.Out.WriteLine("  " + report.Micro);
        if (errors == 0) return;
        ctx.Out.WriteLine("errors (gold → predicted):");
        foreach (var e in report.Errors.Take(errors))
            ctx.Out.WriteLine($"  [{e.SentenceId}] {e.Surface}: {e.GoldType ?? "-"} → {e.PredictedType ?? "-"}   | {e.Text}");
    }

    private static void Untar(string archive, string into)
    {
        var psi = new ProcessStartInfo("tar", ["-xJf", archive, "-C", into]) { RedirectStandardError = true };
        using var proc = Process.Start(psi) ?? throw new DossierException(Errors.BadOption("path", "cannot start tar"));
        var err = proc.StandardError.ReadToEnd();
        proc.WaitForExit();
        if (proc.ExitCode != 0) throw new DossierException(Errors.BadOption("path", $"tar failed: {err.Trim()}"));
    }

    private static string? FindFile(string root, string name) =>
        Directory.EnumerateFiles(root, name, SearchOption.AllDirectories).Select(Path.GetDirectoryName).FirstOrDefault();
}
