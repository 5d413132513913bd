using System.IO.Compression;
using System.Text;

namespace Dossier.Evaluation;

/// <summary>Opens a treebank file for reading, decompressing .xz (as UD data ships) and .gz by extension.</summary>
public static class TreebankFile
{
    /// <summary>A reader over the decompressed UTF-8 text; DSR110 when the file does not exist.</summary>
    public static TextReader Open(string path)
    {
        if (!File.Exists(path)) throw new DossierException(Errors.NotFound() with { Message = $"{path}: no such file" });
        Stream s = File.OpenRead(path);
        if (path.EndsWith(".xz", StringComparison.OrdinalIgnoreCase)) s = new SharpCompress.Compressors.Xz.XZStream(s);
        else if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(new BufferedStream(s, 1 << 16), Encoding.UTF8);
    }

    /// <summary>Reads every sentence of a CoNLL-U file; malformed sentences are reported as (path, line, error) and skipped;
    /// DSR260 when it holds no CoNLL-U sentence (or cannot be decompressed).</summary>
    public static List<ConlluSentence> ReadConllu(string path, Action<string, int, DossierError>? onError = null)
    {
        try
        {
            using var r = Open(path);
            return Conllu.ReadAll(r, path, (line, e) => onError?.Invoke(path, line, e));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException
                                      or NotSupportedException || e.GetType().Namespace?.StartsWith("SharpCompress", StringComparison.Ordinal) == true)
        {
            throw new DossierException(Errors.NotConllu(path, e.Message));
        }
    }
}
