using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    /// <summary>Fewest words in the content of an indirect quote.</summary>
    public const int IndirectMinWords = 3;
    /// <summary>Longest "…, X said on Tuesday" tail after the last comma, in tokens.</summary>
    public const int MaxTailTokens = 14;
    /// <summary>Longest run of adjuncts after the cue of a tail frame ("she said in a video message to the convention").</summary>
    public const int MaxTailAdjunctTokens = 10;

    private sealed partial class Run
    {
        /// <summary>Reported speech without quotation marks, at most one per sentence.</summary>
        public void Indirect()
        {
            for (int si = 0; si < _d.Sentences.Length; si++)
            {
                _d.CheckBudget("quotes");
                var sent = _d.Sentences[si];
                if (Blocked(sent.Start, sent.End)) continue;
                int a = sent.FirstToken, b = sent.TokenEnd;
                // Trailing terminal punctuation and closing marks are not content.
                while (b > a && (IsTerminal(b - 1) || IsQuoteMark(b - 1) || IsChar(b - 1, ')'))) b--;
                if (b - a < 4) continue;
                // The patterns in order of reliability; the first that fits the sentence wins.
                _ = AccordingFirst(a, b) || ContentFirst(a, b) || SpeakerFirst(a, b);
            }
        }

        private bool Emit(int contentFirst, int contentEnd, int spFirst, int spEnd, int cueFirst, int cueEnd, bool toComma = false, bool trustPattern = false)
        {
            // Reported speech inside a subordinate clause ends with the clause ("While she says she will …, she …").
            // (Not at a comma inside quotation marks: "the Lib Dems would mean "higher taxes, soft crime laws …"".)
            if (toComma)
            {
                bool open = false;
                for (int i = contentFirst; i < contentEnd; i++)
                {
                    if (IsQuoteMark(i)) open = !open;
                    else if (!open && i >= contentFirst + IndirectMinWords && IsChar(i, ',')) { contentEnd = i; break; }
                }
            }
            // A second reporting verb joined to the cue is a second attribution, not content ("X told the group that P and
            // says Q"): the content ends before it (the parse pass takes the second one).
            if (ConjoinedCue(cueFirst, contentFirst + IndirectMinWords, contentEnd) is var cut and >= 0) contentEnd = cut;
            // Cut the content at a contrastive clause of the author's own (", but there has been …").
            for (int i = contentFirst + IndirectMinWords; i + 1 < contentEnd; i++)
                // (", but that …" goes on with the same report: "said his staff "did the wrong thing", but that the DNC …")
                if (IsChar(i, ';') || IsChar(i, ',') && (Is(i + 1, "but") && !Is(i + 2, "that") || Is(i + 1, "although") || Is(i + 1, "though") || Is(i + 1, "while")))
                { contentEnd = i; break; }
            while (contentEnd > contentFirst && (IsPunct(contentEnd - 1) && !IsQuoteMark(contentEnd - 1) || IsQuoteMark(contentEnd - 1) && !HasOpenMark(contentFirst, contentEnd - 1))) contentEnd--;
            while (contentFirst < contentEnd && IsPunct(contentFirst) && !IsQuoteMark(contentFirst)) contentFirst++;
            // Content that opens with a quotation after the cue is that quotation ("declared "come on up and get it,
            // Frank" to which Frank Capra bounded up …"): what follows its closing mark is the author's.
            if (contentFirst < contentEnd && contentFirst > cueFirst && IsQuoteMark(contentFirst) && QuotationThenAdjunct(contentFirst, contentEnd))
                foreach (var q in _d.Quotes)
                    if (q.Kind == QuoteKind.Direct && _d.TokenAt(q.Start) == contentFirst + 1)
                    {
                        int close = _d.TokenAt(q.End - 1) + 1;
                        while (close < contentEnd && !IsQuoteMark(close)) close++;
                        if (close < contentEnd) contentEnd = close + 1;
                        break;
                    }
            // Content that stops on "which", "that", "and" … is cut off mid-clause ("… through the courts which, said Mr
            // Hopkins, "is …""): no reliable span.
            if (contentEnd > contentFirst && (In(contentEnd - 1, DanglingWords) || OpensClause(contentEnd - 1))) return false;
            // "…, said Mr. Sperling, but she has developed …": a clause joined after the cue is the author's, not content;
            // one before it loses only its conjunction ("But the talks failed, officials said").
            if (contentFirst < contentEnd && In(contentFirst, Coordinators))
            {
                // … unless it goes on with the speaker's words: no subject of its own ("…, he said, and should be the best
                // person chosen") or the speaker's own pronoun ("…, he said, but he would not shirk …").
                if (contentFirst > cueFirst && !(contentFirst + 1 < contentEnd
                    && (_d.Syntax is { } syn && syn.Tags[contentFirst + 1] is Upos.AUX or Upos.VERB && !IsCue(contentFirst + 1, contentEnd, out _)
                        || spEnd - spFirst == 1 && In(spFirst, PersonPronouns) && Is(contentFirst + 1, W(spFirst).ToString()))))
                    return false;
                contentFirst++;
                while (contentFirst < contentEnd && IsPunct(contentFirst) && !IsQuoteMark(contentFirst)) contentFirst++;
            }
            // "…," he said, referring to Russia's gas giant": a participle after the frame's comma is the frame's, not
            // content (unless it is a cue of its own, which reports its own content).
            if (contentFirst < contentEnd && contentFirst > cueFirst && contentFirst > 0 && IsChar(contentFirst - 1, ',') && IngForm(contentFirst)
                && _d.Syntax is { } psyn && psyn.Tags[contentFirst] == Upos.VERB && !IsCue(contentFirst, contentEnd, out _)
                // (A gerund that is the subject of the clause is content: "he said, spotting the next victim was easy".)
                && !GerundSubject(contentFirst, contentEnd)) return false;
            // "told Arsenal's website …: "…"": content that opens on a possessive is the addressee cut in two.
            if (contentFirst < contentEnd && (Is(contentFirst, "'s") || Is(contentFirst, "’s"))) return false;
            if (contentEnd <= contentFirst) return false;
            // A quotation opened inside the content closes with it ("… completed "before the winter."" keeps its mark).
            int marks = 0;
            for (int i = contentFirst; i < contentEnd; i++) if (IsQuoteMark(i)) marks++;
            if (marks % 2 == 1)
            {
                int x = contentEnd;
                while (x < _t.Length && x - contentEnd < 3 && (IsTerminal(x) || IsChar(x, ','))) x++;
                if (x < _t.Length && IsQuoteMark(x) && SentenceOfToken(x) == SentenceOfToken(contentEnd - 1)) contentEnd = x + 1;
            }
            // The parse puts the cue's subject inside the content and would prefer it to the pattern's speaker: the frame
            // is read backwards ("Richard Revesz, director of …, said the suing states …" is not "CONTENT, said X").
            if (!trustPattern && ParseSpeaker(cueFirst, out bool borrowed) is var subj and >= 0 && subj >= contentFirst && subj < contentEnd
                && (spEnd <= spFirst || ParseOverrides(cueFirst, spFirst, spEnd, subj, borrowed)))
                return false;
            // "It is thought block bookings will be taken …": an impersonal passive names no speaker and quotes no one (the
            // claims component reads it as a hedge).
            if (ImpersonalPassive(spFirst, spEnd, cueFirst)) return false;
            int cs = _t[contentFirst].Start, ce = _t[contentEnd - 1].End;
            if (Words(cs, ce) < IndirectMinWords) return false;
            // Quoted words that make up half the content already form a direct quote: no duplicate. A clause that only
            // embeds a short quoted phrase ("said the remarks were "mean-spirited"") is reported speech of its own.
            int covered = 0;
            // A quotation with no frame of its own does not count: this clause is its frame (AbsorbFragments joins them) —
            // unless quotations are nearly all the clause ("The union called for "an immediate end to the cuts""): then they
            // stay direct quotes and take this frame.
            int coveredAll = 0;
            foreach (var q in _d.Quotes)
            {
                if (q.Kind != QuoteKind.Direct || q.Start >= ce || q.End <= cs) continue;
                int ov = Math.Min(q.End, ce) - Math.Max(q.Start, cs);
                coveredAll += ov;
                // A quotation this very cue frames is a mixed quote of this clause (AbsorbFragments joins them).
                if (q.CueStart >= 0 && q.CueStart != _t[cueFirst].Start) covered += ov;
            }
            if (coveredAll * 10 >= (ce - cs) * 7)
            {
                var frame = ChooseSpeaker(cueFirst, spFirst, spEnd);
                int cueAt = _t[cueFirst].Start;
                foreach (var q in _d.Quotes)
                {
                    // A quotation with no cue takes this frame; so does one a cue further back framed ("Anderson said,
                    // adding that Sanders is "…"": the quoted words are what "adding" reports).
                    if (q.Kind != QuoteKind.Direct || q.Start >= ce || q.End <= cs) continue;
                    if (q.CueStart >= 0 && !(q.CueEnd <= cueAt && cueAt < q.Start)) continue;
                    q.CueStart = _t[cueFirst].Start; q.CueEnd = _t[cueEnd - 1].End; q.Cue = _d.Slice(q.CueStart, q.CueEnd);
                    q.Speaker = -1; q.SpeakerText = null; q.SpeakerStart = q.SpeakerEnd = -1;
                    if (frame.E > frame.S) ResolveSpeaker(q, frame.S, frame.E);
                }
                return false;
            }
            if (covered * 2 >= ce - cs) return false;
            var quote = new Quote { Start = cs, End = ce, Kind = QuoteKind.Indirect, By = by };
            quote.CueStart = _t[cueFirst].Start; quote.CueEnd = _t[cueEnd - 1].End; quote.Cue = _d.Slice(quote.CueStart, quote.CueEnd);
            var sp = trustPattern ? (S: spFirst, E: spEnd) : ChooseSpeaker(cueFirst, spFirst, spEnd);
            if (sp.E > sp.S) ResolveSpeaker(quote, sp.S, sp.E);
            _d.Quotes.Add(quote);
            return true;
        }

        /// <summary>Where a reporting verb conjoined to the cue begins its conjunct ("and" before it) within [from, to),
        /// or -1.</summary>
        private int ConjoinedCue(int cue, int from, int to)
        {
            if (_d.Syntax is not { } syn) return -1;
            for (int i = Math.Max(from, 0); i < to; i++)
            {
                if (syn.Tags[i] != Upos.VERB) continue;
                // "…, adding that …" is the same as a second verb joined to the cue, wherever the parse hangs it.
                // (Only one the parse hangs on the cue: "… that Mr Ebbers ordered adjustments, telling him to …" is Ebbers'.)
                bool participle = CommaParticiple(i) && syn.Heads[i] == cue && syn.Universal(i) is "advcl" or "conj" or "ccomp";
                if (!participle && (syn.Heads[i] != cue || syn.Relations[i] != "conj")) continue;
                if (!IsCue(i, to, out _)) continue;
                if (participle) return i - 1;
                int start = i;
                for (int k = Math.Max(from, i - 3); k < i; k++)
                    if (syn.Heads[k] == i && syn.Relations[k] == "cc") { start = k; break; }
                return start;
            }
            return -1;
        }

        // "that" opening a relative clause on a noun after the cue ("said officials have video that shows"), not a
        // complement clause; a "relative clause" on the cue itself is a misparsed complement ("fears that …" read as a noun).
        private bool RelativeThat(int x, int cue) =>
            _d.Syntax is { } syn && syn.Relations[x] != "mark" && syn.Heads[x] is var h and >= 0
            && syn.Relations[h] == "acl:relcl" && syn.Heads[h] != cue;

        // "that" opening a clause the content leaves out ("a site based in the country that, according to reports, …"),
        // not the pronoun ("he would not do that").
        private bool OpensClause(int i) =>
            Is(i, "that") && _d.Syntax is { } syn && (syn.Relations[i] == "mark" || syn.Heads[i] > i && syn.Relations[syn.Heads[i]] == "acl:relcl");

        private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase) { "which", "who", "whom", "whose", "and", "but", "or", "the", "a", "an" };
        private static readonly HashSet<string> Coordinators = new(StringComparer.OrdinalIgnoreCase) { "but", "and", "or", "yet", "nor" };
        private static readonly HashSet<string> PassiveAux = new(StringComparer.OrdinalIgnoreCase) { "is", "was", "are", "were", "been", "being", "be" };

        // "It is thought …", "it has been widely predicted that …", "It was also agreed that …": "it" before a passive cue
        // (the auxiliary may stand a word or two before it) is no speaker.
        private bool ImpersonalPassive(int spFirst, int spEnd, int cueFirst)
        {
            if (spEnd - spFirst != 1 || !Is(spFirst, "it") || spEnd > cueFirst || cueFirst - spEnd > 4) return false;
            // "… it was said by the mayor": the agent speaks.
            if (Is(cueFirst + 1, "by")) return false;
            for (int k = spEnd; k < cueFirst; k++) if (In(k, PassiveAux)) return true;
            return false;
        }

        // Words before "to CUE" that say the cue was not done, whatever the parse attached it to.
        private static readonly HashSet<string> NotDoneBeforeTo = new(StringComparer.OrdinalIgnoreCase)
        {
            "yet", "fail", "fails", "failed", "failing", "refuse", "refuses", "refused", "refusing", "decline", "declines",
            "declined", "declining", "unable", "not", "never",
        };

        private bool NotReported(int cue)
        {
            if (_d.Syntax is not { } syn) return false;
            var sent = _d.Sentences[SentenceOfToken(cue)];
            if (Negated(cue, sent)) return true;
            int h = syn.Heads[cue];
            // An infinitive after an object is the object's to do, and asked for, not done ("asked him to explain",
            // "challenged Mr Brown to deny", "leading Argonaut to warn").
            // (So is one after a passive: "has been asked to explain", "is expected to announce".)
            if (syn.Relations[cue] == "xcomp" && HasDependent(cue, sent, "mark", "to") && h >= 0 && HasRelation(h, sent, "obj", "iobj", "nsubj:pass")) return true;
            // "has yet to say", "failed to mention", "refused to confirm": nothing was said.
            if (Is(cue - 1, "to") && In(cue - 2, NotDoneBeforeTo)) return true;
            return syn.Relations[cue] == "xcomp" && h >= 0 && syn.Lemmas[h] is "refuse" or "decline" or "fail" && !IsCue(h, sent.TokenEnd, out _) || h >= 0 && syn.Relations[cue] == "xcomp" && Negated(h, sent);
        }

        // The cue is a participle after a form of "be" (adverbs between): "was told", "has been reported".
        private bool PassiveCue(int c)
        {
            int k = c - 1;
            while (k >= 0 && IsAdverbLy(k)) k--;
            // ("were worried that …", "is convinced that …": a stance the subject holds.)
            return k >= 0 && !IngForm(c) && In(k, PassiveAux) && !In(c, StanceParticiples);
        }

        // "… was quoted as saying", "is said to have", "was reported to be": the subject of the passive is the speaker.
        private bool QuotedPassive(int cend) =>
            Is(cend, "as") && (Is(cend + 1, "saying") || Is(cend + 1, "telling") || Is(cend + 1, "having"))
            || Is(cend, "to") && (Is(cend + 1, "have") || Is(cend + 1, "be"));

        private static readonly HashSet<string> StanceParticiples = new(StringComparer.OrdinalIgnoreCase) { "worried", "concerned", "convinced", "adamant", "determined", "agreed" };

        // A dash between clauses ("have objected - arguing …"), spaced hyphen or not.
        private bool IsDash(int i) => IsChar(i, '—') || IsChar(i, '–') || IsChar(i, '-') && i > 0 && _t[i].Start > _t[i - 1].End;

        private bool HasOpenMark(int from, int to)
        {
            for (int i = from; i < to; i++) if (IsQuoteMark(i)) return true;
            return false;
        }

        // Words after a tail frame's cue that are one run of adjuncts: a preposition first ("in a video message to the
        // convention"), no verb, no punctuation or quotation, at most MaxTailAdjunctTokens.
        private bool LongAdjunct(int s, int e)
        {
            if (e - s > MaxTailAdjunctTokens || !In(s, Prepositions) || HasVerb(s, e)) return false;
            for (int i = s; i < e; i++) if (IsPunct(i) || IsQuoteMark(i)) return false;
            return true;
        }

        /// <summary>"According to X, CONTENT."</summary>
        private bool AccordingFirst(int a, int b)
        {
            int i = a;
            while (i < b && (In(i, Leading) || IsChar(i, ','))) i++;
            if (!(Is(i, "according") && Is(i + 1, "to"))) return false;
            int s = i + 2, e = s;
            while (e < b && !IsChar(e, ',') && e - s <= MaxSpeakerTokens) e++;
            if (e >= b || !IsChar(e, ',') || e == s) return false;
            return Emit(e + 1, b, s, e, i, i + 2);
        }

        /// <summary>"CONTENT, X said (on Tuesday)." / "CONTENT, said X." / "CONTENT, according to X."</summary>
        private bool ContentFirst(int a, int b)
        {
            // "…, according to X, …" anywhere after the content.
            for (int i = a + IndirectMinWords; i + 2 < b; i++)
            {
                if (!(IsChar(i, ',') && Is(i + 1, "according") && Is(i + 2, "to"))) continue;
                int e = ForwardSpeaker(i + 3, b);
                if (e == i + 3) e = AccordingSource(i + 3, b);
                // "Among the biggest laggards, according to the report, are Greece and Italy": words before the phrase
                // with no verb are no clause; the parse pass weighs the two sides.
                if (e > i + 3 && e + 1 < b && IsChar(e, ',') && !HasVerb(a, i)) break;
                if (e > i + 3 && Emit(a, i, i + 3, e, i + 1, i + 3)) return true;
                break;
            }
            // The comma that opens the frame: try each comma of the tail, nearest the end first.
            for (int i = b - 1; i > a + IndirectMinWords && i >= b - MaxTailTokens; i--)
            {
                if (!(IsChar(i, ',') || IsQuoteMark(i) && IsChar(i - 1, ','))) continue;
                int comma = IsQuoteMark(i) ? i - 1 : i;
                if (TailFrame(a, b, comma)) return true;
                i = comma;
            }
            // "…, said Christine Link, executive director of the American Civil Liberties Union in Ohio.": an inverted frame
            // whose apposition runs past the tail's reach.
            for (int i = b - MaxTailTokens - 1; i > a + IndirectMinWords; i--)
            {
                if (!IsChar(i, ',') || CueAt(i + 1, b, out int ce) is not CueClass.Verb || IngForm(i + 1) || !IsCap(ce)) continue;
                return TailFrame(a, b, i);
            }
            return false;
        }

        /// <summary>"CONTENT, [X] CUE [X] [adjunct]" with the frame after <paramref name="comma"/>.</summary>
        private bool TailFrame(int a, int b, int comma)
        {
            int j = comma + 1;
            while (j < b && IsQuoteMark(j)) j++;
            if (j >= b) return false;
            if (Is(j, "according") && Is(j + 1, "to"))
            {
                int e = ForwardSpeaker(j + 2, b);
                if (e == j + 2) e = AccordingSource(j + 2, b);
                if (e + 1 < b && IsChar(e, ',') && !HasVerb(a, comma)) return false;
                return e > j + 2 && Emit(a, comma, j + 2, e, j, j + 2);
            }
            // "…, but Sanders has vowed to …" joins a clause of its own; it frames nothing before it (nor does "…, while
            // Mr. Trump has vowed to …"); "…, as Mr Kilroy-Silk once declared" does.
            if (In(j, Coordinators) || In(j, Subordinators) && !Is(j, "as")) return false;
            // A quotation closed inside the would-be content with words after it ("“…,” Glenn Maguire, chief economist …,
            // told AFP"): those words are the quotation's frame, not content.
            for (int k = a + 1; k < comma - 1; k++)
                if (IsQuoteMark(k) && IsChar(k - 1, ',') && !IsPunct(k + 1)) return false;
            // "Rhimes declared the need for …: "Change the world …," she said": the quotation after the colon is what the
            // frame reports; the author's words before it are not.
            if (ColonQuote(a, comma)) return false;
            var cls = CueAt(j, b, out int ce);
            // "…, a claim that Riyadh did not immediately confirm": a negated report frames nothing.
            if (cls is not CueClass.None && NotReported(j)) return false;
            // "…, thinks Paolo Pescatore, an analyst at IDC": a stance verb inverted after its content frames it too.
            if (cls is CueClass.Verb || cls is CueClass.That && !IsChar(ce, ',') && ce < b && IsCap(ce))
            {
                // "…, telling French media that …": a participle's speaker is the clause's subject, and what follows it
                // the addressee or the content (SpeakerFirst and the parse pass take those).
                if (IngForm(j)) return false;
                // "…, told Agence France Presse": who follows "told" is the addressee, never the speaker.
                if (In(j, TellVerbs)) return false;
                int e = ForwardSpeaker(ce, b);
                // The speaker ends the frame: "…, said the plans "stink"" makes "the plans" a subject, not a speaker.
                // A name that ends the sentence ("…, said founder Mikhail Khodorkovsky.") is the speaker whatever subject
                // the parse found inside the content.
                // (A description without its comma may follow the name up to the end: "…, thinks Paolo Pescatore mobile
                // industry specialist for analysts IDC.")
                if (PersonFirst(ce) is var pe and > 0 && pe < b && _t[pe].Has(TokenFlags.Lower)
                    && _d.Syntax is { } syn && syn.Tags[pe] is Upos.NOUN or Upos.ADJ && !HasVerb(ce, b))
                    return Emit(a, comma, ce, pe, j, ce, trustPattern: true);
                return e > ce && EndsFrame(e, b) && Emit(a, comma, ce, e, j, ce, trustPattern: e >= b && EntityIn(ce, e, EntityType.PERSON, EntityType.ORG) && !HasVerb(ce, e));
            }
            for (int c = j + 1; c < b; c++)
            {
                var cc = CueAt(c, b, out int cend);
                if (cc is not CueClass.Verb) continue;
                if (NotReported(c)) return false;
                // "…, a Houston court has been told": the addressee of a passive, not its speaker.
                if (PassiveCue(c) && !QuotedPassive(cend)) return false;
                var (s, e) = TrimSpeaker(j, c);
                if (e <= s || e - s > MaxSpeakerTokens || !LooksLikeSpeaker(s, e)) return false;
                // Only adjuncts may follow the cue ("said on Tuesday", "told CNN"), not a clause of its own ("Perry said the …").
                // (Longer adjuncts with no verb among them are adjuncts still: "she said in a video message to the convention".)
                if (b - cend > 6 && !LongAdjunct(cend, b) || HasThat(cend, b)) return false;
                // "…, a man yelled “Stay there!”": a quotation after the cue is what it reports, not the words before it.
                if (cend + 1 < b && IsQuoteMark(cend) && !IsPunct(cend + 1)) return false;
                if (cend < b && !IsPunct(cend) && !In(cend, ForwardStop) && !In(cend, TimeWords)
                    && !(In(c, TellVerbs) && (IsCap(cend) || In(cend, ObjectWords)))) return false;
                return Emit(a, comma, s, e, c, cend);
            }
            return false;
        }

        // The quotation opening at token `open` has four words or more and is followed, inside [open, end), by a
        // relative clause ("… get it, Frank" to which Frank Capra bounded up"), not by the rest of its clause ("firm
        // action" was needed).
        private bool QuotationThenAdjunct(int open, int end)
        {
            int close = open + 1;
            while (close < end && !IsQuoteMark(close)) close++;
            // (A prepositional phrase after it is the speaker's still: "said "I have not heard that concern" from officials".)
            return close + 1 < end && close - open - 1 >= 4 && (In(close + 1, RelativeWh) || In(close + 1, Prepositions) && In(close + 2, RelativeWh));
        }

        // The "-ing" word at g is a subject by the parse, or an auxiliary or copula follows it within [g, end) ("digging
        // up roads and laying cables can take weeks", "spotting the next victim was easy").
        private bool GerundSubject(int g, int end)
        {
            var syn = _d.Syntax!;
            if (syn.Universal(g) is "csubj" or "nsubj") return true;
            for (int k = g + 1; k < end; k++)
                if (syn.Tags[k] == Upos.AUX && syn.Universal(k) is "aux" or "cop") return true;
            return false;
        }

        // True when a quotation opened right after a colon inside [a, end) runs to its end.
        private bool ColonQuote(int a, int end)
        {
            for (int k = a + 1; k + 1 < end; k++)
                if (IsChar(k, ':') && IsQuoteMark(k + 1)) return true;
            return false;
        }

        // Reporting verbs whose object is as often a thing as words ("added four conversions", "claimed the title",
        // "conceded a goal", "maintained their start"): with an object and no clause they report nothing.
        private static readonly HashSet<string> ActionReadings = new(StringComparer.OrdinalIgnoreCase) { "add", "claim", "concede", "maintain", "write" };
        // Reporting verbs far more often used of actions: speech only before "that", a colon or a quotation.
        private static readonly HashSet<string> MarkedOnly = new(StringComparer.OrdinalIgnoreCase) { "continue", "interrupt", "plead" };

        // True when the parse makes the words at <paramref name="j"/> the cue's object and gives the cue no clause.
        private bool ObjectNotClause(int c, int j)
        {
            if (_d.Syntax is not { } syn || j >= _t.Length) return false;
            var sent = _d.Sentences[SentenceOfToken(c)];
            int obj = -1;
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
            {
                if (syn.Heads[k] != c) continue;
                if (syn.Universal(k) is "ccomp" or "parataxis" && k > c) return false;
                if (syn.Relations[k] == "obj" && k >= j && obj < 0) obj = k;
            }
            if (obj < 0) return false;
            // The object's phrase begins the would-be content, and no verb follows it: "claims Lord Goldsmith's statement
            // was drawn up at Number 10" is a clause the parse split, "added four conversions as …" is not.
            var (s, e) = Subtree(obj, sent);
            if (s != j || syn.Tags[obj] is not (Upos.NOUN or Upos.PROPN or Upos.NUM or Upos.PRON)) return false;
            // A subject or a copula inside the "object" makes it a clause the parse mislabelled ("claims it could step in").
            // (Words of a clause on the object's noun do not count: "added features that made it easier …".)
            for (int k = s; k < e; k++)
                if (!InModifierClause(k, obj) && (syn.Universal(k) is "nsubj" or "cop" or "expl" || syn.Tags[k] is Upos.VERB or Upos.AUX && syn.Relations[k] != "acl:relcl")) return false;
            // (Adverbs and commas may stand between: "the chips also shut down", "some projects, such as …, were".)
            while (e < sent.TokenEnd && (syn.Tags[e] == Upos.ADV || IsChar(e, ',') && e + 1 < sent.TokenEnd && syn.Tags[e + 1] is Upos.VERB or Upos.AUX)) e++;
            return e >= sent.TokenEnd || syn.Tags[e] is not (Upos.VERB or Upos.AUX);
        }

        // True when token k lies inside a relative clause opened by a relative pronoun, or an adverbial clause opened by a
        // subordinator, under the phrase of head h (its verb included). A bare "acl" is not one: the parse often hangs a
        // clause's verb on its subject that way ("claims the American sprinter regularly used drugs").
        private bool InModifierClause(int k, int h)
        {
            var syn = _d.Syntax!;
            var sent = _d.Sentences[SentenceOfToken(k)];
            for (int x = k, hops = 0; x >= 0 && x != h && hops < 64; x = syn.Heads[x], hops++)
            {
                if (syn.Relations[x] == "acl:relcl" && Subtree(x, sent).S is var rs && In(rs, RelativeWh) | Is(rs, "that")) return true;
                if (syn.Universal(x) == "advcl" && HasRelation(x, sent, "mark")) return true;
            }
            return false;
        }

        // The token after a name of two words or more that starts at <paramref name="s"/> with a given name ("Paolo
        // Pescatore"), whatever type the tagger gave it; 0 when there is none.
        private int PersonFirst(int s)
        {
            if (EntityAt(s) is not (var en and >= 0) || _d.Entities[en].Start != _t[s].Start) return 0;
            if (Dossier.Actors.GivenNames.OfGivenName(W(s)) == Dossier.Actors.NameGender.Unknown) return 0;
            int end = _d.TokenAt(_d.Entities[en].End - 1) + 1;
            return end - s >= 2 ? end : 0;
        }

        // After a speaker that follows its cue only the sentence's end, a comma, an adjunct or a time may come.
        private bool EndsFrame(int e, int b) => e >= b || IsChar(e, ',') || IsTerminal(e) || In(e, ForwardStop) || In(e, TimeWords) || IsChar(e, '(');

        /// <summary>The noun phrase that opens a sentence: capitalised words, or a determiner and up to four words, or a pronoun.</summary>
        private (int S, int E) SentenceSubject(int a, int limit)
        {
            int s = a;
            while (s < limit && (In(s, Leading) || IsChar(s, ',') || IsQuoteMark(s))) s++;
            // An opening time ("Earlier this week, …", "Yesterday, …") is skipped with its comma.
            if (SkipLeadingTime(s, limit) is var lt && lt > s && IsChar(lt, ',')) s = lt + 1;
            else if (s + 1 < limit && In(s, TimeWords) && IsChar(s + 1, ',')) s += 2;
            // An opening adjunct ("On Tuesday, …") is skipped up to its comma.
            if (s < limit && In(s, Prepositions))
            {
                int x = s;
                while (x < limit && !IsChar(x, ',')) x++;
                if (x >= limit) return (s, s);
                s = x + 1;
            }
            int e = s;
            if (e < limit && (In(e, PersonPronouns) || In(e, OtherPronouns))) return (e, e + 1);
            if (e < limit && In(e, SpeakerDeterminers)) e++;
            while (e < limit && e - s < MaxSpeakerTokens && (IsCap(e) || _t[e].Kind == TokenKind.Word && (Is(e, "'s") || Is(e, "’s") || Is(e, "of") && IsCap(e + 1))
                   || e > s && In(e - 1, SpeakerDeterminers) && _t[e].Has(TokenFlags.Lower) && !In(e, Aux))) e++;
            // "European firms", "Japanese officials": a capitalised adjective is no phrase without its nouns.
            if (e > s && IsCap(e - 1) && _d.Syntax is { } syn && syn.Tags[e - 1] == Upos.ADJ)
                while (e < limit && e - s < MaxSpeakerTokens && _t[e].Has(TokenFlags.Lower) && syn.Tags[e] == Upos.NOUN) e++;
            return (s, e);
        }

        // The words after the cue end the sentence as a short speaker phrase ("…, said John Smith.").
        private bool IsTerminalAfterSpeaker(int from, int b)
        {
            int e = ForwardSpeaker(from, b);
            if (e <= from) return false;
            return e >= b || IsChar(e, ',');
        }

        private bool HasThat(int from, int to)
        {
            for (int i = from; i < to; i++) if (Is(i, "that")) return true;
            return false;
        }

        /// <summary>The speaker of a participle cue after a comma: the subject the parse gives the verb it hangs on, else
        /// the sentence's first noun phrase — never words inside quotation marks ("“He stands …,” Anderson said, adding
        /// …" is Anderson's).</summary>
        private (int S, int E) ParticipleSpeaker(int a, int c)
        {
            // The verb it hangs on has a quote already: its speaker ("Work and pensions minister Alan Johnson said …,
            // adding …" keeps one speaker for both).
            if (_d.Syntax is { } syn && syn.Heads[c] is var hv and >= 0 && hv < c)
                foreach (var q in _d.Quotes)
                    if (q.CueStart == _t[hv].Start && q.SpeakerStart >= 0 && _d.TokenAt(q.SpeakerStart) is var qs and >= 0 && qs >= a && qs < c)
                        return (qs, _d.TokenAt(q.SpeakerEnd - 1) + 1);
            var (s, e) = SentenceSubject(a, c - 1);
            bool pattern = e > s && !InsideMarks(_t[s].Start, _t[e - 1].End);
            // The sentence's subject phrase when the parse's subject lies in it (the whole "Work and pensions minister Alan
            // Johnson", not "Work"); the parse's subject alone when the phrase is quoted words.
            // (A "subject" right after a preposition is the parser's slip: "a swipe at Donald Trump, saying …".)
            if (ParseSpeaker(c) is var h and >= 0 && h >= a && h < c && !(ParsePhrase(h).S is var hs && hs > a && In(hs - 1, Prepositions) && !Is(hs - 1, "with")))
            {
                if (pattern && h >= s && h < e) return (s, e);
                // "Airlines and aviation bodies have reacted …, saying": the pattern stopped at "and", the parse's head is
                // the last conjunct; the speaker is the whole coordination.
                var (ps, pe) = ParsePhrase(h);
                if (pattern && h >= e && h - e <= 4 && ps <= e + 2 && !HasVerb(s, pe)) return (s, pe);
                return (ps, pe);
            }
            return pattern ? (s, e) : (0, 0);
        }

        /// <summary>"X said (that) CONTENT", "X told reporters CONTENT", "X has indicated that CONTENT".</summary>
        private bool SpeakerFirst(int a, int b)
        {
            for (int c = a + 1; c < b - IndirectMinWords; c++)
            {
                var cls = CueAt(c, b, out int cend);
                if (cls is CueClass.None or CueClass.Prep or CueClass.Call or CueClass.As) continue;
                if (InsideMarks(_t[c].Start, _t[c].End)) continue;
                // "he did not think that …", "He refused to say if …": a negated or refused report attributes nothing.
                if (NotReported(c)) continue;
                // "a Houston court has been told", "Edwards had been admitted": the subject of a passive cue is its
                // addressee or patient, not its speaker ("X has been quoted as saying" is QuotedAs's).
                if (PassiveCue(c) && !QuotedPassive(cend)) continue;
                // A noun cue inside a prepositional phrase ("a watchdog over claims its campaign …") has no subject before
                // it to find.
                if (c > a && _d.Syntax is { } tags && tags.Tags[c] is Upos.NOUN or Upos.PROPN && tags.Tags[c - 1] == Upos.ADP) continue;
                // ", said the company's chief" is an inverted frame whose object is the speaker, not content.
                if (IsChar(c - 1, ',') && cls == CueClass.Verb && !HasThat(cend, Math.Min(b, cend + 2))) { if (IsTerminalAfterSpeaker(cend, b)) continue; }
                // "X defended the plan, saying (that) …": the participle's speaker is the subject of the sentence.
                var (s, e) = QuotedAs(c) is var (qs, qe) && qe > qs ? (qs, qe)
                    : (IsChar(c - 1, ',') || IsDash(c - 1)) && IngForm(c) ? ParticipleSpeaker(a, c) : BackSpeaker(c, a);
                // "he called her "weak" and said she had …": a cue joined by "and" has the subject the parse gives the
                // verb it is joined to.
                if (e <= s && c > a && In(c - 1, Coordinators) && ParseSpeaker(c) is var hc and >= 0 && hc < c) (s, e) = ParsePhrase(hc);
                if (e <= s || !LooksLikeSpeaker(s, e))
                {
                    // An apposition longer than the patterns reach ("David Kamin, an outside adviser to the campaign on tax
                    // and budget issues and an associate professor at …, said that …"): the sentence's subject, when the parse
                    // makes it the cue's own.
                    (s, e) = IsChar(c - 1, ',') ? SentenceSubject(a, c - 1) : (0, 0);
                    if (e <= s || !LooksLikeSpeaker(s, e) || ParseSpeaker(c, out bool borrowed) is not (var h and >= 0) || borrowed || h < s || h >= e) continue;
                }
                int j = cend;
                // Addressee of "told"/"warned" and adjuncts ("in a statement", "on Sunday") up to a nearby "that".
                // (A cue that ends in its "that", "found that", has its content right after it.)
                int that = Is(cend - 1, "that") ? cend - 1 : -1;
                for (int x = j; that < 0 && x < Math.Min(b, j + 8); x++)
                {
                    // "that" as a complementizer, not the relative pronoun of an object ("said officials have video that shows …").
                    if (Is(x, "that") && !RelativeThat(x, c)) { that = x; break; }
                    if (IsPunct(x) && !IsChar(x, ',')) break;
                }
                if (that >= 0) j = that + 1;
                else
                {
                    // What follows the cue is its object, not a clause ("added four conversions", "will add their awards
                    // to …", "claiming it as the ball bounced"): nothing is reported.
                    if (_d.Syntax is { } sx && ActionReadings.Contains(sx.Lemmas[c]) && ObjectNotClause(c, j)) continue;
                    // "continued his steady progress", "continued until 1942", "interrupted proceedings": these report only
                    // what "that", a colon or a quotation opens.
                    if (_d.Syntax is { } sm && MarkedOnly.Contains(sm.Lemmas[c]) && !(j < b && (IsChar(j, ':') || IsQuoteMark(j)))) continue;
                    // Stance verbs without "that" report a clause only when a subject pronoun follows ("believes it will fail").
                    if (cls == CueClass.That && !(In(j, SubjectPronouns) && j + 1 < b && !IsPunct(j + 1))) continue;
                    if (In(c, TellVerbs))
                    {
                        // "told reporters the plan …", "told CNN the plan …": skip a short addressee.
                        int x = j;
                        if (IsCap(x)) { while (x < b && x - j < 3 && IsCap(x)) x++; }
                        else if (In(x, Determiners) || Is(x, "a") || Is(x, "an"))
                        {
                            x += 2;
                            // The addressee as the parse gives it ("told the federal court"), not two words of it.
                            if (_d.Syntax is { } syn && syn.Heads[j + 1] is var n and >= 0 && syn.Heads[n] == c && syn.Universal(n) is "obj" or "iobj" or "obl")
                                x = Math.Max(x, n + 1);
                            if (x < b && IsChar(x, ',')) continue;
                        }
                        else if (In(x, ObjectWords)) x++;
                        if (x == j || x >= b) continue;
                        j = x;
                    }
                    // "reported on Wednesday the Secret Service had …": a day after the cue is an adjunct, not content.
                    while (j < b && (In(j, TimeWords) || Is(j, "on") && In(j + 1, TimeWords))) j += Is(j, "on") ? 2 : 1;
                    if (j < b && (IsChar(j, ',') || IsChar(j, ':'))) j++;
                    if (j >= b || IsPunct(j) && !IsQuoteMark(j) || In(j, NoContentStart)) continue;
                }
                if (Emit(j, b, s, e, c, cend, s > a && In(s - 1, Subordinators))) return true;
            }
            return false;
        }
    }
}
