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
                    if (syn.Tags[v] != Upos.VERB) continue;
                    bool clauseCue = IsCue(v, sent.TokenEnd, out int cend);
                    var frame = lex.Frame(syn.Lemmas[v]);
                    if (!clauseCue && frame == ContentFrame.None) continue;
                    if (InsideMarks(_t[v].Start, _t[v].End) || InsideQuote(_t[v].Start, _t[v].End)) continue;
                    // "did not think that …" attributes nothing, and a cue inside another's reported clause ("60% said they
                    // did not think …") is that speaker's report, not an attribution of its own.
                    if (NotReported(v) || syn.Relations[v] == "ccomp" && syn.Heads[v] >= 0 && IsCue(syn.Heads[v], sent.TokenEnd, out _)) continue;
                    int cs, ce;
                    // A reporting verb's clause first; else the frame of a speech act ("vowed to …" has no clause).
                    if (clauseCue && ClauseContent(v, sent, out cs, out ce)) { }
                    else if (FrameContent(v, frame, sent, out cs, out ce)) cend = v + 1;
                    else continue;
                    if (ce - cs < IndirectMinWords) continue;
                    // Reported speech found already; a quoted phrase inside the clause is part of it (Emit weighs how much).
                    if (InsideQuote(_t[cs].Start, _t[ce - 1].End, QuoteKind.Indirect)) continue;
                    int h = ParseSpeaker(v, out _);
                    if (h < 0 || h >= cs && h < ce) continue;
                    // A subject with a preposition of its own is a misparse ("A source close to the talks said": not "the talks").
                    bool marked = false;
                    for (int k = sent.FirstToken; k < h && !marked; k++)
                        marked = syn.Heads[k] == h && syn.Relations[k] == "case" && !Is(k, "'s") && !Is(k, "’s");
                    if (marked) continue;
                    var (s, e) = ParsePhrase(h);
                    if (e <= s) continue;
                    Emit(cs, ce, s, e, v, Math.Max(cend, v + 1));
                }
            }
        }

        /// <summary>The clause a reporting verb's <c>ccomp</c> gives, as tokens [cs, ce) without an opening "that".</summary>
        private bool ClauseContent(int v, Sentence sent, out int cs, out int ce)
        {
            var syn = _d.Syntax!;
            cs = ce = 0;
            // The complement after the cue; one before it only when a comma or a quotation mark closes it
            // ("The plan will fail, he said"), not a misparsed subject ("A source close to the talks said …").
            int c = -1;
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                if (syn.Heads[k] == v && syn.Relations[k] == "ccomp" && (c < 0 || k > v)) c = k;
            if (c < 0) return false;
            (cs, ce) = Subtree(c, sent);
            // The clause's own closing comma is no part of it ("Its first ad could start this week, said Brian Baker").
            while (ce > cs && IsPunct(ce - 1) && !IsQuoteMark(ce - 1)) ce--;
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
            // The complement is the content on one side of the cue, never around it.
            if (cs <= v && ce > v) return false;
            if (ce <= v && !(IsChar(ce, ',') || IsQuoteMark(ce) || IsChar(ce, '—') || IsChar(ce, '–'))) return false;
            // "that" opens the content; it is not part of it.
            while (cs < ce && (Is(cs, "that") || IsChar(cs, ',') || IsChar(cs, ':'))) cs++;
            return ce > cs;
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
                            || syn.Relations[k] == "advcl" && (HasDependent(k, sent, "mark", "of") || HasDependent(k, sent, "mark", "for") || HasDependent(k, sent, "mark", "as"))))
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
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
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

        // True when the characters lie inside a quote already found (its content, not its frame).
        private bool InsideQuote(int start, int end, QuoteKind? kind = null)
        {
            foreach (var q in _d.Quotes) if (start < q.End && end > q.Start && (kind is null || q.Kind == kind)) return true;
            return false;
        }
    }
}
