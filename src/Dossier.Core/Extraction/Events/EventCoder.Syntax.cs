using Dossier.Actors;
using Dossier.Documents;

namespace Dossier.Extraction.Events;

// Who acts on whom, read from the dependency tree (the syntax layer): the subject or passive agent of a verbal trigger,
// its object or governed oblique, and how an actor mention, a pronoun or a description ("the Turkish government") maps
// onto a tree node.
public sealed partial class EventCoder
{
    /// <summary>Longest chain of governing verbs followed to find a subject UD leaves to another verb (xcomp, conj, advcl).</summary>
    public const int MaxSubjectChain = 6;

    private sealed partial class Run
    {
        private SyntaxLayer _syn = null!;
        private int _sFirst, _sEnd;
        // The current sentence's dependents by head, in text order: those of token t are
        // _kids[_kidStart[t - _sFirst] .. _kidStart[t - _sFirst + 1]). Rebuilt per sentence, buffers reused.
        private int[] _kidStart = new int[64], _kids = new int[64];

        private void EnterSentence(Sentence s)
        {
            _sFirst = s.FirstToken; _sEnd = s.TokenEnd;
            int n = _sEnd - _sFirst;
            if (_kidStart.Length < n + 2) { _kidStart = new int[n + 2]; _kids = new int[n + 1]; }
            Array.Clear(_kidStart, 0, n + 2);
            for (int i = _sFirst; i < _sEnd; i++)
                if (InSentence(_syn.Heads[i])) _kidStart[_syn.Heads[i] - _sFirst + 2]++;
            for (int k = 2; k < n + 2; k++) _kidStart[k] += _kidStart[k - 1];
            for (int i = _sFirst; i < _sEnd; i++)
                if (InSentence(_syn.Heads[i])) _kids[_kidStart[_syn.Heads[i] - _sFirst + 1]++] = i;
        }

        private bool InSentence(int t) => t >= _sFirst && t < _sEnd;

        // ---- the tree ----

        private ReadOnlySpan<int> Kids(int head) =>
            InSentence(head) ? _kids.AsSpan(_kidStart[head - _sFirst], _kidStart[head - _sFirst + 1] - _kidStart[head - _sFirst]) : [];

        private List<int> KidList(int head) => [.. Kids(head)];

        private int Kid(int head, string relation)
        {
            foreach (int k in Kids(head)) if (_syn.Relations[k] == relation) return k;
            return -1;
        }

        // A "mark" dependent of node (a complementizer or infinitive "to") whose word satisfies the test.
        private bool HasMark(int node, Func<string, bool> word) => HasKid(node, k => _syn.Relations[k] == "mark" && word(_v.Low[k]));

        private bool HasKid(int head, Func<int, bool> ok)
        {
            foreach (int k in Kids(head)) if (ok(k)) return true;
            return false;
        }

        // The universal part of a token's relation is <paramref name="universal"/> ("nmod" for "nmod:poss").
        private bool Is(int i, string universal) => _syn.Universal(i).SequenceEqual(universal);

        /// <summary>The word of a case marker under <paramref name="noun"/> ("by", "on", "'s"), lower case, or null.</summary>
        private string? CaseOf(int noun)
        {
            // With two case words hung on one noun (a broken parse: "a member of the Al-Aqsa Martyrs Brigades in a refugee
            // camp in Nablus" with "of" on "Nablus"), the one nearest the noun marks it.
            int c = -1;
            foreach (int k in Kids(noun))
                if (_syn.Relations[k] == "case" && k < noun && k > c) c = k;
            if (c < 0) c = Kid(noun, "case");
            if (c >= 0) return _v.Low[c];
            // "from the Asian Development Bank" with "from" hung on "Development": the phrase's first word marks it.
            int left = Leftmost(noun);
            return left < noun && _syn.Relations[left] == "case" ? _v.Low[left] : null;
        }

        // True when following heads from the trigger reaches the root: folding a hyphenated word ("HTS-held") into one
        // token can close a cycle, and then the tree says nothing reliable about the words on it.
        private bool Rooted(int p)
        {
            int x = p;
            for (int n = 0; n <= _sEnd - _sFirst; n++)
            {
                int h = _syn.Heads[x];
                if (h < 0) return true;
                if (h < _sFirst || h >= _sEnd) return false;
                x = h;
            }
            return false;
        }

        // True when <paramref name="x"/> lies in the subtree of <paramref name="p"/>.
        private bool Under(int x, int p)
        {
            for (int n = 0; n <= _sEnd - _sFirst && x >= 0; n++)
            {
                if (x == p) return true;
                x = _syn.Heads[x];
            }
            return false;
        }

        // A form of be, have, do or get tagged as a main verb: its subject is, as often as not, the subject of the
        // participle after it ("Russia had for years assisted …"), so an actor attached to it contradicts nothing.
        private bool AuxLike(int v) =>
            _syn.Tags[v] == Upos.AUX || _syn.Lemmas[v] is "be" or "have" or "do" or "get";

        // ---- the trigger as a predicate ----

        /// <summary>True when the parse reads token <paramref name="i"/> as a verb heading a clause (not "a heavily guarded
        /// parliament", "according to", "the attack").</summary>
        private bool IsPredicate(int i)
        {
            // "Libya must hand over …" with "hand" tagged a noun: a word with an auxiliary and no copula heads a verbal
            // clause whatever its tag (a nominal predicate has its copula: "must be a partner").
            if (_syn.Tags[i] != Upos.VERB)
                return _syn.Tags[i] is Upos.NOUN or Upos.ADJ && HasKid(i, k => _syn.Relations[k] == "aux") && !HasKid(i, k => _syn.Relations[k] == "cop");
            var rel = _syn.Universal(i);
            if (rel is "root" or "ccomp" or "xcomp" or "advcl" or "conj" or "parataxis" or "acl" or "csubj" or "dep" or "list") return true;
            // Any other relation (amod, compound, case …) makes it a modifier, unless the parse gave it the parts of a
            // clause of its own ("since being granted asylum": aux:pass and mark under a word labelled amod).
            return HasKid(i, k => _syn.Relations[k] is "nsubj" or "nsubj:pass" or "aux" or "aux:pass" or "mark");
        }

        // -ing forms, "to" infinitives and "being/having" + participle have no tense: their subject is left to the clause
        // that governs them.
        private bool NonFinite(int p) =>
            _v.Low[p].EndsWith("ing", StringComparison.Ordinal)
            || HasKid(p, k => (_syn.Relations[k] == "mark" && _v.Low[k] == "to")
                              || (_syn.Relations[k] is "aux" or "aux:pass" && _v.Low[k] is "being" or "having" or "to"));

        private bool PastParticiple(int p)
        {
            string w = _v.Low[p];
            return !w.EndsWith("ing", StringComparison.Ordinal) && w != _syn.Lemmas[p].ToLowerInvariant()
                   && !(w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal));
        }

