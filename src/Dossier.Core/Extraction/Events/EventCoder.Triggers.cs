using Dossier.Documents;

namespace Dossier.Extraction.Events;

// Trigger words, noun/verb tests and CAMEO code selection from the verb patterns.
public sealed partial class EventCoder
{
    private sealed partial class Run
    {
        // ---- triggers ----

        private readonly record struct Trigger(int Start, int End, List<VerbForm> Forms);

        private Trigger? TriggerAt(int i, int clauseEnd)
        {
            if (_v.MentionAt[i] >= 0 || _doc.Tokens[i].Kind != TokenKind.Word) return null;
            var forms = _lex.FormsStartingWith(_v.Low[i]);
            if (forms is null) return null;
            int bestLen = 0;
            List<VerbForm>? best = null;
            foreach (var f in forms)
            {
                if (f.Words.Length < bestLen) break;
                if (i + f.Words.Length > clauseEnd) continue;
                bool ok = true;
                for (int k = 1; k < f.Words.Length && ok; k++) ok = _v.Low[i + k] == f.Words[k];
                if (!ok) continue;
                if (f.Words.Length > bestLen) { bestLen = f.Words.Length; best = new(); }
                best!.Add(f);
            }
            if (best is null || !IsPredicate(i) || NotAVerbHere(i)) return null;
            // "was not going to be impressed": a form ending in "to" before a verb is an infinitive's marker, not the
            // preposition the form means ("going to Moscow").
            if (bestLen > 1 && _v.Low[i + bestLen - 1] == "to" && i + bestLen < _syn.Tags.Length && _syn.Tags[i + bestLen] is Upos.VERB or Upos.AUX)
                return null;
            return new Trigger(i, i + bestLen, best);
        }

