using Dossier.Resources;

namespace Dossier.Extraction.Events;

/// <summary>Closed-class words the event coder reasons with, and the anchor-verb list (events-anchors.tsv).</summary>
/// <remarks>Closed classes (determiners, auxiliaries, subordinators) are part of English grammar, not of any domain, so they
/// live in code; open lists are data. All sets are built once and read-only.</remarks>
internal static class EventWords
{
    private static HashSet<string> Set(params string[] w) => new(w, StringComparer.Ordinal);

    /// <summary>A word before a form that makes it a noun ("the attack", "its demand").</summary>
    public static readonly HashSet<string> Determiners = Set("the", "a", "an", "this", "these", "those", "its", "their", "his",
        "her", "our", "your", "my", "'s", "any", "no", "each", "every", "such", "another", "whose", "of", "first", "last",
        "new", "recent", "latest", "further", "more", "many", "several", "some", "two", "three", "possible", "alleged");

    /// <summary>Forms of "be" and "get" that make a following participle passive.</summary>
    public static readonly HashSet<string> PassiveAux = Set("be", "is", "are", "was", "were", "been", "being", "'s", "'re",
        "get", "gets", "got", "gotten", "getting");

    /// <summary>Words that may stand between an auxiliary and the verb.</summary>
    public static readonly HashSet<string> Adverbs = Set("not", "n't", "never", "also", "already", "reportedly", "allegedly",
        "just", "recently", "since", "still", "yet", "now", "then", "repeatedly", "once", "again", "finally", "officially",
        "formally", "publicly", "quickly", "for", "years", "long", "ever", "even", "all", "both");

    /// <summary>Auxiliary and modal verbs: the subject of a clause comes before the first of them.</summary>
    public static readonly HashSet<string> Auxiliaries = Set("has", "have", "had", "is", "are", "was", "were", "will", "would",
        "can", "could", "may", "might", "must", "should", "shall", "did", "does", "do", "'s", "'ve", "'d", "'ll", "'re");

    /// <summary>Prepositions whose object is not the subject of the clause ("the attack on Damascus killed …").</summary>
    public static readonly HashSet<string> NonSubjectPreps = Set("on", "against", "to", "toward", "towards", "into", "at",
        "over", "about", "with", "upon", "onto");

    /// <summary>Prepositions (pattern words that weigh less than nouns).</summary>
    public static readonly HashSet<string> Prepositions = Set("to", "with", "on", "in", "into", "against", "for", "from", "at",
        "by", "of", "over", "upon", "about", "between", "toward", "towards", "through", "across", "after", "under", "off", "out", "up");

    /// <summary>Words before a cooperative verb that make it a promise ("will visit", "agreed to provide"): CAMEO 03.</summary>
    public static readonly HashSet<string> IntentWords = Set("will", "'ll", "would", "agreed", "agree", "agrees", "pledged",
        "pledges", "promised", "promises", "offered", "offers", "vowed", "vows", "ready", "prepared", "willing", "plans",
        "planned", "intends", "intended", "decided", "decides", "committed",
        // Verbs of planning and deciding before "to" ("is planning to sell", "voted to join"): the act is intended, not done.
        "plan", "planning", "intend", "intending", "prepare", "preparing", "decide", "deciding", "aim", "aims", "aiming",
        "want", "wants", "wanted", "vote", "votes", "voted", "voting", "determined");

    /// <summary>Verbs that name a plan, a wish or a decision (CAMEO gives them 030 by default). Their own default is no act:
    /// "is planning to return asylum seeker children to Albania", "voted for the Iraq war", "intend to strengthen it" are
    /// no intent to cooperate with anyone; the act they govern is coded, as an intent (IntentWords).</summary>
    public static readonly HashSet<string> PlanVerbs = Set("plan", "intend", "prepare", "decide", "determine", "is_determined",
        "aim", "want", "expect", "vote", "hope", "mean");

    /// <summary>Verbs that, before "to", make the act a refusal ("refused to lift"): CAMEO 12.</summary>
    public static readonly HashSet<string> RefusalWords = Set("refuse", "refuses", "refused", "refusing", "decline", "declines",
        "declined", "declining", "rejected", "reneged", "unwilling", "balked");

    /// <summary>Words before a verb that make it an obligation laid on the subject ("Libya must hand over"): CAMEO 10.</summary>
    public static readonly HashSet<string> ObligationWords = Set("must", "should", "ought");

