using System.Globalization;
using System.Text.Json;
using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Evaluation;

/// <summary>One PETRARCH validation record: the sentence, its date, and the events it must produce (source code, target
/// code, CAMEO code), or none, or an error.</summary>
public sealed record PetrarchRecord(string Id, string Category, string Text, DateOnly? Date,
    IReadOnlyList<(string Source, string Target, string Cameo)> Expected, bool ExpectNone, bool ExpectError);

/// <summary>One scored PETRARCH record: what was expected and what was coded (codes through the validation dictionaries).</summary>
public sealed record PetrarchResult(PetrarchRecord Gold, IReadOnlyList<(string Source, string Target, string Cameo)> Coded)
{
    /// <summary>The coded events are exactly the expected ones (as sets; none when none are expected).</summary>
    public bool Exact => Gold.Expected.ToHashSet().SetEquals(Coded);
    /// <summary>Expected events coded with the same source, target and CAMEO code.</summary>
    public int Found => Gold.Expected.Distinct().Count(x => Coded.Contains(x));
    /// <summary>Expected events whose CAMEO code was coded, whatever the actors.</summary>
    public int CodeFound => Gold.Expected.Select(x => x.Cameo).Distinct().Count(c => Coded.Any(y => y.Cameo == c));
}

/// <summary>The scores of a run over PETRARCH validation records.</summary>
public sealed record PetrarchReport(IReadOnlyList<PetrarchResult> Results, bool ActorsCoded)
{
    public IEnumerable<PetrarchResult> Scored => Results.Where(r => !r.Gold.ExpectError);
    public int Exact => Scored.Count(r => r.Exact);
    public int ExpectedEvents => Scored.Sum(r => r.Gold.Expected.Distinct().Count());
    public int Found => Scored.Sum(r => r.Found);
    public int CodeFound => Scored.Sum(r => r.CodeFound);
    public int CodedEvents => Scored.Sum(r => r.Coded.Count);
}

/// <summary>
/// Scores a pipeline on the PETRARCH validation records (PETR.UnitTest.records JSONL). Those records name a fictional
/// world (Arnor, Gondor); an actor is given its code by the validation actor dictionary (the longest phrase found in
/// the actor's mentions in the event's sentence; a dictionary word without a trailing '_' matches as a word's start,
/// as TABARI reads it) and an agent code (`[~GOV]` after it, `[NGO~]` before it) when an agent phrase of the agents
/// dictionary is in the mention's noun phrase (the mention and the adjectives, nouns and names right before it). Without the dictionaries only the CAMEO codes are scored.
/// </summary>
public static class PetrarchScoring
{
    /// <summary>Reads the records; a line that is not a record is reported (<c>path:line: reason</c>) and skipped.</summary>
    public static List<PetrarchRecord> Load(string path, Action<int, DossierError> report)
    {
        var list = new List<PetrarchRecord>();
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                {
                    report(n, Errors.BadEventGoldRecord("no 'text' string"));
                    continue;
                }
                var expected = new List<(string, string, string)>();
                if (r.TryGetProperty("expected_events", out var ee) && ee.ValueKind == JsonValueKind.Array)
                    foreach (var e in ee.EnumerateArray())
                        expected.Add((Str(e, "source"), Str(e, "target"), Str(e, "event")));
                list.Add(new PetrarchRecord(Str(r, "id"), Str(r, "category"), t.GetString()!, IsoDate(Str(r, "date")), expected,
                    r.TryGetProperty("expect_no_events", out var ne) && ne.ValueKind == JsonValueKind.True,
                    r.TryGetProperty("expected_error", out var er) && er.ValueKind == JsonValueKind.String));
            }
            catch (JsonException x)
            {
                report(n, Errors.BadEventGoldRecord(x.Message));
            }
        }
        return list;
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static DateOnly? IsoDate(string yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Runs the pipeline on every record; <paramref name="actors"/> and <paramref name="agents"/> are the
    /// validation dictionaries (null: actor codes are not scored, every coded event counts with empty codes).</summary>
    public static PetrarchReport Run(IEnumerable<PetrarchRecord> records, DocumentPipeline pipeline, PhraseCodes? actors, PhraseCodes? agents)
    {
        var results = new List<PetrarchResult>();
        foreach (var r in records)
        {
            var d = pipeline.Process(new Document(r.Text) { Published = r.Date });
            var coded = new List<(string, string, string)>();
            foreach (var e in d.Events.Where(e => !e.Negated && !e.Cameo.StartsWith("01", StringComparison.Ordinal)).OrderBy(e => e.TriggerStart))
            {
                if (actors is null) { coded.Add(("", "", e.Cameo)); continue; }
                var sources = e.Source.Select(a => Code(d, e, a, actors, agents)).DefaultIfEmpty("").Distinct();
                var targets = e.Target.Select(a => Code(d, e, a, actors, agents)).DefaultIfEmpty("").Distinct();
                foreach (var s in sources)
                    foreach (var t in targets)
                        coded.Add((s, t, e.Cameo));
            }
            var gold = actors is null ? r with { Expected = r.Expected.Select(x => ("", "", x.Cameo)).ToList() } : r;
            results.Add(new PetrarchResult(gold, coded.Distinct().ToList()));
        }
        return new PetrarchReport(results, actors is not null);
    }

    // The mention with the words right before it that modify it in the parse (adjectives, nouns, names: "Arnor security
    // officials"), so an agent word is looked for in the noun phrase, not across a verb or a preposition.
    private static string Premodified(Document d, int start, int end)
    {
        if (d.Syntax is not { } syn) return d.Text[start..end];
        int first = Array.FindIndex(d.Tokens, t => t.Start >= start);
        if (first < 0) return d.Text[start..end];
        int from = first;
        while (from > 0 && syn.Tags[from - 1] is Upos.ADJ or Upos.NOUN or Upos.PROPN) from--;
        return d.Text[Math.Min(start, d.Tokens[from].Start)..end];
    }

    private static string Code(Document d, EventMention e, int actor, PhraseCodes actors, PhraseCodes? agents)
    {
        foreach (int m in d.Actors[actor].Mentions)
        {
            var x = d.Entities[m];
            if (x.Start < e.Start || x.End > e.End) continue;
            if (actors.Find(d.Text[x.Start..x.End]) is not { } code) continue;
            if (agents is not null && agents.Find(Premodified(d, x.Start, x.End)) is { } agent)
                code = agent.EndsWith('~') ? agent.TrimEnd('~') + code : code + agent.TrimStart('~');
            return code;
        }
        return "";
    }
}

