using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Types a candidate by adding up evidence: hand-written lists, the gazetteer, head words, titles, context words,
/// GMB word statistics and name shapes. The type with the most evidence wins; the margin sets the score.</summary>
/// <remarks>Immutable; safe across threads. Weights are in "evidence points"; a list hit is worth about five, a weak
/// context cue about one.</remarks>
public sealed class RuleClassifier : IEntityClassifier
{
    // Index of each type in the evidence vector.
    private const int Per = 0, Org = 1, Gpe = 2, Loc = 3, Norp = 4, Fac = 5, Evt = 6, Law = 7, N = 8;
    private static readonly EntityType[] Types =
        [EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.LOC, EntityType.NORP, EntityType.FAC, EntityType.EVENT, EntityType.LAW];

    private readonly NerLexicon _lex;
    private readonly bool _useStats;

    /// <summary>A classifier over the embedded lexicons.</summary>
    public RuleClassifier() : this(NerLexicon.Instance) { }
    /// <summary>A classifier that may leave out the GMB word statistics (<paramref name="useStats"/> false): its decisions
    /// are then features for the tagger trained on that same GMB data, and must not repeat the training labels.</summary>
    internal RuleClassifier(NerLexicon lex, bool useStats = true)
    {
        _lex = lex;
        _useStats = useStats;
    }

