using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    private sealed partial class Run
    {
        /// <summary>Quotes in quotation marks, framed by a cue before or after them.</summary>
        // Quotation marks after "known as", "dubbed", "nicknamed", "so-called" … hold a name or a label, not words someone said.
        private static readonly HashSet<string> NamingWords = new(StringComparer.OrdinalIgnoreCase)
        { "dubbed", "nicknamed", "called", "titled", "entitled", "named", "so-called", "codenamed", "code-named", "alias", "aka", "a.k.a." };

        private bool NamedByQuote(int openTok)
        {
            int p = openTok - 1;
            while (p >= 0 && _t[p].Kind == TokenKind.Punct && _d.Text[_t[p].Start] is ',' or ':') p--;
            if (p < 0) return false;
            var w = _d.TokenText(p);
            if (NamingWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return true;
            // "known as", "referred to as", "better known as"
            return w.Equals("as", StringComparison.OrdinalIgnoreCase) && p > 0
                && (_d.TokenText(p - 1).Equals("known", StringComparison.OrdinalIgnoreCase) || _d.TokenText(p - 1).Equals("to", StringComparison.OrdinalIgnoreCase));
        }

        // Objects that add nothing to the quoted words ("called it "…""); a person ("called him a "loser"") says who is named.
        private static readonly HashSet<string> ObjectPronouns = new(StringComparer.OrdinalIgnoreCase) { "it", "this", "that", "these", "those" };

        public void Direct()
        {
            var marks = QuoteMarks.Find(_d.Text);
            var kept = new List<(MarkedSpan M, Frame F, int Words, bool Signed)>();
            foreach (var m in marks)
            {
                if (Blocked(m.Open, m.CloseEnd)) continue;
                _marked.Add((m.Open, m.CloseEnd));
            }
            for (int k = 0; k < marks.Count; k++)
            {
                _d.CheckBudget("quotes");
                var m = marks[k];
                if (Blocked(m.Open, m.CloseEnd)) continue;
                int openTok = _d.TokenAt(m.Open), closeTok = _d.TokenAt(m.CloseEnd - 1);
                int prevClose = k > 0 ? _d.TokenAt(marks[k - 1].CloseEnd - 1) : -1;
                int nextOpen = k + 1 < marks.Count ? _d.TokenAt(marks[k + 1].Open) : _t.Length;
                // A quote signed after a dash ("…" ― Name) has its speaker there, whatever cue is near.
                var f = DashSignature(m.CloseEnd);
                bool signed = f.Found;
                if (!f.Found) f = PickFrame(After(closeTok, nextOpen), Before(openTok, prevClose), closeTok, openTok);
                if (!f.Found) f = ParseFrame(openTok, closeTok);
                if (f.HasSpeaker && ImpersonalPassive(f.SpeakerFirst, f.SpeakerEnd, f.CueFirst)) f = Frame.None;
                int words = Words(m.ContentStart, m.ContentEnd);
                // (Only words that say something: a clause, or five words and more; a short noun phrase after such a verb is a
                // term or a name — "serve "temporary stop notices"", "rely on the "Social Security trust fund"".)
                if (!f.Found && words > ScareQuoteMaxWords && !TitleLike(m.ContentStart, m.ContentEnd) && (words >= UnattributedMinWords || HasVerb(openTok + 1, closeTok)))
                    f = PredicateFrame(openTok, closeTok);
                if (!f.Found && (words <= ScareQuoteMaxWords || TitleLike(m.ContentStart, m.ContentEnd))) continue;
                // "star of the reality TV show "The Apprentice," said in an interview …": a title a cue follows with no
                // speaker is the name of a work, not words said.
                if (f.Found && !f.HasSpeaker && !signed && TitleLike(m.ContentStart, m.ContentEnd)) continue;
                // "said on NBC's "Meet the Press"", "told "Fox News Sunday"", "in "The Revenant"": a title after a
                // preposition, a possessive or "told" is where it was said, not what.
                if (!signed && openTok > 0 && (In(openTok - 1, Prepositions) || Is(openTok - 1, "'s") || Is(openTok - 1, "’s") || In(openTok - 1, TellVerbs))
                    && TitleLike(m.ContentStart, m.ContentEnd)) continue;
                if (words <= NameQuoteMaxWords && m.ContentEnd > m.ContentStart && char.IsUpper(_d.Text[m.ContentStart]) && NamedByQuote(openTok)) continue;
                kept.Add((m, f, words, signed));
            }

            // Quotes in text order: a speaker resolved earlier is the antecedent of "he", "the statement" and of uncued quotes.
            for (int k = 0; k < kept.Count; k++)
            {
                var (m, f, words, signed) = kept[k];
                var q = new Quote { Start = m.ContentStart, End = m.ContentEnd, Kind = QuoteKind.Direct, By = by };
                if (signed)
                {
                    SetCue(q, f);
                    ResolveSpeaker(q, f.SpeakerFirst, f.SpeakerEnd);
                }
                else if (f.Found)
                {
                    f = OuterReport(f);
                    SetCue(q, f);
                    // "X called the senator a "nasty guy"": what is named and the quoted words are one attribution, reported
                    // speech holding a quotation (the first quote the naming verb frames; AbsorbFragments keeps this one).
                    if (f.CueEnd <= _d.TokenAt(m.Open) && CueAt(f.CueFirst, _t.Length, out _) is CueClass.Call or CueClass.As
                        && (k == 0 || kept[k - 1].F.CueFirst != f.CueFirst) && f.CueEnd < _t.Length && _t[f.CueEnd].Start < m.Open
                        // "called it "…"": a pronoun adds nothing to the quoted words, which stay a direct quote.
                        && !In(f.CueEnd, ObjectPronouns))
                    {
                        q.Start = _t[f.CueEnd].Start; q.End = RestOfFrame(f.CueFirst, NounAfterQuote(ListedQuotesEnd(marks, m))); q.Kind = QuoteKind.Indirect;
                    }
                    int ps = -1, pe = -1;
                    // "the Interfax news agency quoted Mr Khodorkovsky as saying": the one quoted speaks, whatever subject
                    // the parse lends "saying" (the newspaper's).
                    bool quotedAs = false;
                    if (QuotedAs(f.CueFirst) is var (qs, qe) && qe > qs) { (ps, pe) = (qs, qe); quotedAs = true; }
                    else if (f.HasSpeaker) (ps, pe) = (f.SpeakerFirst, f.SpeakerEnd);
                    // "Aksoy said the two sides had agreed …, calling it "…"": a participle on a reporting verb has that
                    // verb's speaker.
                    else if (ReportingHeadSpeaker(f.CueFirst) is var (hs, he) && he > hs) (ps, pe) = (hs, he);
                    else if (SubjectOfCue(f.CueFirst) is var (ss, se) && se > ss) (ps, pe) = (ss, se);
                    var sp = quotedAs ? (S: ps, E: pe) : ChooseSpeaker(f.CueFirst, ps, pe);
                    if (sp.E > sp.S) ResolveSpeaker(q, sp.S, sp.E);
                    // A short phrase whose speaker no one names ("confirmed the EC's right to launch "excessive debt
                    // procedures"") is a term, not a quotation we can attribute.
                    else if (!InheritSpeaker(q, m) && q.Kind == QuoteKind.Direct && words <= ShortTermMaxWords && _d.Syntax is not null && !HasVerb(_d.TokenAt(m.Open) + 1, _d.TokenAt(m.CloseEnd - 1))) continue;
                }
                // No frame and no one to inherit from: kept only when long and sentence-like, as words someone said
                // whom the text does not name; a phrase inside the author's sentence is no quotation we can place.
                else if (!InheritSpeaker(q, m))
                {
                    if (words < UnattributedMinWords) continue;
                    if (!OpensSentence(m) && !WholeSentence(m)) _unplaced.Add(q);
                }
                _d.Quotes.Add(q);
            }
        }

        /// <summary>Removes the phrase-like quotations no pass gave a cue or a speaker: quoted words inside the author's
        /// sentence that we cannot place ("… has been "obscured by a populist mask."").</summary>
        public void DropUnplaced()
        {
            if (_unplaced.Count == 0) return;
            _d.Quotes.RemoveAll(q => _unplaced.Contains(q) && q.CueStart < 0 && q.SpeakerStart < 0 && q.Speaker < 0);
        }

        /// <summary>The frame of a quote whose cue lies inside another speaker's reported clause is that speaker's: in
        /// "Mr. Obama said a majority of Americans have come to believe "that climate change is real"" the quoted words are
        /// Obama's, and in "Trump said Clinton called him "a bigot"" they reach us as Trump's report, so the quote is part of
        /// his reported speech (AbsorbFragments) rather than words put in Clinton's mouth on his say-so.</summary>
        private Frame OuterReport(Frame f)
        {
            if (_d.Syntax is not { } syn) return f;
            int cue = f.CueFirst;
            for (int hop = 0; hop < 2; hop++)
            {
                // Through the verbs the cue completes ("have come to believe"), up to the clause another verb reports.
                int x = cue;
                while (syn.Relations[x] == "xcomp" && syn.Heads[x] >= 0) x = syn.Heads[x];
                if (syn.Relations[x] != "ccomp" || syn.Heads[x] is not (var outer and >= 0) || outer > cue) break;
                if (InsideMarks(_t[outer].Start, _t[outer].End) || !IsCue(outer, _t.Length, out int end)) break;
                // Only to a report with a speaker of its own: the inner one stays rather than none.
                if (ParseSpeaker(outer) < 0) break;
                f = new Frame(-1, -1, outer, end);
                cue = outer;
            }
            return f;
        }

        /// <summary>Past what the naming verb still governs after the quoted words, up to a comma ("called Clinton a
        /// "champion" for its constituency", "described the deal as "the gold standard" of trade deals when …"): the end of
        /// that phrase, else <paramref name="end"/>.</summary>
        private int RestOfFrame(int cue, int end)
        {
            if (_d.Syntax is not { } syn) return end;
            var sent = _d.Sentences[SentenceOfToken(cue)];
            int last = _d.TokenAt(end - 1);
            if (last < 0) return end;
            for (int guard = 0; guard < 8; guard++)
            {
                int next = last + 1;
                if (next >= sent.TokenEnd || !IsWord(next)) break;
                // The phrase that holds the next word, just below the cue; a clause of its own (a second verb, a
                // participle) is not the naming's.
                int x = next, hops = 0;
                while (x >= 0 && syn.Heads[x] != cue && hops++ < 32) x = syn.Heads[x];
                if (x < 0 || syn.Heads[x] != cue || x < cue || syn.Relations[x] is "conj" or "parataxis" or "ccomp" or "cc" or "punct") break;
                // The rest of what is named ("… of trade deals") or a reason ("for its constituency"), not a time or place
                // adjunct of the naming ("on Friday", "in a statement").
                bool named = x < next;
                if (!named && !(syn.Universal(x) is "obl" or "advcl" && (Is(next, "for") || Is(next, "of")))) break;
                int e = Subtree(x, sent).E;
                // … and stops at a comma or at a time ("… for its constituency on Friday").
                for (int k = next; k < e; k++)
                    if (IsChar(k, ',') || IsChar(k, ';') || IsTerminal(k) || In(k, TimeWords) || k + 1 < e && In(k, Prepositions) && In(k + 1, TimeWords)
                        // … or at a second reporting verb joined to it ("… as "illegal" and warned that …")
                        || In(k, Coordinators) && k + 1 < e && syn.Tags[k + 1] == Upos.VERB && IsCue(k + 1, sent.TokenEnd, out _)) { e = k; break; }
                while (e > next && IsPunct(e - 1) && !IsQuoteMark(e - 1)) e--;
                if (e <= next) break;
                last = e - 1;
            }
            return Math.Max(end, _t[last].End);
        }

        /// <summary>Past a noun the quoted words modify ("as a "fading" force"): the end of that noun, else
        /// <paramref name="end"/>.</summary>
        private int NounAfterQuote(int end)
        {
            if (_d.Syntax is not { } syn) return end;
            int close = _d.TokenAt(end - 1), next = close + 1;
            if (next >= _t.Length || !IsWord(next) || syn.Tags[next] is not (Upos.NOUN or Upos.PROPN)) return end;
            for (int i = close - 1; i >= 0 && i > close - 12 && !IsTerminal(i); i--)
                if (syn.Heads[i] == next) return _t[next].End;
            return end;
        }

        /// <summary>The end of the last quote of a list that begins with <paramref name="first"/> ("a "nasty guy," an
        /// "anchor baby," "unstable" and "sick""): quotes separated only by commas, "and", "or" and articles.</summary>
        private int ListedQuotesEnd(List<MarkedSpan> marks, MarkedSpan first)
        {
            int i = marks.IndexOf(first), end = first.CloseEnd;
            for (int j = i + 1; i >= 0 && j < marks.Count; j++)
            {
                var gap = _d.Text.AsSpan(end, Math.Max(0, marks[j].Open - end));
                bool list = gap.Length <= 12;
                foreach (var w in gap.ToString().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
                    if (w is not ("and" or "or" or "a" or "an" or "the")) { list = false; break; }
                if (!list || gap.IndexOfAny('\n', '.') >= 0) break;
                end = marks[j].CloseEnd;
            }
            return end;
        }

        /// <summary>A quote signed after a dash at the end of its line: `“…” ― Sonya Herridge`, `"…" -- John Smith, a
        /// teacher` (readers' reactions, epigraphs, lists of comments). The person or organisation named right after the dash
        /// is the speaker and the dash is the cue; anything but a name there, or more than a description after it on the
        /// line, and it is no signature.</summary>
        private Frame DashSignature(int closeEnd)
        {
            var text = _d.Text;
            int i = closeEnd;
            while (i < text.Length && text[i] is ' ' or '\t' or '\u00A0') i++;
            int dash = i;
            if (i < text.Length && text[i] is '―' or '—' or '–') i++;
            else if (i + 1 < text.Length && text[i] == '-' && text[i + 1] == '-') i += 2;
            else return Frame.None;
            int dashEnd = i;
            while (i < text.Length && text[i] is ' ' or '\t' or '\u00A0') i++;
            EntityMention? name = null;
            foreach (var en in _d.Entities)
            {
                if (en.Start > i) break;
                if (en.Start == i && en.Type is EntityType.PERSON or EntityType.ORG) { name = en; break; }
            }
            int nameEnd = name?.End ?? CapitalisedLine(i);
            if (nameEnd <= i) return Frame.None;
            int after = nameEnd;
            while (after < text.Length && text[after] is ' ' or '\t' or '\u00A0') after++;
            // A full stop may close the signature ("― Carla Sanchez."), when nothing else follows on the line.
            if (after < text.Length && text[after] == '.')
            {
                int x = after + 1;
                while (x < text.Length && text[x] is ' ' or '\t' or '\u00A0') x++;
                if (x >= text.Length || text[x] is '\n' or '\r') after = x;
            }
            if (after < text.Length && text[after] is not ('\n' or '\r' or ',')) return Frame.None;
            // After a comma, a description to the end of the line, with no quotation of its own.
            int eol = text.IndexOf('\n', after);
            if (eol < 0) eol = text.Length;
            if (QuoteMarks.Find(text[after..eol]).Count > 0) return Frame.None;
            int cueFirst = _d.TokenAt(dash), cueEnd = _d.TokenAt(dashEnd - 1) + 1;
            int first = _d.TokenAt(i), end = _d.TokenAt(nameEnd - 1) + 1;
            if (cueFirst >= _t.Length || first >= end) return Frame.None;
            return new Frame(first, end, cueFirst, cueEnd);
        }

        /// <summary>The end of a signature the entity tagger missed: two to <see cref="MaxSignatureWords"/> capitalised
        /// words (initials with their full stop) from <paramref name="at"/> to the end of the line, or to a comma or a
        /// closing full stop; <paramref name="at"/> when the line holds anything else.</summary>
        private int CapitalisedLine(int at)
        {
            int ti = _d.TokenAt(at);
            if (ti >= _t.Length || _t[ti].Start != at) return at;
            int words = 0, end = at;
            for (; ti < _t.Length; ti++)
            {
                if (_d.Text.AsSpan(end, _t[ti].Start - end).IndexOfAny('\n', '\r') >= 0) break;
                if (IsChar(ti, ',')) break;
                if (IsChar(ti, '.') && _t[ti].Start == end && words > 0 && _t[ti - 1].Length == 1) { end = _t[ti].End; continue; }
                if (IsChar(ti, '.')) break;
                if (!(_t[ti].Kind == TokenKind.Word && _t[ti].Has(TokenFlags.Title)) || ++words > MaxSignatureWords) return at;
                end = _t[ti].End;
            }
            return words >= 2 ? end : at;
        }

        /// <summary>A title in quotation marks ("Face the Nation", "Tough Choices"): its content words are capitalised.</summary>
        private bool TitleLike(int start, int end)
        {
            int content = 0, caps = 0;
            for (int i = _d.TokenAt(start); i < _t.Length && _t[i].Start < end; i++)
            {
                if (_t[i].Kind != TokenKind.Word || In(i, TitleFunctionWords)) continue;
                content++;
                if (IsCap(i)) caps++;
            }
            return content > 0 && content <= 12 && caps * 5 >= content * 4;
        }

        private void SetCue(Quote q, Frame f)
        {
            q.CueStart = _t[f.CueFirst].Start;
            q.CueEnd = _t[f.CueEnd - 1].End;
            q.Cue = _d.Slice(q.CueStart, q.CueEnd);
        }

        /// <summary>Prefers the frame that touches the quote: "…," X said over an earlier cue in the sentence.</summary>
        private Frame PickFrame(Frame after, Frame before, int closeTok, int openTok)
        {
            if (!after.Found) return before;
            if (!before.Found) return after;
            // A frame that names its speaker beats one that does not ("Peabody said: "…," adding that …").
            if (after.HasSpeaker != before.HasSpeaker) return after.HasSpeaker ? after : before;
            int da = Math.Min(after.CueFirst, after.HasSpeaker ? after.SpeakerFirst : int.MaxValue) - closeTok;
            int db = openTok - Math.Max(before.CueEnd - 1, before.HasSpeaker ? before.SpeakerEnd - 1 : -1);
            return da <= db ? after : before;
        }

        /// <summary>Longest parenthesis passed over between a speaker's name and the cue ("(D-Wis.)", "(pictured)").</summary>
        private const int MaxParenTokens = 8;

        /// <summary>The frame after a closing mark: `"…," X said`, `"…," said X`, `"…," according to X`.</summary>
        private Frame After(int closeTok, int limitTok)
        {
            int si = SentenceOfToken(closeTok);
            if (si < 0) return Frame.None;
            int limit = Math.Min(_d.Sentences[si].TokenEnd, limitTok);
            int j = closeTok + 1;
            // "“…, OK?” Trump said.": a question or an exclamation inside the marks ends the sentence for the splitter; a
            // short sentence right after it on the same line is the frame.
            if (j == _d.Sentences[si].TokenEnd && si + 1 < _d.Sentences.Length && closeTok > 0 && (IsChar(closeTok - 1, '?') || IsChar(closeTok - 1, '!'))
                && _d.Sentences[si + 1].FirstToken == j && _d.Sentences[si + 1].TokenEnd - j <= MaxSpeakerTokens + 4
                && !_d.Text.AsSpan(_t[closeTok].End, _t[j].Start - _t[closeTok].End).Contains('\n'))
                limit = Math.Min(_d.Sentences[si + 1].TokenEnd, limitTok);
            while (j < limit && (IsChar(j, ',') || IsChar(j, '—') || IsChar(j, '–'))) j++;
            if (j >= limit || IsTerminal(j)) return Frame.None;
            // "… "quite an honour" while Muse said …", "… "morally indefensible" but the government said …": a clause
            // joined after the quotation reports something else.
            if (In(j, Coordinators) || In(j, Subordinators)) return Frame.None;
            // A new sentence starting right after the quote is not its frame ("…." He left.), unless it starts with a cue-led phrase.
            var cls = CueAt(j, limit, out int ce);
            if (cls is not (CueClass.None or CueClass.Call or CueClass.As))
            {
                int s = ce, e = ForwardSpeaker(ce, limit);
                // "…"delighted", saying Mr Jackson would be welcomed": a clause after the cue is what it reports, and the
                // quotation is not its words.
                // (Only after a participle: after "said" the "verb" is a noun the tagger misread, "said Cobain biographer …".)
                if (IngForm(j) && e > s && e < limit && _d.Syntax is { } syn && syn.Tags[e] is Upos.AUX or Upos.VERB && !IsCap(e)) return Frame.None;
                return new Frame(e > s ? s : -1, e > s ? e : -1, j, ce);
            }
            // SPEAKER CUE: scan a short window for the cue; the tokens before it are the speaker.
            int max = Math.Min(limit, j + MaxSpeakerTokens + 3);
            for (int c = j + 1; c < max; c++)
            {
                // A parenthesis after the name ("Rep. Gwen Moore (D-Wis.) said") is passed over: the window grows by it.
                if (IsChar(c, '('))
                {
                    int close = c + 1;
                    // Abbreviation stops inside are no sentence's end ("(D-Wis.)").
                    while (close < limit && close - c <= MaxParenTokens && !IsChar(close, ')') && !IsQuoteMark(close)) close++;
                    if (close < limit && IsChar(close, ')')) { max = Math.Min(limit, max + close - c + 1); c = close; continue; }
                }
                if (IsTerminal(c) || IsQuoteMark(c)) break;
                var cc = CueAt(c, limit, out int cend);
                if (cc is CueClass.None or CueClass.Prep or CueClass.Call or CueClass.As) continue;
                // "… after Clinton refused to say …" frames nothing.
                if (NotReported(c)) return Frame.None;
                // "“…,” the court was told": the addressee of a passive, not its speaker.
                if (PassiveCue(c) && !QuotedPassive(cend)) return new Frame(-1, -1, c, cend);
                // "“…,” the Financial Times quoted an insider in the talks as saying": the one quoted speaks.
                if (QuotedAs(c) is var (qs, qe) && qe > qs) return new Frame(qs, qe, c, cend);
                var (s, e) = TrimSpeaker(j, c);
                // "“…” Labour had broken promises": an auxiliary with a verb after it is a clause of the author's, no
                // speaker (one right before the cue, "Smith has said", is trimmed).
                if (ClauseBefore(s, e)) return Frame.None;
                // The parenthesis is no part of the speaker's words.
                if (e > s + 1 && IsChar(e - 1, ')'))
                    for (int x = e - 2; x > s; x--)
                        if (IsChar(x, '(')) { e = x; break; }
                // An appositive ("Smith, the mayor, said") keeps the name before the first comma.
                for (int x = s; x < e; x++) if (IsChar(x, ',')) { e = x; break; }
                if (e <= s || e - s > MaxSpeakerTokens || !LooksLikeSpeaker(s, e)) return Frame.None;
                return new Frame(s, e, c, cend);
            }
            return LongApposition(j, limit);
        }

        private bool ClauseBefore(int s, int e)
        {
            if (_d.Syntax is not { } syn) return false;
            for (int i = s; i + 1 < e; i++)
                if (syn.Tags[i] == Upos.AUX && _t[i].Has(TokenFlags.Lower) && syn.Tags[i + 1] is Upos.VERB or Upos.AUX && _t[i + 1].Has(TokenFlags.Lower)) return true;
            return false;
        }

        /// <summary>`"…," Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said`:
        /// a name right after the quote, then an apposition between commas longer than the window, then the cue.</summary>
        private Frame LongApposition(int j, int limit)
        {
            int en = EntityAt(j);
            if (en < 0 || _d.Entities[en].Type is not (EntityType.PERSON or EntityType.ORG) || _d.Entities[en].Start != _t[j].Start) return Frame.None;
            int e = _d.TokenAt(_d.Entities[en].End - 1) + 1;
            if (!IsChar(e, ',')) return Frame.None;
            for (int c = e + 2; c < Math.Min(limit, e + MaxAppositionTokens); c++)
            {
                if (IsTerminal(c) || IsQuoteMark(c)) break;
                if (!IsChar(c - 1, ',')) continue;
                var cls = CueAt(c, limit, out int cend);
                if (cls == CueClass.Verb) return new Frame(j, e, c, cend);
            }
            return Frame.None;
        }

        /// <summary>The frame before an opening mark: `X said: "…"`, `X told reporters "…"`, `according to X, "…"`.</summary>
        private Frame Before(int openTok, int prevCloseTok)
        {
            int si = SentenceOfToken(openTok);
            if (si < 0) return Frame.None;
            // "He said:" closing the previous sentence or paragraph frames a quote that opens the next one.
            if (openTok == _d.Sentences[si].FirstToken && openTok > 0 && IsChar(openTok - 1, ':')) si = SentenceOfToken(openTok - 1);
            int lo = Math.Max(_d.Sentences[si].FirstToken, prevCloseTok + 1);
            int k = openTok - 1;
            while (k >= lo && (IsChar(k, ':') || IsChar(k, ',') || IsChar(k, '—') || IsChar(k, '–') || Is(k, "that") || Is(k, "saying") || Is(k, "as"))) k--;
            if (k < lo) return Frame.None;
            // The cue must be close to the quote: objects and adjuncts ("told reporters on Sunday") may stand between.
            for (int c = k; c >= Math.Max(lo, k - MaxLongNamedObjectTokens - 2); c--)
            {
                if (IsTerminal(c)) break;
                // Beyond a short stretch only a naming verb with a long object ("called a report suggesting … "outrageous"").
                bool far = c < k - 7;
                // "according to X, "…"": the speaker follows the cue.
                if (Is(c, "according") && Is(c + 1, "to"))
                {
                    int e = ForwardSpeaker(c + 2, openTok);
                    return e > c + 2 ? new Frame(c + 2, e, c, c + 2) : Frame.None;
                }
                var cls = CueAt(c, openTok, out int cend);
                if (cls is CueClass.None or CueClass.Prep) continue;
                if (far && cls is not (CueClass.Call or CueClass.As)) continue;
                // A stance verb frames a quotation only through "that" ("found that "…"", not "find "rebels"").
                if (cls is CueClass.That && !Is(cend - 1, "that") && !HasThat(cend, openTok)) continue;
                if (NotReported(c)) return Frame.None;
                // "X called it "…"", "X described the plan as "…"": a naming verb frames a quote only across its object.
                if (cls is CueClass.Call or CueClass.As && !CallsQuote(c, cend, openTok, cls == CueClass.As)) continue;
                // "without being told to "smile"": the subject of a passive cue is its addressee, not its speaker.
                if (PassiveCue(c) && !QuotedPassive(cend)) return new Frame(-1, -1, c, cend);
                var (s, se) = BackSpeaker(c, lo);
                if (se > s && se - s <= MaxSpeakerTokens && LooksLikeSpeaker(s, se)) return new Frame(s, se, c, cend);
                // A cue with no subject in reach ("…, adding: "…"") still marks a quotation; the speaker comes from context.
                return new Frame(-1, -1, c, cend);
            }
            return Frame.None;
        }

        // Words that make "called" something else than naming an object: "called for", "called on", "called off".
        private static readonly HashSet<string> CallParticles = new(StringComparer.OrdinalIgnoreCase) { "for", "on", "off", "up", "out", "in", "back", "upon", "to", "into" };

        /// <summary>"X called it "…"", "X described the plan as "…"": the words between the naming verb at
        /// <paramref name="cue"/> and the opening mark are its object (one to <see cref="MaxNamedObjectTokens"/> tokens, a dependent of the verb in the parse),
        /// with "as" after it for "described … as".</summary>
        private bool CallsQuote(int cue, int cueEnd, int openTok, bool needsAs = false)
        {
            int end = openTok;
            while (end > cueEnd && (IsChar(end - 1, ',') || IsChar(end - 1, ':'))) end--;
            if (end > cueEnd && Is(end - 1, "as")) end--;
            // "as a "con artist"": the article belongs to the quoted noun.
            else if (end > cueEnd + 1 && (Is(end - 1, "a") || Is(end - 1, "an") || Is(end - 1, "the")) && Is(end - 2, "as")) end -= 2;
            else if (needsAs) return false;
            int n = end - cueEnd;
            if (n < 1 || In(cueEnd, CallParticles)) return false;
            // A longer object, or one with commas, when the parse makes exactly those words the verb's object ("called a
            // report suggesting donors … were granted greater access "outrageous"", "called Valeant's chief executive, J.
            // Michael Pearson, "incredibly driven"").
            if (n > MaxNamedObjectTokens || !AllWords(cueEnd, end))
            {
                if (n > MaxLongNamedObjectTokens || _d.Syntax is not { } sx) return false;
                var sent = _d.Sentences[SentenceOfToken(cue)];
                for (int i = cueEnd; i < end; i++)
                    if (sx.Heads[i] == cue && sx.Universal(i) is "obj" or "iobj" && Subtree(i, sent) is var (os, oe) && os == cueEnd && oe == end && !HasVerbOutsideClause(os, oe, i))
                        return true;
                return false;
            }
            if (_d.Syntax is not { } syn) return In(cueEnd, SpeakerDeterminers) || In(cueEnd, OtherPronouns) || IsCap(cueEnd) || In(cueEnd, ObjectWords);
            for (int i = cueEnd; i < end; i++)
                // The parser reads "called Burma a "…"" as obj + xcomp, or as two xcomps.
                if (syn.Heads[i] == cue && syn.Universal(i) is "obj" or "iobj" or "xcomp") return true;
            return false;
        }

        private bool AllWords(int s, int e)
        {
            for (int i = s; i < e; i++) if (!IsWord(i) && !Is(i, "'s") && !Is(i, "’s")) return false;
            return true;
        }

        // A finite verb of the object's own clause (not one inside a relative or participle clause on its noun) makes the
        // "object" a clause the parse mislabelled.
        private bool HasVerbOutsideClause(int s, int e, int head)
        {
            var syn = _d.Syntax!;
            for (int i = s; i < e; i++)
                if (syn.Tags[i] is Upos.VERB or Upos.AUX && syn.Heads[i] == head && syn.Universal(i) is not ("acl" or "amod")) return true;
            return false;
        }

        /// <summary>The frame the parse gives a quote the patterns did not frame: the quote's clause depends on a reporting
        /// verb outside it in the same sentence (ccomp, parataxis, obj), or such a verb is attached to the quote's clause
        /// (parataxis, conj: a common misparse of `"…," the minister told reporters`); kept only with a subject.</summary>
        private Frame ParseFrame(int openTok, int closeTok)
        {
            if (_d.Syntax is not { } syn || closeTok - openTok < 2) return Frame.None;
            int si = SentenceOfToken(openTok);
            if (si < 0 || SentenceOfToken(closeTok) != si) return Frame.None;
            var sent = _d.Sentences[si];
            int head = syn.SpanHead(openTok + 1, closeTok);
            int v = syn.Heads[head];
            int cue = -1;
            if (v >= 0 && (v < openTok || v > closeTok) && syn.Relations[head] is "ccomp" or "parataxis" or "obj") cue = v;
            else
                for (int k = sent.FirstToken; k < sent.TokenEnd && cue < 0; k++)
                    if (syn.Heads[k] == head && (k < openTok || k > closeTok) && syn.Relations[k] is "parataxis" or "conj" or "ccomp") cue = k;
            if (cue < 0 || InsideMarks(_t[cue].Start, _t[cue].End)) return Frame.None;
            if (CueAt(cue, sent.TokenEnd, out int cend) is not CueClass.Verb || NotReported(cue)) return Frame.None;
            // No other quotation between the quote and its cue.
            for (int k = Math.Min(cue, closeTok) + 1; k < Math.Max(cue, openTok); k++) if (IsQuoteMark(k)) return Frame.None;
            return ParseSpeaker(cue) >= 0 ? new Frame(-1, -1, cue, cend) : Frame.None;
        }

        /// <summary>A quoted phrase inside the predicate of a verb that is no reporting verb ("Clinton has gone after Trump
        /// as a "human leech who will bleed the country"", "Cruz exhorted Republicans to "vote your conscience""): the
        /// words are the subject's, when the subject is a person, an organisation, "he"/"she"/"they" or a noun that can
        /// speak; the verb is the cue. A phrase in a subject, or under a subject that cannot speak, has no frame.</summary>
        private Frame PredicateFrame(int openTok, int closeTok)
        {
            if (_d.Syntax is not { } syn || closeTok - openTok < 2) return Frame.None;
            int si = SentenceOfToken(openTok);
            if (si < 0 || SentenceOfToken(closeTok) != si || openTok == _d.Sentences[si].FirstToken) return Frame.None;
            var sent = _d.Sentences[si];
            int x = syn.SpanHead(openTok + 1, closeTok);
            for (int hop = 0; hop < 4; hop++)
            {
                if (x < 0 || syn.Universal(x) is "nsubj" or "csubj" or "root" or "parataxis" or "conj") return Frame.None;
                x = syn.Heads[x];
                if (x < 0) return Frame.None;
                if (x > openTok && x < closeTok) continue;
                if (syn.Tags[x] == Upos.VERB) break;
                if (hop == 3) return Frame.None;
            }
            // The verb comes before the quoted words it governs ("exhorted Republicans to "…""); a verb after them is
            // another clause's.
            if (x < 0 || x > openTok || syn.Tags[x] != Upos.VERB || InsideMarks(_t[x].Start, _t[x].End) || NotReported(x)) return Frame.None;
            // A verb inside someone's reported speech is not the frame: "His party "instinctively" understood …, he said" is
            // his words (the reporting verb hangs on the clause, or the clause on it).
            if (syn.Heads[x] is var hx and >= 0 && syn.Universal(x) is "ccomp" or "parataxis" && IsCue(hx, sent.TokenEnd, out _)) return Frame.None;
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                if (syn.Heads[k] == x && syn.Universal(k) is "parataxis" or "ccomp" && IsCue(k, sent.TokenEnd, out _)) return Frame.None;
            // No other quotation between the verb and the quote.
            for (int k = Math.Min(x, closeTok) + 1; k < Math.Max(x, openTok); k++) if (IsQuoteMark(k)) return Frame.None;
            int h = ParseSpeaker(x);
            if (h < 0 || h >= openTok && h <= closeTok) return Frame.None;
            // A "verb" right after a noun phrase's word that is not its subject is a tagging slip ("a Labour Party
            // handbook about "…"").
            if (x > 0 && syn.Tags[x - 1] is Upos.NOUN or Upos.PROPN or Upos.ADJ or Upos.DET && ParsePhrase(h).E != x) return Frame.None;
            bool speaks = In(h, PersonPronouns) || Is(h, "they") || lex.IsSpeakerNoun(W(h))
                || EntityAt(h) is var en and >= 0 && _d.Entities[en].Type is EntityType.PERSON or EntityType.ORG;
            if (!speaks) return Frame.None;
            var (s, e) = ParsePhrase(h);
            return e > s ? new Frame(s, e, x, x + 1) : Frame.None;
        }

        /// <summary>"X quoted Y as saying": Y's phrase when <paramref name="cue"/> is that "saying", else empty.</summary>
        private (int S, int E) QuotedAs(int cue)
        {
            if (cue < 3 || !Is(cue, "saying") || !Is(cue - 1, "as")) return (0, 0);
            for (int k = cue - 2; k >= Math.Max(0, cue - 2 - MaxSpeakerTokens); k--)
            {
                if (IsTerminal(k) || IsQuoteMark(k)) break;
                if (Is(k, "quoted") || Is(k, "quotes") || Is(k, "quoting") || Is(k, "quote"))
                    return k + 1 < cue - 1 && LooksLikeSpeaker(k + 1, cue - 1) ? (k + 1, cue - 1) : (0, 0);
            }
            return (0, 0);
        }

        /// <summary>The speaker phrase of the reporting verb a participle cue depends on ("X said …, adding that "…"",
        /// "…, calling it "…""), by the parse; empty when the cue is no participle or its head is no reporting verb.</summary>
        private (int S, int E) ReportingHeadSpeaker(int cue)
        {
            if (_d.Syntax is not { } syn || !IngForm(cue)) return (0, 0);
            if (syn.Relations[cue] is not ("advcl" or "xcomp" or "conj") && !CommaParticiple(cue) || syn.Heads[cue] is not (var h and >= 0)) return (0, 0);
            if (!IsCue(h, _t.Length, out _) || InsideMarks(_t[h].Start, _t[h].End)) return (0, 0);
            int subj = ParseSpeaker(h);
            return subj >= 0 ? ParsePhrase(subj) : (0, 0);
        }

        /// <summary>"Smith defended the plan, adding: "…"": a participle cue's speaker is the subject of its sentence.</summary>
        private (int S, int E) SubjectOfCue(int cue)
        {
            if (cue < 1 || !IsChar(cue - 1, ',') || !IngForm(cue)) return (0, 0);
            int si = SentenceOfToken(cue);
            if (si < 0) return (0, 0);
            var (s, e) = SentenceSubject(_d.Sentences[si].FirstToken, cue - 1);
            return e > s && LooksLikeSpeaker(s, e) ? (s, e) : (0, 0);
        }

        /// <summary>An uncued quote takes the speaker of a quote in the same sentence, else of the paragraph's previous sentence.</summary>
        private bool OpensSentence(MarkedSpan m) => _d.SentenceAt(m.Open) is var si and >= 0 && _d.TokenAt(m.Open) == _d.Sentences[si].FirstToken;

        // Quoted words that read as a sentence: a capital first letter and a full stop, "?" or "!" inside the marks.
        private bool WholeSentence(MarkedSpan m)
        {
            if (m.ContentEnd <= m.ContentStart || !char.IsUpper(_d.Text[m.ContentStart])) return false;
            int e = m.ContentEnd;
            while (e > m.ContentStart && char.IsWhiteSpace(_d.Text[e - 1])) e--;
            return e > m.ContentStart && _d.Text[e - 1] is '.' or '?' or '!';
        }

        private bool InheritSpeaker(Quote q, MarkedSpan m)
        {
            int si = _d.SentenceAt(m.Open);
            if (si < 0) return false;
            // Same sentence (a second fragment of the same statement) or the previous sentence of the same paragraph.
            for (int i = _d.Quotes.Count - 1; i >= 0; i--)
            {
                var p = _d.Quotes[i];
                if (p.Kind == QuoteKind.Social || p.Speaker < 0 && p.SpeakerText is null) continue;
                int ps = _d.SentenceAt(p.End - 1);
                // A paragraph that opens with a quote continues the speaker of the quote ending the paragraph before.
                bool opensParagraph = _t[_d.Sentences[si].FirstToken].Has(TokenFlags.ParagraphStart) && _d.TokenAt(m.Open) == _d.Sentences[si].FirstToken;
                if (ps == si || ps == si - 1 && (SameParagraph(ps, si) || opensParagraph && p.Kind == QuoteKind.Direct))
                {
                    q.Speaker = p.Speaker; q.SpeakerText = p.SpeakerText; q.SpeakerStart = p.SpeakerStart; q.SpeakerEnd = p.SpeakerEnd;
                    return true;
                }
                // … also across one sentence of the author's that ends that paragraph with the speaker as its subject
                // ("…," McClaren said. McClaren was relieved to make it through. ¶ "To be fair to Graz, …").
                if (opensParagraph && p.Kind == QuoteKind.Direct && p.Speaker >= 0 && ps == si - 2 && SameParagraph(ps, si - 1)
                    && SubjectIsActor(si - 1, p.Speaker))
                {
                    q.Speaker = p.Speaker; q.SpeakerText = p.SpeakerText; q.SpeakerStart = p.SpeakerStart; q.SpeakerEnd = p.SpeakerEnd;
                    return true;
                }
                break;
            }
            // The previous sentence of the paragraph names a person: the quote continues with their words — when it is
            // words of its own, opening its sentence or a whole sentence, not a phrase inside the author's sentence
            // ("… has been "obscured by a populist mask."", "their "Hispanics para Trump" signs").
            if (si > 0 && SameParagraph(si - 1, si) && (OpensSentence(m) || WholeSentence(m)))
            {
                var prev = _d.Sentences[si - 1];
                foreach (var e in _d.Entities)
                {
                    if (e.Start < prev.Start || e.End > prev.End || e.Type != EntityType.PERSON || e.Actor < 0) continue;
                    if (InsideMarks(e.Start, e.End)) continue;
                    q.Speaker = e.Actor; q.SpeakerText = _d.Slice(e.Start, e.End); q.SpeakerStart = e.Start; q.SpeakerEnd = e.End;
                    return true;
                }
            }
            return false;
        }

        // The sentence opens with a mention of the actor (a name, after at most a word such as "And").
        private bool SubjectIsActor(int si, int actor)
        {
            var sent = _d.Sentences[si];
            int f = sent.FirstToken;
            while (f < sent.TokenEnd && f - sent.FirstToken < 2 && (In(f, Leading) || IsPunct(f))) f++;
            return f < sent.TokenEnd && EntityAt(f) is var en and >= 0 && _d.Entities[en].Actor == actor && _d.Entities[en].Start == _t[f].Start;
        }

        private bool SameParagraph(int s1, int s2)
        {
            for (int s = s1 + 1; s <= s2; s++)
                if (_t[_d.Sentences[s].FirstToken].Has(TokenFlags.ParagraphStart)) return false;
            return true;
        }
    }
}
