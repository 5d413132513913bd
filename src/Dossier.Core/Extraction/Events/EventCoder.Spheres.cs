using Dossier.Actors;
using Dossier.Documents;

namespace Dossier.Extraction.Events;

// Public life or not: an event is coded only between actors of public life (states, governments, parties, forces, armed
// groups, international bodies, officials) and not when a side or an argument of the verb belongs to business, sport or
// entertainment. The sphere is read from the arguments (events-spheres.tsv), never from the story's topic: the actor's
// CAMEO sectors, the words of an organisation's name, a person's role titles, a noun the sentence sets beside the name
// ("brewing giant Inbev"), and the nouns the verb takes ("beat them in the final", "bought a stake").
public sealed partial class EventCoder
{
    private sealed partial class Run
    {
        private Sphere[]? _spheres;

        /// <summary>PLOVER types that may stand without a target: a protest, a mobilisation, an attack whose victims are
        /// not named.</summary>
        private static bool OneSided(string? plover) => plover is "PROTEST" or "MOBILIZE" or "ASSAULT";

        /// <summary>PLOVER types whose several sources act with each other ("Israel and Lebanon signed …", "met", "agreed to
        /// cooperate"): each is the other's counterpart, and no target is named.</summary>
        private static bool Reciprocal(string code, string? plover) => plover is "AGREE" or "CONSULT" or "COOPERATE"
            // Diplomatic cooperation and signing a formal agreement (CAMEO 050, 057: PLOVER SUPPORT) are done together.
            || code.StartsWith("050", StringComparison.Ordinal) || code.StartsWith("057", StringComparison.Ordinal);

        // A visit or meeting (CAMEO 04, or its intent, 03) whose only target is a town or region of the source's own country, or of a country
        // the text does not give for the source: a campaign tour or a trip at home, not a meeting between actors ("he
        // visits Manchester, Liverpool …"). A country as target ("arrived in Iraq") is a visit.
        private bool DomesticTravel(string code, List<int> sources, List<int> targets)
        {
            // Also the promise or the trip of it (CAMEO 03: "making early trips to Iowa", "heading to California").
            if (!(code.StartsWith("04", StringComparison.Ordinal) || code.StartsWith("03", StringComparison.Ordinal)) || targets.Count == 0) return false;
            foreach (int t in targets)
            {
                var x = _doc.Actors[t];
                if (x.Type != EntityType.GPE || x.Codes.ContainsKey("iso3")) return false;
                string? there = CountryOf(x);
                if (there is null) return false;
                foreach (int s in sources)
                {
                    // A person whose country the text does not give is taken to travel at home; an organisation of no
                    // country (the AU, the UN) travels abroad wherever it goes.
                    var home = CountryOf(_doc.Actors[s]);
                    if (home is null ? _doc.Actors[s].Type != EntityType.PERSON : home != there) return false;
                }
            }
            return true;
        }

        // The country an actor's CAMEO code begins with ("GBRGOV" → GBR), or null.
        private static string? CountryOf(Actor a) =>
            a.Codes.TryGetValue("cameo", out var c) && c.Length >= 3 && CountryTable.Default.ByIso3(c[..3]) is not null ? c[..3] : null;

        // A person the dictionary does not code is of the country a current role of theirs is of ("Supreme Leader of Iran").
        private string? CountryOf(int actor)
        {
            var a = _doc.Actors[actor];
            if (CountryOf(a) is { } code) return code;
            if (a.Type != EntityType.PERSON) return null;
            foreach (var r in a.Roles)
                if (r.End is null && r.Of is { } of && CountryTable.Default.TryFind(of, out var hit) && hit.Kind == CountryNameKind.Name)
                    return hit.Country.Iso3;
            return null;
        }

        /// <summary>A place that is not a country: a town, province or region, with no CAMEO code but its country's (or
        /// none). A body the NER typed as a place keeps its code ("BuzzFeed", MED) and is not one.</summary>
        private bool IsPlace(int actor) =>
            _doc.Actors[actor] is { Type: EntityType.GPE or EntityType.LOC } x && !x.Codes.ContainsKey("iso3")
            && (!x.Codes.TryGetValue("cameo", out var c) || CountryOf(x) is not null);

