using Dossier.Cli;

namespace Dossier.Tests;

/// <summary>A temporary folder per test class instance and a way to run the command line with captured output.</summary>
public abstract class CliTestBase : IDisposable
{
    /// <summary>The test's own temporary folder, deleted afterwards.</summary>
    protected readonly string Dir;

    protected CliTestBase(string prefix) => Dir = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <c>dossier</c> with the arguments; returns the exit code and what it wrote.</summary>
    protected static (int Code, string Out, string Err) Dossier(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
