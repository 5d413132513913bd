using System.Globalization;
using Dossier.Documents;
using Dossier.Resources;

namespace Dossier.Extraction.Entities;

/// <summary>Counts of one word in the GMB training data (see NerStatsCompiler).</summary>
internal readonly record struct WordStat(int LowerMid, int CapMid, int CapInit, int Per, int Org, int Geo, int Gpe, int Tim, int Other, int First)
{
    /// <summary>Occurrences written with a capital.</summary>
    public int Capitalised => CapMid + CapInit;
    /// <summary>Occurrences tagged as a person, organisation, place or group.</summary>
    public int Named => Per + Org + Geo + Gpe;
    /// <summary>Mostly written lower-case mid-sentence: a common word, not a name.</summary>
    public bool IsCommonWord => LowerMid >= 2 && LowerMid > 2 * CapMid;
    /// <summary>Mostly a time word (months, weekdays).</summary>
    public bool IsTimeWord => Tim >= 3 && Tim > Named && Tim * 2 >= Capitalised;
    /// <summary>Often the first word of a multi-word person name (a given name).</summary>
    public bool IsGivenName => First >= 2 && First * 3 >= Capitalised;
}

/// <summary>A gazetteer entry: type, prior weight (10 country, 9 demonym, log10 population for cities) and country code.</summary>
internal readonly record struct GazEntry(EntityType Type, float Weight, string Code);

/// <summary>Cue word classes of the hand-written lexicon (data/lexicons/ner-cues.txt).</summary>
[Flags]
internal enum Cue : uint
{
    None = 0,
    Title = 1, TitleHead = 2, OrgHead = 4, LocHead = 8, LocPrefix = 16, FacHead = 32, EventHead = 64,
    GpeAfter = 128, PersonAfter = 256, PersonBefore = 512, PlaceBefore = 1024, Stop = 2048, Particle = 4096,
    HyphenPrefix = 8192, NoNamePrefix = 16384, LawHead = 32768, EventPrefix = 65536,
    /// <summary>A lower-case noun right before a name that makes it an organisation ("oil giant Shell"). Read by
    /// <see cref="NameEvidence"/> only: the tagger's features leave it out, so the trained model is unchanged.</summary>
    OrgBefore = 131072,
    /// <summary>A lower-case noun before a title that makes it a work ("the musical Spend Spend Spend"); NameEvidence only.</summary>
    WorkBefore = 1 << 18,
    /// <summary>A lower-case noun before a name that makes it a product or brand ("cosmetics brands Hard Candy and Urban Decay").</summary>
    ProductBefore = 1 << 19,
    /// <summary>A lower-case noun after a town's name that makes it the town's sports club ("Bolton boss", "Roma defender").</summary>
    ClubAfter = 1 << 20,
    /// <summary>A lower-case noun after a place's name that makes it a tournament ("former Wimbledon champion").</summary>
    EventAfter = 1 << 21,
    /// <summary>A word naming a political party or its members ("Tory", "Labour"), read by the role finder only.</summary>
    PartyWord = 1 << 22,
    /// <summary>An acronym or word that names a kind of thing, not an organisation ("PC", "DVD", "HIV", "R&B"): no entity
    /// on its own; read by NameEvidence only.</summary>
    NotName = 1 << 23,
    /// <summary>A capitalised word that describes the person whose name follows it and is no part of the name
    /// ("Flanker Jason White", "Treasurer Peter Costello", "Britons Kathy Butler"); read by NameEvidence only.</summary>
    Descriptor = 1 << 24,
    /// <summary>A lower-case word after a name (or its possessive) that only a company has: its shares, profits, board,
    /// subscribers ("Ericsson shares", "Enron's shareholders"); read by NameEvidence only.</summary>
    CompanyAfter = 1 << 25,
    /// <summary>A lower-case officer of an organisation: after its name before a person's ("Southcorp chairman Brian
    /// Finn") or before "at"/"of" and its name ("analysts at Gartner"); read by NameEvidence only.</summary>
    CompanyOfficer = 1 << 26,
    /// <summary>The cues only NameEvidence and the role finder read: the tagger's features leave them out, so the trained
    /// model is unchanged.</summary>
    EvidenceOnly = OrgBefore | WorkBefore | ProductBefore | ClubAfter | EventAfter | PartyWord | NotName | Descriptor
        | CompanyAfter | CompanyOfficer,
}

