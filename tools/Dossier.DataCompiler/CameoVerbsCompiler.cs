using System.IO.Compression;
using System.Text;
using Dossier.Extraction.Events;

namespace Dossier.DataCompiler;

/// <summary>
/// Compiles the PETRARCH-2 verb dictionary (petrarch2-cameo/dictionaries/CAMEO.2.0.txt, MIT) into cameo-verbs.tsv.gz:
/// one line per verb block (B), verb with all its inflected forms (V) and pattern (P), with synsets expanded.
/// </summary>
/// <remarks>
/// Output grammar (read by <see cref="VerbLexicon"/>): <c>B id code name</c>, <c>V id lemma code forms</c>,
/// <c>P id code pre post verb</c>, tab-separated (verb: the one the pattern was written for, or empty). Forms are lower case, multi-word forms joined with '_'. Pattern sides are
/// space-separated groups in text order; a group is '|'-joined alternatives (a multi-word alternative joined with '_');
/// every word of a braced phrase is a required group (the dictionary's own '~' does not occur; ours marks optional modifiers); '+' and '$' mark the
/// target and source slots. Transformations ('~' lines) and patterns with no primary code are dropped.
/// </remarks>
public sealed class CameoVerbsCompiler : ICompiler
{
    public string Name => "cameo-verbs";