        /// <summary>A country, or its government by name or seat (CAMEO …GOV: "the Kremlin").</summary>
        private bool IsState(int actor) =>
            _doc.Actors[actor] is var x && (x.Type == EntityType.GPE && x.Codes.ContainsKey("iso3")
                || x.Codes.TryGetValue("cameo", out var c) && c.Length == 6 && c.EndsWith("GOV", StringComparison.Ordinal) && CountryOf(x) is not null);

        /// <summary>A person, or a body of the state by its CAMEO sector (GOV, MIL, ELI, LEG, JUD, COP, SPY …): not a group
        /// that is not the state (REB, OPP, INS, SEP, UAF, CVL, RAD …).</summary>
        private static readonly HashSet<string> NonStateRoleWords = new(StringComparer.OrdinalIgnoreCase)
            { "opposition", "rebel", "rebels", "dissident", "activist", "insurgent", "separatist", "militant", "guerrilla", "union", "protest" };

        private bool OfTheState(int actor)
        {
            var x = _doc.Actors[actor];
            // A person the dictionary does not code is of the state unless a role says they stand against it ("Iranian
            // opposition leader Mir Hossein Mousavi", "rebel commander …").
            if (!x.Codes.TryGetValue("cameo", out var c) || c.Length < 6)
                return x.Type == EntityType.PERSON && !x.Roles.Any(r => r.End is null && r.Title.Split(' ', '-').Any(w => NonStateRoleWords.Contains(w)));
            return c[3..6] is "GOV" or "MIL" or "ELI" or "LEG" or "JUD" or "COP" or "SPY" or "PTY";
        }

        /// <summary>A body one addresses rather than meets: a committee, a parliament or chamber, an assembly, a conference.</summary>
        private bool IsAssembly(int actor) =>
            _doc.Actors[actor] is { Type: EntityType.ORG } x && x.Name.Split(' ') is var words
            && words.Any(w => w is "Committee" or "Parliament" or "Assembly" or "Congress" or "Senate" or "House" or "Conference"
                or "Convention" or "Forum" or "Commons" or "Lords" or "Duma" or "Knesset" or "Bundestag");

        /// <summary>An organisation named by one generic word of a body ("Committee", "Department", "Cabinet") with no code:
        /// a fragment of a longer name, or a body the text does not say whose.</summary>
        private bool IsBareBodyWord(int actor) =>
            _doc.Actors[actor] is { Type: EntityType.ORG } x && x.Codes.Count == 0 && !x.Name.Contains(' ')
            && EventWords.BodyWords.Contains(x.Name.ToLowerInvariant());

        /// <summary>A place the actor layer ties to no country and gives no code: a region ("Europe", "the Middle East").</summary>
        private bool IsRegion(int actor) =>
            _doc.Actors[actor] is { Type: EntityType.GPE or EntityType.LOC } x && !x.Codes.ContainsKey("iso3") && !x.Codes.ContainsKey("cameo");

        /// <summary>The country whose public (its civilians, or its people named by their nationality: "Palestinians",
        /// "Iraqi civilians", CAMEO PSECVL) the actor is; else null.</summary>
        private string? IsPublicOf(int actor) =>
            _doc.Actors[actor] is { Type: EntityType.NORP } x && x.Codes.TryGetValue("cameo", out var c) && c.Length == 6
            && c.EndsWith("CVL", StringComparison.Ordinal) && x.Codes.TryGetValue("iso3", out var iso) ? iso : null;

