using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Extraction.Quotes;

/// <summary>Finds direct, indirect and social quotes with their speakers and cues (the "quotes" component).</summary>
/// <remarks>
/// Rules over tokens, sentences, the syntax layer and the entity/actor layers. Direct quotes come from quotation marks
/// (<see cref="QuoteMarks"/>) framed by a reporting cue in the same sentence (or, failing the patterns, by the reporting
/// verb the parse attaches the quote to); indirect quotes from "X said (that) …", "…, X said" and "according to X, …";
/// social quotes from the document's posts. The speaker of a cue is its subject in the parse (the agent of a passive, the
/// noun of "according to"), weighed against the phrase the patterns find where the two disagree
/// (<c>ChooseSpeaker</c>), then resolved to an actor: the name that ends the phrase or that its head noun speaks for, a
/// pronoun or anaphoric noun ("the statement"), or a name match against actor names and aliases. All per-document state
/// lives in a <see cref="Run"/>; the component is stateless and thread-safe.
/// </remarks>
[Component("quotes")]
public sealed partial class QuoteExtractor : IComponent
{
    /// <summary>Name, version, layers.</summary>
    public static readonly ComponentInfo Component = new("quotes", "1.4", [Layers.Quotes], [Layers.Sentences, Layers.Syntax, Layers.Entities, Layers.Actors]);

    /// <summary>Quotes of at most this many words with no cue are scare quotes, not quotations.</summary>
    public const int ScareQuoteMaxWords = 2;

    /// <summary>A quoted name after "known as", "dubbed" … is at most this many words; longer text there is still a quote.</summary>
    public const int NameQuoteMaxWords = 6;
    /// <summary>A quote with no cue and no speaker in context is kept only from this many words on.</summary>
    public const int UnattributedMinWords = 5;
    /// <summary>Longest quoted phrase without a verb dropped when its cue names no speaker and none can be inherited.</summary>
    public const int ShortTermMaxWords = 4;
    /// <summary>Most words in a signature after a dash that the entity tagger did not find ("― Francisco Herrero").</summary>
    public const int MaxSignatureWords = 5;
    /// <summary>Most tokens between a naming verb and the quote it frames ("called half of Donald Trump's supporters "…"").</summary>
    public const int MaxNamedObjectTokens = 8;
    /// <summary>Longest object of a naming verb the parse must vouch for ("called a report suggesting … "outrageous"").</summary>
    public const int MaxLongNamedObjectTokens = 20;
    /// <summary>Longest apposition between a speaker's name and the cue after a quote, in tokens.</summary>
    public const int MaxAppositionTokens = 30;
    /// <summary>Longest speaker phrase, in tokens.</summary>
    public const int MaxSpeakerTokens = 10;

    private readonly QuoteLexicon _lex;

    public QuoteExtractor() : this(QuoteLexicon.Default) { }
    internal QuoteExtractor(QuoteLexicon lex) => _lex = lex;

    public ComponentInfo Info => Component;

    public void Process(Document doc)
    {
        doc.Quotes.Clear();
        if (doc.Tokens.Length == 0) return;
        var run = new Run(doc, _lex, Component.Id);
        run.Social();
        run.Direct();
        run.Indirect();
        run.Complements();
        run.AbsorbFragments();
        run.DropUnplaced();
        run.ResolvePronouns();
        doc.Quotes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
    }