        /// <summary>True when the parse makes the trigger passive: a passive subject or auxiliary, or a participle that
        /// modifies a noun ("the convoy attacked near Homs"; with an object or a complement clause of its own it is a verb
        /// the parser hung on its subject: "The Sudanese Armed Forces (SAF) blamed the RSF").</summary>
        private bool ParsePassive(int p) =>
            HasKid(p, k => _syn.Relations[k] == "aux:pass")
            || (HasKid(p, k => _syn.Relations[k] == "nsubj:pass") && PastParticiple(p) && !HasKid(p, k => _syn.Relations[k] == "aux" && _syn.Lemmas[k] == "have"))
            // ("a U.S. citizen held hostage by insurgents": "hostage" says what the one held is, it is no object.)
            || (_syn.Relations[p] == "acl" && PastParticiple(p) && !NonFinite(p) && Kid(p, "ccomp") < 0
                && (Kid(p, "obj") is var o && (o < 0 || _v.Low[o] is "hostage" or "captive" or "prisoner")))
            || MisreadRelative(p)
            // "were held for three years, accused of al-Qaeda links": a participle joined to a passive verb, with no
            // subject or auxiliary of its own, shares its voice.
            || (_syn.Universal(p) == "conj" && PastParticiple(p) && _syn.Heads[p] is var first and >= 0 && first < p
                && HasKid(first, k => _syn.Relations[k] == "aux:pass")
                && !HasKid(p, k => _syn.Relations[k] is "nsubj" or "nsubj:pass" or "aux" or "aux:pass" or "obj"))
            // "An American soldier died in …", "three troops perished": the one who dies is who the act befell (CAMEO's DIE
            // block codes 190 on the subject), never who did it.
            || _syn.Lemmas[p] is "die" or "perish" or "succumb";

        // "the four Americans killed in the attack might have been saved", "Palestinians charged with collaborating … are on
        // death row": a participle right after its noun, read by the parser as the noun's verb, when the sentence's real verb
        // follows with no subject of its own (or the participle's clause stands where a noun does). The noun is who it
        // befell: the participle is a reduced relative, a passive.
        private bool MisreadRelative(int p)
        {
            if (_syn.Tags[p] != Upos.VERB || !PastParticiple(p) || NonFinite(p)) return false;
            int subj = Kid(p, "nsubj");
            if (subj != p - 1) return false;
            // ("held hostage": the noun is a predicate of the one held, not an object.)
            if (HasKid(p, k => _syn.Relations[k] is "aux" or "aux:pass" or "iobj" or "ccomp" or "xcomp" or "cop" or "expl"
                               || (_syn.Relations[k] == "obj" && _v.Low[k] is not ("hostage" or "captive" or "prisoner")))) return false;
            if (_syn.Universal(p) is "nsubj" or "obj" or "obl") return true;
            int head = _syn.Heads[p];
            // "eight foreigners and two Afghans killed", "freed one German and four Afghans held hostage": a counted noun
            // joined to a noun (or to a verb's object) with its participle read as a second clause. The noun is a victim
            // listed beside others, not one who acts.
            if (_syn.Universal(p) == "conj" && head >= 0 && Kid(p, "cc") is var cc and >= 0 && cc < subj
                && Enumerable.Range(cc + 1, subj - cc - 1).Any(j => _syn.Tags[j] == Upos.NUM)
                && (_syn.Tags[head] is Upos.NOUN or Upos.PROPN || HasKid(head, k => _syn.Universal(k) == "obj" && k < cc)))
                return true;
            for (int q = p + 1; q < _sEnd; q++)
            {
                int h = _syn.Heads[q];
                if (h != p && (h != head || head < 0)) continue;
                if (_syn.Universal(q) is not ("advcl" or "conj" or "ccomp" or "parataxis") || !IsPredicateWord(q) && _syn.Tags[q] != Upos.VERB) continue;
                if (!HasKid(q, k => _syn.Relations[k] is "aux" or "aux:pass" or "cop")) continue;
                if (HasKid(q, k => _syn.Relations[k] is "nsubj" or "nsubj:pass" or "expl" or "cc" or "mark" or "csubj")) continue;
                return !Crosses(p, q);
            }
            return false;
        }

        // ---- subjects ----

        /// <summary>The actors the parse makes the subject of predicate <paramref name="p"/> (for a passive: its patient);
        /// empty when the subject is not an actor ("a dispute … broke out"); null when the parse names no subject.</summary>
        private int[]? ParseSubject(int p, int depth)
        {
            // Pronouns and relative clauses call back in here from another node; the guard bounds that on any tree.
            if (depth > MaxSubjectChain || _nesting > 2 * MaxSubjectChain) return null;
            _nesting++;
            try { return ParseSubjectCore(p, depth); }
            finally { _nesting--; }
        }

        private int _nesting;

        private int[]? ParseSubjectCore(int p, int depth)
        {
            int subj = SubjectKid(p, "nsubj:pass");
            if (subj >= 0) return WithConjuncts(subj, t => ActorAt(t, p, target: false));
            int g = _syn.Heads[p];
            if (g < 0 || Crosses(g, p)) return null;
            var rel = _syn.Universal(p);
            if (rel is "xcomp")
            {
                // "The U.S. military says fighting … has left four militants dead": a verb of saying controls no infinitive
                // or gerund; the parser misread what was said.
                // ("He is said to have discussed …" raises its subject, and stands.)
                if (EventWords.SayVerbs.Contains(_v.Low[g]) && !HasKid(g, k => _syn.Relations[k] is "nsubj:pass" or "aux:pass")) return [];
                // "Britain asked Iran to release …": an object of the governing verb controls the infinitive; else its subject.
                foreach (int k in Kids(g))
                    if (k < p && _syn.Relations[k] is "obj" or "iobj") return WithConjuncts(k, t => ActorAt(t, p, target: false));
                return SubjectActors(g, depth + 1);
            }
            // "Russia attacked and occupied Crimea": the second conjunct shares the first one's subject. Only verbs joined
            // by a conjunction: a bare comma between verbs is as often a misread clause boundary.
            if (rel is "conj")
                return _syn.Tags[g] == Upos.VERB && g < p && HasKid(p, k => _syn.Relations[k] == "cc") ? SubjectActors(g, depth + 1) : null;
            if (rel is "acl")
            {
                if (_syn.Relations[p] == "acl:relcl") return Actors(ActorAt(g, p, target: false));
                if (AdverbialOnObject(p) is var verb and >= 0) return SubjectActors(verb, depth + 1);
                // "fighters loyal to X attacking the base" / "the convoy attacked near Homs": the noun is the subject (the
                // patient of a participle); "a toolbox to combat downturns" names no one who would act.
                return NonFinite(p) && !_v.Low[p].EndsWith("ing", StringComparison.Ordinal) ? [] : Actors(ActorAt(g, p, target: false));
            }
            if (NonFinite(p))
            {
                // "accused the army of attacking …", "assailed Ukraine for holding joint exercises": the object of the governing
                // verb does what it is accused or blamed for.
                // Not when the object is no one ("taking heat for not condemning …": the subject is).
                bool of = HasMark(p, w => w == "of");
                bool forMark = !of && HasMark(p, w => w == "for");
                if ((of || forMark) && Kid(g, "obj") is var acc and >= 0 && acc < p && (of || ActorAt(acc, p, target: false) >= 0))
                    return WithConjuncts(acc, x => ActorAt(x, p, target: false));
                // "in bombarding …", "since being granted asylum": the subject of the clause it hangs under.
                int v = g;
                for (int n = 0; n < MaxSubjectChain && v >= 0 && !IsPredicateWord(v); n++) v = _syn.Heads[v];
                return v >= 0 && IsPredicateWord(v) ? SubjectActors(v, depth + 1) : null;
            }
            return null;
        }

        // The subject dependent of p ("nsubj", or also <paramref name="passive"/>). UD gives a clause one subject; the parse
        // sometimes gives two. "The minister, who visited Ankara": the noun is preferred to the relative pronoun. "Rebels of
        // Hayat Tahrir al-Sham stormed …" read as two subjects ("of" taken for a marker): one noun phrase split in pieces,
        // so the first piece that stands for an actor is the subject. -1 when there is none.
        private int SubjectKid(int p, string? passive = null)
        {
            int subj = -1, count = 0;
            foreach (int k in Kids(p))
            {
                if (_syn.Relations[k] != "nsubj" && _syn.Relations[k] != passive) continue;
                count++;
                if (subj < 0 || (IsRelative(subj) && !IsRelative(k))) subj = k;
            }
            if (count < 2 || IsRelative(subj) || ActorAt(subj, p, target: false) >= 0) return subj;
            // The parser may give a verb a second subject that is only where ("a suicide bomb attack in northwestern Pakistan
            // has killed …" with "Pakistan" made a subject): a name after a preposition of place is not taken.
            foreach (int k in Kids(p))
                if ((_syn.Relations[k] == "nsubj" || _syn.Relations[k] == passive) && !IsRelative(k) && !AfterPlacePreposition(k)
                    && ActorAt(k, p, target: false) >= 0)
                    return k;
            return subj;
        }

