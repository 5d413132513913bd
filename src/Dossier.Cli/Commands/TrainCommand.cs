using System.CommandLine;
using System.Diagnostics;
using Dossier.Extraction.Entities.Tagging;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train ner --train FILE --dev FILE --out PATH</c>: trains the entity tagger and writes the model file.</summary>
/// <remarks>The training itself lives in Dossier.Core (Extraction/Entities/Tagging); this file parses options and prints progress.</remarks>
internal static class TrainCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("train", "Train a statistical model from annotated data");
        cmd.Add(Ner(ctx));
        cmd.Add(Parser(ctx));
        return cmd;
    }

    private static Command Parser(CliContext ctx)
    {
        var train = new Option<string[]>("--train") { Description = "Training treebanks in CoNLL-U (.conllu, .xz or .gz)", Required = true, HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string[]>("--dev") { Description = "Development treebanks, scored after every parser epoch", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (gzip)", Required = true, HelpName = "PATH" };
        var defaults = new Dossier.Extraction.Syntax.SyntaxTrainingOptions();
        var tagEpochs = new Option<int>("--tagger-epochs") { Description = "Passes of the tagger", DefaultValueFactory = _ => defaults.TaggerEpochs, HelpName = "N" };
        var parseEpochs = new Option<int>("--epochs") { Description = "Passes of the parser", DefaultValueFactory = _ => defaults.ParserEpochs, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffles and of the oracle's exploration", DefaultValueFactory = _ => defaults.Seed, HelpName = "N" };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the parser's training tags (1: gold tags)", DefaultValueFactory = _ => defaults.Folds, HelpName = "N" };
        var minUpdates = new Option<int>("--min-updates") { Description = "Drop feature rows the training updated fewer times than this (model size)", DefaultValueFactory = _ => defaults.MinUpdates, HelpName = "N" };
        var cmd = new Command("parser", "Train the syntax model (tagger, lemmatiser, dependency parser) on UD treebanks")
        { train, dev, output, tagEpochs, parseEpochs, seed, folds, minUpdates };
        cmd.SetAction(p =>
        {
            var opts = defaults with
            {
                TaggerEpochs = p.GetValue(tagEpochs) is var te and > 0 ? te : throw new DossierException(Errors.BadOption("--tagger-epochs", "must be at least 1")),
                ParserEpochs = p.GetValue(parseEpochs) is var pe and > 0 ? pe : throw new DossierException(Errors.BadOption("--epochs", "must be at least 1")),
                Seed = p.GetValue(seed),
                Folds = Math.Max(1, p.GetValue(folds)),
                MinUpdates = Math.Max(1, p.GetValue(minUpdates)),
            };
            var sw = Stopwatch.StartNew();
            void Bad(string file, int line, DossierError e) => ctx.Err.WriteLine($"{file}:{line}: {e.Message} ({e.Code})");
            var trainSet = p.GetValue(train)!.SelectMany(f => Dossier.Evaluation.TreebankFile.ReadConllu(f, Bad)).ToList();
            var devSet = (p.GetValue(dev) ?? []).SelectMany(f => Dossier.Evaluation.TreebankFile.ReadConllu(f, Bad)).ToList();
            ctx.Out.WriteLine($"train: {trainSet.Count:N0} sentences, {trainSet.Sum(s => s.Words.Length):N0} words; dev: {devSet.Count:N0} sentences");
            var model = Dossier.Extraction.Syntax.SyntaxTraining.Train(trainSet, devSet.Count > 0 ? devSet : null, opts, r =>
            {
                var line = $"{r.Stage} epoch {r.Epoch,2}: {r.Mistakes:N0}/{r.Steps:N0} mistakes, {r.Elapsed.TotalSeconds:N1} s";
                if (r.Dev is { } d) line += $"; dev UPOS {d.Upos:0.0000} lemma {d.Lemma:0.0000} UAS {d.Uas:0.0000} LAS {d.Las:0.0000}";
                ctx.Out.WriteLine(line);
                ctx.Out.Flush();
            });
            var outPath = p.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir != null) Directory.CreateDirectory(dir);
            var temp = outPath + ".tmp";
            using (var fs = File.Create(temp)) model.Save(fs);
            File.Move(temp, outPath, overwrite: true);
            ctx.Out.WriteLine($"model: {model.Describe()}; {new FileInfo(outPath).Length / 1024.0 / 1024.0:N2} MB written to {outPath}; trained in {sw.Elapsed.TotalSeconds:N1} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Ner(CliContext ctx)
    {
        var train = new Option<string>("--train") { Description = "Training corpus in the GMB layout (Sentence #,Word,POS,Tag), optionally .gz", Required = true, HelpName = "FILE" };
        var dev = new Option<string?>("--dev") { Description = "Development corpus, scored after every epoch", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Where to write the model (gzip)", Required = true, HelpName = "PATH" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => new TrainingOptions().Epochs, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffle (same seed and data give the same model)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var types = new Option<string>("--types") { Description = "Comma-separated corpus entity types to learn", DefaultValueFactory = _ => "per,org,geo,gpe", HelpName = "a,b" };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times than this", DefaultValueFactory = _ => new TrainingOptions().MinFeatureCount, HelpName = "N" };
        var algorithm = new Option<string>("--algorithm") { Description = "Training algorithm", DefaultValueFactory = _ => new TrainingOptions().Algorithm }.AcceptOnlyFromAmong("perceptron", "crf");
        var rate = new Option<float>("--rate") { Description = "CRF: AdaGrad step size", DefaultValueFactory = _ => new TrainingOptions().LearningRate, HelpName = "F" };
        var l2 = new Option<float>("--l2") { Description = "CRF: L2 penalty", DefaultValueFactory = _ => new TrainingOptions().L2, HelpName = "F" };
        var prune = new Option<float>("--prune") { Description = "Drop weights smaller than this fraction of the largest when saving", DefaultValueFactory = _ => 0.0005f, HelpName = "F" };
        var cmd = new Command("ner", "Train the entity tagger (averaged structured perceptron) on a GMB-format corpus")
        { train, dev, output, epochs, seed, types, minCount, algorithm, rate, l2, prune };
        cmd.SetAction(p =>
        {
            var opts = new TrainingOptions
            {
                Epochs = p.GetValue(epochs) is var e and > 0 ? e : throw new DossierException(Errors.BadOption("--epochs", "must be at least 1")),
                Seed = p.GetValue(seed),
                Types = p.GetValue(types)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                MinFeatureCount = Math.Max(1, p.GetValue(minCount)),
                Algorithm = p.GetValue(algorithm)!,
                LearningRate = p.GetValue(rate) is var lr and > 0 ? lr : throw new DossierException(Errors.BadOption("--rate", "must be positive")),
                L2 = Math.Max(0, p.GetValue(l2)),
            };
            var outPath = p.GetValue(output)!;
            var sw = Stopwatch.StartNew();
            // Progress is flushed line by line: redirected output is block-buffered (CliApp.Run) and a log is watched.
            void Say(string line) { ctx.Out.WriteLine(line); ctx.Out.Flush(); }
            var model = NerTraining.Train(p.GetValue(train)!, p.GetValue(dev), opts, Say, r =>
            {
                var line = $"epoch {r.Epoch,2}: {r.SentencesWrong:N0}/{r.Sentences:N0} sentences wrong, {r.TokensWrong:N0} tokens, {r.Elapsed.TotalSeconds:N1} s";
                if (r.Dev is { } d)
                    line += $"; dev P {d.Micro.Precision:0.0000} R {d.Micro.Recall:0.0000} F1 {d.Micro.F1:0.0000} (" +
                            string.Join(", ", d.PerType.Select(t => $"{t.Type} {t.F1:0.000}")) + ")";
                Say(line);
            });
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir != null) Directory.CreateDirectory(dir);
            var temp = outPath + ".tmp";
            using (var fs = File.Create(temp)) model.Save(fs, p.GetValue(prune));
            File.Move(temp, outPath, overwrite: true);
            ctx.Out.WriteLine($"model: {model.Features:N0} features, {new FileInfo(outPath).Length / 1024.0 / 1024.0:N2} MB written to {outPath}; trained in {sw.Elapsed.TotalSeconds:N1} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
