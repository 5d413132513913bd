using System.Text;

namespace Dossier.Text;

/// <summary>One record of a CSV file: its fields, or why it could not be read; <see cref="Line"/> is where it starts (1-based).</summary>
public readonly record struct CsvRow(int Line, string[]? Fields, DossierError? Error);

/// <summary>RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas, line breaks and doubled quotes.</summary>
/// <remarks>
/// Reads record by record (streaming, any size). A UTF-8 byte-order mark is skipped; CRLF and LF both end records; blank
/// lines are skipped. A record whose quoted field never closes is reported (DSR117) and reading stops there, since
/// nothing after it can be delimited; a record holding a NUL character (binary content) is reported (DSR118) and skipped.
/// </remarks>
public static class Csv
{
    /// <summary>Longest field accepted (a guard against a runaway quote in a huge file).</summary>
    public const int MaxField = 1 << 20;

    /// <summary>The records of <paramref name="reader"/>, in order.</summary>
    public static IEnumerable<CsvRow> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1;
        bool quoted = false, any = false, binary = false, first = true;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (first) { first = false; if (c == '\uFEFF') continue; }
            if (c == 0) binary = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    if (field.Length >= MaxField) { yield return new CsvRow(start, null, Errors.CsvUnterminated()); yield break; }
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return binary ? new CsvRow(start, null, Errors.CsvBinary()) : new CsvRow(start, fields.ToArray(), null);
                    }
                    fields.Clear(); field.Clear(); any = false; binary = false;
                    line++; start = line;
                    break;
                default: field.Append((char)c); any = true; break;
            }
        }
        if (quoted) { yield return new CsvRow(start, null, Errors.CsvUnterminated()); yield break; }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return binary ? new CsvRow(start, null, Errors.CsvBinary()) : new CsvRow(start, fields.ToArray(), null);
        }
    }

    /// <summary>A field as written to CSV: quoted when it holds a comma, a quote or a line break.</summary>
    public static string Field(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
