namespace Dossier.Cli;

/// <summary>Builds the command tree; each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dossier: no commands yet");
        return 2;
    }
}
