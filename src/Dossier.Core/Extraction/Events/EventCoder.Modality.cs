using Dossier.Documents;

namespace Dossier.Extraction.Events;

// Negation, certainty, dates (own timex or anchored on an earlier event) and the anchors themselves.
public sealed partial class EventCoder
{
    private sealed partial class Run
    {
        // ---- negation, certainty, date ----

        private enum Governor : byte { None, Denial, NegatedSaying, Requested }

        /// <summary>How many complement levels above a trigger are read for a verb that denies or negates it.</summary>
        private const int MaxGovernorDepth = 3;

        // The verbs that govern a trigger through complements (ccomp, xcomp), read in the tree: a verb of denial ("denied
        // accusing", "rejected reports that … attacked") makes the act denied; a negated verb of saying, thinking or
        // meaning ("did not say that …", "did not mean that Libya had cut …") leaves it said by no one.
        private Governor GovernorOf(int p)
        {
            if (!Rooted(p)) return Governor.None;
            int node = p;
            for (int depth = 0; depth < MaxGovernorDepth; depth++)
            {
                var rel = _syn.Universal(node);
                if (rel is "acl" && _syn.Relations[node] != "acl:relcl" && InSentence(_syn.Heads[node])
                    && _syn.Lemmas[_syn.Heads[node]]?.ToLowerInvariant() is { } noun && EventWords.UnrealisedNouns.Contains(noun))
                    return Governor.Requested;
                // "called for a special prosecutor to investigate Clinton", "urged a commission to examine …": what the one
                // asked for would do is asked for, not done.
                if (rel is "acl" && _syn.Relations[node] != "acl:relcl" && HasMark(node, w => w == "to")
                    && _syn.Heads[node] is var n2 and >= 0 && InSentence(n2) && _syn.Heads[n2] is var v2 and >= 0 && InSentence(v2)
                    && _syn.Lemmas[v2]?.ToLowerInvariant() is { } rv && EventWords.RequestVerbs.Contains(rv))
                    return Governor.Requested;
                // "Hamas refused to renounce violence and recognize Israel": a verb joined to a complement shares its
                // governor (but not the main verbs of a sentence: "attacked and occupied").
                if (rel is "conj" && _syn.Heads[node] is var first and >= 0 && InSentence(first) && first < node
                    && _syn.Universal(first) is "ccomp" or "xcomp" or "advcl" && _syn.Tags[node] == Upos.VERB)
                {
                    node = first;
                    continue;
                }
                // "it is important for Iran to continue cooperating with the IAEA", "it is time for Russia to withdraw": an act
                // judged needful is not done (a clause with tense is a fact judged: "it is good that Labour has rejected …").
                if (rel is "csubj" && HasMark(node, w => w == "to") && _syn.Heads[node] is var judged and >= 0 && InSentence(judged)
                    && (_syn.Tags[judged] == Upos.ADJ || _v.Low[judged] == "time"))
                    return Governor.Requested;
                if (rel is not ("ccomp" or "xcomp" or "advcl") || _syn.Relations[node] == "advcl:relcl") return Governor.None;
                int g = _syn.Heads[node];
                if (!InSentence(g)) return Governor.None;
                var lemma = _syn.Lemmas[g]?.ToLowerInvariant();
                if (lemma is not null && EventWords.DenialVerbs.Contains(lemma) && rel is "ccomp" or "xcomp" or "advcl") return Governor.Denial;
                // "urged Europe and the US to build anew their alliance", "an EU demand for Turkey to recognise Cyprus": the
                // act is what is asked for; the request is the event (coded on its own verb or noun).
                if (lemma is not null && rel is "xcomp" && EventWords.RequestVerbs.Contains(lemma)) return Governor.Requested;
                // "he would consider sending up to 30,000 troops", "considers granting clemency": an act weighed is not done.
                if (lemma is not null && rel is "xcomp" or "ccomp" && EventWords.WeighingVerbs.Contains(lemma)) return Governor.Requested;
                // "called for developing the stagnant relations", "pressed for lifting sanctions", "called for a prosecutor to
                // investigate" read as a purpose: asked for, not done.
                // Not "called in aircraft to bomb" (a particle makes another verb) nor "called Machado to express gratitude" (a
                // call "to" that is no call for or on anyone).
                if (lemma is not null && rel is "advcl" && EventWords.RequestVerbs.Contains(lemma) && !HasKid(g, k => _syn.Relations[k] == "compound:prt")
                    && (HasMark(node, w => w == "for")
                        || (HasMark(node, w => w == "to")
                            && (lemma != "call" || HasKid(g, k => Is(k, "obl") && CaseOf(k) is "for" or "on" && !InTimex(k))))))
                    return Governor.Requested;
                if (rel is "ccomp" && lemma is not null && (EventWords.StatementVerb(lemma) is not null || lemma is "mean" or "suggest" or "show" or "prove")
                    && HasKid(g, k => EventWords.Negators.Contains(_v.Low[k]) && _syn.Universal(k) is "advmod" or "neg"))
                    return Governor.NegatedSaying;
                node = g;
            }
            return Governor.None;
        }

        private bool IsNegated(Trigger t, Clause c)
        {
            // "Neither Speaker Ryan nor anyone on his team has ever asked …", "No one attacked …": a subject that denies.
            if (Rooted(t.Start) && SubjectKid(t.Start) is var subj and >= 0
                && (_v.Low[subj] is "nobody" or "none" or "no-one" || HasKid(subj, k => _v.Low[k] is "neither" or "no" && k < subj)))
                return true;
            for (int j = t.Start - 1; j >= Math.Max(c.Start, t.Start - 5); j--)
            {
                string w = _v.Low[j];
                if (EventWords.Negators.Contains(w)) return true;
                if (w == "to" && j > c.Start && EventWords.NegatingVerbs.Contains(_v.Low[j - 1])) return true;
                if (w == "longer" && j > c.Start && _v.Low[j - 1] == "no") return true;
                if (w == "without") return true;
            }
            if (c.Kind == ClauseKind.Participial && c.Opener >= 0 && _v.Low[c.Opener] == "without") return true;
            return false;
        }