    /// <summary>Reporting verbs whose subject is the one who demands when the reported clause holds "must".</summary>
    public static readonly HashSet<string> SayVerbs = Set("said", "says", "say", "declared", "declares", "insisted", "insists",
        "told", "tells", "reiterated", "reiterates", "concluded", "stressed", "warned", "urged", "argued", "announced", "added");

    /// <summary>Conjunctions that open a subordinate clause.</summary>
    public static readonly HashSet<string> Subordinators = Set("since", "after", "before", "when", "while", "because",
        "although", "though", "whereas", "until", "unless", "once", "following", "amid", "if", "whether");

    /// <summary>Relative pronouns.</summary>
    public static readonly HashSet<string> Relatives = Set("who", "whom", "whose", "which");

    /// <summary>Prepositions that turn a following -ing verb into a clause sharing the main subject ("in bombarding").</summary>
    public static readonly HashSet<string> GerundPreps = Set("in", "by", "while", "after", "before", "without", "for", "since",
        "when", "through");

    /// <summary>Coordinators.</summary>
    public static readonly HashSet<string> Coordinators = Set("and", "or", "but", "yet", "nor");

    /// <summary>Personal pronouns that refer to a person.</summary>
    public static readonly HashSet<string> PersonPronouns = Set("he", "she");

    /// <summary>Modal and intention words: what follows has not happened (yet).</summary>
    public static readonly HashSet<string> Modals = Set("may", "might", "could", "would", "should", "'d", "can", "will",
        "'ll", "shall", "must", "like", "want", "wants", "wanted", "plan", "plans", "planned", "planning", "intend", "intends",
        "intended", "hope", "hopes", "hoped", "seek", "seeks", "sought", "try", "tries", "trying", "tried", "threaten",
        "threatens", "threatened", "expected", "likely", "possibly", "ready", "prepared", "willing", "wish", "aim", "aims");

    /// <summary>Words that deny the verb that follows within a few words.</summary>
    public static readonly HashSet<string> Negators = Set("not", "n't", "never", "neither", "nor");

    /// <summary>Verbs whose "to"-complement did not happen ("refused to lift", "failed to reach").</summary>
    public static readonly HashSet<string> NegatingVerbs = Set("refuse", "refuses", "refused", "refusing", "decline",
        "declines", "declined", "declining", "fail", "fails", "failed", "failing", "yet");

    /// <summary>Verbs whose infinitive complement is the act they ask for ("urged Iran to halt …", "asked them to leave").</summary>
    public static readonly HashSet<string> RequestVerbs = Set("urge", "ask", "call", "press", "pressure", "push", "invite", "encourage",
        "want", "order", "instruct", "request", "appeal", "implore", "beg", "persuade", "advise");

    /// <summary>Nouns whose infinitive is an act asked for, planned or tried, not done ("a demand for Turkey to recognise
    /// Cyprus", "a plan to attack", "an attempt to seize power").</summary>
    public static readonly HashSet<string> UnrealisedNouns = Set("demand", "call", "request", "appeal", "plea", "pressure", "invitation",
        "legislation", "bill", "motion", "petition", "amendment",
        "order", "ultimatum", "bid", "effort", "attempt", "plan", "proposal", "offer");

    /// <summary>Agent nouns of people who do not act for the state where they are ("insurgents in Iraq", "students in
    /// Tehran"): the place after "in" is not their owner.</summary>
    /// <summary>Nouns of a happening or a state of affairs that a place name before them locates ("the Iraq war", "the Darfur
    /// crisis").</summary>
    public static readonly HashSet<string> HappeningNouns = Set("war", "conflict", "crisis", "dispute", "violence", "fighting",
        "invasion", "occupation", "situation", "issue", "question", "problem", "election", "elections", "referendum",
        "policy", "deal", "scandal", "affair");

    /// <summary>A country's missions abroad, aimed at the country they are in or sent to.</summary>
    public static readonly HashSet<string> MissionNouns = Set("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats",
        "embassy", "embassies", "consulate", "consulates", "mission", "legation");