    /// <inheritdoc/>
    public EntityDecision Classify(Document doc, in NameCandidate c)
    {
        Span<float> ev = stackalloc float[N];
        ev.Clear();
        var lex = _lex;
        var text = doc.Span(c.Start, c.End);
        int n = c.TokenCount;
        bool single = n == 1 || c.Has(CandidateCues.SubToken);
        bool acronym = single && IsAcronym(text);

        if (c.Has(CandidateCues.HandleAfter)) return new EntityDecision(EntityType.PERSON, 0.9f, true);
        if (lex.Is(text, Cue.Stop)) return EntityDecision.None;
        // A listed work or award ("Oscar", "Booker Prize"): the evidence buckets below have no such type.
        if (lex.TryKnown(text, out var listedKind) && listedKind is EntityType.WORK_OF_ART or EntityType.PRODUCT) return new EntityDecision(listedKind, 0.9f, true);
        if (single && text.Length < 2) return EntityDecision.None;
        // A lone common word written with a capital mid-sentence ("the Municipality", "Internet Explorer" split off) is
        // rarely a name by itself; names the lists know were caught above.
        if (single && !c.Has(CandidateCues.SubToken) && !c.Has(CandidateCues.Titled) && lex.TryStat(text, out var cw) && cw.LowerMid > 10 * Math.Max(1, cw.CapMid)
            && cw.Named * 4 < cw.Capitalised + 1 && !lex.TryKnown(text, out _) && !(lex.TryPlace(text, out var cwp) && cwp.Weight >= 7)) return EntityDecision.None;

        // A head word outranks a small place of the same name ("Heathrow Airport", "Harvard University").
        var headCues = single ? Cue.None : lex.CuesOf(doc.TokenText(c.TokenEnd - 1)) & (Cue.OrgHead | Cue.FacHead | Cue.LocHead | Cue.EventHead | Cue.LawHead);
        // Hand-written lists and the gazetteer (whole span, then with a dotted acronym undotted: U.S. → US).
        if (lex.TryKnown(text, out var kt)) ev[Index(kt)] += 5;
        else if (lex.TryPlace(text, out var g))
        {
            if (headCues == Cue.None || g.Weight >= 9) AddPlace(ev, g);
            // A whole multi-word town name ("El Fasher", "Port Sudan") is rarely also a person's name.
            if (!single && headCues == Cue.None && g.Type != EntityType.NORP && g.Weight >= 4.5f) ev[Gpe] += 1.5f;
        }
        else if (acronym && text.Contains('.'))
        {
            Span<char> und = stackalloc char[text.Length];
            int m = 0;
            foreach (var ch in text) if (ch != '.') und[m++] = ch;
            if (lex.TryKnown(und[..m], out kt)) ev[Index(kt)] += 5;
            else if (lex.TryPlace(und[..m], out g)) AddPlace(ev, g);
        }

        if (c.Has(CandidateCues.Titled)) ev[Per] += 7f; // "Mr. Bloomberg" is a person even where Bloomberg is a firm
        if (c.Has(CandidateCues.DefinesAcronym)) ev[Org] += 3.5f;

        // Head and prefix words of multi-word names.
        if (!single)
        {
            // Every word a nationality or religion ("Shia Muslim", "Sunni Arab"): a group, not a person's name.
            bool allGroups = true;
            for (int k = c.FirstToken; k < c.TokenEnd && allGroups; k++)
            {
                var w = doc.TokenText(k);
                allGroups = lex.TryKnown(w, out var wk) && wk == EntityType.NORP || lex.TryPlace(w, out var wp) && wp.Type == EntityType.NORP;
            }
            if (allGroups) ev[Norp] += 5f;
            var last = lex.CuesOf(doc.TokenText(c.TokenEnd - 1));
            var first = lex.CuesOf(doc.TokenText(c.FirstToken));
            if ((last & Cue.OrgHead) != 0) ev[Org] += 3;
            else if ((first & Cue.OrgHead) != 0 && n >= 3 && doc.TokenText(c.FirstToken + 1) is "of" or "for") ev[Org] += 3; // University of …
            if ((last & Cue.LocHead) != 0) ev[Loc] += 3.5f;
            if ((first & Cue.LocPrefix) != 0) ev[Loc] += 2.5f;
            if ((first & Cue.EventPrefix) != 0) ev[Evt] += 4f;
            if ((last & Cue.FacHead) != 0) ev[Fac] += 3.5f;
            if ((last & Cue.LawHead) != 0) ev[Law] += 3f;
            for (int k = c.FirstToken + 1; k < c.TokenEnd - 1; k++)
                if (doc.TokenText(k) is "&") { ev[Org] += 2f; break; } // Ernst & Young, Procter & Gamble
            if ((last & Cue.EventHead) != 0 || n >= 3 && (lex.CuesOf(doc.TokenText(c.TokenEnd - 2)) & Cue.EventHead) != 0 && IsRoman(doc.TokenText(c.TokenEnd - 1)))
                ev[Evt] += 2.5f;
        }

        // Word statistics from GMB: the whole word for one token; for several, each token (the last counts more).
        if (single) AddStats(ev, text, 3f);
        else
        {
            for (int k = c.FirstToken; k < c.TokenEnd; k++)
            {
                var w = doc.TokenText(k);
                if (w.Length > 0 && char.IsLower(w[0]) && !doc.Tokens[k].Has(TokenFlags.Hyphen)) continue; // particles
                if (k == c.TokenEnd - 1 && headCues != Cue.None) continue; // the head's own counts only echo GMB's tagging of it
                AddStats(ev, w, (k == c.TokenEnd - 1 ? 1.5f : 1f) * 2f / n);
            }
            // Given name first: a person ("Vladimir Putin", "Abu Mohammad al-Jolani").
            var fw = doc.TokenText(c.FirstToken);
            if (lex.TryStat(fw, out var fs)) { if (fs.IsGivenName) ev[Per] += 1.5f; }
            // A first word nothing knows, before a known word, is most often a foreign given name ("Valeska Paris").
            else if (n <= 3 && headCues == Cue.None && !lex.TryPlace(fw, out _) && !lex.TryKnown(fw, out _) && !doc.Tokens[c.FirstToken].Has(TokenFlags.Upper)
                     && lex.TryStat(doc.TokenText(c.TokenEnd - 1), out _)) ev[Per] += 1.2f;
            // Arabic-style family name with a particle (al-Assad) or bin/ibn: a person unless other evidence says otherwise.
            for (int k = c.FirstToken + 1; k < c.TokenEnd; k++)
            {
                var w = doc.TokenText(k);
                if (w is "bin" or "ibn" or "bint" || w.Length > 3 && (w.StartsWith("al-") || w.StartsWith("el-"))) { ev[Per] += 0.8f; break; }
            }
        }

        // Shouted common words ("UNLESS", "FIRST", "IT") are not acronyms; listed acronyms (US, WHO) were taken above.
        if (acronym && !text.Contains('.') && lex.TryStat(text, out var asw) && asw.IsCommonWord && ev[Org] < 5 && ev[Gpe] < 4) return EntityDecision.None;
        if (acronym) ev[Org] += 1.5f;
        // Compounds of demonyms ("French-Colombian", "Tibetan-American") are groups.
        else if (single && text.IndexOf('-') > 0 && lex.TryPlace(text[..text.IndexOf('-')], out var hp) && hp.Type == EntityType.NORP) ev[Norp] += 3f;
        // Inner capital after lower case (KindHearts, PayPal): a brand or organisation, not a person (McCain, MacArthur, DeLay aside).
        else if (single && HasInnerCapital(text)) ev[Org] += 1f;

        // Context words around the span.
        int before = c.FirstToken - 1, after = c.TokenEnd;
        if (!c.Has(CandidateCues.SubToken))
        {
            if (after < doc.Tokens.Length)
            {
                var w = doc.TokenText(after);
                if (w is "'s" or "’s" && after + 1 < doc.Tokens.Length) w = doc.TokenText(after + 1);
                var ac = lex.CuesOf(w);
                if ((ac & Cue.PersonAfter) != 0 && !acronym) ev[Per] += 1f;
                if ((ac & Cue.GpeAfter) != 0) ev[Gpe] += 2.5f;
            }
            if (before >= 0)
            {
                var w = doc.TokenText(before);
                var bc = lex.CuesOf(w);
                if ((bc & Cue.PlaceBefore) != 0) { ev[Gpe] += 0.8f; ev[Loc] += 0.4f; }
                if ((bc & Cue.PersonBefore) != 0) ev[Per] += 0.8f;
            }
        }
        if (c.Has(CandidateCues.AfterThe)) { ev[Per] -= 1.5f; ev[Org] += 0.4f; }

        // Priors for names nothing else knows: two or three capitalised words are most often a person.
        if (!single && n <= 3 && !ContainsLower(doc, c)) ev[Per] += 0.4f;
        else if (!single) ev[Org] += 0.3f;
        else if (!acronym) { ev[Per] += 0.25f; ev[Gpe] += 0.15f; }

        int best = 0;
        float sum = 0;
        for (int k = 0; k < N; k++)
        {
            if (ev[k] > ev[best]) best = k;
            if (ev[k] > 0) sum += ev[k];
        }
        float top = ev[best];
        if (top <= 0.2f) return EntityDecision.None;
        // Unseen capitalised word at a sentence start with only prior evidence: too weak to call a name.
        if (c.Has(CandidateCues.Initial) && single && top < 0.5f && !acronym) return EntityDecision.None;
        float share = top / (sum + 0.5f);
        float strength = 1f - MathF.Exp(-top / 2f);
        return new EntityDecision(Types[best], Math.Clamp(share * strength + 0.05f, 0.05f, 0.99f), true);
    }

