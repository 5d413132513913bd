using Dossier.Resources;

namespace Dossier.Extraction.Time;

/// <summary>The word lists of time-words.txt: one dictionary per [section], word → value, plus multi-word phrase lists.</summary>
/// <remarks>Built once from the embedded resource; read-only afterwards and safe to share across threads.</remarks>
internal sealed class TimeLexicon
{
    /// <summary>The embedded resource this lexicon is read from.</summary>
    public const string ResourceName = "time-words.txt";

    private readonly Dictionary<string, Dictionary<string, string>> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> _lookups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string[] Words, string Value)>> _phrases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sections whose words match only capitalised tokens (months, weekdays: "May" but not "may").</summary>
    public HashSet<string> Capitalised { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Section names in file order; a section's bit in a token's class mask is its index here.</summary>
    public List<string> SectionNames { get; } = new();

    /// <summary>Parses the lexicon from lines (the resource or a test's own text).</summary>
    public static TimeLexicon Parse(IEnumerable<string> lines, string fileName = ResourceName)
    {
        var lex = new TimeLexicon();
        string? section = null;
        int lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[')
            {
                if (line[^1] != ']') throw new DossierException(Errors.TimeRuleSyntax(fileName, lineNo, "section header must be [name]"));
                var header = line[1..^1];
                int colon = header.IndexOf(':');
                section = (colon < 0 ? header : header[..colon]).Trim();
                if (colon >= 0 && header[(colon + 1)..].Trim() == "capitalised") lex.Capitalised.Add(section);
                if (!lex._sections.ContainsKey(section))
                {
                    lex._sections[section] = new(StringComparer.OrdinalIgnoreCase);
                    lex._phrases[section] = new();
                    lex.SectionNames.Add(section);
                }
                continue;
            }
            if (section is null) throw new DossierException(Errors.TimeRuleSyntax(fileName, lineNo, "entry before any [section]"));
            int cut = line.LastIndexOfAny([' ', '\t']);
            if (cut <= 0) throw new DossierException(Errors.TimeRuleSyntax(fileName, lineNo, "want 'word value'"));
            var word = line[..cut].Trim();
            var value = line[(cut + 1)..];
            // Phrases (several words) are matched token by token; single words go into the hash lookup.
            if (word.Contains(' ')) lex._phrases[section].Add((word.Split(' ', StringSplitOptions.RemoveEmptyEntries), value));
            else lex._sections[section][word] = value;
        }
        foreach (var (name, dict) in lex._sections) lex._lookups[name] = dict.GetAlternateLookup<ReadOnlySpan<char>>();
        // One lookup per token gives every section a word belongs to (bit i = SectionNames[i]).
        for (int i = 0; i < lex.SectionNames.Count && i < 64; i++)
        {
            var name = lex.SectionNames[i];
            if (lex.Capitalised.Contains(name)) lex.CapitalisedMask |= 1UL << i;
            foreach (var w in lex._sections[name].Keys) lex._masks[w] = lex._masks.GetValueOrDefault(w) | (1UL << i);
        }
        lex._maskLookup = lex._masks.GetAlternateLookup<ReadOnlySpan<char>>();
        // Single words are also one-word phrases, so phrase matching sees every entry; longest phrases are tried first.
        foreach (var (name, list) in lex._phrases)
        {
            foreach (var (w, v) in lex._sections[name]) list.Add(([w], v));
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
        return lex;
    }

    private readonly Dictionary<string, ulong> _masks = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _maskLookup;

    /// <summary>Sections (as bits) that match only capitalised tokens.</summary>
    public ulong CapitalisedMask { get; private set; }

    /// <summary>The sections a word belongs to, as a bit mask over <see cref="SectionNames"/>.</summary>
    public ulong SectionMask(ReadOnlySpan<char> word) => _maskLookup.TryGetValue(word, out var m) ? m : 0;

    /// <summary>True when the section exists.</summary>
    public bool HasSection(string section) => _sections.ContainsKey(section);

    /// <summary>The value of a single word in a section, or null.</summary>
    public string? Get(string section, ReadOnlySpan<char> word) =>
        _lookups.TryGetValue(section, out var l) && l.TryGetValue(word, out var v) ? v : null;

    /// <summary>Every entry of a section (single words and phrases), longest phrase first.</summary>
    public IReadOnlyList<(string[] Words, string Value)> Phrases(string section) =>
        _phrases.TryGetValue(section, out var l) ? l : [];

    /// <summary>The single-word dictionary of a section.</summary>
    public IReadOnlyDictionary<string, string> Section(string section) => _sections[section];
}
