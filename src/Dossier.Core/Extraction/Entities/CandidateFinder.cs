using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Finds the spans that may be names: runs of capitalised tokens with name-internal connectors, acronyms and
/// names inside hyphenated words. Titles are split off, sentence-initial common words dropped.</summary>
/// <remarks>Stateless; one forward pass over the tokens of each sentence.</remarks>
internal static class CandidateFinder
{
    private enum Role : byte { Other, Name, Connector, SubToken }

    /// <summary>Most candidate runs are short; a longer run is cut (hostile input such as an all-caps paragraph).</summary>
    public const int MaxRunTokens = 12;

    // Words before "of" that keep "X of Y" one name (Bank of England, Republic of Korea, Gulf of Aden).
    private static readonly HashSet<string> OfHeads = new(StringComparer.Ordinal)
    { "Republic", "Kingdom", "Emirate", "Emirates", "Sultanate", "Commonwealth", "State", "States", "City", "Province", "Isle", "Duchy", "Principality", "House", "Chamber" };

    /// <summary>Appends the candidates of every sentence of the document.</summary>
    public static void Find(Document doc, NerLexicon lex, List<NameCandidate> into)
    {
        foreach (var s in doc.Sentences)
        {
            doc.CheckBudget("ner");
            FindInSentence(doc, lex, s.FirstToken, s.TokenEnd, into);
        }
    }

    private static void FindInSentence(Document doc, NerLexicon lex, int first, int end, List<NameCandidate> into)
    {
        var toks = doc.Tokens;
        bool headline = IsHeadlineCase(doc, lex, first, end);
        int i = first;
        while (i < end)
        {
            var role = RoleOf(doc, lex, i, out int ss, out int se);
            // In a Title Case or ALL CAPS line every word has a capital: only words that are not common words can be names.
            if (headline && role == Role.Name && lex.TryStat(doc.TokenText(i), out var hs) && hs.IsCommonWord) role = Role.Other;
            if (role == Role.SubToken)
            {
                if (se - ss >= 2) into.Add(new NameCandidate(ss, se, i, i + 1, CandidateCues.SubToken | ContextCues(doc, i, first)));
                i++; continue;
            }
            if (role != Role.Name) { i++; continue; }
            int a = i, b = i + 1;
            bool orgOf = false; // the run holds "Head of/for …" (Organisation for Economic …): "and" may continue it
            while (b < end && b - a < MaxRunTokens)
            {
                if (toks[b].Has(TokenFlags.LineStart)) break;
                var rb = RoleOf(doc, lex, b, out _, out _);
                if (headline && rb == Role.Name && lex.TryStat(doc.TokenText(b), out var hb) && hb.IsCommonWord) break;
                if (rb == Role.Name) { b++; continue; }
                // East Asian given names after a family name: "Ban Ki-moon", "Kim Jong-un" (not "HTS-held", "Army-led").
                if (rb == Role.SubToken && IsHyphenatedGivenName(doc, b)) { b++; continue; }
                if (rb == Role.Connector && ConnectorJoins(doc, lex, b, end, orgOf, out int after))
                {
                    orgOf |= doc.TokenText(b) is "of" or "for" && lex.Is(doc.TokenText(b - 1), Cue.OrgHead);
                    b = after; continue;
                }
                break;
            }
            b = ExtendToBracketedAcronym(doc, lex, a, b, end);
            ProcessRun(doc, lex, a, b, first, end, into);
            i = b;
        }
    }

    /// <summary>Lines of three or more words where nearly every word is capitalised and so is at least one function word
    /// ("Russia And Syria Agree To Talks", "BREAKING: TALKS COLLAPSE IN DOHA"): capitalisation carries no evidence there.</summary>
    internal static bool IsHeadlineCase(Document doc, NerLexicon lex, int first, int end)
    {
        int words = 0, caps = 0, capsFunction = 0;
        for (int k = first; k < end; k++)
        {
            var t = doc.Tokens[k];
            if (t.Kind != TokenKind.Word) continue;
            words++;
            var w = doc.TokenText(k);
            if (!char.IsUpper(w[0])) continue;
            caps++;
            if (k > first && lex.TryStat(w, out var st) && st.CapMid * 20 < st.LowerMid) capsFunction++;
        }
        return words >= 3 && caps * 4 >= words * 3 && capsFunction >= 1;
    }

