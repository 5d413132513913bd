namespace Dossier.Text;

/// <summary>Options for reading input files.</summary>
public sealed record ReadOptions
{
    /// <summary>Default size limit for one input file or one decompressed stream: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The format to assume; Auto detects by extension and content.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;
    /// <summary>Files larger than this (after decompression) are refused with DSR104.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
    /// <summary>Publication date for inputs that carry none.</summary>
    public DateOnly? Published { get; init; }
}
