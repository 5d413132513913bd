using Dossier.Documents;

namespace Dossier.Extraction.Events;

// Who acts and on whom: clause subjects, objects, passives, pronouns, titles and event nouns.
public sealed partial class EventCoder
{
    private sealed partial class Run
    {
        // ---- clauses, subjects and objects ----

        private void CodeClause(Sentence s, int ci)
        {
            var c = _clauses[ci];
            for (int i = c.Start; i < c.End; i++)
            {
                var t = TriggerAt(i, c.End);
                if (t is null)
                {
                    i = TryNounEvent(s, ci, i);
                    continue;
                }
                var trig = t.Value;
                i = trig.End - 1;
                var sel = SelectCode(trig, ci);
                if (sel is null) { if (Explain) Why(trig, "no code (a verb of many senses without its pattern)"); continue; }
                string code = sel.Value.Code;
                // Public statements (01) are quotes and claims, not events between actors.
                if (code.Length < 2 || code.StartsWith("01", StringComparison.Ordinal) || !code.All(char.IsAsciiDigit)) { if (Explain) Why(trig, $"code {code} is a statement"); continue; }
                if (IsStatement(s, trig)) { if (Explain) Why(trig, "verb of saying without an argument"); continue; }
                if (CommittedToAnAct(sel.Value)) { if (Explain) Why(trig, $"{code}: a commitment to an act, which its own verb codes"); continue; }
                Emit(s, ci, trig, sel.Value);
            }
        }

        // "al-Qaida remains committed to carrying out attacks against the United States", "is determined to defeat …": a
        // pattern that codes the disposition (REMAIN + committed: 051) says nothing of whom it supports when the
        // disposition is to an act; the act's own verb is coded, with its modality.
        private bool CommittedToAnAct(Selection sel) =>
            sel.FromPattern && sel.Hits.Any(h => EventWords.DispositionWords.Contains(_v.Low[h])
                && HasKid(h, k => _syn.Universal(k) is "xcomp" or "advcl" or "ccomp" or "acl" or "obl" && (_syn.Tags[k] == Upos.VERB || _v.Low[k].EndsWith("ing", StringComparison.Ordinal))));

        // A verb of saying, thinking or wanting ("argued", "claimed", "need") states something, and so does one that takes
        // no argument but a clause or nothing ("warned that …", "agreed that …", "he insisted"); quotes and claims carry
        // these (events-statements.tsv). With an object, an infinitive or an oblique it acts ("warned Iran", "agreed to
        // a ceasefire", "insisted on its demands"); a verb with a particle is another verb ("write off" a debt).
        private bool IsStatement(Sentence s, Trigger t)
        {
            var lemma = _syn.Lemmas[t.Start];
            if (lemma is null) return false;
            // "asked Mr Brown whether the Treasury had leaned on the ONS", "asking Sanders why he has criticized …": a question
            // put is a statement.
            foreach (int c in _syn.Children(t.Start, s))
                if (_syn.Universal(c) is "ccomp" && HasKid(c, m => (_syn.Relations[m] == "mark" && _v.Low[m] is "whether" or "if")
                        || (lemma.ToLowerInvariant() is "ask" or "question" or "inquire" && m < c
                            && _v.Low[m] is "why" or "how" or "what" or "who" or "when" or "where" && Leftmost(c) == m)))
                    return true;
            if (EventWords.StatementVerb(lemma.ToLowerInvariant()) is not { } always) return false;
            bool argument = false;
            foreach (int c in _syn.Children(t.Start, s))
            {
                if (_syn.Relations[c] == "compound:prt") return false;
                var rel = _syn.Universal(c);
                if (rel is "obj" or "iobj" or "obl" || (rel is "xcomp" && !EventWords.AimVerb(lemma.ToLowerInvariant()))) argument = true;
                else if (rel is "ccomp" && !always && ActorWillAct(s, c)) argument = true;
            }
            return always || !argument;
        }

        // A clause in which a named actor will act ("warned that Russia would respond", "agreed that Iran will halt"):
        // the warning or agreement is about an act, not a state of affairs ("warned that the deficit presented risks").
        private bool ActorWillAct(Sentence s, int verb)
        {
            bool future = false, actor = false;
            foreach (int c in _syn.Children(verb, s))
            {
                var rel = _syn.Universal(c);
                if (rel is "aux" && _v.Low[c] is "will" or "would" or "shall" or "'ll") future = true;
                else if (rel is "nsubj" && _v.MentionAt[c] >= 0) actor = true;
            }
            return future && actor;
        }

