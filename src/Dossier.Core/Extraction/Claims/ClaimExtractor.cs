using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Extraction.Quotes;

namespace Dossier.Extraction.Claims;

/// <summary>Turns sentences into claims with a certainty and a source (the "claims" component).</summary>
/// <remarks>
/// A sentence with no quote is one claim on the author's authority; its certainty comes from the strongest cue of
/// <see cref="ClaimLexicon"/> in it (hedges, unnamed sources, speculation, opinion). The part of a sentence inside a quote is a
/// claim of the quote's speaker (reported; named, unnamed or social), with its speaker and cue for indirect speech; when the author adds a cue of their own outside the
/// quote ("Surprisingly the statement confirmed …"), the whole sentence is also a claim of the author. Quotes are used when
/// the layer is present (run "quotes" before "claims"). Stateless; safe across threads.
/// </remarks>
[Component("claims")]
public sealed class ClaimExtractor : IComponent
{
    /// <summary>Name, version, layers.</summary>
    public static readonly ComponentInfo Component = new("claims", "1.0", [Layers.Claims], [Layers.Sentences]);

    /// <summary>Sentences with fewer words are not claims ("VS. Now").</summary>
    public const int MinWords = 3;

    private readonly ClaimLexicon _lex;

    public ClaimExtractor() : this(ClaimLexicon.Default) { }
    internal ClaimExtractor(ClaimLexicon lex) => _lex = lex;

