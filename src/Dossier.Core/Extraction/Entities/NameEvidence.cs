using Dossier.Actors;
using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Evidence for a name's type that a sentence-by-sentence tagger trained on GMB's world news misses: a given
/// name followed by a surname is a person ("Yannick Nyanga", "Trevor Woodman" typed as organisations); the
/// comma-separated lists of people that sports and election reports print are people ("Morton, Moffat, MacRae, Hore, …",
/// "Julien Laharrague (Brive), …"); a name right after a noun such as "firm" or "giant" is an organisation ("oil giant
/// Shell", "anti-virus firm Sophos" typed as persons).</summary>
/// <remarks>Runs on the typed candidates of one document before <see cref="DocumentConsistency"/>, so that the parts of
/// the names it settles pass on ("Jauzion" after "Yannick Jauzion"). Stateless.</remarks>
internal static class NameEvidence
{
    /// <summary>Fewest items a run of names needs before it counts as a list.</summary>
    public const int MinListItems = 4;
    /// <summary>Most words an item of a list may have ("Jean-Philippe Grandclaude", "S. Best").</summary>
    public const int MaxItemTokens = 4;
    /// <summary>Score given to a name this step retypes: an inference, below the tagger's confident spans.</summary>
    private const float InferredScore = 0.7f;

    public static void Apply(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        JoinedOrganisationNames(doc, lex, typed);
        GivenNameFirst(doc, lex, typed);
        InitialAndSurname(doc, lex, typed);
        PeopleLists(doc, lex, typed);
        OrganisationNouns(doc, lex, typed);
        CompanyContexts(doc, lex, typed);
        KindNouns(doc, lex, typed);
        WorkTitles(doc, lex, typed);
        WorkLists(doc, lex, typed);
        ClubsAndTournaments(doc, lex, typed);
        ClubPrefixes(doc, lex, typed);
        CommaLists(doc, lex, typed);
        SentenceOpeners(doc, lex, typed);
        KindWords(doc, lex, typed);
        Possessives(doc, lex, typed);
        PersonSpans(doc, lex, typed);
        ParticleAfterTitle(doc, lex, typed);
        DoubleBarrelled(doc, lex, typed);
        PersonAfterOrganisation(doc, lex, typed);
        PlacedNames(doc, lex, typed);
        TitledApposition(doc, lex, typed);
        UnknownPlaces(doc, lex, typed);
        OrdinalPlaceNames(doc, typed);
        AcronymCompletesName(doc, typed);
        TrailingFunctionWords(doc, lex, typed);
    }

    /// <summary>Lower-case words a name never ends with.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    { "and", "of", "for", "the", "on", "in", "to", "at", "&", "or", "with", "by", "from" };