        /// <summary>True when an event between these sides, of the verb at <paramref name="verb"/> (-1 for a noun
        /// event), is one of public life: no side and no argument of business, sport or entertainment, and at least one
        /// side of public life. A place name the actor layer could not tie to a country ("Hit", "Nazi") is no side.</summary>
        /// <summary>A literal cue for a material act (CAMEO 06-08, 15-20): the dictionary pattern that chose the code names
        /// what is done ("imposed sanctions", "sent troops", "granted asylum"); the verb says the act whatever follows it
        /// (events-literal-verbs.tsv: kill, shell, arrest, invade …); the parse puts on a side people who bear arms or are
        /// acted on in body ("troops", "rebels", "the prisoners", "a roadside bomb": events-agents.tsv); or a side is an
        /// armed source by its CAMEO sector (military, police, rebels, insurgents) or its name ("Rapid Support Forces"); or a
        /// state acts on a state that is the verb's object itself or on another's ground ("Russia attacked Ukraine", "attacked
        /// Russian border posts"; not "attacked Britain's plans").
        /// </summary>
        private bool LiteralAct(Trigger t, Selection sel, List<int> sources, List<int> targets)
        {
            // Hits on nouns and modifiers, not on a particle ("clamp down on" names nothing done), nor on a noun of violence
            // that is as often words ("unleashed withering attacks", "a gun control offensive").
            // Not a modifier ("pre-emptive" in "launched a pre-emptive attack"; a weapon modifying another noun, "gun" in "his
            // announcement on new gun actions", says nothing of the act), nor an effort, plan or attempt ("step up efforts to
            // raise the federal wage").
            if (sel.FromPattern && sel.Hits.Any(h => _syn.Relations[h] is not ("compound:prt" or "case" or "mark")
                    && !(_syn.Relations[h] == "compound" && WordyViolenceHit(h))
                    && _syn.Tags[h] is not (Upos.ADJ or Upos.ADV) && !EventWords.UnrealisedNouns.Contains(_v.Norm[h])
                    && !WordyViolence(h)))
                return true;
            // The verb itself, unless a particle makes it another verb ("killing off demand").
            bool particle = HasKid(t.Start, k => _syn.Relations[k] == "compound:prt");
            if (EventWords.LiteralVerb(sel.Lemma) || (t.End - t.Start == 1 && !particle && _syn.Lemmas[t.Start] is { } l && EventWords.LiteralVerb(l.ToLowerInvariant())))
                return true;
            int p = t.Start;
            if (Rooted(p))
            {
                int subject = SubjectNode(p, 0);
                if (subject >= 0 && BodilyNode(subject)) return true;
                bool stateActs = subject >= 0 && _v.MentionAt[subject] >= 0 && _doc.Actors[_v.Mentions[_v.MentionAt[subject]].Actor].Type is EntityType.GPE;
                foreach (int k in Kids(p))
                {
                    var rel = _syn.Universal(k);
                    // "Russia attacked Ukraine": a state acting on a state named as the object itself (not on its policies).
                    if (stateActs && rel is "obj" && _v.MentionAt[k] >= 0 && _doc.Actors[_v.Mentions[_v.MentionAt[k]].Actor].Type is EntityType.GPE) return true;
                    // "Ukraine attacked Russian border posts": a state acting on another's ground.
                    if (stateActs && (rel is "obj" || (rel is "obl" && CaseOf(k) is "on" or "against")) && EventWords.KindOf(_v.Low[k], _v.Norm[k]) == AgentKind.Place
                        && HasKid(k, m => _syn.Relations[m] is "amod" or "compound" or "nmod:poss" && OwnerMention(m) >= 0)) return true;
                    // A noun of violence that is as often words ("launched an attack against Obama") is no body on a side.
                    if (WordyViolence(k)) continue;
                    if (rel is "obj" or "iobj" or "nsubj" or "nmod" && BodilyNode(k)) return true;
                    // "imposed a curfew", "reimposed blockades": the object is a measure laid on a place, done in body.
                    if (rel is "obj" && (EventWords.PlaceRuleNouns.Contains(_v.Norm[k]) || EventWords.LiteralNoun(_v.Norm[k]))) return true;
                    if (rel is "obl" && (_syn.Relations[k] == "obl:agent" || CaseOf(k) is "on" or "against" or "at") && BodilyNode(k)) return true;
                }
            }
            // An armed source ("the RSF shelled …"); an armed target alone says nothing ("Ryan blasted the FBI").
            foreach (int a in sources)
                if (ArmedActor(a)) return true;
            return false;
        }

        /// <summary>A noun event of violence (CAMEO 18-20) is coded only where the noun says the act in body ("airstrikes",
        /// "shelling": events-literal-verbs.tsv holds the verbs, the nouns are their own entries) or the sides make it literal:
        /// an armed source, or a state against a state ("Russia's attack on Kyiv"); "Trump's attacks on Curiel" are words.</summary>
        private bool LiteralNounEvent(string code, int noun, int source, int target)
        {
            if (code[..2] is not ("18" or "19" or "20")) return true;
            if (EventWords.LiteralNoun(_v.Norm[noun])) return true;
            if (ArmedActor(source)) return true;
            return _doc.Actors[source].Type is EntityType.GPE && _doc.Actors[target].Type is EntityType.GPE or EntityType.LOC;
        }