/// <summary>The recogniser's lexical knowledge: compiled gazetteer, GMB word statistics and the cue lexicon.</summary>
/// <remarks>Loaded once from embedded resources (<see cref="Instance"/>), read-only afterwards, so safe across threads.
/// Look-ups take spans through alternate dictionary look-ups: no string is built per token.</remarks>
internal sealed class NerLexicon
{
    private static readonly Lazy<NerLexicon> _instance = new(() => new NerLexicon());
    /// <summary>The shared instance.</summary>
    public static NerLexicon Instance => _instance.Value;

    private readonly Dictionary<string, GazEntry> _gaz = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordStat> _stats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cue> _cues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityType> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazEntry>.AlternateLookup<ReadOnlySpan<char>> _gazL;
    private readonly Dictionary<string, WordStat>.AlternateLookup<ReadOnlySpan<char>> _statsL;
    private readonly Dictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> _cuesL;
    private readonly Dictionary<string, EntityType>.AlternateLookup<ReadOnlySpan<char>> _knownL;

    /// <summary>Number of gazetteer names, statistics words and known names (for reports).</summary>
    public (int Gazetteer, int Stats, int Known, int Cues) Sizes => (_gaz.Count, _stats.Count, _known.Count, _cues.Count);

    private NerLexicon()
    {
        foreach (var line in EmbeddedData.Lines("ner-gazetteer.tsv.gz"))
        {
            var f = line.Split('\t');
            if (f.Length < 4 || !Enum.TryParse<EntityType>(f[1], out var t) || !float.TryParse(f[2], CultureInfo.InvariantCulture, out var w))
                throw new DossierException(Errors.BadNerLexicon("ner-gazetteer.tsv.gz", line));
            _gaz[f[0]] = new GazEntry(t, w, f[3]);
        }
        foreach (var line in EmbeddedData.Lines("ner-wordstats.tsv.gz"))
        {
            var f = line.Split('\t');
            if (f.Length < 11) throw new DossierException(Errors.BadNerLexicon("ner-wordstats.tsv.gz", line));
            int I(int k) => int.TryParse(f[k], CultureInfo.InvariantCulture, out var v) ? v : throw new DossierException(Errors.BadNerLexicon("ner-wordstats.tsv.gz", line));
            _stats[f[0]] = new WordStat(I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8), I(9), I(10));
        }
        LoadCues();
        LoadLeaders();
        _gazL = _gaz.GetAlternateLookup<ReadOnlySpan<char>>();
        _statsL = _stats.GetAlternateLookup<ReadOnlySpan<char>>();
        _cuesL = _cues.GetAlternateLookup<ReadOnlySpan<char>>();
        _knownL = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        _regionsL = _regions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Office holders of our own leaders list (data/lexicons/actors-leaders.tsv): full names and their synonyms are persons.
    // The hand-written cue lists win where they name the same string.
    private void LoadLeaders()
    {
        foreach (var line in EmbeddedData.Lines("actors-leaders.tsv"))
        {
            var f = line.Split('\t');
            if (f.Length < 2) continue;
            _known.TryAdd(f[1], EntityType.PERSON);
            if (f.Length >= 5)
                foreach (var syn in f[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (syn.Length >= 3) _known.TryAdd(syn, EntityType.PERSON);
        }
    }

    private void LoadCues()
    {
        Cue section = Cue.None;
        EntityType? listType = null;
        bool regions = false;
        foreach (var raw in EmbeddedData.Lines("ner-cues.txt"))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) continue;
            if (line[0] == '[')
            {
                listType = null;
                regions = line == "[region]";
                section = line switch
                {
                    "[title]" => Cue.Title, "[titlehead]" => Cue.TitleHead, "[orghead]" => Cue.OrgHead, "[lochead]" => Cue.LocHead,
                    "[locprefix]" => Cue.LocPrefix, "[fachead]" => Cue.FacHead, "[eventhead]" => Cue.EventHead,
                    "[gpeafter]" => Cue.GpeAfter, "[personafter]" => Cue.PersonAfter, "[personbefore]" => Cue.PersonBefore,
                    "[placebefore]" => Cue.PlaceBefore, "[stop]" => Cue.Stop, "[particle]" => Cue.Particle,
                    "[hyphenprefix]" => Cue.HyphenPrefix, "[nonameprefix]" => Cue.NoNamePrefix, "[lawhead]" => Cue.LawHead, "[eventprefix]" => Cue.EventPrefix,
                    "[orgbefore]" => Cue.OrgBefore, "[workbefore]" => Cue.WorkBefore, "[productbefore]" => Cue.ProductBefore,
                    "[clubafter]" => Cue.ClubAfter, "[eventafter]" => Cue.EventAfter, "[partyword]" => Cue.PartyWord, "[notname]" => Cue.NotName,
                    "[descriptor]" => Cue.Descriptor, "[companyafter]" => Cue.CompanyAfter, "[companyofficer]" => Cue.CompanyOfficer,
                    _ => Cue.None,
                };
                listType = line switch
                {
                    "[norp]" => EntityType.NORP, "[loc]" => EntityType.LOC, "[gpe]" => EntityType.GPE, "[org]" or "[acronym]" => EntityType.ORG,
                    "[award]" => EntityType.WORK_OF_ART, "[product]" => EntityType.PRODUCT,
                    _ => null,
                };
                continue;
            }
            int tab = line.IndexOf('\t');
            if (regions) { _regions.Add(line); continue; }
            if (listType is { } lt)
            {
                var name = tab < 0 ? line : line[..tab];
                var type = lt;
                if (tab >= 0 && !Enum.TryParse(line[(tab + 1)..], out type)) throw new DossierException(Errors.BadNerLexicon("ner-cues.txt", line));
                _known[name] = type;
            }
            else if (section != Cue.None)
            {
                _cues[line] = _cues.GetValueOrDefault(line) | section;
            }
        }
    }