        // The token at <paramref name="first"/> follows a preposition of place, directly or past a word of direction ("in
        // Turkey", "in northwestern Pakistan").
        private bool AfterPlacePreposition(int first)
        {
            int before = first - 1;
            if (before > _sFirst && EventWords.DirectionWords.Contains(_v.Low[before])) before--;
            return before >= _sFirst && _syn.Tags[before] == Upos.ADP && _v.Low[before] is "in" or "at" or "near" or "inside" or "across" or "from";
        }

        /// <summary>Prepositions that open an adverbial -ing clause ("in bombarding", "after meeting", "by attacking").</summary>
        private static readonly HashSet<string> AdverbialMarks = new(StringComparer.Ordinal)
            { "in", "by", "after", "before", "while", "when", "since", "without", "through", "upon", "on" };

        // "Russia had for years assisted the Syrian Army in bombarding …" with "in bombarding" hung on "Army": an -ing
        // clause opened by a preposition on the object of a verb is the verb's adverbial misattached (a noun takes such
        // a clause only through "of": "the cost of bombarding"). Returns the verb, or -1.
        private int AdverbialOnObject(int p)
        {
            if (!_v.Low[p].EndsWith("ing", StringComparison.Ordinal)
                || !HasKid(p, k => _syn.Relations[k] == "mark" && AdverbialMarks.Contains(_v.Low[k]))) return -1;
            int noun = _syn.Heads[p];
            if (noun < 0 || _syn.Universal(noun) is not ("obj" or "iobj" or "obl")) return -1;
            int verb = _syn.Heads[noun];
            return verb >= 0 && verb < p && _syn.Tags[verb] == Upos.VERB && !Crosses(verb, p) ? verb : -1;
        }

        // A semicolon, colon or dash between two words: an arc across it joins what are usually two sentences, and the
        // parser's coordination and control across it are not to be trusted ("…was led by X; Russia sent a team").
        private bool Crosses(int a, int b)
        {
            int from = Math.Min(a, b) + 1, to = Math.Max(a, b);
            for (int j = from; j < to; j++) if (_v.Low[j] is ";" or ":" or "—" or "–") return true;
            return false;
        }

        private bool IsPredicateWord(int v) => _syn.Tags[v] is Upos.VERB || (_syn.Tags[v] is Upos.ADJ or Upos.NOUN && HasKid(v, k => Is(k, "nsubj")));

        private bool IsRelative(int t) => _syn.Tags[t] == Upos.PRON && _v.Low[t] is "who" or "which" or "that" or "whom";

        /// <summary>The subject actors of <paramref name="p"/> from the parse, else (where the parse is silent and the verb
        /// may carry a subject of its own) from the clause heuristics, minus any the parse contradicts.</summary>
        private int[] SubjectActors(int p, int depth)
        {
            var parsed = ParseSubject(p, depth);
            if (parsed != null) return parsed;
            if (!MayHaveOwnSubject(p)) return [];
            // "parishioners killed at a South Carolina church": a participle right after a noun and followed by a
            // preposition is a reduced passive; the noun is who it befell, and no one earlier in the text did it.
            if (ReducedPassive(p)) return [];
            int ci = ClauseOf(p);
            if (ci < 0) return [];
            return SubjectOf(ci, p).Where(a => !ContradictsSubject(a, p)).ToArray();
        }

        private bool ReducedPassive(int p) =>
            p > _sFirst && p + 1 < _sEnd && _v.Low[p].EndsWith("ed", StringComparison.Ordinal)
            && _syn.Tags[p - 1] == Upos.NOUN && _v.MentionAt[p - 1] < 0 && _syn.Tags[p + 1] == Upos.ADP && _v.Low[p + 1] != "by";

        // A verb with tense in a main, complement or coordinated clause whose subject the parser did not attach, or any verb
        // on a broken tree: the clause heuristics may name its subject. An infinitive or participle may not.
        private bool MayHaveOwnSubject(int p)
        {
            if (!Rooted(p) || (_syn.Heads[p] >= 0 && Crosses(_syn.Heads[p], p))) return true;
            if (NonFinite(p)) return false;
            return _syn.Universal(p) is "root" or "ccomp" or "conj" or "parataxis" or "dep" or "list"
                   || (_syn.Universal(p) is "advcl" && HasKid(p, k => _syn.Relations[k] == "mark"));
        }

        private int ClauseOf(int t)
        {
            for (int c = 0; c < _clauses.Count; c++) if (_clauses[c].Start <= t && t < _clauses[c].End) return c;
            return -1;
        }

        // An actor the heuristics name that the parse places elsewhere: the object of this verb, or the subject or object
        // of another verb outside this one's clause ("Russia said Ukraine attacked": Russia belongs to "said").
        private bool ContradictsSubject(int actor, int p)
        {
            int m = -1;
            for (int j = p - 1; j >= _sFirst; j--)
                if (_v.MentionAt[j] >= 0 && _v.Mentions[_v.MentionAt[j]].Actor == actor) { m = _v.MentionAt[j]; break; }
            if (m < 0) return false; // named through a pronoun, a title or an earlier clause: nothing to compare
            // "In Turkey Minister Ellwood met …" (no comma, the parse lost the phrase): a place right after a preposition of
            // place is where, not who.
            if (AfterPlacePreposition(_v.Mentions[m].First)) return true;
            int h = HeadOf(m);
            var rel = _syn.Universal(h);
            int v = _syn.Heads[h];
            if (v == p) return rel is "obj" or "iobj" or "obl";
            // Behind a preposition ("a minefield explosion near the town of Samarra"), unless it says whose the subject
            // noun is ("rebels of HTS", "the new rulers in Damascus").
            if (rel is "nmod" or "obl" && CaseOf(h) is { } cw && _syn.Relations[h] != "nmod:poss")
                return !(v >= 0 && (cw is "of" or "from" && EventWords.KindOf(_v.Low[v], _v.Norm[v]) == AgentKind.Agent || cw == "in" && StateAgentAt(v)));
            if (v < 0 || !(rel is "nsubj" or "csubj" or "obj" or "iobj" || _syn.Relations[h] == "obl:agent")) return false;
            return !AuxLike(v) && !Under(v, p);
        }

        // The actor of "X-led" ("U.S.-led forces"), whether the tokenizer kept the word whole or the parser split it.
        private int LedBy(int k)
        {
            if (_v.Low[k].EndsWith("-led", StringComparison.Ordinal)) return _v.MentionAt[k] is var m and >= 0 ? _v.Mentions[m].Actor : -1;
            if (_v.Low[k] != "led" || !Hyphenated(k)) return -1;
            foreach (int x in Kids(k))
                if (x < k && _v.MentionAt[x] is var xm and >= 0) return _v.Mentions[xm].Actor;
            return -1;
        }

        // A noun of people or bodies that act for a state: "the new rulers in Damascus" are Syria's, "police in Santiago"
        // Chile's; "insurgents in Iraq", "residents of …" and "attacks in Ramadi" are only somewhere.
        private bool StateAgentAt(int v) =>
            EventWords.KindOf(_v.Low[v], _v.Norm[v]) == AgentKind.Agent && !EventWords.NonStateAgents.Contains(_v.Norm[v]);

