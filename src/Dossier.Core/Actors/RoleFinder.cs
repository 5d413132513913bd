using System.Globalization;
using System.Text;
using Dossier.Documents;

namespace Dossier.Actors;

/// <summary>Finds roles of person actors in the text: "Russia's President Vladimir Putin", "X, the leader of Y".</summary>
/// <remarks>
/// Left pattern: [qualifier | country possessive | demonym | ORG/GPE name]* title-words PERSON.
/// Right pattern (apposition): PERSON , [the|a] [qualifier | possessive | demonym]* title-words [of|for Y].
/// The holder of the role is "Of": the actor named in the pattern, else (for offices of state) the one country the
/// sentence gives (countries named there, minus destinations like "visit Russia"), else the previous sentence's, else null.
/// Dates: a role stated as current starts on the publication date (the article supports that it was held then);
/// "former", "late", "ousted" close a role: End = the publication date (an upper bound: it ended on or before),
/// and no Start. Per-document object; not shared across threads.
/// </remarks>
internal sealed class RoleFinder(Document d, CountryTable countries)
{
    // Words that make up titles; a title needs at least one head word.
    private static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal)
    {
        "president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior", "finance", "economy", "justice",
        "deputy", "secretary", "general", "state", "king", "queen", "prince", "crown", "emir", "sultan", "chancellor", "premier",
        "senator", "governor", "mayor", "commander", "chief", "head", "leader", "spokesman", "spokeswoman", "spokesperson",
        "ambassador", "envoy", "chairman", "chairwoman", "chair", "director", "ceo", "supreme", "army", "military", "rebel",
        "opposition", "party", "speaker", "attorney", "ayatollah", "pope", "founder", "commander-in-chief", "co-founder",
        "vice-president", "secretary-general", "intelligence", "security", "national", "adviser", "advisor", "health", "trade",
    };
    private static readonly HashSet<string> HeadWords = new(StringComparer.Ordinal)
    {
        "president", "minister", "secretary", "king", "queen", "prince", "emir", "sultan", "chancellor", "premier", "senator",
        "governor", "mayor", "commander", "chief", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "envoy", "chairman", "chairwoman", "chair", "director", "ceo", "speaker", "ayatollah", "pope", "founder", "adviser",
        "advisor", "commander-in-chief", "co-founder", "vice-president", "secretary-general", "general",
    };
    // Offices that belong to a state, so the context country may stand in for a missing "of".
    private static readonly HashSet<string> StateOffices = new(StringComparer.Ordinal)
    { "president", "minister", "secretary", "king", "queen", "prince", "emir", "sultan", "chancellor", "premier", "ambassador", "vice-president" };

    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "former", "self-declared", "self-proclaimed", "interim", "acting", "ousted", "deposed", "late", "outgoing", "incoming",
        "new", "exiled", "toppled", "then", "ex", "transitional", "de", "facto", "elected", "newly", "current", "longtime", "long-time",
        "shadow",
    };
    private static readonly HashSet<string> Closing = new(StringComparer.Ordinal) { "former", "ousted", "deposed", "late", "toppled", "ex", "then" };
    private static readonly HashSet<string> Destinations = new(StringComparer.Ordinal) { "visit", "visiting", "visited", "to", "into", "toward", "towards" };

    /// <summary>Adds roles to the document's person actors.</summary>
    public void Assign()
    {
        for (int i = 0; i < d.Entities.Count; i++)
        {
            var e = d.Entities[i];
            if (e.Type != EntityType.PERSON || e.Actor < 0 || d.Actors[e.Actor].Type != EntityType.PERSON) continue;
            Left(i);
            Right(i);
        }
    }

    // ---- left: "[Russia's] [former] President Vladimir Putin"
    private void Left(int i)
    {
        var e = d.Entities[i];
        int first = TextContext.TokenFrom(d, e.Start);
        int nameStart = first;
        // Titles the NER put inside the entity ("President Vladimir Putin").
        while (nameStart < d.Tokens.Length && d.Tokens[nameStart].End < e.End && IsTitleToken(nameStart)) nameStart++;
        int t = nameStart - 1;
        // "Russia's president, Vladimir Putin, said": a comma between the title and the name — when the name is closed off
        // as an apposition; "… as US President, Tony Blair has said" is a title of someone else before a new clause.
        if (t > 0 && nameStart == first && TextContext.Is(d, t, ",") && IsTitleToken(t - 1))
        {
            int after = TextContext.TokenFrom(d, e.End);
            bool closed = after >= d.Tokens.Length || !TextContext.SameSentence(d, d.Tokens[after].Start, e.End - 1)
                || d.TokenText(after) is "," or ")" or ";" or "." or "-" or "–" or "—";
            if (!closed) return;
            t--;
        }
        int titleEnd = t;
        // "of" inside a title ("Secretary of State") is fine when title words stand on both sides; a leading one is not.
        while (t >= 0 && (IsTitleToken(t) || TextContext.Is(d, t, "of") && t > 0 && IsTitleToken(t - 1) && t < titleEnd)) t--;
        int titleStart = t + 1;
        if (titleStart > titleEnd || !HasHead(titleStart, titleEnd)) return;
        var (qual, of, ofWhy, start) = Modifiers(t, titleStart);
        string title = TitleCase(titleStart, titleEnd);
        Add(e.Actor, title, of, ofWhy, qual, Math.Min(d.Tokens[start].Start, e.Start), e.End, titleStart, titleEnd);
    }

    // ---- right: "Vladimir Putin, the [former] leader of Russia"
    private void Right(int i)
    {
        var e = d.Entities[i];
        int t = TextContext.TokenFrom(d, e.End);
        if (TextContext.IsPossessive(d, t)) return;
        if (!TextContext.Is(d, t, ",")) return;
        t++;
        if (TextContext.Is(d, t, "the") || TextContext.Is(d, t, "a") || TextContext.Is(d, t, "an")) t++;
        string? qual = null;
        string? of = null, ofWhy = null;
        int guard = 0;
        while (t < d.Tokens.Length && guard++ < 6)
        {
            if (TextContext.IsAny(d, t, Qualifiers)) { qual = qual == null ? TextContext.Lower(d, t) : qual + " " + TextContext.Lower(d, t); t++; continue; }
            int ent = EntityStartingAt(d.Tokens[t].Start);
            if (ent >= 0 && d.Entities[ent].Type != EntityType.PERSON)
            {
                var (o, w) = OfEntity(ent);
                int after = TextContext.TokenFrom(d, d.Entities[ent].End);
                if (TextContext.IsPossessive(d, after)) after++;
                if (o == null || !IsTitleToken(after) && !TextContext.IsAny(d, after, Qualifiers)) return;
                of = o; ofWhy = w; t = after; continue;
            }
            if (IsDemonym(t, out var dem)) { of = dem; ofWhy = "demonym"; t++; continue; }
            break;
        }
        int titleStart = t;
        while (t < d.Tokens.Length && IsTitleToken(t) && !(TextContext.Is(d, t, "of") || TextContext.Is(d, t, "for"))) t++;
        int titleEnd = t - 1;
        if (titleEnd < titleStart || !HasHead(titleStart, titleEnd)) return;
        int end = d.Tokens[titleEnd].End;
        if (of == null && (TextContext.Is(d, t, "of") || TextContext.Is(d, t, "for")))
        {
            int ent = EntityStartingAt(t + 1 < d.Tokens.Length ? d.Tokens[t + 1].Start : -1);
            if (ent < 0 && TextContext.Is(d, t + 1, "the") && t + 2 < d.Tokens.Length) ent = EntityStartingAt(d.Tokens[t + 2].Start);
            if (ent >= 0) { (of, ofWhy) = OfEntity(ent); end = d.Entities[ent].End; }
        }
        // An apposition ends there ("X, the prime minister, said", "… the prime minister."); a verb after the title makes
        // it the subject of the next clause ("Echoing Condoleezza Rice, the prime minister said …"), not X's role.
        int next = TextContext.TokenFrom(d, end);
        if (next < d.Tokens.Length && TextContext.SameSentence(d, d.Tokens[next].Start, end - 1))
        {
            var w = d.TokenText(next);
            bool closes = w.Length == 1 && char.IsPunctuation(w[0]) || TextContext.Is(d, next, "who") || TextContext.Is(d, next, "and")
                || TextContext.Is(d, next, "since") || TextContext.Is(d, next, "until") || TextContext.Is(d, next, "in") || TextContext.Is(d, next, "at");
            if (!closes) return;
        }
        Add(e.Actor, TitleCase(titleStart, titleEnd), of, ofWhy, qual, e.Start, end, titleStart, titleEnd);
    }

    // Scans left from token t over qualifiers, demonyms, possessive names and ORG/GPE names; returns what it found.
    private (string? Qual, string? Of, string? OfWhy, int Start) Modifiers(int t, int titleStart)
    {
        string? qual = null, of = null, ofWhy = null;
        int start = titleStart;
        int guard = 0;
        while (t >= 0 && guard++ < 6)
        {
            if (TextContext.IsAny(d, t, Qualifiers))
            {
                string q = TextContext.Lower(d, t);
                qual = qual == null ? q : q + " " + qual;
                start = t; t--; continue;
            }
            if (of == null && IsDemonym(t, out var dem)) { of = dem; ofWhy = "demonym"; start = t; t--; continue; }
            int pos = t;
            if (TextContext.IsPossessive(d, t)) pos = t - 1;
            if (of == null && pos >= 0)
            {
                int ent = EntityEndingAt(d.Tokens[pos].End);
                if (ent >= 0 && d.Entities[ent].Type != EntityType.PERSON)
                {
                    var (o, w) = OfEntity(ent);
                    if (o != null)
                    {
                        of = o; ofWhy = w;
                        t = TextContext.TokenFrom(d, d.Entities[ent].Start);
                        start = t; t--; continue;
                    }
                }
            }
            break;
        }
        return (qual, of, ofWhy, start);
    }

    private void Add(int actor, string title, string? of, string? ofWhy, string? qual, int evStart, int evEnd, int titleStart, int titleEnd)
    {
        var a = d.Actors[actor];
        if (of == null && IsStateOffice(titleStart, titleEnd) && ContextCountry(evStart, actor) is { } cc) { of = cc; ofWhy = "context"; }
        if (a.Roles.Any(r => r.Title == title && r.Of == of)) return;
        bool closed = qual != null && qual.Split(' ').Any(Closing.Contains);
        string? pub = d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        a.Roles.Add(new Role(title, of, qual, closed ? null : pub, closed ? pub : null) { EvidenceStart = evStart, EvidenceEnd = evEnd });
        a.Evidence.Add($"role: {(qual != null ? qual + " " : "")}{title}{(of != null ? " of " + of : "")}" +
                       (ofWhy == "context" ? " (country from context)" : "") + $" from \"{Squeeze(d.Slice(evStart, evEnd))}\"");
    }

    private bool IsStateOffice(int s, int e)
    {
        for (int t = s; t <= e; t++) if (TextContext.IsAny(d, t, StateOffices)) return true;
        return false;
    }

    // The one country the sentence (else the previous sentence) names, leaving out destinations ("to visit Russia").
    private string? ContextCountry(int offset, int self)
    {
        int s = d.SentenceAt(offset);
        if (s < 0) return null;
        var set = CountriesIn(s, excludeDestinations: true);
        if (set.Count == 0 && s > 0)
        {
            set = CountriesIn(s - 1, excludeDestinations: false);
            // People with a stated office in the previous sentence lend it their country.
            foreach (var e in d.Entities)
                if (e.Actor >= 0 && e.Actor != self && e.Start >= d.Sentences[s - 1].Start && e.End <= d.Sentences[s - 1].End)
                    foreach (var r in d.Actors[e.Actor].Roles) if (r.Of != null && IsCountryName(r.Of)) set.Add(r.Of);
        }
        return set.Count == 1 ? set.First() : null;
    }

    private bool IsCountryName(string name) => countries.TryFind(name, out var h) && h.Kind == CountryNameKind.Name;

    private HashSet<string> CountriesIn(int s, bool excludeDestinations)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var sen = d.Sentences[s];
        foreach (var e in d.Entities)
        {
            if (e.Start < sen.Start || e.End > sen.End) continue;
            int prev = TextContext.TokenBefore(d, e.Start);
            if (excludeDestinations && TextContext.IsAny(d, prev, Destinations)) continue;
            // "the Pakistani president met Prime Minister Tony Blair": a country that qualifies another title is that
            // title's, not context for this one.
            int next = TextContext.TokenFrom(d, e.End);
            if (TextContext.IsPossessive(d, next)) next++;
            while (next < d.Tokens.Length && TextContext.IsAny(d, next, Qualifiers)) next++;
            if (next < d.Tokens.Length && IsTitleToken(next) && TextContext.SameSentence(d, d.Tokens[next].Start, e.End - 1)) continue;
            if (e.Actor >= 0 && d.Actors[e.Actor].Codes.ContainsKey("iso3") && d.Actors[e.Actor].Type == EntityType.GPE) { set.Add(d.Actors[e.Actor].Name); continue; }
            if (e.Type == EntityType.NORP && countries.TryFind(d.Span(e.Start, e.End), out var h) && h.Kind == CountryNameKind.Demonym)
                set.Add(CountryActorName(h.Country));
        }
        return set;
    }

    private (string? Of, string? Why) OfEntity(int ent)
    {
        var e = d.Entities[ent];
        if (e.Actor >= 0)
        {
            var a = d.Actors[e.Actor];
            if (a.Type is EntityType.PERSON) return (null, null);
            return (a.Name, "name");
        }
        if (countries.TryFind(d.Span(e.Start, e.End), out var h)) return (CountryActorName(h.Country), "name");
        return (null, null);
    }

    private bool IsDemonym(int t, out string? country)
    {
        country = null;
        if (t < 0 || t >= d.Tokens.Length || !d.Tokens[t].Has(TokenFlags.Title) && !d.Tokens[t].Has(TokenFlags.Upper)) return false;
        if (!countries.TryFind(d.TokenText(t), out var h) || h.Kind != CountryNameKind.Demonym) return false;
        country = CountryActorName(h.Country);
        return true;
    }

    // The document's actor for a country when there is one, else the gazetteer name.
    private string CountryActorName(Country c)
    {
        foreach (var a in d.Actors) if (a.Codes.TryGetValue("iso3", out var iso) && iso == c.Iso3) return a.Name;
        return c.Name;
    }

    private bool IsTitleToken(int t) => TextContext.IsAny(d, t, TitleWords);

    private bool HasHead(int s, int e)
    {
        for (int t = s; t <= e; t++) if (TextContext.IsAny(d, t, HeadWords)) return true;
        return false;
    }

    private string TitleCase(int s, int e)
    {
        var sb = new StringBuilder();
        for (int t = s; t <= e; t++)
        {
            if (sb.Length > 0) sb.Append(' ');
            string w = TextContext.Lower(d, t);
            if (w is "of" or "for" or "and") { sb.Append(w); continue; }
            bool up = true;
            foreach (var c in w)
            {
                sb.Append(up ? char.ToUpperInvariant(c) : c);
                up = c == '-';
            }
        }
        return sb.ToString();
    }

    private Dictionary<int, int>? _byEnd, _byStart;

    // Entity index by end or start offset, built once per document (the first entity wins).
    private int EntityEndingAt(int end)
    {
        if (_byEnd == null) { _byEnd = new(); for (int k = 0; k < d.Entities.Count; k++) _byEnd.TryAdd(d.Entities[k].End, k); }
        return _byEnd.GetValueOrDefault(end, -1);
    }

    private int EntityStartingAt(int start)
    {
        if (start < 0) return -1;
        if (_byStart == null) { _byStart = new(); for (int k = 0; k < d.Entities.Count; k++) _byStart.TryAdd(d.Entities[k].Start, k); }
        return _byStart.GetValueOrDefault(start, -1);
    }

    private static string Squeeze(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        return sb.ToString().Trim();
    }
}
