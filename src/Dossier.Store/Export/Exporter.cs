using System.Globalization;
using System.Text;

namespace Dossier.Store.Export;

/// <summary>The export use case: everything stored, in the extraction contract (JSONL) or as a table of events (CSV).</summary>
public static class Exporter
{
    /// <summary>Writes one contract object per article and line (the shape <c>extract</c> prints, with canonical actor ids).</summary>
    /// <returns>Number of articles written.</returns>
    public static int WriteJsonl(IStore store, TextWriter output)
    {
        int n = 0;
        foreach (var c in store.Contracts())
        {
            output.Write(c.Json);
            output.Write('\n');
            n++;
        }
        return n;
    }

    /// <summary>Columns of the CSV export: one row per event (RFC 4180, header row first).</summary>
    public static readonly string[] CsvColumns =
    [
        "article_id", "article_external_id", "article_published", "article_title", "event_id", "date", "date_from_publication",
        "cameo", "plover", "goldstein", "source", "target", "trigger", "certainty", "negated", "evidence",
    ];

    /// <summary>Writes every stored event as a CSV row (actors by canonical name, several joined with "; ").</summary>
    /// <returns>Number of events written.</returns>
    public static int WriteCsv(IStore store, TextWriter output)
    {
        output.Write(string.Join(',', CsvColumns));
        output.Write("\r\n");
        int n = 0;
        var row = new StringBuilder();
        foreach (var e in store.AllEvents())
        {
            row.Clear();
            Field(row, e.Article.Id.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(row, e.Article.ExternalId).Append(',');
            Field(row, e.Article.Published).Append(',');
            Field(row, e.Article.Title).Append(',');
            Field(row, e.EventId.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(row, e.Date).Append(',');
            Field(row, e.DateFromPublication ? "true" : "false").Append(',');
            Field(row, e.Cameo).Append(',');
            Field(row, e.Plover).Append(',');
            Field(row, e.Goldstein.ToString("0.0##", CultureInfo.InvariantCulture)).Append(',');
            Field(row, e.Sources).Append(',');
            Field(row, e.Targets).Append(',');
            Field(row, e.Trigger).Append(',');
            Field(row, e.Certainty).Append(',');
            Field(row, e.Negated ? "true" : "false").Append(',');
            Field(row, e.Evidence);
            output.Write(row);
            output.Write("\r\n");
            n++;
        }
        return n;
    }

    /// <summary>Appends one CSV field, quoted when it holds a comma, quote or line break.</summary>
    public static StringBuilder Field(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value)) return sb;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return sb.Append(value);
        sb.Append('"');
        foreach (var c in value) { if (c == '"') sb.Append('"'); sb.Append(c); }
        return sb.Append('"');
    }
}