        private int HeadOf(int mention) => _syn.SpanHead(_v.Mentions[mention].First, _v.Mentions[mention].End);

        // ---- objects ----

        /// <summary>Case words that may mark a verb's target ("spoke to", "clashed with", "sanctions on").</summary>
        private static readonly HashSet<string> TargetCases = new(StringComparer.Ordinal)
            { "against", "on", "upon", "with", "to", "toward", "towards", "into" };

        // Target case words the trigger's dictionary blocks use in their patterns ("meet … with", "impose ban on").
        private HashSet<string> LicensedCases(Trigger t, string code = "")
        {
            // "with", "to" and "against" mark the other party of nearly every event verb ("met with", "apologized to",
            // "protested against"); the others only where the verb's patterns use them ("sanctions on", "moved toward").
            var set = new HashSet<string>(["with", "to", "against"], StringComparer.Ordinal);
            // "sought support from the ADB", "demanded compensation from Bosch": an appeal or demand is made of that one.
            if (code.Length >= 2 && code[..2] is "02" or "10") set.Add("from");
            foreach (var f in t.Forms)
                foreach (var w in f.Block.Prepositions)
                    if (TargetCases.Contains(w)) set.Add(w);
            return set;
        }

        /// <summary>The parse's reading of the trigger's object side.</summary>
        /// <param name="Targets">Actors the object, indirect object or a licensed oblique names.</param>
        /// <param name="Thing">The verb has an object that names no actor and no people or place, and the pattern that
        /// chose the code did not match inside it ("broke a lot of crockery").</param>
        /// <param name="Silent">The parse names no object at all: the clause heuristics may.</param>
        private readonly record struct ObjectSide(List<int> Targets, bool Thing, bool Silent);

        /// <summary>How far after a preposition the parse may have hung the name it governs (title words before it).</summary>
        private const int MaxNameReach = 6;

        private ObjectSide Objects(int p, Trigger t, Selection sel)
        {
            var targets = new List<int>();
            // Only a nominal is an object: a "that" or a verb the parser labelled obj is a misread complement. A name hung on
            // the verb as an oblique with no preposition ("ordered Carlos Menem to appear") is its object misread.
            var objects = KidList(p).Where(k => (_syn.Relations[k] is "obj" or "iobj" && Nominal(k))
                || (Is(k, "obl") && CaseOf(k) is null && _v.MentionAt[k] >= 0 && !_v.Mentions[_v.MentionAt[k]].Modifier
                    && Leftmost(k) == t.End)).ToList();
            // UD gives a verb one direct object. Of several the parser hung on it, the first after the verb is the object;
            // one before it is a misread complementizer ("said … that Bamako will not take orders"), one further on belongs
            // to a verb the parser missed ("who visited Ankara in March, met Erdogan").
            if (objects.Count(k => _syn.Relations[k] == "obj") > 1)
            {
                int keep = objects.FirstOrDefault(k => _syn.Relations[k] == "obj" && k > p, -1);
                if (keep < 0) keep = objects.First(k => _syn.Relations[k] == "obj");
                objects.RemoveAll(k => _syn.Relations[k] == "obj" && k != keep);
            }
            // "attacked and occupied Crimea": UD hangs the shared object on the second verb.
            if (objects.Count == 0)
                foreach (int c in Kids(p))
                    if (_syn.Relations[c] == "conj" && c > p && c <= t.End + 1 && _syn.Tags[c] == Upos.VERB)
                        objects.AddRange(KidList(c).Where(k => _syn.Relations[k] == "obj" && Nominal(k)));
            bool thing = false;
            bool patternOnObject = false;
            // "sought support from the ADB": an appeal or demand is made of that one.
            bool from = sel.Code[..2] is "02" or "10";
            foreach (int o in objects)
            {
                // What is discussed is no counterpart ("went on to discuss his opposition to the re-settlement of Syrian
                // refugees"): a consultation's object is its target only when it is an actor, its owner ("visited Kenya's biggest
                // shantytown") or the counterpart of talks or a visit ("held talks with Blair"). A cooperative act on a
                // thing ("supporting a ban on Syrian refugees", "agreed a deal on Syria") is not done to whom the thing is on;
                // yielding (08) is: "lifted the ban on Sweden" eases Sweden.
                bool consult = sel.Code.StartsWith("04", StringComparison.Ordinal);
                var found = WithConjuncts(o, x => consult && EventWords.NounCode(_v.Norm[x], null) is not ['0', '4', ..]
                    ? ConsultedIn(x) : TargetIn(x, 0, from, cooperative: sel.Code[..2] is "02" or "03" or "04" or "05" or "06" or "07",
                        reactionTo: sel.Code[..2] is "05" or "11" or "12" && ReactionVerb(t)));
                targets.AddRange(found);
                bool hit = sel.Hits.Any(h => Under(h, o));
                patternOnObject |= hit;
                if (found.Length == 0 && IsThing(o, sel, t)) thing = true;
            }
            // A verb with no object ("spoke to X", "clashed with X"), or one whose object the pattern names ("imposed
            // sanctions on X"), takes its target from an oblique whose case word its dictionary entry uses.
            bool named = objects.Count > 0;
            if (objects.Count == 0 || patternOnObject)
            {
                var licensed = LicensedCases(t, sel.Code);
                foreach (int k in Kids(p))
                {
                    if (!Is(k, "obl") || _syn.Relations[k] == "obl:agent") continue;
                    int noun = k;
                    string? cw = CaseOf(k);
                    // "spoken to Syria's … President" read as "to" (obl) governing "Syria" (obj): the preposition and its noun
                    // inverted; the noun under the preposition is the oblique.
                    if (_syn.Tags[k] == Upos.ADP && cw is null)
                    {
                        foreach (int x in Kids(k))
                            if (x > k && _syn.Universal(x) is "obj" or "obl" or "nmod" && Nominal(x)) { noun = x; cw = _v.Low[k]; break; }
                        // "spoke to German Chancellor Gerhard Schroeder" with the name hung under "German": the first name
                        // of an actor under the preposition is its noun.
                        if (cw is null)
                            for (int x = k + 1; x < _sEnd && x <= k + MaxNameReach; x++)
                                if (_v.MentionAt[x] >= 0 && !_v.Mentions[_v.MentionAt[x]].Modifier && Under(x, k)) { noun = x; cw = _v.Low[k]; break; }
                    }
                    if (cw is null || !licensed.Contains(cw) || noun == k && _syn.Tags[k] == Upos.ADP) continue;
                    named = true;
                    targets.AddRange(WithConjuncts(noun, x => TargetIn(x, 0, from)));
                }
            }
            // "demanding that Moscow hand over Assad": a demand or appeal is made of the subject of its complement.
            if (objects.Count == 0 && sel.Code[..2] is "02" or "10")
                foreach (int k in Kids(p))
                    if (_syn.Relations[k] == "ccomp" && ParseSubject(k, 0) is { } who)
                    {
                        named = true;
                        targets.AddRange(who);
                    }
            if (targets.Count > 0) thing = false;
            // "would not discuss reports the party repaid £500,000 to Lord Ashcroft" with "reports" read as a verb: the parse
            // gives the consultation an object, though no noun; what is discussed is no counterpart, so no word window
            // looks further for one.
            if (sel.Code.StartsWith("04", StringComparison.Ordinal) && Kid(p, "obj") is var misread and >= 0 && !Nominal(misread)) named = true;
            bool silent = !named || !Rooted(p);
            return new ObjectSide(targets.Distinct().ToList(), thing, silent);
        }

