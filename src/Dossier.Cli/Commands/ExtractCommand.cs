using System.CommandLine;
using System.Text.Json;
using Dossier.Cli.Formatting;
using Dossier.Contract;
using Dossier.Store.Ingest;
using Dossier.Store;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier extract PATH...</c>: print the extraction contract of each article; needs no database.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = CommonOptions.Paths();
        var input = CommonOptions.Input();
        var published = CommonOptions.Published();
        var maxBytes = CommonOptions.MaxBytes();
        var pipeline = CommonOptions.Pipeline();
        var followLinks = CommonOptions.FollowLinks();
        var budget = CommonOptions.Budget();
        var format = new Option<string>("--format")
        {
            Description = "jsonl: one contract object per line; pretty: a readable summary of each layer",
            DefaultValueFactory = _ => "jsonl",
        }.AcceptOnlyFromAmong("jsonl", "pretty");
        var with = new Option<string[]>("--with")
        {
            Description = "Optional parts of the output: 'syntax' adds every token with its part of speech, lemma, head and relation",
            AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong("syntax");
        var cmd = new Command("extract", "Extract articles and print the result (nothing is stored)")
        {
            paths, input, published, maxBytes, pipeline, followLinks, budget, format, with,
        };
        cmd.SetAction(p =>
        {
            var list = p.GetValue(paths) ?? [];
            if (list.Length == 0) throw new DossierException(Errors.NoInput());
            var read = CommonOptions.BuildReadOptions(p.GetValue(input)!, p.GetValue(published), p.GetValue(maxBytes), p.GetValue(followLinks));
            var extractor = CommonOptions.Extractor(p.GetValue(pipeline), p.GetValue(budget));
            bool pretty = p.GetValue(format) == "pretty";
            bool syntax = (p.GetValue(with) ?? []).Contains("syntax");
            if (syntax && !extractor.Pipeline.Components.Any(c => c.Info.Name == Dossier.Extraction.Syntax.SyntaxComponent.Component.Name))
                throw new DossierException(Errors.BadOption("--with", "'syntax' needs the syntax component in the pipeline (add it after segment)"));
            int failed = 0;
            foreach (var x in OrderedExtraction.Run(ArticleReader.Read(list, read), extractor, Environment.ProcessorCount))
            {
                if (x.IsWarning) { ctx.Err.WriteLine(x.Error!.ToString()); continue; }
                if (x.Error is { } e) { ctx.Err.WriteLine(e.ToString()); failed++; continue; }
                foreach (var w in x.Warnings) ctx.Err.WriteLine(w.ToString());
                var doc = x.Document!;
                var record = ContractMapper.ToRecord(doc, extractor.Pipeline.Config, withSyntax: syntax) with { Id = StoreIds.ArticleId(doc) };
                if (pretty) PrettyPrinter.Write(ctx.Out, record);
                else ctx.Out.WriteLine(JsonSerializer.Serialize(record, ContractJson.Default.ArticleRecord));
            }
            ctx.Out.Flush();
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return cmd;
    }
}
