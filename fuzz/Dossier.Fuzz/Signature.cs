using System.Diagnostics;
using System.Reflection;

namespace Dossier.Fuzz;

/// <summary>What tells one failure from another: the target, and the kind of failure with the place it happened.</summary>
/// <remarks>Two inputs with the same signature are the same finding: the second is counted, not kept. The minimiser keeps
/// a cut only when the cut input still fails with the same signature.</remarks>
public static class Signature
{
    /// <summary>Failure kind of an input that ran past the time limit.</summary>
    public const string Hang = "hang";

    /// <summary>"target: kind" for a failure of a target.</summary>
    public static string Of(Target target, Exception e) => $"{target.Name}: {Kind(e)}";

    /// <summary>"InvalidOperationException in ArticleReader.FromJson" (the innermost method of Dossier's own code), a broken
    /// invariant's name, or a caught crash with the method that threw it.</summary>
    /// <remarks>The place is our method rather than the library frame that threw, so that the same mistake reaching two
    /// throw helpers of a library (a lone high or low surrogate) is one finding, and two call sites are two.</remarks>
    public static string Kind(Exception e)
    {
        if (e is FuzzFailure f) return f.InnerFrame is { } at ? $"{f.Kind} in {at}" : f.Kind;
        var frames = new StackTrace(e, false).GetFrames();
        var where = OwnFrame(frames) ?? (frames.Length > 0 ? Name(frames[0].GetMethod()) : null);
        return where is null ? e.GetType().Name : $"{e.GetType().Name} in {where}";
    }

    /// <summary>The innermost frame in Dossier's own code (not the harness), as "Type.Method".</summary>
    public static string? OwnFrame(StackFrame[] frames)
    {
        foreach (var f in frames)
        {
            var m = f.GetMethod();
            var ns = m?.DeclaringType?.Namespace;
            if (ns is not null && ns.StartsWith("Dossier", StringComparison.Ordinal) && !ns.StartsWith("Dossier.Fuzz", StringComparison.Ordinal)) return Name(m);
        }
        return null;
    }

    // Compiler-generated code is named after the method it belongs to: an iterator "<ReadLines>d__12.MoveNext" after
    // ReadLines, a lambda "<>c.<Weekday>b__3_0" or "<.cctor>b__45_14" after the method (or static initialiser) it is in.
    private static string? Name(MethodBase? m)
    {
        if (m is null) return null;
        var t = m.DeclaringType;
        string method = m.Name.StartsWith('<') ? Inside(m.Name) : m.Name;
        while (t is not null && t.Name.StartsWith('<'))
        {
            if (!t.Name.StartsWith("<>", StringComparison.Ordinal)) method = Inside(t.Name);
            t = t.DeclaringType;
        }
        return t is null ? method : $"{t.Name}.{method}";
    }

    private static string Inside(string generated)
    {
        int close = generated.IndexOf('>');
        return close > 1 ? generated[1..close] : generated;
    }

    /// <summary>A file-name-safe form of a signature: "read-invalidoperationexception-jsonelement-getstring".</summary>
    public static string Slug(string signature, int maxLength = 72)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in signature)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= maxLength) break;
        }
        return sb.ToString().Trim('-');
    }
}
