namespace Dossier.Cli;

/// <summary>Where a command writes: standard output (results), standard error (errors, progress), and whether a person watches.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, bool interactive)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    /// <summary>True when output goes to a terminal: progress bars and highlighting are used.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Prints a coded error on stderr: "dossier: message (DSRnnn)".</summary>
    public void Error(DossierError e) => Err.WriteLine($"dossier: {e.Message} ({e.Code})");
}