        // The first token of a node's phrase: the words right before it that hang under it (bounded: a broken tree may
        // loop).
        private int Leftmost(int node)
        {
            int left = node;
            for (int j = node - 1; j >= _sFirst && Under(j, node); j--) left = j;
            return left;
        }

        private bool Nominal(int k) => _syn.Tags[k] is Upos.NOUN or Upos.PROPN or Upos.PRON or Upos.NUM or Upos.ADJ or Upos.DET or Upos.SYM or Upos.X;

        // An actor the heuristics name as object that the parse places elsewhere: the subject of another clause, the object
        // of another verb, or behind a preposition that does not mark a target ("a ceasefire around El Fasher").
        private bool ContradictsTarget(int actor, int p, Trigger t)
        {
            int m = -1;
            for (int j = t.End; j < _sEnd; j++)
                if (_v.MentionAt[j] >= 0 && _v.Mentions[_v.MentionAt[j]].Actor == actor) { m = _v.MentionAt[j]; break; }
            if (m < 0) return false;
            // "has spoken to Syria's self-declared President al-Sharaa": a licensed preposition right after the verb and the
            // actor (or its possessor) right after that is the verb's oblique, whatever the parser made of a participle
            // inside the phrase.
            if (t.End + 1 < _sEnd && LicensedCases(t).Contains(_v.Low[t.End]) && _v.MentionAt[t.End + 1] is var first and >= 0
                && (first == m || (_v.Mentions[first].End < _sEnd && _v.Low[_v.Mentions[first].End] == "'s")))
                return false;
            int h = HeadOf(m);
            if (_syn.Relations[h] == "nmod:poss") return false; // "denounced … Serbia's suppression": whose it is
            var rel = _syn.Universal(h);
            if (rel is "nsubj" or "csubj") return true;
            if (rel is "obj" or "iobj") return _syn.Heads[h] != p;
            if (rel is "obl" or "nmod" or "advmod")
                return CaseOf(h) is not { } cw || !(TargetCases.Contains(cw) && LicensedCases(t).Contains(cw));
            return false;
        }

        // ---- roles ----

        /// <summary>Who acts and on whom, for one verbal trigger.</summary>
        /// <param name="Subject">The grammatical subject's actors (for a passive: the patient's).</param>
        /// <param name="Agent">A passive's agent ("by the Obama administration"), else the place of a pattern's act.</param>
        /// <param name="Objects">The active verb's targets.</param>
        /// <param name="Thing">The object (or passive subject) names a thing the chosen pattern does not.</param>
        /// <param name="NoOne">The parse names who acts, and it is no actor: a thing ("a dispute … broke out", "the plans would
        /// contravene"), a pronoun that resolves to no one, or nobody at all ("a toolbox to combat downturns").</param>
        private readonly record struct Roles(bool Passive, int[] Subject, int[] Agent, List<int> Objects, bool Thing, bool NoOne = false);

        private Roles RolesOf(int ci, Trigger t, Selection sel, int targetEnd)
        {
            int p = t.Start;
            bool rooted = Rooted(p);
            bool passive = rooted ? ParsePassive(p) : IsPassive(t, _clauses[ci]);
            var subject = SubjectActors(p, 0);
            if (passive)
            {
                var agent = new List<int>();
                bool named = false;
                foreach (int k in Kids(p))
                    if (_syn.Relations[k] == "obl:agent") { named = true; agent.AddRange(WithConjuncts(k, x => ActorAt(x, p, target: false))); }
                if (!rooted && FindAgent(t.End, targetEnd) is var by and >= 0) { named = true; agent.Add(by); }
                // "being granted asylum in Moscow": with no agent named, the place "in" which an act the pattern names
                // (asylum granted) happens stands for the one who grants it, as CAMEO codes it. Only for what a state
                // grants: "held hostage in Afghanistan" is not Afghanistan's act.
                if (!named && sel.FromPattern && string.CompareOrdinal(sel.Code[..2], "13") < 0)
                {
                    int loc = FirstMention(t.End, targetEnd, m => m.Type is EntityType.GPE or EntityType.LOC && !m.Modifier
                        && CaseOf(_syn.SpanHead(m.First, m.End)) == "in");
                    if (loc >= 0) agent.Add(loc);
                }
                int patient = Kid(p, "nsubj:pass");
                bool thing = rooted && patient >= 0 && subject.Length == 0 && IsThing(patient, sel, t);
                // "Argentina was hit by a deadly economic crisis": the agent the parse names is a thing, so no one acts.
                bool noOne = agent.Count == 0 && HasKid(p, k => _syn.Relations[k] == "obl:agent" && AgentIsThing(k, sel.Code));
                return new Roles(true, subject, agent.Distinct().ToArray(), [], thing, noOne);
            }
            if (!rooted)
            {
                int obj = ObjectAfter(t.End, targetEnd, subject);
                return new Roles(false, subject, [], obj >= 0 && !ContradictsTarget(obj, p, t) ? [obj] : [], false);
            }
            var side = Objects(p, t, sel);
            var objects = side.Targets;
            // Violence is done to actors: "hurt his chest", "kicked all of France's points", "seize on those reports" do
            // not attack the owner of the thing.
            if (sel.Code[..2] is "18" or "19" or "20" && ThingActedOn(p, t, objects: !sel.FromPattern)) return new Roles(false, subject, [], [], true);
            if (side.Silent)
            {
                int obj = ObjectAfter(t.End, targetEnd, subject);
                if (obj >= 0 && !ContradictsTarget(obj, p, t) && !InComplement(obj, p, t, sel)) objects.Add(obj);
            }
            return new Roles(false, subject, [], objects, side.Thing, subject.Length == 0 && NoOneActs(p, sel.Code));
        }

        // The first mention after the trigger of an actor lies inside a clause the verb takes as complement ("Mr Straw denied
        // the decision would suggest to China …"): what the clause is about is not the verb's target. A demand, an
        // appeal, a complaint or an accusation is made of whom the clause names ("demanding that Moscow hand over Assad",
        // "complained that party officials were trying to …"), and a pattern
        // that reaches into the clause ("announced that he would support …") codes what the clause says.
        private bool InComplement(int actor, int p, Trigger t, Selection sel)
        {
            if (sel.Code[..2] is "02" or "10" or "11") return false;
            for (int j = t.End; j < _sEnd; j++)
                if (_v.MentionAt[j] >= 0 && _v.Mentions[_v.MentionAt[j]].Actor == actor)
                {
                    foreach (int k in Kids(p))
                        // A participle after a hyphen ("HTS-held Idlib province", "Russian-backed forces") is a modifier
                        // the parser may read as a clause; it is none.
                        if (_syn.Universal(k) == "ccomp" && k > p && Under(j, k) && !sel.Hits.Any(h => Under(h, k))
                            && !Hyphenated(k)) return true;
                    return false;
                }
            return false;
        }

        // The parse's subject of an active verb stands for no actor. A description of people the actor layer does not name
        // ("gunmen", "Palestinian prisoners") is someone; so is the instrument of violence ("a roadside bomb killed …").
        private bool NoOneActs(int p, string code)
        {
            int node = SubjectNode(p, 0);
            if (node == Nobody) return true;
            if (node < 0) return false;
            if (_v.MentionAt[node] >= 0 || _v.NameAt[node]) return false; // an actor, or a name the actor layer left alone
            if (_syn.Tags[node] == Upos.PRON) return true; // "You cannot sue …", "I have to disagree …": unresolved
            if (Describes(node) || CountsPeople(node, 0)) return false;
            // "A roadside bomb killed …": the means of violence stands for an unnamed attacker; any other thing ("a fresh
            // delay has hit …") is no one attacking.
            return !(code[..2] is "18" or "19" or "20" && EventWords.KindOf(_v.Low[node], _v.Norm[node]) == AgentKind.Weapon);
        }

