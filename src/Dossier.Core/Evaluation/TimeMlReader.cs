using System.Globalization;
using System.Text;
using Dossier.Documents;

namespace Dossier.Evaluation;

/// <summary>A gold TIMEX3 of a TimeML file: [Start, End) in the text with tags removed.</summary>
public sealed record TimeMlTimex(int Start, int End, string Tid, TimexType Type, string Value, string? Mod);

/// <summary>A TimeML document: the TEXT content without tags, its creation date (DCT) and its TIMEX3 annotations.</summary>
public sealed record TimeMlDocument(string Id, string Text, DateOnly? Dct, IReadOnlyList<TimeMlTimex> Timexes);

/// <summary>Reads TimeML 1.2 files (TempEval-3 TBAQ): the content of &lt;TEXT&gt; with tags removed and the TIMEX3 in it.</summary>
/// <remarks>A small forward scanner, not an XML parser: TimeML files are flat (TIMEX3, EVENT, SIGNAL inside TEXT; no nesting of TIMEX3).</remarks>
public static class TimeMlReader
{
    /// <summary>Reads a .tml file; throws DSR233 when it has no TEXT element.</summary>
    public static TimeMlDocument Read(string path)
    {
        string xml;
        try { xml = File.ReadAllText(path); }
        catch (IOException e) { throw new DossierException(Errors.TimeMlUnreadable(path, e.Message)); }
        return Parse(xml, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Parses TimeML text.</summary>
    public static TimeMlDocument Parse(string xml, string id, string? path = null)
    {
        int ts = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        int te = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (ts < 0 || te < ts) throw new DossierException(Errors.TimeMlUnreadable(path ?? id, "no <TEXT> element"));
        DateOnly? dct = null;
        int ds = xml.IndexOf("<DCT>", StringComparison.Ordinal);
        if (ds >= 0)
        {
            var attrs = Attributes(xml, xml.IndexOf('<', ds + 5));
            if (attrs.TryGetValue("value", out var v) && v.Length >= 10
                && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dct = d;
        }
        var sb = new StringBuilder(te - ts);
        var timexes = new List<TimeMlTimex>();
        Dictionary<string, string>? open = null;
        int openAt = 0;
        int i = ts + 6;
        while (i < te)
        {
            char c = xml[i];
            if (c == '<')
            {
                int close = xml.IndexOf('>', i);
                if (close < 0 || close > te) break;
                if (string.CompareOrdinal(xml, i, "<TIMEX3", 0, 7) == 0) { open = Attributes(xml, i); openAt = sb.Length; }
                else if (string.CompareOrdinal(xml, i, "</TIMEX3", 0, 8) == 0 && open is not null)
                {
                    var type = Enum.TryParse<TimexType>(open.GetValueOrDefault("type"), out var t) ? t : TimexType.DATE;
                    timexes.Add(new TimeMlTimex(openAt, sb.Length, open.GetValueOrDefault("tid") ?? "", type,
                        open.GetValueOrDefault("value") ?? "", open.GetValueOrDefault("mod")));
                    open = null;
                }
                i = close + 1;
                continue;
            }
            if (c == '&')
            {
                int semi = xml.IndexOf(';', i);
                if (semi > i && semi - i <= 6)
                {
                    var ent = xml.AsSpan(i + 1, semi - i - 1);
                    char? r = ent switch { "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'', _ => null };
                    if (r is { } rc) { sb.Append(rc); i = semi + 1; continue; }
                }
            }
            sb.Append(c);
            i++;
        }
        return new TimeMlDocument(id, sb.ToString(), dct, timexes);
    }

    private static Dictionary<string, string> Attributes(string xml, int tagStart)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tagStart < 0) return d;
        int end = xml.IndexOf('>', tagStart);
        int i = xml.IndexOf(' ', tagStart);
        while (i > 0 && i < end)
        {
            int eq = xml.IndexOf('=', i);
            if (eq < 0 || eq > end) break;
            var name = xml.AsSpan(i, eq - i).Trim().ToString();
            int q1 = xml.IndexOf('"', eq);
            int q2 = q1 < 0 ? -1 : xml.IndexOf('"', q1 + 1);
            if (q1 < 0 || q2 < 0 || q2 > end) break;
            d[name] = xml.Substring(q1 + 1, q2 - q1 - 1);
            i = q2 + 1;
        }
        return d;
    }
}