    // Words that may stand between the speaker and the cue and are not part of the speaker ("has also said").
    private static readonly HashSet<string> Aux = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "later", "then", "again", "once", "further",
        "did", "does", "do", "not", "n't", "never", "earlier", "first", "previously", "recently", "had", "just", "already",
        "reportedly", "separately", "subsequently", "always", "often", "even", "since", "has", "still", "now",
    };
    // Words that end a speaker phrase when scanning backwards from a cue (a clause boundary).
    private static readonly HashSet<string> BackStop = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "while", "as", "when", "because", "although", "though", "since", "after", "before", "that", "which",
        "who", "whom", "where", "if", "so", "whether", "than", "until", "unless", "or", "nor", "yet", "once",
    };
    // Words that end a speaker phrase after a cue ("said Smith on Tuesday").
    private static readonly HashSet<string> ForwardStop = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "at", "during", "after", "before", "while", "when", "as", "last", "this", "yesterday", "today", "tonight",
        "tomorrow", "earlier", "later", "adding", "referring", "speaking", "who", "which", "that", "told", "according", "to",
        "about", "and", "but", "with", "via", "through", "late", "early",
    };
    private static readonly HashSet<string> Leading = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "so", "then", "also", "meanwhile", "however", "yet", "or", "now", "still", "instead", "thus", "indeed",
    };
    // Words that open a subordinate clause: reported speech inside one ends at the clause's comma.
    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "while", "although", "though", "if", "because", "as", "when", "since", "after", "before", "even", "whereas", "unless",
    };
    private static readonly HashSet<string> Quantifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "some", "many", "most", "several", "few", "other", "those", "these", "two", "three", "all", "both", "its", "their", "his", "her",
    };
    // Words a title leaves in lower case ("Face the Nation").
    private static readonly HashSet<string> TitleFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "with", "at", "by", "from", "vs", "'s", "’s", "nor", "but",
        "is", "are", "was", "be", "as",
    };
    private static readonly HashSet<string> SpeakerDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "this", "that", "both", "some", "many", "most",
        "several", "all", "two", "three", "few",
    };
    // A comma segment opening with one is an adjunct ("In a statement, …"), not the subject.
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "during", "after", "before", "for", "with", "from", "by", "of", "to", "under", "over", "since",
        "following", "despite", "amid", "without", "through", "via", "like", "unlike", "inside", "outside", "across", "behind",
        "near", "within", "beyond", "around", "among", "toward", "towards", "throughout", "beneath", "beside",
    };
    // Verbs and particles common enough to rule out a bare noun phrase ("the turmoil was part").
    private static readonly HashSet<string> NotInNounPhrase = new(StringComparer.OrdinalIgnoreCase)
    {
        "be", "been", "being", "am", "can", "could", "should", "may", "might", "must", "shall", "not", "to", "if", "than",
        "there", "here", "it", "they", "he", "she", "we", "you", "i", "what", "how", "why",
    };
    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "it", "they", "we", "i", "there", "you" };
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she" };
    private static readonly HashSet<string> OtherPronouns = new(StringComparer.OrdinalIgnoreCase) { "they", "it", "we", "i", "you" };
    private static readonly HashSet<string> PluralPronouns = new(StringComparer.OrdinalIgnoreCase) { "they", "we" };
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "this", "that", "these", "those" };
    // Verbs after which the addressee comes before the content ("told reporters the plan …").
    private static readonly HashSet<string> TellVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "tell", "tells", "told", "telling", "assured", "informed", "reminded", "warned", "asked", "urged", "promised",
    };
    // Words that cannot begin the content of "X said …" without "that" (the verb is used another way: "said to be").
    private static readonly HashSet<string> NoContentStart = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "in", "on", "at", "for", "of", "with", "by", "about", "so", "during", "after", "before", "as", "when", "while",
        "and", "or", "but", "nothing", "yes", "no", "goodbye", "from", "into", "over", "up", "out", "off", "more", "much",
        "sorry", "thanks", "hello", "what", "how", "why", "where", "who", "whether", "if", "according", "goodbye", "hi", "via",
    };
    // Time words that may sit between a cue and the content ("said Tuesday the plan …").
    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
        "earlier", "later", "recently", "previously", "again", "also", "repeatedly", "publicly", "privately", "once",
        "meantime", "meanwhile",
    };
    // Addressees of "told" that stand alone ("told reporters the …").
    private static readonly HashSet<string> ObjectWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "reporters", "journalists", "him", "her", "them", "us", "me", "you", "supporters", "lawmakers", "viewers", "listeners",
        "voters", "audiences", "crowds", "parliament", "congress",
    };
}