        private const int Nobody = -2;

        private bool InTimex(int k)
        {
            int at = _doc.Tokens[k].Start;
            foreach (var x in _doc.Timexes) if (x.Start <= at && at < x.End) return true;
            return false;
        }

        // An agent noun that names no actor, no people and no means of violence ("by a deadly economic crisis").
        private bool AgentIsThing(int k, string code) =>
            _v.MentionAt[k] < 0 && !_v.NameAt[k] && _syn.Tags[k] != Upos.PRON && !Describes(k) && !CountsPeople(k, 0)
            && !(code[..2] is "18" or "19" or "20" && EventWords.KindOf(_v.Low[k], _v.Norm[k]) == AgentKind.Weapon);

        // The verb's object, or a noun behind "on" or "against", is a thing, though an actor may own it.
        // With a pattern ("launch a direct assault on poverty") the object is the pattern's own noun; only what the assault is
        // "on" or "against" is read.
        private bool ThingActedOn(int p, Trigger t, bool objects = true)
        {
            foreach (int k in Kids(p))
            {
                bool acted = (objects && _syn.Relations[k] == "obj") || (Is(k, "obl") && CaseOf(k) is "on" or "upon" or "against" && !InTimex(k));
                if (acted && Nominal(k) && PlainThing(k, t)) return true;
            }
            return false;
        }

        // The node the parse makes the subject of p, along the same chains as ParseSubject (a relative pronoun gives way
        // to its noun); Nobody for an infinitive on a noun ("a toolbox to combat downturns", "his refusal to accept": who
        // would act is a matter of meaning, not of the tree); -1 when the parse names none.
        private int SubjectNode(int p, int depth)
        {
            if (depth > MaxSubjectChain) return -1;
            int subj = SubjectKid(p);
            int g = _syn.Heads[p];
            if (subj >= 0)
                return !IsRelative(subj) ? subj : _syn.Relations[p] == "acl:relcl" ? g : -1;
            if (g < 0 || Crosses(g, p)) return -1;
            var rel = _syn.Universal(p);
            if (rel is "xcomp")
            {
                foreach (int k in Kids(g))
                    if (k < p && _syn.Relations[k] is "obj" or "iobj") return k;
                return SubjectNode(g, depth + 1);
            }
            if (rel is "conj")
                return _syn.Tags[g] == Upos.VERB && g < p && HasKid(p, k => _syn.Relations[k] == "cc") ? SubjectNode(g, depth + 1) : -1;
            if (rel is "acl")
            {
                if (AdverbialOnObject(p) is var verb and >= 0) return SubjectNode(verb, depth + 1);
                return _syn.Relations[p] != "acl:relcl" && HasMark(p, w => w == "to") ? Nobody : g;
            }
            return -1;
        }

        // A node that names no actor, no people and no place, and holds none of the words the chosen pattern matched.
        // "Scores of refugees", "a lot of crockery": a quantity is what it counts. A noun the verb's dictionary entry or the
        // event-noun list knows ("reimposed blockades", "imposed a curfew") is the act itself, not a thing.
        private bool IsThing(int node, Selection sel, Trigger t)
        {
            return TargetIn(node, 0) < 0 && !sel.Hits.Any(h => Under(h, node)) && PlainThing(node, t);
        }

        // A node that is no actor, pronoun, name, description or count of people, no event noun and no noun the trigger's
        // dictionary entry knows ("a lot of crockery", "his chest"), whoever may own it.
        private bool PlainThing(int node, Trigger t) =>
            _v.MentionAt[node] < 0 && _syn.Tags[node] != Upos.PRON && !Describes(node)
            && EventWords.NounCode(_v.Norm[node], null) is null && !t.Forms.Any(f => f.Block.Nouns.Contains(_v.Norm[node]))
            && !CountsPeople(node, 0) && !_v.NameAt[node];

        private bool Describes(int node) =>
            EventWords.KindOf(_v.Low[node], _v.Norm[node]) is AgentKind.Agent or AgentKind.Place || EventWords.Titles.Contains(_v.Low[node]) || EventWords.Titles.Contains(_v.Norm[node]);

        // "Tens of thousands of university students", "scores of refugees": a quantity of people or names.
        private bool CountsPeople(int node, int depth)
        {
            if (depth > 2) return false;
            foreach (int k in Kids(node))
                if (Is(k, "nmod") && CaseOf(k) == "of"
                    && (Describes(k) || _v.MentionAt[k] >= 0 || _v.NameAt[k] || CountsPeople(k, depth + 1))) return true;
            return false;
        }

        /// <summary>CAMEO roots of material acts (cooperation, aid, yielding, force, coercion, assault, fight): their
        /// dictionary default means acting on an actor, not on a thing.</summary>
        private static bool IsMaterial(string code) => code[..2] is "06" or "07" or "08" or "15" or "16" or "17" or "18" or "19" or "20";

        // ---- tree nodes → actors ----

        private static int[] Actors(int a) => a >= 0 ? [a] : [];

        // The mention at a modifier node when it is the whole word: "Syrian", "Russia's", "U.S."; not "anti-Syria" or
        // "HTS-held", where the name is part of a word that says something else about it.
        // A town that is no country does not own the people or bodies in it ("a Los Angeles court", "Leeds group Kaiser
        // Chiefs"): only a country, an organisation or a people does (the actor layer already made a capital used as an
        // agent its country).
        private int OwnerMention(int k)
        {
            int m = _v.MentionAt[k];
            if (m < 0 || !_v.Mentions[m].Whole) return -1;
            // An adjective owns only as a country's people ("Syrian forces", "the Israeli government"); "the Democratic
            // front-runner" is no party's act.
            if (_syn.Relations[k] == "amod" && !_doc.Actors[_v.Mentions[m].Actor].Codes.ContainsKey("iso3")) return -1;
            if (_doc.Actors[_v.Mentions[m].Actor] is not { Type: EntityType.GPE or EntityType.LOC } x || x.Codes.ContainsKey("iso3")) return m;
            // A capital stands for its government ("an embassy in Tehran"); the armed men or people of any region are its
            // own ("Darfur rebels").
            if (CountryTable.Default.TryFind(x.Name, out var hit) && hit.Kind == CountryNameKind.Capital) return m;
            int head = _syn.Heads[k];
            return InSentence(head) && BodilyNode(head) ? m : -1;
        }

        // The actors of a node and of the nodes coordinated with it ("Russia and Iran", "Kyiv and Kharkiv").
        private int[] WithConjuncts(int node, Func<int, int> actorOf)
        {
            var list = new List<int>();
            int a = actorOf(node);
            // Conjuncts count only beside an actor ("Kyiv and Kharkiv"): "demolished homes and buildings …, officials and
            // US witnesses said" is a list the parser ran on into the next clause.
            if (a < 0) return [];
            list.Add(a);
            var conjuncts = KidList(node).Where(k => _syn.Relations[k] == "conj" && !Crosses(node, k)).ToList();
            // "Russia, Iran and Turkey": a list ends in a conjunction; a conj with none anywhere is a misread boundary.
            if (!conjuncts.Any(k => HasKid(k, x => _syn.Relations[x] == "cc"))) conjuncts.Clear();
            foreach (int k in conjuncts)
                if (_syn.Tags[k] is Upos.PROPN or Upos.NOUN or Upos.PRON)
                {
                    int b = actorOf(k);
                    if (b >= 0) list.Add(b);
                }
            return list.Distinct().ToArray();
        }