        // An event noun with both actors named around it: "Russia's attack on Kyiv", "Israeli airstrikes on Gaza",
        // "an attack by HTS on Idlib", "an invitation to X to visit Y" (Y invites X). Returns the last token used.
        private int TryNounEvent(Sentence s, int ci, int i)
        {
            var c = _clauses[ci];
            if (_v.MentionAt[i] >= 0 || _doc.Tokens[i].Kind != TokenKind.Word) return i;
            string? two = i + 1 < c.End ? _v.Norm[i] + " " + _v.Norm[i + 1] : null;
            string? code = EventWords.NounCode(_v.Norm[i], two);
            if (code is null) return i;
            int end = two != null && EventWords.NounCode(two, null) == code && EventWords.NounCode(_v.Norm[i], null) != code ? i + 2 : i + 1;
            int source = -1, target = -1;
            // Possessor or nationality adjective just before: "Russia's (latest) attack", "Israeli airstrikes".
            for (int j = i - 1; j >= Math.Max(c.Start, i - 4); j--)
            {
                int m = _v.MentionAt[j];
                if (m >= 0)
                {
                    var men = _v.Mentions[m];
                    // Not a name inside a word that says something else ("a Madrid-style bombing").
                    if (men.End == j + 1 && men.Whole && ((men.End < _v.Low.Length && _v.Low[men.End] == "'s") || (men.Modifier && men.End >= i - 1)))
                        source = men.Actor;
                    break;
                }
                if (_v.Low[j] is "," or "." or ";") break;
            }
            int limit = Math.Min(c.End, end + 8);
            for (int j = end; j < limit; j++)
            {
                string w = _v.Low[j];
                if (w is "by" or "from" && source < 0)
                {
                    int m = NextMention(j + 1, Math.Min(limit, j + 4));
                    if (m >= 0) { source = _v.Mentions[m].Actor; j = _v.Mentions[m].End - 1; }
                    continue;
                }
                if (w is "visit" or "come" or "travel" && j > end && _v.Low[j - 1] == "to" && source < 0)
                {
                    int m = NextMention(j + 1, Math.Min(limit + 2, c.End));
                    if (m >= 0) source = _v.Mentions[m].Actor;
                    break;
                }
                if (w is "on" or "against" or "to" or "with" or "in" or "into" or "of" && target < 0)
                {
                    int m = NextMention(j + 1, Math.Min(limit, j + 4));
                    if (m >= 0)
                    {
                        var men = _v.Mentions[m];
                        // "an attack on HTS-held Idlib": the modified place is the target.
                        int head = men.Modifier && men.End < _v.Low.Length ? NextMention(men.End, Math.Min(limit, men.End + 3)) : -1;
                        target = head >= 0 ? _v.Mentions[head].Actor : men.Actor;
                        j = (head >= 0 ? _v.Mentions[head] : men).End - 1;
                    }
                }
            }
            if (source < 0 || target < 0 || source == target) return end - 1;
            if (!PublicLife([source], [target], -1)) return end - 1;
            if (!LiteralNounEvent(code, i, source, target)) return end - 1;
            if (HypotheticalNoun(i)) { if (Explain) Why(new Trigger(i, end, []), $"{code}: an act spoken of as possible, not one that happened"); return end - 1; }
            var (plover, mode) = CameoTables.PloverOf(code);
            var trig = new Trigger(i, end, []);
            var ev = new EventMention
            {
                Start = _doc.Tokens[c.Start].Start,
                End = _doc.Tokens[c.End - 1].End,
                TriggerStart = _doc.Tokens[i].Start,
                TriggerEnd = _doc.Tokens[end - 1].End,
                Cameo = code,
                Plover = plover,
                PloverMode = mode,
                Goldstein = CameoTables.GoldsteinOf(code),
                Negated = false,
                Certainty = ReportedOr(s, trig),
                By = _by,
            };
            ev.Source.Add(source);
            ev.Target.Add(target);
            (ev.Date, ev.DateFromPublication) = DateOf(ci, [source]);
            _doc.Events.Add(ev);
            return end - 1;
        }

        // An event noun spoken of as possible, feared or to come: "a possible Turkish incursion", "speculation of an Israeli
        // attack on Iranian nuclear facilities", "military action would spark revenge attacks from Hezbollah".
        private bool HypotheticalNoun(int i)
        {
            if (HasKid(i, k => _syn.Relations[k] == "amod" && EventWords.PossibleWords.Contains(_v.Low[k]))) return true;
            int g = _syn.Heads[i];
            if (g < 0 || !InSentence(g)) return false;
            if (Is(i, "nmod") && CaseOf(i) is "of" or "about" && EventWords.PossibleNouns.Contains(_v.Norm[g])) return true;
            return _syn.Universal(i) is "obj" or "nsubj" or "nsubj:pass"
                && HasKid(g, k => _syn.Relations[k] == "aux" && _v.Low[k] is "would" or "could" or "might" or "may" or "'d");
        }

