using System.Text;
using System.Text.Unicode;

namespace Dossier.Text;

/// <summary>Turns input bytes into text: byte-order mark, strict UTF-8, the declared encoding, then a detected one.</summary>
/// <remarks>Stateless and thread-safe. Refuses binary data (NUL bytes, many control bytes) before any decoding.</remarks>
public static class TextDecoder
{
    /// <summary>How many leading bytes are inspected for binary content and declared encodings.</summary>
    public const int SniffBytes = 64 * 1024;
    /// <summary>Share of C0 control bytes (besides tab, CR, LF, FF) above which input counts as binary.</summary>
    public const double MaxControlShare = 0.05;
    /// <summary>Share of unprintable characters a legacy decoding may produce before it is rejected as a wrong guess.</summary>
    public const double MaxJunkShare = 0.02;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The decoded text, or why it could not be decoded; <see cref="Warning"/> when the text is only a best guess
    /// (an encoding detected, not declared; invalid sequences replaced).</summary>
    public readonly record struct Result(string? Text, Encoding? Encoding, DossierError? Error, DossierError? Warning = null);

    /// <summary>Decodes <paramref name="data"/>; never throws.</summary>
    public static Result Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return new(null, null, Errors.EmptyInput());
        // 1. A byte-order mark decides (UTF-16/32 contain NUL bytes, so this comes before the binary check).
        if (Bom(data, out var bomEnc, out int skip))
        {
            try { return Checked(bomEnc.GetString(data[skip..]), bomEnc); }
            catch (DecoderFallbackException e) { return new(null, null, Errors.Encoding(e.Message)); }
        }
        if (LooksBinary(data)) return new(null, null, Errors.Binary());
        // 2. Strict UTF-8 (ASCII included).
        if (Utf8.IsValid(data)) return Checked(Encoding.UTF8.GetString(data), Encoding.UTF8);
        // 3. The encoding the document declares (HTML meta charset, XML declaration).
        var declared = DeclaredEncoding(data);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            var s = declared.GetString(data);
            if (Plausible(s)) return new(s, declared, null);
        }
        // 4. A detected encoding.
        int bad = CountInvalidUtf8(data, out int firstBad, out int multibyte);
        // Mostly UTF-8 (valid multi-byte sequences, a few broken ones: a page stitched from parts) is UTF-8 with replacement
        // characters; a legacy code page would garble every valid sequence. Without any valid one, a code page is likelier.
        bool mostlyUtf8 = multibyte > 0 && bad <= data.Length / 1000 + 1;
        if (mostlyUtf8) return Checked(Encoding.UTF8.GetString(data), Encoding.UTF8) with { Warning = Errors.Utf8Replaced(bad, firstBad) };
        var det = UtfUnknown.CharsetDetector.DetectFromBytes(data.Length > SniffBytes * 4 ? data[..(SniffBytes * 4)] : data).Detected;
        if (det?.Encoding is { } enc && det.Confidence >= 0.2f && enc.CodePage != Encoding.UTF8.CodePage)
        {
            var s = enc.GetString(data);
            if (Plausible(s)) return Checked(s, enc) with { Warning = Errors.GuessedEncoding(enc.WebName, firstBad) };
        }
        // 5. Nearly ASCII with a few stray bytes and no encoding that fits: keep it, with replacement characters.
        if (bad <= data.Length / 1000 + 1) return Checked(Encoding.UTF8.GetString(data), Encoding.UTF8) with { Warning = Errors.Utf8Replaced(bad, firstBad) };
        var where = firstBad;
        return new(null, null, Errors.Encoding($"not valid UTF-8 (bad byte 0x{data[where]:X2} at offset {where}) and no declared or detectable encoding fits"));
    }

    private static Result Checked(string s, Encoding enc) =>
        ArticleReader.IsBlank(s) ? new(null, enc, Errors.EmptyInput()) : new(s, enc, null);

    private static bool Bom(ReadOnlySpan<byte> d, out Encoding enc, out int skip)
    {
        if (d.Length >= 4 && d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0) { enc = new UTF32Encoding(false, false, true); skip = 4; return true; }
        if (d.Length >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF) { enc = new UTF32Encoding(true, false, true); skip = 4; return true; }
        if (d.Length >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) { enc = StrictUtf8; skip = 3; return true; }
        if (d.Length >= 2 && d[0] == 0xFF && d[1] == 0xFE) { enc = new UnicodeEncoding(false, false, true); skip = 2; return true; }
        if (d.Length >= 2 && d[0] == 0xFE && d[1] == 0xFF) { enc = new UnicodeEncoding(true, false, true); skip = 2; return true; }
        enc = Encoding.UTF8; skip = 0; return false;
    }

    /// <summary>True for the signature of a binary format (archive, image, PDF, executable…) or a share of NUL and
    /// control bytes above <see cref="MaxControlShare"/> in the first <see cref="SniffBytes"/>. A page with a few stray
    /// control bytes is text: the normaliser drops them.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> d)
    {
        var head = d.Length > SniffBytes ? d[..SniffBytes] : d;
        foreach (var sig in BinarySignatures)
            if (head.StartsWith(sig)) return true;
        int ctrl = 0;
        foreach (var b in head)
            if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C && b != 0x1B) ctrl++;
        return ctrl > head.Length * MaxControlShare && (ctrl > 8 || head.Length < 8 / MaxControlShare);
    }

    // Leading bytes of formats that are never an article: zip (docx, epub…), gzip, PDF, PNG, JPEG, GIF, ELF, 7-Zip, xz,
    // SQLite, Java classes and Mach-O. (Executables, sound and images of other kinds are caught by their control bytes.)
    private static readonly byte[][] BinarySignatures =
    [
        [0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06], [0x1F, 0x8B], "%PDF-"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47],
        [0xFF, 0xD8, 0xFF], "GIF87a"u8.ToArray(), "GIF89a"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46],
        [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "SQLite format 3\0"u8.ToArray(),
        [0xCA, 0xFE, 0xBA, 0xBE], [0xCF, 0xFA, 0xED, 0xFE],
    ];

    // Finds charset=... (HTML meta, also http-equiv content) or encoding="..." (XML declaration) in the first bytes, read as ASCII.
    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> d)
    {
        var head = Encoding.Latin1.GetString(d.Length > 4096 ? d[..4096] : d);
        foreach (var key in (ReadOnlySpan<string>)["charset=", "encoding="])
        {
            int at = head.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            int i = at + key.Length;
            while (i < head.Length && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) i++;
            int j = i;
            while (j < head.Length && (char.IsAsciiLetterOrDigit(head[j]) || head[j] is '-' or '_' or ':' or '.')) j++;
            if (j == i) continue;
            try { return Encoding.GetEncoding(head[i..j]); }
            catch (ArgumentException) { }
        }
        return null;
    }

    // A wrong legacy guess shows as C0/C1 controls or replacement characters; real text has almost none.
    private static bool Plausible(string s)
    {
        int junk = 0;
        foreach (var c in s)
            if (c == '\uFFFD' || c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c >= '\u0080' && c < '\u00A0') junk++;
        return junk <= s.Length * MaxJunkShare;
    }

    private static int CountInvalidUtf8(ReadOnlySpan<byte> d, out int first, out int multibyte)
    {
        // Utf8.IsValid says only yes or no; decode to count and locate (rare path).
        int i = 0, bad = 0; first = 0; multibyte = 0;
        while (i < d.Length)
        {
            var st = System.Text.Rune.DecodeFromUtf8(d[i..], out _, out int used);
            if (st != System.Buffers.OperationStatus.Done) { if (bad++ == 0) first = i; }
            else if (used > 1) multibyte++;
            i += Math.Max(used, 1);
        }
        return bad;
    }
}
