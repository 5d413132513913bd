using Dossier.Actors;
using System.Text;

namespace Dossier.DataCompiler;

/// <summary>
/// Compiles the Phoenix/PETRARCH2 actor dictionaries (Countries, International, MilNonState; MIT) into
/// data/compiled/actors-cameo.tsv.gz: one record per line with its names, default code and dated codes.
/// </summary>
/// <remarks>
/// Line: source (C, I, M) \t primary name \t default code \t dated codes \t synonyms \t lookup keys \t surname keys.
/// Names have underscores turned into spaces and are otherwise kept as written (upper case); the product normalises them.
/// Dated codes are "CODE:from:to" joined by ';', dates as yyyyMMdd, an open end left empty ("RUSGOV:20080508:").
/// Six-digit TABARI dates (YYMMDD) take years below 30 as 20YY, as the dictionary's own entries imply (Putin: 991231, 080507).
/// A bare "[CODE]" line without dates sets the record's default code (TABARI's default restriction).
/// </remarks>
public sealed class ActorDictionaryCompiler : ICompiler
{
    public string Name => "actors-cameo";

    private static readonly (string File, char Tag)[] Sources =
    [
        ("Phoenix.Countries.actors.txt", 'C'), ("Phoenix.International.actors.txt", 'I'), ("Phoenix.MilNonState.actors.txt", 'M'),
    ];

    private sealed class Rec
    {
        public char Tag;
        public string Primary = "";
        public string Code = "";
        public readonly List<string> Dated = new();
        public readonly List<string> Synonyms = new();
    }

    public void Run(string sharedData, string output)
    {
        var dir = Path.Combine(sharedData, "petrarch2-cameo", "dictionaries");
        var sb = new StringBuilder();
        sb.Append("# source\tprimary\tdefault code\tdated codes (CODE:from:to;…)\tsynonyms (|)\tlookup keys (|)\tsurname keys of office holders (|) — from openeventdata/petrarch2 Phoenix dictionaries (MIT)\n");
        int n = 0, skipped = 0;
        foreach (var (file, tag) in Sources)
        {
            Rec? cur = null;
            foreach (var raw in File.ReadLines(Path.Combine(dir, file), Encoding.Latin1))
            {
                string line = StripComment(raw);
                if (line.Trim().Length == 0) continue;
                if (line[0] == '\t' || line[0] == ' ' && line.TrimStart().StartsWith('['))
                {
                    // Date restriction (or a bare default code) of the current record.
                    if (cur == null) { skipped++; continue; }
                    string t = line.Trim();
                    if (!t.StartsWith('[') || !t.Contains(']')) { skipped++; continue; }
                    string body = t[1..t.IndexOf(']')].Trim();
                    int sp = body.IndexOf(' ');
                    if (sp < 0) { if (cur.Code.Length == 0) cur.Code = body; continue; }
                    string code = body[..sp], range = body[(sp + 1)..].Trim();
                    string? d = Range(range);
                    if (d == null) { skipped++; continue; }
                    cur.Dated.Add(code + ":" + d);
                    continue;
                }
                string s = line.Trim();
                if (s[0] == '+')
                {
                    if (cur == null) { skipped++; continue; }
                    string syn = Phrase(s[1..]);
                    if (syn.Length > 0) cur.Synonyms.Add(syn);
                    continue;
                }
                if (cur != null) { Emit(sb, cur); n++; }
                cur = new Rec { Tag = tag };
                int br = s.IndexOf('[');
                if (br >= 0)
                {
                    int end = s.IndexOf(']', br);
                    cur.Code = end > br ? s[(br + 1)..end].Trim() : "";
                    s = s[..br];
                }
                cur.Primary = Phrase(s);
            }
            if (cur != null) { Emit(sb, cur); n++; }
        }
        string path = Path.Combine(output, "actors-cameo.tsv.gz");
        ActorCountriesCompiler.Write(path, sb.ToString());
        Console.WriteLine($"{path}: {n} records ({skipped} unreadable lines skipped)");
    }

    private static void Emit(StringBuilder sb, Rec r)
    {
        if (r.Primary.Length == 0) return;
        var syn = r.Synonyms.Distinct().ToList();
        // Lookup keys precomputed with the product's own normaliser, so loading does not normalise 35k names;
        // ActorDictionaryTests checks them against the normaliser (rerun this compiler when it changes).
        var keys = ActorDictionary.LookupKeys(r.Primary, syn);
        var surnames = r.Dated.Count > 0 ? ActorDictionary.SurnameKeys(r.Primary, syn) : [];
        sb.Append(r.Tag).Append('\t').Append(r.Primary).Append('\t').Append(r.Code).Append('\t')
          .Append(string.Join(';', r.Dated)).Append('\t').Append(string.Join('|', syn)).Append('\t')
          .Append(string.Join('|', keys)).Append('\t').Append(string.Join('|', surnames)).Append('\n');
    }

    private static string StripComment(string line)
    {
        int h = line.IndexOf('#');
        return h >= 0 ? line[..h] : line;
    }

    // "ANTI-IMPERIALIST_TERRITORIAL_UNITS_ " → "ANTI-IMPERIALIST TERRITORIAL UNITS"
    private static string Phrase(string s) =>
        string.Join(' ', s.Replace('_', ' ').Replace('\t', ' ').Replace('|', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // "<date", ">date", "date-date" → "from:to" with yyyyMMdd dates (empty for open).
    private static string? Range(string r)
    {
        if (r.StartsWith('<')) return Date(r[1..]) is { } d ? ":" + d : null;
        if (r.StartsWith('>')) return Date(r[1..]) is { } d2 ? d2 + ":" : null;
        int dash = r.IndexOf('-');
        if (dash < 0) return null;
        var a = Date(r[..dash]); var b = Date(r[(dash + 1)..]);
        return a != null && b != null ? a + ":" + b : null;
    }

    private static string? Date(string s)
    {
        s = s.Trim();
        if (s.Length == 8 && s.All(char.IsAsciiDigit)) return s;
        if (s.Length == 6 && s.All(char.IsAsciiDigit))
        {
            int yy = int.Parse(s[..2]);
            return (yy < 30 ? "20" : "19") + s;
        }
        return null;
    }
}