        private void Emit(Sentence s, int ci, Trigger t, Selection sel)
        {
            var c = _clauses[ci];
            string code = sel.Code;
            int targetEnd = Math.Min(c.End, t.End + PostWindow);
            int compl = -1;
            if (ci + 1 < _clauses.Count && ThatComplementFollows(ci, t))
            {
                compl = ci + 1;
                targetEnd = Math.Min(_clauses[ci + 1].End, t.End + PostWindow);
            }
            var roles = RolesOf(ci, t, sel, targetEnd);
            // A verb of material action whose object is a thing the pattern does not name is another sense of the verb
            // ("broke a lot of crockery", "took the kids to Walmart", "a toolbox to combat downturns").
            if (roles.Thing && IsMaterial(code)) { if (Explain) Why(t, $"{code}: material act on a thing"); return; }
            // The tree says who acts and it is no actor we know: no event rather than one without its source.
            if (roles.NoOne) { if (Explain) Why(t, $"{code}: the one who acts is no actor"); return; }
            // "asked about Mr Livingstone's remark", "was asked by host Bill Maher", "asked Clinton whether …": a question is
            // no request; one asks someone to do something ("asked Iran to stop …") or for something ("asked Congress for
            // funds").
            if (sel.Lemma == "ask" && code.StartsWith("02", StringComparison.Ordinal) && AsksAQuestion(t))
            { if (Explain) Why(t, $"{code}: a question, not a request"); return; }
            // "he agreed with Dr Fox's view", "Manafort agreed with Mr. Cruz": sharing a view is no agreement to act; one
            // agrees with someone to do something ("agreed with the Italian finance minister to push forward …") or on it.
            if (code == "030" && sel.Lemma == "agree" && Rooted(t.Start) && SharesAView(t.Start))
            { if (Explain) Why(t, $"{code}: agreeing with a view, not to an act"); return; }
            if (!sel.FromPattern && code == "030" && EventWords.PlanVerbs.Contains(sel.Lemma)) { if (Explain) Why(t, $"{code}: a plan or decision, not an act (what it governs is coded)"); return; }
            var modality = ModalityOf(t, c);
            // "threatened to attack the country": a threat of the act (CAMEO 13x). A threat of a cooperative act ("threatened
            // to resign") is no act toward anyone.
            // "is scheduled to visit Moscow", "is expected to meet Mitchell": a meeting or visit on the calendar is its
            // intent (036); an attack or a sanction expected by others is no one's act yet, nor a threat.
            if (modality is Modality.Threat or Modality.Scheduled)
            {
                bool conflictual = string.CompareOrdinal(code[..2], "13") >= 0, cooperative = string.CompareOrdinal(code[..2], "09") <= 0;
                if (modality == Modality.Threat ? !conflictual : !cooperative)
                {
                    if (Explain) Why(t, modality == Modality.Threat ? $"{code}: a threat of a cooperative act" : $"{code}: an act expected, not done");
                    return;
                }
                modality = Modality.Intent;
            }
            if (modality == Modality.Intent) code = IntentCode(code);
            else if (modality == Modality.Obligation) code = DemandCode(code);
            string actCode = code;
            if (modality == Modality.Refusal) code = RejectCode(code);
            var sources = new List<int>();
            var targets = new List<int>();
            if (modality == Modality.Obligation)
            {
                // "X said Libya must hand over …": X demands, of Libya.
                sources.AddRange(ParseSayer(t.Start) ?? SayerBefore(ci));
                targets.AddRange(roles.Subject);
            }
            else if (roles.Passive)
            {
                sources.AddRange(roles.Agent);
                targets.AddRange(roles.Subject);
            }
            else
            {
                sources.AddRange(roles.Subject);
                targets.AddRange(roles.Objects);
            }
            // A threat is made to whom its condition names: "threatened to hold a general strike unless Israel rescinded
            // its annexation", "will boycott the elections unless the president agrees to step down".
            // A warning of what may come ("warned of an arms race if Iran builds a bomb") is not a threat to Iran.
            if (targets.Count == 0 && code.StartsWith("13", StringComparison.Ordinal) && (code != "130" || sel.Lemma == "threaten") && Rooted(t.Start))
                targets.AddRange(ConditionSubject(t.Start));
            code = PruneSides(code, sel, sources, targets);
            if (sources.Count == 0 && targets.Count == 0) { if (Explain) Why(t, $"{code}: no actors"); return; }
            // A verb that matched no pattern and codes mild cooperation (02–06: "expected", "opened", "called") is weak
            // evidence; it needs both actors named to count as an event between them.
            // Several named together ("Putin and Erdogan met in Sochi") are each other's counterparts (see "no target" below).
            if (!sel.FromPattern && code[..2] is "02" or "03" or "04" or "05" or "06" && (sources.Count == 0 || targets.Count == 0)
                && !(sources.Count > 0 && EventWords.MutualVerbs.Contains(sel.Lemma) && !roles.Passive && Together(code, sources, c, t))) { if (Explain) Why(t, $"{code}: default code needs both sides"); return; }

            // Business, sport and entertainment, and events between people of no public role, are not political events.
            if (!PublicLife(sources, targets, t.Start))
            {
                if (Explain) Why(t, $"{code}: not public life ({string.Join(", ", sources.Concat(targets).Select(a => $"{_doc.Actors[a].Name}: {SideSphere(a)}"))}{(ArgumentsElsewhere(t.Start) ? "; an argument is of another sphere" : "")})");
                return;
            }
            // A material act (cooperation, aid, yielding, force, assault) is coded only where something says it happened in
            // body: in political prose these verbs are as often figures ("defending a seat", "attacked his policies").
            if (IsMaterial(sel.Code) && !LiteralAct(t, sel, sources, targets)) { if (Explain) Why(t, $"{code}: material act with no literal cue"); return; }
            // "he denied accusing Germany": the act is denied; "did not mean that Libya had cut its ties": no one says it
            // happened, and nothing is coded.
            // "a debate on whether to ban Trump", "asked whether Iran would attack": an open question is no act; nor is a
            // condition ("powerless if Erdogan decides …", "unless Israel rescinds …").
            if (HasMark(t.Start, w => w is "whether" or "if" or "unless")) { if (Explain) Why(t, $"{code}: an open question or a condition"); return; }
            var governor = GovernorOf(t.Start);
            if (governor == Governor.NegatedSaying) { if (Explain) Why(t, $"{code}: inside what a negated verb of saying or meaning governs"); return; }
            if (governor == Governor.Requested) { if (Explain) Why(t, $"{code}: the act a request or plan asks for, not an act"); return; }

            var (plover, mode) = CameoTables.PloverOf(code);
            // An event is between actors: only the one-sided types (a protest, a mobilisation, an attack whose victims are
            // not named) and acts of several sources together ("Israel and Lebanon signed a peace agreement": each is the
            // other's counterpart) stand without a target; "Cabinet allies intervened", "Blair rejected calls for …" say
            // of whom nothing.
            if (targets.Count == 0 && !OneSided(plover) && !Together(code, sources, c, t)) { if (Explain) Why(t, $"{code}: no target"); return; }
            // A rally or a march (CAMEO 141, "march", "riot") is collective: one person "holding a rally", "marching in the
            // parade" or "marching toward November" with no one it is against campaigns or walks. One person's hunger strike
            // or resignation "to protest" is a protest.
            if (targets.Count == 0 && (code.StartsWith("141", StringComparison.Ordinal) || sel.Lemma is "march" or "rally" or "riot" or "parade")
                && sources.All(a => _doc.Actors[a].Type == EntityType.PERSON)) { if (Explain) Why(t, $"{code}: one person's rally or march"); return; }
            // PLOVER requires the actor (manual 2.0 §7.2, "required entities"): "Deflation has plagued Japan", "people
            // coming to Britain", "he was forced to apologise" name no one who acts.
            if (sources.Count == 0) { if (Explain) Why(t, $"{code}: no source"); return; }
            if (DomesticTravel(code, sources, targets)) { if (Explain) Why(t, $"{code}: travel at home"); return; }
            int endTok = compl >= 0 ? _clauses[compl].End : c.End;
            var ev = new EventMention
            {
                Start = _doc.Tokens[c.Start].Start,
                End = _doc.Tokens[endTok - 1].End,
                TriggerStart = _doc.Tokens[t.Start].Start,
                TriggerEnd = _doc.Tokens[t.End - 1].End,
                Cameo = code,
                Plover = plover,
                PloverMode = mode,
                Goldstein = CameoTables.GoldsteinOf(code),
                // A refusal is itself the event ("refused to lift" codes REJECT), not a negated easing; a refusal of an act
                // with no CAMEO refusal of its own ("declined to threaten Moscow") is that act, not done.
                Negated = modality == Modality.Refusal ? actCode == code : IsNegated(t, c) || governor == Governor.Denial,
                Certainty = modality == Modality.None ? CertaintyOf(s, ci, t) : ReportedOr(s, t),
                By = _by,
            };
            foreach (var a in sources.Distinct()) ev.Source.Add(a);
            foreach (var a in targets.Distinct()) ev.Target.Add(a);
            (ev.Date, ev.DateFromPublication) = DateOf(ci, sources);
            _doc.Events.Add(ev);
            if (Explain) Why(t, $"{code}: coded by {(sel.FromPattern ? "a pattern" : "the verb's default")} ({sel.Lemma}{(sel.Hits.Length > 0 ? "; " + string.Join(" ", sel.Hits.Select(h => _v.Low[h])) : "")})");
            // "refused to lift sanctions": besides the refusal (12x), the act itself is recorded as not having happened.
            if (modality == Modality.Refusal && actCode != code)
            {
                var (p2, m2) = CameoTables.PloverOf(actCode);
                var act = new EventMention
                {
                    Start = ev.Start, End = ev.End, TriggerStart = ev.TriggerStart, TriggerEnd = ev.TriggerEnd,
                    Cameo = actCode, Plover = p2, PloverMode = m2, Goldstein = CameoTables.GoldsteinOf(actCode),
                    Negated = true, Certainty = ev.Certainty, Date = ev.Date, DateFromPublication = ev.DateFromPublication, By = _by,
                };
                act.Source.AddRange(ev.Source);
                act.Target.AddRange(ev.Target);
                _doc.Events.Add(act);
            }
        }

        // The actors subject of an "if"/"unless" clause under the trigger or the infinitive it governs.
        private int[] ConditionSubject(int p)
        {
            var nodes = new List<int> { p };
            foreach (int k in Kids(p))
                if (_syn.Universal(k) == "xcomp") nodes.Add(k);
            foreach (int v in nodes)
                foreach (int k in Kids(v))
                    if (_syn.Universal(k) == "advcl" && HasMark(k, w => w is "if" or "unless")
                        && ParseSubject(k, 0) is { Length: > 0 } who)
                        return who;
            return [];
        }

        // "Israel and Egypt have both signed the treaty", "each signed", "signed separately": several sources that acted
        // each on its own, not with each other.
        // "ask" with neither an infinitive of what is asked ("asked Iran to stop", "asked U.S. officials from the FBI to help")
        // nor "for" what is asked ("asked Congress for funds") near it: a question. The parse may hang the infinitive on the
        // object, so the words after the verb are read as well.
        private bool AsksAQuestion(Trigger t)
        {
            if (HasKid(t.Start, k => Is(k, "xcomp") || (Is(k, "obl") || Is(k, "nmod")) && CaseOf(k) == "for")) return false;
            return !InfinitiveAfter(t.End, AskReach, orFor: true);
        }

        /// <summary>How many words after "ask" or "agree with" its infinitive or "for" may lie ("asked the United Nations'
        /// main judicial unit, the International Court of Justice, to weigh in").</summary>
        private const int AskReach = 16;

        // "agree with X" and no infinitive, "to" or "on" what is agreed (the parse may hang the infinitive on X, so the words
        // after the verb are read as well).
        private bool SharesAView(int p) =>
            HasKid(p, k => Is(k, "obl") && CaseOf(k) == "with")
            && !HasKid(p, k => Is(k, "xcomp") || Is(k, "ccomp") || Is(k, "obj") || Is(k, "obl") && CaseOf(k) is "to" or "on" or "upon" or "in")
            && !InfinitiveAfter(p + 1, AskReach);

        // A "to" + verb (or, with orFor, a "for") among the next words of the sentence, before its end.
        private bool InfinitiveAfter(int from, int reach, bool orFor = false)
        {
            for (int j = from; j < Math.Min(_sEnd, from + reach); j++)
            {
                if (_v.Low[j] == "to" && j + 1 < _sEnd && _syn.Tags[j + 1] == Upos.VERB) return true;
                if (orFor && _v.Low[j] == "for") return true;
                if (_v.Low[j] is "." or ";" or "?") break;
            }
            return false;
        }

        // An act of several sources together with no one else named: each is the other's counterpart.
        private bool Together(string code, List<int> sources, Clause c, Trigger t) =>
            Reciprocal(code, CameoTables.PloverOf(code).Category) && sources.Distinct().Count() >= 2 && !Severally(c, t);

        private bool Severally(Clause c, Trigger t)
        {
            for (int j = c.Start; j < c.End; j++)
                if (_v.Low[j] is "each" or "separately" or "respectively" || (_v.Low[j] == "both" && j > c.Start && j < t.Start
                        && (_v.MentionAt[j - 1] >= 0 || EventWords.Auxiliaries.Contains(_v.Low[j - 1])) && !(j + 1 < c.End && _v.MentionAt[j + 1] >= 0)))
                    return true;
            return false;
        }

        // Sides the parse gave that are no side of this act, and the code a state's protest takes (events 1.5). Returns the
        // code, changed only for a state's protest (114).
        private string PruneSides(string code, Selection sel, List<int> sources, List<int> targets)
        {
            // A town, a province or a region does not act: "attacks in Baghdad and Ramadi killed …", "Minnesota Gov. Mark
            // Dayton is backing …", a dateline's "WASHINGTON" stand for unnamed attackers or for someone else. (A capital
            // used for its government is the country already: "Moscow warned …".)
            sources.RemoveAll(IsPlace);
            // "Judiciary Committee Chairman Chuck Grassley" cut to "Committee", "the Justice Department" to "Department": a
            // body's generic word alone names no one an analyst could tell.
            sources.RemoveAll(IsBareBodyWord);
            targets.RemoveAll(IsBareBodyWord);
            targets.RemoveAll(sources.Contains);
            // A person or body of a country's state does not act on that country itself: "Mr Blair pledged to clamp down on
            // Britain's growing compensation culture", "pledged to write off the debt owed to Britain" (CAMEO codes such
            // people GBRGOV, GBRELI: the country is known from the code). A group that is not the state does ("Iranian
            // opposition leader Mousavi has accused Iran's government …"); a town is only somewhere and is not checked.
            targets.RemoveAll(x => _doc.Actors[x] is { Type: EntityType.GPE } c && c.Codes.ContainsKey("iso3") && CountryOf(x) is { } home
                                   && sources.Count > 0 && sources.All(src => CountryOf(src) == home && OfTheState(src)));
            // Speaking to a committee, a parliament or a conference is addressing it, a statement, not consulting it:
            // "Speaking to the Treasury Select Committee, Gordon Brown said …".
            if (code.StartsWith("04", StringComparison.Ordinal) && sel.Lemma is "speak" or "talk" or "address")
                targets.RemoveAll(IsAssembly);
            // A region of no country is no one acted on ("called for a Middle East free of nuclear weapons", "opposed the
            // alliance's expansion into Eastern Europe"); it is only where one goes ("a five-day trip to the Middle East").
            if (!(code.StartsWith("03", StringComparison.Ordinal) || code.StartsWith("04", StringComparison.Ordinal))) targets.RemoveAll(IsRegion);
            // A protest is against someone; the town it fills is where ("Thousands of Kenyans demonstrated in Nairobi").
            if (code.StartsWith("14", StringComparison.Ordinal)) targets.RemoveAll(IsPlace);
            // A state protests by note and summons, not in the street: "The Philippines summoned China's deputy ambassador
            // … to protest" is an official complaint (CAMEO 114), which needs whom it is made to.
            if (code.StartsWith("14", StringComparison.Ordinal) && sources.Count > 0 && sources.All(IsState)) code = "114";
            // "Trump encouraged Americans to …", "Sanders demanded wealthy Americans …": words to a country's public are no
            // event between actors unless a state or body of another country speaks ("Tanzania expelled five Iraqis" is an act).
            if (code[..2] is "01" or "02" or "03" or "04" or "05" or "06" or "09" or "10" or "11" or "12" or "13")
                targets.RemoveAll(a => IsPublicOf(a) is { } iso && !sources.Any(s => CountryOf(s) is { } si && si != iso));
            return code;
        }

        private enum Modality : byte { None, Intent, Obligation, Refusal, Threat, Scheduled }

        // "will visit", "agreed to provide" → a promise; "must hand over" → an obligation; "refused to lift", "will not
        // accept" → a refusal. Looks back over auxiliaries and adverbs.
        private Modality ModalityOf(Trigger t, Clause c)
        {
            bool not = false;
            for (int j = t.Start - 1, n = 0; j >= c.Start && n < 4; j--, n++)
            {
                string w = _v.Low[j];
                if (w is "not" or "n't" or "never") { not = true; continue; }
                if (w == "to" && j > c.Start && EventWords.RefusalWords.Contains(_v.Low[j - 1])) return Modality.Refusal;
                // "President Bush is to meet Abbas next month": "be to" puts the act on the calendar.
                // Not "the system's sole aim was to defend Europe": an aim or a task that is to be done says no one will.
                if (w == "to" && j > c.Start && _v.Low[j - 1] is "is" or "are" or "was" or "were" or "am" && j + 1 == t.Start)
                    return not || (j - 2 >= c.Start && EventWords.PurposeNouns.Contains(_v.Norm[j - 2])) ? Modality.None : Modality.Scheduled;
                if (EventWords.ObligationWords.Contains(w)) return not ? Modality.None : Modality.Obligation;
                // "the US must be ready to mediate": readiness that is required of someone is asked of them.
                if (w is "ready" or "willing" or "prepared" && j - 2 >= c.Start && _v.Low[j - 1] == "be" && EventWords.ObligationWords.Contains(_v.Low[j - 2]))
                    return not ? Modality.None : Modality.Obligation;
                if (EventWords.IntentWords.Contains(w)) return not ? (w is "will" or "would" or "'ll" or "wo" ? Modality.Refusal : Modality.None) : Modality.Intent;
                if (EventWords.ThreatWords.Contains(w)) return not ? Modality.None : Modality.Threat;
                if (EventWords.ScheduleWords.Contains(w) && j + 1 < t.Start && _v.Low[j + 1] == "to") return not ? Modality.None : Modality.Scheduled;
                // "prepared to resume shelling", "will continue to attack": the aspect of the act is not a modality of its own.
                if (w is "to" or "be" or "have" or "soon" or "also" or "resume" or "continue" or "begin" or "start" || EventWords.Adverbs.Contains(w) || w.EndsWith("ly", StringComparison.Ordinal)) continue;
                break;
            }
            return Modality.None;
        }

        // CAMEO 12x: refusing the act (04 → 125, 06 → 121, 07 → 122, 08 → 124 …).
        private static string RejectCode(string code) => code[..2] switch
        {
            "03" or "04" => "125",
            "05" => "120",
            "06" => "121",
            "07" => "122",
            "08" => code.StartsWith("0841", StringComparison.Ordinal) || code.StartsWith("0842", StringComparison.Ordinal) ? "1243"
                  : code.StartsWith("085", StringComparison.Ordinal) ? "1244" : code.StartsWith("087", StringComparison.Ordinal) ? "1246"
                  : code.StartsWith("081", StringComparison.Ordinal) ? "1241" : "124",
            "10" => "120",
            _ => code,
        };

        // CAMEO 03x: the promise of the cooperative act (04 → 036 …); a promised attack is a threat (138).
        private static string IntentCode(string code) => code[..2] switch
        {
            "04" => "036",
            "05" => "032",
            "06" => "031",
            "07" => "033",
            "08" => code.StartsWith("0841", StringComparison.Ordinal) || code.StartsWith("0842", StringComparison.Ordinal) ? "0353"
                  : code.StartsWith("085", StringComparison.Ordinal) ? "0354" : code.StartsWith("087", StringComparison.Ordinal) ? "0356" : "035",
            // A conflictual act promised is a threat (CAMEO 13x): "would boycott all contact" threatens a boycott.
            "14" => "133",
            "16" => (code.Length >= 3 ? code[..3] : code) switch
            {
                "161" => "1313", "162" => "1311", "163" => "1312", "164" => "134", "165" => "135", "166" => "136", _ => "131",
            },
            "17" => code.StartsWith("175", StringComparison.Ordinal) ? "137" : "132",
            "18" or "19" or "20" => "138",
            _ => code,
        };

        // CAMEO 10x: demanding the act of the target (08 yield → 105 …).
        private static string DemandCode(string code) => code[..2] switch
        {
            "04" => "106",
            "05" => "102",
            "06" => "101",
            "07" => "103",
            "08" => code.StartsWith("0841", StringComparison.Ordinal) || code.StartsWith("0842", StringComparison.Ordinal) ? "1053"
                  : code.StartsWith("085", StringComparison.Ordinal) ? "1054" : code.StartsWith("087", StringComparison.Ordinal) ? "1056" : "105",
            "03" => "100",
            _ => code,
        };

        // The subject of the nearest earlier clause of the sentence that holds a reporting verb.
        private int[] SayerBefore(int ci)
        {
            for (int k = ci - 1; k >= 0; k--)
            {
                var c = _clauses[k];
                for (int j = c.Start; j < c.End; j++)
                    if (EventWords.SayVerbs.Contains(_v.Low[j])) return SubjectOf(k, j);
            }
            // "… must cooperate, the minister said": the sayer follows.
            for (int k = ci + 1; k < _clauses.Count; k++)
            {
                var c = _clauses[k];
                for (int j = c.Start; j < c.End; j++)
                    if (EventWords.SayVerbs.Contains(_v.Low[j]))
                    {
                        var after = SubjectIn(j + 1, c.End);
                        return after.Length > 0 ? after : SubjectIn(c.Start, j);
                    }
            }
            return [];
        }

        private Certainty ReportedOr(Sentence s, Trigger t)
        {
            int at = _doc.Tokens[t.Start].Start;
            foreach (var cl in _doc.Claims)
                if (cl.Start <= at && at < cl.End) return cl.Certainty;
            if (_firstUnverified < t.Start) return Certainty.Unverified;
            foreach (var q in _doc.Quotes)
                if (q.Start <= at && at < q.End) return Certainty.Reported;
            return _hasReported ? Certainty.Reported : Certainty.Asserted;
        }

        private bool IsPassive(Trigger t, Clause c)
        {
            string w = _v.Low[t.Start];
            bool participle = w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal)
                              || (w != t.Forms[0].Lemma.Split('_')[0] && !w.EndsWith('s') && !w.EndsWith("ing", StringComparison.Ordinal));
            if (!participle) return false;
            for (int j = t.Start - 1, n = 0; j >= c.Start && n < 4; j--, n++)
            {
                string p = _v.Low[j];
                if (EventWords.PassiveAux.Contains(p)) return !(p == "'s" && j > 0 && _v.MentionAt[j - 1] >= 0);
                if (!EventWords.Adverbs.Contains(p) && !p.EndsWith("ly", StringComparison.Ordinal)) return false;
            }
            return false;
        }