    /// <summary>Verbs whose act is done together, so that several subjects are each other's counterparts ("Putin and Erdogan
    /// met", "India and the United States discussed …", "Saudi Arabia and Yemen agreed to …"). "X and Y visited", "backed",
    /// "decided" are each one's own act toward someone else.</summary>
    public static readonly HashSet<string> MutualVerbs = Set("meet", "discuss", "talk", "negotiate", "confer", "agree", "sign",
        "cooperate", "consult", "reconcile", "collaborate");

    /// <summary>Nouns of a count of people, which stand for what they count ("thousands of Iraqi Kurds").</summary>
    public static readonly HashSet<string> CountNouns = Set("thousands", "hundreds", "dozens", "scores", "tens", "millions",
        "tens of thousands", "hundreds of thousands");

    /// <summary>Nouns of a purpose, whose "is to" names an aim, not an act on the calendar ("its aim is to defend Europe").</summary>
    public static readonly HashSet<string> PurposeNouns = Set("aim", "goal", "purpose", "objective", "idea", "intention", "task",
        "mission", "job", "role", "plan", "policy", "strategy", "priority", "hope", "challenge");

    /// <summary>Generic words of bodies, which alone name no one ("Committee" of "Judiciary Committee Chairman …").
    /// "Army", "Coalition", "Council", "Party", "Front", "Movement", "Alliance" and "Union" are left out: alone they most often
    /// stand for the one body the story is about ("Coalition aircraft destroyed 14 ISIL tanks").</summary>
    public static readonly HashSet<string> BodyWords = Set("committee", "department", "ministry", "cabinet", "commission",
        "agency", "office", "bureau", "court", "embassy", "campaign", "state", "world", "government",
        "administration", "authority", "board", "panel", "organization", "organisation",
        "institute", "foundation", "group", "service", "community", "representatives", "house", "democratic", "republican");

    /// <summary>Nouns no state owns or is, so that a nationality before them names no country as owner: culture and origin,
    /// a people's own life, its firms and press ("the Russian language", "at American universities", "an Israeli newspaper",
    /// "the Pakistani community in Manchester", "American diplomacy", "the Iraqi insurgency").</summary>
    public static readonly HashSet<string> UnownedNouns = Set("language", "speaker", "speakers", "speaking", "cuisine", "food",
        "culture", "art", "history", "literature", "music", "film", "writer", "poet", "novel", "names", "name", "origin",
        "descent", "heritage", "accent", "dialect", "ancestry", "community", "communities", "university", "universities",
        "school", "schools", "newspaper", "newspapers", "media", "press", "company", "companies", "firm", "firms", "business",
        "businesses", "bank", "banks", "market", "markets", "economy", "diplomacy", "insurgency", "voice", "elections",
        "election", "politics", "relations", "public", "people", "society", "voters");

    /// <summary>Words of direction before a place name ("in northwestern Pakistan", "in southern Iraq").</summary>
    public static readonly HashSet<string> DirectionWords = Set("north", "south", "east", "west", "northern", "southern", "eastern",
        "western", "central", "northwestern", "northeastern", "southwestern", "southeastern", "northwest", "northeast",
        "southwest", "southeast", "north-west", "north-east", "south-west", "south-east", "north-western", "north-eastern",
        "south-western", "south-eastern");

    /// <summary>Adjectives that make an event noun a possibility ("a possible Turkish incursion", "a planned attack").</summary>
    public static readonly HashSet<string> PossibleWords = Set("possible", "potential", "future", "planned", "proposed", "feared",
        "threatened", "hypothetical", "expected", "likely", "imminent", "rumored", "rumoured");

    /// <summary>Nouns whose "of" or "about" an event noun is only spoken of ("speculation of an Israeli attack", "fears of
    /// a Turkish incursion").</summary>
    public static readonly HashSet<string> PossibleNouns = Set("speculation", "fear", "fears", "threat", "threats", "risk",
        "possibility", "prospect", "rumor", "rumors", "rumour", "rumours", "talk", "warning", "warnings", "plan", "plans",
        "plot", "proposal", "danger", "likelihood", "chance");

    /// <summary>Verbs of motion, whose "to" + infinitive is a purpose ("flew to visit"), not a complement.</summary>
    public static readonly HashSet<string> MotionVerbs = Set("fly", "travel", "go", "come", "head", "return", "leave", "move", "rush",
        "sail", "drive", "arrive", "walk", "race", "hurry", "journey");

