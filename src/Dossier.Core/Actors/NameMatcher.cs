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


    // Legal forms and filler words that do not tell organisations apart.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ag", "gmbh", "ltd", "limited", "llc", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "sa", "sas",
        "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "kg", "ooo", "oao", "zao", "pao", "jsc", "pjsc", "ojsc", "cjsc",
        "aktiengesellschaft", "gesellschaft", "holding", "holdings", "group", "the", "of", "and", "llp", "lp", "pte", "pty", "sarl",
        "joint", "stock",
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

    // Spelling variants of Arabic name particles that mean the same ("ben", "ibn" → "bin"); a first part is a name ("Ben Netanyahu").
    private static string Particle(string p, bool first) => !first && p is "ben" or "ibn" or "bint" ? "bin" : p;

    // Organisation words that tell little apart: places, scopes and holding words ("Faberlic" = "Faberlic Europe").
    private static readonly HashSet<string> WeakOrgWords = new(StringComparer.Ordinal)
    {
        "international", "global", "worldwide", "europe", "european", "asia", "america", "americas", "usa", "us", "uk",
        "north", "south", "east", "west", "central", "national", "holdings", "holding", "group", "the",
    };

    // Legal forms written out, dropped like their abbreviations ("Limited Liability Company" = "LLC").
    private static readonly string[][] LegalPhrases =
    [
        ["limited", "liability", "company"], ["limited", "liability", "partnership"], ["public", "limited", "company"],
        ["gesellschaft", "mit", "beschrankter", "haftung"], ["societatea", "cu", "raspundere", "limitata"],
        ["spolka", "z", "ograniczona", "odpowiedzialnoscia"], ["sp", "z", "o", "o"], ["sp", "z", "oo"], ["joint", "stock", "company"],
        ["closed", "joint", "stock", "company"], ["open", "joint", "stock", "company"], ["aktsionernoe", "obshchestvo"],
        ["obshchestvo", "s", "ogranichennoi", "otvetstvennostiu"], ["limited", "partnership"], ["societe", "anonyme"],
        ["sociedad", "anonima"], ["besloten", "vennootschap"], ["naamloze", "vennootschap"],
    ];

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20",
        ["thirty"] = "30", ["forty"] = "40", ["fourty"] = "40", ["fifty"] = "50", ["sixty"] = "60", ["seventy"] = "70",
        ["eighty"] = "80", ["ninety"] = "90",
    };

    // Short forms of given names (data/lexicons/name-nicknames.txt): each form → the full names it stands for.
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Nicknames = new(() =>
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var raw in Dossier.Resources.EmbeddedData.Lines("name-nicknames.txt"))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var full = line[..tab].Trim();
            foreach (var nick in line[(tab + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!map.TryGetValue(nick, out var set)) map[nick] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(full);
            }
        }
        return map;
    });

    /// <summary>True when the two names are taken as one at <see cref="DefaultThreshold"/>.</summary>
    public static bool Same(string a, string b, bool person) => Score(a, b, person) >= DefaultThreshold;

    /// <summary>Similarity in [0, 1] of two person names (<paramref name="person"/> true) or organisation names.</summary>
    public static double Score(string a, string b, bool person)
    {
        // Names written in Chinese, Japanese or Korean characters are compared as written: one character apart (高石 / 高市)
        // is another name, whatever the transliteration makes of it.
        double cap = 1;
        if (HasCjk(a) && HasCjk(b) && !Squash(a).Equals(Squash(b), StringComparison.Ordinal)) cap = 0.7;
        var pa = PartsOf(a, person);
        var pb = PartsOf(b, person);
        if (pa.Count == 0 || pb.Count == 0) return 0;
        if (pa.SequenceEqual(pb)) return Math.Min(1, cap);
        // Letters typed in reverse ("nituP rimidalV").
        var ra = string.Join(' ', pa);
        var rb = string.Join(' ', pb);
        if (ra.Length > 3 && ra.Reverse().SequenceEqual(rb)) return 0.9;
        if (!person && AcronymOf(pa, pb) || !person && AcronymOf(pb, pa)) return Math.Min(0.88, cap);
        Reconcile(pa, pb);
        Reconcile(pb, pa);
        return Math.Min(cap, Aligned(pa, pb, person));
    }

    private static double Aligned(List<string> pa, List<string> pb, bool person)
    {
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
        bool conflict = false;
        foreach (var (sim, i, j) in pairs)
        {
            if (usedI[i] || usedJ[j] || sim < 0.75) continue;
            usedI[i] = usedJ[j] = true;
            alignedTo[i] = j;
            matched += sim * (Weight(small[i]) + Weight(big[j]));
            // Two full words that are alike but neither the same name, a short form, a transliteration nor a close
            // misspelling: "Tigran"/"Tiger", "Mahir"/"Mahathir", "Viktorovich"/"Borisovitch".
            if (sim < 1 && Conflicting(small[i], big[j], sim, given: person && i == 0 && small.Count > 1)) conflict = true;
        }
        double total = small.Sum(Weight) + big.Sum(Weight);
        // Unmatched parts of the longer name cost half for people (a missing middle name is common), in full for
        // organisations unless they are weak words ("Europe", "Holdings").
        double unmatchedBig = 0;
        bool extraOrgWord = false;
        for (int j = 0; j < big.Count; j++)
        {
            if (usedJ[j]) continue;
            unmatchedBig += Weight(big[j]);
            if (!person && big[j].Length > 1 && !WeakOrgWords.Contains(big[j]) && !IsCountryWord(big[j]) && !LegalPrefix(big[j])) extraOrgWord = true;
        }
        double score = matched / (total - unmatchedBig * 0.5);
        // Every part of the shorter name must find a partner.
        if (usedI.Any(u => !u)) score = Math.Min(score, 0.6);
        if (conflict) score = Math.Min(score, 0.75);
        // "Deutsche Bank" is not "Deutsche Bank Trust Company", "Bowne Solutions" not "Bowne Litigation Solutions".
        if (extraOrgWord) score = Math.Min(score, 0.78);
        // A lone name against a full one must be its surname: "Obama" is Barack Obama, "Michaela" is not Michelle Obama.
        if (person && small.Count == 1 && big.Count > 1 && alignedTo[0] != big.Count - 1) score = Math.Min(score, 0.7);
        if (person && small.Count > 1)
        {
            // A person's surname must agree closely: "Castro" is not "Castillo" even when the first names are equal.
            int last = small.Count - 1;
            bool variant = alignedTo[last] >= 0 && (Skeleton(small[last]) == Skeleton(big[alignedTo[last]]) || Typo(small[last], big[alignedTo[last]]));
            if (alignedTo[last] < 0 || small[last] != big[alignedTo[last]] && !variant) score = Math.Min(score * 0.9, 0.78);
            // Every part of the shorter name found, in order, in the longer one: the same person with more of the name
            // written ("Anjem Choudary" = "Anjem Iftikhar Choudary Mahmood").
            // At least half of the longer name must be found: two common names ("Muhammad al-Ahdal") in a name of five
            // parts are not enough.
            else if (!conflict && usedI.All(u => u) && InOrder(alignedTo) && small.Count >= 2 && 2 * Names(small) >= Names(big)) score = Math.Max(score, 0.86);
        }
        return Math.Clamp(score, 0, 1);
    }

    // A slip of the keyboard rather than another name: one edit (insert, delete, substitute, swap two letters), or two
    // ("Sechev"/"Sechin", "Mortars"/"Motors", "Rost"/"Troost"; not "Albano"/"Albanese", another surname made longer).
    internal static bool Typo(string x, string y)
    {
        int min = Math.Min(x.Length, y.Length);
        if (min < 3) return false;
        int d = Damerau(x, y, 2);
        if (d <= 1) return true;
        if (d > 2 || min < 4) return false;
        // Two edits: a longer word whose length changes by at most one, or letters added inside ("Rost"/"Troost"), but
        // not a name cut short or lengthened at its end ("Albano"/"Albanese").
        if (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)) return false;
        int common = 0;
        while (common < min && x[common] == y[common]) common++;
        return min >= 6 && Math.Abs(x.Length - y.Length) <= 1 || common < min - 2;
    }

    /// <summary>Optimal-string-alignment distance (edits and swaps of neighbours), stopped early above <paramref name="max"/>
    /// (then it returns max + 1).</summary>
    public static int Damerau(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }

    // A cut-off legal form at the end of a long name ("… Joint Stock Compan").
    private static bool LegalPrefix(string w) => w.Length >= 4 && LegalForms.Any(f => f.Length > w.Length && f.StartsWith(w, StringComparison.Ordinal));

    // Writes the parts of one name the way the other writes them: initials for names ("JC" = "Jean Claude") and names
    // run together ("Mohammadhasni" = "Mohammad Hasni") are split into the other's parts.
    private static void Reconcile(List<string> x, List<string> y)
    {
        for (int i = 0; i < x.Count; i++)
        {
            var p = x[i];
            if (p.Length < 2) continue;
            for (int j = 0; j + 1 < y.Count; j++)
            {
                // Initials: "jc" for two or three consecutive parts of the other name.
                if (p.Length <= 3 && j + p.Length <= y.Count && x.Count >= 2)
                {
                    bool initials = true;
                    for (int k = 0; k < p.Length && initials; k++) initials = y[j + k].Length > 1 && y[j + k][0] == p[k];
                    if (initials && !x.Contains(y[j]))
                    {
                        x.RemoveAt(i);
                        x.InsertRange(i, y.GetRange(j, p.Length));
                        break;
                    }
                }
                // Run together: "mohammadhasni" for "mohammad hasni".
                if (p.Length >= 6 && y[j].Length >= 3 && y[j + 1].Length >= 3 && p == y[j] + y[j + 1])
                {
                    x[i] = y[j];
                    x.Insert(i + 1, y[j + 1]);
                    break;
                }
            }
        }
    }

    // Parts that are names, not the particle "bin".
    private static int Names(List<string> parts) => parts.Count(p => p != "bin");

    private static bool InOrder(int[] alignedTo)
    {
        for (int k = 1; k < alignedTo.Length; k++) if (alignedTo[k] <= alignedTo[k - 1]) return false;
        return true;
    }

    private static bool Conflicting(string x, string y, double sim, bool given)
    {
        if (x.Length < 3 || y.Length < 3) return false;
        // "Ben" for "Benjamin": a given name cut short. A surname cut short ("Albano" for "Albanese") is another name.
        if (given && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal))) return false;
        if (Skeleton(x) == Skeleton(y) || Typo(x, y)) return false;
        if (IsNickname(x, y)) return false;
        return true;
    }

    /// <summary>A word reduced to what survives transliteration: j/g, y/i, w/u, q/k, c/k, z/s and digraphs folded,
    /// vowels after the first letter dropped, doubled letters single ("Jolani", "Julani", "Golani", "Jawlani" → "gln";
    /// "Mohammad", "Muhammad", "Mohammed" → "mhmd").</summary>
    internal static string Skeleton(string w)
    {
        var sb = new System.Text.StringBuilder(w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            if (c is 'k' or 'g' or 'd' or 't' or 's' or 'c' or 'p' && next == 'h') { sb.Append(c switch { 'k' => 'h', 'p' => 'f', 'c' => 's', _ => c }); i++; continue; }
            c = c switch { 'j' => 'g', 'y' => 'i', 'w' => 'u', 'q' => 'k', 'c' => 'k', 'z' => 's', 'v' => 'f', _ => c };
            bool vowel = c is 'a' or 'e' or 'i' or 'o' or 'u';
            if (vowel && sb.Length > 0) continue;
            if (sb.Length > 0 && sb[^1] == c) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // "PLA" for "People's Liberation Army" (what else the short name holds is a place or a weak word).
    private static bool AcronymOf(List<string> shortName, List<string> longName)
    {
        if (longName.Count < 2) return false;
        var initials = string.Concat(longName.Where(p => !WeakOrgWords.Contains(p)).Select(p => p[0]));
        if (initials.Length < 2) return false;
        bool found = false;
        foreach (var p in shortName)
        {
            if (p == initials) { found = true; continue; }
            if (!WeakOrgWords.Contains(p) && !IsCountryWord(p)) return false;
        }
        return found;
    }

    private static bool IsCountryWord(string w) => CountryTable.Default.TryFindKey(w, out _);

    private static bool HasCjk(string s)
    {
        foreach (var c in s)
            if (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF') return true;
        return false;
    }

    private static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)));

    private static double Weight(string p) => p.Length == 1 ? 0.5 : Math.Min(p.Length, 8);

    private static List<string> PartsOf(string name, bool person)
    {
        var k = person ? NameNormalizer.Keys(name) : NameNormalizer.KeysKeepTitles(name);
        var parts = k.Parts;
        if (!person) parts = DropLegalPhrases(parts);
        var list = new List<string>(parts.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            if (!person && LegalForms.Contains(p)) continue;
            // Numbers in words ("Three Percenters", "Brigade Fourty-four") as digits.
            if (NumberWords.TryGetValue(p, out var d))
            {
                if (d.Length == 2 && d[1] == '0' && i + 1 < parts.Length && NumberWords.TryGetValue(parts[i + 1], out var u) && u.Length == 1)
                { list.Add(d[0] + u); i++; continue; }
                list.Add(d);
                continue;
            }
            list.Add(Particle(DigitsToLetters(p), list.Count == 0));
        }
        if (list.Count == 0) foreach (var p in k.Parts) list.Add(p);
        return list;
    }

    private static string[] DropLegalPhrases(string[] parts)
    {
        foreach (var phrase in LegalPhrases)
            for (int i = 0; i + phrase.Length <= parts.Length; i++)
            {
                bool hit = true;
                for (int k = 0; k < phrase.Length && hit; k++) hit = parts[i + k] == phrase[k];
                if (hit) return DropLegalPhrases([.. parts[..i], .. parts[(i + phrase.Length)..]]);
            }
        return parts;
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
        double jw = JaroWinkler(x, y);
        // A short form ("Bill" for "William") or a transliteration of the same name ("Golani"/"Jawlani") is as good as a
        // close spelling.
        if (x.Length >= 3 && y.Length >= 3 && (IsNickname(x, y) || jw >= 0.65 && Skeleton(x) == Skeleton(y))) return Math.Max(jw, 0.95);
        return jw;
    }

    /// <summary>True when the first given names of two person names can be one name: the same, an initial of it, a
    /// short form ("Jon" / "Jonathan", "Bill" / "William") or a spelling ("Nathalie" / "Natalie": same first letter, Jaro-Winkler
    /// at least <see cref="GivenNameSpelling"/>). "Kim" / "Tim", "Evan" / "Kevin" are other names however alike the surnames.</summary>
    public static bool GivenNamesAgree(string a, string b)
    {
        var pa = NameNormalizer.Keys(a).Parts;
        var pb = NameNormalizer.Keys(b).Parts;
        if (pa.Length < 2 || pb.Length < 2) return true; // no given name to compare
        // Middle initials both names give that differ ("George W. Bush" / "George P. Bush") are two people.
        if (pa.Length == 3 && pb.Length == 3 && pa[0] == pb[0] && pa[2] == pb[2] && pa[1][0] != pb[1][0]) return false;
        string x = pa[0], y = pb[0];
        if (x == y) return true;
        if (x[0] != y[0]) return false;
        if (x.Length == 1 || y.Length == 1) return true;
        if (x.Length >= 3 && y.Length >= 3 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal) || IsNickname(x, y))) return true;
        return JaroWinkler(x, y) >= GivenNameSpelling;
    }

    /// <summary>Jaro-Winkler similarity from which two given names are spellings of one (<see cref="GivenNamesAgree"/>).</summary>
    public const double GivenNameSpelling = 0.88;

    /// <summary>True when the surnames (last parts) of two person names are spellings of one: the same, alike at
    /// <see cref="SurnameSpelling"/> or more ("Davis" / "Davies", "Yanukovich" / "Yanukovych"), or one transliteration
    /// ("Qaddafi" / "Qadhafi"). The whole-name score lets a surname differ more when the given names agree; a proposal to
    /// merge two people must not ("Ben Carson" / "Ben Cardin", "Alan Parker" / "Alan Pardew").</summary>
    public static bool SurnamesAlike(string a, string b)
    {
        var pa = PartsOf(a, person: true);
        var pb = PartsOf(b, person: true);
        if (pa.Count == 0 || pb.Count == 0) return false;
        return PartSimilarity(pa[^1], pb[^1]) >= SurnameSpelling;
    }

    /// <summary>Similarity of two surnames from which they are spellings of one (<see cref="SurnamesAlike"/>).</summary>
    public const double SurnameSpelling = 0.9;

    private static bool IsNickname(string x, string y) =>
        Nicknames.Value.TryGetValue(x, out var fx) && fx.Contains(y) || Nicknames.Value.TryGetValue(y, out var fy) && fy.Contains(x);

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
