namespace Dossier.Testing;

/// <summary>Finds the ../shared/data folder beside the repository (present in CI, absent in a user's fresh clone).</summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The full path of ../shared/data, or null when it is absent.</summary>
    public static string? Path => Root.Value;

    /// <summary>The message a test skips with when the data is absent.</summary>
    public const string SkipMessage = "../shared/data is absent (it sits beside the repository in CI); this test needs it";

    /// <summary>Path of a file or folder under ../shared/data, or null when the data (or that entry) is absent.</summary>
    public static string? File(params string[] parts)
    {
        if (Path is null) return null;
        var p = System.IO.Path.Combine([Path, .. parts]);
        return System.IO.File.Exists(p) || Directory.Exists(p) ? p : null;
    }

    /// <summary>The repository root (the folder that holds Dossier.slnx).</summary>
    public static string RepoRoot { get; } = FindRepo();

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Dossier.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("DOSSIER_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var p = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));
        return Directory.Exists(p) ? p : null;
    }
}