    private static bool HasInnerCapital(ReadOnlySpan<char> s)
    {
        for (int i = 2; i < s.Length; i++)
        {
            if (!char.IsUpper(s[i]) || !char.IsLower(s[i - 1])) continue;
            var head = s[..i];
            if (head is "Mc" or "Mac" or "De" or "Di" or "Le" or "La" or "Van" or "Von") continue;
            if (s[i - 1] == '\'' || s[i - 1] == '’') continue;
            return true;
        }
        return false;
    }

    private static int Index(EntityType t) => t switch
    {
        EntityType.PERSON => Per, EntityType.ORG => Org, EntityType.GPE => Gpe, EntityType.LOC => Loc,
        EntityType.NORP => Norp, EntityType.FAC => Fac, EntityType.EVENT => Evt, EntityType.LAW => Law, _ => Org,
    };

    private static void AddPlace(Span<float> ev, GazEntry g)
    {
        if (g.Type == EntityType.NORP) ev[Norp] += 4.5f;
        else if (g.Weight >= 9) ev[Gpe] += 4.5f;
        else ev[Gpe] += Math.Max(0.3f, g.Weight - 3.5f);
    }

    private void AddStats(Span<float> ev, ReadOnlySpan<char> w, float weight)
    {
        if (!_useStats || !_lex.TryStat(w, out var s)) return;
        int cap = s.Capitalised;
        if (cap == 0) return;
        float conf = Math.Min(1f, cap / 5f);
        float k = weight * conf / (cap + 1);
        ev[Per] += k * s.Per;
        ev[Org] += k * s.Org;
        ev[Gpe] += k * s.Geo;
        ev[Norp] += k * s.Gpe;
        // Capitalised but rarely tagged: a common word in a title-case phrase, weak evidence against any name.
        if (s.Named * 4 < cap) { ev[Per] -= 0.3f * weight; ev[Gpe] -= 0.2f * weight; }
    }

    private static bool ContainsLower(Document doc, in NameCandidate c)
    {
        for (int k = c.FirstToken; k < c.TokenEnd; k++)
            if (char.IsLower(doc.Text[doc.Tokens[k].Start]) && !doc.Tokens[k].Has(TokenFlags.Hyphen)) return true;
        return false;
    }

    internal static bool IsAcronym(ReadOnlySpan<char> s)
    {
        int letters = 0;
        foreach (var ch in s)
        {
            if (char.IsUpper(ch)) letters++;
            else if (ch != '.' && ch != '&') return false;
        }
        return letters >= 2 && letters <= 7;
    }

    private static bool IsRoman(ReadOnlySpan<char> s)
    {
        foreach (var ch in s) if (ch is not ('I' or 'V' or 'X')) return false;
        return s.Length > 0;
    }
}