        /// <summary>The actor a subject or object node stands for: an actor mention, a resolved pronoun or title, or a
        /// description whose modifier names the actor ("the Turkish government", "rebels of HTS", "Russia's army"); -1 for
        /// anything else (a thing: "a dispute", "Russia's newspapers").</summary>
        private int ActorAt(int h, int predicate, bool target, int depth = 0)
        {
            int m = _v.MentionAt[h];
            // "Labor Party leader Shimon Peres", "Palestinian Cabinet Minister Mohammed Dahlan" with the name hung in
            // apposition under the title or the body: the person named is the one who acts, not the body they lead.
            if (NamedInApposition(h) is var person and >= 0) return person;
            if (m >= 0 && !_v.Mentions[m].Modifier) return _v.Mentions[m].Actor;
            if (_syn.Tags[h] == Upos.PRON) return ResolvePronoun(h, predicate);
            // "al-Qaeda-linked Hayat Tahrir al-Sham (HTS) stormed …" with the hyphenated participle made the head and the
            // name hung under it: such a word modifies the noun right after it, which is what the phrase stands for.
            if (depth < 2 && HyphenedParticiple(h) && h + 1 < _sEnd && _syn.Heads[h + 1] == h && Nominal(h + 1))
                return ActorAt(h + 1, predicate, target, depth + 1);
            // A name the parser headed with a title ("Deputy Minister Oksana Hrytsenko" under "Deputy"): its words are flat.
            foreach (int k in Kids(h))
                if (_syn.Relations[k] == "flat" && _v.MentionAt[k] is var fm and >= 0 && !_v.Mentions[fm].Modifier) return _v.Mentions[fm].Actor;
            var kind = EventWords.KindOf(_v.Low[h], _v.Norm[h]);
            // "Burundian militiamen", "Algerian farmers": the actor layer named the group its nationality and this noun
            // describe (BDIUAF, DZAAGR); the phrase stands for that group, whether or not the noun is one the coder knows.
            if (m < 0 && GroupOver(h) is var grp and >= 0) return grp;
            // "Thousands of Iraqi Kurds", "tens of thousands of students": a count stands for what it counts.
            if (m < 0 && depth < 3 && EventWords.CountNouns.Contains(_v.Low[h]))
                foreach (int k in Kids(h))
                    if (Is(k, "nmod") && CaseOf(k) == "of" && ActorAt(k, predicate, target, depth + 1) is var counted and >= 0) return counted;
            if (kind == AgentKind.Agent || (target && kind == AgentKind.Place) || m >= 0)
                foreach (int k in Kids(h))
                {
                    string r = _syn.Relations[k];
                    // "U.S.-led forces" are the U.S.'s, before any "in Afghanistan".
                    if (r is "amod" or "compound" && LedBy(k) is var led and >= 0) return led;
                    // "rulers in Damascus" are Syria's; "a camp in Arauca" is only somewhere.
                    bool owner = r is "amod" or "compound" or "nmod:poss" or "appos"
                        || (Is(k, "nmod") && CaseOf(k) is { } cw && (cw is "of" or "from" || (cw == "in" && StateAgentAt(h))
                            // "a spokesman for UKIP" speaks for UKIP ("the UN envoy for Syria" is not Syria's).
                            || (cw == "for" && _v.Low[h].StartsWith("spokes", StringComparison.Ordinal))));
                    if (!owner) continue;
                    int km = OwnerMention(k);
                    if (km >= 0) return _v.Mentions[km].Actor;
                    // "the government of Sindh province": the owner is itself a description of its actor.
                    if (depth < 2 && Describes(k) && ActorAt(k, predicate, target, depth + 1) is var da and >= 0) return da;
                    // "its staff", "their forces": whose they are, as a pronoun resolves.
                    if (r == "nmod:poss" && _syn.Tags[k] == Upos.PRON && ResolvePronoun(k, predicate) is var pa and >= 0) return pa;
                }
            if (EventWords.Titles.Contains(_v.Low[h]) || EventWords.Titles.Contains(_v.Norm[h]))
                return ResolveTitle(Math.Max(_sFirst, h - 6), h);
            return -1;
        }

        // A person's name the parse hangs in apposition right after a noun that is no person, with no punctuation or
        // conjunction between (a title or a body before the name, not "the PLO, whose leader …"); -1 when there is none.
        private int NamedInApposition(int h)
        {
            foreach (int k in Kids(h))
            {
                if (_syn.Relations[k] != "appos" || k < h) continue;
                // The name may start with a word the NER left out ("Amir" of "Amir Peretz"): its flat words hold the mention.
                int km = _v.MentionAt[k];
                if (km < 0) foreach (int f in Kids(k)) if (_syn.Relations[f] == "flat" && _v.MentionAt[f] >= 0) { km = _v.MentionAt[f]; break; }
                if (km < 0 || _v.Mentions[km].Modifier) continue;
                if (_doc.Actors[_v.Mentions[km].Actor].Type != EntityType.PERSON) continue;
                if (_v.MentionAt[h] is var hm and >= 0 && _doc.Actors[_v.Mentions[hm].Actor].Type == EntityType.PERSON) return -1;
                bool plain = true; // no comma, no "and" (a misread list: "Prime Minister Gordon Brown and … David Miliband")
                for (int j = h + 1; j < k && plain; j++) plain = _syn.Tags[j] is not (Upos.PUNCT or Upos.CCONJ);
                if (plain) return _v.Mentions[km].Actor;
            }
            return -1;
        }