        /// <summary>The actors that are the subject of clause <paramref name="ci"/> for a trigger at <paramref name="trigger"/>.</summary>
        private int[] SubjectOf(int ci, int trigger, int depth = 0)
        {
            var c = _clauses[ci];
            if (trigger - c.Start > SubjectWindow) c = c with { Start = trigger - SubjectWindow };
            var found = SubjectIn(c.Start, trigger);
            if (found.Length > 0) return found;
            // Relative clause: the antecedent is the last actor before the pronoun.
            if (c.Kind == ClauseKind.Relative && c.Opener > 0)
            {
                int m = LastMentionBefore(c.Opener, c.Opener - 6, allowModifier: false);
                if (m < 0) m = LastMentionBefore(c.Opener, c.Opener - 6, allowModifier: true);
                if (m >= 0) return [_v.Mentions[m].Actor];
            }
            // Pronoun or title subject.
            for (int j = c.Start; j < trigger; j++)
            {
                string w = _v.Low[j];
                // "Syria says it will not accept …": in a reported clause, "it" / "they" / "we" is the one who says it.
                if (w is "it" or "they" or "we" && c.Kind == ClauseKind.Complement && ci > 0 && depth == 0)
                {
                    var sayer = SayerBefore(ci);
                    if (sayer.Length > 0) return sayer;
                    break;
                }
                if (EventWords.PersonPronouns.Contains(w))
                {
                    int p = LastPersonBefore(j);
                    if (p >= 0) return [p];
                    break;
                }
                if (EventWords.Titles.Contains(w))
                {
                    int r = ResolveTitle(c.Start, j);
                    if (r >= 0) return [r];
                }
            }
            // A nationality adjective alone ("Syrian forces attacked") stands for its country.
            for (int j = c.Start; j < trigger; j++)
                if (_v.MentionAt[j] >= 0 && _v.Mentions[_v.MentionAt[j]] is { Modifier: true, Type: EntityType.NORP } nm) return [nm.Actor];
            // Coordinated verb phrases and participial clauses share the subject of the clause before; a relative clause
            // in between is skipped ("The minister, who visited Ankara, met Erdogan").
            if (ci > 0 && depth < MaxInheritDepth && c.Kind is ClauseKind.Coordinate or ClauseKind.Participial or ClauseKind.Subordinate)
            {
                int pi = ci - 1;
                while (pi > 0 && _clauses[pi].Kind == ClauseKind.Relative) pi--;
                if (_subjects.TryGetValue(pi, out var prev)) return prev;
                var inherited = SubjectOf(pi, FirstVerbish(_clauses[pi]), depth + 1);
                _subjects[pi] = inherited;
                return inherited;
            }
            return [];
        }

