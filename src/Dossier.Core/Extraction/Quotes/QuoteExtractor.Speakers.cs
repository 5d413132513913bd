using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    private sealed partial class Run
    {
        /// <summary>Trims a candidate speaker [s, e): leading conjunctions and sentence adverbs, trailing auxiliaries and adverbs.</summary>
        private (int S, int E) TrimSpeaker(int s, int e)
        {
            while (e > s && (In(e - 1, Aux) || IsAdverbLy(e - 1) || IsChar(e - 1, ','))) e--;
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
            var (ts, te) = TrimSpeaker(s, e);
            te = CutRelative(ts, te);
            return te - ts > MaxSpeakerTokens ? (te, te) : (ts, te);
        }

        /// <summary>"X, an appositive, said": the first comma-separated segment of the clause that looks like a speaker.</summary>
        private (int S, int E) Appositive(int comma, int lo)
        {
            int x = comma - 1;
            while (x >= lo && comma - x < MaxAppositiveReach && !(IsQuoteMark(x) || IsChar(x, ';') || IsChar(x, ':') || IsTerminal(x) || IsChar(x, '—'))) x--;
            if (x >= lo && comma - x >= MaxAppositiveReach) return (comma, comma);
            int segStart = x + 1;
            for (int i = segStart; i <= comma; i++)
            {
                if (!IsChar(i, ',')) continue;
                var (ts, te) = TrimSpeaker(segStart, i);
                te = CutRelative(ts, te);
                // Participial openers ("Appearing before supporters, …", "Asked about it, …") are not the subject either.
                bool participle = te > ts && (W(ts).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || W(ts).EndsWith("ed", StringComparison.OrdinalIgnoreCase)) && !IsCap(ts + 1 < te ? ts + 1 : ts) && _t[ts].Kind == TokenKind.Word && !_t[ts].Has(TokenFlags.Upper);
                if (te > ts && te - ts <= MaxSpeakerTokens && !participle && !HasCue(ts, te) && LooksLikeSpeaker(ts, te) && !In(ts, Leading) && !In(ts, Prepositions)) return (ts, te);
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
                e++;
            }
            return e > s && LooksLikeSpeaker(s, e) ? e : s;
        }

        /// <summary>A plausible speaker: its last word is a name, a pronoun or a speaker noun, or an entity lies inside.</summary>
        private bool LooksLikeSpeaker(int s, int e)
        {
            if (e <= s) return false;
            int h = e - 1;
            if (IsCap(h) && !(h == s && _t[s].Has(TokenFlags.SentenceStart) && In(s, Determiners))) return true;
            if (_t[h].Kind == TokenKind.Symbol && W(h).StartsWith('@')) return true;
            if (e - s == 1 && (In(h, PersonPronouns) || In(h, OtherPronouns))) return true;
            if (lex.IsSpeakerNoun(W(h))) return true;
            // A short plain noun phrase with a determiner ("the investor", "a 46-year-old"): no punctuation, no cue inside.
            if (e - s <= 5 && In(s, SpeakerDeterminers) && _t[h].Kind == TokenKind.Word && !In(h, Quantifiers))
            {
                bool plain = true;
                for (int i = s + 1; i < e && plain; i++) plain = _t[i].Kind is TokenKind.Word or TokenKind.Number && !In(i, BackStop) && !In(i, Aux) && !In(i, NotInNounPhrase) && lex.Verb(W(i)) == CueClass.None;
                if (plain) return true;
            }
            if (Is(h, "'s") || Is(h, "’s")) return false;
            int cs = _t[s].Start, ce = _t[h].End;
            foreach (var en in _d.Entities) if (en.Start < ce && en.End > cs) return true;
            return false;
        }

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

            int best = -1, bestRank = int.MaxValue;
            foreach (var en in _d.Entities)
            {
                if (en.End <= cs || en.Start >= ce || en.Actor < 0) continue;
                int rank = TypeRank(en.Type);
                if (rank <= bestRank) { best = en.Actor; bestRank = rank; }
            }
            if (best >= 0) { q.Speaker = best; return; }

            if (end - first == 1 && In(first, PersonPronouns)) { q.Speaker = LastPerson(cs); return; }
            if (end - first == 1 && In(first, OtherPronouns) || end - first == 2 && In(first, Determiners) && lex.IsSpeakerNoun(W(first + 1)))
            {
                // "the statement", "the spokesman", "it": the source of the most recent attributed quote.
                for (int i = _d.Quotes.Count - 1; i >= 0; i--)
                    if (_d.Quotes[i].Speaker >= 0 && _d.Quotes[i].Kind != QuoteKind.Social) { q.Speaker = _d.Quotes[i].Speaker; return; }
                return;
            }
            q.Speaker = ActorByName(q.SpeakerText);
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

        /// <summary>The actor of the last PERSON mention before an offset, outside quotation marks.</summary>
        private int LastPerson(int before)
        {
            for (int i = _d.Entities.Count - 1; i >= 0; i--)
            {
                var en = _d.Entities[i];
                if (en.End > before || en.Type != EntityType.PERSON || en.Actor < 0) continue;
                if (InsideMarks(en.Start, en.End)) continue;
                return en.Actor;
            }
            return -1;
        }
    }
}