    public ComponentInfo Info => Component;

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "we", "i", "you" };

    public void Process(Document doc)
    {
        doc.Claims.Clear();
        var by = Component.Id;
        var quotesOf = QuotesBySentence(doc);
        for (int si = 0; si < doc.Sentences.Length; si++)
        {
            doc.CheckBudget("claims");
            var sent = doc.Sentences[si];
            int s = sent.Start, e = sent.End;
            var quotes = quotesOf[si] ?? NoQuotes;
            if (InAttribution(doc, s, e)) continue;

            // Embedded posts: the poster's claim.
            var post = PostOf(doc, s, e);
            if (post is not null)
            {
                int ps = Math.Max(s, post.TextStart), pe = Math.Min(e, post.TextEnd);
                if (Words(doc, ps, pe) < MinWords) continue;
                var sq = quotes.FirstOrDefault(q => q.Kind == QuoteKind.Social && q.Start <= ps && q.End >= pe);
                doc.Claims.Add(new Claim { Start = ps, End = pe, Certainty = Certainty.Reported, Source = ClaimSource.Social, SourceActor = sq?.Speaker ?? -1, Cue = sq?.SpeakerText, By = by });
                continue;
            }
            if (Words(doc, s, e) < MinWords) continue;

            bool anyQuote = false;
            foreach (var q in quotes)
            {
                if (q.Kind == QuoteKind.Social || q.End <= s || q.Start >= e) continue;
                int qs = Math.Max(s, q.Start), qe = Math.Min(e, q.End);
                // Reported speech is claimed with its frame ("He has indicated that …"): without it the words read as the author's.
                if (q.Kind == QuoteKind.Indirect)
                {
                    if (q.SpeakerStart >= 0) qs = Math.Max(s, Math.Min(qs, q.SpeakerStart));
                    if (q.CueStart >= 0) qs = Math.Max(s, Math.Min(qs, q.CueStart));
                    qe = Math.Min(e, Math.Max(qe, Math.Max(q.SpeakerEnd, q.CueEnd)));
                }
                if (Words(doc, qs, qe) < MinWords) continue;
                anyQuote = true;
                var inner = Strongest(doc, qs, qe, null, out var innerCue);
                var cert = inner is { Certainty: Certainty.Unverified } ? Certainty.Unverified : Certainty.Reported;
                doc.Claims.Add(new Claim
                {
                    Start = qs, End = qe, Certainty = cert, Source = SourceOf(doc, q), SourceActor = q.Speaker,
                    Cue = cert == Certainty.Unverified ? innerCue : QuoteCue(doc, q), By = by,
                });
            }

            if (anyQuote)
            {
                // The author's own stance on a quoted sentence ("Surprisingly the statement also confirmed …").
                var best = Strongest(doc, s, e, quotes, out var cue);
                if (best is { } b && b.Certainty is Certainty.Opinion or Certainty.Speculative or Certainty.Unverified)
                    doc.Claims.Add(new Claim { Start = s, End = e, Certainty = b.Certainty, Source = b.Source ?? ClaimSource.Author, Cue = cue, By = by });
                // A clause of the author's beside the quote (", but there has been little movement") is a claim of its own.
                foreach (var (cs, ce) in Clauses(doc, sent))
                    if (!quotes.Any(q => q.Kind != QuoteKind.Social && Touches(q, cs, ce))) doc.Claims.Add(Classify(doc, cs, ce, by));
                continue;
            }
            // Clauses joined by ", but", "; " or ", and it …" may stand on different footing ("X, but it looks like Y"):
            // each clause is a claim of its own when their certainties differ, else the sentence is one claim.
            var clauses = Clauses(doc, sent);
            if (clauses.Count == 1) { doc.Claims.Add(Classify(doc, s, e, by)); continue; }
            var found = new List<Claim>(clauses.Count);
            foreach (var (cs, ce) in clauses) found.Add(Classify(doc, cs, ce, by));
            if (found.All(f => f.Certainty == found[0].Certainty && f.Source == found[0].Source))
            {
                var one = Classify(doc, s, e, by);
                doc.Claims.Add(one);
            }
            else doc.Claims.AddRange(found);
        }
        doc.Claims.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        if (doc.Syntax is not null) foreach (var c in doc.Claims) c.Negated = Negated(doc, c.Start, c.End);
    }

    // Words that negate the predicate they modify ("not", "n't" — lemma "not" — and "never").
    private static readonly HashSet<string> Negators = new(StringComparer.OrdinalIgnoreCase) { "not", "never" };

    /// <summary>Whether the proposition of [s, e) is negated: its head predicate has "not" or "never" among its
    /// dependents. A reporting or belief frame ("Officials said the road would not reopen", "scientists think …") is
    /// passed through to the clause it reports, so the polarity is the proposition's; a negated frame ("did not say")
    /// negates the claim itself.</summary>
    private bool Negated(Document doc, int s, int e)
    {
        var syn = doc.Syntax!;
        int first = doc.TokenAt(s), end = Math.Min(doc.Tokens.Length, doc.TokenAt(e - 1) + 1);
        if (first >= end) return false;
        int h = syn.SpanHead(first, end);
        for (int hop = 0; hop < 2; hop++)
        {
            // A negated frame negates the claim ("The minister did not say whether …").
            if (HasNegator(syn, h, first, end)) return true;
            var lemma = syn.Lemmas[h] ?? "";
            if (!_lex.IsBeliefVerb(lemma) && QuoteLexicon.Default.Verb(lemma) == CueClass.None) break;
            int next = -1;
            for (int k = first; k < end; k++)
                if (syn.Heads[k] == h && syn.Universal(k) is "ccomp") { next = k; break; }
            if (next < 0) break;
            h = next;
        }
        return HasNegator(syn, h, first, end);
    }

    private static bool HasNegator(SyntaxLayer syn, int h, int first, int end)
    {
        for (int k = first; k < end; k++)
            if (syn.Heads[k] == h && syn.Lemmas[k] is { } l && Negators.Contains(l)) return true;
        return false;
    }

    private static readonly List<Quote> NoQuotes = new();

    /// <summary>For each sentence, the quotes whose content, speaker or cue lie in it (null when none): one pass over the quotes.</summary>
    private static List<Quote>?[] QuotesBySentence(Document doc)
    {
        var by = new List<Quote>?[doc.Sentences.Length];
        foreach (var q in doc.Quotes)
        {
            int lo = q.Start, hi = q.End;
            if (q.SpeakerStart >= 0) { lo = Math.Min(lo, q.SpeakerStart); hi = Math.Max(hi, q.SpeakerEnd); }
            if (q.CueStart >= 0) { lo = Math.Min(lo, q.CueStart); hi = Math.Max(hi, q.CueEnd); }
            int a = doc.SentenceAt(lo), b = doc.SentenceAt(Math.Max(lo, hi - 1));
            if (a < 0) a = Math.Max(0, doc.TokenAt(lo) < doc.Tokens.Length ? doc.SentenceAt(doc.Tokens[doc.TokenAt(lo)].Start) : 0);
            if (b < 0) b = doc.Sentences.Length - 1;
            for (int si = Math.Max(0, a); si <= b && si < by.Length; si++) (by[si] ??= new()).Add(q);
        }
        return by;
    }

    /// <summary>A claim over [s, e) on the author's authority, with the certainty and source of its strongest cue.</summary>
    private Claim Classify(Document doc, int s, int e, string by)
    {
        var claim = new Claim { Start = s, End = e, Certainty = Certainty.Asserted, Source = ClaimSource.Author, By = by };
        var c = Strongest(doc, s, e, null, out var cue);
        if (c is { } found)
        {
            claim.Certainty = found.Certainty;
            claim.Source = found.Source ?? (found.Certainty == Certainty.Reported ? ClaimSource.Unnamed : ClaimSource.Author);
            claim.Cue = cue;
        }
        // A belief and its holder ("scientists think"): reported on the holder's authority, unless a stronger cue
        // (unverified) already stands.
        if ((c is null || ClaimLexicon.Strength(c.Value.Certainty) < ClaimLexicon.Strength(Certainty.Reported)) && Belief(doc, s, e) is var (actor, text) && text is not null)
        {
            claim.Certainty = Certainty.Reported;
            claim.Source = actor >= 0 ? ClaimSource.Named : ClaimSource.Unnamed;
            claim.SourceActor = actor;
            claim.Cue = text;
        }
        return claim;
    }

    // Holders that are the author: "I think", "we believe" stay the author's.
    private static readonly HashSet<string> FirstPerson = new(StringComparer.OrdinalIgnoreCase) { "i", "we" };

    /// <summary>A belief verb of <see cref="ClaimLexicon"/> in [s, e) with a subject and a clause it governs ("Experts
    /// believe the river will rise") or that governs it ("Climate change is to blame, scientists think"): the holder's
    /// actor (-1 when its head is no name with an actor) and the words "holder verb"; null text when there is none or the
    /// parse is missing. A first-person holder is the author: none.</summary>
    private (int Actor, string? Text) Belief(Document doc, int s, int e)
    {
        if (doc.Syntax is not { } syn) return (-1, null);
        int first = doc.TokenAt(s), end = Math.Min(doc.Tokens.Length, doc.TokenAt(e - 1) + 1);
        for (int v = first; v < end; v++)
        {
            if (syn.Tags[v] != Upos.VERB || syn.Lemmas[v] is not { } lemma || !_lex.IsBeliefVerb(lemma)) continue;
            int subj = -1;
            bool clause = syn.Universal(v) is "parataxis" && syn.Heads[v] >= first && syn.Heads[v] < end && syn.Heads[v] < v;
            for (int k = first; k < end; k++)
            {
                if (syn.Heads[k] != v) continue;
                var r = syn.Universal(k);
                if (r is "nsubj") subj = k;
                else if (r is "ccomp") clause = true;
            }
            if (subj < 0 || !clause || FirstPerson.Contains(doc.TokenText(subj).ToString())) continue;
            // The holder's words: the subject and what hangs on it before the verb ("some scientists", "Experts at the
            // Met Office").
            int hs = subj, he = subj + 1;
            for (int k = first; k < v; k++)
                if (Governs(syn, subj, k, first, end)) { hs = Math.Min(hs, k); he = Math.Max(he, k + 1); }
            // Named only when the subject's head is a name ("Philippe Sella believes"): "LSE shareholders feared" is not LSE's.
            int actor = -1;
            foreach (var en in doc.Entities)
                if (en.Actor >= 0 && en.Start <= doc.Tokens[subj].Start && en.End >= doc.Tokens[subj].End) { actor = en.Actor; break; }
            int cs = doc.Tokens[Math.Min(hs, v)].Start, ce = doc.Tokens[Math.Max(he - 1, v)].End;
            return (actor, doc.Slice(cs, ce));
        }
        return (-1, null);
    }

    // Whether token k lies in the subtree of head h (within [first, end)).
    private static bool Governs(SyntaxLayer syn, int h, int k, int first, int end)
    {
        for (int x = k, steps = 0; x >= first && x < end && steps < 32; x = syn.Heads[x], steps++)
            if (x == h) return true;
        return false;
    }

    /// <summary>Fewest words on each side of a clause split.</summary>
    public const int MinClauseWords = 4;

    private static readonly HashSet<string> ClauseStarters = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "it's", "there", "he", "she", "they", "we", "i", "you", "this", "that", "the", "a", "an", "no", "nobody", "many", "some",
    };
    private static readonly HashSet<string> Contrast = new(StringComparer.OrdinalIgnoreCase) { "but", "while", "although", "though", "whereas", "yet" };

    /// <summary>The clauses of a sentence as char ranges: split at ";", ", but/while/although …" and ", and" before a new subject.</summary>
    private static List<(int Start, int End)> Clauses(Document doc, Sentence sent)
    {
        var list = new List<(int, int)>();
        var t = doc.Tokens;
        var starters = ClauseStarters.GetAlternateLookup<ReadOnlySpan<char>>();
        var contrast = Contrast.GetAlternateLookup<ReadOnlySpan<char>>();
        int from = sent.FirstToken, words = 0;
        for (int i = sent.FirstToken; i < sent.TokenEnd; i++)
        {
            if (t[i].Kind is TokenKind.Word or TokenKind.Number) { words++; continue; }
            bool semi = doc.Text[t[i].Start] == ';';
            bool comma = doc.Text[t[i].Start] == ',' && i + 1 < sent.TokenEnd
                && (contrast.Contains(doc.TokenText(i + 1))
                    || doc.TokenText(i + 1).Equals("and", StringComparison.OrdinalIgnoreCase) && i + 2 < sent.TokenEnd && starters.Contains(doc.TokenText(i + 2)));
            if (!(semi || comma) || words < MinClauseWords) continue;
            if (WordsBetween(doc, i + 1, sent.TokenEnd) < MinClauseWords) break;
            list.Add((t[from].Start, t[i].Start));
            from = i + 1;
            // The joining word belongs to neither claim ("but it looks like …" → "it looks like …").
            if (semi is false && from < sent.TokenEnd - 1) from++;
            words = 0;
        }
        list.Add((t[from].Start, sent.End));
        return list;
    }

    private static bool Touches(Quote q, int s, int e) =>
        q.Start < e && q.End > s || q.SpeakerStart >= 0 && q.SpeakerStart < e && q.SpeakerEnd > s || q.CueStart >= 0 && q.CueStart < e && q.CueEnd > s;

    private static int WordsBetween(Document doc, int a, int b)
    {
        int n = 0;
        for (int i = a; i < b; i++) if (doc.Tokens[i].Kind is TokenKind.Word or TokenKind.Number) n++;
        return n;
    }

    /// <summary>The strongest cue in [s, e), skipping tokens inside the given quotes' content; null when none.</summary>
    private ClaimCue? Strongest(Document doc, int s, int e, List<Quote>? skip, out string? cueText)
    {
        cueText = null;
        ClaimCue? best = null;
        int end = doc.TokenAt(e);
        var t = doc.Tokens;
        for (int i = doc.TokenAt(s); i < end; i++)
        {
            if (skip is not null && Inside(skip, t[i].Start)) continue;
            int len = _lex.Cues.Match(doc, i, end, out var cue);
            if (len == 0) continue;
            // A one-word cue written with a capital inside a sentence is a name ("May", "Sadly Ever After").
            if (len == 1 && t[i].Has(TokenFlags.Title) && !t[i].Has(TokenFlags.SentenceStart)) continue;
            // An idiom ("could not differ more") sets nothing, and its words are read as no other cue.
            if (cue.Certainty == Certainty.Asserted) { i += len - 1; continue; }
            if (best is null || ClaimLexicon.Strength(cue.Certainty) > ClaimLexicon.Strength(best.Value.Certainty)
                || cue.Certainty == best.Value.Certainty && best.Value.Source is null && cue.Source is not null)
            {
                best = cue;
                cueText = doc.Slice(t[i].Start, t[i + len - 1].End);
            }
            i += len - 1;
        }
        return best;
    }

    private static bool Inside(List<Quote> quotes, int offset)
    {
        foreach (var q in quotes) if (q.Kind != QuoteKind.Social && offset >= q.Start && offset < q.End) return true;
        return false;
    }

    /// <summary>Named when the speaker is an actor, a pronoun or a name; unnamed for "sources", "officials" or no speaker.</summary>
    private ClaimSource SourceOf(Document doc, Quote q)
    {
        if (q.Kind == QuoteKind.Social) return ClaimSource.Social;
        if (q.Speaker >= 0) return ClaimSource.Named;
        if (q.SpeakerStart < 0 || q.SpeakerEnd <= q.SpeakerStart) return ClaimSource.Unnamed;
        int a = doc.TokenAt(q.SpeakerStart), b = doc.TokenAt(q.SpeakerEnd);
        if (b - a == 1 && Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(a))) return ClaimSource.Named;
        bool named = false;
        for (int i = a; i < b; i++)
        {
            var tk = doc.Tokens[i];
            // A capitalised word past the first ("a Kremlin source") or a capitalised first word that is no determiner names someone.
            if ((tk.Has(TokenFlags.Title) || tk.Has(TokenFlags.Upper)) && tk.Kind == TokenKind.Word && (i > a || !tk.Has(TokenFlags.SentenceStart))) named = true;
        }
        // "Kremlin sources" stays unnamed: a capitalised modifier only says where the unnamed source sits.
        if (_lex.IsUnnamedHead(doc.TokenText(b - 1))) return ClaimSource.Unnamed;
        return named ? ClaimSource.Named : ClaimSource.Unnamed;
    }

    private static string? QuoteCue(Document doc, Quote q)
    {
        if (q.Cue is null) return q.SpeakerText;
        // "Sources say": speaker and cue side by side read as one cue.
        if (q.SpeakerStart >= 0 && q.SpeakerEnd <= q.CueStart && q.CueStart - q.SpeakerEnd <= 12)
            return doc.Slice(q.SpeakerStart, q.CueEnd);
        return q.Cue;
    }

    private static SocialPost? PostOf(Document doc, int s, int e)
    {
        foreach (var p in doc.Posts) if (p.TextStart < e && p.TextEnd > s) return p;
        return null;
    }

    private static bool InAttribution(Document doc, int s, int e)
    {
        foreach (var p in doc.Posts)
            if (p.AttributionEnd > p.AttributionStart && s >= p.AttributionStart && e <= p.AttributionEnd) return true;
        return false;
    }

    private static int Words(Document doc, int s, int e)
    {
        int n = 0;
        for (int i = doc.TokenAt(s); i < doc.Tokens.Length && doc.Tokens[i].Start < e; i++)
            if (doc.Tokens[i].Kind is TokenKind.Word or TokenKind.Number) n++;
        return n;
    }
}
