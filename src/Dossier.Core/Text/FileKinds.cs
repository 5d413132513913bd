using System.Runtime.InteropServices;

namespace Dossier.Text;

/// <summary>What a path is on disk, and its identity (device and inode), without opening it.</summary>
/// <remarks>
/// Opening a FIFO blocks until a writer comes, and a folder walk that follows links can loop forever, so the readers ask
/// first. On Linux this is one <c>statx</c> call (its record has the same layout on every architecture); elsewhere the
/// BCL tells links, folders and files apart and the full path stands in for the identity. Stateless and thread-safe.
/// </remarks>
internal static class FileKinds
{
    public enum Kind { Missing, File, Folder, Link, Fifo, Socket, Device, Other }

    /// <summary>A path's kind and identity; <see cref="Id"/> is unique per file system object (device and inode).</summary>
    public readonly record struct Info(Kind Kind, (ulong Device, ulong Inode, string Path) Id);

    /// <summary>What <paramref name="path"/> is; links are reported as links unless <paramref name="follow"/>.</summary>
    public static Info Of(string path, bool follow)
    {
        if (_statx)
        {
            try
            {
                if (Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType | StatxIno, out var b) != 0) return new(Kind.Missing, default);
                var kind = (b.Mode & 0xF000) switch
                {
                    0x8000 => Kind.File, 0x4000 => Kind.Folder, 0xA000 => Kind.Link, 0x1000 => Kind.Fifo, 0xC000 => Kind.Socket,
                    0x2000 or 0x6000 => Kind.Device, _ => Kind.Other,
                };
                return new(kind, (((ulong)b.DevMajor << 32) | b.DevMinor, b.Ino, ""));
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { _statx = false; }
        }
        return Portable(path, follow);
    }

    /// <summary>A readable name for a kind, for messages.</summary>
    public static string Describe(Kind k) => k switch
    {
        Kind.Fifo => "a FIFO", Kind.Socket => "a socket", Kind.Device => "a device", _ => "not a file or folder",
    };

    private static Info Portable(string path, bool follow)
    {
        try
        {
            FileSystemInfo fi = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!fi.Exists) return new(Kind.Missing, default);
            if (fi.LinkTarget is not null)
            {
                if (!follow) return new(Kind.Link, (0, 0, Path.GetFullPath(path)));
                var final = fi.ResolveLinkTarget(returnFinalTarget: true);
                if (final is null || !final.Exists) return new(Kind.Missing, default);
                fi = final;
            }
            return new(fi is DirectoryInfo ? Kind.Folder : Kind.File, (0, 0, fi.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return new(Kind.Missing, default); }
    }

    private static bool _statx = OperatingSystem.IsLinux();

    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxIno = 0x100;

    // struct statx (linux/stat.h): the fields read here, at their fixed offsets; 256 bytes in all.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Ino;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);
}