        // A noun of armed people, people acted on in body, or the means of violence ("Israeli forces", "the hostages",
        // "a car bomb").
        private bool BodilyNode(int k) =>
            EventWords.Bodily(_v.Low[k], _v.Norm[k]) || EventWords.KindOf(_v.Low[k], _v.Norm[k]) == AgentKind.Weapon;

        // A weapon or noun of violence used as a modifier ("gun actions", "bomb threat").
        private bool WordyViolenceHit(int k) =>
            EventWords.KindOf(_v.Low[k], _v.Norm[k]) == AgentKind.Weapon || EventWords.NounCode(_v.Norm[k], null) is { } nc && nc[..2] is "18" or "19" or "20";

        private bool WordyViolence(int k) =>
            EventWords.NounCode(_v.Norm[k], null) is { } nc && nc[..2] is "18" or "19" or "20" && !EventWords.LiteralNoun(_v.Norm[k]);

        // CAMEO sectors of armed actors: military, police, rebels, insurgents, unidentified armed forces.
        private static readonly string[] ArmedSectors = ["MIL", "COP", "REB", "INS", "UAF"];

        private bool ArmedActor(int a)
        {
            var x = _doc.Actors[a];
            if (x.Codes.TryGetValue("cameo", out var code))
                for (int i = 0; i + 3 <= code.Length; i += 3)
                    if (ArmedSectors.Contains(code.Substring(i, 3))) return true;
            foreach (var w in x.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var low = w.ToLowerInvariant();
                if (EventWords.Bodily(low, low.EndsWith('s') ? low[..^1] : low)) return true;
            }
            return false;
        }

        private bool PublicLife(List<int> sources, List<int> targets, int verb)
        {
            bool political = false;
            foreach (var list in (ReadOnlySpan<List<int>>)[sources, targets])
                foreach (int a in list)
                {
                    if (NoPlace(a)) return false;
                    var sp = SideSphere(a);
                    // In a sporting report a country or a name of no public role is a team or a player ("beaten by
                    // France", "Rougerie hurt his chest against Wales").
                    if (SportingReport() && (sp == Sphere.None || (sp == Sphere.Political && !OfficeHolder(a)))) return false;
                    if (sp is Sphere.Business or Sphere.Sport or Sphere.Culture) return false;
                    political |= sp == Sphere.Political;
                }
            if (!political) return false;
            // A person of no known public role facing only places ("he apologised for not being in London", "Jamie heads to
            // Poland"): the place is where a private person is, not a party to a political event.
            if (PrivateFacingPlaces(sources, targets) || PrivateFacingPlaces(targets, sources)) return false;
            return verb < 0 || !ArgumentsElsewhere(verb);
        }

        private bool PrivateFacingPlaces(List<int> one, List<int> other) =>
            one.Count > 0 && other.Count > 0
            && one.All(a => _doc.Actors[a].Type == EntityType.PERSON && SideSphere(a) == Sphere.None)
            && other.All(a => _doc.Actors[a].Type is EntityType.GPE or EntityType.LOC);

        /// <summary>Least number of words of sport (events-spheres.tsv: a match, a coach, a goal …) that make a document a
        /// sporting report. On the BBC corpus 91% of sport stories have as many, and 2–3% of political, business and
        /// entertainment ones.</summary>
        public const int SportingReportWords = 4;

        private int _sporting = -1;

        // The document's own words say it reports sport.
        private bool SportingReport()
        {
            if (_sporting < 0)
            {
                int n = 0;
                for (int i = 0; i < _v.Norm.Length && n < SportingReportWords; i++)
                    if (EventWords.SphereOf(_v.Norm[i], SphereCue.Arg) == Sphere.Sport || EventWords.SphereOf(_v.Norm[i], SphereCue.Desc) == Sphere.Sport
                        || EventWords.SphereOf(_v.Low[i], SphereCue.Desc) == Sphere.Sport)
                        n++;
                _sporting = n >= SportingReportWords ? 1 : 0;
            }
            return _sporting == 1;
        }

        // An actor of public life by office, not by being a country: a political sector in its code or a political title.
        private bool OfficeHolder(int a)
        {
            var x = _doc.Actors[a];
            if (x.Type is EntityType.GPE or EntityType.NORP && (!x.Codes.TryGetValue("cameo", out var c) || c.Length <= 3)) return false;
            return ActorSphere(a) == Sphere.Political;
        }

