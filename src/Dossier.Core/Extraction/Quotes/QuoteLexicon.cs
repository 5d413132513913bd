using Dossier.Resources;

namespace Dossier.Extraction.Quotes;

/// <summary>How a reporting cue frames its content.</summary>
internal enum CueClass : byte
{
    None = 0,
    /// <summary>A reporting verb: frames direct quotes and indirect speech ("said", "told").</summary>
    Verb,
    /// <summary>Reports speech or stance only before a "that" clause ("indicated that").</summary>
    That,
    /// <summary>A multi-word preposition naming the source ("according to").</summary>
    Prep,
    /// <summary>A naming verb that frames a direct quote only across its object: "X called it "…"", "described … as "…"".</summary>
    Call,
    /// <summary>A verb of judgement that frames a direct quote only with "as" after its object: "X criticized the plan as
    /// "…"", "condemned the test as "…"".</summary>
    As,
}

/// <summary>Where a speech act without a clause holds what was said (quotes-frames.tsv).</summary>
internal enum ContentFrame : byte
{
    None = 0,
    /// <summary>The object, with an of/for/as phrase after it ("cited a report by …", "accused X of …").</summary>
    Object,
    /// <summary>The infinitive, with an addressee before it ("vowed to …", "urged Congress to …").</summary>
    To,
    /// <summary>The "for" phrase ("called for an end to …").</summary>
    For,
}

/// <summary>The word lists of the quotes component, read once from the embedded lexicons and cached.</summary>
/// <remarks>Immutable after load; safe to share across threads.</remarks>
internal sealed class QuoteLexicon
{
    public const string CuesFile = "quotes-cues.tsv";
    public const string SpeakerNounsFile = "quotes-speaker-nouns.txt";
    public const string FramesFile = "quotes-frames.tsv";

    private static readonly Lazy<QuoteLexicon> _default = new(() => new QuoteLexicon(
        EmbeddedData.Lines(CuesFile), EmbeddedData.Lines(SpeakerNounsFile), EmbeddedData.Lines(FramesFile)));

    /// <summary>The lexicon compiled into the assembly.</summary>
    public static QuoteLexicon Default => _default.Value;

    private readonly Dictionary<string, CueClass>.AlternateLookup<ReadOnlySpan<char>> _verbs;
    private readonly Dictionary<string, NounClass>.AlternateLookup<ReadOnlySpan<char>> _nouns;
    private readonly Dictionary<string, ContentFrame>.AlternateLookup<ReadOnlySpan<char>> _frames;

    [Flags]
    private enum NounClass : byte { Speaker = 0, Voice = 1, Doc = 2, Org = 4, Anonymous = 8 }

    /// <summary>Multi-word cues ("according to").</summary>
    public PhraseTable<CueClass> Phrases { get; }

    public QuoteLexicon(IEnumerable<string> cueLines, IEnumerable<string> nounLines, IEnumerable<string>? frameLines = null)
    {
        var frames = new Dictionary<string, ContentFrame>(StringComparer.OrdinalIgnoreCase);
        int fn = 0;
        foreach (var line in frameLines ?? [])
        {
            fn++;
            var parts = line.Split('\t');
            if (parts.Length != 2) throw new DossierException(Errors.BadLexiconLine(FramesFile, fn, "want 'lemma<TAB>frame'"));
            frames[parts[0].Trim()] = parts[1].Trim() switch
            {
                "obj" => ContentFrame.Object,
                "to" => ContentFrame.To,
                "for" => ContentFrame.For,
                var other => throw new DossierException(Errors.BadLexiconLine(FramesFile, fn, $"unknown frame '{other}'")),
            };
        }
        _frames = frames.GetAlternateLookup<ReadOnlySpan<char>>();
        var verbs = new Dictionary<string, CueClass>(StringComparer.OrdinalIgnoreCase);
        var phrases = new List<(string, CueClass)>();
        int n = 0;
        foreach (var line in cueLines)
        {
            n++;
            var parts = line.Split('\t');
            if (parts.Length != 2) throw new DossierException(Errors.BadLexiconLine(CuesFile, n, "want 'form<TAB>class'"));
            var cls = parts[1].Trim() switch
            {
                "verb" => CueClass.Verb,
                "that" => CueClass.That,
                "prep" => CueClass.Prep,
                "call" => CueClass.Call,
                "as" => CueClass.As,
                var other => throw new DossierException(Errors.BadLexiconLine(CuesFile, n, $"unknown class '{other}'")),
            };
            var form = parts[0].Trim();
            if (form.Contains(' ')) phrases.Add((form, cls));
            else verbs[form] = cls;
        }
        var nouns = new Dictionary<string, NounClass>(StringComparer.OrdinalIgnoreCase);
        n = 0;
        foreach (var line in nounLines)
        {
            n++;
            var parts = line.Split('\t');
            var cls = NounClass.Speaker;
            if (parts.Length >= 2)
                foreach (var flag in parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    cls |= flag switch
                    {
                        "doc" => NounClass.Doc | NounClass.Voice,
                        "voice" => NounClass.Voice,
                        "org" => NounClass.Org,
                        "anonymous" => NounClass.Anonymous,
                        var other => throw new DossierException(Errors.BadLexiconLine(SpeakerNounsFile, n, $"unknown class '{other}'")),
                    };
            nouns[parts[0].Trim()] = cls;
        }
        _verbs = verbs.GetAlternateLookup<ReadOnlySpan<char>>();
        _nouns = nouns.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = new PhraseTable<CueClass>(phrases);
    }

    /// <summary>The cue class of a single word, or None.</summary>
    public CueClass Verb(ReadOnlySpan<char> word) => _verbs.TryGetValue(word, out var c) ? c : CueClass.None;

    /// <summary>The frame that holds the content of a speech act without a clause, by lemma, or None.</summary>
    public ContentFrame Frame(ReadOnlySpan<char> lemma) => _frames.TryGetValue(lemma, out var f) ? f : ContentFrame.None;

    /// <summary>True when the word can head a speaker phrase without a name ("spokesman", "statement").</summary>
    public bool IsSpeakerNoun(ReadOnlySpan<char> word) => _nouns.ContainsKey(word);

    /// <summary>True when the word names a document that speaks for someone ("statement", "readout").</summary>
    public bool IsDocNoun(ReadOnlySpan<char> word) => _nouns.TryGetValue(word, out var d) && d.HasFlag(NounClass.Doc);

    /// <summary>True when the word speaks for the name it is of: a document or a spokesperson ("Mr Blair's spokesman",
    /// "a Kremlin readout"), unlike "party" or "critics".</summary>
    public bool IsMouthpiece(ReadOnlySpan<char> word) => _nouns.TryGetValue(word, out var d) && d.HasFlag(NounClass.Voice);

    /// <summary>True when the word names a kind of organisation, so that a name before it is that organisation ("the
    /// Labour party", "the US government"), unlike "a US bank" or "the Conservative leader".</summary>
    public bool IsOrganisationNoun(ReadOnlySpan<char> word) => _nouns.TryGetValue(word, out var d) && d.HasFlag(NounClass.Org);

    /// <summary>True when the word describes a person the article does not name and a later "he" or "she" goes on
    /// quoting ("a spokeswoman said … she added"), unlike a post that names someone known ("the prime minister").</summary>
    public bool IsAnonymous(ReadOnlySpan<char> word) => _nouns.TryGetValue(word, out var d) && d.HasFlag(NounClass.Anonymous);
}