        // The first auxiliary or verb trigger of a clause: its subject lies before it.
        private int FirstVerbish(Clause c)
        {
            for (int j = c.Start; j < c.End; j++)
                if (EventWords.Auxiliaries.Contains(_v.Low[j]) || TriggerAt(j, c.End) is not null) return j;
            return c.End;
        }

        // The first actor mention in [from, to) that is not a modifier, with "X and Y" coordination, skipping possessors
        // ("Russia's President Vladimir Putin" → Putin).
        private int[] SubjectIn(int from, int to)
        {
            var result = new List<int>();
            for (int j = from; j < to; j++)
            {
                int m = _v.MentionAt[j];
                if (m < 0) continue;
                var men = _v.Mentions[m];
                j = men.End - 1;
                if (men.Modifier) continue;
                // "the attack on Damascus": an actor after these prepositions is not the subject ("rulers in Damascus" is).
                int before = men.First - 1;
                if (before >= from && _v.Low[before] == "the") before--;
                if (before >= from && EventWords.NonSubjectPreps.Contains(_v.Low[before])) continue;
                if (men.End < to && _v.Low[men.End] == "'s")
                {
                    int next = NextMention(men.End + 1, Math.Min(to, men.End + 5));
                    if (next >= 0) { j = _v.Mentions[next].First - 1; continue; }
                }
                result.Add(men.Actor);
                // Coordination: "Russia and Iran", "Russia, Iran and Turkey".
                int k = men.End;
                while (k < to)
                {
                    int gap = k;
                    while (gap < to && _v.Low[gap] is "," or "and" or "&" or "the") gap++;
                    if (gap == k || gap >= to || _v.MentionAt[gap] < 0) break;
                    var nm = _v.Mentions[_v.MentionAt[gap]];
                    if (!nm.Modifier) result.Add(nm.Actor);
                    k = nm.End;
                }
                break;
            }
            return result.Distinct().ToArray();
        }