    /// <summary>Words that put an act on the calendar before its "to": "is scheduled to visit", "is expected to meet".</summary>
    public static readonly HashSet<string> ScheduleWords = Set("scheduled", "slated", "due", "expected", "set");

    /// <summary>Verbs that weigh an act without doing it ("would consider sending troops").</summary>
    public static readonly HashSet<string> WeighingVerbs = Set("consider", "contemplate", "weigh", "mull", "ponder", "debate");

    /// <summary>Forms of "threaten" before an infinitive: the act is threatened ("threatened to attack" → CAMEO 13x).</summary>
    public static readonly HashSet<string> ThreatWords = Set("threaten", "threatens", "threatened", "threatening");

    /// <summary>Adjectives of disposition that take an act as complement ("committed to carrying out", "ready to host").</summary>
    public static readonly HashSet<string> DispositionWords = Set("committed", "determined", "ready", "willing", "prepared", "eager",
        "keen", "poised", "resolved", "intent");

    public static readonly HashSet<string> NonStateAgents = Set("rebel", "militant", "insurgent", "fighter", "guerrilla", "jihadist",
        "gunman", "gunmen", "terrorist", "militia", "separatist", "opposition", "activist", "journalist", "citizen", "national",
        "resident", "people", "student", "worker", "supporter", "member", "crew", "sailor", "candidate", "group", "faction",
        "movement", "party", "union", "organization", "organisation", "staff", "agent", "coalition", "bomber", "attacker",
        "assailant", "hijacker", "kidnapper");

    /// <summary>Nouns of a proposal or demand made by someone: whoever makes it ("calls by Kofi Annan", "an Indian proposal")
    /// is the one a rejection, an acceptance or a welcome answers.</summary>
    public static readonly HashSet<string> AuthoredNouns = Set("demand", "call", "request", "appeal", "plea", "invitation",
        "ultimatum", "proposal", "offer", "plan", "initiative", "bid", "order", "suggestion", "overture");

    /// <summary>Nouns of a rule laid on a place ("a curfew in Montenegro", "blockades in the West Bank"): the place is whom it
    /// is laid on.</summary>
    public static readonly HashSet<string> PlaceRuleNouns = Set("curfew", "blockade", "siege", "lockdown", "emergency", "closure",
        "crackdown", "restriction");

    /// <summary>Verbs that deny or withhold the act their complement names ("denied attacking", "avoids condemning Russia").</summary>
    public static readonly HashSet<string> DenialVerbs = Set("deny", "refute", "disavow", "avoid", "refrain", "decline", "refuse");

    /// <summary>Words that mark a statement as not verified.</summary>
    public static readonly HashSet<string> UnverifiedCues = Set("unverified", "unconfirmed", "allegedly", "alleged", "rumor",
        "rumors", "rumour", "rumours", "purportedly", "purported", "speculation");

    /// <summary>Words that mark reported speech.</summary>
    public static readonly HashSet<string> ReportedCues = Set("said", "says", "say", "told", "according", "reportedly",
        "reported", "reports", "claimed", "claims", "stated", "announced", "confirmed", "readout");

    /// <summary>Nouns that name an office holder ("the former Syrian leader").</summary>
    public static readonly HashSet<string> Titles = Set("leader", "president", "minister", "premier", "king", "queen",
        "prince", "emir", "chancellor", "ruler", "dictator", "strongman", "monarch", "commander", "chief", "head", "general",
        "envoy", "ambassador", "spokesman", "spokeswoman", "official", "secretary", "governor", "mayor");

    /// <summary>Titles that a head of state or government answers to.</summary>
    public static readonly HashSet<string> LeaderTitles = Set("president", "prime minister", "king", "queen", "emir",
        "leader", "chancellor", "premier", "monarch", "supreme leader", "ruler", "head of state", "dictator");

