using Dossier.Documents;
using Dossier.Resources;

namespace Dossier.Extraction.Time;

/// <summary>Built-in token classes a rule can name with '#'.</summary>
internal enum Builtin : byte { Num, Day, Year, YearWords, Iso, Time, Hour, Decade, OrdNum }

/// <summary>What one alternative of a pattern element matches.</summary>
internal enum AtomKind : byte { Literal, Section, Builtin }

/// <summary>One alternative of a pattern element: a literal id, a lexicon section index or a built-in class.</summary>
internal readonly record struct Atom(AtomKind Kind, int Id);

/// <summary>A pattern element: alternatives plus flags (optional, context outside the extent, negative look-ahead).</summary>
internal sealed record Element(Atom[] Atoms, bool Optional, bool Context, bool Negative);

/// <summary>A piece of a value template: literal text, or a call of a named normalisation function.</summary>
internal sealed record TemplatePart(string? Text, string? Function, string[] Args);

/// <summary>One compiled rule of time-rules.txt.</summary>
internal sealed record TimeRule(int Line, TimexType Type, Element[] Elements, TemplatePart[] Value, string? Mod, string Source)
{
    /// <summary>Literal ids a match can start with (indexed by literal id), computed once so most tokens skip most rules.</summary>
    public bool[] StartLits { get; set; } = [];
    /// <summary>Lexicon sections a match can start with.</summary>
    public ulong StartSections { get; set; }
    /// <summary>A match can start with a built-in class (numbers, dates, years).</summary>
    public bool StartBuiltin { get; set; }
    /// <summary>Position in the rule list.</summary>
    public int Index { get; set; }
}

/// <summary>A token as the timex matcher sees it: hyphenated words are split, so "mid-2024" is "mid", "-", "2024".</summary>
internal struct TimeToken
{
    public int Start, End;
    /// <summary>Index of the document token it comes from (extents are widened to whole document tokens).</summary>
    public int Orig;
    /// <summary>Interned id of the lower-cased text when some rule uses it as a literal, else -1.</summary>
    public int Lit;
    /// <summary>Bit i set when the text is a word of lexicon section i.</summary>
    public ulong Sections;
    public bool Capitalised, Digits;
    /// <summary>Could start a built-in class: a digit, an apostrophe ('98), a number or ordinal word.</summary>
    public bool NumberLike;
}

/// <summary>The rules and word lists, compiled once into a matcher over tokens.</summary>
/// <remarks>Immutable after <see cref="Load"/>; <see cref="Default"/> is shared by every tagger and thread.</remarks>
internal sealed partial class TimeGrammar
{
    /// <summary>The embedded resource the rules are read from.</summary>
    public const string RulesResource = "time-rules.txt";

    private static readonly Lazy<TimeGrammar> _default = new(() =>
        Load(AllLines(RulesResource), TimeLexicon.Parse(AllLines(TimeLexicon.ResourceName))));

    // Every line, comments included, so that error messages and match diagnostics carry real line numbers.
    private static IEnumerable<string> AllLines(string resource)
    {
        using var r = new StreamReader(EmbeddedData.Open(resource));
        while (r.ReadLine() is { } line) yield return line;
    }

    /// <summary>The grammar built from the embedded resources.</summary>
    public static TimeGrammar Default => _default.Value;

    private readonly Dictionary<string, int> _literals = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _litLookup;