    public void Run(string sharedData, string output)
    {
        string src = Path.Combine(sharedData, "petrarch2-cameo", "dictionaries", "CAMEO.2.0.txt");
        var lines = File.ReadAllLines(src, Encoding.UTF8);
        var result = Compile(lines, out int blocks, out int verbs, out int patterns);
        string dest = Path.Combine(output, "cameo-verbs.tsv.gz");
        using (var fs = File.Create(dest))
        using (var gz = new GZipStream(fs, CompressionLevel.SmallestSize))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            w.WriteLine("# cameo-verbs: compiled by tools/Dossier.DataCompiler (cameo-verbs) from openeventdata/petrarch2 CAMEO.2.0.txt, MIT, (c) 2015 Open Event Data Alliance");
            foreach (var l in result) w.WriteLine(l);
        }
        Console.WriteLine($"{dest}: {blocks} blocks, {verbs} verbs, {patterns} patterns");
    }

    /// <summary>Compiles the dictionary lines into output lines.</summary>
    public static List<string> Compile(string[] lines, out int blocks, out int verbs, out int patterns)
    {
        var synsets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var output = new List<string>();
        List<string>? currentSet = null;
        int block = -1;
        blocks = verbs = patterns = 0;
        foreach (var rawLine in lines)
        {
            string line = StripComment(rawLine).Trim();
            if (line.Length == 0) { currentSet = null; continue; }
            if (line[0] == '&')
            {
                currentSet = new List<string>();
                string label = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                synsets[label] = currentSet;
                synsets[label.TrimEnd('_')] = currentSet;
                continue;
            }
            if (currentSet != null && line[0] == '+')
            {
                currentSet.Add(line[1..].Trim().TrimEnd('_').ToLowerInvariant());
                continue;
            }
            currentSet = null;
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                block++; blocks++;
                string name = line.Trim('-', ' ');
                string code = BracketCode(name) ?? "---";
                int b = name.IndexOf('[');
                if (b >= 0) name = name[..b].Trim();
                output.Add($"B\t{block}\t{code}\t{name}");
                continue;
            }
            if (block < 0 || line[0] == '~') continue;
            if (line[0] == '-')
            {
                var p = CompilePattern(line[1..], synsets);
                if (p != null) { output.Add($"P\t{block}\t{p}\t{CommentVerb(rawLine)}"); patterns++; }
                continue;
            }
            var v = CompileVerb(line);
            if (v != null) { output.Add($"V\t{block}\t{v}"); verbs++; }
        }
        return output;
    }

    // The verb a pattern was written for, from its comment ("[041]  # TALK" → "talk"; "# LAID_DOWN" → "laid_down"); "" if none.
    private static string CommentVerb(string raw)
    {
        int i = raw.IndexOf('#');
        if (i < 0) return "";
        var words = raw[(i + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "";
        string w = words[0];
        return w.All(ch => char.IsAsciiLetterUpper(ch) || ch is '_' or '-') ? w.ToLowerInvariant() : "";
    }

    private static string StripComment(string s)
    {
        int i = s.IndexOf('#');
        return i >= 0 ? s[..i] : s;
    }

    // "[043:042]" → "043"; "[:073]" → "" (no primary code); none → null.
    private static string? BracketCode(string s)
    {
        int a = s.LastIndexOf('['), b = s.LastIndexOf(']');
        if (a < 0 || b < a) return null;
        string inner = s[(a + 1)..b].Trim();
        int colon = inner.IndexOf(':');
        return colon >= 0 ? inner[..colon].Trim() : inner;
    }

    // "SPEAK {SPEAKING SPOKE SPOKEN SPEAKS} [040]" or "+CORDON_OFF {+CORDONED_OFF ...}" or "WIRE_+TAP".
    private static string? CompileVerb(string line)
    {
        string? code = null;
        int br = line.IndexOf('[');
        if (br >= 0) { code = BracketCode(line[br..]); line = line[..br]; }
        string? irregular = null;
        int cb = line.IndexOf('{');
        if (cb >= 0)
        {
            int ce = line.IndexOf('}', cb);
            irregular = ce > cb ? line[(cb + 1)..ce] : line[(cb + 1)..];
            line = line[..cb];
        }
        string head = line.Trim().ToLowerInvariant();
        if (head.Length == 0 || head.Contains(' ')) return null;
        var forms = new List<string>();
        string lemma = head.Replace("+", "");
        if (irregular != null)
        {
            forms.Add(lemma);
            foreach (var f in irregular.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                forms.Add(f.ToLowerInvariant().Replace("+", ""));
        }
        else
        {
            // Inflect the word marked '+' in a multi-word verb, or the single word.
            var parts = head.Split('_');
            int vi = Array.FindIndex(parts, p => p.StartsWith('+'));
            if (vi < 0) vi = 0;
            string root = parts[vi].TrimStart('+');
            foreach (var f in VerbForms.Regular(root))
            {
                var copy = parts.Select(p => p.TrimStart('+')).ToArray();
                copy[vi] = f;
                forms.Add(string.Join('_', copy));
            }
        }
        return $"{lemma}\t{code ?? ""}\t{string.Join(' ', forms.Distinct())}";
    }

    // " PROTEST * (FOR {FINANCIAL AID}) +   [1411]" → "1411\tprotest\tfor ~financial aid +"
    private static string? CompilePattern(string body, Dictionary<string, List<string>> synsets)
    {
        int br = body.LastIndexOf('[');
        if (br < 0) return null;
        string? code = BracketCode(body[br..]);
        if (string.IsNullOrEmpty(code)) return null;
        body = body[..br];
        var pre = new List<string>();
        var post = new List<string>();
        var side = pre;
        bool sawStar = false;
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (char.IsWhiteSpace(c) || c == '(' || c == ')') { i++; continue; }
            if (c == '*') { side = post; sawStar = true; i++; continue; }
            if (c == '{')
            {
                int e = body.IndexOf('}', i);
                if (e < 0) e = body.Length;
                var words = body[(i + 1)..e].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (int k = 0; k < words.Length; k++)
                {
                    string? g = Group(words[k], synsets);
                    if (g == null) return null;
                    // Every word of a braced phrase is needed (DICTIONARY-FORMAT: "if multiple nouns or adjectives are
                    // needed, then that phrase is put in braces"): "{EARLY WARNING SYSTEM}" is not any "system".
                    side.Add(g);
                }
                i = e + 1;
                continue;
            }
            int s = i;
            while (i < body.Length && !char.IsWhiteSpace(body[i]) && body[i] is not ('(' or ')' or '{' or '*')) i++;
            string tok = body[s..i];
            if (tok is "+" or "$") { side.Add(tok); continue; }
            if (tok is "%" or "^") continue;
            string? grp = Group(tok, synsets);
            if (grp == null) return null;
            side.Add(grp);
        }
        if (!sawStar) return null;
        return $"{code}\t{string.Join(' ', pre)}\t{string.Join(' ', post)}";
    }

    // One word, phrase (A_B) or synset (&X) → '|'-joined lower-case alternatives; null for an undefined synset.
    private static string? Group(string tok, Dictionary<string, List<string>> synsets)
    {
        if (tok.StartsWith('&'))
            return synsets.TryGetValue(tok, out var set) || synsets.TryGetValue(tok.TrimEnd('_'), out set)
                ? string.Join('|', set.Where(x => x.Length > 0).Distinct())
                : null;
        string w = tok.ToLowerInvariant().Trim('_');
        return w.Length == 0 ? null : w;
    }
}