        // The group actor the actor layer built from a nationality before this noun ("Burundian militiamen" = BDIUAF): a
        // modifier mention whose actor's name ends in the noun, with a group's code (country + sector).
        private int GroupOver(int h)
        {
            string word = _doc.Text[_doc.Tokens[h].Start.._doc.Tokens[h].End];
            foreach (int k in Kids(h))
            {
                if (_syn.Relations[k] is not ("amod" or "compound") || _v.MentionAt[k] is not (var km and >= 0)) continue;
                var a = _doc.Actors[_v.Mentions[km].Actor];
                if (a.Type == EntityType.NORP && a.Codes.TryGetValue("cameo", out var code) && code.Length == 6
                    && a.Name.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase)) return _v.Mentions[km].Actor;
            }
            return -1;
        }

        // How deep TargetIn follows prepositional modifiers ("the headquarters of the leadership of Hamas"); called at this
        // depth it reads only the node and its owner.
        private const int MaxTargetDepth = 2;

        // "al-Qaeda-linked", "Iran-backed", "HTS-held": a hyphenated word ending in a past participle.
        private bool HyphenedParticiple(int h)
        {
            string w = _v.Low[h];
            int dash = w.LastIndexOf('-');
            return dash > 0 && dash < w.Length - 3 && w.EndsWith("ed", StringComparison.Ordinal);
        }

        // A token written with a hyphen in it or right before it ("HTS-held").
        private bool Hyphenated(int k) => _v.Low[k].Contains('-') || (_doc.Tokens[k].Start > 0 && _doc.Text[_doc.Tokens[k].Start - 1] is '-' or '–');

        // A verb whose dictionary sense is to praise, criticise or reject (CAMEO 05, 11, 12), whatever its pattern codes.
        private static bool ReactionVerb(Trigger t) =>
            t.Forms.Any(f => (f.Code ?? f.Block.Code) is ['0', '5', ..] or ['1', '1', ..] or ['1', '2', ..]);

        // The counterpart in what a consultation's verb takes as object: the object as an actor or its owner, or "with X" or
        // "to X" the parser hung on the object ("discussed the idea with Mr McCain", "dispatched a delegation to Damascus").
        private int ConsultedIn(int o)
        {
            int a = TargetIn(o, MaxTargetDepth);
            if (a >= 0) return a;
            foreach (int k in Kids(o))
                if (Is(k, "nmod") && CaseOf(k) is "with" or "to" && TargetIn(k, MaxTargetDepth) is var w and >= 0) return w;
            return -1;
        }

        // The actor of an object phrase: the node itself, else one named behind a target case word inside it ("sanctions
        // on Japan", "a delegation to Damascus", "the headquarters of Hamas"), where a name may sit as a compound.
        private int TargetIn(int o, int depth, bool from = false, bool cooperative = false, bool reactionTo = false)
        {
            // "withdrew Venezuela's ambassador to Israel", "closed its embassy in Damascus": a mission is aimed at the country
            // it is accredited to, not at the one that sends it. "In" says only where it is, so a named sender stays the
            // target ("summoned China's deputy ambassador in Manila").
            if (EventWords.MissionNouns.Contains(_v.Norm[o]))
            {
                bool namedSender = HasKid(o, k => _syn.Relations[k] is "nmod:poss" or "amod" or "compound" && _syn.Tags[k] != Upos.PRON && OwnerMention(k) >= 0);
                foreach (int k in Kids(o))
                    if (Is(k, "nmod") && CaseOf(k) is { } hc && (hc == "to" || (hc == "in" && !namedSender))
                        && ActorAt(k, -1, target: true) is var host and >= 0) return host;
            }
            int a = ActorAt(o, -1, target: true);
            if (a >= 0) return a;
            // "welcomed Kenya's mediation", "rejected a U.S. request", "vetoed a Security Council resolution": whose the
            // thing acted on is, is the target.
            // Not a name compounded with a noun of a state of affairs: "the Iraq war", "the Darfur crisis" say where, not
            // whose ("a BNP meeting", "U.N. sanctions" do say whose).
            bool happening = EventWords.HappeningNouns.Contains(_v.Norm[o]);
            foreach (int k in Kids(o))
                if (_syn.Relations[k] is "nmod:poss" or "compound" or "flat" or "amod" && !(happening && _syn.Relations[k] == "compound")
                    && OwnerMention(k) is var pm and >= 0) return _v.Mentions[pm].Actor;
            if (depth >= MaxTargetDepth) return -1;
            // "rejected calls by Kofi Annan": the author of a proposal or demand; "lifted a night curfew in Montenegro": the
            // place a rule is laid on.
            bool authored = EventWords.AuthoredNouns.Contains(_v.Norm[o]), rule = EventWords.PlaceRuleNouns.Contains(_v.Norm[o]);
            // "condemned the bombing of U.S. embassies", "welcomed the release of prisoners": a reaction to an act is
            // directed at whoever did it (its owner or "by" X), not at whom the act befell. Only for verbs whose own sense
            // is a reaction ("launched an attack against Obama": the verb does the act).
            bool reaction = reactionTo && depth == 0 && EventWords.NounCode(_v.Norm[o], null) is not null;
            foreach (int k in Kids(o))
                if (Is(k, "nmod") && CaseOf(k) is { } cw && (cw == "of" || TargetCases.Contains(cw) || (from && cw == "from")
                        || (authored && cw == "by") || (rule && cw == "in"))
                    && !(cooperative && cw is "on" or "upon" or "against") && !(reaction && cw != "by"))
                {
                    int b = TargetIn(k, depth + 1, from, cooperative, reactionTo);
                    if (b >= 0) return b;
                }
            return -1;
        }

        // "he"/"she": the last person named before; "it"/"they"/"we" in what someone said: the one who said it.
        private int ResolvePronoun(int h, int predicate)
        {
            string w = _v.Low[h];
            if (EventWords.PersonPronouns.Contains(w) || w is "his" or "her")
            {
                // "The UN envoy … said she would travel": in what someone said, "she" is that someone when the parse shows
                // who said it; only a person actor will do, and an unnamed speaker leaves it unresolved.
                if (predicate >= 0 && SayerNode(predicate) is var sn and >= 0)
                {
                    int sa = ActorAt(sn, -1, target: false);
                    return sa >= 0 && _doc.Actors[sa].Type == EntityType.PERSON ? sa : -1;
                }
                // In what someone said whom the parse does not show ("The UN envoy …, Adaeze Okonkwo, urged restraint and
                // said she would travel" with the tree broken above "said"), "she" is still the speaker, not the last
                // person named before.
                if (predicate >= 0 && SayVerbAbove(predicate) >= 0) return -1;
                return LastPersonBefore(h);
            }
            if (IsRelative(h))
            {
                int ante = _syn.Relations[predicate >= 0 ? predicate : h] == "acl:relcl" && predicate >= 0 ? _syn.Heads[predicate] : -1;
                // "who" stands for people, never for a place: "In the Ukraine …, Mr Soros - who took on …" hung on Ukraine.
                if (ante >= 0 && w is "who" or "whom" && _v.MentionAt[ante] >= 0
                    && _v.Mentions[_v.MentionAt[ante]].Type is EntityType.GPE or EntityType.LOC or EntityType.FAC)
                    ante = -1;
                if (ante < 0)
                {
                    // The parse did not hang the clause on its noun: the word before the pronoun (past a comma, a dash or a
                    // closing bracket: "Office of Foreign Assets Control (OFAC), which …") is it.
                    int j = h - 1;
                    while (j >= _sFirst && j >= h - 3 && _v.Low[j] is "," or ")" or "-" or "–" or "—") j--;
                    if (j >= _sFirst && _syn.Tags[j] is Upos.PROPN or Upos.NOUN) ante = j;
                }
                return ante >= 0 && ante != h ? ActorAt(ante, -1, target: false) : -1;
            }
            if (w is "it" or "they" or "we" or "its" or "their" or "our" && predicate >= 0)
            {
                // "we" may be a speaker and his side; "it" and "they" are not a person ("Mr Jobs said it would appeal to …").
                var sayer = ParseSayer(predicate);
                return sayer is { Length: 1 } && (w is "we" or "our" || _doc.Actors[sayer[0]].Type != EntityType.PERSON) ? sayer[0] : -1;
            }
            return -1;
        }

        private static readonly HashSet<string> SayLemmas = new(StringComparer.Ordinal)
            { "say", "tell", "declare", "insist", "reiterate", "conclude", "stress", "warn", "urge", "argue", "announce", "add", "state", "claim" };

        /// <summary>The subject of the reporting verb whose complement holds <paramref name="p"/> ("Syria says it will not
        /// accept …" → Syria), or null when the parse shows none.</summary>
        private int[]? ParseSayer(int p)
        {
            int say = SayVerbAbove(p);
            return say >= 0 && SubjectActors(say, MaxSubjectChain - 1) is { Length: > 0 } s ? s : null;
        }

        // The reporting verb whose complement holds p, or -1.
        private int SayVerbAbove(int p)
        {
            int x = p;
            for (int n = 0; n < MaxSubjectChain; n++)
            {
                if (_syn.Universal(x) is not ("ccomp" or "parataxis" or "xcomp" or "conj")) return -1;
                x = _syn.Heads[x];
                if (x < 0) return -1;
                if (SayLemmas.Contains(_syn.Lemmas[x])) return x;
            }
            return -1;
        }

        // The subject node of the reporting verb above p ("the envoy … urged restraint and said she …": the subject of
        // "urged", which "said" shares), or -1.
        private int SayerNode(int p)
        {
            int v = SayVerbAbove(p);
            for (int n = 0; n < MaxSubjectChain && v >= 0; n++)
            {
                int s = Kid(v, "nsubj");
                if (s >= 0) return s;
                if (_syn.Relations[v] != "conj" || !HasKid(v, k => _syn.Relations[k] == "cc") || Crosses(_syn.Heads[v], v)) return -1;
                v = _syn.Heads[v];
            }
            return -1;
        }
    }
}