    public TimeLexicon Lexicon { get; }
    public IReadOnlyList<TimeRule> Rules { get; }
    internal int SectionIndex(string name) => Lexicon.SectionNames.FindIndex(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));

    private TimeGrammar(TimeLexicon lexicon, List<TimeRule> rules)
    {
        Lexicon = lexicon;
        Rules = rules;
    }

    /// <summary>Parses and validates the rules; throws DSR230–DSR232 naming the line of a bad rule.</summary>
    public static TimeGrammar Load(IEnumerable<string> ruleLines, TimeLexicon lexicon, string fileName = RulesResource)
    {
        if (lexicon.SectionNames.Count > 64) throw new DossierException(Errors.TimeRuleSyntax(TimeLexicon.ResourceName, 0, "more than 64 sections"));
        var rules = new List<TimeRule>();
        var g = new TimeGrammar(lexicon, rules);
        int lineNo = 0;
        foreach (var raw in ruleLines)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            rules.Add(g.ParseRule(line, lineNo, fileName));
        }
        g._litLookup = g._literals.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < rules.Count; i++) { rules[i].Index = i; g.ComputeStart(rules[i]); }
        g.BuildIndex();
        g._numberSections = (1UL << Math.Max(0, g.SectionIndex("number"))) | (1UL << Math.Max(0, g.SectionIndex("ordinal")));
        return g;
    }

    private ulong _numberSections;

    // What a match of the rule can start with: the atoms of its leading elements up to the first required one.
    private void ComputeStart(TimeRule r)
    {
        var lits = new bool[_literals.Count];
        ulong sections = 0;
        bool builtin = false;
        foreach (var el in r.Elements)
        {
            if (el.Negative) continue;
            foreach (var a in el.Atoms)
            {
                switch (a.Kind)
                {
                    case AtomKind.Literal: lits[a.Id] = true; break;
                    case AtomKind.Section: sections |= 1UL << a.Id; break;
                    default: builtin = true; break;
                }
            }
            if (!el.Optional) break;
        }
        r.StartLits = lits; r.StartSections = sections; r.StartBuiltin = builtin;
    }

    private TimeRule[][] _byLit = [];
    private readonly TimeRule[][] _bySection = new TimeRule[64][];
    private TimeRule[] _byBuiltin = [];

    // Rules listed under each literal, section and "built-in" they can start with, so a token tries only its own rules.
    private void BuildIndex()
    {
        _byLit = new TimeRule[_literals.Count][];
        for (int l = 0; l < _literals.Count; l++) _byLit[l] = Rules.Where(r => r.StartLits[l]).ToArray();
        for (int b = 0; b < 64; b++) _bySection[b] = Rules.Where(r => (r.StartSections & (1UL << b)) != 0).ToArray();
        _byBuiltin = Rules.Where(r => r.StartBuiltin).ToArray();
    }

    /// <summary>Fills <paramref name="into"/> with the rules that may start at the token, each once.</summary>
    /// <param name="stamp">Per-call scratch, one slot per rule (see <see cref="TimeRule.Index"/>), holding the last token that listed the rule.</param>
    internal void StartingRules(in TimeToken t, int token, int[] stamp, List<TimeRule> into)
    {
        into.Clear();
        // A rule reachable through several of the token's keys is tried once: the stamp remembers the token that added it.
        int mark = token + 1;
        if (t.Lit >= 0) Add(_byLit[t.Lit], mark, stamp, into);
        for (ulong m = t.Sections; m != 0; m &= m - 1) Add(_bySection[System.Numerics.BitOperations.TrailingZeroCount(m)], mark, stamp, into);
        if (t.NumberLike) Add(_byBuiltin, mark, stamp, into);
    }

    private static void Add(TimeRule[] rules, int mark, int[] stamp, List<TimeRule> into)
    {
        foreach (var r in rules)
        {
            if (stamp[r.Index] == mark) continue;
            stamp[r.Index] = mark;
            into.Add(r);
        }
    }

    /// <summary>True when a match of the rule may start at this token.</summary>
    internal static bool MayStart(TimeRule r, in TimeToken t) =>
        t.Lit >= 0 && r.StartLits[t.Lit] || (r.StartSections & t.Sections) != 0 || r.StartBuiltin && t.NumberLike;

    private TimeRule ParseRule(string line, int lineNo, string file)
    {
        int arrow = line.IndexOf("=>", StringComparison.Ordinal);
        if (arrow < 0) throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, "missing '=>'"));
        var left = line[..arrow].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var right = line[(arrow + 2)..].Trim();
        if (left.Length < 2 || !Enum.TryParse<TimexType>(left[0], out var type))
            throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, "want 'TYPE pattern => value'"));
        var elements = new Element[left.Length - 1];
        for (int i = 1; i < left.Length; i++) elements[i - 1] = ParseElement(left[i], lineNo, file);
        if (elements.All(e => e.Context || e.Negative))
            throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, "pattern has no element inside the extent"));

        string? mod = null;
        int modAt = right.LastIndexOf(" mod=", StringComparison.Ordinal);
        if (modAt >= 0) { mod = right[(modAt + 5)..].Trim(); right = right[..modAt].Trim(); }
        var parts = ParseTemplate(right, elements.Length, lineNo, file);
        if (mod is not null && mod.StartsWith('$')) CheckCapture(mod, elements.Length, lineNo, file);
        return new TimeRule(lineNo, type, elements, parts, mod, line);
    }

    private Element ParseElement(string tok, int lineNo, string file)
    {
        bool optional = false, context = false, negative = false;
        if (tok.Length > 1 && tok[0] == '!') { negative = true; tok = tok[1..]; }
        if (tok.Length > 1 && tok[^1] == '?' ) { optional = true; tok = tok[..^1]; }
        if (tok.Length > 2 && tok[0] == '[' && tok[^1] == ']') { context = true; tok = tok[1..^1]; }
        if (tok.Length > 2 && tok[0] == '(' && tok[^1] == ')') tok = tok[1..^1];
        var atoms = new List<Atom>();
        foreach (var alt in tok.Split('|'))
        {
            if (alt.Length == 0) throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, $"empty alternative in '{tok}'"));
            if (alt[0] == '@' && alt.Length > 1)
            {
                int s = SectionIndex(alt[1..]);
                if (s < 0) throw new DossierException(Errors.TimeUnknownClass(file, lineNo, alt));
                atoms.Add(new Atom(AtomKind.Section, s));
            }
            else if (alt[0] == '#' && alt.Length > 1)
            {
                if (!BuiltinNames.TryGetValue(alt[1..], out var b)) throw new DossierException(Errors.TimeUnknownClass(file, lineNo, alt));
                atoms.Add(new Atom(AtomKind.Builtin, (int)b));
            }
            else
            {
                if (alt.AsSpan().IndexOfAny("()[]") >= 0) throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, $"unbalanced bracket in '{tok}' (alternatives are single tokens: a|b|c)"));
                if (!_literals.TryGetValue(alt, out int id)) _literals[alt] = id = _literals.Count;
                atoms.Add(new Atom(AtomKind.Literal, id));
            }
        }
        return new Element(atoms.ToArray(), optional, context, negative);
    }

    private static readonly Dictionary<string, Builtin> BuiltinNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["num"] = Builtin.Num, ["day"] = Builtin.Day, ["year"] = Builtin.Year, ["yearw"] = Builtin.YearWords, ["iso"] = Builtin.Iso,
        ["time"] = Builtin.Time, ["hour"] = Builtin.Hour, ["decade"] = Builtin.Decade, ["ordnum"] = Builtin.OrdNum,
    };

    private static TemplatePart[] ParseTemplate(string s, int elementCount, int lineNo, string file)
    {
        var parts = new List<TemplatePart>();
        int i = 0;
        while (i < s.Length)
        {
            int open = s.IndexOf('{', i);
            if (open < 0) { parts.Add(new TemplatePart(s[i..], null, [])); break; }
            if (open > i) parts.Add(new TemplatePart(s[i..open], null, []));
            int close = s.IndexOf('}', open);
            if (close < 0) throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, "unclosed '{' in value"));
            var call = s[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (call.Length == 0) throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, "empty '{}' in value"));
            if (!TimeFunctions.Exists(call[0])) throw new DossierException(Errors.TimeUnknownFunction(file, lineNo, call[0]));
            foreach (var a in call.Skip(1)) if (a.StartsWith('$')) CheckCapture(a, elementCount, lineNo, file);
            parts.Add(new TemplatePart(null, call[0], call[1..]));
            i = close + 1;
        }
        return parts.ToArray();
    }

    private static void CheckCapture(string a, int elementCount, int lineNo, string file)
    {
        if (!int.TryParse(a.AsSpan(1), out int n) || n < 1 || n > elementCount)
            throw new DossierException(Errors.TimeRuleSyntax(file, lineNo, $"'{a}' names no pattern element"));
    }

    /// <summary>Builds the matcher's token view of a document: hyphenated words split, lexicon classes and literal ids looked up once.</summary>
    public TimeToken[] BuildTokens(Document doc)
    {
        var list = new TokenBuffer(new TimeToken[doc.Tokens.Length + 8]);
        Fill(doc, ref list);
        return list.Items[..list.Count];
    }

    [ThreadStatic] private static TimeToken[]? t_tokens;

    /// <summary>
    /// The same into a buffer owned by the calling thread (one tagging call at a time per thread), so tagging a document
    /// allocates no token array; the first <paramref name="count"/> entries are valid until the thread's next call.
    /// </summary>
    internal TimeToken[] BuildTokensShared(Document doc, out int count)
    {
        var list = new TokenBuffer(t_tokens is { } b && b.Length >= doc.Tokens.Length + 8 ? b : new TimeToken[Math.Max(256, doc.Tokens.Length * 5 / 4 + 8)]);
        Fill(doc, ref list);
        t_tokens = list.Items;
        count = list.Count;
        return list.Items;
    }

    private struct TokenBuffer(TimeToken[] items)
    {
        public TimeToken[] Items = items;
        public int Count;
        public void Add(TimeToken t)
        {
            if (Count == Items.Length) Array.Resize(ref Items, Items.Length * 2);
            Items[Count++] = t;
        }
    }

    private void Fill(Document doc, ref TokenBuffer list)
    {
        var text = doc.Text;
        for (int t = 0; t < doc.Tokens.Length; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind == TokenKind.Word && tok.Has(TokenFlags.Hyphen))
            {
                int s = tok.Start;
                for (int k = tok.Start; k < tok.End; k++)
                {
                    if (text[k] is '-' or '‐')
                    {
                        if (k > s) list.Add(Classify(text, s, k, t));
                        list.Add(Classify(text, k, k + 1, t));
                        s = k + 1;
                    }
                }
                if (s < tok.End) list.Add(Classify(text, s, tok.End, t));
            }
            else list.Add(Classify(text, tok.Start, tok.End, t));
        }
    }

    private TimeToken Classify(string text, int s, int e, int orig)
    {
        var span = text.AsSpan(s, e - s);
        var tt = new TimeToken { Start = s, End = e, Orig = orig, Lit = _litLookup.TryGetValue(span, out int id) ? id : -1 };
        tt.Capitalised = char.IsUpper(span[0]);
        bool digits = true;
        foreach (var c in span) if (!char.IsAsciiDigit(c)) { digits = false; break; }
        tt.Digits = digits;
        if (!digits)
        {
            tt.Sections = Lexicon.SectionMask(span);
            if (!tt.Capitalised) tt.Sections &= ~Lexicon.CapitalisedMask;
        }
        tt.NumberLike = char.IsAsciiDigit(span[0]) || span[0] is '\'' or '’' || (tt.Sections & _numberSections) != 0;
        return tt;
    }
}
