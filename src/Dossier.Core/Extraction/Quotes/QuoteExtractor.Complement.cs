using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    private sealed partial class Run
    {
        /// <summary>Reported speech the patterns leave: every reporting verb of the lexicon whose clausal complement the
        /// parse gives (<c>ccomp</c>) and whose subject can speak, wherever it stands in the sentence and however many
        /// there are ("Officials said the talks failed, while the opposition argued that …").</summary>
        /// <remarks>Runs after the patterns: a complement that overlaps a quote already found, a cue inside quotation
        /// marks or inside reported content (what a speaker says someone else said is part of their quote), and a verb
        /// with no subject that can speak are left alone.</remarks>
        public void Complements()
        {
            var syn = _d.Syntax;
            if (syn is null) return;
            for (int si = 0; si < _d.Sentences.Length; si++)
            {
                _d.CheckBudget("quotes");
                var sent = _d.Sentences[si];
                if (Blocked(sent.Start, sent.End)) continue;
                for (int v = sent.FirstToken; v < sent.TokenEnd; v++)
                {
                    if (Is(v, "according") && Is(v + 1, "to")) { AccordingTo(v, sent); continue; }
                    if (syn.Tags[v] != Upos.VERB) continue;
                    bool clauseCue = IsCue(v, sent.TokenEnd, out int cend);
                    var frame = lex.Frame(syn.Lemmas[v]);
                    if (!clauseCue && frame == ContentFrame.None) continue;
                    if (InsideMarks(_t[v].Start, _t[v].End) || InsideQuote(_t[v].Start, _t[v].End)) continue;
                    // "did not think that …" attributes nothing, and a cue inside another's reported clause ("60% said they
                    // did not think …") is that speaker's report, not an attribution of its own.
                    if (NotReported(v) || syn.Relations[v] == "ccomp" && !CommaParticiple(v) && syn.Heads[v] >= 0 && IsCue(syn.Heads[v], sent.TokenEnd, out _)) continue;
                    int cs, ce;
                    // A reporting verb's clause first; else the frame of a speech act ("vowed to …" has no clause).
                    if (clauseCue && ClauseContent(v, sent, out cs, out ce)) { }
                    else if (FrameContent(v, frame, sent, out cs, out ce)) cend = v + 1;
                    else continue;
                    if (ce - cs < IndirectMinWords) continue;
                    // Reported speech found already; a quoted phrase inside the clause is part of it (Emit weighs how much).
                    // One nested whole in the clause with its own cue there is another's words this speaker reports
                    // ("Trump said … that Clinton once described the deal as …"): both attributions stand.
                    if (OverlapsIndirect(_t[cs].Start, _t[ce - 1].End)) continue;
                    int h = ParseSpeaker(v, out bool borrowed);
                    // "…, with nearly a fifth saying they were too sick": the words after "with" are the participle's
                    // subject, not the subject it would borrow from the clause it hangs on.
                    if (borrowed && IngForm(v) && WithAbsolute(v, sent) is var (ws, we))
                    {
                        if (we <= ws) continue;
                        Emit(cs, ce, ws, we, v, Math.Max(cend, v + 1), trustPattern: true);
                        continue;
                    }
                    if (h < 0 || h >= cs && h < ce) continue;
                    // A subject with a preposition of its own is a misparse ("A source close to the talks said": not "the talks").
                    // (Not the noun a relative clause hangs on: "… was from a young child, who said …".)
                    bool marked = false, relative = Is(h + 1, "who") || IsChar(h + 1, ',') && Is(h + 2, "who");
                    for (int k = sent.FirstToken; k < h && !marked && !relative; k++)
                        marked = syn.Heads[k] == h && (syn.Relations[k] == "case" || syn.Relations[k] == "mark" && syn.Tags[k] == Upos.ADP) && !Is(k, "'s") && !Is(k, "’s");
                    if (marked) continue;
                    var (s, e) = ParsePhrase(h);
                    if (e <= s) continue;
                    // … or right after one, whatever the parse hung it on ("a swipe at Donald Trump, saying …").
                    if (CommaParticiple(v) && s > sent.FirstToken && In(s - 1, Prepositions) && !Is(s - 1, "with")) continue;
                    // "Mary Susan, clad in …, said the convention could be …": a "speaker" after the cue that a verb follows
                    // is the subject of the content, and the clause before the cue a misparse.
                    if (ce <= v && h > v && e < sent.TokenEnd && (syn.Tags[e] is Upos.AUX or Upos.VERB || IsQuoteMark(e))) continue;
                    // "While those surveyed said …, Trump is …": reported speech in a subordinate clause ends with it.
                    Emit(cs, ce, s, e, v, Math.Max(cend, v + 1), s > sent.FirstToken && In(s - 1, Subordinators));
                }
            }
        }

        /// <summary>The subject of a participle in a "with" absolute ("with nearly a fifth saying"): the noun phrase
        /// between "with" and the participle, trimmed as a speaker; null when no "with" opens the words right before it, an
        /// empty range when the words there are no speaker.</summary>
        private (int S, int E)? WithAbsolute(int v, Sentence sent)
        {
            var syn = _d.Syntax!;
            for (int i = v - 1; i >= Math.Max(sent.FirstToken, v - MaxSpeakerTokens - 1); i--)
            {
                if (IsPunct(i) || syn.Tags[i] is Upos.VERB or Upos.AUX) return null;
                if (!Is(i, "with")) continue;
                var (s, e) = TrimSpeaker(i + 1, v);
                return e > s && LooksLikeSpeaker(s, e) ? (s, e) : (v, v);
            }
            return null;
        }

        /// <summary>"According to X" wherever it stands ("According to recent polls, Trump holds …", "… delegates according
        /// to a count by The Associated Press, but …", "after, according to him, the network censured …"): X is the source
        /// of the clause the phrase modifies in the parse, on the side of the phrase its commas point to.</summary>
        private void AccordingTo(int v, Sentence sent)
        {
            var syn = _d.Syntax!;
            if (InsideMarks(_t[v].Start, _t[v].End)) return;
            foreach (var q in _d.Quotes) if (q.CueStart == _t[v].Start) return;
            int h = ParseSpeaker(v);
            if (h < 0 || h < v + 2) return;
            int head = syn.Heads[h];
            // The clause: the nearest verb or predicate above the source ("leads" in "… delegates according to a count").
            for (int hop = 0; hop < 3 && head >= 0 && syn.Tags[head] is not (Upos.VERB or Upos.AUX) && syn.Universal(head) is not ("root" or "ccomp" or "advcl" or "parataxis" or "conj"); hop++)
                head = syn.Heads[head];
            if (head < 0) return;
            // The source: the words after "to" up to a comma, within what the noun governs.
            var (_, xe) = Subtree(h, sent);
            int pe = v + 2;
            while (pe < xe && !IsChar(pe, ',') && pe - v < MaxAppositionTokens) pe++;
            // The parse may leave a "by …" of the source outside it: words up to a comma or the sentence's end, with no
            // verb among them, are all the source's.
            int run = v + 2;
            while (run < sent.TokenEnd && run - v < MaxAppositionTokens && !IsChar(run, ',') && !IsTerminal(run) && !IsQuoteMark(run)
                   && syn.Tags[run] is not (Upos.VERB or Upos.AUX or Upos.CCONJ or Upos.SCONJ)) run++;
            if (run > pe && (run >= sent.TokenEnd || IsChar(run, ',') || IsTerminal(run))) pe = run;
            if (pe <= v + 2) return;
            // A source that can speak or publish: a name in it, a pronoun, or a noun of the speaker list ("recent polls",
            // "a count by The Associated Press"); "according to rules devised by …" is manner, not a source.
            if (!SourceLike(h, v + 2, pe)) return;
            var (ss, se) = Subtree(head, sent);
            if (head >= v && head < pe) return;
            // The clause before the phrase (from the sentence or clause start) and after it (to the clause end).
            int bs = Math.Max(ss, sent.FirstToken), be = v;
            for (int k = v - 1; k > bs; k--) if (IsChar(k, ':') || IsChar(k, ';')) { bs = k + 1; break; }
            // A phrase that opens its clause (the sentence, or after a colon) points forward.
            int lead = bs;
            while (lead < v && (In(lead, Leading) || IsPunct(lead))) lead++;
            // "… and, according to reports, contract negotiations are …" opens a clause too.
            int prev = v - 1;
            while (prev > sent.FirstToken && IsChar(prev, ',')) prev--;
            bool opens = lead == v || prev >= sent.FirstToken && prev < v - 1 && In(prev, Coordinators);
            // Without a comma after it, where the source ends is a guess ("According to Jupiter Research 40% of homes …").
            if (opens && !IsChar(pe, ',')) return;
            while (be > bs && (IsPunct(be - 1) && !IsQuoteMark(be - 1))) be--;
            int as_ = pe, ae = Math.Min(se, sent.TokenEnd);
            while (as_ < ae && IsPunct(as_) && !IsQuoteMark(as_)) as_++;
            while (ae > as_ && IsPunct(ae - 1) && !IsQuoteMark(ae - 1)) ae--;
            bool commaBefore = v > sent.FirstToken && IsChar(v - 1, ','), commaAfter = IsChar(pe, ',');
            bool before = be - bs >= IndirectMinWords, after = ae - as_ >= IndirectMinWords;
            if (!before && !after) return;
            bool useBefore = !opens && before && (!after || !commaBefore || commaAfter && be - bs > ae - as_);
            if (useBefore) Emit(bs, be, v + 2, pe, v, v + 2);
            else Emit(as_, ae, v + 2, pe, v, v + 2);
        }

        /// <summary>A source "according to" can name, with head <paramref name="h"/> and words [s, e): a name in it, a
        /// pronoun, or a noun of the speaker list ("recent polls", "a count by The Associated Press", "data from comScore");
        /// not "rules devised by …", "plan", "schedule" (manner).</summary>
        private bool SourceLike(int h, int s, int e)
        {
            if (h >= 0 && (In(h, PersonPronouns) || Is(h, "they") || Is(h, "him") || Is(h, "her") || Is(h, "them") || lex.IsSpeakerNoun(W(h)) || In(h, PublishedSources)))
                return true;
            for (int k = s; k < e; k++)
                if (EntityAt(k) is var en and >= 0 && _d.Entities[en].Type is EntityType.PERSON or EntityType.ORG or EntityType.GPE) return true;
            return false;
        }

        /// <summary>Where the source after "according to" (its first word at <paramref name="s"/>) ends before
        /// <paramref name="limit"/>: at a comma, the sentence's end, a quotation mark or a verb of its own, when what it
        /// spans is a source (<see cref="SourceLike"/>); <paramref name="s"/> when it is none.</summary>
        private int AccordingSource(int s, int limit)
        {
            if (s >= limit || In(s, Prepositions)) return s;
            int e = s;
            while (e < limit && e - s < MaxAppositionTokens && !IsChar(e, ',') && !IsChar(e, ';') && !IsTerminal(e) && !IsQuoteMark(e)
                   && !(e > s && _d.Syntax is { } syn && (syn.Tags[e] == Upos.AUX || syn.Tags[e] == Upos.VERB && !IsCap(e) && !Participle(e)))) e++;
            if (e == s) return s;
            int h = ParseSpeaker(s - 2);
            if (h < s || h >= e) h = e - 1;
            return SourceLike(h, s, e) ? e : s;
        }

        // A past participle inside a source ("a study commissioned by …", "figures released by …").
        private bool Participle(int i) => _d.Syntax is { } syn && syn.Universal(i) == "acl" && !IngForm(i);

        // Plural nouns for what is published that "according to" names as a source without a name ("according to reports").
        private static readonly HashSet<string> PublishedSources = new(StringComparer.OrdinalIgnoreCase) { "reports", "estimates", "results", "documents", "records" };

        /// <summary>"…, adding that …": a participle after a comma, whatever relation the parse gave it (a "ccomp" of the
        /// verb before is a misparse: the participle does not report that verb's content, it reports its own).</summary>
        private bool CommaParticiple(int v) =>
            v > 0 && IsChar(v - 1, ',') && IngForm(v) && _d.Syntax is { } syn && syn.Heads[v] < v;

        /// <summary>The clause a reporting verb's <c>ccomp</c> gives, as tokens [cs, ce) without an opening "that".</summary>
        private bool ClauseContent(int v, Sentence sent, out int cs, out int ce)
        {
            var syn = _d.Syntax!;
            cs = ce = 0;
            // The complement after the cue; one before it only when a comma or a quotation mark closes it
            // ("The plan will fail, he said"), not a misparsed subject ("A source close to the talks said …").
            int c = -1;
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                if (syn.Heads[k] == v && syn.Relations[k] == "ccomp" && (c < 0 || k > v) && !CommaParticiple(k)) c = k;
            if (c < 0) c = MisreadComplement(v, sent);
            if (c < 0) return false;
            (cs, ce) = Subtree(c, sent);
            // The clause's own closing comma is no part of it ("Its first ad could start this week, said Brian Baker").
            while (ce > cs && IsPunct(ce - 1) && !IsQuoteMark(ce - 1)) ce--;
            // A quotation before the cue ends the content at its closing mark: what follows it up to the cue is the frame
            // (""…," Glenn Maguire, chief economist at Societe Generale, told AFP").
            if (ce <= v)
                for (int k = cs + 1; k < ce - 1; k++)
                    if (IsQuoteMark(k) && (IsChar(k - 1, ',') || IsChar(k + 1, ','))) { ce = k + 1; break; }
            // "Democrats claim the administration has not done enough": a parse that made the clause's subject the
            // verb's object leaves the clause without one; the object opens the content.
            if (c > v)
            {
                bool hasSubj = false;
                int obj = -1;
                for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                {
                    if (syn.Heads[k] == c && syn.Universal(k) is "nsubj" or "expl" or "csubj") hasSubj = true;
                    if (syn.Heads[k] == v && syn.Relations[k] == "obj" && k > v && k < c) obj = k;
                }
                if (!hasSubj && obj >= 0) cs = Math.Min(cs, Subtree(obj, sent).S);
            }
            // The complement is the content on one side of the cue, never around it, and within its clause ("…, a military
            // source said; the source added that …" is another report).
            if (cs <= v && ce > v) return false;
            for (int k = Math.Min(v, c) + 1; k < Math.Max(v, c); k++) if (IsChar(k, ';')) return false;
            // An adverbial clause before the cue is no complement ("And if she lost, people would say …").
            if (ce <= v)
            {
                // "…, but Sanders has vowed to …": a clause joined before the cue's own is not what it reports.
                for (int k = ce; k < v; k++) if (In(k, Coordinators)) return false;
                int f = cs;
                while (f < ce && (In(f, Leading) || IsPunct(f))) f++;
                if (f < ce && In(f, Subordinators) && syn.Heads[f] == c && syn.Relations[f] == "mark") return false;
            }
            // (A closing mark kept as the content's last token closes it too: "… may be "strategic," said X".)
            if (ce <= v && !(IsChar(ce, ',') || IsQuoteMark(ce) || IsQuoteMark(ce - 1) || IsChar(ce, '—') || IsChar(ce, '–'))) return false;
            // (… and not the author's words before a colon that opens the quotation: "X declared …: "…," she said".)
            if (ce <= v && ColonQuote(cs, ce)) return false;
            // A content before the cue that opens on a closing mark or a conjunction is the end of a clause the parse cut
            // ("a "candidate who is a lightning rod" and Clevelanders get nervous, said …").
            if (ce <= v && (IsQuoteMark(cs) && cs > sent.FirstToken && HasOpenMark(sent.FirstToken, cs) || In(cs, Coordinators))) return false;
            // "that" opens the content; it is not part of it.
            while (cs < ce && (Is(cs, "that") || IsChar(cs, ',') || IsChar(cs, ':'))) cs++;
            // ", who answered her door … and said …": a relative clause after a comma the parse took for the complement
            // (a reported question has no comma before its "who").
            if (cs > sent.FirstToken && IsChar(cs - 1, ',') && In(cs, RelativeWh)) return false;
            // A clause has a verb: "said Wednesday morning on MSNBC's "Morning Joe"" is an adjunct the parse took for one.
            // (A subject makes a clause too, whatever tag its verb got: "he respects Clinton".)
            if (!HasVerb(cs, ce))
            {
                bool subject = false;
                for (int k = cs; k < ce && !subject; k++) subject = syn.Heads[k] == c && syn.Universal(k) is "nsubj" or "expl";
                if (!subject) return false;
            }
            return ce > cs;
        }

        /// <summary>A complement clause the parse read as a relative clause on a phrase of the cue ("said during a rally
        /// in Michigan that Clinton once described the deal as …": "that" taken for the clause's object though the clause
        /// has an object of its own), or -1.</summary>
        private static readonly HashSet<string> RelativeWh = new(StringComparer.OrdinalIgnoreCase) { "who", "whom", "whose", "which" };

        private int MisreadComplement(int v, Sentence sent)
        {
            var syn = _d.Syntax!;
            for (int c = v + 2; c < sent.TokenEnd; c++)
            {
                if (syn.Relations[c] != "acl:relcl") continue;
                // The clause hangs on an adjunct of the cue (directly or through one nmod).
                int n = syn.Heads[c];
                if (n < 0 || n <= v) continue;
                if (syn.Relations[n] == "nmod" && syn.Heads[n] > v) n = syn.Heads[n];
                if (syn.Heads[n] != v || syn.Relations[n] != "obl") continue;
                int that = -1;
                for (int k = v + 1; k < c; k++)
                    if (syn.Heads[k] == c && Is(k, "that") && syn.Universal(k) is "obj" or "nsubj") { that = k; break; }
                if (that < 0) continue;
                // The relative reading needs "that" to fill a slot; one filled twice is no relative clause.
                var slot = syn.Universal(that).ToString();
                for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                    if (k != that && syn.Heads[k] == c && syn.Universal(k).SequenceEqual(slot)) return c;
            }
            return -1;
        }

        /// <summary>What a speech act without a clause says (quotes-frames.tsv), after the verb: its object with an
        /// of/for/as phrase ("cited a report by …", "accused the campaign of …"), its infinitive with the addressee
        /// before it ("urged Congress to act"), or its "for" phrase without "for" ("called for an end to …").</summary>
        private bool FrameContent(int v, ContentFrame frame, Sentence sent, out int cs, out int ce)
        {
            var syn = _d.Syntax!;
            cs = ce = 0;
            int obj = -1, inf = -1, forPhrase = -1;
            for (int k = v + 1; k < sent.TokenEnd; k++)
            {
                if (syn.Heads[k] != v) continue;
                var r = syn.Relations[k];
                if (r == "obj" && obj < 0) obj = k;
                else if (r == "xcomp" && inf < 0) inf = k;
                // "called for an end to …" (obl), "called for compensation to be clawed back" (a for-to clause: advcl, mark "for")
                else if (forPhrase < 0 && (r == "obl" && HasCase(k, sent, "for") || r == "advcl" && HasDependent(k, sent, "mark", "for"))) forPhrase = k;
            }
            switch (frame)
            {
                case ContentFrame.Object when obj >= 0:
                    (cs, ce) = Subtree(obj, sent);
                    // "accused X of Y", "blasted X for being Y", "described X as Y": a phrase or a clause after the object.
                    for (int k = obj + 1; k < sent.TokenEnd; k++)
                        if (syn.Heads[k] == v && (syn.Relations[k] == "obl" && (HasCase(k, sent, "of") || HasCase(k, sent, "for") || HasCase(k, sent, "as"))
                            || syn.Relations[k] == "advcl" && Subtree(k, sent).S is var a && (Is(a, "of") || Is(a, "for") || Is(a, "as"))))
                            ce = Math.Max(ce, Subtree(k, sent).E);
                    break;
                case ContentFrame.To when inf >= 0:
                    (cs, ce) = Subtree(inf, sent);
                    if (obj >= 0 && obj < inf) cs = Math.Min(cs, Subtree(obj, sent).S);
                    break;
                case ContentFrame.For when forPhrase >= 0:
                    (cs, ce) = Subtree(forPhrase, sent);
                    if (Is(cs, "for")) cs++;
                    break;
                default:
                    return false;
            }
            return cs > v && ce > cs;
        }

        /// <summary>A quoted phrase inside reported speech is part of that attribution ("X said the remarks were
        /// "mean-spirited""): the indirect quote carries the quoted words in their clause, so the phrase is not kept as a
        /// quote of its own — unless the words are someone else's (another speaker resolved for them).</summary>
        public void AbsorbFragments()
        {
            var indirect = _d.Quotes.Where(q => q.Kind == QuoteKind.Indirect).ToList();
            if (indirect.Count == 0) return;
            _d.Quotes.RemoveAll(d => d.Kind == QuoteKind.Direct && indirect.Any(q => d.Start >= q.Start && Within(d.End, q.End) && SameVoice(d, q)));
        }

        // A phrase ends within a clause when it ends before it or only punctuation and marks follow the clause's end (the
        // clause stops before a sentence's closing '."', the phrase keeps its full stop).
        private bool Within(int phraseEnd, int clauseEnd)
        {
            for (int i = clauseEnd; i < phraseEnd; i++)
                if (!char.IsPunctuation(_d.Text[i]) && !char.IsWhiteSpace(_d.Text[i])) return false;
            return true;
        }

        // The phrase has no speaker of its own, or the one of the clause that holds it, or one only guessed from the quote
        // before it (no cue of its own: the clause's frame is the phrase's), or a frame inside the clause.
        private static bool SameVoice(Quote phrase, Quote clause) =>
            phrase.Speaker < 0 && phrase.SpeakerStart < 0 || phrase.CueStart < 0
            // the phrase's own cue is part of the reported speech ("… kept off-limits to attacks, calling it "…"")
            || phrase.CueStart >= clause.Start && phrase.CueEnd <= clause.End
            || phrase.Speaker >= 0 && phrase.Speaker == clause.Speaker
            || phrase.SpeakerStart >= 0 && phrase.SpeakerStart == clause.SpeakerStart
            || phrase.CueStart >= 0 && phrase.CueStart == clause.CueStart;

        private bool Negated(int v, Sentence sent)
        {
            var syn = _d.Syntax!;
            // Only a negation just before the verb ("did not say", "never said", "did not immediately confirm"): one the
            // parse hangs on it from inside a quotation ("… will not be," he said) is the quotation's.
            for (int k = Math.Max(sent.FirstToken, v - 3); k < v; k++)
                if (syn.Heads[k] == v && syn.Universal(k) is "advmod" or "neg" && (Is(k, "not") || Is(k, "n't") || Is(k, "never"))) return true;
            return false;
        }

        /// <summary>True when token <paramref name="v"/> is a reporting verb that frames a clause (class verb or that), by
        /// its form or, for a form the lexicon does not list, its lemma; <paramref name="end"/> is the token after the cue.</summary>
        private bool IsCue(int v, int limit, out int end)
        {
            var cls = CueAt(v, limit, out end);
            if (cls == CueClass.None && _d.Syntax is { } syn) cls = lex.Verb(syn.Lemmas[v]);
            return cls is CueClass.Verb or CueClass.That;
        }

        /// <summary>The tokens a head governs, with itself, as one range [S, E) of its sentence.</summary>
        private (int S, int E) Subtree(int head, Sentence sent)
        {
            var syn = _d.Syntax!;
            int s = head, e = head + 1;
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
            {
                if (k >= s && k < e) continue;
                int x = k, hops = 0;
                while (x >= 0 && x != head && hops++ < 64) x = syn.Heads[x];
                if (x != head) continue;
                if (k < s) s = k;
                if (k + 1 > e) e = k + 1;
            }
            return (s, e);
        }

        // True when an indirect quote already found overlaps the characters and is not nested whole inside them with its
        // cue (reported speech the clause reports in turn).
        private bool OverlapsIndirect(int start, int end)
        {
            foreach (var q in _d.Quotes)
                if (q.Kind == QuoteKind.Indirect && start < q.End && end > q.Start
                    && !(q.CueStart >= start && q.CueEnd <= end && q.Start >= start && q.End <= end && q.SpeakerStart >= start))
                    return true;
            return false;
        }

        // True when the characters lie inside a quote already found (its content, not its frame).
        private bool InsideQuote(int start, int end, QuoteKind? kind = null)
        {
            foreach (var q in _d.Quotes) if (start < q.End && end > q.Start && (kind is null || q.Kind == kind)) return true;
            return false;
        }
    }
}
