using System.Text;
using System.Text.RegularExpressions;
using Dossier.Documents;
using Dossier.Resources;

namespace Dossier.Actors;

public sealed partial class ActorLinker
{
    /// <summary>What a mention is taken to name.</summary>
    private enum Kind : byte { Skip, Country, Seat, Place, Person, Family, Group, Other }

    /// <summary>Per-mention working data.</summary>
    private sealed class M
    {
        public Kind Kind;
        public string Display = "";
        public NameKeys Keys;
        public string? Iso3;
        public string? SeatCode;
        public bool Metonym;
        public bool AliasIntroduced;
        public string[]? SlashParts;
        public string Class = "";
        public string? Reason;
    }

    // Nouns after a demonym that make it the state or its government ("the Russian side", "the Syrian government").
    private static readonly HashSet<string> StateNouns = new(StringComparer.Ordinal)
    { "side", "government", "govt", "authorities", "regime", "leadership", "state", "administration", "delegation", "presidency", "cabinet" };

    // Nouns after a demonym that name people or bodies acting for the state ("Russian officials", "Israeli troops", "Syrian
    // forces"): CAMEO codes them as the country's government or military (RUSGOV, SYRMIL), and so do we. Private people
    // are not the state ("British tourists", "Russian journalists").
    private static readonly HashSet<string> StateAgentNouns = new(StringComparer.Ordinal)
    {
        // Bodies and unnamed people: "a Russian official", "Israeli troops". A singular title ("the former Syrian leader",
        // "the Turkish foreign minister") is a person, whom the event coder finds by the title; it is not listed.
        "official", "officials", "ministers", "ministry", "diplomat", "diplomats", "envoys", "embassy", "negotiator",
        "negotiators", "delegate", "delegates",
        "forces", "troops", "soldiers", "army", "military", "navy", "police", "policemen", "warplanes", "jets", "warships",
        // the state's arms, for whoever flies or drives them: "Israeli helicopters and tanks shelled …", "British aircraft"
        "aircraft", "helicopters", "gunships", "planes", "bombers", "drones", "tanks", "artillery", "gunboats",
        "intelligence", "officers", "commanders", "marines", "peacekeepers", "leaders",
        // what the state proposes or demands: "an Indian proposal", "a Senegalese peace plan", "the US demand"
        "proposal", "proposals", "plan", "offer", "request", "demand", "demands", "initiative", "ultimatum",
    };

    // Words between a demonym and its noun that make the noun someone other than the state ("Afghan rebel leaders",
    // "Syrian opposition forces", "Kurdish militia fighters", "Russian business leaders").
    private static readonly HashSet<string> NonStateWords = new(StringComparer.Ordinal)
    {
        "rebel", "rebels", "opposition", "militant", "militants", "insurgent", "insurgents", "separatist", "separatists",
        "guerrilla", "guerrillas", "jihadist", "islamist", "dissident", "dissidents", "exile", "exiled", "tribal", "clan",
        "militia", "resistance", "underground", "student", "students", "business", "community", "religious", "church",
        "party", "union", "labour", "labor", "trade", "football", "sports", "club", "team", "company", "industry", "private",
        "former", "ex", "retired", "veteran", "rogue", "renegade", "breakaway", "mutinous", "suicide", "civilian", "commercial",
        "passenger", "cargo",
    };

    // Singular titles that, after "a" or "an" and a demonym, name no one person but an unnamed member of the state: "a French
    // minister threatened …", "an Israeli general said …" (CAMEO FRAGOV, ISRMIL). With "the" they are a person the coder
    // finds by the title ("the Turkish foreign minister").
    private static readonly HashSet<string> UnnamedTitles = new(StringComparer.Ordinal)
    {
        "minister", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general", "commander", "negotiator",
        "diplomat", "official",
    };

    // Nouns before "in X" that make X a seat of government ("the new rulers in Damascus").
    private static readonly HashSet<string> RulerNouns = new(StringComparer.Ordinal)
    { "rulers", "government", "authorities", "regime", "leadership", "leaders", "officials", "administration", "junta", "powers" };

    // Nouns before "on/with/against X" that treat X as a political actor ("sanctions on Damascus", "talks with Moscow").
    private static readonly HashSet<string> RelationNouns = new(StringComparer.Ordinal)
    {
        "sanctions", "pressure", "relations", "ties", "talks", "negotiations", "deal", "agreement", "war", "dispute",
        "criticism", "demands", "ultimatum", "embargo", "influence", "support", "recognition",
    };

    // Locative prepositions: "in Moscow" names the place.
    private static readonly HashSet<string> Locatives = new(StringComparer.Ordinal)
    {
        "in", "at", "to", "from", "into", "near", "outside", "inside", "around", "across", "through", "toward", "towards",
        "via", "within", "throughout", "of", "over", "by", "between", "visit", "visited", "visiting", "stormed", "entered",
    };

