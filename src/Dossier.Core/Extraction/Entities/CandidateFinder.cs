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
    { "Republic", "Kingdom", "Emirate", "Emirates", "Sultanate", "Commonwealth", "State", "States", "City", "Province", "Isle", "Duchy", "Principality" };

    /// <summary>Appends the candidates of every sentence of the document.</summary>
    public static void Find(Document doc, NerLexicon lex, List<NameCandidate> into)
    {
        foreach (var s in doc.Sentences) FindInSentence(doc, lex, s.FirstToken, s.TokenEnd, into);
    }

    private static void FindInSentence(Document doc, NerLexicon lex, int first, int end, List<NameCandidate> into)
    {
        var toks = doc.Tokens;
        int i = first;
        while (i < end)
        {
            var role = RoleOf(doc, lex, i, out int ss, out int se);
            if (role == Role.SubToken)
            {
                if (se - ss >= 2) into.Add(new NameCandidate(ss, se, i, i + 1, CandidateCues.SubToken | ContextCues(doc, i, first)));
                i++; continue;
            }
            if (role != Role.Name) { i++; continue; }
            int a = i, b = i + 1;
            while (b < end && b - a < MaxRunTokens)
            {
                if (toks[b].Has(TokenFlags.LineStart)) break;
                var rb = RoleOf(doc, lex, b, out _, out _);
                if (rb == Role.Name) { b++; continue; }
                if (rb == Role.Connector && ConnectorJoins(doc, lex, b, end, out int after)) { b = after; continue; }
                break;
            }
            ProcessRun(doc, lex, a, b, first, end, into);
            i = b;
        }
    }

    // A connector joins two name tokens when it is a name particle (bin, van, al) or "of"/"for" after a head word
    // (Bank of England), optionally followed by "the" (Bank of the South). Returns the index after the next name token.
    private static bool ConnectorJoins(Document doc, NerLexicon lex, int c, int end, out int after)
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
        else if (w is "the" or "and") return false;
        if (next >= end || doc.Tokens[next].Has(TokenFlags.LineStart) || RoleOf(doc, lex, next, out _, out _) != Role.Name) return false;
        after = next + 1;
        return true;
    }

    private static Role RoleOf(Document doc, NerLexicon lex, int i, out int subStart, out int subEnd)
    {
        subStart = subEnd = 0;
        var t = doc.Tokens[i];
        if (t.Kind != TokenKind.Word) return Role.Other;
        var w = doc.TokenText(i);
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
                if (ContainsDigit(part)) return Role.Other;
                if (nameStart < 0) nameStart = p;
                nameEnd = q;
            }
            else if (nameStart < 0 && p == t.Start && nextUpper && lex.Is(part, Cue.HyphenPrefix)) nameStart = p;
            else if (nameStart < 0 && p == t.Start && nextUpper && lex.Is(part, Cue.NoNamePrefix)) leadingDrop = true;
            else if (nameStart >= 0 && nextUpper && lex.Is(part, Cue.HyphenPrefix)) { /* inner particle: Hayat-al-Sham */ }
            else break;
            p = q + 1;
        }
        if (nameStart < 0 || nameEnd <= nameStart) return Role.Other;
        if (nameStart == t.Start && nameEnd == t.End && !leadingDrop) return Role.Name;
        if (lex.Is(text.AsSpan(nameStart, nameEnd - nameStart), Cue.Stop)) return Role.Other;
        subStart = nameStart; subEnd = nameEnd;
        return Role.SubToken;
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
        if (lex.TryKnown(w, out _) || lex.TryPlace(w, out _)) return false;
        if (w is "Al" or "El" or "Abu" or "Bin" or "Ibn" or "Ben") return false; // Al Jolani, Abu Mohammad
        if (lex.TryStat(w, out var st)) return st.IsCommonWord;
        // Unseen words: adverbs and participles are not names ("Surprisingly", "Speaking").
        return w.EndsWith("ly", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal);
    }

    private static void ProcessRun(Document doc, NerLexicon lex, int a, int b, int sentFirst, int sentEnd, List<NameCandidate> into)
    {
        var toks = doc.Tokens;
        // 1. Sentence-initial common word ("The", "Meanwhile") is not part of a name.
        if (IsInitial(doc, a, sentFirst) && IsCapitalisedCommonWord(doc, lex, a))
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
            && InitialsMatch(doc, a, b, doc.TokenText(b + 1)))
            cues |= CandidateCues.DefinesAcronym;

        // 3. A head word makes the whole run one name (Syrian Army, Bank of England, World War II).
        var lastCues = lex.CuesOf(doc.TokenText(b - 1));
        if ((lastCues & Cue.OrgHead) != 0 && b - a >= 2 || lex.TryKnown(doc.Span(toks[a].Start, toks[b - 1].End), out _)
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
                break;
            }
            if (prefixOk && head)
            {
                if (p > a) Emit(doc, a, p, cues | CandidateCues.PrefixOfRun, into);
                // Skip particles left at the front of the name ("the").
                while (q < b && RoleOf(doc, lex, q, out _, out _) != Role.Name) q++;
                if (q < b) Emit(doc, q, b, (cues & ~(CandidateCues.Initial | CandidateCues.AfterThe)) | CandidateCues.Titled, into);
                return;
            }
            if (prefixOk && q == b && p > a)
            {
                Emit(doc, a, p, cues | CandidateCues.PrefixOfRun, into); // "the Syrian Foreign" … no name follows
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

    private static void Emit(Document doc, int a, int b, CandidateCues cues, List<NameCandidate> into)
    {
        // Trailing connectors never end a name.
        while (b > a && doc.Tokens[b - 1].Kind == TokenKind.Word && !doc.Tokens[b - 1].Has(TokenFlags.Hyphen) && char.IsLower(doc.Text[doc.Tokens[b - 1].Start])) b--;
        if (b <= a) return;
        into.Add(new NameCandidate(doc.Tokens[a].Start, doc.Tokens[b - 1].End, a, b, cues));
    }

    private static bool IsPlaceOrGroup(Document doc, NerLexicon lex, int a, int p)
    {
        var span = doc.Span(doc.Tokens[a].Start, doc.Tokens[p - 1].End);
        if (lex.TryPlace(span, out var g)) return g.Type is EntityType.NORP || g.Weight >= 9;
        if (lex.TryKnown(span, out var t)) return t is EntityType.GPE or EntityType.NORP;
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