/// <summary>A PETRARCH/TABARI phrase dictionary read as phrase → code (<c>ARNOR_ [ARN]</c>, <c>+SYNONYM</c> lines,
/// <c>!MACRO! = A, B</c> substitutions, comments and <c>&lt;!-- --&gt;</c> blocks skipped).</summary>
public sealed class PhraseCodes
{
    private readonly List<(string[] Words, string Code)> _phrases = new();

    public int Count => _phrases.Count;

    public static PhraseCodes Read(string path)
    {
        var p = new PhraseCodes();
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? lastCode = null;
        bool inComment = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw;
            if (inComment) { if (line.Contains("-->")) inComment = false; continue; }
            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal)) { inComment = !line.Contains("-->"); continue; }
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('!') && line.Contains('='))
            {
                int eq = line.IndexOf('=');
                macros[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            string phrase;
            string? code;
            if (line.StartsWith('+')) { phrase = line[1..].Trim(); code = lastCode; }
            else
            {
                int b = line.IndexOf('[');
                if (b < 0) continue;
                int e = line.IndexOf(']', b);
                if (e < 0) continue;
                code = line[(b + 1)..e].Trim();
                int brace = line.IndexOf('{');
                phrase = line[..(brace >= 0 && brace < b ? brace : b)].Trim();
                lastCode = code;
            }
            if (code is null || phrase.Length == 0 || code.StartsWith("---", StringComparison.Ordinal)) continue;
            foreach (var expanded in Expand(phrase, macros))
                p._phrases.Add((Words(expanded), code));
        }
        p._phrases.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return p;
    }

    // A word ending in '_' must match whole: every inner word, and the last one when the phrase ends with '_'; the last
    // word of a phrase without it matches as a word's start ("ARGENTIN" for Argentina and Argentine).
    private static string[] Words(string phrase)
    {
        var w = phrase.Split(new[] { '_', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(x => x.ToUpperInvariant()).ToArray();
        for (int i = 0; i < w.Length; i++)
            if (i < w.Length - 1 || phrase.EndsWith('_')) w[i] += "_";
        return w;
    }

    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> macros)
    {
        foreach (var (name, values) in macros)
            if (phrase.Contains(name, StringComparison.Ordinal))
                return values.SelectMany(v => Expand(phrase.Replace(name, v, StringComparison.Ordinal), macros));
        return [phrase];
    }

    /// <summary>The code of the longest phrase found in <paramref name="text"/>, or null.</summary>
    public string? Find(string text)
    {
        var words = text.Split([' ', '\t', '\n', ',', '.', '\'', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToUpperInvariant()).ToArray();
        foreach (var (phrase, code) in _phrases)
            for (int i = 0; i + phrase.Length <= words.Length; i++)
            {
                bool ok = true;
                for (int k = 0; k < phrase.Length && ok; k++)
                {
                    var p = phrase[k];
                    ok = p.EndsWith('_') ? words[i + k] == p[..^1] : words[i + k].StartsWith(p, StringComparison.Ordinal);
                }
                if (ok) return code;
            }
        return null;
    }
}
