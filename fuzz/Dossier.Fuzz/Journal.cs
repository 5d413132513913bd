using System.IO.MemoryMappedFiles;
using System.Text;

namespace Dossier.Fuzz;

/// <summary>Which input each fuzzing loop is running, in a memory-mapped file that outlives the process.</summary>
/// <remarks>
/// A stack overflow or a fatal runtime error ends a .NET process without running any handler, so the harness cannot
/// report such an input itself. Each loop writes the iteration it is about to run into its slot (a store into mapped
/// memory, which the kernel writes back even when the process dies); a run that ends normally marks the journal
/// finished. The next run in the same output folder finds a journal still marked running and names the iteration that
/// was in progress, to replay with <c>--iteration</c>.
/// </remarks>
public sealed class Journal : IDisposable
{
    /// <summary>File name of the journal inside the output folder (hidden: readers and tests skip dot files).</summary>
    public const string FileName = ".dossier-fuzz-journal";
    private const int Magic = 0x314A4644; // "DFJ1"
    private const int MaxTargetsBytes = 256, SlotsAt = 24 + MaxTargetsBytes;
    /// <summary>Most fuzzing loops one journal records.</summary>
    public const int MaxJobs = 64;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    /// <summary>What a journal left by a run that did not end normally says.</summary>
    public sealed record Interrupted(ulong Seed, string Targets, long[] Iterations);

    private Journal(string path, ulong seed, string targets, int jobs)
    {
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Create, null, SlotsAt + 8 * MaxJobs, MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor();
        var t = Encoding.UTF8.GetBytes(targets);
        if (t.Length > MaxTargetsBytes) t = t[..MaxTargetsBytes];
        _view.Write(0, Magic);
        _view.Write(4, 1);
        _view.Write(8, seed);
        _view.Write(16, jobs);
        _view.Write(20, t.Length);
        _view.WriteArray(24, t, 0, t.Length);
        for (int j = 0; j < MaxJobs; j++) _view.Write(SlotsAt + 8 * j, -1L);
    }

    /// <summary>Starts a journal in <paramref name="dir"/>, replacing an earlier one.</summary>
    public static Journal Start(string dir, ulong seed, string targets, int jobs)
    {
        Directory.CreateDirectory(dir);
        return new Journal(Path.Combine(dir, FileName), seed, targets, Math.Min(jobs, MaxJobs));
    }

    /// <summary>Records that loop <paramref name="job"/> is about to run <paramref name="iteration"/>.</summary>
    public void Mark(int job, long iteration) { if (job < MaxJobs) _view.Write(SlotsAt + 8 * job, iteration); }

    /// <summary>Marks the run as ended normally.</summary>
    public void Dispose()
    {
        _view.Write(4, 0);
        _view.Flush();
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>The journal a run in <paramref name="dir"/> left when it did not end normally, or null.</summary>
    public static Interrupted? Read(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) return null;
        var b = File.ReadAllBytes(path);
        if (b.Length < SlotsAt + 8 * MaxJobs || BitConverter.ToInt32(b, 0) != Magic || BitConverter.ToInt32(b, 4) != 1) return null;
        int jobs = Math.Clamp(BitConverter.ToInt32(b, 16), 1, MaxJobs), tl = Math.Clamp(BitConverter.ToInt32(b, 20), 0, MaxTargetsBytes);
        var its = new List<long>();
        for (int j = 0; j < jobs; j++) { long i = BitConverter.ToInt64(b, SlotsAt + 8 * j); if (i >= 0) its.Add(i); }
        return new Interrupted(BitConverter.ToUInt64(b, 8), Encoding.UTF8.GetString(b, 24, tl), [.. its]);
    }
}