        private int NextMention(int from, int to)
        {
            for (int j = from; j < to && j < _v.Low.Length; j++)
                if (_v.MentionAt[j] >= 0) return _v.MentionAt[j];
            return -1;
        }

        private int LastMentionBefore(int before, int notBefore, bool allowModifier)
        {
            for (int j = before - 1; j >= Math.Max(0, notBefore); j--)
                if (_v.MentionAt[j] >= 0 && (allowModifier || !_v.Mentions[_v.MentionAt[j]].Modifier)) return _v.MentionAt[j];
            return -1;
        }

        // "he" / "she": the last person named before, when no other person is named from the start of the previous sentence
        // up to the pronoun. With two people in view ("Kennedy criticised Brown. He said …") the pronoun stays unresolved:
        // the event then has no source and is not coded, rather than given to the wrong one.
        private int LastPersonBefore(int before)
        {
            int found = -1;
            int j = before - 1;
            for (; j >= 0; j--)
            {
                int m = _v.MentionAt[j];
                if (m >= 0 && _v.Mentions[m].Type == EntityType.PERSON) { found = _v.Mentions[m].Actor; break; }
            }
            if (found < 0) return -1;
            int s = _doc.SentenceAt(_doc.Tokens[Math.Min(before, _doc.Tokens.Length - 1)].Start);
            int from = s > 0 ? _doc.Sentences[s - 1].FirstToken : 0;
            for (int k = j - 1; k >= from; k--)
            {
                int m = _v.MentionAt[k];
                if (m >= 0 && _v.Mentions[m].Type == EntityType.PERSON && _v.Mentions[m].Actor != found) return -1;
            }
            return found;
        }

