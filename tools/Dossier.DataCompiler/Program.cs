namespace Dossier.DataCompiler;

/// <summary>
/// Compiles third-party data from ../shared/data into the compact files under data/compiled that the product embeds.
/// Run: dotnet run --project tools/Dossier.DataCompiler -- [--shared PATH] [--out PATH] [NAME...]
/// </summary>
public static class Program
{
    // Every ICompiler in this assembly, by name.
    private static readonly SortedDictionary<string, Action<string, string>> Compilers = new(
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ICompiler).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (ICompiler)Activator.CreateInstance(t)!)
            .ToDictionary(c => c.Name, c => (Action<string, string>)c.Run), StringComparer.OrdinalIgnoreCase);

    public static int Main(string[] args)
    {
        string repo = FindRepo();
        string shared = Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
        string output = Path.Combine(repo, "data", "compiled");
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--shared") shared = args[++i];
            else if (args[i] == "--out") output = args[++i];
            else names.Add(args[i]);
        }
        if (!Directory.Exists(shared)) { Console.Error.WriteLine($"no shared data at {shared}"); return 2; }
        Directory.CreateDirectory(output);
        foreach (var (name, run) in Compilers)
        {
            if (names.Count > 0 && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            Console.WriteLine($"== {name}");
            run(shared, output);
        }
        return 0;
    }

    private static string FindRepo()
    {
        var d = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (d != null && !File.Exists(Path.Combine(d.FullName, "Dossier.slnx"))) d = d.Parent;
        return d?.FullName ?? Directory.GetCurrentDirectory();
    }
}
