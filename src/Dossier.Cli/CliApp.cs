using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>Exit codes of the command line.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;
    /// <summary>Some input items failed (the others were processed), a name was not found, or the store refused.</summary>
    public const int Failed = 1;
    /// <summary>Bad usage: unknown command or option, bad option value, missing input.</summary>
    public const int Usage = 2;
}

/// <summary>Builds the command tree; each command lives in its own file under Commands/ and only parses and formats.</summary>
public static class CliApp
{
    /// <summary>Runs with the process's console.</summary>
    /// <remarks>
    /// Output that goes to a file or a pipe is written in blocks of <see cref="RedirectedBufferBytes"/> and flushed when the
    /// command ends: <see cref="Console.Out"/> flushes every 256 characters, which made <c>extract</c> on the BBC corpus
    /// (34 MB) do 134,000 write calls. A terminal keeps the console's writer, so what a person watches appears at once.
    /// Same encoding as the console (no byte-order mark); a command that prints before waiting (serve) flushes itself.
    /// </remarks>
    public static int Run(string[] args)
    {
        if (!Console.IsOutputRedirected) return Run(args, Console.Out, Console.Error, interactive: true);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), Console.OutputEncoding, RedirectedBufferBytes);
        return Run(args, stdout, Console.Error, interactive: false);
    }

    /// <summary>Buffer of standard output when it is redirected.</summary>
    public const int RedirectedBufferBytes = 64 * 1024;

    /// <summary>Runs with the given writers (tests capture them); <paramref name="interactive"/> enables progress bars and colour.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        // The engines beyond SQLite, each a project of its own: a location naming one (postgres://…) opens it.
        Dossier.Store.Postgres.PostgresEngine.Register();
        var ctx = new CliContext(stdout, stderr, interactive);
        var root = Build(ctx);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) ctx.Error(Errors.Usage(e.Message));
            stderr.WriteLine("Try 'dossier --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (DossierException e)
        {
            ctx.Error(e.Error);
            return IsUsage(e.Error.Code) ? ExitCodes.Usage : ExitCodes.Failed;
        }
    }

    // Configuration mistakes are usage errors; everything else (store, missing names) is a failure.
    private static bool IsUsage(string code) => code is "DSR111" or "DSR201" or "DSR202" or "DSR402" or "DSR410" or "DSR413";

    /// <summary>The command tree.</summary>
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand(
            "Dossier: turns news articles into sourced knowledge (actors, time, quotes, claims, events) and serves it.\n" +
            "Exit codes: 0 ok; 1 some input items failed (the rest was processed), a name was not found, or the database refused; " +
            "2 bad usage. Errors go to standard error as 'dossier: message (DSRnnn)' or 'path[:line]: reason (DSRnnn)'.");
        root.Add(CommonOptions.Db);
        root.Add(DemoCommand.Create(ctx));
        root.Add(IngestCommand.Create(ctx));
        root.Add(ClusterCommand.Create(ctx));
        root.Add(FetchCommand.Create(ctx));
        root.Add(WatchCommand.Create(ctx));
        root.Add(ExtractCommand.Create(ctx));
        root.Add(ParseCommand.Create(ctx));
        root.Add(SearchCommand.Create(ctx));
        root.Add(ActorsCommand.Create(ctx));
        root.Add(ActorCommand.Create(ctx));
        root.Add(NamesCommand.Create(ctx));
        root.Add(RolesCommand.Create(ctx));
        root.Add(QuotesCommand.Create(ctx));
        root.Add(RelationCommand.Create(ctx));
        root.Add(ServeCommand.Create(ctx));
        root.Add(TimelineCommand.Create(ctx));
        root.Add(ExportCommand.Create(ctx));
        root.Add(CopyCommand.Create(ctx));
        root.Add(EvalCommand.Create(ctx));
        root.Add(TrainCommand.Create(ctx));
        return root;
    }
}