        // A GPE the actor layer tied to no country: a word the recogniser took for a place.
        private bool NoPlace(int a) =>
            _doc.Actors[a] is { Type: EntityType.GPE } x && !x.Codes.ContainsKey("cameo") && !x.Codes.ContainsKey("iso3");

        // The actor's own sphere, else what a noun beside one of its names in this sentence says ("striker X", "X, the
        // firm's owner"): the latter can only take an actor out of public life.
        private Sphere SideSphere(int a)
        {
            var own = ActorSphere(a);
            if (own is not (Sphere.None or Sphere.Political)) return own;
            for (int j = _sFirst; j < _sEnd; j++)
            {
                int m = _v.MentionAt[j];
                if (m < 0 || _v.Mentions[m].Actor != a) continue;
                j = _v.Mentions[m].End - 1;
                var beside = BesideSphere(HeadOf(m));
                if (beside is Sphere.Business or Sphere.Sport or Sphere.Culture) return beside;
            }
            if (own == Sphere.None) return DescribedInArticle(a);
            // An organisation political only by a word of its name ("Bloc Party") that the article calls a band, a firm or
            // a team is that.
            if (own == Sphere.Political && _doc.Actors[a] is { Type: EntityType.ORG } o && !o.Codes.ContainsKey("cameo")
                && DescribedInArticle(a) is var d and (Sphere.Business or Sphere.Sport or Sphere.Culture))
                return d;
            return own;
        }

        private Dictionary<int, Sphere>? _described;

        /// <summary>How many words before a name, or after its comma, a describing noun is looked for elsewhere in the
        /// article ("troubled oil giant Yukos", "Yukos, the oil firm").</summary>
        public const int DescriptionReach = 3;

        // What the article says an actor of no known sphere is, beside any of its names: a noun of business, sport or
        // culture right before it ("oil giant Yukos", "rock band Bloc Party") or after its comma ("Yukos, the oil firm"),
        // or the title right before a person's name ("Judge Alejandro Rivera"). Read only for an actor the dictionaries and
        // roles know nothing of.
        private Sphere DescribedInArticle(int a)
        {
            _described ??= new();
            if (_described.TryGetValue(a, out var known)) return known;
            var found = Sphere.None;
            foreach (var men in _v.Mentions)
            {
                if (men.Actor != a || found != Sphere.None) continue;
                for (int j = men.First - 1; j >= Math.Max(0, men.First - DescriptionReach) && found == Sphere.None; j--)
                {
                    if (_doc.Tokens[j].Kind != TokenKind.Word || _v.MentionAt[j] >= 0) break;
                    found = Desc(j) is var d and (Sphere.Business or Sphere.Sport or Sphere.Culture) ? d : Sphere.None;
                    // A title right before a person's name says the office ("Judge Alejandro Rivera", "striker Crawford").
                    if (found == Sphere.None && j == men.First - 1 && men.Type == EntityType.PERSON)
                        found = EventWords.SphereOf(_v.Low[j], SphereCue.Title);
                }
                int k = men.End;
                if (found == Sphere.None && k + 1 < _v.Low.Length && _v.Low[k] == "," && _v.Low[k + 1] is "the" or "a" or "an")
                    for (int j = k + 2; j < Math.Min(_v.Low.Length, k + 2 + DescriptionReach) && found == Sphere.None; j++)
                    {
                        if (_doc.Tokens[j].Kind != TokenKind.Word || _v.MentionAt[j] >= 0) break;
                        found = Desc(j) is var d and (Sphere.Business or Sphere.Sport or Sphere.Culture) ? d : Sphere.None;
                    }
            }
            return _described[a] = found;
        }

        // A noun in apposition or compound with a name's head, either way round ("brewing giant Inbev", "Inbev, the
        // brewer", "budget carriers Kingfisher Airlines").
        private Sphere BesideSphere(int h)
        {
            if (h < 0) return Sphere.None;
            foreach (int k in Kids(h))
                if (_syn.Relations[k] is "compound" or "appos" or "amod" or "flat" && _v.MentionAt[k] < 0
                    && Desc(k) is var s and not Sphere.None) return s;
            int g = _syn.Heads[h];
            if (g >= 0 && InSentence(g) && _syn.Relations[h] is "compound" or "appos" or "flat" && _v.MentionAt[g] < 0)
                return Desc(g);
            return Sphere.None;
        }