        private int FirstMention(int from, int to, Func<ActorMention, bool> ok)
        {
            for (int j = from; j < to; j++)
            {
                int m = _v.MentionAt[j];
                if (m >= 0 && ok(_v.Mentions[m])) return _v.Mentions[m].Actor;
            }
            return -1;
        }

        private int FindAgent(int from, int to)
        {
            for (int j = from; j + 1 < to; j++)
                if (_v.Low[j] == "by")
                {
                    int m = NextMention(j + 1, Math.Min(to, j + 4));
                    if (m >= 0) return _v.Mentions[m].Actor;
                }
            return -1;
        }

        // The object: the first actor after the verb; a possessor yields to its head ("Syria's President al-Sharaa"),
        // a modifier to the word it modifies when that is an actor ("HTS-held Idlib").
        private int ObjectAfter(int from, int to, int[] subject)
        {
            for (int j = from; j < to; j++)
            {
                int m = _v.MentionAt[j];
                if (m < 0) continue;
                var men = _v.Mentions[m];
                if (subject.Contains(men.Actor)) { j = men.End - 1; continue; }
                if (men.End < to && (_v.Low[men.End] == "'s" || men.Modifier))
                {
                    int next = NextMention(men.End + (_v.Low[men.End] == "'s" ? 1 : 0), Math.Min(to, men.End + 5));
                    if (next >= 0 && next != m && !_v.Mentions[next].Modifier) return _v.Mentions[next].Actor;
                }
                return men.Actor;
            }
            return -1;
        }

