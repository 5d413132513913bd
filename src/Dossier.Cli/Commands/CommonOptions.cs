using System.CommandLine;
using System.Globalization;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>--db PATH, on every command (recursive from the root).</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The database file",
        DefaultValueFactory = _ => "dossier.db",
        Recursive = true,
        HelpName = "PATH",
    };

    public static Option<string> Input() => new Option<string>("--input")
    {
        Description = "Input format (auto detects by extension and content)",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "text", "html", "jsonl", "rss");

    public static Option<string?> Published() => new("--published")
    {
        Description = "Publication date (YYYY-MM-DD) for inputs that carry none",
        HelpName = "YYYY-MM-DD",
    };

    public static Option<long?> MaxBytes() => new("--max-bytes")
    {
        Description = $"Refuse inputs larger than this many bytes (default {ReadOptions.DefaultMaxBytes:N0})",
        HelpName = "N",
    };

    public static Option<string?> Pipeline() => new("--pipeline")
    {
        Description = "Pipeline string (default: the full pipeline)",
        HelpName = "a+b+c",
    };

    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Files, folders (recursive), .gz files, or - for standard input",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Builds read options from the shared options; bad values throw coded usage errors.</summary>
    public static ReadOptions BuildReadOptions(string input, string? published, long? maxBytes)
    {
        DateOnly? date = null;
        if (published is not null)
        {
            if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new DossierException(Errors.BadDate(published));
            date = d;
        }
        if (maxBytes is <= 0) throw new DossierException(Errors.BadOption("--max-bytes", "must be a positive number of bytes"));
        return new ReadOptions
        {
            Format = input switch
            {
                "text" => InputFormat.Text, "html" => InputFormat.Html, "jsonl" => InputFormat.Jsonl, "rss" => InputFormat.Rss, _ => InputFormat.Auto,
            },
            Published = date,
            MaxBytes = maxBytes ?? Dossier.Text.ReadOptions.DefaultMaxBytes,
        };
    }

    /// <summary>The extractor for a pipeline string (null: the default, built once).</summary>
    public static Extractor Extractor(string? pipeline) =>
        string.IsNullOrWhiteSpace(pipeline) ? Dossier.Extractor.Default : new Extractor(Dossier.Pipeline.DocumentPipeline.FromConfig(pipeline));
}