        private Sphere Desc(int k)
        {
            var s = EventWords.SphereOf(_v.Low[k], SphereCue.Desc);
            return s != Sphere.None ? s : EventWords.SphereOf(_v.Norm[k], SphereCue.Desc);
        }

        // The verb's subject, object or oblique is a noun of business, sport or entertainment that names no actor ("beat
        // them in the final", "bought a stake", "a shot").
        private bool ArgumentsElsewhere(int verb)
        {
            foreach (int k in Kids(verb))
            {
                if (_v.MentionAt[k] >= 0 || _syn.Universal(k) is not ("nsubj" or "obj" or "iobj" or "obl")) continue;
                var s = EventWords.SphereOf(_v.Norm[k], SphereCue.Arg);
                if (s == Sphere.None) s = Desc(k);
                // "bankruptcy protection", "a transfer fee": a noun of another sphere compounded with the argument's head.
                if (s == Sphere.None)
                    foreach (int m in Kids(k))
                        if (_syn.Relations[m] is "compound" && _v.MentionAt[m] < 0 && EventWords.SphereOf(_v.Norm[m], SphereCue.Arg) is var ms and not Sphere.None)
                        { s = ms; break; }
                if (s is Sphere.Business or Sphere.Sport or Sphere.Culture) return true;
            }
            return false;
        }

        /// <summary>An actor's own sphere: its CAMEO sectors (a political one wins), else for a country its being one, for an
        /// organisation the words of its names (a non-political one wins: "Kingfisher Airlines"), for a person the words
        /// of its role titles (a political one wins: "Chairman of the Senate Committee").</summary>
        private Sphere ActorSphere(int a)
        {
            _spheres ??= new Sphere[_doc.Actors.Count];
            if (a >= _spheres.Length) Array.Resize(ref _spheres, _doc.Actors.Count);
            if (_spheres[a] == Sphere.None) _spheres[a] = ComputeSphere(_doc.Actors[a]) is var s and not Sphere.None ? s : Unknown;
            return _spheres[a] == Unknown ? Sphere.None : _spheres[a];
        }

        private const Sphere Unknown = (Sphere)255;

        private static Sphere ComputeSphere(Actor actor)
        {
            var other = Sphere.None;
            if (actor.Codes.TryGetValue("cameo", out var code))
            {
                for (int k = 0; k + 3 <= code.Length; k += 3)
                {
                    var s = EventWords.SphereOf(code.Substring(k, 3), SphereCue.Code);
                    if (s == Sphere.Political) return s;
                    if (s != Sphere.None) other = s;
                }
                if (other != Sphere.None) return other;
            }
            switch (actor.Type)
            {
                case EntityType.GPE or EntityType.NORP:
                    return actor.Codes.Count > 0 ? Sphere.Political : Sphere.None;
                case EntityType.ORG:
                    var political = false;
                    foreach (var name in actor.Aliases.Prepend(actor.Name))
                        foreach (var w in WordsOf(name))
                        {
                            var s = EventWords.SphereOf(w, SphereCue.Name);
                            if (s == Sphere.Political) political = true;
                            else if (s != Sphere.None) return s;
                        }
                    return political ? Sphere.Political : Sphere.None;
                case EntityType.PERSON:
                    foreach (var r in actor.Roles)
                    {
                        var title = r.Title.ToLowerInvariant();
                        var whole = EventWords.SphereOf(title, SphereCue.Title);
                        if (whole == Sphere.Political) return whole;
                        if (whole != Sphere.None) { other = whole; continue; }
                        foreach (var w in WordsOf(title))
                        {
                            var s = EventWords.SphereOf(w, SphereCue.Title);
                            if (s == Sphere.Political) return s;
                            if (s != Sphere.None) other = s;
                        }
                    }
                    // An office held for a country ("Foreign Adviser of Bangladesh") is public life, whatever its title's words.
                    if (other == Sphere.None && actor.Roles.Any(r => r.Of is { } of && CountryTable.Default.TryFind(of, out var c) && c.Kind == CountryNameKind.Name))
                        return Sphere.Political;
                    return other;
                default:
                    return Sphere.None;
            }
        }

        private static IEnumerable<string> WordsOf(string name) =>
            name.ToLowerInvariant().Split([' ', ',', '.', '(', ')', '\'', '’', '-', '&', '/'], StringSplitOptions.RemoveEmptyEntries);
    }
}
