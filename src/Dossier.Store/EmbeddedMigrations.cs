using System.Reflection;

namespace Dossier.Store;

/// <summary>A numbered migration script of an engine: Migrations/NNN_name.sql embedded in its assembly.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql);

/// <summary>Reads an engine's embedded migration scripts (every engine numbers its own).</summary>
public static class EmbeddedMigrations
{
    /// <summary>The scripts whose resource names start with <paramref name="prefix"/>, in version order.</summary>
    /// <exception cref="InvalidOperationException">When two scripts have the same number.</exception>
    public static MigrationScript[] Load(Assembly assembly, string prefix)
    {
        var list = new List<MigrationScript>();
        foreach (var res in assembly.GetManifestResourceNames())
        {
            if (!res.StartsWith(prefix, StringComparison.Ordinal) || !res.EndsWith(".sql", StringComparison.Ordinal)) continue;
            var file = res[prefix.Length..^4];
            int us = file.IndexOf('_');
            if (us <= 0 || !int.TryParse(file.AsSpan(0, us), out int v)) continue;
            using var s = assembly.GetManifestResourceStream(res)!;
            using var r = new StreamReader(s);
            list.Add(new MigrationScript(v, file[(us + 1)..], r.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 1; i < list.Count; i++)
            if (list[i].Version == list[i - 1].Version) throw new InvalidOperationException($"two migrations numbered {list[i].Version}");
        return list.ToArray();
    }
}