        // "the former Syrian leader": the person whose role matches the title, the country and "former".
        private int ResolveTitle(int from, int titleTok)
        {
            string title = _v.Low[titleTok];
            bool former = false;
            int country = -1;
            string? countryName = null;
            for (int j = Math.Max(from, titleTok - 4); j < titleTok; j++)
            {
                // "a union leader", "another minister": an indefinite title introduces someone not named, not one the
                // text has named before.
                if (_v.Low[j] is "a" or "an" or "another" or "one" or "some"
                    && (_syn.Heads[j] == titleTok || _syn.Heads[j] is var hj and >= 0 && hj < titleTok && _syn.Heads[hj] == titleTok)) return -1;
                if (_v.Low[j] is "former" or "ex" or "ousted" or "deposed" or "toppled" or "late") former = true;
                if (_v.MentionAt[j] >= 0) { country = _v.Mentions[_v.MentionAt[j]].Actor; countryName = _v.Low[j]; }
            }
            int best = -1, bestScore = 0;
            for (int a = 0; a < _doc.Actors.Count; a++)
            {
                var actor = _doc.Actors[a];
                if (actor.Type != EntityType.PERSON) continue;
                foreach (var r in actor.Roles)
                {
                    string rt = r.Title.ToLowerInvariant();
                    // A whole word of the role's title: "the president" is not a "presidential nominee".
                    var spaced = " " + rt.Replace('-', ' ') + " ";
                    bool titleOk = spaced.Contains($" {title} ", StringComparison.Ordinal)
                        || (title is "leader" or "ruler" && EventWords.LeaderTitles.Any(l => spaced.Contains($" {l} ", StringComparison.Ordinal)));
                    if (!titleOk) continue;
                    int score = 1;
                    if (country >= 0 && r.Of != null && (SameName(r.Of, _doc.Actors[country].Name) || (countryName != null && Stem(r.Of) == Stem(countryName)))) score += 2;
                    else if (country >= 0) continue;
                    bool isFormer = r.Qualifier?.Contains("former", StringComparison.OrdinalIgnoreCase) == true || r.End != null;
                    if (former == isFormer) score++;
                    if (score > bestScore) { bestScore = score; best = a; }
                }
            }
            return best;
        }

        private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
        private static string Stem(string s) { s = s.ToLowerInvariant(); return s.Length > 4 ? s[..4] : s; }
    }
}