    // "Mr Sears and", "the Board of Deputies of", "University of California and": no name ends with "and", "of" or "the".
    // The words are cut off; what a person's title stands before is a person ("Mr Sears", "Lord Falconer").
    private static void TrailingFunctionWords(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = typed.Count - 1; i >= 0; i--)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type == EntityType.MONEY || c.Has(CandidateCues.SubToken) || c.TokenCount < 2) continue;
            int end = c.TokenEnd;
            while (end > c.FirstToken && FunctionWords.Contains(doc.TokenText(end - 1).ToString())) end--;
            if (end == c.TokenEnd) continue;
            if (end == c.FirstToken) { typed.RemoveAt(i); continue; }
            var type = d.Type;
            bool TitleAt(int k) => k >= 0 && lex.Is(doc.TokenText(k), Cue.Title) && char.IsUpper(doc.TokenText(k)[0]);
            if (TitleAt(c.FirstToken - 1) || end - c.FirstToken >= 2 && TitleAt(c.FirstToken)) type = EntityType.PERSON;
            int start = doc.Tokens[c.FirstToken].Start, stop = doc.Tokens[end - 1].End;
            typed[i] = (new NameCandidate(start, stop, c.FirstToken, end, c.Cues), new EntityDecision(type, Math.Min(d.Score, InferredScore), true));
        }
    }

    /// <summary>The acronym's letters in order among the initials, the first and the last the same, at most one initial
    /// skipped ("European Union Monitoring Mission in Armenia (EUMA)").</summary>
    private static bool InitialsSpell(ReadOnlySpan<char> initials, ReadOnlySpan<char> letters)
    {
        if (letters.Length < 3 || initials.Length < letters.Length || initials.Length > letters.Length + 1) return false;
        if (initials[0] != letters[0] || initials[^1] != letters[^1]) return false;
        int k = 0;
        foreach (var c in initials) if (k < letters.Length && c == letters[k]) k++;
        return k == letters.Length;
    }

    // "the European Union Mission in Armenia (EUMA)": an organisation cut at "in", "for", "of" or "on" before a
    // capitalised run and a bracketed acronym whose letters are the initials of the whole: the run is the name's.
    private static void AcronymCompletesName(Document doc, List<(NameCandidate C, EntityDecision D)> typed)
    {
        int n = doc.Tokens.Length;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type != EntityType.ORG || c.TokenEnd + 4 >= n || c.Has(CandidateCues.SubToken)) continue;
            if (doc.TokenText(c.TokenEnd) is not ("in" or "for" or "of" or "on")) continue;
            int k = c.TokenEnd + 1;
            while (k < n && k < c.TokenEnd + 4 && doc.Tokens[k].Kind == TokenKind.Word && char.IsUpper(doc.TokenText(k)[0])) k++;
            if (k == c.TokenEnd + 1 || k + 2 >= n || doc.TokenText(k) is not "(" || doc.TokenText(k + 2) is not ")") continue;
            var acr = doc.TokenText(k + 1);
            if (acr.Length < 3 || !IsAllCaps(acr)) continue;
            Span<char> ini = stackalloc char[16];
            int len = 0;
            for (int z = c.FirstToken; z < k && len < ini.Length; z++)
            {
                var w = doc.TokenText(z);
                if (w.Length > 0 && char.IsUpper(w[0])) ini[len++] = w[0];
            }
            if (!InitialsSpell(ini[..len], acr)) continue;
            SetSpan(doc, typed, c.FirstToken, k, EntityType.ORG);
        }
    }

    // "the Executive Secretary of the Intergovernmental Authority on Development (IGAD), Hawa Abdi Farah." typed ORG: a
    // name of two to four unknown capitalised words set off by commas right after a phrase led by a title ("the Executive
    // Secretary of …", "the Minister of …") names the holder, a person.
    private static void TitledApposition(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        HashSet<string>? people = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.ORG or EntityType.GPE) || c.TokenCount is < 2 or > 4 || c.Has(CandidateCues.SubToken)) continue;
            if (c.FirstToken < 3 || doc.TokenText(c.FirstToken - 1) is not ",") continue;
            if (c.TokenEnd < doc.Tokens.Length && doc.TokenText(c.TokenEnd) is not ("," or "." or ";")) continue;
            if (!UnknownWords(doc, lex, c.FirstToken, c.TokenEnd)) continue;
            // Back to the phrase's start: "the" + title within twelve tokens, in the same sentence, no other comma between.
            bool titled = false;
            int si = doc.SentenceAt(c.Start);
            int sentenceStart = si >= 0 ? doc.Sentences[si].FirstToken : 0;
            for (int k = c.FirstToken - 2, stop = Math.Max(sentenceStart + 1, c.FirstToken - 14); k >= stop; k--)
            {
                var w = doc.TokenText(k);
                if (w is "," or ";" or ":") break;
                if (!lex.Is(w, Cue.Title) || !char.IsUpper(w[0])) continue;
                // "the Executive Secretary of …": the title's phrase opens with a determiner, capitalised words between.
                for (int z = k - 1; z >= Math.Max(sentenceStart, k - 3); z--)
                {
                    var v = doc.TokenText(z);
                    if (v is "the" or "The" or "its" or "their") { titled = true; break; }
                    if (!char.IsUpper(v[0])) break;
                }
                break;
            }
            if (titled) (people ??= new(StringComparer.Ordinal)).Add(Surface(doc, c));
        }
        if (people != null) RetypeMentions(doc, typed, people, EntityType.PERSON, t => t is EntityType.ORG or EntityType.GPE);
    }

    // Every word capitalised, none a listed name, a head word or a common word, and the first (with placesAnywhere, every
    // one) no place and not mostly an organisation's or a place's in GMB (a surname may be a town's: "Farah"): the shape of
    // a person's name the lists do not know.
    private static bool UnknownWords(Document doc, NerLexicon lex, int first, int end, bool placesAnywhere = false)
    {
        for (int k = first; k < end; k++)
        {
            var w = doc.TokenText(k);
            if (w.Length < 2 || !char.IsUpper(w[0]) || IsAllCaps(w) || lex.TryKnown(w, out _)
                || lex.Is(w, Cue.OrgHead | Cue.LocHead | Cue.FacHead | Cue.EventHead | Cue.Stop | Cue.Title | Cue.TitleHead))
                return false;
            bool stat = lex.TryStat(w, out var st);
            if (stat && st.IsCommonWord) return false;
            if ((k == first || placesAnywhere) && (lex.TryPlace(w, out _) || lex.IsMinorPlace(w) || stat && st.Org + st.Geo + st.Gpe > st.Per)) return false;
        }
        return true;
    }

    /// <summary>Plural nouns of works that introduce a list of titles ("films such as …", "hits including …").</summary>
    private static readonly HashSet<string> WorkListNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "films", "movies", "hits", "albums", "songs", "singles", "books", "novels", "games", "titles", "shows", "series",
        "documentaries", "plays", "musicals", "dramas", "sitcoms", "programmes", "programs", "blockbusters", "franchises",
    };

    // "hits such as Open Water, Napoleon Dynamite, Garden State and Super-Size Me", "films including The Full Monty": the
    // names listed after a plural noun of works and "such as", "including" or "like" are works, whatever the tagger made
    // of them (a film typed PERSON or ORG); a country or a listed place among them is left alone.
    private static void WorkLists(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        int n = doc.Tokens.Length;
        for (int k = 1; k < n - 1; k++)
        {
            int start;
            var w = doc.TokenText(k);
            if (w is "such" && k + 1 < n && doc.TokenText(k + 1) is "as") start = k + 2;
            else if (w is "including" or "like") start = k + 1;
            else continue;
            if (!WorkListNouns.Contains(doc.TokenText(k - 1).ToString())) continue;
            // The list: capitalised words, commas, "and", and the small words inside titles, within the sentence.
            int si = doc.SentenceAt(doc.Tokens[k].Start);
            int sentenceEnd = si >= 0 ? doc.Sentences[si].TokenEnd : n;
            int end = start;
            while (end < sentenceEnd)
            {
                var t = doc.TokenText(end);
                bool inside = t is "," or "and" or "of" or "the" or "a" or "-" or ":" or "&" or "'s" or "in" or "to" or "for" or "on"
                    || t.Length > 0 && (char.IsUpper(t[0]) || char.IsDigit(t[0]));
                if (!inside) break;
                end++;
            }
            if (end <= start) continue;
            int from = doc.Tokens[start].Start, to = doc.Tokens[end - 1].End;
            for (int i = 0; i < typed.Count; i++)
            {
                var (c, d) = typed[i];
                if (!d.IsEntity || c.Start < from || c.End > to || d.Type is EntityType.WORK_OF_ART or EntityType.NORP or EntityType.MONEY) continue;
                // An item stands whole between commas and "and" ("the 1981 John Lennon cover" names the song's writer).
                if (c.TokenEnd < sentenceEnd && doc.TokenText(c.TokenEnd) is not ("," or "and" or "." or ";" or ")" or ":")) continue;
                var span = doc.Span(c.Start, c.End);
                if (CountryTable.Default.TryFind(span, out _) || lex.TryPlace(span, out var g) && g.Weight >= 9) continue;
                typed[i] = (c, new EntityDecision(EntityType.WORK_OF_ART, InferredScore, true));
            }
            k = end;
        }
    }

    /// <summary>Capitalised words that open a place's own name before the part the tagger found.</summary>
    private static readonly HashSet<string> PlaceNameOpeners = new(StringComparer.Ordinal) { "First", "Second", "Third", "Little", "Great" };

    // "Second Thomas Shoal", "Great Barrier Reef": an ordinal or size word written with a capital right before a natural
    // feature the tagger found inside a sentence is part of its name (the first and the second shoal are two places).
    private static void OrdinalPlaceNames(Document doc, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.LOC or EntityType.FAC) || c.FirstToken < 2 || c.Has(CandidateCues.SubToken)) continue;
            int p = c.FirstToken - 1;
            if (!PlaceNameOpeners.Contains(doc.TokenText(p).ToString()) || doc.Tokens[p].End != doc.Tokens[p + 1].Start - 1) continue;
            // Not where the word opens the sentence: there the capital says nothing.
            var prev = doc.TokenText(p - 1);
            int si = doc.SentenceAt(doc.Tokens[p].Start);
            if (prev is "." or "!" or "?" or "\"" or ":" || si >= 0 && doc.Sentences[si].FirstToken == p) continue;
            SetSpan(doc, typed, p, c.TokenEnd, d.Type);
        }
    }

    /// <summary>Nouns of a settlement or a division that make the name they describe a place.</summary>
    private static readonly HashSet<string> SettlementNouns = new(StringComparer.Ordinal)
    {
        "village", "town", "city", "district", "province", "region", "governorate", "township", "suburb", "municipality",
        "county", "hamlet", "oblast", "sub-district", "subdistrict", "neighbourhood", "neighborhood",
    };

    // "Hibhib (…) is a village in northern Iraq", "Kharzabad, a town near the border", "the village of Hibhib", "Hibhib
    // district": a name the article describes as a settlement is a place, whatever the tagger made of it (a person, an
    // organisation). Only where the noun heads the description (followed by a preposition or punctuation: "a town
    // councillor" describes a person), and never a name shaped like a person's (a given name first).
    private static void PlacedNames(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        HashSet<string>? places = null;
        Dictionary<string, List<int>>? at = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.PERSON or EntityType.ORG) || c.TokenCount > 3 || c.Has(CandidateCues.SubToken)) continue;
            if (IsGivenName(lex, doc.TokenText(c.FirstToken)) || lex.TryKnown(doc.Span(c.Start, c.End), out _)) continue;
            bool named = c.TokenCount >= 2 && NamedSettlement.Contains(doc.TokenText(c.TokenEnd - 1).ToString());
            if (named || DescribedAnywhere(doc, at ??= WordPositions(doc), c.FirstToken, c.TokenEnd)) (places ??= new(StringComparer.Ordinal)).Add(Surface(doc, c));
        }
        if (places != null) RetypeMentions(doc, typed, places, EntityType.GPE, t => t is EntityType.PERSON or EntityType.ORG);
    }

    /// <summary>Capitalised last words that make a name a settlement or a division ("Hibhib Village", "Abyan Province");
    /// not "City", "Town" or "County", which end clubs' names.</summary>
    private static readonly HashSet<string> NamedSettlement = new(StringComparer.Ordinal)
    { "Village", "District", "Province", "Governorate", "Township", "Oblast", "Prefecture", "Municipality", "Subdistrict" };

    // Any occurrence of the same words in the article described as a settlement.
    private static bool DescribedAnywhere(Document doc, Dictionary<string, List<int>> at, int first, int end)
    {
        foreach (var k in Occurrences(doc, at, first, end))
            if (DescribedAsSettlement(doc, k, k + end - first)) return true;
        return false;
    }

    private static bool DescribedAsSettlement(Document doc, int first, int end)
    {
        int n = doc.Tokens.Length;
        // A settlement noun heads what follows when a preposition, a compass word or punctuation comes after it.
        bool Heads(int k) => k + 1 >= n || doc.Tokens[k + 1].Kind == TokenKind.Punct
            || doc.TokenText(k + 1) is "in" or "of" or "near" or "on" or "outside" or "north" or "south" or "east" or "west" or "about" or "some" or "located" or "close" or "just" or "that" or "which" or "where" or "with" or "and"
                or "is" or "was" or "has" or "had" or "are" or "were";
        bool DescriptionAt(int k)
        {
            if (k >= n || doc.TokenText(k) is not ("a" or "an" or "the")) return false;
            for (int z = k + 1; z < Math.Min(n, k + 4) && doc.Tokens[z].Kind == TokenKind.Word && char.IsLower(doc.TokenText(z)[0]); z++)
                if (SettlementNouns.Contains(doc.TokenText(z).ToString())) return Heads(z);
            return false;
        }
        // After the name: "X, a village in …", "X is a town near …", "X (…) is a village", "X district".
        int a = end;
        if (a < n && doc.TokenText(a) is "(")
        {
            int close = a + 1;
            while (close < n && close < a + 40 && doc.TokenText(close) is not ")") close++;
            a = close + 1;
        }
        if (a < n && doc.TokenText(a) is ",") { if (DescriptionAt(a + 1)) return true; }
        else if (a < n && doc.TokenText(a) is "is" or "was") { if (DescriptionAt(a + 1)) return true; }
        if (end < n && SettlementNouns.Contains(doc.TokenText(end).ToString()) && char.IsLower(doc.TokenText(end)[0]) && Heads(end)) return true;
        // Before it: "the village of X".
        if (first >= 3 && doc.TokenText(first - 1) is "of" && SettlementNouns.Contains(doc.TokenText(first - 2).ToString())
            && doc.TokenText(first - 3) is "the" or "a" or "The") return true;
        return false;
    }

    // "Nintendo", "Anfield", "Alicia Keys", "Closer", the Gestapo typed as places: trained on world news, where a name it
    // has never seen is most often a place, the tagger types unknown names GPE. Over the 2,225 BBC articles six in seven
    // GPEs no list knows were no places (companies, clubs, grounds, bands, films, people). A GPE is kept when a list knows
    // the place (the city gazetteer, the places of 1,000 people or more, the regions and counties of the hand list, the
    // actor dictionary's places), when its shape makes it one ("western Kenya", "Nottingham North", "County Durham"), or
    // when the article places it ("near Lairg", "the village of Kibera", "Kibera, Nairobi", "Kibera slum"). Otherwise it
    // takes the type the article gives the same name elsewhere, and with none it is no entity: a place an analyst cannot
    // trust is worse than a name left out.
    private static void UnknownPlaces(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        List<int>? unknown = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            // A name inside a hyphenated word ("Jakarta-based") is left as it is: its token is more than the name.
            if (d.IsEntity && d.Type == EntityType.GPE && !c.Has(CandidateCues.SubToken) && !KnownPlace(doc, lex, c.FirstToken, c.TokenEnd))
                (unknown ??= new()).Add(i);
        }
        if (unknown is null) return;
        // Names the article places somewhere, and the types it gives each name elsewhere.
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var others = new Dictionary<string, Dictionary<EntityType, int>>(StringComparer.Ordinal);
        var at = WordPositions(doc);
        foreach (var i in unknown) if (PlacedByContext(doc, lex, at, typed[i].C.FirstToken, typed[i].C.TokenEnd)) placed.Add(Surface(doc, typed[i].C));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in unknown) names.Add(Surface(doc, typed[i].C));
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity || d.Type is EntityType.GPE or EntityType.LOC) continue;
            var name = Surface(doc, c);
            if (!names.Contains(name)) continue;
            if (!others.TryGetValue(name, out var counts)) others[name] = counts = new();
            counts[d.Type] = counts.GetValueOrDefault(d.Type) + 1;
        }
        // What the article makes of each unplaced name: a company by its shares or officers ("Federated's chairman",
        // "shares in Xstrata"); the type it gives the name elsewhere, but a person only when the name is one a person of
        // the article carries or looks like a person's (a tagger that types "Qwest" a place here and a person there is
        // guessing); otherwise nothing.
        var personWords = PersonParts(doc, lex, typed);
        var decided = new Dictionary<string, EntityType?>(StringComparer.Ordinal);
        foreach (var i in unknown)
        {
            var c = typed[i].C;
            var name = Surface(doc, c);
            // A company's shares or officers outweigh a preposition ("shares in Zorvik").
            if (CompanyAfter(doc, lex, c.TokenEnd) || CompanyBefore(doc, lex, c.FirstToken)) decided[name] = EntityType.ORG;
            else if (SpeakingName(doc, lex, c.FirstToken, c.TokenEnd)) decided[name] = EntityType.PERSON;
            else if (AliasType(doc, typed, c.TokenEnd) is { } aliasType) decided[name] = aliasType;
            else if (!decided.ContainsKey(name)) decided[name] = null;
        }
        foreach (var name in placed) if (decided.TryGetValue(name, out var t) && t is null) decided.Remove(name);
        foreach (var name in decided.Keys.ToList())
        {
            if (decided[name] is not null || !others.TryGetValue(name, out var counts)) continue;
            var best = counts.MaxBy(p => p.Value).Key;
            if (best != EntityType.PERSON) decided[name] = best;
            else if (personWords.Contains(name) || name.IndexOf(' ') < 0 && IsGivenName(lex, name) || unknown.Any(i => Surface(doc, typed[i].C) == name && typed[i].C.TokenCount is 2 or 3
                         && LooksLikePerson(doc, lex, typed[i].C.FirstToken, typed[i].C.TokenEnd)))
                decided[name] = EntityType.PERSON;
        }
        var removed = new HashSet<int>();
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.GPE or EntityType.PERSON) || c.Has(CandidateCues.SubToken)) continue;
            var name = Surface(doc, c);
            if (!decided.TryGetValue(name, out var type)) continue;
            if (type is { } t) { if (t != d.Type) typed[i] = (c, new EntityDecision(t, InferredScore, true)); }
            else removed.Add(i);
        }
        if (removed.Count == 0) return;
        RemoveIndices(typed, removed);
    }

    // Removes the candidates at the given indices, keeping the others in order.
    private static void RemoveIndices(List<(NameCandidate C, EntityDecision D)> typed, HashSet<int> removed)
    {
        var kept = new List<(NameCandidate C, EntityDecision D)>(typed.Count - removed.Count);
        for (int i = 0; i < typed.Count; i++) if (!removed.Contains(i)) kept.Add(typed[i]);
        typed.Clear();
        typed.AddRange(kept);
    }

    /// <summary>Lemmas of verbs whose subject speaks ("Adaeze Okonkwo urged restraint").</summary>
    private static readonly HashSet<string> SpeechLemmas = new(StringComparer.Ordinal)
    {
        "say", "tell", "urge", "add", "warn", "insist", "deny", "announce", "explain", "argue", "ask", "describe", "accuse",
        "promise", "vow", "pledge", "admit", "claim", "reply", "respond", "write", "comment", "acknowledge", "stress",
    };

    // "Seydou Kané", "Adaeze Okonkwo" typed as places: two or three capitalised words that neither a list nor GMB knows
    // (no place, no common or organisation word), the subject of a verb of speech, read as a person; a place does not
    // urge or say (a country that does, "Russia said", is a known place and never comes here).
    private static bool SpeakingName(Document doc, NerLexicon lex, int first, int end)
    {
        if (end - first is < 2 or > 3 || doc.Syntax is not { } syn || !UnknownWords(doc, lex, first, end, placesAnywhere: true)) return false;
        // The verb right after the name, or after the comma closing an apposition ("…, Adaeze Okonkwo, urged").
        int v = end < doc.Tokens.Length && doc.TokenText(end) is "," ? end + 1 : end;
        if (v < doc.Tokens.Length && syn.Tags[v] == Upos.VERB && syn.Lemmas[v] is { } after && SpeechLemmas.Contains(after)
            && char.IsLower(doc.TokenText(v)[0]))
            return true;
        int head = syn.SpanHead(first, end);
        if (!syn.Universal(head).SequenceEqual("nsubj")) return false;
        int verb = syn.Heads[head];
        return verb >= 0 && verb < doc.Tokens.Length && syn.Lemmas[verb] is { } lemma && SpeechLemmas.Contains(lemma);
    }

    // "Seydou Kané, also known as "Abou Hamza"": the type of the name the article gives as the same one's other name (a
    // person's or an organisation's; a place's other name says nothing here).
    private static EntityType? AliasType(Document doc, List<(NameCandidate C, EntityDecision D)> typed, int k)
    {
        int n = doc.Tokens.Length;
        if (k < n && doc.TokenText(k) is "," or "(") k++;
        if (k < n && doc.TokenText(k) is "also") k++;
        if (k + 1 < n && doc.TokenText(k) is "known" && doc.TokenText(k + 1) is "as") k += 2;
        else if (k < n && doc.TokenText(k) is "alias" or "aka") k++;
        else return null;
        while (k < n && doc.Tokens[k].Kind == TokenKind.Punct) k++;
        if (k >= n) return null;
        foreach (var (c, d) in typed)
            if (c.FirstToken == k && d.IsEntity && d.Type is EntityType.PERSON or EntityType.ORG) return d.Type;
        return null;
    }

    // The name without a possessive ending ("Kibera's" → "Kibera").
    private static string Surface(Document doc, NameCandidate c)
    {
        var s = doc.Span(c.Start, c.End);
        if (EndsPossessive(s)) s = s[..^2];
        return s.ToString();
    }

    /// <summary>Compass words that make a region of a place before or after it ("western Kenya", "Nottingham North").</summary>
    private static readonly HashSet<string> CompassWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "Greater",
        "North-East", "North-West", "South-East", "South-West", "Northeast", "Northwest", "Southeast", "Southwest",
        "North-Eastern", "North-Western", "South-Eastern", "South-Western", "Northeastern", "Northwestern", "Southeastern", "Southwestern",
    };

    /// <summary>Capitalised nouns after a place's name that name a division of it ("Sichuan Province", "Kent County").</summary>
    private static readonly HashSet<string> RegionNouns = new(StringComparer.Ordinal)
    { "County", "Province", "Region", "District", "Governorate", "Oblast", "Prefecture", "Borough", "Territory", "Municipality" };

    // A list knows the name as a place, or its shape makes it a region of one.
    private static bool KnownPlace(Document doc, NerLexicon lex, int first, int end)
    {
        if (ListedPlace(doc, lex, first, end)) return true;
        // "Abyan Province", "North West Frontier Province", "Sumatra island", "Zhulyany airport": the name says what it is.
        if (end > first + 1 && RegionNouns.Contains(doc.TokenText(end - 1).ToString()) && doc.TokenText(end - 1) is not "County" and not "Borough"
            || end > first + 1 && (PlaceNounsAfter.Contains(doc.TokenText(end - 1).ToString()) || NamedSettlement.Contains(doc.TokenText(end - 1).ToString())))
            return true;
        if (end > first + 1 && (CompassWords.Contains(doc.TokenText(first).ToString()) || doc.TokenText(first).Equals("County", StringComparison.Ordinal)))
            return ListedPlace(doc, lex, first + 1, end);
        if (end > first + 1 && (CompassWords.Contains(doc.TokenText(end - 1).ToString()) || RegionNouns.Contains(doc.TokenText(end - 1).ToString())))
            return ListedPlace(doc, lex, first, end - 1);
        return false;
    }

    private static bool ListedPlace(Document doc, NerLexicon lex, int first, int end)
    {
        var span = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
        if (EndsPossessive(span)) span = span[..^2];
        if (span.Length == 0) return false;
        if (lex.TryPlace(span, out _) || lex.TryKnown(span, out var kt) && kt is EntityType.GPE or EntityType.LOC or EntityType.NORP || MinorPlace(lex, span))
            return true;
        if (CountryTable.Default.TryFind(span, out _)) return true;
        // The actor dictionary's places: a country's record lists its provinces and cities ("Idlib", "Helmand").
        foreach (var e in ActorDictionary.Default.Find(NameNormalizer.KeyKeepTitles(span)))
            if (e.Source == "C" || !e.IsPerson && !e.CodeAt(null).StartsWith("MNC", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Prepositions that, right before a name, place something in it ("fighting in Orakzai", "a bomb near Taji").
    /// Not "from": "a deal from Nintendo", "the crown from Netscape" (on GMB dev two of the five names only "from" placed
    /// were places; over the BBC corpus one of 90).</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    { "in", "near", "outside", "across", "around", "into", "throughout", "towards", "toward", "Near", "Outside", "In" };

    // A small place of the GeoNames list, unless the one word is also a common word, a given name or mostly a person's or
    // an organisation's name in GMB: 140,000 villages and towns name "City", "West", "Smith", "Arsenal" and "God" too.
    private static bool MinorPlace(NerLexicon lex, ReadOnlySpan<char> span)
    {
        if (lex.IsListedRegion(span)) return true;
        if (!lex.IsMinorPlace(span)) return false;
        if (span.IndexOf(' ') >= 0) return true;
        if (IsGivenName(lex, span)) return false;
        return !(lex.TryStat(span, out var st) && (st.IsCommonWord || st.Per + st.Org > st.Geo + st.Gpe));
    }

    /// <summary>Lower-case nouns that place the name right before them ("Kibera slum", "Lairg area").</summary>
    private static readonly HashSet<string> PlaceNounsAfter = new(StringComparer.Ordinal)
    {
        "province", "region", "district", "village", "town", "city", "county", "governorate", "township", "suburb", "slum",
        "camp", "municipality", "neighbourhood", "neighborhood", "oblast", "countryside", "outskirts", "border", "borough",
        "agency", "area", "areas", "state", "island", "airport", "base", "valley", "mountains", "frontier", "settlement",
        "crossing", "checkpoint", "port", "harbour", "harbor",
    };

    /// <summary>Lower-case nouns that place the name after "of" ("the village of Kibera", "the outskirts of Lairg").</summary>
    private static readonly HashSet<string> PlaceNounsOf = new(StringComparer.Ordinal)
    {
        "village", "villages", "town", "towns", "city", "province", "region", "district", "suburb", "suburbs", "township",
        "county", "outskirts", "island", "islands", "port", "municipality", "governorate", "neighbourhood", "neighborhood",
        "streets", "residents", "people", "inhabitants", "north", "south", "east", "west", "north-east", "north-west",
        "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
    };

    // Somewhere in the article the name stands where only a place can: after "near" or "outside", after a place noun and
    // "of", before a place noun, or before a comma and a place a list knows ("Wantage, Oxfordshire"), or as "X-based".
    private static bool PlacedByContext(Document doc, NerLexicon lex, Dictionary<string, List<int>> at, int first, int end)
    {
        int n = end - first;
        foreach (var k in Occurrences(doc, at, first, end))
        {
            int b = k - 1, a = k + n;
            if (b >= 0)
            {
                var w = doc.TokenText(b);
                if (PlacePrepositions.Contains(w.ToString())) return true;
                if (w is "of" && b >= 1 && PlaceNounsOf.Contains(doc.TokenText(b - 1).ToString())) return true;
            }
            if (a < doc.Tokens.Length)
            {
                var w = doc.TokenText(a);
                // "Kibera slum", "the Orakzai tribal region": a place noun within three lower-case words.
                for (int z = a; z < Math.Min(doc.Tokens.Length, a + 3) && doc.Tokens[z].Kind == TokenKind.Word && char.IsLower(doc.TokenText(z)[0]); z++)
                    if (PlaceNounsAfter.Contains(doc.TokenText(z).ToString())) return true;
                if (w is "-" && a + 1 < doc.Tokens.Length && doc.TokenText(a + 1) is "based") return true;
                // "Kharzabad, a village near the border", "Tashkurli, the main town of the valley".
                if (w is "," && a + 2 < doc.Tokens.Length && doc.TokenText(a + 1) is "a" or "an" or "the")
                    for (int z = a + 2; z < Math.Min(doc.Tokens.Length, a + 5) && doc.Tokens[z].Kind == TokenKind.Word && char.IsLower(doc.TokenText(z)[0]); z++)
                        if (PlaceNounsAfter.Contains(doc.TokenText(z).ToString()) || doc.TokenText(z) is "capital") return true;
                if (w is "," && a + 1 < doc.Tokens.Length)
                {
                    int e = a + 1;
                    while (e < doc.Tokens.Length && e < a + 4 && char.IsUpper(doc.TokenText(e)[0])) e++;
                    for (int z = e; z > a + 1; z--)
                        if (KnownPlace(doc, lex, a + 1, z) && IsSizeable(doc, lex, a + 1, z)) return true;
                }
            }
        }
        return false;
    }

    // A place after a comma that locates the name before it: a country, a region or a city, not a village named like a word.
    private static bool IsSizeable(Document doc, NerLexicon lex, int first, int end)
    {
        var span = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
        if (lex.TryPlace(span, out var g) && g.Type == EntityType.GPE && g.Weight >= 5 || lex.TryKnown(span, out var kt) && kt is EntityType.GPE
            || CountryTable.Default.TryFind(span, out var ct) && ct.Kind == CountryNameKind.Name || MinorPlace(lex, span) && !lex.TryStat(span, out _))
            return true;
        foreach (var e in ActorDictionary.Default.Find(NameNormalizer.KeyKeepTitles(span)))
            if (e.Source == "C") return true;
        return false;
    }

    // Where each word stands in the document, built once per step: a name's other occurrences are looked up by its first
    // word instead of scanning every token for every name (a long document with many names stays linear).
    private static Dictionary<string, List<int>> WordPositions(Document doc)
    {
        var at = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int k = 0; k < doc.Tokens.Length; k++)
        {
            if (doc.Tokens[k].Kind != TokenKind.Word) continue;
            var w = doc.TokenText(k).ToString();
            if (!at.TryGetValue(w, out var l)) at[w] = l = new List<int>(2);
            l.Add(k);
        }
        return at;
    }

    // The starts of every occurrence of tokens [first, end) in the document.
    private static IEnumerable<int> Occurrences(Document doc, Dictionary<string, List<int>> at, int first, int end)
    {
        int n = end - first;
        if (!at.TryGetValue(doc.TokenText(first).ToString(), out var l)) yield break;
        foreach (var k in l)
            if (k + n <= doc.Tokens.Length && TokensEqual(doc, k, first, n)) yield return k;
    }

    private static bool TokensEqual(Document doc, int a, int b, int n)
    {
        if (a == b) return true;
        for (int k = 0; k < n; k++)
            if (!doc.TokenText(a + k).SequenceEqual(doc.TokenText(b + k))) return false;
        return true;
    }

    // "Daniel Day-Lewis", "Olivia Newton-John": the tagger stops a person at a given name before a double-barrelled
    // surname (two capitalised parts joined by a hyphen, no place, nothing the article names apart); the surname is the
    // name's.
    private static void DoubleBarrelled(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            int n = c.TokenEnd;
            if (!d.IsEntity || d.Type != EntityType.PERSON || n >= doc.Tokens.Length || !IsGivenName(lex, doc.TokenText(n - 1))) continue;
            if (i + 1 < typed.Count && typed[i + 1].C.Start < doc.Tokens[n].End) continue;
            var w = doc.TokenText(n);
            int h = w.IndexOf('-');
            if (h < 2 || h > w.Length - 3 || w[(h + 1)..].Contains('-') || !char.IsUpper(w[0]) || !char.IsUpper(w[h + 1])) continue;
            if (!char.IsLower(w[h - 1]) || !char.IsLower(w[^1]) || lex.TryPlace(w, out _) || lex.TryPlace(w[..h], out var g) && g.Weight >= 6.5f) continue;
            typed[i] = (Candidate(doc, c.FirstToken, n + 1), d);
        }
    }

    // "told the BBC Michael Howard has …": an organisation run over the person named right after it. A listed
    // organisation or an acronym, then a given name and a surname, are two names.
    private static void PersonAfterOrganisation(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        bool changed = false;
        for (int i = typed.Count - 1; i >= 0; i--)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type != EntityType.ORG || c.TokenCount < 3) continue;
            for (int k = c.FirstToken + 1; k <= c.TokenEnd - 2; k++)
            {
                var head = doc.Span(c.Start, doc.Tokens[k - 1].End);
                // A word describing the person ("MEP Nigel Farage", "MSP Karen Whitefield") is no organisation at all.
                bool describes = k - c.FirstToken == 1 && lex.Is(head, Cue.Descriptor | Cue.Title | Cue.TitleHead);
                bool organisation = lex.TryKnown(head, out var kt) && kt == EntityType.ORG
                    || k - c.FirstToken == 1 && IsAllCaps(head) && head.Length >= 3 && NamedAlone(doc, typed, i, head); // not "CB Richard Ellis"
                if (!describes && !organisation) continue;
                if (!LooksLikePerson(doc, lex, k, c.TokenEnd) || c.TokenEnd - k > 3) continue;
                typed.RemoveAt(i);
                if (organisation) typed.Add((Candidate(doc, c.FirstToken, k), new EntityDecision(EntityType.ORG, d.Score, true)));
                typed.Add((Candidate(doc, k, c.TokenEnd), new EntityDecision(EntityType.PERSON, InferredScore, true)));
                changed = true;
                break;
            }
        }
        if (changed) typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
    }

    /// <summary>A lower-case particle that opens a surname ("de Mistura", "van Gaal", "von Trapp"; "al-" is part of its word).</summary>
    internal static bool IsSurnameParticle(ReadOnlySpan<char> w) =>
        w is "de" or "da" or "di" or "du" or "del" or "della" or "der" or "den" or "van" or "von" or "la" or "le" or "dos" or "das"
            or "bin" or "ibn" or "ben" or "ter";

    // "Secretary-General de Hoop Scheffer", "Special Envoy de Mistura": after a title the tagger leaves a surname's
    // lower-case particle out of the person; it opens the name.
    private static void ParticleAfterTitle(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            int p = c.FirstToken - 1;
            if (!d.IsEntity || d.Type != EntityType.PERSON || p < 1) continue;
            if (!IsSurnameParticle(doc.TokenText(p))) continue;
            if (!lex.Is(doc.TokenText(p - 1), Cue.Title | Cue.TitleHead) || (i > 0 && typed[i - 1].C.End > doc.Tokens[p].Start)) continue;
            typed[i] = (Candidate(doc, p, c.TokenEnd), d);
        }
    }

    // A possessive inside a name that is not a person's: "Microsoft's Xbox", "China's National Petroleum Corporation",
    // "Bank of England's Monetary Policy Committee", "Clint Eastwood's Million Dollar Baby" were one organisation or place.
    // When the owner is a name of its own — a person's full name, a listed name, a sizeable place, or a name the article
    // uses alone — it becomes that entity, and what follows keeps a type only from evidence of its own (a listed name, a
    // place, an organisation's head word such as "Committee", a given name and surname): the tagger's type came from the
    // whole. An owner that is no name of its own leaves the name whole ("People's Choice Awards", "New Year's Eve",
    // "Sadler's Wells", "Ocean's Eleven"). A name opening with the possessive ("'s Oil Ministry" of "Iraq's Oil Ministry")
    // loses it. Persons are left to PersonSpans.
    private static void Possessives(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        static bool IsPossessive(ReadOnlySpan<char> w) => w is "'s" or "’s" or "'" or "’";
        bool changed = false;
        for (int i = typed.Count - 1; i >= 0; i--)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type == EntityType.PERSON) continue;
            if (IsPossessive(doc.TokenText(c.FirstToken)))
            {
                if (c.TokenCount >= 2 && IsCap(doc, c.FirstToken + 1)) typed[i] = (Candidate(doc, c.FirstToken + 1, c.TokenEnd), d);
                else typed[i] = (c, EntityDecision.None);
                changed = true;
                continue;
            }
            // A name run over its owner's possessive ("Hayao Miyazaki's"): the owner, when it is a name of its own.
            if (c.TokenCount >= 2 && doc.TokenText(c.TokenEnd - 1) is "'s" or "’s")
            {
                // Its type is the owner's only on evidence of its own: another mention's type is no better than this one's.
                if (OwnerType(doc, lex, typed, i, c.FirstToken, c.TokenEnd - 1, out bool strong) is { } t)
                {
                    typed[i] = (Candidate(doc, c.FirstToken, c.TokenEnd - 1), strong ? new EntityDecision(t, InferredScore, true) : d);
                    changed = true;
                }
                continue;
            }
            int poss = -1;
            for (int k = c.FirstToken + 1; k < c.TokenEnd - 1; k++)
                if (doc.TokenText(k) is "'s" or "’s") { poss = k; break; }
            if (poss < 0 || !IsCap(doc, poss + 1)) continue;
            if (OwnerType(doc, lex, typed, i, c.FirstToken, poss, out _) is not { } ownerType) continue;
            typed.RemoveAt(i);
            typed.Add((Candidate(doc, c.FirstToken, poss), new EntityDecision(ownerType, InferredScore, true)));
            var restType = OwnType(doc, lex, poss + 1, c.TokenEnd);
            // A place's organisation ("the UK's Royal Bank of Scotland", "France's Snecma", "Moscow's Sovlink Securities"):
            // what the tagger read as an organisation is the part after the place, when it is one name (no list, no
            // second possessive). After an organisation or a person the rest is more often a product, a programme or a
            // work ("Microsoft's Xbox", "the BBC's Politics Show", "Clint Eastwood's Million Dollar Baby").
            if (restType is null && d.Type == EntityType.ORG && ownerType is EntityType.GPE or EntityType.LOC && OneName(doc, poss + 1, c.TokenEnd))
                restType = EntityType.ORG;
            if (restType is { } rt)
                typed.Add((Candidate(doc, poss + 1, c.TokenEnd), new EntityDecision(rt, Math.Min(d.Score, InferredScore), true)));
            changed = true;
        }
        if (changed) typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
    }

    // The type of the owner [first, end) before a possessive when it is a name of its own, else null.
    // Strong: from the name itself (a given name, the lexicon, the gazetteer), not from another mention's type.
    private static EntityType? OwnerType(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed, int self, int first, int end, out bool strong)
    {
        strong = true;
        var owner = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
        if (!IsCap(doc, first) || !IsCap(doc, end - 1)) return null;
        for (int k = first + 1; k < end - 1; k++)
            if (!IsCap(doc, k) && doc.TokenText(k) is not ("of" or "for" or "the" or "and" or "on" or "&")) return null;
        // "Children's Hospices", "Women's Institute", "People's Party": a plural noun's possessive describes, it owns nothing.
        if (doc.TokenText(end - 1) is "Children" or "Women" or "Men" or "People" or "Peoples" or "Ladies" or "Gentlemen") return null;
        if (PersonByForm(doc, lex, first, end)) return EntityType.PERSON;
        if (lex.TryKnown(owner, out var known)) return known;
        if (lex.TryPlace(owner, out var g) && g.Weight >= 9) return g.Type == EntityType.NORP ? null : g.Type;
        // An organisation's name by its form: a head word last ("the Labour Party's") or first before "of" ("the Bank of
        // England's").
        if (end - first >= 2 && (lex.Is(doc.TokenText(end - 1), Cue.OrgHead)
                || end - first >= 3 && lex.Is(doc.TokenText(first), Cue.OrgHead) && doc.TokenText(first + 1) is "of"))
            return EntityType.ORG;
        // The article names it alone elsewhere, not before a possessive too ("Ocean" of a headline's "Ocean's Twelve"):
        // that mention's type.
        for (int i = 0; i < typed.Count; i++)
        {
            var (o, od) = typed[i];
            if (i == self || !od.IsEntity || !doc.Span(o.Start, o.End).SequenceEqual(owner)) continue;
            if (o.TokenEnd < doc.Tokens.Length && doc.TokenText(o.TokenEnd) is "'s" or "’s" or "'" or "’") continue;
            strong = false;
            return od.Type;
        }
        return null;
    }

    // A given name and capitalised words, the last no head word ("Amanda Champion", not "Sage Centre").
    private static bool PersonByForm(Document doc, NerLexicon lex, int first, int end) =>
        end - first >= 2 && IsGivenName(lex, doc.TokenText(first)) && CapitalisedRun(doc, first, end)
        && !lex.Is(doc.TokenText(end - 1), Cue.OrgHead | Cue.LocHead | Cue.FacHead | Cue.EventHead | Cue.LawHead);

    // True when [first, end) is one capitalised name: no "and", comma or possessive inside.
    private static bool OneName(Document doc, int first, int end)
    {
        for (int k = first; k < end; k++)
            if (doc.TokenText(k) is "and" or "&" or "," or "'s" or "’s" or "or") return false;
        return IsCap(doc, first) && IsCap(doc, end - 1);
    }

    // The type [first, end) shows by itself, else null: a listed name, a place, an organisation's head word, a person's name.
    private static EntityType? OwnType(Document doc, NerLexicon lex, int first, int end)
    {
        var span = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
        if (lex.TryKnown(span, out var known)) return known;
        if (lex.TryPlace(span, out var g) && g.Type != EntityType.NORP) return g.Type;
        if (end - first >= 2 && lex.Is(doc.TokenText(end - 1), Cue.OrgHead)) return EntityType.ORG;
        if (PersonByForm(doc, lex, first, end)) return EntityType.PERSON;
        return null;
    }

    // A person's span the tagger ran over words before the name: a possessive ("Chelsea's John Terry", "Martin Scorsese's
    // Howard Hughes") or a word that describes the person ("Flanker Jason White", "Tory Liam Fox", "Lib Dem Norman Baker",
    // "Archbishop of Canterbury Dr Rowan Williams" cut to "Canterbury Dr Rowan Williams"). The name is what follows, when
    // it opens with a given name; the owner before a possessive keeps an entity of its own when it is a person's full name,
    // a place or a listed name. What follows a possessive that is no person's name is no person ("Roy Lichtenstein's Blue
    // Nude"): it loses its type.
    private static void PersonSpans(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = typed.Count - 1; i >= 0; i--)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type != EntityType.PERSON || c.TokenCount < 3) continue;
            int poss = -1;
            for (int k = c.FirstToken + 1; k < c.TokenEnd - 1; k++)
                if (doc.TokenText(k) is "'s" or "’s") { poss = k; break; }
            if (poss > 0)
            {
                typed.RemoveAt(i);
                int first = poss + 1, end = c.TokenEnd;
                // The tagger took it for a person: a given name and capitalised words are enough ("Jimmy Page").
                bool person = end - first >= 2 && IsGivenName(lex, doc.TokenText(first)) && CapitalisedRun(doc, first + 1, end);
                typed.Add(person
                    ? (Candidate(doc, first, end), new EntityDecision(EntityType.PERSON, Math.Max(d.Score, InferredScore), true))
                    : (Candidate(doc, first, end), EntityDecision.None));
                // The owner: a person's full name or a person after a title ("Mr Brown's Budget"), a listed name, a country.
                // A town is left to the tagger's other mentions: before a possessive it is often its club ("Chelsea's").
                var owner = doc.Span(doc.Tokens[c.FirstToken].Start, doc.Tokens[poss - 1].End);
                bool titled = c.FirstToken > 0 && lex.Is(doc.TokenText(c.FirstToken - 1), Cue.Title);
                EntityType? ownerType = titled || poss - c.FirstToken >= 2 && IsGivenName(lex, doc.TokenText(c.FirstToken)) && CapitalisedRun(doc, c.FirstToken + 1, poss)
                    ? EntityType.PERSON
                    : lex.TryKnown(owner, out var kt) && kt != EntityType.PERSON ? kt
                    : lex.TryPlace(owner, out var g) && g.Type != EntityType.NORP && g.Weight >= 9 ? g.Type : null;
                if (ownerType is { } ot) typed.Add((Candidate(doc, c.FirstToken, poss), new EntityDecision(ot, InferredScore, true)));
                continue;
            }
            // Descriptions before the name: listed words, party words, peoples, and a title or place before a title.
            int j = c.FirstToken;
            while (j < c.TokenEnd - 2)
            {
                var w = doc.TokenText(j);
                bool describes = lex.Is(w, Cue.Descriptor | Cue.PartyWord) || lex.TryPlace(w, out var pg) && pg.Type == EntityType.NORP
                    || lex.Is(doc.TokenText(j + 1), Cue.Title) && !IsGivenName(lex, w);
                if (!describes || IsGivenName(lex, w)) break;
                j++;
            }
            if (j == c.FirstToken) continue;
            if (lex.Is(doc.TokenText(j), Cue.Title) && j + 2 <= c.TokenEnd - 1) j++; // the title stays outside the span, as everywhere
            // The span was a person's already: a given name and capitalised words are enough ("Jason White").
            if (!IsGivenName(lex, doc.TokenText(j)) || !CapitalisedRun(doc, j + 1, c.TokenEnd)) continue;
            typed[i] = (Candidate(doc, j, c.TokenEnd), d);
        }
        typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
    }

    private static bool CapitalisedRun(Document doc, int first, int end)
    {
        if (first >= end) return false;
        for (int k = first; k < end; k++)
        {
            var w = doc.TokenText(k);
            if (w.Length == 0 || !char.IsUpper(w[0]) && !(w.Length > 3 && w[1] == '-' || w.StartsWith("al-") || w.StartsWith("el-"))) return false;
        }
        return true;
    }

    private static NameCandidate Candidate(Document doc, int first, int end) =>
        new(doc.Tokens[first].Start, doc.Tokens[end - 1].End, first, end, CandidateCues.None);

    // "PC", "DVD", "HIV", "R&B" typed as organisations (the default for an unknown acronym): a name of one token listed in
    // [notname] names a kind of thing and is no entity.
    private static void KindWords(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.ORG or EntityType.GPE or EntityType.PERSON or EntityType.NORP)) continue;
            // The spelled-out form the article defines it by goes too: "Asymmetric Digital Subscriber Line (ADSL)".
            bool spelledOut = c.TokenEnd + 2 < doc.Tokens.Length && doc.TokenText(c.TokenEnd) is "(" && doc.TokenText(c.TokenEnd + 2) is ")"
                && lex.Is(doc.TokenText(c.TokenEnd + 1), Cue.NotName);
            if (spelledOut || lex.Is(doc.Span(c.Start, c.End), Cue.NotName)) typed[i] = (c, EntityDecision.None);
        }
    }

    // "the musical Spend Spend Spend", "reality TV show The Osbournes", "a short story, The Greatest Gift", "cosmetics brands
    // Hard Candy and Urban Decay": a noun of [workbefore] or [productbefore] right before a name (a "The" or a comma
    // between) makes it a work or a product, and so the names coordinated with it. A person's name (a given name first)
    // is left alone: "the film Ray" is a film, but "film director Mike Leigh" is caught by the given name.
    private static void KindNouns(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        Dictionary<string, EntityType>? works = null;
        typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is EntityType.MONEY or EntityType.WORK_OF_ART or EntityType.PRODUCT || c.FirstToken == 0) continue;
            // "show The Osbournes", "a short story, The Greatest Gift", "their latest album, Absolution".
            int b = c.FirstToken - 1;
            if (b > 0 && doc.TokenText(b) is "The" or "the") b--;
            bool comma = b > 0 && doc.TokenText(b) is ",";
            if (comma) b--;
            var before = doc.TokenText(b);
            if (before.Length == 0 || !char.IsLower(before[0])) continue;
            var kind = lex.Is(before, Cue.WorkBefore) ? EntityType.WORK_OF_ART : lex.Is(before, Cue.ProductBefore) ? EntityType.PRODUCT : (EntityType?)null;
            // The cue must not be a verb ("persuaded DiCaprio to play Hughes", "polls show Blair ahead"), so the parse is needed.
            // (A listed plural, "two cosmetics brands, Hard Candy and …", is a noun whatever the parser says.)
            // A title right after the noun may look like a person's name ("the drama Vera Drake", "biopic Ray").
            bool adjacent = b == c.FirstToken - 1 && kind == EntityType.WORK_OF_ART;
            if (kind is not { } k || doc.Syntax is not { } syn || syn.Tags[b] is Upos.VERB or Upos.AUX && !before.EndsWith("s") || !Retypable(doc, lex, c, adjacent)) continue;
            // After a comma the title must be the noun's apposition, not the start of a clause ("The Producers was named
            // best musical, Victoria Hamilton was best actress").
            if (comma && !(syn.SpanHead(c.FirstToken, c.TokenEnd) is int h && syn.Heads[h] == b && syn.Universal(h) is "appos")
                && !(c.TokenEnd >= doc.Tokens.Length || doc.TokenText(c.TokenEnd) is "," or "." or ";" or ":" or ")"
                    || before.EndsWith("s") && doc.TokenText(c.TokenEnd) is "and")) continue;
            // "the best film Oscar": an award or event is no work.
            if (lex.Is(doc.TokenText(c.TokenEnd - 1), Cue.EventHead | Cue.OrgHead)) continue;
            typed[i] = (c, new EntityDecision(k, Math.Max(d.Score, InferredScore), true));
            (works ??= new(StringComparer.Ordinal))[doc.Slice(c.Start, c.End)] = k;
            // "brands Hard Candy and Urban Decay": after a plural noun, the next names joined by "and" or a comma.
            if (!before.EndsWith("s")) continue;
            for (int j = i + 1, prevEnd = c.TokenEnd; j < typed.Count && j <= i + 3; j++)
            {
                var (cj, dj) = typed[j];
                int gap = cj.FirstToken - prevEnd;
                if (gap is < 1 or > 2 || !dj.IsEntity || !Retypable(doc, lex, cj)) break;
                var g1 = doc.TokenText(prevEnd);
                if (!(gap == 1 && g1 is "and" or "," || gap == 2 && g1 is "," && doc.TokenText(prevEnd + 1) is "and")) break;
                typed[j] = (cj, new EntityDecision(k, Math.Max(dj.Score, InferredScore), true));
                prevEnd = cj.TokenEnd;
            }
        }
        if (works == null) return;
        // The title's other mentions in the article ("Vera Drake" after "the drama Vera Drake").
        var worksL = works.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (d.IsEntity && d.Type is EntityType.PERSON or EntityType.ORG or EntityType.GPE && worksL.TryGetValue(doc.Span(c.Start, c.End), out var wk))
                typed[i] = (c, new EntityDecision(wk, Math.Max(d.Score, InferredScore), true));
        }
    }

    // The letters football clubs write before their town ("AC Milan", "AS Roma", "FC Porto", "PSV Eindhoven"): with them the
    // name is the club, an organisation, whatever the tagger made of it (a person "AC Milan" 9 times in the BBC corpus), and
    // a town the tagger typed alone after them joins them ("his club AS Roma"). Not "US", "SD", "CF", "AJ": words or initials of their own.
    private static readonly HashSet<string> ClubLetters = new(StringComparer.Ordinal)
    { "AC", "AS", "FC", "SS", "RC", "SV", "PSV", "OGC", "RCD", "VfB", "VfL", "TSV" };

    private static void ClubPrefixes(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.PERSON or EntityType.GPE or EntityType.LOC or EntityType.ORG)) continue;
            int first = c.FirstToken;
            if (ClubLetters.Contains(doc.TokenText(first).ToString()) && c.TokenCount >= 2 && char.IsUpper(doc.TokenText(first + 1)[0]))
            {
                if (d.Type != EntityType.ORG) typed[i] = (c, new EntityDecision(EntityType.ORG, Math.Max(d.Score, InferredScore), true));
                continue;
            }
            // The letters left outside: "AS" + "Roma".
            if (first >= 1 && ClubLetters.Contains(doc.TokenText(first - 1).ToString()) && doc.Tokens[first - 1].End < doc.Tokens[first].Start
                && !typed.Any(x => x.C.Start < doc.Tokens[first - 1].End && x.C.End > doc.Tokens[first - 1].Start))
                typed[i] = (new NameCandidate(doc.Tokens[first - 1].Start, c.End, first - 1, c.TokenEnd, CandidateCues.None),
                            new EntityDecision(EntityType.ORG, Math.Max(d.Score, InferredScore), true));
        }
    }

    // "DaimlerChrysler, Siemens and Volkswagen", "Paramount, Universal and Warner Brothers" tagged as one name: a list
    // ("A, B and C") is its items, each a name of the list's type unless the lists or the gazetteer type it. Not a name
    // whose first item says "of" or "for" ("Department for Culture, Media and Sport", "State Administration of Radio, Film
    // and Television"), nor one that continues such a name ("for Culture, Media and Sport"), nor a portfolio (common words
    // as items, a title after: "Culture, Media and Sport Secretary").
    private static void CommaLists(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = typed.Count - 1; i >= 0; i--)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.ORG or EntityType.PERSON) || c.TokenCount < 4) continue;
            if (c.FirstToken > 0 && doc.TokenText(c.FirstToken - 1) is "for" or "of" or "on" or "and" or "&") continue;
            var cuts = new List<int>();
            bool and = false, ofInFirst = false;
            for (int k = c.FirstToken; k < c.TokenEnd; k++)
            {
                var w = doc.TokenText(k);
                if (w is ",") { if (and) { cuts.Clear(); break; } cuts.Add(k); }
                else if (w is "and" or "&" && cuts.Count > 0) { and = true; cuts.Add(k); }
                else if (cuts.Count == 0 && w is "of" or "for" or "on") ofInFirst = true;
            }
            if (!and || cuts.Count < 2 || ofInFirst) continue;
            var items = new List<(int First, int End)>();
            int from = c.FirstToken;
            foreach (var cut in cuts) { items.Add((from, cut)); from = cut + 1; }
            items.Add((from, c.TokenEnd));
            if (items.Any(it => it.End <= it.First || !char.IsUpper(doc.TokenText(it.First)[0]))) continue;
            // A portfolio's words ("Culture, Media and Sport Secretary", "Environment, Food and Rural Affairs"): common
            // words as items, or a title or head word right after, make it one name.
            if (items.Any(it => it.End - it.First == 1 && lex.TryStat(doc.TokenText(it.First), out var st) && st.IsCommonWord)) continue;
            if (c.TokenEnd < doc.Tokens.Length && lex.Is(doc.TokenText(c.TokenEnd), Cue.Title | Cue.TitleHead | Cue.OrgHead)) continue;
            typed.RemoveAt(i);
            foreach (var (f, e) in items)
            {
                var span = doc.Span(doc.Tokens[f].Start, doc.Tokens[e - 1].End);
                var type = lex.TryKnown(span, out var kt) ? kt : lex.TryPlace(span, out var g) && g.Weight >= 9 ? g.Type : d.Type;
                typed.Add((Candidate(doc, f, e), new EntityDecision(type, Math.Min(d.Score, InferredScore), true)));
            }
        }
        typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
    }

    // Titles of films, books and games the tagger reads as organisations, places or people ("My Left Foot" GPE, "The
    // Crucible" ORG, "Far Cry" PERSON). A name is a work, with its other mentions in the article, when a year in brackets
    // follows it ("The Crucible (1997)"); when it follows a performance in it ("his performance in My Left Foot",
    // "starring in Troy"); or, in an article about films, music, books or games (ArticleKinds.IsWorksReport), when it
    // is a run of two words or more that are all common words, with no given name, head word or place among them ("A
    // Different Story", "Medal Of Honor", "Far Cry"). Never a listed name or a sizeable place.
    private static void WorkTitles(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        bool? works = null;
        HashSet<string>? titles = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.ORG or EntityType.GPE or EntityType.LOC or EntityType.PERSON)) continue;
            if (!Retypable(doc, lex, c) || HasHeadWord(doc, lex, c) || lex.TryPlace(doc.Span(c.Start, c.End), out _)
                || HasTimeWord(doc, lex, c.FirstToken, c.TokenEnd)) continue;
            if (d.Type == EntityType.PERSON && LooksLikePerson(doc, lex, c.FirstToken, c.TokenEnd)) continue;
            bool work = YearInBrackets(doc, c.TokenEnd) || PerformanceIn(doc, c.FirstToken, ref works)
                || c.TokenCount >= 2 && CommonWords(doc, lex, c.FirstToken, c.TokenEnd) && (works ??= ArticleKinds.IsWorksReport(doc));
            // A name that speaks, reports or plays is a medium or a band, not a title ("Screen Daily reported", "told
            // Total Film", "the band New Order", "Snow Patrol singer Gary Lightbody").
            if (!work || ActsSomewhere(doc, typed, doc.Span(c.Start, c.End))) continue;
            typed[i] = (c, new EntityDecision(EntityType.WORK_OF_ART, Math.Max(d.Score, InferredScore), true));
            (titles ??= new(StringComparer.Ordinal)).Add(doc.Slice(c.Start, c.End));
        }
        if (titles != null)
            RetypeMentions(doc, typed, titles, EntityType.WORK_OF_ART, t => t is EntityType.PERSON or EntityType.ORG or EntityType.GPE or EntityType.LOC);
    }

    // The article's other mentions of the names become the type, when they have one of the types it replaces ("Qantas"
    // before and after "airline Qantas", the title's other mentions).
    private static void RetypeMentions(Document doc, List<(NameCandidate C, EntityDecision D)> typed, HashSet<string> names, EntityType to,
        Func<EntityType, bool> replaces)
    {
        var namesL = names.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (d.IsEntity && replaces(d.Type) && namesL.Contains(doc.Span(c.Start, c.End)))
                typed[i] = (c, new EntityDecision(to, Math.Max(d.Score, InferredScore), true));
        }
    }

    // "(1997)": a year from 1900 to 2099 alone in brackets right after the name.
    private static bool YearInBrackets(Document doc, int k)
    {
        if (k + 2 >= doc.Tokens.Length || doc.TokenText(k) is not "(" || doc.TokenText(k + 2) is not ")") return false;
        var y = doc.TokenText(k + 1);
        return y.Length == 4 && (y.StartsWith("19") || y.StartsWith("20")) && int.TryParse(y, out _);
    }

    // "starring in", "starred in", "a cameo in" right before the name ("The" may stand between); "performance in" only in
    // an article about works ("a strong performance in the Americas" is a company's).
    private static bool PerformanceIn(Document doc, int first, ref bool? works)
    {
        int k = first - 1;
        if (k >= 0 && doc.TokenText(k) is "The" or "the") k--;
        if (k < 1 || doc.TokenText(k) is not "in") return false;
        var w = doc.TokenText(k - 1);
        if (w is "starring" or "starred" or "co-starred" or "cameo" or "co-starring") return true;
        return w is "performance" or "performances" && (works ??= ArticleKinds.IsWorksReport(doc));
    }

    // A head word anywhere in the name ("US Department of Justice", "National Council for Adoption", "Further Films").
    private static bool HasHeadWord(Document doc, NerLexicon lex, NameCandidate c)
    {
        for (int k = c.FirstToken; k < c.TokenEnd; k++)
            if (lex.Is(doc.TokenText(k), Cue.OrgHead | Cue.LocHead | Cue.FacHead | Cue.EventHead | Cue.LawHead)) return true;
        return false;
    }

    // Some mention of the name speaks or reports ("X said", "X reported", "told X", "according to X"), is a band's ("the
    // band X", "X singer …") or a group's ("the White Rose movement", "members of the White Rose").
    private static bool ActsSomewhere(Document doc, List<(NameCandidate C, EntityDecision D)> typed, ReadOnlySpan<char> name)
    {
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity || !doc.Span(c.Start, c.End).SequenceEqual(name)) continue;
            int n = c.TokenEnd;
            if (n < doc.Tokens.Length && doc.TokenText(n) is "'s" or "’s") n++;
            var after = n < doc.Tokens.Length ? doc.TokenText(n) : default;
            int p = c.FirstToken - 1;
            if (p >= 0 && doc.TokenText(p) is "the" or "The") p--;
            var before = p >= 0 ? doc.TokenText(p) : default;
            if (after is "said" or "says" or "added" or "wrote" or "reported" or "reports" or "magazine" or "newspaper" or "singer" or "frontman" or "guitarist"
                    or "drummer" or "bassist" or "rapper" or "members" or "editor" or "critic" or "critics" or "website" or "channel"
                    or "movement" or "group" or "party" or "resistance" or "organisation" or "organization" or "campaign")
                return true;
            // "members of the White Rose", "the leader of …": a group's.
            if (before is "of" && p > 0 && doc.TokenText(p - 1) is "members" or "member" or "leader" or "leaders" or "founder" or "founders")
                return true;
            if (before is "told" or "band" or "group" or "duo" or "trio" or "rapper" or "paper" or "magazine" or "journal" or "website"
                    or "channel" or "station" or "broadcaster" or "network" || before is "to" && p > 0 && doc.TokenText(p - 1) is "according")
                return true;
        }
        return false;
    }

    // Every word of [first, end) is a common word of news text (or a short function word), none a given name or a place.
    private static bool CommonWords(Document doc, NerLexicon lex, int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            var w = doc.TokenText(k);
            if (w is "of" or "Of" or "the" or "The" or "a" or "A" or "to" or "To" or "and" or "in" or "In" or "My" or "my") continue;
            if (!char.IsLetter(w[0]) || IsGivenName(lex, w) || lex.TryPlace(w, out _)) return false;
            if (!lex.TryStat(w, out var s) || !(s.IsCommonWord || s.LowerMid >= 20)) return false;
        }
        return true;
    }

    // Not a person named with a given name, a country, a nationality or a listed name.
    private static bool Retypable(Document doc, NerLexicon lex, NameCandidate c, bool givenNameAllowed = false)
    {
        var span = doc.Span(c.Start, c.End);
        if (lex.TryKnown(span, out _) || lex.TryPlace(span, out var g) && (g.Type == EntityType.NORP || g.Weight >= 9)) return false;
        if (IsAllCaps(span)) return false; // "a single AAA battery", "WMP formats"
        return givenNameAllowed || !(c.TokenCount > 1 && IsGivenName(lex, doc.TokenText(c.FirstToken)));
    }

    // "Bolton boss Sam Allardyce", "a Roma player": a town (not a country, not a capital-sized city) right before a noun of
    // [clubafter] or after a result or a player's move (ClubCues) is the town's club, an organisation, and so are the town's other mentions in the article; "former
    // Wimbledon champion": a place before a noun of [eventafter] is a tournament (that mention only).
    private static void ClubsAndTournaments(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        HashSet<string>? clubs = null;
        bool? sport = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity) continue;
            var after = c.TokenEnd < doc.Tokens.Length ? doc.TokenText(c.TokenEnd) : "";
            bool clubBefore = d.Type == EntityType.GPE && ClubBefore(doc, c.FirstToken) && (sport ??= ArticleKinds.IsSportReport(doc));
            if (!clubBefore && (after.Length == 0 || !char.IsLower(after[0]))) continue;
            // "last Sunday's Golden Globes ceremony", "the Golden Kinnaree awards": any name but a person's (a given name
            // first) before a ceremony is the event.
            // (Not an organisation's name, "the Screen Actors Guild awards": the guild gives them; award names are short.)
            if (d.Type is EntityType.PERSON or EntityType.ORG && c.TokenCount <= 2 && after is "ceremony" or "awards" && lex.Is(after, Cue.EventAfter)
                && !(c.TokenCount > 1 && IsGivenName(lex, doc.TokenText(c.FirstToken))) && !lex.TryKnown(doc.Span(c.Start, c.End), out _)
                && !lex.Is(doc.TokenText(c.TokenEnd - 1), Cue.OrgHead) && !doc.Tokens[c.FirstToken].Has(TokenFlags.SentenceStart))
            {
                typed[i] = (c, new EntityDecision(EntityType.EVENT, Math.Max(d.Score, InferredScore), true));
                continue;
            }
            if (d.Type != EntityType.GPE) continue;
            var span = doc.Span(c.Start, c.End);
            if (lex.TryPlace(span, out var g) && (g.Type == EntityType.NORP || g.Weight >= 7)) continue;
            if (lex.TryKnown(span, out var kt) && kt != EntityType.ORG) continue;
            // A country by any of its names ("against Britain's best sprinters") is the country's side, not a club.
            if (clubBefore && CountryTable.Default.TryFind(span, out var country) && country.Kind == CountryNameKind.Name) continue;
            if (clubBefore || lex.Is(after, Cue.ClubAfter))
            {
                typed[i] = (c, new EntityDecision(EntityType.ORG, Math.Max(d.Score, InferredScore), true));
                (clubs ??= new(StringComparer.Ordinal)).Add(span.ToString());
            }
            else if (lex.Is(after, Cue.EventAfter))
                typed[i] = (c, new EntityDecision(EntityType.EVENT, Math.Max(d.Score, InferredScore), true));
        }
        if (clubs == null) return;
        var clubsL = clubs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (d.IsEntity && d.Type is EntityType.GPE or EntityType.LOC or EntityType.PERSON && clubsL.Contains(doc.Span(c.Start, c.End)))
                typed[i] = (c, new EntityDecision(EntityType.ORG, Math.Max(d.Score, InferredScore), true));
        }
    }

    // Words before a town that make it its club: a result ("against Portsmouth", "a win over Bolton", "beat Everton", "a
    // defeat to Leeds", "a draw with Fulham") or a player's move ("signed for Wigan", "on loan at Leicester", "a loan spell
    // with Hull"), in an article that reads as a sports report (SportReport). Countries and cities of capital size are left
    // alone ("against France" is the country's team, which the article names as the country).
    private static readonly string[][] ClubCues =
    [
        ["against"], ["beat"], ["beating"], ["win", "over"], ["victory", "over"], ["defeat", "to"], ["defeat", "by"], ["lost", "to"],
        ["beaten", "by"], ["draw", "with"], ["drew", "with"], ["signed", "for"], ["loan", "at"], ["loan", "from"], ["loan", "to"],
        ["loan", "with"], ["spell", "at"], ["spell", "with"],
    ];


    private static bool ClubBefore(Document doc, int first)
    {
        foreach (var cue in ClubCues)
        {
            int k = first - cue.Length;
            if (k < 0) continue;
            bool all = true;
            for (int j = 0; j < cue.Length && all; j++) all = doc.TokenText(k + j).Equals(cue[j], StringComparison.Ordinal);
            if (all) return true;
        }
        return false;
    }

    // "Colleagues said that …", "Party leader Michael Howard said …": a one-word "name" that opens a sentence, is a common
    // word in news (written in lower case mid-sentence far more often than capitalised) and is never written capitalised
    // inside a sentence of this article is no name.
    private static void SentenceOpeners(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        HashSet<string>? inside = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || c.TokenCount != 1 || !doc.Tokens[c.FirstToken].Has(TokenFlags.SentenceStart)) continue;
            var w = doc.TokenText(c.FirstToken);
            if (!lex.TryStat(w, out var ws) || !ws.IsCommonWord || lex.TryKnown(w, out _) || lex.TryPlace(w, out var g) && g.Weight >= 5) continue;
            if (IsAllCaps(w)) continue;
            inside ??= CapitalisedInside(doc);
            if (inside.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) continue;
            typed[i] = (c, EntityDecision.None);
        }
    }

    // The capitalised words written inside a sentence, once per document.
    private static HashSet<string> CapitalisedInside(Document doc)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < doc.Tokens.Length; k++)
            if (!doc.Tokens[k].Has(TokenFlags.SentenceStart) && doc.Tokens[k].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[k].Start]))
                set.Add(doc.TokenText(k).ToString());
        return set;
    }

    /// <summary>Most capitalised words on either side of an "and", "of", "for" or "on" inside one organisation's name.</summary>
    public const int MaxNamePartTokens = 4;

    // Long organisation names the tagger cuts at a function word: "Securities and Exchange Commission", "Transport and
    // General Workers Union", "World Travel and Tourism Council" (a capitalised run, "and", a run ending in an organisation
    // head), "Intergovernmental Authority on Development", "Committee for a Responsible Federal Budget" (a name ending in an
    // organisation head, then "of", "for" or "on" and a capitalised run), "Police Federation of England and Wales" (such a
    // name ending in a place, "and", another place). The parts must not be persons, listed names or places of their own
    // (before the head), nor times; the pieces inside become one ORG.
    private static void JoinedOrganisationNames(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        var toks = doc.Tokens;
        var joins = new List<(int First, int End)>();
        // Organisations by end offset (the list does not change while the joins are collected).
        var orgByEnd = new Dictionary<int, int>();
        for (int i = 0; i < typed.Count; i++) if (typed[i].D.IsEntity && typed[i].D.Type == EntityType.ORG) orgByEnd.TryAdd(typed[i].C.End, i);
        for (int j = 1; j + 1 < toks.Length; j++)
        {
            var conj = doc.TokenText(j);
            if (conj is "and" or "&")
            {
                // "Police Federation of England" + "and Wales": an organisation "of" a place, and a second place.
                int ox = orgByEnd.GetValueOrDefault(toks[j - 1].End, -1);
                int pe = CapRunEnd(doc, j + 1);
                if (ox >= 0 && pe > j + 1 && pe - (j + 1) <= 2 && !IsCap(doc, pe) && typed[ox].C.TokenCount >= 3
                    && doc.TokenText(j - 2) is "of" && IsCap(doc, j - 1) && IsPlace(doc, lex, typed, j + 1, pe))
                {
                    joins.Add((typed[ox].C.FirstToken, pe));
                    j = pe;
                    continue;
                }
                // "Academy of Motion Picture Arts" + "and Sciences": an organisation "of" something, and one word that
                // is common or, in GMB, only ever inside organisations' names, which the article never names alone
                // ("Ministry of Culture and Tourism").
                if (ox >= 0 && pe == j + 2 && !IsCap(doc, pe) && typed[ox].C.TokenCount >= 3 && HasOfInside(doc, typed[ox].C)
                    && lex.TryStat(doc.TokenText(j + 1), out var ws) && (ws.LowerMid >= 2 || ws.Org >= 2 && ws.Per + ws.Geo + ws.Gpe == 0) && !lex.Is(doc.TokenText(j + 1), Cue.OrgHead | Cue.TitleHead)
                    && !IsPlace(doc, lex, typed, j + 1, pe) && !NamedAlone(doc, typed, typed.FindIndex(x => x.C.FirstToken == j + 1 && x.C.TokenEnd == pe), doc.TokenText(j + 1)))
                {
                    joins.Add((typed[ox].C.FirstToken, pe));
                    j = pe;
                    continue;
                }
                // Words joined by "and" before a run that ends in a head word: "Securities and Exchange Commission",
                // "Transport and General Workers Union". The words before the "and" are common words (a firm's name,
                // "Barclays and HSBC Bank", is not), the run after has a word besides its head.
                int b = CapRunEnd(doc, j + 1);
                if (b <= j + 2 || b - (j + 1) > MaxNamePartTokens || !lex.Is(doc.TokenText(b - 1), Cue.OrgHead)) continue;
                int a = j;
                while (a - 1 >= 0 && j - (a - 1) <= 2 && IsCap(doc, a - 1))
                {
                    a--;
                    if (doc.Tokens[a].Has(TokenFlags.SentenceStart)) break;
                }
                if (a < j && doc.TokenText(a) is "The" or "A") a++; // "The World Travel and Tourism Council" opening a sentence
                if (a == j || !doc.Tokens[a].Has(TokenFlags.SentenceStart) && IsCap(doc, a - 1) && doc.TokenText(a - 1) is not ("The" or "A")) continue; // a longer run: not ours to cut
                // Two organisations joined ("Citizens Bank and Canal Bank", "Continental and American Airlines") are not one:
                // no head word before the "and", no nationality or place opening the run after it.
                bool common = !(lex.TryPlace(doc.TokenText(j + 1), out var rg) && (rg.Type == EntityType.NORP || rg.Weight >= 5));
                for (int k = a; k < j && common; k++)
                    common = lex.TryStat(doc.TokenText(k), out var cs) && cs.LowerMid >= 2
                        && !lex.Is(doc.TokenText(k), j - a > 1 ? Cue.TitleHead | Cue.OrgHead : Cue.TitleHead);
                var left = doc.Span(toks[a].Start, toks[j - 1].End);
                if (!common || lex.TryKnown(left, out _) || lex.TryPlace(left, out _) || SurePerson(typed, toks[a].Start, toks[j - 1].End)) continue;
                joins.Add((a, b));
                j = b;
            }
            else if (conj is "of" or "for" or "on")
            {
                // A name ending in a head word right before, a capitalised run after ("a"/"the" may open it).
                int x = orgByEnd.GetValueOrDefault(toks[j - 1].End, -1);
                if (x < 0 || !lex.Is(doc.TokenText(j - 1), Cue.OrgHead)) continue;
                int k = j + 1;
                if (k < toks.Length && doc.TokenText(k) is "a" or "the") k++;
                int e = CapRunEnd(doc, k);
                if (e <= k || e - k > MaxNamePartTokens || SurePerson(typed, toks[k].Start, toks[e - 1].End) || HasTimeWord(doc, lex, k, e)) continue;
                // "the Security Council on the Darfur crisis": the run modifies the noun after it.
                if (e < toks.Length && doc.Syntax is { } syn && syn.Tags[e] == Upos.NOUN && char.IsLower(doc.TokenText(e)[0])) continue;
                // "LG Electronics of South Korea": a company the article also names alone, described by its country.
                var xs = doc.Span(typed[x].C.Start, typed[x].C.End);
                if (IsPlace(doc, lex, typed, k, e) && NamedAlone(doc, typed, x, xs)) continue;
                // "of England and Wales": a second place after "and".
                if (e + 1 < toks.Length && doc.TokenText(e) is "and" && CapRunEnd(doc, e + 1) is int e2 && e2 > e + 1 && e2 - (e + 1) <= 2
                    && lex.TryPlace(doc.Span(toks[k].Start, toks[e - 1].End), out _) && lex.TryPlace(doc.Span(toks[e + 1].Start, toks[e2 - 1].End), out _))
                    e = e2;
                joins.Add((typed[x].C.FirstToken, e));
                j = e;
            }
        }
        foreach (var (first, end) in joins) SetSpan(doc, typed, first, end, EntityType.ORG);
    }

    // A place by the gazetteer or by the tagger (a GPE or LOC span exactly there).
    private static bool HasOfInside(Document doc, NameCandidate c)
    {
        for (int k = c.FirstToken + 1; k < c.TokenEnd - 1; k++) if (doc.TokenText(k) is "of" or "for") return true;
        return false;
    }

    private static bool IsPlace(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed, int first, int end)
    {
        if (lex.TryPlace(doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End), out var g) && g.Type != EntityType.NORP) return true;
        foreach (var (c, d) in typed)
            if (d.IsEntity && d.Type is EntityType.GPE or EntityType.LOC && c.FirstToken == first && c.TokenEnd == end) return true;
        return false;
    }

    private static bool IsCap(Document doc, int k) =>
        k >= 0 && k < doc.Tokens.Length && doc.Tokens[k].Kind == TokenKind.Word && doc.TokenText(k) is { Length: > 0 } w && char.IsUpper(w[0]);

    // End of the run of capitalised words from k ("Exchange Commission"), or k.
    private static int CapRunEnd(Document doc, int k)
    {
        int e = k;
        while (e < doc.Tokens.Length && IsCap(doc, e)) e++;
        return e;
    }

    private static bool HasTimeWord(Document doc, NerLexicon lex, int first, int end)
    {
        for (int k = first; k < end; k++) if (lex.TryStat(doc.TokenText(k), out var s) && s.IsTimeWord) return true;
        return false;
    }

    // True when another typed span of the document has exactly this text.
    private static bool NamedAlone(Document doc, List<(NameCandidate C, EntityDecision D)> typed, int self, ReadOnlySpan<char> text)
    {
        for (int i = 0; i < typed.Count; i++)
            if (i != self && typed[i].D.IsEntity && doc.Span(typed[i].C.Start, typed[i].C.End).SequenceEqual(text)) return true;
        return false;
    }

    // A person the tagger is sure of inside [start, end).
    private static bool SurePerson(List<(NameCandidate C, EntityDecision D)> typed, int start, int end)
    {
        foreach (var (c, d) in typed)
            if (d.IsEntity && d.Type == EntityType.PERSON && d.Score >= 0.75f && c.Start < end && c.End > start) return true;
        return false;
    }

    // Makes [first, end) one entity of the type: the spans inside give way; a span reaching out of it leaves it alone.
    private static void SetSpan(Document doc, List<(NameCandidate C, EntityDecision D)> typed, int first, int end, EntityType type)
    {
        int start = doc.Tokens[first].Start, stop = doc.Tokens[end - 1].End;
        foreach (var (c, _) in typed)
            if (c.Start < stop && c.End > start && (c.Start < start || c.End > stop)) return;
        typed.RemoveAll(x => x.C.Start >= start && x.C.End <= stop);
        typed.Add((new NameCandidate(start, stop, first, end, CandidateCues.None), new EntityDecision(type, InferredScore, true)));
        typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
    }

    // A one-word "person" the article never names as a person — no given name, no title, never part of a longer person's
    // name — whose mentions read as a company's: followed by its shares or its officers ("Ericsson shares dropped",
    // "Southcorp chairman Brian Finn", "Nintendo president Satoru Iwata", "Enron's shareholders"), or after a role at it
    // ("analysts at Gartner", "chief executive of Vivendi", "shares in Barclays"). All its mentions become the organisation.
    // The tagger, trained on world news, types an unknown capitalised word a person (Gartner, Vivendi, Qwest, Southcorp).
    private static void CompanyContexts(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        Dictionary<string, (int Org, bool Person)>? seen = null;
        var personWords = PersonParts(doc, lex, typed);
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type != EntityType.PERSON || c.TokenCount != 1) continue;
            var w = doc.TokenText(c.FirstToken);
            if (w.Length < 3 || !char.IsUpper(w[0]) || IsGivenName(lex, w) || lex.Is(w, Cue.Title | Cue.TitleHead)) continue;
            var key = w.ToString();
            seen ??= new(StringComparer.Ordinal);
            var (org, person) = seen.GetValueOrDefault(key);
            if (c.FirstToken > 0 && lex.Is(doc.TokenText(c.FirstToken - 1), Cue.Title | Cue.TitleHead)) person = true;
            else if (CompanyAfter(doc, lex, c.TokenEnd) || CompanyBefore(doc, lex, c.FirstToken)) org++;
            seen[key] = (org, person);
        }
        if (seen is null) return;
        HashSet<string>? orgs = null;
        foreach (var (name, (org, person)) in seen)
            if (org > 0 && !person && !personWords.Contains(name)) (orgs ??= new(StringComparer.Ordinal)).Add(name);
        if (orgs != null) RetypeMentions(doc, typed, orgs, EntityType.ORG, t => t is EntityType.PERSON or EntityType.GPE);
    }

    // After a company's name: its shares or results ("Ericsson shares", "Enron's shareholders"), or one of its officers
    // named next ("Southcorp chairman Brian Finn").
    private static bool CompanyAfter(Document doc, NerLexicon lex, int k)
    {
        if (k < doc.Tokens.Length && doc.TokenText(k) is "'s" or "’s" or "'" or "’") k++;
        if (k >= doc.Tokens.Length) return false;
        var w = doc.TokenText(k);
        // "Smith shares the lead" is a verb.
        if (lex.Is(w, Cue.CompanyAfter) && char.IsLower(w[0])) return doc.Syntax is not { } syn || syn.Tags[k] is not (Upos.VERB or Upos.AUX);
        // An officer and a person's name: "chairman Brian Finn", "chief executive Jean-Rene Fourtou".
        if (!lex.Is(w, Cue.CompanyOfficer) || !char.IsLower(w[0])) return false;
        int n = k + 1;
        if (n < doc.Tokens.Length && lex.Is(doc.TokenText(n), Cue.CompanyOfficer)) n++;
        return n + 1 < doc.Tokens.Length && IsGivenName(lex, doc.TokenText(n)) && IsCap(doc, n + 1);
    }

    // Before a company's name: a holding in it or an officer at it ("shares in Barclays", "analysts at Gartner", "chief
    // executive of Vivendi").
    private static bool CompanyBefore(Document doc, NerLexicon lex, int k)
    {
        if (k < 2) return false;
        var prep = doc.TokenText(k - 1);
        var noun = doc.TokenText(k - 2);
        if (prep is "in" && noun is "shares" or "stake" or "stakes" or "shareholders" or "investors") return true;
        return prep is "at" or "of" && lex.Is(noun, Cue.CompanyOfficer) && char.IsLower(noun[0]);
    }

    // Nouns of [orgbefore] a person can also be called by.
    private static readonly HashSet<string> PersonCapableOrgNouns = new(StringComparer.Ordinal)
    { "broadcaster", "operator", "distributor", "supplier", "provider", "providers", "suppliers", "analysts", "label", "studio", "side", "outfit", "club" };

    // "oil giant Shell", "anti-virus firm Sophos", "Premiership side Bolton": a name of one to three words right after a
    // lower-case noun of [orgbefore] is an organisation, whatever the tagger made of it (not one with a title inside it).
    private static void OrganisationNouns(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        HashSet<string>? orgs = null;
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is EntityType.ORG or EntityType.NORP or EntityType.EVENT or EntityType.LAW or EntityType.MONEY
                || c.TokenCount > 3 || c.FirstToken == 0) continue;
            var before = doc.TokenText(c.FirstToken - 1);
            if (before.Length == 0 || !char.IsLower(before[0]) || !lex.Is(before, Cue.OrgBefore)) continue;
            bool titled = false;
            for (int k = c.FirstToken; k < c.TokenEnd && !titled; k++) titled = lex.Is(doc.TokenText(k), Cue.Title | Cue.TitleHead);
            // A country stays a country ("the state oil company Nigeria" is rare; "Premiership side Chelsea" is not a place).
            var span = doc.Span(c.Start, c.End);
            if (titled || lex.TryPlace(span, out var g) && (g.Type == EntityType.NORP || g.Weight >= 9)) continue;
            // "broadcaster David Dimbleby", "tour operator Jane Smith": after a noun a person can be, a given name makes it
            // the person's role; "mortgage firm Freddie Mac", "property firm Quinlan Private" stay firms.
            if (c.TokenCount > 1 && IsGivenName(lex, doc.TokenText(c.FirstToken)) && PersonCapableOrgNouns.Contains(before.ToString())) continue;
            typed[i] = (c, new EntityDecision(EntityType.ORG, Math.Max(d.Score, InferredScore), true));
            (orgs ??= new(StringComparer.Ordinal)).Add(span.ToString());
            // Its first word alone ("Borussia" after "club Borussia Dortmund") names it too, unless it is a common word.
            var fw = doc.TokenText(c.FirstToken);
            if (c.TokenCount > 1 && !(lex.TryStat(fw, out var fs) && fs.IsCommonWord) && !lex.TryPlace(fw, out _)) orgs.Add(fw.ToString());
        }
        // The other mentions of the same name in the article are that organisation ("Qantas" before and after "airline Qantas").
        if (orgs != null)
            RetypeMentions(doc, typed, orgs, EntityType.ORG, t => t is EntityType.PERSON or EntityType.GPE or EntityType.LOC or EntityType.FAC);
    }

    // "Yannick Nyanga" typed ORG, "Kelly Brown" typed GPE: two or three capitalised words that open with a given name and
    // end in no head word of an organisation, place or facility, and that neither the gazetteer nor the hand list knows.
    private static void GivenNameFirst(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.ORG or EntityType.GPE or EntityType.LOC) || c.TokenCount is < 2 or > 3) continue;
            if (LooksLikePerson(doc, lex, c.FirstToken, c.TokenEnd))
                typed[i] = (c, new EntityDecision(EntityType.PERSON, InferredScore, true));
        }
    }

    // "L Cullen", "G. Easterby" typed as places or organisations: one capital letter (a period after it or not) and a
    // capitalised word is how team sheets and bylines name a person. Not "A" (an article: "A Coruna"), not a name the
    // lists or the gazetteer know, not a word in capitals ("J VOA"), not a head word ("J Group") or a common word ("X Files").
    private static void InitialAndSurname(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type is not (EntityType.ORG or EntityType.GPE or EntityType.LOC or EntityType.PERSON)) continue;
            int first = c.FirstToken, end = c.TokenEnd;
            // The tagger left the initial out ("G" before "Easterby"): in a list (after a comma, a semicolon, a colon or at a
            // line's start) the initial opens the name.
            if (end - first == 1 && first >= 1 && doc.TokenText(first - 1) is { Length: 1 } ini && char.IsAsciiLetterUpper(ini[0]) && ini[0] is not ('A' or 'I')
                && doc.Tokens[first - 1].End < doc.Tokens[first].Start && (first == 1 || doc.TokenText(first - 2) is "," or ";" or ":" || doc.Slice(doc.Tokens[first - 2].End, doc.Tokens[first - 1].Start).Contains('\n'))
                && !typed.Any(x => x.C.Start < doc.Tokens[first - 1].End && x.C.End > doc.Tokens[first - 1].Start))
            {
                var sur = doc.TokenText(first);
                if (sur.Length < 2 || !char.IsUpper(sur[0]) || IsAllCaps(sur) || lex.TryStat(sur, out var s0) && s0.IsCommonWord) continue;
                typed[i] = (new NameCandidate(doc.Tokens[first - 1].Start, c.End, first - 1, end, CandidateCues.None),
                            new EntityDecision(EntityType.PERSON, Math.Max(d.Score, InferredScore), true));
                continue;
            }
            if (d.Type == EntityType.PERSON) continue;
            if (end - first == 3 && doc.TokenText(first + 1) is ".") { /* "G . Easterby" */ }
            else if (end - first != 2) continue;
            var initial = doc.TokenText(first);
            if (initial.EndsWith('.')) initial = initial[..^1];
            if (initial.Length != 1 || !char.IsAsciiLetterUpper(initial[0]) || initial[0] is 'A' or 'I') continue;
            var surname = doc.TokenText(end - 1);
            if (surname.Length < 2 || !char.IsUpper(surname[0]) || IsAllCaps(surname) || lex.Is(surname, Cue.OrgHead | Cue.LocHead | Cue.FacHead | Cue.EventHead)
                || lex.TryStat(surname, out var st) && st.IsCommonWord) continue; // "X Files"
            var span = doc.Span(c.Start, c.End);
            if (lex.TryKnown(span, out _) || lex.TryPlace(span, out _)) continue;
            typed[i] = (c, new EntityDecision(EntityType.PERSON, Math.Max(d.Score, InferredScore), true));
        }
    }

    private static bool LooksLikePerson(Document doc, NerLexicon lex, int first, int end)
    {
        var given = doc.TokenText(first);
        if (!IsGivenName(lex, given)) return false;
        var span = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
        if (lex.TryKnown(span, out _) || lex.TryPlace(span, out _)) return false;
        for (int k = first + 1; k < end; k++)
        {
            var w = doc.TokenText(k);
            if (w.Length < 2 || !char.IsUpper(w[0]) || w.IndexOf('.') >= 0 && w.Length > 2) return false;
            if (IsAllCaps(w)) return false; // "Mac OS", "China CNPC": an acronym is no surname
            if (lex.Is(w, Cue.OrgHead | Cue.LocHead | Cue.FacHead | Cue.EventHead | Cue.LawHead | Cue.Stop)) return false;
            // A word news writes in lower case ("Mirror", "Foods", "Daily") or mostly names organisations and places with.
            if (lex.TryStat(w, out var ws) && (ws.IsCommonWord || ws.Org + ws.Geo + ws.Gpe >= 5 && ws.Org + ws.Geo + ws.Gpe > 2 * ws.Per)) return false;
            // A surname that is a country or a demonym ("Victoria Britain"?) is not worth the risk.
            if (lex.TryPlace(w, out var g) && (g.Type == EntityType.NORP || g.Weight >= 7)) return false;
        }
        return true;
    }

    // A sizeable place, a nationality or an organisation of the hand list.
    private static bool IsOtherName(NerLexicon lex, ReadOnlySpan<char> span) =>
        lex.TryPlace(span, out var g) && (g.Type == EntityType.NORP || g.Weight >= 5) || lex.TryKnown(span, out var kt) && kt != EntityType.PERSON;

    private static bool IsMajorName(NerLexicon lex, ReadOnlySpan<char> span) =>
        lex.TryPlace(span, out var g) && (g.Type == EntityType.NORP || g.Weight >= 7) || lex.TryKnown(span, out var kt) && kt != EntityType.PERSON;

    private static bool EndsPossessive(ReadOnlySpan<char> w) => w.EndsWith("'s") || w.EndsWith("’s");

    private static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        foreach (var ch in w) if (char.IsLower(ch)) return false;
        return true;
    }

    // A given name of the public list (US Social Security counts, one sex ≥ 95 %) or one GMB's persons often open with.
    // Not a word GMB's news often writes capitalised but never opens a name with ("China", "Asia", "Geneva": given names
    // in the list), nor a common word ("Precious"), nor a country or large city.
    private static bool IsGivenName(NerLexicon lex, ReadOnlySpan<char> w)
    {
        int hyphen = w.IndexOf('-');
        if (hyphen > 2) w = w[..hyphen]; // "Jeanne-Marie", "Jean-Philippe"; not the "Al" of "Al-Jazeera"
        if (w.Length < 2 || !char.IsUpper(w[0]) || lex.Is(w, Cue.Title | Cue.TitleHead | Cue.Particle | Cue.Stop | Cue.LocPrefix | Cue.Descriptor | Cue.PartyWord)) return false;
        if (lex.TryPlace(w, out var g) && (g.Type == EntityType.NORP || g.Weight >= 6.5f)) return false;
        bool stat = lex.TryStat(w, out var s);
        if (stat && s.IsGivenName) return true;
        if (!GivenNames.IsGivenName(w)) return false;
        // A name given to both sexes ("Kelly", "Charlie", "San", "Memphis") is weaker evidence: not when GMB has it naming
        // places or organisations more than people.
        if (GivenNames.OfGivenName(w) == NameGender.Unknown && stat && s.Org + s.Geo + s.Gpe > s.Per) return false;
        return !stat || !s.IsCommonWord && !(s.First == 0 && s.Capitalised >= 10);
    }

    // A run of at least MinListItems names separated by commas (the last may be "and"), each optionally followed by a
    // parenthesised affiliation, where most items are people by the document's own evidence and none is a country: every
    // item is then a person, and each affiliation an organisation (a club or party) unless it is a country.
    private static void PeopleLists(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        if (typed.Count < MinListItems) return;
        typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
        var byFirstToken = new Dictionary<int, int>();
        for (int i = 0; i < typed.Count; i++) byFirstToken.TryAdd(typed[i].C.FirstToken, i);
        var parts = PersonParts(doc, lex, typed);

        var listed = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<(int First, int End, int ParenFirst, int ParenEnd)>();
        var toks = doc.Tokens;
        int t = 0;
        while (t < toks.Length)
        {
            items.Clear();
            int k = t;
            while (true)
            {
                int end = ItemEnd(doc, lex, k);
                if (end <= k) break;
                int pf = -1, pe = -1, next = end;
                if (next < toks.Length && doc.TokenText(next) is "(")
                {
                    int close = next + 1;
                    while (close < toks.Length && close - next <= 6 && doc.TokenText(close) is not (")" or "(")) close++;
                    if (close >= toks.Length || doc.TokenText(close) is not ")") break;
                    pf = next + 1; pe = close; next = close + 1;
                }
                // A possessive opens a new clause: "…, Theresa May, Lib Dem's elections chief Lord Rennard said".
                if (next < toks.Length && doc.TokenText(next) is "'s" or "’s" or "'" or "’" || EndsPossessive(doc.TokenText(end - 1))) break;
                items.Add((k, end, pf, pe));
                if (next < toks.Length && doc.TokenText(next) is "," or ";")
                {
                    next++;
                    if (next < toks.Length && doc.TokenText(next) is "and") next++;
                }
                else if (next < toks.Length && doc.TokenText(next) is "and") next++;
                else break;
                k = next;
            }
            bool paragraph = items.Count >= MinListItems && WholeParagraph(doc, items[0].First, items[^1].ParenEnd >= 0 ? items[^1].ParenEnd + 1 : items[^1].End);
            if (items.Count >= MinListItems && IsPeopleList(doc, lex, typed, byFirstToken, parts, items, paragraph))
            {
                Retype(doc, lex, typed, items, paragraph);
                foreach (var it in items) listed.Add(doc.TokenText(it.End - 1).ToString());
                t = items[^1].End;
                byFirstToken.Clear();
                typed.Sort((x, y) => x.C.Start.CompareTo(y.C.Start));
                for (int i = 0; i < typed.Count; i++) byFirstToken.TryAdd(typed[i].C.FirstToken, i);
            }
            else t = Math.Max(t + 1, items.Count > 0 ? items[0].End : t + 1);
        }
        if (listed.Count == 0) return;
        // The same players named in the report ("Drogba made no mistake", "Eidur Gudjohnsen equalised") are the listed people.
        for (int i = 0; i < typed.Count; i++)
        {
            var (c, d) = typed[i];
            if (!d.IsEntity || d.Type == EntityType.PERSON || c.TokenCount > 3 || !listed.Contains(doc.TokenText(c.TokenEnd - 1).ToString())) continue;
            var span = doc.Span(c.Start, c.End);
            if (lex.TryPlace(span, out var g) && (g.Type == EntityType.NORP || g.Weight >= 5) || lex.TryKnown(span, out var kt) && kt != EntityType.PERSON) continue;
            bool plain = true;
            for (int k = c.FirstToken; k < c.TokenEnd && plain; k++)
            {
                var w = doc.TokenText(k);
                plain = w.Length > 0 && char.IsUpper(w[0]) && !IsAllCaps(w) && !lex.Is(w, Cue.OrgHead | Cue.LocHead | Cue.FacHead | Cue.EventHead | Cue.LawHead | Cue.Title | Cue.TitleHead);
            }
            if (plain) typed[i] = (c, new EntityDecision(EntityType.PERSON, InferredScore, true));
        }
    }

    // The end of a name item starting at token k (capitalised words, initials such as "S.", hyphens inside words), or k.
    private static int ItemEnd(Document doc, NerLexicon lex, int k)
    {
        int e = k;
        while (e < doc.Tokens.Length && e - k < MaxItemTokens)
        {
            var w = doc.TokenText(e);
            if (doc.Tokens[e].Kind != TokenKind.Word || w.Length == 0 || !char.IsUpper(w[0])) break;
            // Not a capitalised sentence opener ("But Darren Campbell", "Contestants Paul Burrell").
            if (e == k && (lex.Is(w, Cue.Stop) || doc.Tokens[e].Has(TokenFlags.SentenceStart) && lex.TryStat(w, out var ws) && ws.IsCommonWord)) break;
            e++;
        }
        return e;
    }

    private static HashSet<string> PersonParts(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (c, d) in typed)
        {
            if (!d.IsEntity || d.Type != EntityType.PERSON || c.TokenCount < 2) continue;
            for (int k = c.FirstToken; k < c.TokenEnd; k++)
            {
                var w = doc.TokenText(k);
                if (w.Length >= 2 && char.IsUpper(w[0]) && !lex.Is(w, Cue.Title | Cue.TitleHead | Cue.Particle)) parts.Add(w.ToString());
            }
        }
        return parts;
    }

    private static bool IsPeopleList(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed,
        Dictionary<int, int> byFirstToken, HashSet<string> parts, List<(int First, int End, int ParenFirst, int ParenEnd)> items, bool paragraph)
    {
        int people = 0, contrary = 0;
        foreach (var (first, end, pf, pe) in items)
        {
            // A substitution, "Gallas (Kezman 74)", is a line-up's own mark.
            if (pf >= 0 && pe > pf && ItemEnd(doc, lex, pf) is int ae && ae > pf && ae < pe && doc.Tokens[ae].Kind == TokenKind.Number) people++;
            var span = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
            bool person = byFirstToken.TryGetValue(first, out int ti) && typed[ti].C.TokenEnd == end && typed[ti].D.IsEntity
                && typed[ti].D.Type == EntityType.PERSON;
            // A town, a country or a listed organisation among the items speaks against a list of people ("BMW, General
            // Motors, Toyota and Volkswagen"); it is never retyped ("Moazzam Begg, from Birmingham, and Martin Mubanga, …").
            if (IsOtherName(lex, span)) { contrary++; continue; }
            if (!person && parts.Contains(doc.TokenText(end - 1).ToString())) person = true;
            if (!person && end - first >= 2 && LooksLikePerson(doc, lex, first, end)) person = true;
            if (person) people++;
        }
        // At least three items, and a third of them, must be people by their own evidence, twice as many as the places
        // and organisations among them.
        // A paragraph that is nothing but the list (a team sheet, a roll-call) needs less: two people and no more places.
        if (paragraph) return people >= 2 && people >= 2 * contrary;
        return people >= 3 && people * 3 >= items.Count && people >= 2 * contrary;
    }

    // True when the tokens [first, end) make up a whole paragraph, a final full stop aside.
    private static bool WholeParagraph(Document doc, int first, int end)
    {
        var toks = doc.Tokens;
        if (end < toks.Length && doc.TokenText(end) is ".") end++;
        bool startOk = first == 0 || doc.Text.AsSpan(toks[first - 1].End, toks[first].Start - toks[first - 1].End).IndexOf('\n') >= 0;
        bool endOk = end >= toks.Length || doc.Text.AsSpan(toks[end - 1].End, toks[end].Start - toks[end - 1].End).IndexOf('\n') >= 0;
        return startOk && endOk;
    }

    private static void Retype(Document doc, NerLexicon lex, List<(NameCandidate C, EntityDecision D)> typed,
        List<(int First, int End, int ParenFirst, int ParenEnd)> items, bool paragraph)
    {
        var removed = new HashSet<int>();
        foreach (var (first, end, pf, pe) in items)
        {
            // In a team sheet a player named like a town is the player ("Douglas"); a country or a listed organisation is not.
            var span = doc.Span(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
            if (paragraph ? !IsMajorName(lex, span) : !IsOtherName(lex, span)) SetPerson(first, end);
            if (pf < 0 || pe <= pf) continue;
            // A substitution in a line-up, "Drogba (Kezman 80)": the name before the minute is a player too. Other
            // parentheses (a club, a party, a country) are left as the tagger typed them.
            int ae = ItemEnd(doc, lex, pf);
            if (ae <= pf || ae >= pe || doc.Tokens[ae].Kind != TokenKind.Number && !char.IsAsciiDigit(doc.Text[doc.Tokens[ae].Start])) continue;
            SetPerson(pf, ae);
        }
        if (removed.Count > 0)
        {
            RemoveIndices(typed, removed);
        }

        void SetPerson(int first, int end)
        {
            // Whatever the tagger made of these words (pieces) gives way to the item; a span reaching out of the item
            // leaves it alone, and then nothing is changed.
            int start = doc.Tokens[first].Start, stop = doc.Tokens[end - 1].End;
            for (int i = 0; i < typed.Count; i++)
            {
                var c = typed[i].C;
                if (c.Start < stop && c.End > start && (c.Start < start || c.End > stop)) return;
            }
            bool exact = false;
            for (int i = 0; i < typed.Count; i++)
            {
                var c = typed[i].C;
                if (c.End <= start || c.Start >= stop) continue;
                if (c.Start == start && c.End == stop)
                {
                    exact = true;
                    var d = typed[i].D;
                    if (!d.IsEntity || d.Type != EntityType.PERSON) typed[i] = (c, new EntityDecision(EntityType.PERSON, InferredScore, true));
                }
                else removed.Add(i);
            }
            if (!exact) typed.Add((new NameCandidate(start, stop, first, end, CandidateCues.None), new EntityDecision(EntityType.PERSON, InferredScore, true)));
        }
    }
}
