using Dossier.Actors;
using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    private sealed partial class Run
    {
        /// <summary>Trims a candidate speaker [s, e): leading conjunctions and sentence adverbs, trailing auxiliaries and adverbs.</summary>
        private static readonly HashSet<string> TimeDeterminers = new(StringComparer.OrdinalIgnoreCase) { "last", "this", "next", "earlier", "later" };
        private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase) { "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "spring", "summer", "autumn", "fall", "winter" };

        // "(just) last week US Treasury Secretary John Snow", "This week Colin Powell", "Last Friday the minister": a time
        // that opens the phrase is not the speaker.
        private int SkipLeadingTime(int s, int e)
        {
            int k = s;
            if (k < e && Is(k, "just")) k++;
            // "Earlier this month figures showed …"
            if (k + 3 < e && (Is(k, "earlier") || Is(k, "later")) && In(k + 1, TimeDeterminers) && In(k + 2, TimeUnits)) return k + 3;
            if (k + 2 < e && In(k, TimeDeterminers) && (In(k + 1, TimeUnits) || In(k + 1, TimeWords))) return k + 2;
            return s;
        }

        private (int S, int E) TrimSpeaker(int s, int e)
        {
            while (e > s && (In(e - 1, Aux) || Is(e - 1, "been") || IsAdverbLy(e - 1) || IsChar(e - 1, ','))) e--;
            // A time after the subject ("Culture Secretary Tessa Jowell on Tuesday said") is not part of it.
            // "Rep. Brad Sherman (D-Calif.) last month joked": a relative time after the subject is not part of it.
            if (e - s > 2 && In(e - 2, TimeDeterminers) && In(e - 1, TimeUnits)) e -= 2;
            // … or before it ("(just) last week US Treasury Secretary John Snow told").
            s = SkipLeadingTime(s, e);
            if (e - s > 1 && In(e - 1, TimeWords))
            {
                e--;
                if (e - s > 1 && Is(e - 1, "on")) e--;
                while (e > s && (In(e - 1, Aux) || IsAdverbLy(e - 1) || IsChar(e - 1, ','))) e--;
            }
            while (s < e && (In(s, Leading) || IsChar(s, ',') || IsQuoteMark(s) || IsChar(s, '—') || IsChar(s, '–')
                             || s + 1 < e && (IsAdverbLy(s) || _t[s].Has(TokenFlags.SentenceStart) && W(s).EndsWith("ly", StringComparison.Ordinal) && _t[s].Length > 5))) s++;
            return (s, e);
        }

        /// <summary>Longest stretch searched back for the subject when an appositive or parenthesis stands before the cue.</summary>
        private const int MaxAppositiveReach = 25;

        /// <summary>The subject before a cue at token c: back to the clause boundary, at most <see cref="MaxSpeakerTokens"/> tokens.</summary>
        /// <remarks>Handles "Sanders (I-Vt.) said", "Harvey, a delegate from Houston, said" and "voters who said" (the antecedent).</remarks>
        private (int S, int E) BackSpeaker(int c, int lo)
        {
            int e = c;
            while (e > lo && (In(e - 1, Aux) || IsAdverbLy(e - 1))) e--;
            if (e > lo && (Is(e - 1, "who") || Is(e - 1, "which")))
            {
                // "voters who said": the antecedent is the noun phrase right before, kept short without a parser.
                int h = e - 2;
                if (h < lo) return (e, e);
                int st = h;
                while (st - 1 >= lo && h - st < 4 && (IsCap(st - 1) && IsCap(st) || In(st - 1, Quantifiers))) st--;
                return LooksLikeSpeaker(st, h + 1) ? (st, h + 1) : (e, e);
            }
            if (e > lo && IsChar(e - 1, ')'))
            {
                int x = e - 2;
                while (x > lo && e - x < 12 && !IsChar(x, '(')) x--;
                if (x >= lo && IsChar(x, '(')) e = x;
            }
            else if (e > lo && IsChar(e - 1, ','))
                return Appositive(e - 1, lo);
            int s = e;
            while (s > lo && e - s < MaxSpeakerTokens + 4)
            {
                int p = s - 1;
                if (IsQuoteMark(p) || IsChar(p, ',') || IsChar(p, ';') || IsChar(p, ':') || IsChar(p, '(') || IsChar(p, ')')
                    || IsChar(p, '—') || IsChar(p, '–') || IsTerminal(p) || In(p, BackStop)) break;
                s = p;
            }
            // "…, with Sen. John McCain calling it …": the noun after "with" is the participle's subject.
            // (Only a noun phrase between: in "firms with listings in New York have objected - arguing" the "with" is inside
            // the subject.)
            if (IngForm(c))
                for (int i = e - 1; i >= s; i--)
                {
                    if (IsPunct(i) && !IsChar(i, '.') || _d.Syntax is { } ws && ws.Tags[i] is Upos.VERB or Upos.AUX) break;
                    if (Is(i, "with")) { s = i + 1; break; }
                }
            var (ts, te) = TrimSpeaker(s, e);
            te = CutRelative(ts, te);
            // "Colin Asplin, Blackpool Hotel Association said": the person before the comma speaks; the organisation
            // after it is only where they come from.
            if (te > ts && ts >= 2 && IsChar(ts - 1, ',') && EntityAt(ts - 2) is var pe and >= 0 && _d.Entities[pe].Type == EntityType.PERSON
                && EntityAt(ts) is var oe and >= 0 && _d.Entities[oe].Type == EntityType.ORG && _d.TokenAt(_d.Entities[pe].End - 1) == ts - 2
                && _d.TokenAt(_d.Entities[pe].Start) is var ps && (ps == lo || ps > 0 && (IsTerminal(ps - 1) || _t[ps].Has(TokenFlags.SentenceStart))))
                return (ps, ts - 1);
            return te - ts > MaxSpeakerTokens ? (te, te) : (ts, te);
        }

        /// <summary>"X, an appositive, said": the first comma-separated segment of the clause that looks like a speaker.</summary>
        private (int S, int E) Appositive(int comma, int lo)
        {
            int x = comma - 1;
            // A colon inside a title ("Star Wars: The Phantom Menace") is no boundary.
            while (x >= lo && comma - x < MaxAppositiveReach && !(IsQuoteMark(x) || IsChar(x, ';') || IsChar(x, ':') && !(x > lo && IsCap(x - 1) && x + 1 < comma && IsCap(x + 1))
                   || IsTerminal(x) || IsChar(x, '—'))) x--;
            if (x >= lo && comma - x >= MaxAppositiveReach) return (comma, comma);
            int segStart = x + 1;
            for (int i = segStart; i <= comma; i++)
            {
                if (!IsChar(i, ',')) continue;
                var (ts, te) = TrimSpeaker(segStart, i);
                te = CutRelative(ts, te);
                // Participial openers ("Appearing before supporters, …", "Asked about it, …") are not the subject either.
                bool participle = te > ts && (IngForm(ts) || W(ts).EndsWith("ed", StringComparison.OrdinalIgnoreCase)) && !IsCap(ts + 1 < te ? ts + 1 : ts) && _t[ts].Kind == TokenKind.Word && !_t[ts].Has(TokenFlags.Upper);
                if (te > ts && te - ts <= MaxSpeakerTokens && !participle && !HasCue(ts, te) && LooksLikeSpeaker(ts, te) && !In(ts, Leading) && !In(ts, Prepositions) && !In(ts, RelativePronouns) && !Is(ts, "whose")) return (ts, te);
                segStart = i + 1;
            }
            return (comma, comma);
        }

        private bool HasCue(int s, int e)
        {
            for (int i = s; i < e; i++) if (_t[i].Has(TokenFlags.Lower) && lex.Verb(W(i)) != CueClass.None) return true;
            return false;
        }

        // "some voters who have listened …" → "some voters".
        private int CutRelative(int s, int e)
        {
            for (int i = s + 1; i < e; i++) if (Is(i, "who") || Is(i, "which") || Is(i, "whose")) return i;
            return e;
        }

        /// <summary>The end of a speaker phrase that follows a cue ("said Foreign Minister Sergei Lavrov on Monday").</summary>
        private int ForwardSpeaker(int s, int limit)
        {
            // "…, wrote in a memo": an adjunct after the cue is no speaker.
            if (s < limit && (In(s, Prepositions) || In(s, ForwardStop) || In(s, TimeWords))) return s;
            int e = s;
            while (e < limit && e - s < MaxSpeakerTokens)
            {
                if (IsPunct(e) && !IsChar(e, '\'') && !IsChar(e, '’') && !IsChar(e, '-') && !IsChar(e, '.')) break;
                if (IsChar(e, '.') || IsTerminal(e) || IsQuoteMark(e)) break;
                if (e > s && In(e, ForwardStop) && !_t[e].Has(TokenFlags.Title)) break;
                if (e > s && _t[e].Has(TokenFlags.Lower) && lex.Verb(W(e)) != CueClass.None) break;
                // A verb ends the phrase: a clause on the speaker's noun ("said one musician quoted by the report").
                // (So does an auxiliary: "…, said arts funding should be separate" is a clause, not a speaker.)
                if (e > s && _t[e].Has(TokenFlags.Lower) && _d.Syntax is { } syn && syn.Tags[e] is Upos.VERB or Upos.AUX) break;
                e++;
            }
            return e > s && LooksLikeSpeaker(s, e) ? e : s;
        }

        /// <summary>A dateline: words in capitals that open a paragraph, before a dash or "(AP)" ("NEW YORK — …",
        /// "WASHINGTON (Reuters) -"). A place, not a speaker.</summary>
        private bool Dateline(int s, int e)
        {
            if (e <= s || s >= _t.Length) return false;
            int p = s;
            while (p > 0 && !_t[p].Has(TokenFlags.ParagraphStart) && p > s - 2) p--;
            if (!_t[p].Has(TokenFlags.ParagraphStart) && p != 0) return false;
            int k = p, letters = 0;
            bool caps = true;
            for (; k < _t.Length && k < p + 6; k++)
            {
                if (_t[k].Kind != TokenKind.Word || !char.IsUpper(W(k)[0])) break;
                foreach (char ch in W(k)) { if (char.IsLower(ch)) caps = false; if (char.IsLetter(ch)) letters++; }
            }
            if (letters < 3 || k < e || k >= _t.Length) return false;
            // "Washington (AFP) –": a place and a news agency in brackets, whatever the case.
            if (IsChar(k, '(') && k + 2 < _t.Length && IsChar(k + 2, ')') && W(k + 1).Length is >= 2 and <= 8
                && W(k + 1).ToString().All(ch => char.IsUpper(ch) || ch == '-')) return true;
            bool dash = IsChar(k, '—') || IsChar(k, '–') || IsChar(k, '-');
            // "NEW YORK — …" in capitals; "Brooklyn — …" only when the words are a place.
            if (caps) return dash || IsChar(k, '(') || IsChar(k, ',');
            return dash && EntityAt(p) is var en and >= 0 && _d.Entities[en].Type is EntityType.GPE or EntityType.LOC;
        }

        /// <summary>A plausible speaker: its last word is a name, a pronoun or a speaker noun, or an entity lies inside.</summary>
        private bool LooksLikeSpeaker(int s, int e)
        {
            if (e <= s) return false;
            // A prepositional phrase is an adjunct, never the speaker ("In a Facebook message posted Friday, …").
            if (In(s, Prepositions)) return false;
            if (Dateline(s, e)) return false;
            // A participle opening the sentence is no subject ("Having announced that …").
            if (e - s == 1 && IngForm(s) && _d.Syntax is { } syn && syn.Tags[s] is Upos.VERB or Upos.AUX) return false;
            int h = e - 1;
            // A clause is no noun phrase: "Clarence House staff were at pains to (point out)", "… was reported to",
            // "where social workers (tell)".
            if (Is(h, "to") || In(s, ClauseWh)) return false;
            // A possessive alone is no speaker ("His declared interests include …": "declared" is no cue there either).
            if (In(h, Possessives)) return false;
            if (IsCap(h) && !(h == s && _t[s].Has(TokenFlags.SentenceStart) && In(s, Determiners))) return true;
            // A fraction of a group named before: "(with) nearly a fifth (saying)", "a third", "half".
            if (In(h, Fractions) && h - s <= 2) return true;
            // A share of respondents: "32%", "some 82%", "Forty-three per cent".
            if ((Is(h, "%") || Is(h, "percent") || Is(h, "cent") && h - 1 > s && Is(h - 1, "per")) && IsNumeral(Is(h, "cent") ? h - 2 : h - 1) && h - s <= 3) return true;
            if (_t[h].Kind == TokenKind.Symbol && W(h).StartsWith('@')) return true;
            if (e - s == 1 && (In(h, PersonPronouns) || In(h, OtherPronouns))) return true;
            if (lex.IsSpeakerNoun(W(h))) return true;
            // A short plain noun phrase with a determiner ("the investor", "a 46-year-old"): no punctuation, no cue inside.
            if (e - s <= 5 && In(s, SpeakerDeterminers) && _t[h].Kind == TokenKind.Word && !In(h, Quantifiers))
            {
                bool plain = true;
                // ("the 22-year-old": hyphens inside the words count as word.)
                for (int i = s + 1; i < e && plain; i++) plain = (_t[i].Kind is TokenKind.Word or TokenKind.Number || IsChar(i, '-') && i + 1 < e && i > s + 1) && !In(i, BackStop) && !In(i, Aux) && !In(i, NotInNounPhrase) && lex.Verb(W(i)) == CueClass.None;
                if (plain) return true;
            }
            if (Is(h, "'s") || Is(h, "’s")) return false;
            int cs = _t[s].Start, ce = _t[h].End;
            foreach (var en in _d.Entities) if (en.Start < ce && en.End > cs) return true;
            return false;
        }

        /// <summary>The speaker of a cue at token <paramref name="cue"/>: the phrase the patterns found ([ps, pe), empty when
        /// none) weighed against the subject the parse gives; an empty range when neither finds one.</summary>
        /// <remarks>
        /// Where both find a speaker and the parse's subject lies outside the pattern's phrase, the one nearer the cue on the
        /// subject side wins, a phrase before the cue counting as nearer than one after it; a pattern phrase that is no noun
        /// phrase in the parse ("sponsored by NBC News and said") and a parse subject after the cue with the pattern's before
        /// it decide the other way; a subject the parse borrows from another verb ("…, saying") never overrides a pattern.
        /// A pattern phrase that contains the parse's subject is kept, cut to that subject's noun phrase when it runs over a
        /// verb. Without a syntax layer (a document built by hand) the patterns decide alone.
        /// </remarks>
        private (int S, int E) ChooseSpeaker(int cue, int ps, int pe)
        {
            var (s, e) = ChooseSpeakerRange(cue, ps, pe);
            s = SkipLeadingTime(s, e);
            (s, e) = WholeQuantity(s, e);
            // A phrase that starts inside a name starts with it ("A Department for Education and Skills source": the
            // patterns stop at "and").
            if (e > s && EntityAt(s) is var en and >= 0 && _d.Entities[en].Start < _t[s].Start
                && SentenceOfToken(_d.TokenAt(_d.Entities[en].Start)) == SentenceOfToken(s))
            {
                int es = _d.TokenAt(_d.Entities[en].Start);
                if (es > 0 && In(es - 1, SpeakerDeterminers) && SentenceOfToken(es - 1) == SentenceOfToken(s)) es--;
                s = es;
            }
            return (s, e);
        }

        private (int S, int E) ChooseSpeakerRange(int cue, int ps, int pe)
        {
            if (_d.Syntax is null) return pe > ps ? (ps, pe) : (0, 0);
            int h = ParseSpeaker(cue, out bool borrowed);
            if (pe > ps)
            {
                // A pattern phrase that runs over a verb ("Mr Brown also dismissed the figures insisting …") is cut to the
                // subject the parse finds in it: the cue's own, else the subject of the verb inside the phrase.
                if (h < 0 || h >= ps && h < pe)
                {
                    if (!HasVerb(ps, pe)) return (ps, pe);
                    int sub = h >= 0 ? h : SubjectWithin(ps, pe);
                    // No subject in the parse either ("Leaked documents have suggested ex-Home Secretary David Blunkett
                    // branded …"): the words after the phrase's last verb, when they end in a noun or a name.
                    if (sub < 0)
                    {
                        int lv = pe - 1;
                        while (lv >= ps && !(_d.Syntax!.Tags[lv] is Upos.VERB or Upos.AUX && EntityAt(lv) < 0)) lv--;
                        // (Not a prepositional phrase: in "figures from the Bank of England showed" the "verb" is a noun the
                        // tagger misread.)
                        return lv + 1 < pe && EndsNominal(lv + 1, pe) && !In(lv + 1, Prepositions) ? (lv + 1, pe) : (ps, pe);
                    }
                    var (cs, ce) = ParsePhrase(sub);
                    return (Math.Max(cs, ps), Math.Min(ce, pe));
                }
                bool parseWins = ParseOverrides(cue, ps, pe, h, borrowed);
                var (s, e) = ParsePhrase(h);
                return parseWins ? (s, e) : (ps, pe);
            }
            if (h < 0) return (0, 0);
            var (s2, e2) = ParsePhrase(h);
            return (s2, e2);
        }

        // Whether the parse's subject h overrides a pattern phrase [ps, pe) that does not contain it.
        private bool ParseOverrides(int cue, int ps, int pe, int h, bool borrowed)
        {
            // "…," it was said by the mayor: the agent of a passive cue speaks, its subject does not.
            if (_d.Syntax!.Relations[h] == "obl:agent") return true;
            if (!EndsNominal(ps, pe)) return true;
            if (borrowed) return false;
            bool patternBefore = pe <= cue, parseBefore = h < cue;
            if (patternBefore != parseBefore) return parseBefore;
            if (parseBefore && h >= pe && AppositiveBetween(pe, cue)) return false;
            // "Marc Ostwald, a strategist at Monument Securities told …" (the closing comma missing): the person named
            // before a description the pattern took is the one it describes.
            if (parseBefore && h < ps && ps >= 1 && IsChar(ps - 1, ',') && EntityAt(h) is var en and >= 0 && _d.Entities[en].Type == EntityType.PERSON
                && _d.TokenAt(_d.Entities[en].End - 1) == ps - 2 && !EntityIn(ps, pe, EntityType.PERSON))
                return true;
            // Both on the same side: the nearer to the cue.
            return parseBefore ? h >= pe : h < ps;
        }

        // True when a token of [s, e) lies in an entity of one of the types.
        private bool EntityIn(int s, int e, params EntityType[] types)
        {
            for (int k = s; k < e; k++) if (EntityAt(k) is var en and >= 0 && Array.IndexOf(types, _d.Entities[en].Type) >= 0) return true;
            return false;
        }

        // "X, chair of the judging panel, said": the tokens between the subject and the cue are one comma-enclosed segment
        // (auxiliaries and adverbs may follow it), where the parser often finds a subject of its own.
        private bool AppositiveBetween(int from, int cue)
        {
            int e = cue;
            while (e > from && (In(e - 1, Aux) || IsAdverbLy(e - 1))) e--;
            if (e - from < 3 || !IsChar(from, ',') || !IsChar(e - 1, ',')) return false;
            for (int i = from + 1; i < e - 1; i++) if (IsChar(i, ',') || IsChar(i, ';') || IsQuoteMark(i) || In(i, BackStop)) return false;
            return true;
        }

        // The subject of the first verb of [s, e) that has one inside the range, or -1.
        private int SubjectWithin(int s, int e)
        {
            var syn = _d.Syntax!;
            for (int v = s; v < e; v++)
            {
                if (syn.Tags[v] != Upos.VERB) continue;
                for (int k = s; k < v; k++)
                    if (syn.Heads[k] == v && syn.Relations[k] == "nsubj" && Plausible(k)) return k;
            }
            return -1;
        }

        // A verb or auxiliary outside the names of [s, e): the phrase is a clause, not a noun phrase.
        private bool HasVerb(int s, int e)
        {
            var syn = _d.Syntax!;
            for (int i = s; i < e; i++) if (syn.Tags[i] is Upos.VERB or Upos.AUX && EntityAt(i) < 0) return true;
            return false;
        }

        // A noun phrase ends in a noun, a name, a pronoun or a number (the parse's tags; a name the NER found counts).
        private bool EndsNominal(int s, int e)
        {
            int t = e - 1;
            while (t > s && IsPunct(t)) t--;
            // (A fraction the tagger read as an adverb, "a fifth", or a share, "32%", is nominal too.)
            return _d.Syntax!.Tags[t] is Upos.NOUN or Upos.PROPN or Upos.PRON or Upos.NUM || EntityAt(t) >= 0 || In(t, Fractions) || Is(t, "%");
        }

        // True when actor a's mention inside [first, end), an organisation or a place, starts right after a capitalised word
        // of the phrase that is in no entity, no title and no determiner: the tagger cut a longer name ("The UK Independence
        // Party" to "Party", "Evening Standard" to "Standard").
        private bool FragmentOfName(int first, int end, int a)
        {
            for (int i = first + 1; i < end; i++)
            {
                int en = EntityAt(i);
                if (en < 0 || _d.Entities[en].Actor != a || _d.Entities[en].Start != _t[i].Start) continue;
                // (A person's name after a capitalised word is a title and a name: "Commissioner Joaquin Almunia".)
                if (_d.Entities[en].Type is not (EntityType.ORG or EntityType.GPE)) return false;
                int p = i - 1;
                // (Not when the actor's name holds the word: the actors layer joined "Telegraph" to the "Sunday Telegraph";
                // nor a date before a name, "December Microsoft".)
                if (a < _d.Actors.Count && _d.Actors[a].Name.Contains(W(p), StringComparison.OrdinalIgnoreCase)) return false;
                return IsCap(p) && EntityAt(p) < 0 && !IsTitleWord(p) && !In(p, Determiners) && !_t[p].Has(TokenFlags.SentenceStart)
                       && _t[p].Kind == TokenKind.Word && !In(p, TimeWords) && !In(p, MonthNames);
            }
            return false;
        }

        /// <summary>A share of people as the speaker ("Forty-three per cent thought", "Thirty per cent said", "32% said"):
        /// the number and its "per cent", "percent" or "%" are one phrase, whichever part the parse or the pattern took.</summary>
        private (int S, int E) WholeQuantity(int s, int e)
        {
            if (e <= s || !(QuantityPart(s) || QuantityPart(e - 1))) return (s, e);
            int si = SentenceOfToken(s), ns = s, ne = e;
            while (ns > 0 && QuantityPart(ns - 1) && SentenceOfToken(ns - 1) == si) ns--;
            while (ne < _t.Length && QuantityPart(ne) && SentenceOfToken(ne) == si) ne++;
            for (int i = ns; i < ne; i++)
                if (Is(i, "%") || Is(i, "percent") || Is(i, "cent")) return (ns, ne);
            return (s, e);
        }

        private bool QuantityPart(int i) =>
            IsNumeral(i) || Is(i, "%") || Is(i, "percent") || Is(i, "per") && Is(i + 1, "cent") || Is(i, "cent") && Is(i - 1, "per");

        // A number in digits or words ("32", "Thirty", "Forty-three").
        private bool IsNumeral(int i)
        {
            if (i < 0 || i >= _t.Length) return false;
            if (_t[i].Kind == TokenKind.Number) return true;
            foreach (var part in W(i).ToString().Split('-'))
                if (!NumberWords.Contains(part)) return false;
            return true;
        }

        private static readonly HashSet<string> MonthNames = new(StringComparer.OrdinalIgnoreCase)
        { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" };

        private static readonly HashSet<string> Fractions = new(StringComparer.OrdinalIgnoreCase)
        { "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths" };

        private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
            "sixty", "seventy", "eighty", "ninety", "hundred",
        };

        /// <summary>Sets the speaker text and resolves the speaker actor of a phrase [first, end) in tokens.</summary>
        private void ResolveSpeaker(Quote q, int first, int end)
        {
            // "A statement from X", "a readout by X": the document stands for X.
            for (int i = first; i + 1 < end; i++)
            {
                if (!lex.IsDocNoun(W(i)) || !(Is(i + 1, "from") || Is(i + 1, "by") || Is(i + 1, "of"))) continue;
                if (i + 2 < end) first = i + 2;
                while (first < end && In(first, Determiners)) first++;
                break;
            }
            int cs = _t[first].Start, ce = _t[end - 1].End;
            q.SpeakerStart = cs; q.SpeakerEnd = ce; q.SpeakerText = _d.Slice(cs, ce);

            if (PhraseActor(first, end) is var pa and >= 0)
            {
                // "The UK Independence Party": an organisation the tagger cut out of a longer name is a fragment ("Party"),
                // not the speaker's identity; the text stays, unresolved.
                if (!FragmentOfName(first, end, pa)) q.Speaker = pa;
                return;
            }
            if (end - first == 1 && In(first, PersonPronouns)) { q.Speaker = LastPerson(cs, Is(first, "she") ? NameGender.Female : NameGender.Male); return; }
            if (end - first == 1 && In(first, OtherPronouns) || end - first == 2 && In(first, Determiners) && lex.IsSpeakerNoun(W(first + 1)))
            {
                // "the statement", "the spokesman", "it", "they": the source of the quote just before, when it has one that
                // fits — never a person for "they" or "it" — else no actor (the words stay as the speaker text). Quotes in
                // quotation marks are found before reported speech, so "just before" is by position, not by list order.
                int prev = -1;
                for (int i = 0; i < _d.Quotes.Count; i++)
                {
                    var o = _d.Quotes[i];
                    if (o.Kind == QuoteKind.Social || o.SpeakerStart < 0 || o.Start >= q.Start) continue;
                    if (prev < 0 || o.Start > _d.Quotes[prev].Start) prev = i;
                }
                if (prev < 0 || _d.Quotes[prev].Speaker is not (var a and >= 0)) return;
                bool plural = In(first, PluralPronouns), neuter = Is(first, "it");
                // "the company", "the ministry" (a kind of organisation) and "the officials" (a plural) are no person
                // ("the company claims …" after a wholesaler quoted by name).
                bool noPerson = end - first == 2 && (lex.IsOrganisationNoun(W(first + 1)) || PluralNoun(first + 1));
                if ((plural || neuter || noPerson) && _d.Actors[a].Type == EntityType.PERSON) return;
                // "the host" after a quote of George C Scott is someone else: a description takes the previous source only
                // when it described that source already ("A spokesman for X … the spokesman"), names the kind of
                // organisation it is ("the company" after "Ahold"), or is its document ("the statement").
                if (end - first == 2 && !lex.IsDocNoun(W(first + 1)) && !(noPerson && _d.Actors[a].Type != EntityType.PERSON)
                    && (_d.Quotes[prev].SpeakerText is not { } prevText || !ContainsWord(prevText, W(first + 1))))
                    return;
                q.Speaker = a;
                return;
            }
            q.Speaker = ActorByName(q.SpeakerText);
        }

        private static bool ContainsWord(string text, ReadOnlySpan<char> word)
        {
            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (part.AsSpan().Trim(",.;:'’\"").Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static readonly HashSet<string> ClauseWh = new(StringComparer.OrdinalIgnoreCase) { "where", "when", "why", "how", "whereby" };

        // A plural noun by its lemma ("officials" → "official"; "witness" stays itself).
        private bool PluralNoun(int i) =>
            _d.Syntax is { } syn && syn.Lemmas[i] is { } lemma && W(i).EndsWith("s", StringComparison.OrdinalIgnoreCase)
            && !W(i).Equals(lemma, StringComparison.OrdinalIgnoreCase);

        // Words that end the head of a speaker phrase: the noun before them heads it ("the head of the BCC", "Bob Geldof in July").
        private static readonly HashSet<string> PostModifiers = new(StringComparer.OrdinalIgnoreCase)
        { "of", "for", "from", "at", "in", "with", "on", "by", "to", "who", "which", "whose", "that", "and", "or" };

        /// <summary>The actor a speaker phrase [first, end) names as its speaker, or -1.</summary>
        /// <remarks>
        /// An English noun phrase ends in its head: a phrase ending in a person's name is that person ("Manchester United
        /// winger Cristiano Ronaldo", "Newcastle director of rugby Rob Andrew"); otherwise the word before a post-modifier
        /// ("of", "in", a comma …) heads it, and a name there is the speaker ("Band Aid founder Bob Geldof in July"). A
        /// common noun there speaks for a name only when it is a mouthpiece ("Mr Blair's spokesman", "a Kremlin readout")
        /// or names the kind of organisation the name before it is ("the Labour party", "the US government"); the names that
        /// merely qualify it are not the speaker: "Putin's critics", "a US bank", "James Hardie chairwoman", "the chairman
        /// of Migration Watch UK" have no actor. The NER's types are not trusted to order names: it types parties as people
        /// and people as organisations.
        /// </remarks>
        private int PhraseActor(int first, int end)
        {
            int last = end - 1;
            // Words a pattern phrase may carry after its noun ("Lib Dem spokesman Ed Davey meanwhile", "quoted X as").
            while (last > first && (IsPunct(last) || IsQuoteMark(last) || _d.Syntax is { } syn
                   && syn.Tags[last] is Upos.ADV or Upos.ADP or Upos.PART or Upos.AUX or Upos.SCONJ or Upos.CCONJ && EntityAt(last) < 0)) last--;
            if (EntityAt(last) is var le and >= 0 && _d.Entities[le].Type == EntityType.PERSON && _d.Entities[le].Actor >= 0
                && !In(BeforeTitle(_d.TokenAt(_d.Entities[le].Start) - 1), PostModifiers)) return _d.Entities[le].Actor;
            // The word before the first post-modifier heads the phrase; failing an actor there, the parse's head when the
            // phrase is one constituent ("Lord Butler's report earlier this year into Iraq intelligence": "report"; the
            // parse's head alone is not trusted, it often heads "Culture Secretary Tessa Jowell" with the title).
            int head = last;
            for (int i = first + 1; i <= last; i++)
                if (In(i, PostModifiers) || IsPunct(i)) { head = i - 1; break; }
            int a = ActorAtHead(first, last, head, out bool decided);
            if (a >= 0 || decided) return a;
            int ph = ConstituentHead(first, last + 1);
            return ph >= 0 && ph != head ? ActorAtHead(first, last, ph, out _) : -1;
        }

        // The actor a phrase [first, last] with head token `head` speaks for: a name at the head, else the names before a
        // mouthpiece or organisation noun, or after "a spokesman for"; decided when a name outside the phrase heads it.
        private int ActorAtHead(int first, int last, int head, out bool decided)
        {
            decided = false;
            int he = EntityAt(head);
            if (he >= 0 && _d.Entities[he].Start >= _t[first].Start) return _d.Entities[he].Actor;
            if (he >= 0) { decided = true; return -1; }
            bool voice = lex.IsMouthpiece(W(head)), org = lex.IsOrganisationNoun(W(head));
            if (!voice && !org) return -1;
            int best = -1, bestRank = int.MaxValue;
            // The names before the head ("a Kremlin readout", "Mr Blair's spokesman", "the Labour party").
            for (int i = first; i < head; i++)
            {
                int e = EntityAt(i);
                if (e < 0 || _d.Entities[e].Actor < 0) continue;
                var type = _d.Entities[e].Type;
                if (org && !voice && type is not (EntityType.ORG or EntityType.GPE or EntityType.NORP)) continue;
                int rank = TypeRank(type);
                if (rank < bestRank) { best = _d.Entities[e].Actor; bestRank = rank; }
                i = _d.TokenAt(_d.Entities[e].End - 1);
            }
            // "a spokesman for X", "a statement by X".
            // (A document "for" X is addressed to X: "a telephone memo for Mr Heath" is not Heath's.)
            if (best < 0 && voice && (Is(head + 1, "for") && !lex.IsDocNoun(W(head)) || Is(head + 1, "from") || Is(head + 1, "by") || Is(head + 1, "of")))
            {
                int x = head + 2;
                while (x <= last && (In(x, Determiners) || IsTitleWord(x))) x++;
                if (EntityAt(x) is var xe and >= 0 && _d.Entities[xe].Start == _t[x].Start) best = _d.Entities[xe].Actor;
            }
            decided = true;
            return best;
        }

        // The token before a title that opens a name the tagger left out of it ("for Mr Heath": "for").
        private int BeforeTitle(int i) => i > 0 && IsTitleWord(i) ? i - 1 : i;

        // A courtesy title or an office before a name ("Mr", "Dr.", "President"), as the name normaliser strips them.
        private bool IsTitleWord(int i) =>
            i >= 0 && i < _t.Length && _t[i].Kind == TokenKind.Word && IsCap(i)
            && Dossier.Actors.NameNormalizer.TitleWords.Contains(W(i).ToString().TrimEnd('.').ToLowerInvariant());

        // The one token of [s, e) whose head lies outside it, or -1 (no parse, or the range is not one constituent).
        private int ConstituentHead(int s, int e)
        {
            if (_d.Syntax is not { } syn) return -1;
            int h = -1;
            for (int i = s; i < e; i++)
            {
                if (syn.Heads[i] >= s && syn.Heads[i] < e) continue;
                if (h >= 0) return -1;
                h = i;
            }
            return h;
        }

        // Which entity in a speaker phrase is the speaker: the person before the organisation before the place.
        private static int TypeRank(EntityType t) => t switch
        {
            EntityType.PERSON => 0,
            EntityType.ORG => 1,
            EntityType.GPE => 2,
            EntityType.NORP => 3,
            _ => 4,
        };

        /// <summary>The actor "he" or "she" stands for: the last PERSON mention before an offset, outside quotation marks,
        /// passing over a name that only modifies a noun ("Mike Caudwell, spokesman for Vodafone, said …. "…," he said":
        /// "for Vodafone" is no antecedent, and the tagger had typed it a person) when a person is named before it in the
        /// same sentence.</summary>
        private int LastPerson(int before, NameGender pronoun)
        {
            if (ContinuingSpeaker(before, pronoun) is var cont and >= 0) return cont;
            int modifier = -1;
            int described = NearestDescribedSpeaker(before, pronoun);
            for (int i = _d.Entities.Count - 1; i >= 0; i--)
            {
                var en = _d.Entities[i];
                if (en.End > before || en.Type != EntityType.PERSON || en.Actor < 0) continue;
                if (InsideMarks(en.Start, en.End)) continue;
                // "she" is never a man the name or title shows to be one, nor "he" a woman ("Hillary Clinton … Mr Kaine …
                // she said"); a name the list does not know stays a candidate.
                if (GenderOf(en.Actor) is var g && g != NameGender.Unknown && g != pronoun) continue;
                // A speaker named only by a description stands between ("The BBC spokeswoman said … "…," she said"):
                // "she" is that unnamed spokeswoman, not a person named before her.
                if (en.Start < described) return -1;
                // A name in a prepositional phrase of the pronoun's own clause is not who speaks ("But standing next to
                // Mr Blair he added …").
                if (_d.SentenceAt(en.Start) == _d.SentenceAt(before) && InPrepositionalPhrase(en)) continue;
                if (modifier >= 0 && _d.SentenceAt(en.Start) != _d.SentenceAt(_d.Entities[modifier].Start)) break;
                if (modifier < 0 && ModifiesANoun(en)) { modifier = i; continue; }
                return en.Actor;
            }
            return modifier >= 0 ? _d.Entities[modifier].Actor : -1;
        }

        /// <summary>Where the nearest speaker before <paramref name="before"/> that has no actor but is a person described
        /// without a name ("the spokeswoman", "a party official": nouns marked anonymous) begins, when the pronoun can stand for it; -1 when there is none.</summary>
        private int NearestDescribedSpeaker(int before, NameGender pronoun)
        {
            var near = LatestSpeakerQuote(before);
            if (near is null || near.Speaker >= 0) return -1;
            int last = _d.TokenAt(near.SpeakerEnd - 1);
            var head = W(last);
            if (!lex.IsAnonymous(head)) return -1;
            var g = head.EndsWith("woman", StringComparison.OrdinalIgnoreCase) || head.EndsWith("women", StringComparison.OrdinalIgnoreCase) ? NameGender.Female
                : head.EndsWith("man", StringComparison.OrdinalIgnoreCase) || head.EndsWith("men", StringComparison.OrdinalIgnoreCase) ? NameGender.Male : NameGender.Unknown;
            return g == NameGender.Unknown || g == pronoun ? near.SpeakerStart : -1;
        }

        private Dictionary<int, NameGender>? _genders;

        /// <summary>The sex an actor's titles in the text ("Mrs May") or its name's first word states, or Unknown.</summary>
        private NameGender GenderOf(int actor)
        {
            _genders ??= new();
            if (_genders.TryGetValue(actor, out var g)) return g;
            g = NameGender.Unknown;
            foreach (int m in _d.Actors[actor].Mentions)
            {
                int t = _d.TokenAt(_d.Entities[m].Start);
                if (GivenNames.OfTitle(W(t)) is var inName and not NameGender.Unknown) { g = inName; break; }
                if (t > 0 && GivenNames.OfTitle(W(t - 1)) is var before and not NameGender.Unknown) { g = before; break; }
            }
            if (g == NameGender.Unknown) g = GivenNames.OfFullName(_d.Actors[actor].Name);
            return _genders[actor] = g;
        }

        /// <summary>"He" and "she" once every quote is known: quotes in quotation marks are found before reported speech, so
        /// when a direct quote's pronoun was first resolved the reported speech just before it ("Robin Cook said … "…," he
        /// said") was not yet there to continue. Resolved again in text order; quotes that share the pronoun (a quote and
        /// its continuation) share the answer.</summary>
        public void ResolvePronouns()
        {
            var mentions = _d.Quotes.Where(q => q.SpeakerStart >= 0).Select(q => q.SpeakerStart).Distinct().Order().ToList();
            foreach (int at in mentions)
            {
                int t = _d.TokenAt(at);
                if (t >= _t.Length || _t[t].Start != at || !In(t, PersonPronouns)) continue;
                int actor = LastPerson(at, Is(t, "she") ? NameGender.Female : NameGender.Male);
                foreach (var q in _d.Quotes) if (q.SpeakerStart == at && q.SpeakerEnd == _t[t].End) q.Speaker = actor;
            }
        }

        // The quote whose speaker mention is the last one ending before the position.
        private Quote? LatestSpeakerQuote(int before)
        {
            Quote? last = null;
            foreach (var o in _d.Quotes)
                if (o.SpeakerStart >= 0 && o.SpeakerEnd <= before && (last is null || o.SpeakerStart > last.SpeakerStart)) last = o;
            return last;
        }

        /// <summary>"Mr Neeson said … one figure he would love to portray - Ian Paisley. He said …": the person quoted last
        /// goes on speaking when no person named since is the subject of a clause (Paisley is only an object); -1 otherwise.</summary>
        private int ContinuingSpeaker(int before, NameGender pronoun)
        {
            var last = LatestSpeakerQuote(before);
            if (last is null || last.Speaker < 0 || _d.Actors[last.Speaker].Type != EntityType.PERSON) return -1;
            if (GenderOf(last.Speaker) is var g && g != NameGender.Unknown && g != pronoun) return -1;
            // Not further back than the sentence before the pronoun's, not counting sentences inside quotation marks (the
            // quote that continues the speaker's words: "He said … . "No other minister was involved." He suggested …").
            int gap = 0;
            for (int si = _d.SentenceAt(last.SpeakerStart) + 1; si < _d.SentenceAt(before); si++)
                if (!InsideMarks(_d.Sentences[si].Start, _d.Sentences[si].Start + 1) && !InsideMarks(_d.Sentences[si].End - 2, _d.Sentences[si].End - 1)) gap++;
            if (gap > 0) return -1;
            if (_d.Syntax is not { } syn) return -1;
            foreach (var en in _d.Entities)
            {
                if (en.Start < last.SpeakerEnd || en.End > before || en.Type != EntityType.PERSON || en.Actor == last.Speaker) continue;
                if (InsideMarks(en.Start, en.End)) continue;
                int h = ConstituentHead(_d.TokenAt(en.Start), _d.TokenAt(en.End - 1) + 1);
                if (h >= 0 && syn.Universal(h) is "nsubj") return -1;
            }
            return last.Speaker;
        }

        private static readonly HashSet<string> Possessives = new(StringComparer.OrdinalIgnoreCase) { "his", "her", "its", "their", "our", "my", "your" };

        // A mention whose head is an oblique with a preposition of its own ("next to Mr Blair", "with Mr Smith").
        private bool InPrepositionalPhrase(EntityMention en)
        {
            if (_d.Syntax is not { } syn) return false;
            int h = ConstituentHead(_d.TokenAt(en.Start), _d.TokenAt(en.End - 1) + 1);
            if (h < 0 || syn.Universal(h) is not "obl") return false;
            var sent = _d.Sentences[SentenceOfToken(h)];
            for (int k = sent.FirstToken; k < h; k++) if (syn.Heads[k] == h && syn.Relations[k] == "case") return true;
            return false;
        }

        // A mention whose phrase hangs off a noun ("spokesman for X", "the head of X"): nmod in the parse.
        private bool ModifiesANoun(EntityMention en)
        {
            if (_d.Syntax is not { } syn) return false;
            int h = ConstituentHead(_d.TokenAt(en.Start), _d.TokenAt(en.End - 1) + 1);
            return h >= 0 && syn.Universal(h) is "nmod";
        }
    }
}
