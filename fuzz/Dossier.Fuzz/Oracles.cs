using System.Diagnostics;
using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Fuzz;

/// <summary>The checks every target applies to what the code under test returns.</summary>
public static class Oracles
{
    /// <summary>The code a component's caught crash is reported with (Errors.ExtractionFailed).</summary>
    public const string CaughtCrashCode = "DSR204";

    static void Fail(string kind, string detail) => throw new FuzzFailure(kind, detail);

    /// <summary>An error code is "DSR" and three digits, with a message.</summary>
    public static void Error(DossierError e)
    {
        var c = e.Code;
        if (c is null || c.Length != 6 || !c.StartsWith("DSR", StringComparison.Ordinal) || !char.IsAsciiDigit(c[3]) || !char.IsAsciiDigit(c[4]) || !char.IsAsciiDigit(c[5]))
            Fail("malformed error code", $"'{c}' ({e.Message})");
        if (string.IsNullOrWhiteSpace(e.Message)) Fail("error without message", c ?? "");
    }

    /// <summary>One item of a read: an article or an error, never both or neither; articles have a body, a resolved format
    /// and well-formed warnings.</summary>
    public static void Item(InputItem item)
    {
        if ((item.Article is null) == (item.Error is null)) Fail("item with both or neither", item.ToString());
        if (item.Error is { } err) { Error(err.Error); return; }
        var a = item.Article!;
        if (string.IsNullOrWhiteSpace(a.Body)) Fail("article with blank body", a.Where);
        if (a.Format is not (InputFormat.Text or InputFormat.Html)) Fail("article format unresolved", $"{a.Format} at {a.Where}");
        foreach (var w in a.Warnings) Error(w);
    }

    /// <summary>The outcome of cleaning or extraction: a document with well-formed warnings, or an error that is not a caught crash.</summary>
    /// <param name="again">Runs the same call again, so that a caught crash can be reproduced with its stack recorded.</param>
    public static Document Result(CleanResult r, Func<CleanResult> again)
    {
        if ((r.Document is null) == (r.Error is null)) Fail("result with both or neither", r.ToString());
        if (r.Error is { } e)
        {
            Error(e);
            if (e.Code == CaughtCrashCode) throw CaughtCrash(e, again);
            return null!;
        }
        foreach (var w in r.Document!.Warnings) Error(w);
        return r.Document!;
    }

    // The component caught an exception and reported it by message only: run the call again with first-chance recording on,
    // so the finding carries the place it was thrown (two crashes of the same type elsewhere are two findings).
    private static FuzzFailure CaughtCrash(DossierError e, Func<CleanResult> again)
    {
        var seen = FirstChance.Record(() => again());
        // "component 'x' failed: TypeName: message"
        int colon = e.Message.IndexOf("failed: ", StringComparison.Ordinal);
        var rest = colon < 0 ? e.Message : e.Message[(colon + 8)..];
        int end = rest.IndexOf(':');
        var type = end < 0 ? rest : rest[..end];
        var thrown = seen.LastOrDefault(x => x.Type == type);
        return new FuzzFailure($"{CaughtCrashCode} {type}", e.Message, thrown?.Stack) { InnerFrame = thrown?.Frame };
    }

    /// <summary>Cleaned text keeps the normaliser's promises: not empty, no carriage returns or C0 controls but line feeds.</summary>
    public static void CleanText(Document doc, int rawLength)
    {
        var t = doc.Text;
        if (t.Length == 0) Fail("empty document", "cleaning returned a document with no text");
        for (int i = 0; i < t.Length; i++)
            if (t[i] < ' ' && t[i] != '\n') Fail("control character in clean text", $"U+{(int)t[i]:X4} at {i}");
        foreach (int k in (ReadOnlySpan<int>)[0, t.Length / 2, t.Length - 1, t.Length])
        {
            int raw = doc.RawMap.ToRaw(k);
            if (raw < 0 || raw > rawLength) Fail("raw offset outside the input", $"clean {k} → raw {raw}, input length {rawLength}");
        }
        Posts(doc);
    }

    /// <summary>Embedded posts lie inside the text, in order, with their parts inside them.</summary>
    public static void Posts(Document doc)
    {
        int n = doc.Text.Length, prev = 0;
        foreach (var p in doc.Posts)
        {
            if (p.Start < 0 || p.Start > p.End || p.End > n) Fail("post outside the text", $"[{p.Start},{p.End}) in {n}");
            if (p.TextStart < p.Start || p.TextEnd < p.TextStart || p.TextEnd > p.End) Fail("post text outside the post", $"[{p.TextStart},{p.TextEnd}) in [{p.Start},{p.End})");
            if (p.AttributionStart < p.Start || p.AttributionEnd < p.AttributionStart || p.AttributionEnd > p.End) Fail("post attribution outside the post", $"[{p.AttributionStart},{p.AttributionEnd}) in [{p.Start},{p.End})");
            if (p.Start < prev) Fail("posts out of order", $"{p.Start} after {prev}");
            prev = p.Start;
        }
    }