        // Event-level marks first (a modal, an infinitive that has not happened, the object of a demand), then the claim
        // covering the sentence, then sentence cues.
        private Certainty CertaintyOf(Sentence s, int ci, Trigger t)
        {
            var c = _clauses[ci];
            for (int j = t.Start - 1; j >= Math.Max(c.Start, t.Start - 4); j--)
                if (EventWords.Modals.Contains(_v.Low[j])) return Certainty.Speculative;
            if (IsUnrealizedInfinitive(t, c)) return Certainty.Speculative;
            // The complement of a demand or request has not happened ("demanding that Moscow hand over Assad").
            if (c.Kind == ClauseKind.Complement && ci > 0 && HasRequestTrigger(ci - 1)) return Certainty.Speculative;
            return ReportedOr(s, t);
        }

        // "an invitation to X to visit Russia", "asked them to leave": the act named by the infinitive has not happened.
        // Not after verbs that report it done ("managed to", "went on to") nor after "yet to" / "failed to" (negation).
        private bool IsUnrealizedInfinitive(Trigger t, Clause c)
        {
            int j = t.Start - 1;
            if (j >= c.Start && (EventWords.Adverbs.Contains(_v.Low[j]) || _v.Low[j].EndsWith("ly", StringComparison.Ordinal))) j--;
            if (j < c.Start || _v.Low[j] != "to") return false;
            string gov = j > 0 ? _v.Low[j - 1] : "";
            return gov is not ("managed" or "manages" or "on" or "used" or "began" or "begun" or "started" or "continued" or "continues"
                or "yet" or "failed" or "fails" or "able" or "due");
        }

        private bool HasRequestTrigger(int ci)
        {
            var c = _clauses[ci];
            for (int i = c.Start; i < c.End; i++)
            {
                var t = TriggerAt(i, c.End);
                if (t is null) continue;
                var sel = SelectCode(t.Value, ci);
                if (sel is { } x && (x.Code.StartsWith("10", StringComparison.Ordinal) || x.Code.StartsWith("02", StringComparison.Ordinal))) return true;
            }
            return false;
        }

        private (string? Date, bool FromPublication) DateOf(int ci, List<int> sources)
        {
            var own = ClauseDate(_clauses[ci]);
            if (own != null) return (own, false);
            // Anchored on another event: "… as Assad left power", "after X fled".
            // Only the clause right after counts: in "packing up … ever since HTS stormed Damascus as Assad left power" the
            // anchor dates the storming, not the packing.
            for (int k = ci + 1; k < _clauses.Count && k <= ci + 1; k++)
            {
                var c = _clauses[k];
                if (c.Kind != ClauseKind.Subordinate || c.Opener < 0 || _v.Low[c.Opener] is not ("as" or "after" or "when" or "following" or "once")) continue;
                foreach (var a in _anchors)
                {
                    if (a.Token < c.Start || a.Token >= c.End || a.Date != null) continue;
                    var earlier = _anchors.LastOrDefault(e => e.Token < c.Start && e.Date != null && e.Class == a.Class && e.Actors.Intersect(a.Actors).Any());
                    if (earlier.Date != null) return (earlier.Date, false);
                }
            }
            if (_doc.Published is { } p) return (p.ToString("yyyy-MM-dd"), true);
            return (null, false);
        }

        private string? ClauseDate(Clause c)
        {
            int from = _doc.Tokens[c.Start].Start, to = _doc.Tokens[c.End - 1].End;
            foreach (var x in _doc.Timexes)
            {
                if (x.Start < from || x.Start >= to || x.Type is not (TimexType.DATE or TimexType.TIME)) continue;
                var d = UsableDate(x.Value);
                if (d != null) return d;
            }
            return null;
        }

        /// <summary>The calendar part of a TIMEX3 value when it names a specific period (2024-12-08, 2024-12, 2024-W49-WE).</summary>
        internal static string? UsableDate(string value)
        {
            if (value.Length < 4) return null;
            for (int i = 0; i < 4; i++) if (!char.IsAsciiDigit(value[i])) return null;
            if (value.Contains('X')) return null;
            int tpos = value.IndexOf('T');
            return tpos > 0 ? value[..tpos] : value;
        }

        // ---- anchors (events that date others) ----

        private void CollectAnchors(int ci)
        {
            var c = _clauses[ci];
            for (int i = c.Start; i < c.End; i++)
            {
                if (_v.MentionAt[i] >= 0) continue;
                string w = _v.Low[i];
                string? two = i + 1 < c.End ? w + " " + _v.Low[i + 1] : null;
                string? verbClass = EventWords.AnchorVerb(w, two);
                int[] actors;
                if (verbClass != null && !EventWords.Determiners.Contains(i > 0 ? _v.Low[i - 1] : ""))
                    actors = SubjectOf(ci, i);
                else if (EventWords.AnchorNoun(w) is { } nounClass && i + 1 < c.End && _v.Low[i + 1] == "of")
                {
                    verbClass = nounClass;
                    int m = NextMention(i + 2, Math.Min(c.End, i + 8));
                    actors = m >= 0 ? [_v.Mentions[m].Actor] : [];
                }
                else continue;
                if (actors.Length == 0) continue;
                _anchors.Add(new Anchor(i, actors, verbClass, ClauseDate(c)));
            }
        }
    }
}