        // Vetoes kept from the word-window coder of version 1.0: contexts where the form is a noun, an adjective or a name
        // whatever the tagger says ("its leading activist", "Newly appointed Prime Minister X", "according to"). They only
        // ever remove a trigger.
        private bool NotAVerbHere(int i)
        {
            string w = _v.Low[i];
            string prev = i > 0 ? _v.Low[i - 1] : "";
            if (EventWords.Determiners.Contains(prev)) return true;
            if (w is "according" or "following" or "including" or "regarding" or "concerning") return true;
            if (_doc.Tokens[i].Has(TokenFlags.Title) && !_doc.Tokens[i].Has(TokenFlags.SentenceStart)) return true; // a name
            bool ed = !w.EndsWith("ing", StringComparison.Ordinal) && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal));
            if (!ed) return false;
            if (prev == "than") return true; // "fewer jobs than expected"
            // A participle opening the sentence before a name or noun is an adjective ("Ousted president Aristide",
            // "Newly appointed Prime Minister").
            return i + 1 < _v.Low.Length && (_doc.Tokens[i].Has(TokenFlags.SentenceStart)
                    || (i > 0 && _doc.Tokens[i - 1].Has(TokenFlags.SentenceStart) && prev.EndsWith("ly", StringComparison.Ordinal)))
                && _doc.Tokens[i + 1].Kind == TokenKind.Word && !EventWords.Determiners.Contains(_v.Low[i + 1]);
        }

        // ---- code selection ----

        /// <summary>The CAMEO code chosen for a trigger.</summary>
        /// <param name="FromPattern">A pattern of the dictionary chose it (else the verb's or its block's default).</param>
        /// <param name="Hits">Tokens where the chosen pattern's words after the verb matched (nouns and modifiers).</param>
        private readonly record struct Selection(string Code, string Lemma, bool FromPattern, int[] Hits);

        private Selection? SelectCode(Trigger t, int ci)
        {
            var c = _clauses[ci];
            int postEnd = Math.Min(c.End, t.End + PostWindow);
            // Pattern words may lie in a "that" complement right after the verb ("demand that …").
            if (ci + 1 < _clauses.Count && ThatComplementFollows(ci, t))
                postEnd = Math.Min(_clauses[ci + 1].End, t.End + PostWindow);
            double bestScore = 0;
            string? bestCode = null;
            string lemma = t.Forms[0].Lemma;
            int[] bestHits = [];
            var hits = new List<(int At, bool Prep)>();
            foreach (var f in t.Forms)
                foreach (var p in f.Block.Patterns)
                {
                    hits.Clear();
                    double post = MatchSide(p.Post, t.End, postEnd, post: true, hits);
                    if (post < 0) continue;
                    double pre = MatchSide(p.Pre, Math.Max(c.Start, t.Start - PreWindow), t.Start);
                    if (pre < 0) continue;
                    double score = pre + post + (p.Ours ? 0.25 : 0);
                    if (score <= 0) continue;
                    // A pattern written for another verb of the block ("take part" under "capture", "demand … on" from a
                    // verb of attack) applies only when it says more than one word.
                    // Nor when it matches only before the verb: the subject does not say which verb's sense is meant ("the
                    // Army continues to investigate" is not "the army advances").
                    if (p.Verb.Length > 0 && !SameVerb(p.Verb, f) && (score < MinBorrowedScore || post <= 0)) continue;
                    // Nor when it would move the verb into another family of acts: "convict … of violations" (173) is the
                    // judge's act; "accusing Washington of human rights violations" stays an accusation (11). A pattern that
                    // makes the verb a statement ("declined to comment": 01) or no act may always apply.
                    if (p.Verb.Length > 0 && !SameVerb(p.Verb, f) && (f.Code ?? f.Block.Code) is { Length: >= 2 } own && own != "---"
                        && p.Code.Length >= 2 && p.Code != "---" && !p.Code.StartsWith("01", StringComparison.Ordinal) && own[..2] != p.Code[..2]) continue;
                    if (pre == 0 && !PrepositionsMarkActors(hits, f.Lemma)) continue;
                    // A particle belongs to its own verb: "down" of "seek to play down" does not make "seek" a "hunt down".
                    if (hits.Any(h => _syn.Relations[h.At] == "compound:prt" && _syn.Heads[h.At] != t.Start)) continue;
                    if (score > bestScore || (score == bestScore && bestCode != null && p.Code.Length > bestCode.Length))
                    {
                        bestScore = score; bestCode = p.Code; lemma = f.Lemma;
                        bestHits = hits.Where(h => !h.Prep).Select(h => h.At).ToArray();
                    }
                }
            bool fromPattern = bestCode != null;
            if (bestCode is null)
            {
                // No pattern: the verb's own code, else its block's, preferring the dictionary over our pattern-only blocks. A
                // verb listed twice ("BEAT" among the synonyms of DESTROY [190], and "BEAT [182]" with a code of its own) is
                // coded by the listing that gives it its own code.
                foreach (var f in t.Forms.OrderBy(f => f.Block.Code == "---" ? 1 : 0).ThenBy(f => f.Code is null ? 1 : 0))
                {
                    // A verb of many senses ("take", "join", "go") is not coded through the default of a block named
                    // for another verb: only a pattern says which of its senses is meant.
                    if (f.Code is null && EventWords.GeneralVerb(f.Lemma)) continue;
                    string code = f.Code ?? f.Block.Code;
                    if (code != "---") { bestCode = code; lemma = f.Lemma; break; }
                }
            }
            return bestCode is null ? null : new Selection(bestCode, lemma, fromPattern, bestHits);
        }

        // A pattern that says only a preposition after the verb ("break with", "meet at") speaks of the actor behind it
        // ("broke with Moscow"). Where the parse shows the preposition marking a phrase that names no actor ("broke a lot
        // of crockery with his speech"), the pattern does not apply; an actor named further inside that phrase ("his speech
        // to Congress") is not the one the preposition marks. A particle ("broke off", "packing up") is not checked.
        private bool PrepositionsMarkActors(List<(int At, bool Prep)> hits, string lemma)
        {
            if (hits.Count == 0 || hits.Any(h => !h.Prep)) return true;
            foreach (var (at, _) in hits)
            {
                // "was not going to be impressed": for a verb of many senses the pattern's "to" is an infinitive's marker, not a
                // preposition ("agreed to re-open" keeps the pattern of its own verb).
                if (_syn.Relations[at] == "mark" && _syn.Tags[at] == Upos.PART && EventWords.GeneralVerb(lemma)) return false;
                if (_syn.Relations[at] != "case") continue;
                int noun = _syn.Heads[at];
                if (noun < 0 || TargetIn(noun, MaxTargetDepth) < 0) return false;
            }
            return true;
        }

        // "demanding that Moscow hand over Assad": a "that" clause right after the verb holds its object. A reported clause
        // split after a reporting verb ("said they will release") has verbs of its own and does not count.
        private bool ThatComplementFollows(int ci, Trigger t) =>
            ci + 1 < _clauses.Count && _clauses[ci + 1].Kind == ClauseKind.Complement && _clauses[ci + 1].Opener >= t.End
            && _clauses[ci + 1].Opener <= t.End + 1 && _v.Low[_clauses[ci + 1].Opener] == "that";

        // Ordered match of a pattern side inside [from, to): nouns are required (2 points), modifiers optional (1 point),
        // prepositions required (1 point: they match too easily to weigh like nouns). On the post side the first group must
        // lie near the verb (<see cref="FirstGroupReach"/>), as the object or its preposition would. -1 when a group is missing.
        private double MatchSide(PatternGroup[] groups, int from, int to, bool post = false, List<(int At, bool Prep)>? hits = null)
        {
            double score = 0;
            int pos = from;
            bool first = true;
            foreach (var g in groups)
            {
                if (g.Slot != '\0') continue;
                int found = -1, len = 0;
                int limit = post && first ? Math.Min(to, from + FirstGroupReach) : to;
                for (int j = pos; j < limit && found < 0; j++)
                {
                    if (j < _v.Low.Length && (_v.Low[j] is "." or ";" or "?" or "!")) break;
                    foreach (var alt in g.Alts)
                    {
                        if (j + alt.Length > to) continue;
                        bool ok = true;
                        for (int k = 0; k < alt.Length && ok; k++) ok = _v.Norm[j + k] == alt[k];
                        // A preposition of the pattern is not the "to" of an infinitive of purpose: "flew to visit U.S.
                        // service members" is no "fly to" a place. An infinitive the verb takes as complement is what CAMEO's
                        // "to" means as well ("agreed to meet", "pledged to withdraw").
                        if (ok && alt.Length == 1 && _syn.Tags[j] == Upos.PART && EventWords.Prepositions.Contains(alt[0])
                            && !(_syn.Heads[j] is var inf and >= 0 && _syn.Universal(inf) == "xcomp" && _syn.Heads[inf] is var gov and >= 0
                                 && !EventWords.MotionVerbs.Contains(_syn.Lemmas[gov].ToLowerInvariant()))) ok = false;
                        if (ok) { found = j; len = alt.Length; break; }
                    }
                }
                if (found < 0)
                {
                    if (g.Modifier) continue;
                    return -1;
                }
                first = false;
                bool prep = !g.Modifier && g.Alts.Length == 1 && g.Alts[0].Length == 1 && EventWords.Prepositions.Contains(g.Alts[0][0]);
                score += g.Modifier || prep ? 1 : 2;
                hits?.Add((found, prep));
                pos = found + len;
            }
            return score;
        }

        /// <summary>Least score for a pattern borrowed from another verb of the same block.</summary>
        public const double MinBorrowedScore = 2;

        // The pattern's verb is this lemma, or one of this form's inflections ("laid_down" for lay).
        private static bool SameVerb(string patternVerb, VerbForm f) =>
            patternVerb == f.Lemma || patternVerb.Split('_')[0] == f.Lemma.Split('_')[0] || patternVerb == string.Join('_', f.Words);

        /// <summary>How far after the verb the first post-verb pattern word may lie (object determiner, adjectives, noun).</summary>
        public const int FirstGroupReach = 6;
    }
}
