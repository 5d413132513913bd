using System.CommandLine;
using System.Globalization;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>The environment variable that gives the store's location when --db is not given.</summary>
    public const string DbVariable = "DOSSIER_DB";

    /// <summary>--db LOCATION, on every command (recursive from the root): a SQLite file, or ENGINE:TARGET (Stores.Open);
    /// without it, $DOSSIER_DB, else dossier.db.</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = $"Where the store is: a SQLite file (dossier.db, or sqlite:PATH) or a PostgreSQL database (postgres://user[:password]@host[:port]/database); default ${DbVariable}, else dossier.db",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DbVariable) is { Length: > 0 } env ? env : "dossier.db",
        Recursive = true,
        HelpName = "LOCATION",
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

    public static Option<bool> FollowLinks() => new("--follow-links")
    {
        Description = "Follow links to folders met inside folders (each folder is still read once); by default they are reported and skipped",
    };

    public static Option<double?> Budget() => new("--budget")
    {
        Description = $"Seconds the pipeline may spend on one article before it is reported as too complex (default {Limits.ArticleBudgetSeconds}; 0: no limit)",
        HelpName = "SECONDS",
    };

    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Files, folders (recursive), .gz files, or - for standard input",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Builds read options from the shared options; bad values throw coded usage errors.</summary>
    public static ReadOptions BuildReadOptions(string input, string? published, long? maxBytes, bool followLinks = false)
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
            FollowLinks = followLinks,
        };
    }

    /// <summary>The extractor for a pipeline string (null: the default, built once) and a time budget per article in
    /// seconds (null: the default; 0: none).</summary>
    public static Extractor Extractor(string? pipeline, double? budgetSeconds = null)
    {
        if (budgetSeconds is < 0 or double.NaN or double.PositiveInfinity)
            throw new DossierException(Errors.BadOption("--budget", "must be 0 (no limit) or a positive number of seconds"));
        var extractor = string.IsNullOrWhiteSpace(pipeline) ? Dossier.Extractor.Default : new Extractor(Dossier.Pipeline.DocumentPipeline.FromConfig(pipeline));
        return budgetSeconds is { } b ? new Extractor(extractor.Pipeline) { Budget = TimeSpan.FromSeconds(b) } : extractor;
    }
}
