using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Dossier.Fuzz;

/// <summary>How a finding is kept in fuzz/cases, and read back for replay.</summary>
/// <remarks>
/// A reader input is kept as the file itself, named by its format ("…jsonl", "….txt.gz"), so the reader tests replay it
/// like any other file. An input of the other targets is kept as a harness case: a UTF-8 text file
/// <code>
/// # dossier-fuzz timex
/// published: 9999-12-31
/// ---
/// the text, escaped
/// </code>
/// where backslash, control characters other than line feed and tab, and lone surrogates are written as "\\" and
/// "\uXXXX", so any C# string survives the round trip. Files larger than <see cref="GzipAbove"/> are gzip-compressed.
/// </remarks>
public static class CaseFile
{
    /// <summary>Case files larger than this are stored gzip-compressed.</summary>
    public const int GzipAbove = 16 * 1024;
    /// <summary>First-line marker of a harness case.</summary>
    public const string Marker = "# dossier-fuzz ";
    private const string BodyLine = "---";

    /// <summary>A case read back: the target it belongs to and its input.</summary>
    public sealed record Case(string Target, FuzzInput Input);

    /// <summary>Writes a case named after <paramref name="slug"/> into <paramref name="dir"/>; returns its path.</summary>
    public static string Save(string dir, string slug, string target, FuzzInput input)
    {
        Directory.CreateDirectory(dir);
        byte[] bytes; string ext;
        switch (input)
        {
            case BytesInput b:
                bytes = b.Stream();
                ext = Extension(b.Name);
                break;
            case TextInput t:
                bytes = Encoding.UTF8.GetBytes(Format(target, t));
                ext = $".{target}.txt";
                break;
            default: throw new ArgumentException($"no file form for {input.GetType().Name}");
        }
        if (bytes.Length > GzipAbove && !ext.EndsWith(".gz", StringComparison.Ordinal) && !(input is BytesInput { Gzip: true }))
        {
            bytes = BytesInput.Compress(bytes);
            ext += ".gz";
        }
        var path = Path.Combine(dir, slug + ext);
        for (int k = 2; File.Exists(path); k++) path = Path.Combine(dir, $"{slug}-{k}{ext}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // ".jsonl", ".txt.gz", or "" for a name without extension (the reader sniffs the content).
    private static string Extension(string name)
    {
        int dot = name.IndexOf('.');
        return dot < 0 ? "" : name[dot..];
    }

    /// <summary>The text form of a harness case.</summary>
    public static string Format(string target, TextInput t)
    {
        var sb = new StringBuilder();
        sb.Append(Marker).Append(target).Append('\n');
        foreach (var (k, v) in t.Fields) sb.Append(k).Append(": ").Append(Escape(v, header: true)).Append('\n');
        sb.Append(BodyLine).Append('\n');
        sb.Append(Escape(t.Text, header: false));
        return sb.ToString();
    }

    /// <summary>Reads a harness case; null for any other file (a reader input kept as itself).</summary>
    public static Case? TryLoad(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) bytes = Decompress(bytes);
        }
        catch (InvalidDataException) { return null; }
        return Parse(bytes);
    }

    /// <summary>Parses the bytes of a harness case; null when they are not one.</summary>
    public static Case? Parse(byte[] bytes)
    {
        var marker = Encoding.UTF8.GetBytes(Marker);
        if (!bytes.AsSpan().StartsWith(marker)) return null;
        var s = Encoding.UTF8.GetString(bytes);
        int eol = s.IndexOf('\n');
        if (eol < 0) return null;
        var target = s[Marker.Length..eol].Trim();
        var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        int pos = eol + 1;
        while (true)
        {
            int e = s.IndexOf('\n', pos);
            if (e < 0) return null;
            var line = s[pos..e];
            pos = e + 1;
            if (line == BodyLine) break;
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0) return null;
            fields[line[..colon]] = Unescape(line[(colon + 2)..]);
        }
        return new Case(target, new TextInput(Unescape(s[pos..]), fields.ToImmutable()));
    }

    private static byte[] Decompress(byte[] gz)
    {
        using var src = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        src.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Backslash, controls (but line feed and tab in a body) and lone surrogates as escapes.</summary>
    public static string Escape(string s, bool header)
    {
        var sb = new StringBuilder(s.Length + 16);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            if (pair) { sb.Append(c).Append(s[++i]); continue; }
            if (c == '\\') sb.Append(@"\\");
            else if (char.IsSurrogate(c) || c < ' ' && (header || c != '\n' && c != '\t') || c == '\u007f') sb.Append(@"\u").Append(((int)c).ToString("X4"));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The inverse of <see cref="Escape"/>.</summary>
    public static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == '\\') { sb.Append('\\'); i++; continue; }
            if (s[i] == '\\' && i + 5 < s.Length && s[i + 1] == 'u' && ushort.TryParse(s.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var v))
            { sb.Append((char)v); i += 5; continue; }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
