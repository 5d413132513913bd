namespace Dossier.Actors;

/// <summary>How alike two names of one kind are, from their normalised keys: for matching actors across articles.</summary>
/// <remarks>
/// Both names go through <see cref="NameNormalizer"/> (persons drop titles; organisations drop legal forms such as AG, Ltd,
/// Inc). Parts are aligned greedily by Jaro-Winkler similarity, order-free ("bin Salman Mohammed" = "Mohammed bin Salman");
/// a one-letter part matches a part with that initial ("J Friedrich" ~ "Joachim Friedrich"). The score is the aligned
/// weight over the weight of both names, so a missing middle name costs less than a different surname, and a different
/// last part (the surname for persons) caps the score. Pure function; thread-safe.
/// </remarks>
public static class NameMatcher
{
    /// <summary>The score from which two names are taken as one (chosen on the nomenklatura dev pairs).</summary>
    public const double DefaultThreshold = 0.82;

    // Below this Jaro-Winkler similarity two surnames are different names, not spelling variants.
    private const double SurnameFloor = 0.94;

    // Legal forms and filler words that do not tell organisations apart.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ag", "gmbh", "ltd", "limited", "llc", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "sa", "sas",
        "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "kg", "ooo", "oao", "zao", "pao", "jsc", "pjsc", "ojsc", "cjsc",
        "aktiengesellschaft", "gesellschaft", "holding", "holdings", "group", "the", "of", "and", "llp", "lp", "pte", "pty", "sarl",
    };

    // Words that make a name an organisation's when the schema is not given.
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "bank", "fund", "trust", "foundation", "institute", "university", "ministry", "agency", "association", "society",
        "committee", "council", "party", "front", "army", "forces", "brigade", "movement", "union", "federation", "organization",
        "organisation", "international", "industries", "enterprises", "services", "systems", "technologies", "trading",
        "shipping", "airlines", "airways", "energy", "oil", "petroleum", "capital", "partners", "investments", "ventures",
        "church", "school", "college", "hospital", "club", "news", "television", "radio", "press", "times", "post",
    };

    /// <summary>True when a name reads as an organisation's: a legal form (Ltd, AG, OOO …) or an organisation word (Bank, Fund, Party …).</summary>
    public static bool LooksLikeOrganisation(string name)
    {
        var k = NameNormalizer.KeysKeepTitles(name);
        foreach (var p in k.Parts) if ((LegalForms.Contains(p) && p is not ("the" or "of" or "and")) || OrganisationWords.Contains(p)) return true;
        return false;
    }

    // Spelling variants of Arabic name particles that mean the same ("ben", "ibn" → "bin").
    private static string Particle(string p) => p is "ben" or "ibn" or "bint" ? "bin" : p;

    /// <summary>True when the two names are taken as one at <see cref="DefaultThreshold"/>.</summary>
    public static bool Same(string a, string b, bool person) => Score(a, b, person) >= DefaultThreshold;

    /// <summary>Similarity in [0, 1] of two person names (<paramref name="person"/> true) or organisation names.</summary>
    public static double Score(string a, string b, bool person)
    {
        var pa = PartsOf(a, person);
        var pb = PartsOf(b, person);
        if (pa.Count == 0 || pb.Count == 0) return 0;
        if (pa.SequenceEqual(pb)) return 1;
        // Names written together or apart ("Mohammadhasni" vs "Mohammad Hasni", "Alisher-Usmanov").
        if (string.Concat(pa) == string.Concat(pb)) return 0.97;
        if (pa.Order().SequenceEqual(pb.Order())) return 0.97;

        // Greedy alignment of the shorter list onto the longer one, best pairs first.
        // Ties broken by content so that Score(a, b) == Score(b, a).
        bool aFirst = pa.Count != pb.Count ? pa.Count < pb.Count : string.CompareOrdinal(string.Join(' ', pa), string.Join(' ', pb)) <= 0;
        var (small, big) = aFirst ? (pa, pb) : (pb, pa);
        var pairs = new List<(double Sim, int I, int J)>(small.Count * big.Count);
        for (int i = 0; i < small.Count; i++)
            for (int j = 0; j < big.Count; j++)
                pairs.Add((PartSimilarity(small[i], big[j]), i, j));
        pairs.Sort((x, y) => y.Sim.CompareTo(x.Sim));
        var usedI = new bool[small.Count];
        var usedJ = new bool[big.Count];
        var alignedTo = new int[small.Count];
        Array.Fill(alignedTo, -1);
        double matched = 0;
        foreach (var (sim, i, j) in pairs)
        {
            if (usedI[i] || usedJ[j] || sim < 0.75) continue;
            usedI[i] = usedJ[j] = true;
            alignedTo[i] = j;
            matched += sim * (Weight(small[i]) + Weight(big[j]));
        }
        double total = small.Sum(Weight) + big.Sum(Weight);
        // Unmatched parts of the longer name cost half: a missing middle name is common, an extra surname is not.
        double unmatchedBig = 0;
        for (int j = 0; j < big.Count; j++) if (!usedJ[j]) unmatchedBig += Weight(big[j]);
        double score = matched / (total - unmatchedBig * 0.5);
        // Every part of the shorter name must find a partner.
        if (usedI.Any(u => !u)) score = Math.Min(score, 0.6);
        // A person's surname must agree closely: "Castro" is not "Castillo" even when the first names are equal.
        if (person && small.Count > 1)
        {
            int last = small.Count - 1;
            double sur = alignedTo[last] >= 0 ? PartSimilarity(small[last], big[alignedTo[last]]) : 0;
            if (sur < SurnameFloor) score *= 0.9;
        }
        return Math.Clamp(score, 0, 1);
    }

    private static double Weight(string p) => p.Length == 1 ? 0.5 : Math.Min(p.Length, 8);

    private static List<string> PartsOf(string name, bool person)
    {
        var k = person ? NameNormalizer.Keys(name) : NameNormalizer.KeysKeepTitles(name);
        var list = new List<string>(k.Count);
        foreach (var p in k.Parts)
        {
            if (!person && LegalForms.Contains(p)) continue;
            list.Add(Particle(DigitsToLetters(p)));
        }
        if (list.Count == 0) foreach (var p in k.Parts) list.Add(p);
        return list;
    }

    // OCR and leetspeak digits inside words ("Ig0r Sech1n"); numbers stay numbers.
    private static string DigitsToLetters(string p)
    {
        bool letters = false, digits = false;
        foreach (var c in p) { if (char.IsAsciiLetter(c)) letters = true; else if (char.IsAsciiDigit(c)) digits = true; }
        if (!(letters && digits)) return p;
        return string.Create(p.Length, p, static (span, s) =>
        {
            for (int i = 0; i < s.Length; i++)
                span[i] = s[i] switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', _ => s[i] };
        });
    }

    private static double PartSimilarity(string x, string y)
    {
        if (x == y) return 1;
        if (x.Length == 1 || y.Length == 1) return x[0] == y[0] ? 0.9 : 0;
        return JaroWinkler(x, y);
    }

    /// <summary>Jaro-Winkler similarity of two words (prefix scale 0.1, up to 4 chars).</summary>
    public static double JaroWinkler(ReadOnlySpan<char> s, ReadOnlySpan<char> t)
    {
        if (s.Length == 0 || t.Length == 0) return 0;
        int range = Math.Max(0, Math.Max(s.Length, t.Length) / 2 - 1);
        Span<bool> sm = s.Length <= 128 ? stackalloc bool[s.Length] : new bool[s.Length];
        Span<bool> tm = t.Length <= 128 ? stackalloc bool[t.Length] : new bool[t.Length];
        int m = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int lo = Math.Max(0, i - range), hi = Math.Min(t.Length - 1, i + range);
            for (int j = lo; j <= hi; j++)
            {
                if (tm[j] || s[i] != t[j]) continue;
                sm[i] = tm[j] = true; m++;
                break;
            }
        }
        if (m == 0) return 0;
        int k = 0, trans = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (!sm[i]) continue;
            while (!tm[k]) k++;
            if (s[i] != t[k]) trans++;
            k++;
        }
        double jaro = (m / (double)s.Length + m / (double)t.Length + (m - trans / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < 4 && prefix < s.Length && prefix < t.Length && s[prefix] == t[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