    /// <summary>Cue classes of a word (a trailing period is ignored: "Dr." = "Dr").</summary>
    public Cue CuesOf(ReadOnlySpan<char> word)
    {
        if (_cuesL.TryGetValue(word, out var c)) return c;
        if (word.Length > 1 && word[^1] == '.' && _cuesL.TryGetValue(word[..^1], out c)) return c;
        return Cue.None;
    }

    /// <summary>True when the word has any of the cue classes.</summary>
    public bool Is(ReadOnlySpan<char> word, Cue cue) => (CuesOf(word) & cue) != 0;

    /// <summary>The type of a name from the hand-written lists (organisations, acronyms, groups, regions).</summary>
    public bool TryKnown(ReadOnlySpan<char> name, out EntityType type) => _knownL.TryGetValue(name, out type);

    /// <summary>The gazetteer entry of a place or demonym.</summary>
    public bool TryPlace(ReadOnlySpan<char> name, out GazEntry e) => _gazL.TryGetValue(name, out e);

    // Every place of 1,000 people or more (GeoNames cities1000) and the regions of the hand list ([region]): read only to
    // tell a name typed as a place from a name mistaken for one, never a tagger feature. Loaded on first use.
    private readonly HashSet<string> _regions = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _regionsL;
    private static readonly Lazy<(HashSet<string> Set, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup)> _minor = new(() =>
    {
        var set = new HashSet<string>(EmbeddedData.Lines("ner-minor-places.txt.gz"), StringComparer.OrdinalIgnoreCase);
        return (set, set.GetAlternateLookup<ReadOnlySpan<char>>());
    });

    /// <summary>True when the name is a place of the small-places list (GeoNames, 1,000 people or more) or a region of
    /// the hand list (counties, provinces and regions the city gazetteer has no entry for).</summary>
    public bool IsMinorPlace(ReadOnlySpan<char> name) => _regionsL.Contains(name) || _minor.Value.Lookup.Contains(name);

    /// <summary>True when the name is a region of the hand list ([region]).</summary>
    public bool IsListedRegion(ReadOnlySpan<char> name) => _regionsL.Contains(name);

    /// <summary>GMB statistics of a word (case-insensitive).</summary>
    public bool TryStat(ReadOnlySpan<char> word, out WordStat s)
    {
        if (word.Length > 64) { s = default; return false; }
        Span<char> low = stackalloc char[word.Length];
        word.ToLowerInvariant(low);
        return _statsL.TryGetValue(low, out s);
    }
}
