using Dossier.Resources;

namespace Dossier.Extraction.Events;

/// <summary>One alternative set in a verb pattern: any of <see cref="Alts"/> (each a run of normalised words) matches.</summary>
internal sealed record PatternGroup(string[][] Alts, bool Modifier, char Slot);

/// <summary>A verb pattern: word groups before and after the verb that select <see cref="Code"/>.</summary>
/// <param name="Verb">The verb the pattern was written for (from the dictionary comment), or "" when unknown.</param>
internal sealed record VerbPattern(string Code, PatternGroup[] Pre, PatternGroup[] Post, bool Ours, string Verb);

/// <summary>A verb block: synonymous verbs sharing a default code and a pattern list.</summary>
internal sealed class VerbBlock(string code, string name)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public List<VerbPattern> Patterns { get; } = new();

    private HashSet<string>? _prepositions, _nouns;

    /// <summary>The single words other than prepositions the block's patterns name after the verb ("sanction", "curfew",
    /// "blockade"): objects the dictionary knows for these verbs.</summary>
    /// <remarks>Computed at first use, as <see cref="Prepositions"/>.</remarks>
    public IReadOnlySet<string> Nouns => _nouns ??= Patterns
        .SelectMany(p => p.Post).SelectMany(g => g.Alts).SelectMany(a => a)
        .Where(w => !EventWords.Prepositions.Contains(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The prepositions the block's patterns use after the verb ("meet … with", "impose ban on"): the case words
    /// that may mark its target in the parse.</summary>
    /// <remarks>Computed at first use after loading; two threads racing build equal sets, so the race is harmless.</remarks>
    public IReadOnlySet<string> Prepositions => _prepositions ??= Patterns
        .SelectMany(p => p.Post).SelectMany(g => g.Alts).SelectMany(a => a)
        .Where(EventWords.Prepositions.Contains).ToHashSet(StringComparer.Ordinal);
}

/// <summary>One inflected form of a verb (possibly several words: "packing up").</summary>
internal sealed record VerbForm(string[] Words, string Lemma, string? Code, VerbBlock Block);

/// <summary>
/// The CAMEO verb-pattern dictionary: inflected verb forms → blocks of patterns → CAMEO codes.
/// Loaded once from cameo-verbs.tsv.gz (compiled PETRARCH-2 dictionary) and events-verbs.tsv (our additions, same grammar).
/// </summary>
/// <remarks>Immutable after loading; safe to share across threads. See CameoVerbsCompiler for the line grammar.</remarks>
internal sealed class VerbLexicon
{
    private static readonly Lazy<VerbLexicon> _default = new(() =>
    {
        var lex = new VerbLexicon();
        lex.Load(EmbeddedData.Lines("cameo-verbs.tsv.gz"), "cameo-verbs.tsv.gz", ours: false);
        if (EmbeddedData.Exists("events-verbs.tsv")) lex.Load(EmbeddedData.Lines("events-verbs.tsv"), "events-verbs.tsv", ours: true);
        return lex;
    });

    /// <summary>The embedded dictionary, loaded at first use.</summary>
    public static VerbLexicon Default => _default.Value;

    // First word of a form → forms starting with it (longest first, so multi-word forms win).
    private readonly Dictionary<string, List<VerbForm>> _byFirst = new(StringComparer.Ordinal);

    /// <summary>Number of distinct forms.</summary>
    public int FormCount { get; private set; }

    /// <summary>Loads lines of the compiled grammar (B/V/P records).</summary>
    public void Load(IEnumerable<string> lines, string name, bool ours)
    {
        var blocks = new Dictionary<string, VerbBlock>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            var f = line.Split('\t');
            switch (f[0])
            {
                case "B" when f.Length >= 3:
                    blocks[f[1]] = new VerbBlock(f[2], f.Length > 3 ? f[3] : f[1]);
                    break;
                case "V" when f.Length >= 3 && blocks.TryGetValue(f[1], out var vb):
                    AddVerb(f[2], f.Length > 3 && f[3].Length > 0 ? f[3] : null, f.Length > 4 ? f[4] : "", vb);
                    break;
                case "P" when f.Length >= 4 && blocks.TryGetValue(f[1], out var pb):
                    pb.Patterns.Add(new VerbPattern(f[2], ParseSide(f[3]), ParseSide(f.Length > 4 ? f[4] : ""), ours, f.Length > 5 ? f[5] : ""));
                    break;
                default:
                    throw new DossierException(Errors.BadVerbLexiconLine(name, lineNo, line));
            }
        }
        foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    private void AddVerb(string lemma, string? code, string forms, VerbBlock block)
    {
        IEnumerable<string> all = forms.Length > 0 ? forms.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Inflect(lemma);
        foreach (var form in all)
        {
            var words = form.Split('_', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = new();
            list.Add(new VerbForm(words, lemma, code, block));
            FormCount++;
        }
    }

    // Regular forms of a (possibly multi-word) lemma: the first word inflects ("pack_up" → "packing_up").
    private static IEnumerable<string> Inflect(string lemma)
    {
        var parts = lemma.Split('_');
        foreach (var f in VerbForms.Regular(parts[0]))
        {
            parts[0] = f;
            yield return string.Join('_', parts);
        }
    }

    private static PatternGroup[] ParseSide(string side)
    {
        if (side.Length == 0) return [];
        var groups = new List<PatternGroup>();
        foreach (var g in side.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (g is "+" or "$") { groups.Add(new PatternGroup([], false, g[0])); continue; }
            bool mod = g[0] == '~';
            var alts = (mod ? g[1..] : g).Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(Words.Normalize).ToArray())
                .Where(a => a.Length > 0).ToArray();
            if (alts.Length > 0) groups.Add(new PatternGroup(alts, mod, '\0'));
        }
        return groups.ToArray();
    }

    /// <summary>Forms whose first word is <paramref name="lowerWord"/> (longest first), or null.</summary>
    public List<VerbForm>? FormsStartingWith(string lowerWord) => _byFirst.GetValueOrDefault(lowerWord);
}

/// <summary>Word normalisation shared by the lexicon and the matcher.</summary>
internal static class Words
{
    /// <summary>Lower case, typographic apostrophes folded, crude singular ("sanctions" → "sanction", "talks" → "talk").</summary>
    public static string Normalize(string w)
    {
        w = w.ToLowerInvariant().Replace('’', '\'');
        if (w.Length <= 3) return w;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) ||
            w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)) return w[..^2];
        if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i' or '\'')) return w[..^1];
        return w;
    }
}