    /// <summary>Tokens are non-empty, inside the text and in order; sentences cover the tokens in order with matching offsets,
    /// each flagged at its first token and at most <see cref="Limits.MaxSentenceTokens"/> long.</summary>
    public static void Segmented(Document doc)
    {
        var text = doc.Text; var toks = doc.Tokens; var sents = doc.Sentences;
        int prevEnd = 0;
        for (int i = 0; i < toks.Length; i++)
        {
            var t = toks[i];
            if (t.Start < prevEnd || t.End <= t.Start || t.End > text.Length) Fail("token out of order or outside the text", $"token {i} [{t.Start},{t.End}) after {prevEnd}, text {text.Length}");
            if (char.IsWhiteSpace(text[t.Start])) Fail("token starts with white space", $"token {i} at {t.Start}");
            prevEnd = t.End;
        }
        int next = 0;
        for (int s = 0; s < sents.Length; s++)
        {
            var x = sents[s];
            if (x.FirstToken != next || x.TokenEnd <= x.FirstToken || x.TokenEnd > toks.Length) Fail("sentences do not cover the tokens in order", $"sentence {s} tokens [{x.FirstToken},{x.TokenEnd}), expected to start at {next} of {toks.Length}");
            if (x.Start != toks[x.FirstToken].Start || x.End != toks[x.TokenEnd - 1].End) Fail("sentence offsets differ from its tokens", $"sentence {s} [{x.Start},{x.End})");
            // a chunk cut from an over-long sentence starts with ChunkStart instead
            if (!toks[x.FirstToken].Has(TokenFlags.SentenceStart) && !toks[x.FirstToken].Has(TokenFlags.ChunkStart)) Fail("sentence start not flagged", $"sentence {s}");
            if (x.TokenCount > Limits.MaxSentenceTokens) Fail("sentence longer than the limit", $"sentence {s}: {x.TokenCount} tokens");
            next = x.TokenEnd;
        }
        if (next != toks.Length) Fail("sentences do not cover the tokens in order", $"sentences end at token {next} of {toks.Length}");
    }

    /// <summary>Timexes lie inside the text, in order and disjoint, each with a value and the component's id.</summary>
    public static void Timexes(Document doc)
    {
        int prevEnd = 0;
        foreach (var t in doc.Timexes)
        {
            if (t.Start < prevEnd || t.End <= t.Start || t.End > doc.Text.Length) Fail("timex out of order or outside the text", $"[{t.Start},{t.End}) after {prevEnd}, text {doc.Text.Length}");
            if (string.IsNullOrEmpty(t.Value)) Fail("timex without value", $"[{t.Start},{t.End})");
            if (string.IsNullOrEmpty(t.By)) Fail("timex without provenance", $"[{t.Start},{t.End})");
            if (!YearShaped(t.Value)) Fail("timex year not four digits", $"'{t.Value}' at [{t.Start},{t.End})");
            prevEnd = t.End;
        }
    }

    // A calendar value starts with a year of four digits (2024-12-08), or a century or decade of two or three (19, 199);
    // a fifth digit or a minus sign is a date arithmetic overflow written out.
    private static bool YearShaped(string v)
    {
        if (v.Length == 0 || !(char.IsAsciiDigit(v[0]) || v[0] == '-')) return true;
        int n = 0;
        while (n < v.Length && char.IsAsciiDigit(v[n])) n++;
        return n is >= 2 and <= 4;
    }

    /// <summary>Every layer of a fully extracted document points inside the text.</summary>
    public static void Layers(Document doc)
    {
        int n = doc.Text.Length;
        void In(string layer, int s, int e) { if (s < 0 || e < s || e > n) Fail($"{layer} outside the text", $"[{s},{e}) in {n}"); }
        Segmented(doc);
        Timexes(doc);
        Posts(doc);
        foreach (var x in doc.Entities) In("entity", x.Start, x.End);
        foreach (var x in doc.Quotes)
        {
            In("quote", x.Start, x.End);
            if (x.SpeakerStart >= 0) In("quote speaker", x.SpeakerStart, x.SpeakerEnd);
            if (x.CueStart >= 0) In("quote cue", x.CueStart, x.CueEnd);
        }
        foreach (var x in doc.Claims) In("claim", x.Start, x.End);
        foreach (var x in doc.Events) { In("event", x.Start, x.End); In("event trigger", x.TriggerStart, x.TriggerEnd); }
    }
}

/// <summary>Records the exceptions thrown on the current thread while a call runs, with the stack at the throw.</summary>
/// <remarks>Used only to explain a crash a component caught: off by default, so ordinary runs pay one flag check per throw.</remarks>
public static class FirstChance
{
    /// <summary>An exception as it was thrown.</summary>
    public sealed record Thrown(string Type, string Message, string Stack, string? Frame);

    [ThreadStatic] private static List<Thrown>? t_seen;
    private static int s_installed;

    /// <summary>Runs <paramref name="call"/> and returns what it threw, caught or not, in order.</summary>
    public static List<Thrown> Record(Action call)
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0) AppDomain.CurrentDomain.FirstChanceException += OnThrow;
        var seen = t_seen = new List<Thrown>();
        try { call(); }
        catch (Exception) { /* the call's own failure is reported by the caller */ }
        finally { t_seen = null; }
        return seen;
    }

    private static void OnThrow(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
    {
        if (t_seen is not { } seen) return;
        var st = new StackTrace(1, true);
        // the runtime's own dispatch frames sit between this handler and the throw
        var lines = st.ToString().Split('\n').Where(l => !l.Contains("System.Runtime.ExceptionServices.", StringComparison.Ordinal));
        seen.Add(new Thrown(e.Exception.GetType().Name, e.Exception.Message, string.Join('\n', lines), Signature.OwnFrame(st.GetFrames())));
    }
}
