using System.IO.Compression;
using System.Text;

namespace Dossier.Fuzz;

/// <summary>The seed inputs mutations start from: every file of fuzz/cases and data/samples, read once.</summary>
/// <remarks>Files are kept decompressed (a ".gz" name loses its suffix) and harness cases as their text. Inputs larger
/// than a target's limit are used through a random window. Immutable after loading; shared by all fuzzing loops.</remarks>
public sealed class Corpus
{
    /// <summary>A seed file: its name (without ".gz") and its bytes.</summary>
    public sealed record Seed(string Name, byte[] Data)
    {
        private string? _text;
        /// <summary>The bytes read as UTF-8 (broken sequences become U+FFFD).</summary>
        public string Text => _text ??= Encoding.UTF8.GetString(Data);
    }

    /// <summary>Folders of the repository whose files seed the corpus.</summary>
    public static readonly string[] Folders = [Path.Combine("fuzz", "cases"), Path.Combine("data", "samples")];

    /// <summary>Largest seed file kept (decompressed); the bigger cases are replayed by the tests, not mutated.</summary>
    public const int MaxSeedBytes = 4 << 20;

    /// <summary>The time grammar's word list, relative to the repository root: its words seed the time-expression generator.</summary>
    public static readonly string TimeWordsFile = Path.Combine("data", "lexicons", "time-words.txt");

    public IReadOnlyList<Seed> Seeds { get; }
    /// <summary>Words and phrases of the time lexicon ("jan.", "the day before"), empty when the file is absent.</summary>
    public IReadOnlyList<string> TimeWords { get; }

    public Corpus(IReadOnlyList<Seed> seeds, IReadOnlyList<string>? timeWords = null)
    {
        Seeds = seeds;
        TimeWords = timeWords ?? [];
    }

    /// <summary>An empty corpus: inputs come from the generators only.</summary>
    public static readonly Corpus Empty = new([]);

    /// <summary>Loads the corpus folders under the repository root.</summary>
    public static Corpus Load(string repoRoot)
    {
        var seeds = new List<Seed>();
        foreach (var folder in Folders)
        {
            var dir = Path.Combine(repoRoot, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(f).StartsWith('.') || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
                if (CaseFile.TryLoad(f) is { Input: TextInput t })
                {
                    seeds.Add(new Seed(Path.GetFileName(f), Encoding.UTF8.GetBytes(t.Text)));
                    continue;
                }
                if (ReadBounded(f) is { } data) seeds.Add(new Seed(StripGz(Path.GetFileName(f)), data));
            }
        }
        return new Corpus(seeds, LexiconWords(Path.Combine(repoRoot, TimeWordsFile)));
    }

    // "word<TAB or spaces>value" under [section] headers; the entry is everything before the value.
    private static List<string> LexiconWords(string path)
    {
        var words = new List<string>();
        if (!File.Exists(path)) return words;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '[') continue;
            int cut = line.LastIndexOfAny([' ', '\t']);
            words.Add(cut > 0 ? line[..cut].TrimEnd() : line);
        }
        return words;
    }

    private static string StripGz(string name) => name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static byte[]? ReadBounded(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var ms = new MemoryStream();
            var buf = new byte[1 << 16];
            int n;
            while ((n = s.Read(buf)) > 0 && ms.Length <= MaxSeedBytes) ms.Write(buf, 0, n);
            return ms.Length > MaxSeedBytes ? null : ms.ToArray();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>A random seed, or null when the corpus is empty.</summary>
    public Seed? Pick(Rng rng) => Seeds.Count == 0 ? null : rng.Pick(Seeds);

    /// <summary>A random window of at most <paramref name="max"/> elements.</summary>
    public static ReadOnlySpan<T> Window<T>(ReadOnlySpan<T> data, int max, Rng rng)
    {
        if (data.Length <= max) return data;
        int len = rng.Between(1, max);
        // mostly the beginning (headers, declarations), sometimes anywhere
        int start = rng.Chance(0.5) ? 0 : rng.Below(data.Length - len + 1);
        return data.Slice(start, len);
    }
}
