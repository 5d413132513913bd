using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Extraction.Events;

/// <summary>
/// The "events" component: codes CAMEO events (with PLOVER category, Goldstein score, date, certainty and negation)
/// between the document's actors, from verb triggers matched against the CAMEO verb-pattern dictionary.
/// </summary>
/// <remarks>
/// A trigger is a verb the parse reads as heading a clause. Its source is the actor the dependency tree makes its subject
/// (through xcomp, conj and advcl where UD leaves the subject to the governing verb) or, for a passive, its agent; its
/// target the actor its object, indirect object or a licensed oblique names ("spoke to", "sanctions on"). Where the tree
/// names no subject or object, or is broken around the trigger, the clause heuristics of version 1.0 answer, and an actor
/// they name that the tree places elsewhere is dropped. Immutable; safe to call from many threads.
/// </remarks>
[Component("events")]
public sealed partial class EventCoder : IComponent
{
    /// <summary>Component description.</summary>
    public static readonly ComponentInfo Component = new("events", "1.6", [Layers.Events],
        [Layers.Syntax, Layers.Entities, Layers.Actors, Layers.Timexes]);

    /// <summary>Longest stretch before a trigger searched for pattern words.</summary>
    public const int PreWindow = 12;

    /// <summary>Longest stretch before a trigger searched for its subject (bounds the work on run-on "sentences").</summary>
    public const int SubjectWindow = 60;

    /// <summary>How many clauses back a clause without a subject may look for one it shares.</summary>
    public const int MaxInheritDepth = 8;

    /// <summary>Longest stretch after a trigger searched for pattern words and the target.</summary>
    public const int PostWindow = 14;

    private readonly VerbLexicon _lex;
    private readonly Discards _discards;

    /// <summary>Creates the coder over the embedded dictionaries.</summary>
    public EventCoder() : this(VerbLexicon.Default, Discards.Default) { }

    internal EventCoder(VerbLexicon lex) : this(lex, Discards.Default) { }

    internal EventCoder(VerbLexicon lex, Discards discards) { _lex = lex; _discards = discards; }

    /// <inheritdoc/>
    public ComponentInfo Info => Component;

    /// <inheritdoc/>
    public void Process(Document doc)
    {
        if (doc.Tokens.Length == 0) return;
        if (doc.Syntax is null) throw new DossierException(Errors.PipelineRequirement(Component.Name, Layers.Syntax));
        // Sports results, entertainment and the like are not coded (PETRARCH-2's discard list).
        if (_discards.DiscardsStory(doc)) return;
        var run = new Run(doc, _lex, _discards, Component.Id);
        run.CodeAll();
        MentionMerger.Merge(doc.Events);
    }

    /// <summary>The working state for one document.</summary>
    private sealed partial class Run
    {
        private readonly Document _doc;
        private readonly VerbLexicon _lex;
        private readonly Discards _discards;
        private readonly string _by;
        private readonly DocView _v;
        private readonly List<Anchor> _anchors = new();
        private List<Clause> _clauses = new();
        private readonly Dictionary<int, int[]> _subjects = new();

        private readonly record struct Anchor(int Token, int[] Actors, string Class, string? Date);

        public Run(Document doc, VerbLexicon lex, Discards discards, string by)
        {
            _doc = doc; _lex = lex; _discards = discards; _by = by;
            _v = new DocView(doc);
            _syn = doc.Syntax!;
        }

        // Developer aid: with DOSSIER_EVENTS_WHY set, each trigger is written to standard error with its code and why it was
        // or was not coded. Call sites test Explain first, so the message is not built otherwise.
        private static readonly bool Explain = Environment.GetEnvironmentVariable("DOSSIER_EVENTS_WHY") is { Length: > 0 };

        private void Why(Trigger t, string reason)
        {
            if (Explain) Console.Error.WriteLine($"events: {_doc.Id} '{string.Join(' ', _v.Low[t.Start..t.End])}' @{_doc.Tokens[t.Start].Start}: {reason}");
        }

        // Per sentence: the first unverified cue (or int.MaxValue) and whether a reporting cue occurs.
        private int _firstUnverified;
        private bool _hasReported;

        public void CodeAll()
        {
            foreach (var s in _doc.Sentences)
            {
                _doc.CheckBudget("events");
                if (_discards.DiscardsSentence(_doc, s)) continue;
                EnterSentence(s);
                _firstUnverified = int.MaxValue;
                _hasReported = false;
                for (int j = s.FirstToken; j < s.TokenEnd; j++)
                {
                    if (_firstUnverified == int.MaxValue && EventWords.UnverifiedCues.Contains(_v.Low[j])) _firstUnverified = j;
                    if (EventWords.ReportedCues.Contains(_v.Low[j])) _hasReported = true;
                }
                _clauses = _v.SplitClauses(s, StartsTimex);
                _subjects.Clear();
                for (int c = 0; c < _clauses.Count; c++) CollectAnchors(c);
                for (int c = 0; c < _clauses.Count; c++) CodeClause(s, c);
            }
        }

        private HashSet<int>? _timexStarts;

        private bool StartsTimex(int t)
        {
            if (t >= _doc.Tokens.Length) return false;
            _timexStarts ??= _doc.Timexes.Select(x => x.Start).ToHashSet();
            return _timexStarts.Contains(_doc.Tokens[t].Start);
        }
    }
}