    // A connector joins two name tokens when it is a name particle (bin, van, al) or "of"/"for" after a head word
    // (Bank of England), optionally followed by "the" (Bank of the South). Returns the index after the next name token.
    private static bool ConnectorJoins(Document doc, NerLexicon lex, int c, int end, bool orgOf, out int after)
    {
        after = c;
        var w = doc.TokenText(c);
        int next = c + 1;
        if (w is "of" or "for")
        {
            var prev = doc.TokenText(c - 1);
            if (!(lex.Is(prev, Cue.OrgHead | Cue.LocHead | Cue.LocPrefix | Cue.FacHead | Cue.EventHead | Cue.TitleHead)
                  || OfHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev))) return false;
            if (next < end && doc.TokenText(next) is "the") next++;
        }
        else if (w is "the") return false;
        else if (w is "and")
        {
            // "Ministry of Trade and Industry", "Organisation for Economic Co-operation and Development": only inside an
            // organisation name, and only before a common word ("Bank of England and Barclays" stays two names).
            if (!orgOf || next >= end || !(lex.TryStat(doc.TokenText(next), out var ns) && ns.IsCommonWord)) return false;
        }
        if (next >= end || doc.Tokens[next].Has(TokenFlags.LineStart) || RoleOf(doc, lex, next, out _, out _) != Role.Name) return false;
        after = next + 1;
        return true;
    }

    private static Role RoleOf(Document doc, NerLexicon lex, int i, out int subStart, out int subEnd)
    {
        subStart = subEnd = 0;
        var t = doc.Tokens[i];
        var w = doc.TokenText(i);
        if (t.Kind != TokenKind.Word) return w is "&" ? Role.Connector : Role.Other; // Ernst & Young
        if (t.Has(TokenFlags.Hyphen)) return HyphenRole(doc, lex, t, out subStart, out subEnd);
        if (!char.IsUpper(w[0]))
            return lex.Is(w, Cue.Particle) ? Role.Connector : Role.Other;
        if (t.Has(TokenFlags.HasDigit)) return Role.Other;
        if (lex.Is(w, Cue.Stop)) return Role.Other;
        if (w.Length == 1) return Role.Other; // "I", "A"; initials carry a period ("W.")
        if (lex.TryStat(w, out var st) && st.IsTimeWord) return Role.Other;
        return Role.Name;
    }

    // al-Sharaa, Bosnia-Herzegovina → a whole name; al-Qaeda-linked, HTS-held, pro-Russian → a name inside the word.
    private static Role HyphenRole(Document doc, NerLexicon lex, Token t, out int subStart, out int subEnd)
    {
        subStart = subEnd = 0;
        var text = doc.Text;
        int p = t.Start, end = t.End;
        int nameStart = -1, nameEnd = -1;
        bool leadingDrop = false;
        while (p < end)
        {
            int q = p;
            while (q < end && text[q] != '-' && text[q] != '‐') q++;
            var part = text.AsSpan(p, q - p);
            bool hasNext = q < end;
            bool nextUpper = hasNext && q + 1 < end && char.IsUpper(text[q + 1]);
            if (part.Length == 0) break;
            if (char.IsUpper(part[0]))
            {
                if (ContainsDigit(part) || lex.Is(part, Cue.Stop) || lex.TryStat(part, out var ps) && ps.IsTimeWord) return Role.Other;
                if (nameStart < 0) nameStart = p;
                nameEnd = q;
            }
            else if (nameStart < 0 && p == t.Start && nextUpper && lex.Is(part, Cue.HyphenPrefix)) nameStart = p;
            else if (nameStart < 0 && p == t.Start && nextUpper && lex.Is(part, Cue.NoNamePrefix)) leadingDrop = true;
            else if (nameStart >= 0 && nextUpper && part.Length <= 4) { /* inner particle: Port-au-Prince, Hayat-al-Sham */ }
            else
            {
                // A lower-case tail that is not an adjective-making word ("Co-operation", "Ki-moon") keeps the word whole.
                if (nameStart == t.Start && !leadingDrop && !IsAdjectiveTail(part)) return NoNameStart(lex, text.AsSpan(t.Start, t.Length)) ? Role.Other : Role.Name;
                break;
            }
            p = q + 1;
        }
        if (nameStart < 0 || nameEnd <= nameStart) return Role.Other;
        if (nameStart == t.Start && nameEnd == t.End && !leadingDrop) return Role.Name;
        if (lex.Is(text.AsSpan(nameStart, nameEnd - nameStart), Cue.Stop)) return Role.Other;
        subStart = nameStart; subEnd = nameEnd;
        return Role.SubToken;
    }

    // English words that follow a name after a hyphen and make an adjective: al-Qaeda-linked, HTS-held, U.S.-led.
    private static readonly HashSet<string> AdjectiveSuffixes = new(StringComparer.Ordinal)
    { "led", "held", "run", "born", "made", "era", "wide", "like", "free", "style", "type", "based", "backed", "linked", "owned",
      "allied", "aligned", "bound", "related", "funded", "sponsored", "controlled", "occupied", "dominated", "speaking", "inspired",
      "friendly", "leaning", "level", "class", "scale", "bred", "educated", "trained", "listed", "registered", "area", "zone", "wing" };

    private static bool IsAdjectiveTail(ReadOnlySpan<char> part) =>
        AdjectiveSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(part)
        || part.EndsWith("ed", StringComparison.Ordinal) || part.EndsWith("ing", StringComparison.Ordinal)
        || part.EndsWith("ian", StringComparison.Ordinal) || part.EndsWith("ly", StringComparison.Ordinal);

    // "Anti-war", "Pro-government" at a sentence start: a prefix, not a name.
    private static bool NoNameStart(NerLexicon lex, ReadOnlySpan<char> word)
    {
        int h = word.IndexOf('-');
        if (h <= 0 || h > 8) return false;
        Span<char> low = stackalloc char[h];
        word[..h].ToLowerInvariant(low);
        return lex.Is(low, Cue.NoNamePrefix);
    }

    private static bool IsHyphenatedGivenName(Document doc, int i)
    {
        var w = doc.TokenText(i);
        int h = w.IndexOf('-');
        if (h < 2 || h > 5 || w.LastIndexOf('-') != h || !char.IsUpper(w[0]) || !char.IsLower(w[1])) return false;
        var tail = w[(h + 1)..];
        return tail.Length is >= 2 and <= 5 && !AdjectiveSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tail);
    }

    private static bool ContainsDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsDigit(c)) return true;
        return false;
    }

    /// <summary>True when token <paramref name="i"/> starts a sentence, a line or a quotation.</summary>
    internal static bool IsInitial(Document doc, int i, int sentenceFirst)
    {
        if (i <= sentenceFirst || doc.Tokens[i].Has(TokenFlags.LineStart)) return true;
        var prev = doc.Tokens[i - 1];
        if (prev.Kind is TokenKind.Punct or TokenKind.Symbol)
        {
            char c = doc.Text[prev.Start];
            if (c is '"' or '“' or '‘' or '\'' or '(' or '[' or ':' or '—' or '–' or '-' or '«' or '•' or '*') return true;
        }
        return false;
    }

    private static CandidateCues ContextCues(Document doc, int first, int sentenceFirst)
    {
        var c = CandidateCues.None;
        if (IsInitial(doc, first, sentenceFirst)) c |= CandidateCues.Initial;
        if (first > sentenceFirst && doc.TokenText(first - 1) is "the" or "The") c |= CandidateCues.AfterThe;
        return c;
    }

    // A common word written with a capital only because it starts the sentence ("Meanwhile", "Sources", "Surprisingly").
    private static bool IsCapitalisedCommonWord(Document doc, NerLexicon lex, int i)
    {
        var w = doc.TokenText(i);
        if (doc.Tokens[i].Has(TokenFlags.Upper) && w.Length > 1) return false; // acronyms stay
        var cues = lex.CuesOf(w);
        if ((cues & Cue.Stop) != 0) return true;
        if ((cues & Cue.Title) != 0) return false; // titles are split off later
        if (lex.TryKnown(w, out _)) return false;
        if (w is "Al" or "El" or "Abu" or "Bin" or "Ibn" or "Ben") return false; // Al Jolani, Abu Mohammad
        // A country or demonym stays; a small town named like a common word ("Most", "Police") does not.
        if (lex.TryPlace(w, out var g) && (g.Weight >= 9 || !lex.TryStat(w, out _))) return false;
        if (lex.TryStat(w, out var st)) return st.IsCommonWord;
        // Unseen words: adverbs and participles are not names ("Surprisingly", "Speaking").
        return w.EndsWith("ly", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal);
    }

    private static void ProcessRun(Document doc, NerLexicon lex, int a, int b, int sentFirst, int sentEnd, List<NameCandidate> into)
    {
        var toks = doc.Tokens;
        // 1. Sentence-initial common word ("The", "Meanwhile") is not part of a name.
        if (IsInitial(doc, a, sentFirst) && IsCapitalisedCommonWord(doc, lex, a) && !IsWholeName(doc, lex, a, b))
        {
            a++;
            while (a < b && RoleOf(doc, lex, a, out _, out _) != Role.Name) a++;
        }
        if (a >= b) return;
        var cues = ContextCues(doc, a, sentFirst);

        // 2. "Name (@handle)": the name of a social account holder, whatever its words ("Syrian Girl").
        if (b + 1 < sentEnd && doc.TokenText(b) is "(" && doc.Text[toks[b + 1].Start] == '@')
        {
            into.Add(new NameCandidate(toks[a].Start, toks[b - 1].End, a, b, cues | CandidateCues.HandleAfter));
            return;
        }
        if (b + 2 < sentEnd && doc.TokenText(b) is "(" && doc.TokenText(b + 2) is ")" && toks[b + 1].Has(TokenFlags.Upper)
            && AcronymOfRun(doc, a, b, doc.TokenText(b + 1)))
            cues |= CandidateCues.DefinesAcronym;

        // 3. A head word makes the whole run one name (Syrian Army, Bank of England, World War II).
        var lastCues = lex.CuesOf(doc.TokenText(b - 1));
        // "Association of Chief Police Officers", "University of Damascus": an organisation head before of/for.
        bool headOf = b - a >= 3 && lex.Is(doc.TokenText(a), Cue.OrgHead) && doc.TokenText(a + 1) is "of" or "for";
        if ((lastCues & Cue.OrgHead) != 0 && b - a >= 2 || headOf || lex.TryKnown(doc.Span(toks[a].Start, toks[b - 1].End), out _)
            || lex.TryPlace(doc.Span(toks[a].Start, toks[b - 1].End), out _))
        {
            Emit(doc, a, b, cues, into);
            return;
        }

        // 4. Titles: [nationality or country] title… name → the place/group, then the person; the title is dropped.
        int p = a;
        while (p < b && !lex.Is(doc.TokenText(p), Cue.Title)) p++;
        if (p < b && p - a <= 3)
        {
            bool prefixOk = p == a || IsPlaceOrGroup(doc, lex, a, p);
            int q = p;
            bool head = false;
            while (q < b)
            {
                var w = doc.TokenText(q);
                var c = lex.CuesOf(w);
                if ((c & Cue.Title) != 0) { head |= (c & Cue.TitleHead) != 0; q++; continue; }
                if (w is "of" && q + 1 < b && lex.Is(doc.TokenText(q + 1), Cue.Title)) { q++; continue; }
                if (w is "of" && q + 2 < b && doc.TokenText(q + 1) is "the" && lex.Is(doc.TokenText(q + 2), Cue.Title)) { q += 2; continue; } // Chancellor of the Exchequer
                break;
            }
            // Titles only lead a name outside a longer name ("Association of Chief …" is no title phrase), and a name
            // of common words only ("Chief Police Officers") is not a person.
            bool insideName = false;
            for (int k = a; k < p; k++) if (RoleOf(doc, lex, k, out _, out _) == Role.Connector) insideName = true;
            if (head && q < b && (insideName || b - q >= 2 && AllCommonWords(doc, lex, q, b))) head = false;
            if (head && q < b)
            {
                // A place or group before the title is its own entity ("Syrian" President …); other words are part of
                // the title ("Democratic Senator", "Supreme Leader").
                if (p > a && prefixOk) Emit(doc, a, p, cues | CandidateCues.PrefixOfRun, into);
                // Skip particles left at the front of the name ("the").
                while (q < b && RoleOf(doc, lex, q, out _, out _) != Role.Name) q++;
                if (q < b) Emit(doc, q, b, (cues & ~(CandidateCues.Initial | CandidateCues.AfterThe)) | CandidateCues.Titled, into);
                return;
            }
            if (head && q == b)
            {
                // Only a title and no name after it ("the Syrian President", "Prime Minister"): at most the place or group.
                if (p > a && prefixOk) Emit(doc, a, p, cues | CandidateCues.PrefixOfRun, into);
                return;
            }
        }

        // 5. A nationality before other words that are not a known name ("Syrian Girl", "Iraqi Kurdistan").
        if (b - a >= 2 && (lastCues & (Cue.OrgHead | Cue.EventHead | Cue.LocHead | Cue.FacHead)) == 0
            && lex.TryPlace(doc.TokenText(a), out var g) && g.Type == EntityType.NORP)
        {
            Emit(doc, a, a + 1, cues | CandidateCues.PrefixOfRun, into);
            int r = a + 1;
            while (r < b && RoleOf(doc, lex, r, out _, out _) != Role.Name) r++;
            bool anyName = false;
            for (int k = r; k < b; k++)
                if (!(lex.TryStat(doc.TokenText(k), out var st) && st.IsCommonWord)) anyName = true;
            if (anyName && r < b) Emit(doc, r, b, CandidateCues.None, into);
            return;
        }
        Emit(doc, a, b, cues, into);
    }

    // A run that is a known name as a whole, or ends in a head word, keeps its first word even at a sentence start
    // ("Human Rights Watch said", "National Security Council members").
    private static bool IsWholeName(Document doc, NerLexicon lex, int a, int b)
    {
        if (b - a < 2) return false;
        // Function words ("The", "A", "This") are written with a capital mid-sentence almost never: they stay dropped.
        if (lex.TryStat(doc.TokenText(a), out var st) && st.CapMid * 20 < st.LowerMid) return false;
        var span = doc.Span(doc.Tokens[a].Start, doc.Tokens[b - 1].End);
        if (lex.TryKnown(span, out _) || lex.TryPlace(span, out _)) return true;
        return lex.Is(doc.TokenText(b - 1), Cue.OrgHead | Cue.FacHead | Cue.LocHead | Cue.EventHead | Cue.LawHead);
    }

    private static bool AllCommonWords(Document doc, NerLexicon lex, int a, int b)
    {
        for (int k = a; k < b; k++)
            if (!(lex.TryStat(doc.TokenText(k), out var st) && st.IsCommonWord)) return false;
        return true;
    }

    // Name particles that open a surname used alone: "bin Laden", "van Gogh", "al Sadr", "de Gaulle".
    private static readonly HashSet<string> LeadingParticles = new(StringComparer.Ordinal)
    { "bin", "ibn", "bint", "van", "von", "al", "el", "de", "del", "della", "da", "dos", "das", "du" };

    private static void Emit(Document doc, int a, int b, CandidateCues cues, List<NameCandidate> into)
    {
        if (a > 0 && doc.Tokens[a].Has(TokenFlags.SpaceBefore) && LeadingParticles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(a - 1))
            && doc.Tokens[a - 1].Has(TokenFlags.SpaceBefore) && (a - 1 == 0 || !char.IsUpper(doc.Text[doc.Tokens[a - 2].Start])))
            a--;
        // Trailing connectors never end a name.
        while (b > a && doc.Tokens[b - 1].Kind == TokenKind.Word && !doc.Tokens[b - 1].Has(TokenFlags.Hyphen) && char.IsLower(doc.Text[doc.Tokens[b - 1].Start])) b--;
        if (b <= a) return;
        into.Add(new NameCandidate(doc.Tokens[a].Start, doc.Tokens[b - 1].End, a, b, cues));
    }

    private static bool IsPlaceOrGroup(Document doc, NerLexicon lex, int a, int p)
    {
        var span = doc.Span(doc.Tokens[a].Start, doc.Tokens[p - 1].End);
        // A country, group or organisation before a title is its own entity: "Syrian President …", "NATO Secretary-General …".
        if (lex.TryPlace(span, out var g)) return g.Type is EntityType.NORP || g.Weight >= 9;
        if (lex.TryKnown(span, out _)) return true;
        if (p - a == 1 && RuleClassifier.IsAcronym(span) && !lex.Is(span, Cue.Stop)) return true;
        return lex.Is(doc.TokenText(p - 1), Cue.OrgHead);
    }

    // Lower-case words that may sit inside a long organisation name spelled out before its acronym.
    private static readonly HashSet<string> LongNameJoiners = new(StringComparer.Ordinal) { "of", "for", "the", "and", "on", "in", "to", "de", "&" };

    /// <summary>
    /// A run that stopped at a connector ("United Nations Office for the Coordination" | "of Humanitarian Affairs (OCHA)") goes on
    /// to the bracketed acronym after it when the acronym spells the initials of the longer run or of its end.
    /// </summary>
    internal static int ExtendToBracketedAcronym(Document doc, NerLexicon lex, int a, int b, int end)
    {
        int k = b;
        bool sawName = false, sawPreposition = false;
        while (k < end && k - a < MaxRunTokens)
        {
            var w = doc.TokenText(k);
            if (doc.Tokens[k].Has(TokenFlags.LineStart)) return b;
            if (w is "(") break;
            if (LongNameJoiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            {
                sawPreposition |= w is not ("and" or "the" or "&");
                k++; continue;
            }
            if (RoleOf(doc, lex, k, out _, out _) != Role.Name) return b;
            sawName = true; k++;
        }
        // Only "and" between names ("Syria and Iraq (SI)") is a list, not one long name.
        if (!sawName || !sawPreposition || k + 2 >= end || doc.TokenText(k) is not "(" || doc.TokenText(k + 2) is not ")" || !doc.Tokens[k + 1].Has(TokenFlags.Upper))
            return b;
        if (!lex.Is(doc.TokenText(k - 1), Cue.OrgHead) && RoleOf(doc, lex, k - 1, out _, out _) != Role.Name) return b;
        return AcronymOfRun(doc, a, k, doc.TokenText(k + 1)) ? k : b;
    }

    /// <summary>True when the acronym spells the initials of the run [a, b) or of its end from a capitalised word on
    /// ("United Nations | Office for the Coordination of Humanitarian Affairs" = OCHA).</summary>
    internal static bool AcronymOfRun(Document doc, int a, int b, ReadOnlySpan<char> acronym)
    {
        for (int start = a; start < b; start++)
            if (char.IsUpper(doc.TokenText(start)[0]) && InitialsMatch(doc, start, b, acronym)) return true;
        return false;
    }

    /// <summary>True when the acronym spells the initials of the capitalised parts of tokens [a, b) (Hayat Tahrir al-Sham → HTS).</summary>
    internal static bool InitialsMatch(Document doc, int a, int b, ReadOnlySpan<char> acronym)
    {
        Span<char> buf = stackalloc char[16];
        int n = 0;
        for (int k = a; k < b && n < buf.Length; k++)
        {
            var w = doc.TokenText(k);
            for (int j = 0; j < w.Length && n < buf.Length; j++)
                if ((j == 0 || w[j - 1] == '-') && char.IsUpper(w[j])) buf[n++] = w[j];
        }
        Span<char> acr = stackalloc char[16];
        int m = 0;
        foreach (var c in acronym) if (char.IsLetter(c) && m < acr.Length) acr[m++] = char.ToUpperInvariant(c);
        return m >= 2 && buf[..n].SequenceEqual(acr[..m]);
    }
}
