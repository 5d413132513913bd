using System.IO.Compression;
using System.Reflection;

namespace Dossier.Resources;

/// <summary>Opens data files compiled into the assembly (data/compiled and data/lexicons in the repository).</summary>
/// <remarks>Names are file names ("countries.tsv.gz"); .gz files are decompressed transparently. Loaders cache what they build.</remarks>
public static class EmbeddedData
{
    private static readonly Assembly Asm = typeof(EmbeddedData).Assembly;

    /// <summary>True when a resource of that file name was compiled in.</summary>
    public static bool Exists(string fileName) => Asm.GetManifestResourceInfo("Dossier.Resources." + fileName) != null;

    /// <summary>Opens a resource by file name; throws DSR203 when it is missing (a build problem, not bad input).</summary>
    public static Stream Open(string fileName)
    {
        var s = Asm.GetManifestResourceStream("Dossier.Resources." + fileName)
                ?? throw new DossierException(Errors.MissingResource(fileName));
        return fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(s, CompressionMode.Decompress) : s;
    }

    /// <summary>Opens a resource as stored (a .gz file stays compressed: for readers that decompress themselves).</summary>
    public static Stream OpenRaw(string fileName) =>
        Asm.GetManifestResourceStream("Dossier.Resources." + fileName) ?? throw new DossierException(Errors.MissingResource(fileName));

    /// <summary>Reads the lines of a text resource, skipping blank lines and '#' comments.</summary>
    public static IEnumerable<string> Lines(string fileName)
    {
        using var r = new StreamReader(Open(fileName));
        while (r.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line;
        }
    }
}