    // Words after a name that do not make it a subject (prepositions, conjunctions, determiners, nouns of place).
    private static readonly HashSet<string> NonVerbs = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "the", "a", "an", "this", "that",
        "province", "city", "region", "governorate", "airport", "area", "district", "countryside", "suburbs", "streets",
        "is", "was", // handled as copula: "Moscow is a city" is not agentive enough on its own
        "where", "which", "who", "when", "than", "since", "after", "before", "until", "into", "about", "over", "under",
    };

    // Words that typically follow a subject: auxiliaries and common reporting / action verbs.
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "shall", "did", "does", "do",
        "said", "says", "say", "wants", "want", "wanted", "insists", "insisted", "denied", "denies", "rejected", "rejects",
        "announced", "announces", "accused", "accuses", "warned", "warns", "urged", "urges", "demanded", "demands",
        "agreed", "agrees", "refused", "refuses", "hopes", "hoped", "plans", "planned", "sent", "sends", "hand", "hands",
        "handed", "signed", "signs", "condemned", "condemns", "welcomed", "welcomes", "responded", "claims", "claimed",
    };

    // Alias phrases between a name and another name of the same identity. A compiled regex over the short gap between two
    // mentions (not a per-token loop).
    private static readonly Regex AliasGap = new(
        @"^[\s,(\[—–-]*(?:(?:whose|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}(?:name|alias|nickname|nom\s+de\s+guerre|kunya)\s+(?:is|was)|(?:also|better|formerly|previously|widely)\s+known\s+as|known\s+(?:by\s+(?:the\s+)?(?:nom\s+de\s+guerre|name|alias|kunya)|as)|a\.?\s?k\.?\s?a\.?|aka|alias|real\s+name(?:\s+(?:is|was))?|(?:whose\s+)?real\s+name\s+(?:is|was)|(?:under\s+)?(?:the\s+)?nom\s+de\s+guerre|born|(?:(?:movement|group|party|militia|organi[sz]ation|alliance|coalition|front|network|faction|rebels|militants)\s*[,(]?\s*)?(?:(?:which|who|that)\s+(?:now\s+)?(?:calls?|styles?|names?)\s+(?:itself|themselves)|calling\s+(?:itself|themselves)))[\s,:""“]*$",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private sealed class Builder
    {
        private readonly Document _d;
        private readonly CountryTable _countries;
        private readonly ActorDictionary _dict;
        private readonly string _by;
        private readonly M[] _m;
        private readonly int[] _parent;
        private readonly List<(int A, int B, string Why)> _why = new();
        private readonly List<int>?[] _members;
        private readonly Dictionary<int, List<string>> _extraAliases = new();
        private readonly Dictionary<int, DictionaryEntry> _dictName = new();

        public Builder(Document d, CountryTable countries, ActorDictionary dict, string by)
        {
            _d = d; _countries = countries; _dict = dict; _by = by;
            _m = new M[d.Entities.Count];
            _parent = new int[_m.Length];
            _members = new List<int>?[_m.Length];
            for (int i = 0; i < _parent.Length; i++) _parent[i] = i;
        }

        public void Run()
        {
            // The time budget is checked between the passes, and per mention inside the ones that compare mentions.
            for (int i = 0; i < _m.Length; i++) _m[i] = Classify(i);
            foreach (var pass in (ReadOnlySpan<Action>)[UnionByKey, AliasPhrases, SlashPairs, ParenthesisedAcronyms, QuotedNicknames, PersonSurnames,
                LeftoverSurnames, OrgAcronyms, OrgShortForms, OneParty, GivenNameVariants, DictionarySurnames])
            {
                _d.CheckBudget("actors");
                pass();
            }
            var actors = Emit();
            Posts(actors);
            _d.CheckBudget("actors");
            new RoleFinder(_d, _countries, _dict).Assign();
        }

        // ---------------------------------------------------------------- classification

        private M Classify(int i)
        {
            var e = _d.Entities[i];
            var m = new M();
            if (e.Type == EntityType.MONEY || e.End <= e.Start || e.End > _d.Text.Length) { m.Kind = Kind.Skip; return m; }
            string surface = _d.Slice(e.Start, e.End);
            m.Display = CleanDisplay(surface, e.Type == EntityType.PERSON);
            if (m.Display.Length == 0) { m.Kind = Kind.Skip; return m; }

            if (e.Type == EntityType.PERSON)
            {
                if (m.Display.Contains('/'))
                {
                    var parts = m.Display.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (parts.Length >= 2) m.SlashParts = parts;
                    m.Display = parts.Length > 0 ? parts[^1] : m.Display;
                }
                m.Keys = NameNormalizer.Keys(m.Display);
                if (m.Keys.IsEmpty) { m.Kind = Kind.Skip; return m; }
                // "the Minister of Foreign Affairs" with "Affairs" taken for a person: a portfolio's word names no one.
                if (m.Keys.Count == 1 && PortfolioWords.Contains(NameNormalizer.Fold(m.Display))) { m.Kind = Kind.Skip; return m; }
                // "the Osbourne family", "the Kennedy clan" name a group; "Charlie's family" is Charlie's, and "a crazy Brit
                // family" names nobody.
                int next = TextContext.TokenFrom(_d, e.End);
                if (TextContext.IsAny(_d, next, FamilyNouns) && !surface.EndsWith("'s") && !surface.EndsWith("’s") && PrecededByThe(e.Start))
                {
                    m.Kind = Kind.Family;
                    m.Display = m.Display + " " + TextContext.Lower(_d, next);
                    m.Class = "F:" + m.Keys.Full;
                    return m;
                }
                // A person tagged with a country's name is the country's actor only when the whole name is a country name.
                m.Kind = Kind.Person;
                m.Class = "P:" + m.Keys.Full;
                return m;
            }

            m.Keys = NameNormalizer.KeysKeepTitles(m.Display);
            if (m.Keys.IsEmpty) { m.Kind = Kind.Skip; return m; }
            if (_countries.TryFindKey(m.Keys.Full, out var hit))
            {
                switch (hit.Kind)
                {
                    case CountryNameKind.Name:
                        return Country(m, hit.Country.Iso3);
                    case CountryNameKind.Seat:
                        m.Kind = Kind.Seat; m.Iso3 = hit.Country.Iso3; m.SeatCode = hit.Cameo; m.Class = "O:" + m.Keys.Full;
                        return m;
                    case CountryNameKind.Demonym:
                        // "anti-Japanese protesters", "pro-Russian separatists": the nationality is what they are against or
                        // for, not theirs.
                        if (e.Start > 0 && _d.Text[e.Start - 1] == '-') { m.Kind = Kind.Skip; m.Reason = "nationality after a hyphenated prefix"; return m; }
                        if (IsDemonymGroup(e, surface)) { m.Reason = "demonym group"; return Country(m, hit.Country.Iso3); }
                        if (GroupAfter(e) is { } g)
                        {
                            // "Afghan rebels", "Iraqi civilians": a group of the country that is not its state (AFGREB).
                            m.Kind = Kind.Group; m.Iso3 = hit.Country.Iso3; m.SeatCode = hit.Country.Iso3 + g.Sector;
                            m.Display = surface.Trim() + " " + g.Plural; m.Class = "G:" + m.SeatCode;
                            m.Reason = "group described by its nationality";
                            return m;
                        }
                        if (IsPeopleNoun(e, surface))
                        {
                            // "arrested more than 100 Palestinians", "deported 168 Liberians": people of the country, named
                            // as a group of its civilians (PSECVL), not its state.
                            m.Kind = Kind.Group; m.Iso3 = hit.Country.Iso3; m.SeatCode = hit.Country.Iso3 + "CVL";
                            m.Display = surface.Trim(); m.Class = "G:" + m.SeatCode;
                            m.Reason = "people named by their nationality";
                            return m;
                        }
                        m.Kind = Kind.Skip; // adjectival use: "Syrian coast"
                        return m;
                    case CountryNameKind.Capital:
                        if (IsAgentive(e)) { m.Metonym = true; m.Reason = "capital as agent (metonym)"; return Country(m, hit.Country.Iso3); }
                        m.Kind = Kind.Place; m.Iso3 = hit.Country.Iso3; m.Class = "O:" + m.Keys.Full;
                        return m;
                }
            }
            // "the Syrian government", "Russian authorities", "the US administration" taken whole by the NER: the state.
            if (m.Keys.Count >= 2 && StateNouns.Contains(m.Keys.Parts[^1])
                && _countries.TryFindKey(string.Join(' ', m.Keys.Parts[..^1]), out var gov) && gov.Kind is CountryNameKind.Demonym or CountryNameKind.Name)
            {
                m.Reason = "government of the country";
                return Country(m, gov.Country.Iso3);
            }
            if (e.Type == EntityType.NORP) { m.Kind = Kind.Skip; return m; }
            m.Kind = Kind.Other;
            m.Class = "O:" + m.Keys.Full;
            return m;
        }

        // A noun of a group that is not the state (actors-groups.tsv) within the next three lower-case words after a demonym
        // ("Afghan rebels", "Iraqi civilians", "Afghan rebel leaders"), or null. A noun of the state heading its phrase ends
        // the search ("Syrian army" is the state, which IsDemonymGroup took).
        private (string Plural, string Sector)? GroupAfter(EntityMention e)
        {
            int next = TextContext.TokenFrom(_d, e.End);
            for (int k = next; k < next + 3 && k < _d.Tokens.Length; k++)
            {
                if (_d.Tokens[k].Kind != TokenKind.Word || !_d.Tokens[k].Has(TokenFlags.Lower)) return null;
                // A group noun may modify another: "Afghan rebel leaders", "Ugandan opposition candidates".
                if (GroupNouns.Value.TryGetValue(TextContext.Lower(_d, k), out var g)) return g;
                if (TextContext.IsAny(_d, k, StateAgentNouns) && PhraseHead(k)) return null;
            }
            return null;
        }

        // The noun at k ends its phrase: no noun follows it ("Kenyan embassy guards" are guards, not the embassy; "Israeli
        // intelligence officials" are officials).
        private bool PhraseHead(int k) =>
            _d.Syntax is not { } syn || k + 1 >= _d.Tokens.Length || syn.Tags[k + 1] is not (Upos.NOUN or Upos.PROPN);

        private static readonly Lazy<Dictionary<string, (string Plural, string Sector)>> GroupNouns = new(() =>
        {
            var d = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            int n = 0;
            foreach (var line in EmbeddedData.Lines("actors-groups.tsv"))
            {
                n++;
                var f = line.Split('\t');
                if (f.Length < 3 || f[2].Length != 3) throw new DossierException(Errors.BadLexiconLine("actors-groups.tsv", n, line));
                d[f[0]] = (f[1], f[2]);
            }
            return d;
        });

        private static M Country(M m, string iso3)
        {
            m.Kind = Kind.Country; m.Iso3 = iso3; m.Class = "C:" + iso3;
            return m;
        }

        private static readonly HashSet<string> IndefiniteArticles = new(StringComparer.Ordinal) { "a", "an", "another" };

        private bool PrecededByThe(int start)
        {
            // Back over adjectives and other names of the phrase: "the founding Agnelli family", "the Conlon and Maguire
            // families"; not over a preposition ("the story from Van Doren Stern's family").
            int k = TextContext.TokenBefore(_d, start);
            for (int steps = 0; k >= 0 && steps < 4; steps++, k--)
            {
                var w = _d.TokenText(k);
                if (w is "the" or "The") return true;
                if (w.Length == 0 || !char.IsLetter(w[0]) || w is "a" or "an" or "A" or "An" || _d.Tokens[k].Has(TokenFlags.SentenceStart)
                    || _d.Syntax is { } syn && (syn.Tags[k] is Upos.ADP or Upos.AUX or Upos.PRON or Upos.DET
                        || syn.Tags[k] == Upos.VERB && !w.EndsWith("ing") && !w.EndsWith("ed"))) return false;
            }
            return false;
        }

        private static readonly HashSet<string> FamilyNouns = new(StringComparer.Ordinal) { "family", "clan", "dynasty", "families" };

        // "the Russians" (plural demonym after "the") or "the Russian side/government": the state, not an adjective.
        private bool IsDemonymGroup(EntityMention e, string surface)
        {
            int next = TextContext.TokenFrom(_d, e.End);
            if (TextContext.IsAny(_d, next, StateNouns)) return true;
            // "Russian officials", "Israeli intelligence officials", "an Indian proposal": up to two lower-case words before
            // the agent noun, none of them a word of a non-state group.
            for (int k = next; k < next + 3 && k < _d.Tokens.Length; k++)
            {
                if (_d.Tokens[k].Kind != TokenKind.Word || !_d.Tokens[k].Has(TokenFlags.Lower)) break;
                if (TextContext.IsAny(_d, k, NonStateWords)) break;
                if (TextContext.IsAny(_d, k, StateAgentNouns) && PhraseHead(k)) return true;
            }
            int prev = TextContext.TokenBefore(_d, e.Start);
            if (TextContext.IsAny(_d, prev, IndefiniteArticles))
                for (int k = next; k < next + 3 && k < _d.Tokens.Length; k++)
                {
                    if (_d.Tokens[k].Kind != TokenKind.Word || !_d.Tokens[k].Has(TokenFlags.Lower) || TextContext.IsAny(_d, k, NonStateWords)) break;
                    if (TextContext.IsAny(_d, k, UnnamedTitles) && PhraseHead(k)) return true;
                }
            bool plural = surface.Length > 3 && surface.EndsWith('s') && !surface.EndsWith("ss", StringComparison.Ordinal);
            if (!plural) return false;
            return TextContext.Is(_d, prev, "the") || surface.StartsWith("the ", StringComparison.OrdinalIgnoreCase);
        }

        // A plural demonym that is a noun in its own right ("100 Palestinians", "Liberians"), tagged a noun and not before
        // another noun (a possessive "Russians' homes" is still the people). A demonym whose plural is its singular ("Swiss",
        // "Chinese") is left as an adjective: without a noun after it, the two cannot be told apart.
        private bool IsPeopleNoun(EntityMention e, string surface)
        {
            var word = surface.Trim();
            if (word.Contains(' ') || word.Length < 5 || !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal)) return false;
            if (!char.IsUpper(word[0])) return false;
            var syn = _d.Syntax;
            int self = TextContext.TokenFrom(_d, e.Start);
            int next = TextContext.TokenFrom(_d, e.End);
            if (syn != null && self < syn.Tags.Length && syn.Tags[self] is not (Upos.NOUN or Upos.PROPN)) return false;
            // "Central Americans", "Latin Americans": a capitalised word before it makes another people of the name.
            int prev = TextContext.TokenBefore(_d, e.Start);
            if (prev >= 0 && _d.Tokens[prev].Kind == TokenKind.Word && !_d.Tokens[prev].Has(TokenFlags.Lower)
                && (!_d.Tokens[prev].Has(TokenFlags.SentenceStart) || syn?.Tags[prev] == Upos.PROPN)) return false;
            return !(syn != null && next < _d.Tokens.Length && syn.Tags[next] is Upos.NOUN or Upos.PROPN && !TextContext.IsPossessive(_d, next));
        }

        // A capital used as an agent: possessive, subject of a verb, "rulers in X", "sanctions on X", or coordinated with a country.
        private bool IsAgentive(EntityMention e)
        {
            int next = TextContext.TokenFrom(_d, e.End);
            int prev = TextContext.TokenBefore(_d, e.Start);
            if (TextContext.IsPossessive(_d, next)) return true;
            if (TextContext.IsAny(_d, prev, RulerNouns0) && TextContext.IsAny(_d, prev - 1, RulerNouns)) return true;
            if (TextContext.IsAny(_d, prev, RelationPreps) && TextContext.IsAny(_d, prev - 1, RelationNouns)) return true;
            if (TextContext.Is(_d, prev, "to"))
                for (int k = prev - 1; k >= Math.Max(0, prev - 4); k--)
                    if (TextContext.IsAny(_d, k, DiplomaticNouns)) return true;
            if (TextContext.IsAny(_d, prev, Locatives)) return false;
            if (TextContext.IsAny(_d, next, Auxiliaries)) return true;
            // Object of an actor's verb: "Beijing warned Washington", "Ankara urged Damascus" (not movement: "stormed Damascus").
            if (prev > 0 && _d.Tokens[prev].Kind == TokenKind.Word && _d.Tokens[prev].Has(TokenFlags.Lower)
                && !TextContext.IsAny(_d, prev, NonVerbs) && !TextContext.IsAny(_d, prev, Movement) && EndsAgentMention(_d.Tokens[prev - 1].End))
                return true;
            // Subject at a clause start followed by a lower-case word that is not a preposition or the like: "Moscow hand over".
            int self = TextContext.TokenFrom(_d, e.Start);
            bool clauseStart = prev < 0 || _d.Tokens[prev].Kind == TokenKind.Punct || TextContext.IsAny(_d, prev, ClauseOpeners)
                               || self < _d.Tokens.Length && _d.Tokens[self].Has(TokenFlags.SentenceStart);
            if (clauseStart && next < _d.Tokens.Length && _d.Tokens[next].Has(TokenFlags.Lower) && _d.Tokens[next].Kind == TokenKind.Word
                && !TextContext.IsAny(_d, next, NonVerbs))
                return true;
            return false;
        }

        // Verbs of movement or force against a place: their object is the place, not its government.
        private static readonly HashSet<string> Movement = new(StringComparer.Ordinal)
        {
            "stormed", "entered", "captured", "seized", "took", "reached", "bombed", "shelled", "struck", "hit", "attacked",
            "left", "fled", "toured", "visited", "visits", "visit", "flew", "travelled", "traveled", "returned", "arrived",
            "besieged", "surrounded", "liberated", "occupied", "overran", "raided", "evacuated", "leave", "enter", "storm",
        };

        // True when a mention that can act (a person, organisation or country) ends at this offset.
        private bool EndsAgentMention(int end)
        {
            foreach (var e in _d.Entities)
                if (e.End == end && e.Type is EntityType.PERSON or EntityType.ORG or EntityType.GPE or EntityType.NORP) return true;
            return false;
        }

        // Words of a ministry's portfolio, which the NER sometimes takes alone for a person's name.
        private static readonly HashSet<string> PortfolioWords = new(StringComparer.Ordinal)
        {
            "affairs", "defence", "defense", "interior", "justice", "finance", "foreign", "commerce", "health", "treasury",
            "security", "intelligence", "development", "trade", "industry", "education", "energy", "agriculture",
        };

        // Nouns that are not surnames even when the NER puts them at the end of a person name.
        private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
        { "girl", "boy", "man", "woman", "official", "source", "spokesman", "minister", "secretary", "president", "leader", "family" };

        // Diplomatic nouns: "a delegation to Damascus" goes to the government, not the city.
        private static readonly HashSet<string> DiplomaticNouns = new(StringComparer.Ordinal)
        {
            "delegation", "delegations", "envoy", "envoys", "ambassador", "ambassadors", "mission", "emissary", "emissaries",
            "diplomats", "message", "messages", "letter", "request", "appeal", "overtures", "offer", "demand", "demands", "ultimatum",
        };

        // Surname spelling variants: both at least this long and this close (Jaro-Winkler).
        private const int MinFuzzySurname = 5;
        private const double FuzzySurname = 0.95;
        // Jaro-Winkler reaches FuzzySurname only when the shorter name is at least this share of the longer (all of it
        // matched, four prefix letters): names of other lengths need no comparison.
        private const double FuzzyLengthRatio = 0.75;
        // More namesakes than this to compare (same initial, close length) and a spelling variant is a guess, not a finding:
        // no fuzzy link then. A news article has a handful; a list or a hostile text has thousands, and comparing each
        // mention with each of them made the actor step grow with the square of the text.
        private const int MaxFuzzyComparisons = 64;
        // With the surname already equal, first names may differ a little more (Kristen / Kristin: 0.94).
        private const double FuzzyGivenName = 0.92;

        private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
        { "that", "meanwhile", "but", "while", "and", "whereas", "although", "though", "because", "since", "if", "when", "then", "so" };

        private static readonly HashSet<string> RulerNouns0 = new(StringComparer.Ordinal) { "in" };
        private static readonly HashSet<string> RelationPreps = new(StringComparer.Ordinal) { "on", "with", "against", "from", "to" };

        // Trims, drops a leading "the" and a trailing possessive; for persons also leading titles ("President Vladimir Putin").
        internal static string CleanDisplay(string s, bool person)
        {
            s = s.Trim().Trim('"', '“', '”', '(', ')', ',', ':', ';');
            // A final period belongs to the name only in abbreviations ("U.S."), not after a word ("Syria.").
            if (s.EndsWith('.') && !(s.Length >= 3 && s[^3] == '.')) s = s[..^1];
            if (s.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) s = s[4..].TrimStart();
            if (s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("’s", StringComparison.Ordinal) || s.EndsWith("'S", StringComparison.Ordinal)) s = s[..^2];
            else if (s.EndsWith('\'') || s.EndsWith('’')) s = s[..^1];
            if (person)
            {
                // Drop leading title words but keep at least one word.
                while (true)
                {
                    int sp = s.IndexOf(' ');
                    if (sp < 0) break;
                    string first = NameNormalizer.Fold(s.AsSpan(0, sp));
                    if (!NameNormalizer.TitleWords.Contains(first) || first.Length == 0) break;
                    s = s[(sp + 1)..].TrimStart();
                }
            }
            return s.Trim();
        }

        // ---------------------------------------------------------------- union-find

        private int Find(int i)
        {
            while (_parent[i] != i) { _parent[i] = _parent[_parent[i]]; i = _parent[i]; }
            return i;
        }

        // Joins the groups of a and b (the earlier mention stays the root) and records why. Each root keeps the list of
        // its group's mentions, so questions about one group cost its size, not the document's (a long document has tens of
        // thousands of mentions); the shorter list is appended to the longer one.
        private bool Union(int a, int b, string? why)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) return false;
            if (rb < ra) (ra, rb) = (rb, ra);
            _parent[rb] = ra;
            var la = _members[ra] ??= [ra];
            var lb = _members[rb] ??= [rb];
            if (lb.Count > la.Count) (la, lb) = (lb, la);
            la.AddRange(lb);
            _members[ra] = la;
            _members[rb] = null;
            if (why != null) _why.Add((a, b, why));
            return true;
        }

        // The mentions of a group (by any of its mentions).
        private List<int> Members(int i)
        {
            int r = Find(i);
            return _members[r] ??= [r];
        }

        private bool Usable(int i) => _m[i].Kind != Kind.Skip;

        private void UnionByKey()
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _m.Length; i++)
            {
                if (!Usable(i)) continue;
                // "Howard" when both Michael Howard and John Howard are named: each bare mention is resolved on its own
                // (PersonSurnames); the ones left over join each other afterwards (LeftoverSurnames).
                if (AmbiguousSurname(i)) continue;
                if (first.TryGetValue(_m[i].Class, out int f))
                {
                    var m = _m[i];
                    Union(f, i, null); // country groups explain themselves in Fill

                }
                else first[_m[i].Class] = i;
            }
        }

        // A one-word person mention whose surname two different full names of the document carry.
        private bool AmbiguousSurname(int i)
        {
            if (_m[i].Kind != Kind.Person || _m[i].Keys.Count != 1 || _m[i].SlashParts != null) return false;
            if (!FullPersonsBySurname.TryGetValue(_m[i].Keys.Full, out var list)) return false;
            string? firstFull = null;
            foreach (int x in list)
            {
                firstFull ??= _m[x].Keys.Full;
                if (_m[x].Keys.Full != firstFull) return true;
            }
            return false;
        }

        // Bare mentions of an ambiguous surname that no namesake took join each other: one "Howard" actor, not three.
        private void LeftoverSurnames()
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _m.Length; i++)
            {
                if (!Usable(i) || !AmbiguousSurname(i) || HasOtherFullName(Find(i), -1)) continue;
                if (first.TryGetValue(_m[i].Class, out int f)) Union(f, i, null);
                else first[_m[i].Class] = i;
            }
        }

        // ---------------------------------------------------------------- alias phrases and A/B pairs

        private void AliasPhrases()
        {
            // Pair each name with the nearest earlier name of the same kind; other mentions may sit in the gap ("whose AQ name is").
            for (int i = 0; i < _m.Length; i++)
            {
                if (!Usable(i) || !IsNameKind(_m[i].Kind)) continue;
                int prev = i - 1;
                while (prev >= 0 && (!Usable(prev) || _m[prev].Kind != _m[i].Kind)) prev--;
                if (prev < 0) continue;
                var a = _d.Entities[prev]; var b = _d.Entities[i];
                if (b.Start <= a.End || b.Start - a.End > 60) continue;
                // Cheap keyword test first: the regex is only worth running on gaps that can hold an alias phrase.
                var gapSpan = _d.Span(a.End, b.Start);
                if (!MayHoldAlias(gapSpan)) continue;
                string gap = gapSpan.ToString();
                if (!AliasGap.IsMatch(gap)) continue;
                _m[i].AliasIntroduced = true;
                Union(prev, i, $"alias phrase '{Squeeze(gap)}': {_m[i].Display} = {_m[prev].Display}");
            }
        }

        private static readonly string[] AliasKeywords = ["name", "known", "aka", "a.k.a", "alias", "nom de", "born", "kunya", "itself", "themselves"];

        private static bool MayHoldAlias(ReadOnlySpan<char> gap)
        {
            foreach (var k in AliasKeywords) if (gap.Contains(k, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static bool IsNameKind(Kind k) => k is Kind.Person or Kind.Other;

        private static string Squeeze(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s.Trim(' ', ',', '(', '[', '"', '“', ':'))
                if (!char.IsWhiteSpace(c) || sb.Length > 0 && sb[^1] != ' ') sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
            return sb.ToString().Trim();
        }

        private void SlashPairs()
        {
            // Two person mentions written "A/B" (separate entities) or one entity "A/B": both names of one person.
            for (int i = 0; i < _m.Length; i++)
            {
                if (_m[i].Kind != Kind.Person) continue;
                var e = _d.Entities[i];
                int j = i + 1;
                while (j < _m.Length && !Usable(j)) j++;
                if (j < _m.Length && _m[j].Kind == Kind.Person)
                {
                    var f = _d.Entities[j];
                    if (f.Start == e.End + 1 && _d.Text[e.End] == '/')
                    {
                        // "the Blair/Brown rift": each side is already a different person named in full here, so the
                        // slash pairs two people. (Jolani/Sharaa pass: an alias phrase joined their full names before.)
                        if (PairsTwoPeople(_m[i].Keys, _m[j].Keys)) continue;
                        Union(i, j, $"slash pair: {_m[i].Display}/{_m[j].Display} name one person");
                        _m[i].SlashParts ??= [_m[i].Display, _m[j].Display];
                    }
                }
            }
        }

        // True when two names resolve to two different people named in full in this document (each name is the full
        // name or the surname of exactly one group, and the groups differ).
        private bool PairsTwoPeople(NameKeys a, NameKeys b)
        {
            int ga = FullNameGroup(a), gb = FullNameGroup(b);
            return ga >= 0 && gb >= 0 && ga != gb;
        }

        // The one group of multi-word person mentions this name names (same full key, or same surname for a one-word
        // name); -1 for none or several.
        private int FullNameGroup(NameKeys k)
        {
            if (k.IsEmpty) return -1;
            int found = -1;
            var key = k.Count == 1 ? k.Full : k.Surname;
            if (!FullPersonsBySurname.TryGetValue(key, out var list)) return -1;
            foreach (int x in list)
            {
                if (k.Count >= 2 && _m[x].Keys.Full != k.Full) continue;
                int r = Find(x);
                if (found >= 0 && found != r) return -1;
                found = r;
            }
            return found;
        }

        private Dictionary<string, List<int>>? _fullBySurname;

        // Multi-word person mentions by surname (built once: mentions do not change kind or keys).
        private Dictionary<string, List<int>> FullPersonsBySurname
        {
            get
            {
                if (_fullBySurname != null) return _fullBySurname;
                _fullBySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (int x = 0; x < _m.Length; x++)
                {
                    if (_m[x].Kind != Kind.Person || !_m[x].Keys.IsFull) continue;
                    if (!_fullBySurname.TryGetValue(_m[x].Keys.Surname, out var l)) _fullBySurname[_m[x].Keys.Surname] = l = new();
                    l.Add(x);
                }
                return _fullBySurname;
            }
        }

        // ---------------------------------------------------------------- acronyms

        private void ParenthesisedAcronyms()
        {
            for (int i = 0; i < _m.Length; i++)
            {
                if (_m[i].Kind is not (Kind.Other or Kind.Person) || _m[i].Keys.Count < 2 && _m[i].Keys.InitialsWithArticles.Length < 2) continue;
                var e = _d.Entities[i];
                int p = e.End;
                while (p < _d.Text.Length && _d.Text[p] == ' ') p++;
                if (p >= _d.Text.Length || _d.Text[p] != '(') continue;
                int q = p + 1;
                while (q < _d.Text.Length && q - p <= 12 && (char.IsAsciiLetterUpper(_d.Text[q]) || _d.Text[q] == '-' || _d.Text[q] == '&' || char.IsAsciiDigit(_d.Text[q]))) q++;
                if (q >= _d.Text.Length || _d.Text[q] != ')' || q - p - 1 < 2) continue;
                string acr = _d.Slice(p + 1, q);
                // The acronym starts like the name, or spells the initials of its end ("United Nations Office for the
                // Coordination of Humanitarian Affairs (OCHA)").
                if (acr[0] != _m[i].Keys.InitialsWithArticles[0] && acr[0] != _m[i].Keys.Initials.FirstOrDefault()
                    && !(acr.Length >= 3 && _m[i].Keys.Initials.EndsWith(acr, StringComparison.OrdinalIgnoreCase))) continue;
                AddAlias(i, acr);
                _why.Add((i, i, $"acronym in parentheses: {acr} = {_m[i].Display}"));
                // Every other mention of the acronym joins the name.
                string cls = "O:" + NameNormalizer.KeysKeepTitles(acr).Full;
                if (ByClass.TryGetValue(cls, out var same))
                    foreach (int k in same)
                        if (k != i && Usable(k)) Union(i, k, null);
            }
        }

        private Dictionary<string, List<int>>? _byClass;

        // Mentions by class (built once).
        private Dictionary<string, List<int>> ByClass
        {
            get
            {
                if (_byClass != null) return _byClass;
                _byClass = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (int x = 0; x < _m.Length; x++)
                {
                    var c = _m[x].Class;
                    if (c.Length == 0) continue;
                    if (!_byClass.TryGetValue(c, out var l)) _byClass[c] = l = new();
                    l.Add(x);
                }
                return _byClass;
            }
        }

        private void OrgAcronyms()
        {
            SpellingVariantOrgs();
            // Groups of multi-part (or article-bearing) names of organisations, by initials.
            var roots = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind != Kind.Other || _d.Entities[i].Type is EntityType.PERSON or EntityType.NORP || IsAcronym(m.Display)) continue;
                foreach (var ini in (string[])[m.Keys.Initials, m.Keys.InitialsWithArticles, SpelledInitials(m.Display)])
                {
                    if (ini.Length < 2) continue;
                    if (!roots.TryGetValue(ini, out var set)) roots[ini] = set = new HashSet<int>();
                    set.Add(Find(i));
                }
            }
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind != Kind.Other || _d.Entities[i].Type != EntityType.ORG || AcronymLetters(m.Display) is not { } letters) continue;
                if (!roots.TryGetValue(letters, out var set)) continue;
                var groups = set.Select(Find).Distinct().ToList();
                if (groups.Count != 1 || groups[0] == Find(i)) continue;
                Union(groups[0], i, $"acronym of initials: {m.Display} = {_m[groups[0]].Display}");
            }
            // Upper-case words no entity covers but that spell the initials of exactly one organisation ("whose AQ name is").
            foreach (var (ini, set) in roots)
            {
                var groups = set.Select(Find).Distinct().ToList();
                if (groups.Count != 1) continue;
                int g = groups[0];
                if (HasName(g, ini)) continue;
                int at = FindUncoveredWord(ini);
                if (at < 0) continue;
                AddAlias(g, ini);
                _why.Add((g, g, $"acronym in text: {ini} = {_m[g].Display}"));
            }
        }

        // Head nouns too generic to stand for one organisation on their own ("the Church", "the Army", "the University").
        private static readonly HashSet<string> GenericOrgWords = new(StringComparer.Ordinal)
        {
            "church", "university", "college", "school", "party", "army", "navy", "bank", "ministry", "council", "court",
            "company", "group", "office", "department", "agency", "commission", "committee", "union", "association", "institute",
            "foundation", "government", "parliament", "assembly", "police", "force", "forces", "state", "national", "international",
            "united", "new", "american", "federal", "central", "general", "royal", "supreme", "house", "senate", "congress", "board",
        };

        // "Scientology" for "Church of Scientology", "Microsoft" for "Microsoft Corporation": a one-word organisation name
        // that is a distinctive part of exactly one longer organisation name in the document.
        private void OrgShortForms()
        {
            var longer = new List<(int Root, NameKeys Keys)>();
            for (int i = 0; i < _m.Length; i++)
                if (_m[i].Kind == Kind.Other && _d.Entities[i].Type == EntityType.ORG && _m[i].Keys.Count >= 2 && !IsAcronym(_m[i].Display))
                    longer.Add((i, _m[i].Keys));
            var longerByPart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var (root, k) in longer)
                foreach (var part in k.Parts.Distinct())
                {
                    if (!longerByPart.TryGetValue(part, out var l)) longerByPart[part] = l = new();
                    l.Add(root);
                }
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind != Kind.Other || _d.Entities[i].Type != EntityType.ORG || m.Keys.Count != 1 || IsAcronym(m.Display)) continue;
                string w = m.Keys.Full;
                if (w.Length < 4 || GenericOrgWords.Contains(w)) continue;
                var cands = new HashSet<int>();
                // A town's name is the short form of its club ("Newcastle" of "Newcastle United"), not of a name it ends
                // ("BBC Newcastle" is a radio station).
                bool place = Dossier.Extraction.Entities.NerLexicon.Instance.TryPlace(m.Display, out _);
                if (longerByPart.TryGetValue(w, out var hits))
                    foreach (int root in hits)
                        if (!place || _m[root].Keys.Parts[0] == w) cands.Add(Find(root));
                cands.Remove(Find(i));
                if (cands.Count == 1) Union(cands.First(), i, $"short form: {m.Display} = {_m[cands.First()].Display}");
            }
        }

        // "Kristen Wilkins" and "Kristin Wilkins": same surname, first names spelled alike, and no third candidate.
        private void GivenNameVariants()
        {
            var full = new List<int>();
            for (int i = 0; i < _m.Length; i++) if (_m[i].Kind == Kind.Person && _m[i].Keys.IsFull) full.Add(i);
            foreach (var i in full)
            {
                var cands = new HashSet<int>();
                foreach (var j in FullPersonsBySurname[_m[i].Keys.Surname])
                {
                    if (Find(j) == Find(i)) continue;
                    string gi = _m[i].Keys.Given, gj = _m[j].Keys.Given;
                    if (gi.Length >= MinFuzzySurname && gj.Length >= MinFuzzySurname && gi[0] == gj[0] && NameMatcher.JaroWinkler(gi, gj) >= FuzzyGivenName)
                        cands.Add(Find(j));
                    // A team sheet's initial ("D Humphreys") for the one person of that surname whose given name it opens
                    // ("David Humphreys" in the report above it).
                    else if (gi.Length == 1 && _m[i].Keys.Count == 2 && gj.Length >= 2 && gj[0] == gi[0]) cands.Add(Find(j));
                }
                if (cands.Count == 1)
                    Union(cands.First(), i, _m[i].Keys.Given.Length == 1 ? $"initial of the one {_m[i].Keys.Surname} with that given name: {_m[i].Display} = {_m[cands.First()].Display}"
                                                                           : $"first-name spelling variant: {_m[i].Display} = {_m[cands.First()].Display}");
            }
        }

        private bool HasName(int root, string name)
        {
            foreach (int k in Members(root))
                if (Usable(k) && string.Equals(_m[k].Display, name, StringComparison.OrdinalIgnoreCase)) return true;
            return _extraAliases.TryGetValue(root, out var l) && l.Contains(name, StringComparer.OrdinalIgnoreCase);
        }

        private Dictionary<string, int>? _uncoveredUpper;

        // Offset of a whole-word occurrence of an upper-case acronym outside every entity and not a country code, or -1.
        private int FindUncoveredWord(string acr)
        {
            if (_countries.TryFindKey(acr.ToLowerInvariant(), out _)) return -1;
            if (_uncoveredUpper == null)
            {
                // One pass over tokens and entities (both sorted by offset).
                _uncoveredUpper = new Dictionary<string, int>(StringComparer.Ordinal);
                int e = 0;
                for (int t = 0; t < _d.Tokens.Length; t++)
                {
                    var tok = _d.Tokens[t];
                    if (!tok.Has(TokenFlags.Upper) || tok.Length is < 2 or > 8 || tok.Kind != TokenKind.Word) continue;
                    while (e < _d.Entities.Count && _d.Entities[e].End <= tok.Start) e++;
                    bool covered = false;
                    for (int k = e; k < _d.Entities.Count && _d.Entities[k].Start <= tok.Start; k++)
                        if (tok.End <= _d.Entities[k].End) { covered = true; break; }
                    if (!covered) _uncoveredUpper.TryAdd(_d.TokenText(t).ToString(), tok.Start);
                }
            }
            return _uncoveredUpper.GetValueOrDefault(acr, -1);
        }

        // Initials where an abbreviation inside the name gives all its letters: "UK Independence Party" = UKIP, "US Steel
        // Workers" = USSW. Empty when the name holds no such word (the plain initials cover it).
        private static string SpelledInitials(string display)
        {
            var words = display.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!words.Any(w => w.Replace(".", "") is { Length: >= 2 } x && x.All(char.IsUpper))) return "";
            var sb = new System.Text.StringBuilder();
            foreach (var w in words)
            {
                var x = w.Replace(".", "");
                if (x.Length >= 2 && x.All(char.IsUpper)) sb.Append(x);
                else if (x.Length > 0 && char.IsUpper(x[0])) sb.Append(x[0]);
            }
            return sb.ToString();
        }

        // The capitals an acronym spells: "NATO", "U.N." → "UN", and the civil service's mixed forms "DfES" → "DES"
        // (Department for Education and Skills), "DfID"; null for a word that is no acronym.
        private static string? AcronymLetters(string s)
        {
            if (IsAcronym(s)) return s.Replace(".", "").Replace("&", "");
            if (s.Length is < 3 or > 8 || !char.IsAsciiLetterUpper(s[0]) || !char.IsAsciiLetterUpper(s[^1])) return null;
            int upper = 0, lower = 0;
            foreach (var c in s)
            {
                if (char.IsAsciiLetterUpper(c)) upper++;
                else if (char.IsAsciiLetterLower(c)) lower++;
                else return null;
            }
            return upper >= 3 && lower <= 2 && upper > lower ? string.Concat(s.Where(char.IsAsciiLetterUpper)) : null;
        }

        // A party by its other names in one article: "Tories", "the Conservatives" and "a Conservative government";
        // "Lib Dem" and "the Liberal Democrats" (PartyNames: the names news gives parties, singular or plural). After the
        // short forms, so that "Labour" is not taken for the one longer name "Parliamentary Labour Party" contains.
        private void OneParty()
        {
            var parties = new Dictionary<string, int>(StringComparer.Ordinal);
            // A group that already holds another organisation's name ("Arundel and South Downs Tories", a local association
            // a short form joined) is left as it is.
            var other = new HashSet<int>();
            for (int i = 0; i < _m.Length; i++)
                if (_m[i].Kind == Kind.Other && _d.Entities[i].Type == EntityType.ORG && PartyOf(_m[i]) is null && _m[i].Keys.Count >= 2) other.Add(Find(i));
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind != Kind.Other || _d.Entities[i].Type != EntityType.ORG || PartyOf(m) is not { } party || other.Contains(Find(i))) continue;
                if (parties.TryGetValue(party, out int j)) { if (Find(j) != Find(i)) Union(j, i, $"one party: {m.Display} = {_m[j].Display}"); }
                else parties[party] = i;
            }
        }

        private static string? PartyOf(M m)
        {
            if (m.Keys.Count is < 1 or > 3) return null;
            var key = string.Join(' ', m.Keys.Parts);
            if (key.EndsWith(" party", StringComparison.Ordinal)) key = key[..^6];
            return PartyNames.GetValueOrDefault(key);
        }

        /// <summary>The names news gives parties (normalised name keys, without "party"), each to the party it names.</summary>
        private static readonly Dictionary<string, string> PartyNames = new(StringComparer.Ordinal)
        {
            ["conservative"] = "conservative", ["conservatives"] = "conservative", ["tory"] = "conservative", ["tories"] = "conservative",
            ["liberal democrat"] = "libdem", ["liberal democrats"] = "libdem", ["lib dem"] = "libdem", ["lib dems"] = "libdem", ["libdems"] = "libdem",
            ["labour"] = "labour", ["new labour"] = "labour",
            ["republican"] = "republican", ["republicans"] = "republican", ["gop"] = "republican",
            ["democrat"] = "democrat", ["democrats"] = "democrat", ["democratic"] = "democrat",
            ["green"] = "green", ["greens"] = "green",
            ["scottish national"] = "snp", ["snp"] = "snp", ["plaid cymru"] = "plaid", ["plaid"] = "plaid",
            ["ukip"] = "ukip", ["uk independence"] = "ukip",
        };

        // "Disasters Emergency Committee" and "Disaster Emergency Committee" in one article: two spellings of one
        // organisation, a plural "s" apart in one word.
        private void SpellingVariantOrgs()
        {
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind != Kind.Other || _d.Entities[i].Type != EntityType.ORG || m.Keys.Count < 2) continue;
                var key = string.Join(' ', m.Keys.Parts.Select(p => p.Length > 3 && p.EndsWith('s') ? p[..^1] : p));
                if (byKey.TryGetValue(key, out int j)) { if (Find(j) != Find(i)) Union(j, i, $"spelling variant: {m.Display} = {_m[j].Display}"); }
                else byKey[key] = i;
            }
            // A party and its members: "the Conservative Party" and "the Conservatives", "the Green Party" and "the Greens"
            // (one plural word, the party's word with an "s").
            var plurals = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind == Kind.Other && _d.Entities[i].Type == EntityType.ORG && m.Keys.Count == 1 && m.Keys.Full.Length > 4 && m.Keys.Full.EndsWith('s'))
                    plurals.TryAdd(m.Keys.Full[..^1], i);
            }
            if (plurals.Count == 0) return;
            for (int i = 0; i < _m.Length; i++)
            {
                var m = _m[i];
                if (m.Kind != Kind.Other || _d.Entities[i].Type != EntityType.ORG || m.Keys.Count != 2 || m.Keys.Parts[1] != "party") continue;
                if (plurals.TryGetValue(m.Keys.Parts[0], out int j) && Find(j) != Find(i)) Union(i, j, $"party and its members: {m.Display} = {_m[j].Display}");
            }
        }

        // "Ahmed 'Mido' Hossam", "Stanley "Tookie" Williams": the quoted word inside a person's name is the name the article
        // calls them by after; a one-word person mention written so is that person (the one such name only).
        private void QuotedNicknames()
        {
            Dictionary<string, int>? nick = null;
            for (int i = 0; i < _m.Length; i++)
            {
                if (_m[i].Kind != Kind.Person) continue;
                var text = _d.Slice(_d.Entities[i].Start, _d.Entities[i].End);
                int q = text.IndexOfAny(['\'', '"', '‘', '“']);
                if (q <= 0 || q + 2 >= text.Length) continue;
                int e = text.IndexOfAny(['\'', '"', '’', '”'], q + 1);
                if (e <= q + 1 || e >= text.Length - 1) continue;
                var word = text[(q + 1)..e].Trim();
                if (word.Length < 2 || word.Contains(' ') || !char.IsUpper(word[0])) continue;
                nick ??= new Dictionary<string, int>(StringComparer.Ordinal);
                // Two people written with the same nickname: neither takes it (-1 stays).
                if (!nick.TryGetValue(word, out int seen)) nick[word] = i;
                else if (seen >= 0 && Find(seen) != Find(i)) nick[word] = -1;
            }
            if (nick == null) return;
            for (int j = 0; j < _m.Length; j++)
            {
                if (_m[j].Kind != Kind.Person || _m[j].Keys.Count != 1) continue;
                if (nick.TryGetValue(_m[j].Display, out int i) && i >= 0 && Find(i) != Find(j)) Union(i, j, $"nickname: {_m[j].Display} of {_m[i].Display}");
            }
        }

        private static bool IsAcronym(string s)
        {
            int letters = 0;
            foreach (var c in s)
            {
                if (char.IsAsciiLetterUpper(c)) letters++;
                else if (c != '.' && c != '&') return false;
            }
            return letters is >= 2 and <= 8;
        }

        private void AddAlias(int i, string alias)
        {
            int r = Find(i);
            if (!_extraAliases.TryGetValue(r, out var l)) _extraAliases[r] = l = new List<string>();
            if (!l.Contains(alias, StringComparer.OrdinalIgnoreCase)) l.Add(alias);
        }

        // ---------------------------------------------------------------- surnames

        // The surnames a name could be a spelling variant of: same initial, a length Jaro-Winkler allows; none when there
        // are more than MaxFuzzyComparisons of them.
        private static List<string> FuzzySurnameCandidates(Dictionary<(char, int), HashSet<string>> byShape, string name)
        {
            var list = new List<string>();
            int min = (int)Math.Ceiling(name.Length * FuzzyLengthRatio), max = (int)Math.Floor(name.Length / FuzzyLengthRatio);
            for (int len = min; len <= max; len++)
                if (byShape.TryGetValue((name[0], len), out var set))
                {
                    if (list.Count + set.Count > MaxFuzzyComparisons) return [];
                    list.AddRange(set);
                }
            return list;
        }

        private void PersonSurnames()
        {
            // Multi-part names per group (from mentions and A/B parts).
            for (int round = 0; round < 2; round++)
            {
                // Multi-part names by surname, by first name, and surnames by initial (for spelling variants): lookups
                // instead of a pass over every full name for every mention.
                var bySurname = new Dictionary<string, List<(int Root, NameKeys Keys)>>(StringComparer.Ordinal);
                var byGiven = new Dictionary<string, List<(int Root, NameKeys Keys)>>(StringComparer.Ordinal);
                var surnamesByShape = new Dictionary<(char Initial, int Length), HashSet<string>>();
                for (int i = 0; i < _m.Length; i++)
                {
                    if (_m[i].Kind != Kind.Person || _m[i].Keys.Count < 2) continue;
                    var mk = _m[i].Keys;
                    (bySurname.TryGetValue(mk.Surname, out var ls) ? ls : bySurname[mk.Surname] = new()).Add((Find(i), mk));
                    (byGiven.TryGetValue(mk.Given, out var lg) ? lg : byGiven[mk.Given] = new()).Add((Find(i), mk));
                    if (mk.Surname.Length >= MinFuzzySurname)
                        (surnamesByShape.TryGetValue((mk.Surname[0], mk.Surname.Length), out var si) ? si : surnamesByShape[(mk.Surname[0], mk.Surname.Length)] = new()).Add(mk.Surname);
                }
                for (int i = 0; i < _m.Length; i++)
                {
                    var m = _m[i];
                    if (m.Kind != Kind.Person) continue;
                    _d.CheckBudget("actors");
                    var names = m.SlashParts is { } parts ? parts.Select(p => NameNormalizer.Keys(p)).ToArray() : [m.Keys];
                    // "Blair/Brown" as one entity, each part a different person named in full: leave it to neither.
                    if (names.Length == 2 && PairsTwoPeople(names[0], names[1])) continue;
                    foreach (var k in names)
                    {
                        if (k.IsEmpty) continue;
                        int self = Find(i);
                        var cands = new HashSet<int>();
                        if (bySurname.TryGetValue(k.Count == 1 ? k.Full : k.Surname, out var sameSurname))
                            foreach (var (root, mk) in sameSurname)
                            {
                                if (Find(root) == self && k.Count >= 2) continue;
                                if (k.Count == 1 || mk.Count > k.Count && IsSubsequence(k.Parts, mk.Parts))
                                    cands.Add(Find(root));
                            }
                        cands.Remove(self);
                        bool fuzzy = false, given = false;
                        if (cands.Count == 0 && k.Count == 1 && round == 1)
                        {
                            // A first name alone ("Daniel" for Daniel Montalvo), in the second round so surnames decide first.
                            // A name the article also gives a royal, saint or prince ("Prince Charles") goes only to a full
                            // name written with such a title ("Prince Saud" = "Prince Saud Al-Faisal"), not to the Charles
                            // Kennedy of the same article.
                            if (byGiven.TryGetValue(k.Full, out var sameGiven))
                                foreach (var (root, mk) in sameGiven) if (mk.Surname != k.Full) cands.Add(Find(root));
                            if (RoyalGivenNames.Contains(k.Full)) cands.RemoveWhere(r => !Members(r).Any(RoyalTitleBefore));
                            cands.Remove(self);
                            given = cands.Count > 0;
                        }
                        if (cands.Count == 0 && k.Count == 1 && k.Full.Length >= MinFuzzySurname)
                        {
                            // A spelling variant of a surname ("Mukerjee" for "Mukherjee"): close, same initial, one candidate.
                            foreach (var sn in FuzzySurnameCandidates(surnamesByShape, k.Full))
                                if (NameMatcher.JaroWinkler(sn, k.Full) >= FuzzySurname)
                                    foreach (var (root, _) in bySurname[sn]) cands.Add(Find(root));
                            cands.Remove(self);
                            fuzzy = true;
                        }
                        string? byTitle = null;
                        if (cands.Count > 1 && k.Count == 1 && Honorific(i) is { } h)
                        {
                            // "Mr Blair" with Tony Blair and Sir Ian Blair in the article: a knight is "Sir Ian", never "Mr
                            // Blair"; "Mrs Blair" is not a man. Keep the candidates whose own titles agree.
                            var agree = cands.Where(r => HonorificsAgree(h, r)).ToList();
                            if (agree.Count == 1) { cands = [agree[0]]; byTitle = h; }
                        }
                        string? byRecency = null;
                        if (cands.Count > 1 && k.Count == 1 && m.SlashParts == null && NearestNamedBefore(i, cands) is { } near)
                        {
                            // "Michael Howard … Mr Howard's speech … John Howard, of Australia's Liberal Party": a surname goes
                            // to the namesake named in full most recently, when that was within the last few sentences.
                            cands = [near];
                            byRecency = BestPersonName(near);
                        }
                        if (cands.Count == 1 && !cands.Contains(self))
                        {
                            // Only when the mention's own group has no different full name (then the surname is shared, not the person).
                            int target = cands.First();
                            if (HasOtherFullName(self, target)) continue;
                            Union(target, i, byTitle is not null ? $"surname with '{byTitle}': {m.Display} → {BestPersonName(target)} (the other people of that surname here have other titles)"
                                : byRecency is not null ? $"surname: {m.Display} → {byRecency}, the namesake named in full most recently"
                                : given ? $"first name: {m.Display} → {BestPersonName(target)}"
                                : fuzzy ? $"surname spelling variant: {m.Display} → {BestPersonName(target)}" : k.Count == 1
                                ? $"surname: {(m.SlashParts != null ? NameNormalizer.Keys(k.Full).Full : m.Display)} → {BestPersonName(target)}"
                                : $"shorter name: {m.Display} → {BestPersonName(target)}");
                        }
                    }
                }
            }
        }

        /// <summary>Sentences back within which the last full naming of a namesake decides a bare surname.</summary>
        private const int RecencySentences = 3;

        // Of several candidate groups, the one whose full name was written last before this mention, when that is within
        // RecencySentences sentences (or further back, when it is also the one named in full most often) and no other
        // candidate was named in full in the same sentence; else null.
        private int? NearestNamedBefore(int mention, HashSet<int> cands)
        {
            int at = _d.Entities[mention].Start;
            int best = -1, bestStart = -1, second = -1, bestCount = 0, otherCount = 0;
            foreach (int root in cands)
            {
                int last = -1, count = 0;
                foreach (int x in Members(root))
                    if (_m[x].Kind == Kind.Person && _m[x].Keys.Count >= 2)
                    {
                        count++;
                        if (_d.Entities[x].Start < at) last = Math.Max(last, _d.Entities[x].Start);
                    }
                if (last > bestStart) { second = bestStart; otherCount = Math.Max(otherCount, bestCount); bestStart = last; best = root; bestCount = count; }
                else { second = Math.Max(second, last); otherCount = Math.Max(otherCount, count); }
            }
            if (best < 0) return null;
            int sHere = _d.SentenceAt(at), sBest = _d.SentenceAt(bestStart);
            if (sHere < 0 || sBest < 0 || sHere - sBest > RecencySentences && bestCount <= otherCount) return null;
            if (second >= 0 && _d.SentenceAt(second) == sBest) return null;
            return best;
        }

        // The courtesy title written right before a mention ("Mr", "Mrs", "Sir" …), normalised, or null.
        private HashSet<string>? _royalGiven;
        // First names the article writes after a royal, religious or noble title.
        private HashSet<string> RoyalGivenNames => _royalGiven ??= BuildRoyalGiven();

        private HashSet<string> BuildRoyalGiven()
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < _m.Length; i++)
                if (_m[i].Kind == Kind.Person && !_m[i].Keys.IsEmpty && RoyalTitleBefore(i)) set.Add(_m[i].Keys.Parts[0]);
            return set;
        }

        // The word before the mention is a royal, religious or noble title that goes with a given name alone ("Prince
        // Charles", "Pope John Paul", "King Abdullah", "St Andrew").
        private bool RoyalTitleBefore(int mention)
        {
            int j = _d.Entities[mention].Start - 1;
            while (j >= 0 && _d.Text[j] == ' ') j--;
            if (j >= 0 && _d.Text[j] == '.') j--;
            int k = j;
            while (k >= 0 && char.IsLetter(_d.Text[k])) k--;
            if (k == j) return false;
            return _d.Text.AsSpan(k + 1, j - k) is "Prince" or "Princess" or "King" or "Queen" or "Pope" or "Emperor" or "Empress"
                or "Sultan" or "Emir" or "Saint" or "St" or "Duke" or "Duchess" or "Archbishop" or "Cardinal" or "Sheikh";
        }

        private string? Honorific(int mention)
        {
            int start = _d.Entities[mention].Start;
            int j = start - 1;
            while (j >= 0 && _d.Text[j] == ' ') j--;
            int end = j + 1;
            if (j >= 0 && _d.Text[j] == '.') j--;
            int k = j;
            while (k >= 0 && char.IsLetter(_d.Text[k])) k--;
            if (k == j) return null;
            var w = _d.Text.AsSpan(k + 1, j - k);
            return w switch
            {
                "Mr" => "Mr", "Mrs" or "Ms" or "Miss" => "Mrs", "Sir" => "Sir", "Lady" or "Dame" => "Lady", "Lord" => "Lord",
                _ => null,
            };
        }

        // True when a group whose mentions carry these titles can be called "title Surname": men are Mr unless knighted or
        // ennobled; women Mrs/Ms/Miss unless titled. A group with no title written agrees with anything.
        private bool HonorificsAgree(string title, int root)
        {
            foreach (int x in Members(root))
            {
                if (_m[x].Kind != Kind.Person) continue;
                var other = Honorific(x);
                if (other is null || other == title) continue;
                bool clash = title switch
                {
                    "Mr" => other is "Mrs" or "Sir" or "Lady" or "Lord",
                    "Mrs" => other is "Mr" or "Sir" or "Lord",
                    "Sir" or "Lord" => other is "Mrs" or "Lady",
                    "Lady" => other is "Mr" or "Sir" or "Lord",
                    _ => false,
                };
                if (clash) return false;
            }
            return true;
        }

        private bool HasOtherFullName(int root, int other)
        {
            // A surname with its particle ("de Blasio") or a shorter form of the other's name is no other full name.
            foreach (int k in Members(root))
                if (_m[k].Kind == Kind.Person && _m[k].Keys.IsFull && !(other >= 0 && ShorterFormOf(k, other))) return true;
            return false;
        }

        private bool ShorterFormOf(int mention, int root)
        {
            var parts = _m[mention].Keys.Parts;
            foreach (int j in Members(root))
                if (_m[j].Kind == Kind.Person && _m[j].Keys.Count > parts.Length && IsSubsequence(parts, _m[j].Keys.Parts)) return true;
            return false;
        }

        private static bool IsSubsequence(string[] small, string[] big)
        {
            int j = 0;
            foreach (var p in big) if (j < small.Length && small[j] == p) j++;
            return j == small.Length;
        }

        private bool? _sport;
        // The article reads as a sports report (ArticleKinds).
        private bool SportReport => _sport ??= ArticleKinds.IsSportReport(_d);

        private void DictionarySurnames()
        {
            if (_d.Published is not { } date) return; // no date, no "around the publication date"
            // In a sports report a bare surname is a player, a coach or an official of the game ("Lambert" on Celtic's
            // bench is not Alain Lambert of France's government, "Wales hooker Mefin Davies" no Jamaican minister).
            if (SportReport) return;
            var done = new HashSet<int>();
            for (int i = 0; i < _m.Length; i++)
            {
                if (_m[i].Kind != Kind.Person) continue;
                int r = Find(i);
                if (!done.Add(r)) continue;
                bool hasFull = false;
                string? surname = null;
                foreach (int k in Members(r))
                {
                    if (_m[k].Kind != Kind.Person) continue;
                    if (_m[k].Keys.Count >= 2) hasFull = true;
                    else surname ??= _m[k].Keys.Full;
                }
                if (hasFull || surname == null) continue;
                var entry = _dict.UniquePerson(surname, date);
                if (entry == null) continue;
                // Being the one office holder of that surname is not enough ("Lord Harris" of a British police authority
                // is not Rene Harris of Nauru, a rugby player "Campbell" no Australian minister): the article must also
                // name the country the dictionary's office belongs to.
                var active = entry.Dated.Where(c => c.Overlaps(ActorDictionary.YearsBefore(date, 4), date)).ToList();
                var named = active.Select(c => CountryNamed(c.Code)).FirstOrDefault(n => n != null);
                if (named == null) continue;
                _dictName[r] = entry;
                string when = string.Join(", ", active.Select(c => $"{c.Code} {c.From?.ToString("yyyy-MM-dd") ?? "…"}–{c.To?.ToString("yyyy-MM-dd") ?? "…"}"));
                _why.Add((r, r, $"dictionary: {_m[i].Display} = {entry.DisplayName} (the one person of that surname in office near {date:yyyy-MM-dd}: {when}; the article names {named})"));
            }
        }

        // The country a CAMEO code belongs to (its first three letters), when the article names it: the country itself, its
        // people, its capital or a seat of its government. Null otherwise, and for codes of no country (IGO…, NGO…).
        private string? CountryNamed(string code)
        {
            if (code.Length < 3) return null;
            var iso3 = code[..3];
            if (_countries.ByIso3(iso3) is not { } country) return null;
            if (_namedCountries == null)
            {
                _namedCountries = new HashSet<string>(StringComparer.Ordinal);
                for (int k = 0; k < _m.Length; k++)
                    if (_m[k].Iso3 is { } i3 && _m[k].Kind is Kind.Country or Kind.Group or Kind.Place or Kind.Seat) _namedCountries.Add(i3);
            }
            return _namedCountries.Contains(iso3) ? country.Name : null;
        }

        // The countries the article names (by country, people, capital or seat), built once when first asked.
        private HashSet<string>? _namedCountries;

        // "George Bush" in 2005: the dictionary's George Bush (the father) was out of office, and its one other George …
        // Bush (George W. Bush) held office that day. The namesake in office is meant; null when the entry itself is in office
        // (or has no office dates) or when not exactly one namesake of the same given name and surname is in office.
        private DictionaryEntry? InOfficeNamesake(DictionaryEntry entry, string name, DateOnly on)
        {
            if (entry.Dated.Any(c => c.Covers(on))) return null;
            var keys = NameNormalizer.Keys(name);
            if (!keys.IsFull) return null;
            DictionaryEntry? found = null;
            foreach (var e in _dict.PersonsWithSurname(keys.Surname))
            {
                if (ReferenceEquals(e, entry) || NameNormalizer.Keys(e.Primary).Parts is not { Length: >= 2 } p || p[0] != keys.Parts[0]) continue;
                if (!e.Dated.Any(c => c.Covers(on) && c.Code.Length >= 6 && c.Code[3..6] == "GOV")) continue;
                if (found != null && NameNormalizer.Key(found.Primary) != NameNormalizer.Key(e.Primary)) return null;
                found ??= e;
            }
            return found;
        }

        private string BestPersonName(int root)
        {
            string best = _m[root].Display;
            int bestParts = 0;
            foreach (int k in Members(root))
            {
                if (_m[k].Kind != Kind.Person) continue;
                // A span the recogniser ran over the words before the name ("Rock star Ozzy Osbourne", "Dec. Natalie
                // Appleton", "Substitute Joe Pattison") is named without them.
                var display = WithoutLeadingWords(_m[k].Display, root);
                int parts = NameNormalizer.Keys(display).Count - (_m[k].AliasIntroduced ? 100 : 0);
                if (parts > bestParts || parts == bestParts && display.Length > best.Length) { best = display; bestParts = parts; }
            }
            return best;
        }

        // Drops the leading words news writes in lower case, months and stop words ("Rock star", "Dec.", "Substitute")
        // when what remains opens with a given name or is another mention of the same actor; the name as written otherwise.
        private string WithoutLeadingWords(string name, int root)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var lex = Dossier.Extraction.Entities.NerLexicon.Instance;
            // "Rock star Ozzy Osbourne", "Fly-half Stephen Jones", "Yahoo's Yonca Brunini" beside the full name alone: words
            // before another mention's full name that are no given names ("Luiz Inacio" of "Luiz Inacio Lula da Silva" are).
            foreach (int j in Members(root))
            {
                var other = _m[j].Display;
                if (_m[j].Kind != Kind.Person || other.Length >= name.Length || !_m[j].Keys.IsFull || other.IndexOf(' ') < 0
                    || !name.EndsWith(" " + other, StringComparison.OrdinalIgnoreCase)) continue;
                var prefix = name.AsSpan(0, name.Length - other.Length - 1);
                bool given = false, lower = false;
                foreach (var r in prefix.Split(' '))
                {
                    var w = prefix[r];
                    if (w.Length == 0) continue;
                    if (char.IsLower(w[0])) lower = true;
                    else if (GivenNames.OfGivenName(w) != NameGender.Unknown || lex.TryStat(w, out var gs) && gs.IsGivenName) given = true;
                }
                if (lower || !given) return other;
            }
            int k = 0;
            while (words.Length - k > 2)
            {
                var w = words[k].AsSpan().TrimEnd('.');
                bool common = char.IsLower(w[0]) || lex.Is(w, Dossier.Extraction.Entities.Cue.Stop)
                    || GivenNames.OfGivenName(w) == NameGender.Unknown && lex.TryStat(w, out var s) && (s.IsCommonWord || s.IsTimeWord);
                if (!common) break;
                k++;
            }
            if (k == 0) return name;
            var rest = string.Join(' ', words[k..]);
            bool givenFirst = char.IsUpper(words[k][0]) && (GivenNames.OfGivenName(words[k]) != NameGender.Unknown || lex.TryStat(words[k], out var st) && st.IsGivenName);
            if (givenFirst && !(lex.TryStat(words[^1], out var ls) && ls.IsCommonWord)) return rest;
            foreach (int j in Members(root))
                if (_m[j].Kind == Kind.Person && string.Equals(_m[j].Display, rest, StringComparison.OrdinalIgnoreCase)) return rest;
            return name;
        }

        // ---------------------------------------------------------------- output

        private List<Actor> Emit()
        {
            var byRoot = new Dictionary<int, List<int>>();
            var order = new List<int>();
            for (int i = 0; i < _m.Length; i++)
            {
                if (!Usable(i)) continue;
                int r = Find(i);
                if (!byRoot.TryGetValue(r, out var l)) { byRoot[r] = l = new List<int>(); order.Add(r); }
                l.Add(i);
            }
            // Order by first mention in the text (entities are sorted by start; be safe anyway).
            order.Sort((a, b) => _d.Entities[byRoot[a][0]].Start.CompareTo(_d.Entities[byRoot[b][0]].Start));
            var rootToActor = new Dictionary<int, int>();
            foreach (var r in order)
            {
                var mentions = byRoot[r];
                var actor = new Actor { Id = "a" + (_d.Actors.Count + 1), By = _by };
                Fill(actor, r, mentions);
                int index = _d.Actors.Count;
                _d.Actors.Add(actor);
                rootToActor[r] = index;
                foreach (var i in mentions)
                {
                    _d.Entities[i].Actor = index;
                    _d.Entities[i].Metonym = _m[i].Metonym;
                    actor.Mentions.Add(i);
                }
            }
            foreach (var (a, b, why) in _why)
            {
                int r = Find(a);
                if (rootToActor.TryGetValue(r, out int ai) && !_d.Actors[ai].Evidence.Contains(why)) _d.Actors[ai].Evidence.Add(why);
            }
            return _d.Actors;
        }

        private void Fill(Actor a, int root, List<int> mentions)
        {
            var first = _m[mentions[0]];
            var kinds = mentions.Select(i => _m[i].Kind).ToList();
            DateOnly? date = _d.Published;
            string? country = mentions.Select(i => _m[i]).FirstOrDefault(m => m.Kind == Kind.Country)?.Iso3;
            if (country != null)
            {
                var c = _countries.ByIso3(country)!;
                a.Type = EntityType.GPE;
                a.Name = c.Name;
                var code = _dict.Find(NameNormalizer.KeysKeepTitles(c.Name).Full).Select(e => e.CodeAt(date)).FirstOrDefault(s => s.Length == 3);
                a.Codes["cameo"] = code ?? c.Iso3;
                a.Codes["iso3"] = c.Iso3;
                var said = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { c.Name };
                foreach (var i in mentions)
                    if (said.Add(_m[i].Display)) a.Evidence.Add($"{_m[i].Reason ?? "country name"}: {_m[i].Display} = {c.Name}");
            }
            else if (mentions.Select(i => _m[i]).FirstOrDefault(m => m.Kind == Kind.Group) is { } group)
            {
                a.Type = EntityType.NORP;
                a.Name = group.Display;
                a.Codes["cameo"] = group.SeatCode!;
                a.Codes["iso3"] = group.Iso3!;
                a.Evidence.Add($"{group.Reason}: {group.Display} = {group.SeatCode}, not the state of {_countries.ByIso3(group.Iso3!)?.Name}");
            }
            else if (kinds.Contains(Kind.Person) && !LooksLikeOrganisation(root, mentions))
            {
                a.Type = EntityType.PERSON;
                a.Name = _dictName.TryGetValue(root, out var de) ? de.DisplayName : BestPersonName(root);
                var entry = de ?? _dict.Find(NameNormalizer.KeysKeepTitles(a.Name).Full).FirstOrDefault(e => e.IsPerson)
                                ?? _dict.Find(NameNormalizer.KeysKeepTitles(a.Name).Full).FirstOrDefault();
                if (de == null && entry is { IsPerson: true } && date is { } on && InOfficeNamesake(entry, a.Name, on) is { } sitting)
                {
                    a.Evidence.Add($"dictionary: {a.Name} on {on:yyyy-MM-dd} is {sitting.DisplayName}, in office then, not {entry.DisplayName}, out of it");
                    entry = sitting;
                }
                // A one-word name ("Prime", "Feather") is no evidence of a dictionary person unless the article names the
                // country of the code (a dictionary match by full name is).
                // In a sports report a full name the report gives a sporting or a business part ("chief executive John
                // Williams" of Blackburn, "a goal from Andy Scott") is no politician of a country it never names.
                bool sportNamesake = SportReport && de == null && entry is { IsPerson: true } && CountryNamed(CodeOn(entry)) == null
                    && mentions.Any(SportingPart);
                if (entry != null && entry.CodeAt(date) is { Length: > 0 } pc && !sportNamesake
                    && (de != null || NameNormalizer.Keys(a.Name).Count >= 2 || !SportReport && CountryNamed(pc) != null))
                {
                    a.Codes["cameo"] = pc;
                    // The record, for the posts it dates (DictionaryRoles): a person's, not a town's or a company's.
                    if (entry.IsPerson) a.Codes[DictionaryRoles.CodeKey] = DictionaryRoles.Record(entry);
                    if (de == null)
                        a.Evidence.Add($"dictionary: {a.Name} = {entry.DisplayName} ({pc}{(date is { } dd ? $" on {dd:yyyy-MM-dd}" : "")}), by {(NameNormalizer.Keys(a.Name).Count >= 2 ? "the full name" : "the name and the article's mention of " + CountryNamed(pc))}");
                }
            }
            else
            {
                // Organisations, places, seats, families: the longest written name, preferring an expansion over an acronym.
                string best = first.Display;
                int bestParts = first.Keys.Count;
                foreach (var i in mentions)
                {
                    var d = _m[i].Display;
                    int parts = _m[i].Keys.Count;
                    bool betterShape = IsAcronym(best) && !IsAcronym(d);
                    if (betterShape || IsAcronym(d) == IsAcronym(best) && (parts > bestParts
                        || parts == bestParts && d.Length > best.Length && !d.Contains('-') == !best.Contains('-')))
                    { best = d; bestParts = parts; }
                }
                a.Name = NameWithApostropheS(best, mentions) ?? best;
                a.Type = kinds.Contains(Kind.Seat) || kinds.Contains(Kind.Family) || kinds.Contains(Kind.Person) ? EntityType.ORG : MajorityType(mentions);
                var seat = mentions.Select(i => _m[i]).FirstOrDefault(m => m.Kind == Kind.Seat);
                if (seat != null)
                {
                    a.Codes["cameo"] = seat.SeatCode ?? seat.Iso3!;
                    a.Evidence.Add($"seat of power: {seat.Display} stands for the government of {_countries.ByIso3(seat.Iso3!)?.Name} ({seat.SeatCode})");
                }
                else if (kinds.Contains(Kind.Family))
                    a.Evidence.Add($"family name: {a.Name} is a group, not the person of that name");
                else
                {
                    var entry = _dict.Find(NameNormalizer.KeysKeepTitles(a.Name).Full).FirstOrDefault();
                    // In a sports report a one-word organisation that is no acronym is a team, not the rebels or insurgents
                    // of that name ("Tigers" of Leicester is no Swazi rebel group).
                    if (entry != null && a.Type == EntityType.ORG && SportReport && NameNormalizer.Keys(a.Name).Count < 2 && !IsAcronym(a.Name)
                        && entry.CodeAt(date) is { } gc && (gc.Contains("REB") || gc.Contains("INS")))
                        entry = null;
                    // A town's entry codes the country; the town's football club ("Liverpool" typed ORG) is not the country.
                    // Works, products, events and laws are no actors a dictionary codes ("the film Constantine" is no Algerian city).
                    // A "place" the dictionary knows only as a company ("Nokia", "Motorola" typed GPE), and no sizeable
                    // place of the gazetteer, is that company.
                    if (a.Type is EntityType.GPE or EntityType.LOC && entry != null && CompanyNotPlace(a.Name, date))
                    {
                        a.Type = EntityType.ORG;
                        a.Evidence.Add($"typed as organisation: the actor dictionary knows {a.Name} only as {entry.CodeAt(date)}, and it is no sizeable place");
                    }
                    if (entry != null && entry.CodeAt(date) is { Length: > 0 } oc && !(a.Type == EntityType.ORG && _countries.ByIso3(oc) != null)
                        && a.Type is not (EntityType.WORK_OF_ART or EntityType.PRODUCT or EntityType.EVENT or EntityType.LAW))
                    {
                        a.Codes["cameo"] = oc;
                        a.Evidence.Add($"dictionary: {a.Name} = {entry.DisplayName} ({oc}), by the name");
                    }
                }
                var place = mentions.Select(i => _m[i]).FirstOrDefault(m => m.Kind == Kind.Place);
                if (place != null)
                    a.Evidence.Add($"capital used as a place: {place.Display} (capital of {_countries.ByIso3(place.Iso3!)?.Name}) kept as its own actor");
            }
            // Aliases: every other written form, A/B parts, acronyms and handles.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { a.Name };
            foreach (var i in mentions)
            {
                var m = _m[i];
                if (m.SlashParts != null) foreach (var p in m.SlashParts) AddIf(a, seen, CleanDisplay(p, true));
                else AddIf(a, seen, m.Display);
            }
            if (_extraAliases.TryGetValue(root, out var extra)) foreach (var x in extra) AddIf(a, seen, x);
            // A person is also called by the surname alone ("Putin"); the article-less form is the one news text uses.
            // Not for pseudonyms made of a demonym and a noun ("Syrian Girl"): those have no surname.
            if (a.Type == EntityType.PERSON && ShortName(a.Name) is { } sn && !SurnameShared(root, NameNormalizer.Keys(a.Name).Surname)
                && !(extra?.Any(IsAcronym) ?? false) // "Hindustan Aeronautics (HAL)": an organisation the NER took for a person
                && !(_countries.TryFind(a.Name.AsSpan(0, a.Name.IndexOf(' ')), out var dh) && dh.Kind == CountryNameKind.Demonym))
                AddIf(a, seen, sn);
        }

        // "McDonald's", "Standard & Poor's", "Sainsbury's": an organisation whose name ends in 's keeps it when the article
        // writes it where no possessive can stand — before punctuation, an auxiliary, a conjunction or a preposition ("fast-food giant McDonald's,
        // has died"; "McDonald's has") — and never without it ("United's attacking play" is possessive). Null otherwise.
        private string? NameWithApostropheS(string best, List<int> mentions)
        {
            if (_d.Entities[mentions[0]].Type != EntityType.ORG) return null;
            bool standalone = false;
            foreach (var i in mentions)
            {
                var e = _d.Entities[i];
                var surface = _d.Span(e.Start, e.End);
                if (!(surface.EndsWith("'s") || surface.EndsWith("’s"))) return null;
                int next = TextContext.TokenFrom(_d, e.End);
                if (next >= _d.Tokens.Length) { standalone = true; continue; }
                var w = _d.TokenText(next);
                if (w is "," or "." or ";" or ":" or ")" or "!" or "?" || _d.Syntax is { } syn && syn.Tags[next] is Upos.AUX or Upos.ADP or Upos.CCONJ)
                    standalone = true;
            }
            if (!standalone) return null;
            var first = _d.Entities[mentions[0]];
            return best + _d.Slice(first.End - 2, first.End);
        }

        // "Vladimir Putin" → "Putin"; "Bashar al-Assad" → "Assad"; null for one-word names.
        private static string? ShortName(string name)
        {
            int sp = name.LastIndexOf(' ');
            if (sp < 0) return null;
            string last = name[(sp + 1)..];
            int h = last.IndexOf('-');
            if (h > 0 && h < last.Length - 1 && NameNormalizer.Keys(last).Count == 1 && NameNormalizer.Key(last.AsSpan(0, h)) != NameNormalizer.Key(last))
                last = last[(h + 1)..];
            // "Industry Secretary" is a title the NER took for a name: a title word is no surname.
            string folded = NameNormalizer.Fold(last);
            if (NameNormalizer.TitleWords.Contains(folded) || RoleWords.Contains(folded)) return null;
            return NameNormalizer.Keys(last).IsEmpty ? null : last;
        }

        // True when another person group in the document has a full name with the same surname (two Assads: no short alias).
        private bool SurnameShared(int root, string surname)
        {
            if (!FullPersonsBySurname.TryGetValue(surname, out var list)) return false;
            foreach (int k in list) if (Find(k) != root) return true;
            return false;
        }

        // A "person" the NER typed wrongly: the dictionary knows the name only as a company
        // ("Lockheed Martin"). A parenthesised acronym is no proof: people have them too ("Mohammed bin Salman (MBS)").
        private bool LooksLikeOrganisation(int root, List<int> mentions)
        {
            if (_dictName.ContainsKey(root)) return false;
            // A one-word name counts only when the actor has no longer personal name ("Ford" beside "Harrison Ford").
            bool fullName = mentions.Any(i => _m[i].Kind == Kind.Person && _m[i].Keys.Count >= 2);
            foreach (var i in mentions)
            {
                if (_m[i].Kind != Kind.Person || _m[i].Keys.Count < 2 && fullName) continue;
                var entries = _dict.Find(NameNormalizer.KeyKeepTitles(_m[i].Display));
                // Only companies (MNC…), and for a one-word name also international bodies, charities and media ("Opec",
                // "Cafod"): group records also list their leaders' names ("Hassan Nasrallah" under Hezbollah).
                if (entries.Count > 0 && entries.All(e => !e.IsPerson && IsOrganisationCode(e.CodeAt(_d.Published), _m[i].Keys.Count == 1)))
                {
                    _why.Add((root, root, $"typed as organisation: the actor dictionary knows {_m[i].Display} only as {entries[0].CodeAt(_d.Published)}"));
                    return true;
                }
            }
            return false;
        }

        private string CodeOn(DictionaryEntry? e) => e?.CodeAt(_d.Published) ?? "";

        /// <summary>Nouns of a club's or a company's part before a name ("chief executive", "chairman", "boss").</summary>
        private static readonly HashSet<string> NonPoliticalParts = new(StringComparer.OrdinalIgnoreCase)
        { "executive", "chairman", "chairwoman", "boss", "owner", "director", "captain", "skipper", "full-back", "fly-half", "scrum-half", "lock", "prop", "hooker", "flanker", "centre", "forward", "keeper" };

        // A sport word or a club's or a company's part among the three words before the mention ("a goal from Andy Scott",
        // "chief executive John Williams"); "from" and "by" count only after a sport word.
        private bool SportingPart(int mention)
        {
            int first = TextContext.TokenFrom(_d, _d.Entities[mention].Start);
            for (int k = first - 1; k >= Math.Max(0, first - 3); k--)
            {
                var w = _d.TokenText(k);
                if (w is "from" or "by") continue;
                if (Dossier.Documents.ArticleKinds.IsSportWord(w) || NonPoliticalParts.Contains(w.ToString())) return true;
            }
            return false;
        }

        // Every record of the name is a company's (MNC…) and the gazetteer has no sizeable place of that name.
        private bool CompanyNotPlace(string name, DateOnly? date)
        {
            var entries = _dict.Find(NameNormalizer.KeyKeepTitles(name));
            if (entries.Count == 0 || !entries.All(e => !e.IsPerson && e.CodeAt(date).StartsWith("MNC", StringComparison.Ordinal))) return false;
            return !(Dossier.Extraction.Entities.NerLexicon.Instance.TryPlace(name, out var g) && g.Weight >= SizeablePlaceWeight);
        }

        /// <summary>Gazetteer weight from which a place is too big to be read as a company of the same name.</summary>
        private const float SizeablePlaceWeight = 9f;

        private static bool IsOrganisationCode(string code, bool oneWord) =>
            code.StartsWith("MNC", StringComparison.Ordinal)
            || oneWord && (code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal) || code.StartsWith("MED", StringComparison.Ordinal));

        private static void AddIf(Actor a, HashSet<string> seen, string s)
        {
            if (s.Length > 0 && seen.Add(s)) a.Aliases.Add(s);
        }

        private EntityType MajorityType(List<int> mentions)
        {
            Span<int> counts = stackalloc int[16];
            foreach (var i in mentions) counts[(int)_d.Entities[i].Type]++;
            int best = (int)_d.Entities[mentions[0]].Type;
            for (int t = 0; t < counts.Length; t++) if (counts[t] > counts[best]) best = t;
            return (EntityType)best;
        }

        // ---------------------------------------------------------------- social posts

        private void Posts(List<Actor> actors)
        {
            foreach (var p in _d.Posts)
            {
                if (string.IsNullOrEmpty(p.Handle)) continue;
                string handle = p.Handle.StartsWith('@') ? p.Handle : "@" + p.Handle;
                int found = -1;
                for (int i = 0; i < _d.Entities.Count && found < 0; i++)
                {
                    var e = _d.Entities[i];
                    if (e.Actor < 0 || e.Type != EntityType.PERSON) continue;
                    bool inAttribution = e.Start >= p.AttributionStart && e.End <= p.AttributionEnd && p.AttributionEnd > p.AttributionStart;
                    bool sameName = p.AuthorName != null && NameNormalizer.Key(_d.Span(e.Start, e.End)) == NameNormalizer.Key(p.AuthorName);
                    if (inAttribution && (sameName || p.AuthorName == null) || sameName && e.Start >= p.Start && e.End <= p.End) found = e.Actor;
                }
                if (found < 0 && p.AuthorName != null)
                {
                    // The NER did not tag the author: an actor without mentions still carries the post's identity.
                    var a = new Actor { Id = "a" + (actors.Count + 1), Name = p.AuthorName, Type = EntityType.PERSON, By = _by };
                    a.Evidence.Add($"social post author: {p.AuthorName} ({handle}) named in the post attribution");
                    actors.Add(a);
                    found = actors.Count - 1;
                }
                if (found < 0) continue;
                var actor = actors[found];
                if (!actor.Aliases.Contains(handle, StringComparer.OrdinalIgnoreCase) && actor.Name != handle) actor.Aliases.Add(handle);
                string line = $"social handle: {handle} is the account of {actor.Name}";
                if (!actor.Evidence.Contains(line)) actor.Evidence.Add(line);
            }
        }
    }
}
