namespace Dossier.Text;

/// <summary>Options for reading input files.</summary>
public sealed record ReadOptions
{
    /// <summary>Default size limit for one input file or one decompressed stream (<see cref="Limits.MaxInputBytes"/>).</summary>
    public const long DefaultMaxBytes = Limits.MaxInputBytes;

    /// <summary>The format to assume; Auto detects by extension and content.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;
    /// <summary>Files larger than this (after decompression) are refused with DSR104.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
    /// <summary>Publication date for inputs that carry none.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Links to folders met inside a folder are followed (each folder is still read once: loops end);
    /// by default they are reported and skipped.</summary>
    public bool FollowLinks { get; init; }
}