    private static readonly Lazy<(Dictionary<string, string> Verbs, Dictionary<string, string> Nouns, int MaxWords)> Anchors = new(() =>
    {
        var verbs = new Dictionary<string, string>(StringComparer.Ordinal);
        var nouns = new Dictionary<string, string>(StringComparer.Ordinal);
        int max = 1, n = 0;
        foreach (var line in EmbeddedData.Lines("events-anchors.tsv"))
        {
            n++;
            var f = line.Split('\t');
            if (f.Length < 3) throw new DossierException(Errors.BadEventListLine("events-anchors.tsv", n, line));
            if (f[0] == "N") { nouns[f[1]] = f[2]; continue; }
            var parts = f[1].Split('_');
            var forms = new List<string>();
            foreach (var r in VerbForms.Regular(parts[0])) forms.Add(string.Join(' ', [r, .. parts[1..]]));
            if (f.Length > 3) forms.AddRange(f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => x.Replace('_', ' ')));
            foreach (var form in forms) verbs.TryAdd(form, f[2]);
            max = Math.Max(max, parts.Length);
        }
        return (verbs, nouns, max);
    });

    /// <summary>Anchor class of a verb form of one or two words ("fled", "took power"), or null.</summary>
    public static string? AnchorVerb(string oneWord, string? twoWords) =>
        twoWords != null && Anchors.Value.Verbs.TryGetValue(twoWords, out var c2) ? c2
        : Anchors.Value.Verbs.GetValueOrDefault(oneWord);

    private static readonly Lazy<Dictionary<string, string>> NounCodes = new(() =>
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in EmbeddedData.Lines("events-nouns.tsv"))
        {
            n++;
            var f = line.Split('\t');
            if (f.Length < 2) throw new DossierException(Errors.BadEventListLine("events-nouns.tsv", n, line));
            d[f[0].Replace('_', ' ')] = f[1];
        }
        return d;
    });

    /// <summary>CAMEO code of an event noun of one or two normalised words ("attack", "air strike"), or null.</summary>
    public static string? NounCode(string oneWord, string? twoWords) =>
        twoWords != null && NounCodes.Value.TryGetValue(twoWords, out var c2) ? c2 : NounCodes.Value.GetValueOrDefault(oneWord);

    // events-agents.tsv read once: each noun's kind, and whether it names people who bear arms or are acted on in body
    // (kinds "armed" and "people", agents for every other reading).
    private static readonly Lazy<Dictionary<string, (AgentKind Kind, bool Bodily)>> Agents = new(() =>
        Kinds("events-agents.tsv", k => k switch
        {
            "agent" => (AgentKind.Agent, false), "armed" or "people" => (AgentKind.Agent, true),
            "place" => (AgentKind.Place, false), "weapon" => (AgentKind.Weapon, false), _ => ((AgentKind, bool)?)null,
        }));

    /// <summary>Whether a noun names people who bear arms or are acted on in body (forces, rebels, prisoners, civilians):
    /// on a side, they make a material act literal.</summary>
    public static bool Bodily(string low, string norm) =>
        (Agents.Value.TryGetValue(low, out var k) || Agents.Value.TryGetValue(norm, out k)) && k.Bodily;

    private static readonly Lazy<Dictionary<string, bool>> Literal = new(() =>
        Kinds("events-literal-verbs.tsv", k => k is "violence" or "force" or "sanction" ? true : (bool?)null));

    /// <summary>Nouns of violence that say the act in body whoever the sides are ("airstrike", "shelling", "massacre").</summary>
    public static readonly HashSet<string> LiteralNouns = Set("airstrike", "air strike", "bombing", "bombardment", "shelling", "massacre",
        "killing", "assassination", "invasion", "raid", "ambush", "shooting", "stabbing", "beheading", "kidnapping", "abduction",
        "hijacking", "rocket", "missile", "mortar", "drone strike", "artillery", "incursion", "siege", "blockade");

    /// <summary>Whether an event noun of violence says the act in body (<see cref="LiteralNouns"/>).</summary>
    public static bool LiteralNoun(string norm) => LiteralNouns.Contains(norm);

    /// <summary>Whether a verb lemma of material action says the act in body whatever follows it (events-literal-verbs.tsv).</summary>
    public static bool LiteralVerb(string lemma) => Literal.Value.ContainsKey(lemma);

    // A two-column list (word, kind) of our lexicons; a line whose kind <paramref name="kind"/> does not know is refused.
    private static Dictionary<string, T> Kinds<T>(string file, Func<string, T?> kind) where T : struct
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in EmbeddedData.Lines(file))
        {
            n++;
            var f = line.Split('\t');
            if (f.Length < 2 || kind(f[1]) is not { } k) throw new DossierException(Errors.BadEventListLine(file, n, line));
            d[f[0]] = k;
        }
        return d;
    }

    /// <summary>Whether a noun (its lower-case form or its normalised singular) describes an actor or its ground
    /// (events-agents.tsv).</summary>
    public static AgentKind KindOf(string low, string norm) =>
        Agents.Value.TryGetValue(low, out var k) || Agents.Value.TryGetValue(norm, out k) ? k.Kind : AgentKind.None;

    private static readonly Lazy<Dictionary<string, bool>> Statements = new(() =>
        Kinds("events-statements.tsv", k => k switch { "always" => true, "clause" or "aim" => false, _ => (bool?)null }));

    private static readonly Lazy<HashSet<string>> Aims = new(() =>
        Kinds("events-statements.tsv", k => k switch { "aim" => true, "always" or "clause" => false, _ => (bool?)null })
            .Where(x => x.Value).Select(x => x.Key).ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether a verb of aiming ("seek", "try") states an aim when it governs an infinitive ("sought to reassure
    /// Labour") and acts only on an object or oblique ("seek support from the ADB") (events-statements.tsv, kind aim).</summary>
    public static bool AimVerb(string lemma) => Aims.Value.Contains(lemma);

    /// <summary>Whether a verb lemma makes a statement rather than an event (events-statements.tsv): always, only when
    /// it governs a clause, or never (null).</summary>
    public static bool? StatementVerb(string lemma) => Statements.Value.TryGetValue(lemma, out var always) ? always : null;

    private static readonly Lazy<Dictionary<string, bool>> General = new(() =>
        Kinds("events-general-verbs.tsv", k => k is "light" or "motion" or "aspect" or "feeling" or "cognition" ? true : (bool?)null));

    /// <summary>Whether a verb lemma has many senses and is coded only through a dictionary pattern, never through its
    /// block's default (events-general-verbs.tsv).</summary>
    public static bool GeneralVerb(string lemma) => General.Value.ContainsKey(lemma);

    private static readonly Lazy<Dictionary<(string Word, SphereCue Where), Sphere>> Spheres = new(() =>
    {
        var d = new Dictionary<(string, SphereCue), Sphere>();
        int n = 0;
        foreach (var line in EmbeddedData.Lines("events-spheres.tsv"))
        {
            n++;
            var f = line.Split('\t');
            if (f.Length < 3 || !Enum.TryParse<Sphere>(f[1], ignoreCase: true, out var sphere) || sphere == Sphere.None
                || !Enum.TryParse<SphereCue>(f[2], ignoreCase: true, out var where))
                throw new DossierException(Errors.BadEventListLine("events-spheres.tsv", n, line));
            d[(where == SphereCue.Code ? f[0] : f[0].ToLowerInvariant(), where)] = sphere;
        }
        return d;
    });

    /// <summary>The sphere a word read as <paramref name="where"/> names (events-spheres.tsv), or None.</summary>
    public static Sphere SphereOf(string word, SphereCue where) =>
        Spheres.Value.TryGetValue((word, where), out var s) ? s : Sphere.None;

    /// <summary>Anchor class of a noun ("fall", "ouster"), or null.</summary>
    public static string? AnchorNoun(string word) => Anchors.Value.Nouns.GetValueOrDefault(word);
}

/// <summary>What a noun says about an actor (events-agents.tsv).</summary>
internal enum AgentKind : byte
{
    /// <summary>Neither: a thing ("crockery", "downturns").</summary>
    None,
    /// <summary>People, bodies or forces acting for a group ("government", "rebels", "prisoners").</summary>
    Agent,
    /// <summary>Ground belonging to an actor ("province", "border posts").</summary>
    Place,
    /// <summary>The means of violence, standing for an unnamed attacker ("a roadside bomb killed …").</summary>
    Weapon,
}

/// <summary>The sphere of life an actor or an argument belongs to (events-spheres.tsv).</summary>
internal enum Sphere : byte
{
    /// <summary>Nothing known.</summary>
    None,
    /// <summary>States, governments, parties, forces, armed groups, international bodies and their officials.</summary>
    Political,
    /// <summary>Companies, markets and their people.</summary>
    Business,
    /// <summary>Teams, players, matches.</summary>
    Sport,
    /// <summary>Entertainment and the arts.</summary>
    Culture,
}

/// <summary>Where a sphere word is read (events-spheres.tsv).</summary>
internal enum SphereCue : byte { Code, Name, Title, Desc, Arg }
