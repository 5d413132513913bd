using Dossier.Documents;

namespace Dossier.Extraction.Quotes;

public sealed partial class QuoteExtractor
{
    // Dependents that are not part of a speaker's noun phrase: clauses, appositions, coordination, punctuation.
    private static readonly HashSet<string> OutsidePhrase = new(StringComparer.Ordinal)
    {
        "acl", "acl:relcl", "appos", "conj", "cc", "punct", "parataxis", "advcl", "advcl:relcl", "ccomp", "xcomp", "dep", "list",
        "discourse", "vocative", "orphan", "reparandum", "obl", "obl:npmod", "obl:tmod", "nmod:tmod", "nmod:npmod", "mark",
    };
    // Pronouns that can be the subject of a reporting verb and stand for a speaker resolved elsewhere.
    private static readonly HashSet<string> SpeakerPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "we", "i", "you", "those", "others", "some", "many", "most", "both" };
    private static readonly HashSet<string> RelativePronouns = new(StringComparer.OrdinalIgnoreCase) { "who", "which", "that" };

    private sealed partial class Run
    {
        /// <summary>The head token of the speaker the parse gives a cue at token <paramref name="cue"/>: the verb's nsubj,
        /// the obl:agent of a passive cue ("it was said by X"), the noun "according to" marks; -1 when the parse gives none
        /// or gives one that cannot speak (inside quotation marks, a word that is not a noun or a pronoun).</summary>
        /// <remarks>A participle, infinitive or conjoined cue with no subject of its own ("…, adding", "refused to say",
        /// "arrived and said") takes the active subject of the verb it depends on, one step up.</remarks>
        private int ParseSpeaker(int cue) => ParseSpeaker(cue, out _);

        /// <inheritdoc cref="ParseSpeaker(int)"/>
        /// <param name="borrowed">True when the subject is the one of the verb the cue depends on.</param>
        private int ParseSpeaker(int cue, out bool borrowed)
        {
            borrowed = false;
            var syn = _d.Syntax;
            if (syn is null) return -1;
            int si = SentenceOfToken(cue);
            if (si < 0) return -1;
            var sent = _d.Sentences[si];
            int h = -1;
            if (Is(cue, "according") && Is(cue + 1, "to"))
            {
                // UD: "According to X" is a case marker of X (According ← case, to ← fixed); a parse that made "according"
                // a verb has X as its obl with case "to".
                if (syn.Relations[cue] == "case" && syn.Heads[cue] > cue + 1) h = syn.Heads[cue];
                else
                    for (int k = cue + 2; k < sent.TokenEnd && h < 0; k++)
                        if (syn.Heads[k] == cue && syn.Universal(k) is "obl" or "nmod") h = k;
                return Plausible(h) ? h : -1;
            }
            int v = cue;
            for (int hop = 0; hop < 3 && v >= 0; hop++)
            {
                int subj = -1, agent = -1, passive = -1;
                for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                {
                    if (syn.Heads[k] != v) continue;
                    var r = syn.Relations[k];
                    // Two subjects ("Its spokesman, Colonel Diallo, said"): the first one a name lies in, else the first.
                    if (r == "nsubj" && (subj < 0 || EntityAt(k) >= 0 && EntityAt(subj) < 0)) subj = k;
                    else if (r == "nsubj:pass") passive = k;
                    else if (r == "obl:agent") agent = k;
                }
                if (hop == 0 && passive >= 0) { h = agent; break; }
                // "voters who said": the relative pronoun stands for the noun the clause modifies, when that noun stands
                // right before it and can speak ("who" is said of people; "a letter from his doctor Friday that says" is
                // the clause of "letter" misattached to "Friday").
                if (subj >= 0 && In(subj, RelativePronouns))
                {
                    int ante = syn.Relations[v] == "acl:relcl" ? syn.Heads[v] : -1;
                    // "who" is said of people: the noun right before ", who" is its antecedent whatever the parse hung the
                    // clause on ("came from a retired teacher, who said …" read as a conjunct of "came").
                    if (ante < 0 && Is(subj, "who") && subj - 2 >= sent.FirstToken && IsChar(subj - 1, ',') && syn.Tags[subj - 2] is Upos.NOUN or Upos.PROPN)
                        ante = subj - 2;
                    bool near = ante >= 0 && (ante == subj - 1 || ante == subj - 2 && IsChar(subj - 1, ','));
                    // (Not a place the parse hung the clause on: "said Nicky Driscoll, 24, from Manchester, who said …".)
                    bool place = ante >= 0 && EntityAt(ante) is var pe and >= 0 && _d.Entities[pe].Type is EntityType.GPE or EntityType.LOC or EntityType.FAC;
                    h = near && !place && (Is(subj, "who") || lex.IsSpeakerNoun(W(ante)) || EntityAt(ante) >= 0) ? ante : -1;
                    // (The noun a relative clause hangs on speaks whatever its own role: "The last question was from a
                    // young child, who said …" makes "child" a predicate, and still the speaker.)
                    return h >= 0 && Plausible(h, predicate: true) ? h : -1;
                }
                // "Rep. Bobby Scott (D-Va.), ranking member of the committee, said": a parse that makes the name the
                // subject of its own apposition ("member" with an nsubj, no copula, a comma between) has the name speak.
                if (subj >= 0 && AppositionSubject(subj, sent) is var named and >= 0) subj = named;
                if (subj >= 0) { h = subj; break; }
                if (agent >= 0) { h = agent; break; }
                // A noun the parse hung before the cue as an object or an adjunct is its misread subject ("The move came
                // after France and Germany vowed …": not "The move"): borrow nothing.
                if (hop == 0 && LeftNominal(v, sent) is var ln and not -1) { h = ln; break; }
                if (syn.Universal(v) is not ("advcl" or "conj" or "xcomp") && !(hop == 0 && CommaParticiple(v))) break;
                v = syn.Heads[v];
                // A verb inside reported content lends no subject: in "Mr Clarke said prosecutions were the first choice
                // and promised …" the parse joins "promised" to "were", whose subject did not promise.
                if (v >= 0 && syn.Universal(v) is "ccomp") { h = -1; break; }
                borrowed = true;
            }
            return Plausible(h) ? h : -1;
        }

        // A noun the parse hangs before verb v as an object or an adjunct: -1 when there is none; its index when it stands
        // right before the verb (only auxiliaries and adverbs between) with no preposition but a subordinator the parser
        // took for one ("after France and Germany vowed") or, before a participle, "with" ("with leader Charles Kennedy
        // saying"); else -2 (a misparse whose subject we cannot tell).
        private int LeftNominal(int v, Sentence sent)
        {
            var syn = _d.Syntax!;
            for (int k = v - 1; k >= Math.Max(sent.FirstToken, v - 6); k--)
            {
                if (syn.Heads[k] != v || syn.Universal(k) is not ("obl" or "obj" or "iobj") || syn.Tags[k] is not (Upos.NOUN or Upos.PROPN)) continue;
                var (_, e) = Subtree(k, sent);
                for (int x = e; x < v; x++) if (!In(x, Aux) && !IsAdverbLy(x)) return -2;
                for (int c = sent.FirstToken; c < k; c++)
                    if (syn.Heads[c] == k && syn.Relations[c] == "case" && !In(c, ClauseOpeners) && !(Is(c, "with") && IngForm(v))) return -2;
                return k;
            }
            return -1;
        }

        private static readonly HashSet<string> ClauseOpeners = new(StringComparer.OrdinalIgnoreCase) { "after", "before", "since", "until", "when", "while", "once" };

        // Token k has a dependent of one of the relations.
        private bool HasRelation(int k, Sentence sent, params ReadOnlySpan<string> relations)
        {
            var syn = _d.Syntax!;
            for (int c = sent.FirstToken; c < sent.TokenEnd; c++)
                if (syn.Heads[c] == k && relations.Contains(syn.Relations[c])) return true;
            return false;
        }

        // The name a parse made the nsubj of the noun in apposition to it (no copula, a comma right before the noun's
        // phrase): -1 when the subject is no such noun.
        private int AppositionSubject(int h, Sentence sent)
        {
            var syn = _d.Syntax!;
            if (syn.Tags[h] is not (Upos.NOUN or Upos.PROPN)) return -1;
            int name = -1;
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
            {
                if (syn.Heads[k] != h) continue;
                if (syn.Universal(k) is "cop") return -1;
                if (syn.Universal(k) is "nsubj" && k < h && name < 0) name = k;
            }
            if (name < 0 || syn.Tags[name] != Upos.PROPN && EntityAt(name) < 0) return -1;
            var (_, ne) = Subtree(name, sent);
            int x = ne;
            while (x < h && IsPunct(x) && !IsChar(x, ',')) x++;
            if (!IsChar(x, ',') && !(ne > 0 && IsChar(ne - 1, ','))) return -1;
            return Plausible(name) ? name : -1;
        }

        // A speaker is a noun, a name or a personal pronoun outside quotation marks.
        private bool Plausible(int h, bool predicate = false)
        {
            if (h < 0 || _d.Syntax is not { } syn) return false;
            if (InsideMarks(_t[h].Start, _t[h].End)) return false;
            // A day the parser took for the subject ("Rep. Gwen Moore said Friday").
            if (In(h, TimeWords)) return false;
            // "… (D-Calif.) last month joked": a time the parser took for the subject.
            if (In(h, TimeUnits) && h > 0 && In(h - 1, TimeDeterminers)) return false;
            // "NEW YORK — Hillary Clinton is calling for …": a dateline the parser took for the subject.
            if (Dateline(h, h + 1)) return false;
            // A predicate is no noun phrase ("Edward Leigh, who is chairman of the committee, warned": not "chairman").
            var sent = _d.Sentences[SentenceOfToken(h)];
            for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                if (!predicate && syn.Heads[k] == h && syn.Universal(k) is "cop" or "nsubj") return false;
            return syn.Tags[h] switch
            {
                Upos.NOUN or Upos.PROPN or Upos.NUM => true,
                Upos.PRON => In(h, SpeakerPronouns),
                _ => EntityAt(h) >= 0,
            };
        }

        /// <summary>The speaker's noun phrase around its head: the head and its dependents that belong to the phrase
        /// (determiners, modifiers, names, possessors, "of" phrases), as one contiguous range, at most
        /// <see cref="MaxSpeakerTokens"/> long (else the name or word the head is).</summary>
        private (int S, int E) ParsePhrase(int h)
        {
            var syn = _d.Syntax!;
            var sent = _d.Sentences[SentenceOfToken(h)];
            var set = new HashSet<int> { h };
            var stack = new Stack<int>();
            stack.Push(h);
            while (stack.Count > 0)
            {
                int x = stack.Pop();
                for (int k = sent.FirstToken; k < sent.TokenEnd; k++)
                {
                    if (syn.Heads[k] != x || set.Contains(k)) continue;
                    // An apposition with no comma between is one name with its title ("House Speaker Paul Ryan" parsed as
                    // "House" and its apposition "Paul Ryan").
                    if (OutsidePhrase.Contains(syn.Relations[k]) && !(syn.Relations[k] == "appos" && k == x + 1 + Between(x, k) && syn.Tags[k] == Upos.PROPN && syn.Tags[x] is Upos.PROPN or Upos.NOUN)) continue;
                    // The head's own preposition is not part of the speaker ("by the mayor", "according to officials").
                    // (Nor a subordinator or conjunction the parse hung on it: "while Mr. Trump has vowed …".)
                    if (x == h && syn.Relations[k] is "case" or "fixed" or "mark" or "cc") continue;
                    // Only "of" phrases and possessors among nominal modifiers: "the head of X", not "officials on Monday".
                    if (syn.Relations[k] == "nmod" && !HasCase(k, sent, "of")) continue;
                    set.Add(k); stack.Push(k);
                }
            }
            int s = h, e = h + 1;
            while (set.Contains(s - 1)) s--;
            while (set.Contains(e)) e++;
            // (Nor a preposition the parse hung on a word of the name: "by Mr Blair" with "by" on "Mr".)
            while (s < e && (IsPunct(s) || IsQuoteMark(s) || s < h && syn.Relations[s] is "case" && In(s, Prepositions))) s++;
            while (e > s && (IsPunct(e - 1) || IsQuoteMark(e - 1))) e--;
            if (e - s <= MaxSpeakerTokens) return (s, e);
            int en = EntityAt(h);
            if (en >= 0) return (_d.TokenAt(_d.Entities[en].Start), _d.TokenAt(_d.Entities[en].End - 1) + 1);
            return (h, h + 1);
        }

        // How many tokens stand between x and k that belong to x's phrase by the parse (its own dependents before k):
        // 0 when k follows x's words directly.
        private int Between(int x, int k)
        {
            var syn = _d.Syntax!;
            int n = 0;
            for (int i = x + 1; i < k; i++)
            {
                if (IsPunct(i) || syn.Heads[i] != x && syn.Heads[i] != k) return -1000;
                n++;
            }
            return n;
        }

        private bool HasCase(int k, Sentence sent, string word) => HasDependent(k, sent, "case", word);

        // Token k has a dependent of the relation that is the word ("case" "of", "mark" "for").
        private bool HasDependent(int k, Sentence sent, string relation, string word)
        {
            var syn = _d.Syntax!;
            for (int c = sent.FirstToken; c < sent.TokenEnd; c++)
                if (syn.Heads[c] == k && syn.Relations[c] == relation && Is(c, word)) return true;
            return false;
        }

        /// <summary>The index of the entity mention covering token <paramref name="t"/>, or -1.</summary>
        private int EntityAt(int t)
        {
            if (t < 0 || t >= _t.Length) return -1;
            int cs = _t[t].Start, ce = _t[t].End;
            for (int i = 0; i < _d.Entities.Count; i++)
            {
                var en = _d.Entities[i];
                if (en.Start >= ce) break;
                if (en.End > cs && en.Start < ce) return i;
            }
            return -1;
        }
    }
}
