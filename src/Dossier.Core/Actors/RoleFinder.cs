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
internal sealed class RoleFinder(Document d, CountryTable countries, ActorDictionary dict)
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

    // Occupations a demonym before them describes the person's nationality, not a country's office ("British director
    // Mike Leigh" holds no post of the United Kingdom; "British ambassador" does).
    private static readonly HashSet<string> NationalityOnly = new(StringComparer.Ordinal)
    {
        "director", "actor", "actress", "singer", "songwriter", "writer", "author", "novelist", "poet", "playwright", "artist",
        "painter", "sculptor", "designer", "composer", "conductor", "pianist", "guitarist", "drummer", "rapper", "comedian",
        "presenter", "host", "star", "model", "player", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger",
        "forward", "coach", "manager", "runner", "sprinter", "athlete", "swimmer", "cyclist", "boxer", "golfer", "jockey",
        "champion", "photographer", "filmmaker", "film-maker", "producer", "chef", "businessman", "businesswoman", "tycoon",
        "magnate", "billionaire", "entrepreneur", "economist", "analyst", "scientist", "researcher", "professor", "academic",
        "historian", "journalist", "reporter", "correspondent", "columnist", "broadcaster", "lawyer", "architect", "explorer",
        "climber", "skier", "skater", "hurdler", "batsman", "bowler", "captain", "veteran", "legend",
    };

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
            TitleOfBefore(i);
            Right(i);
            Copula(i);
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
        int nameEnd = TextContext.TokenBefore(d, e.End) + 1;
        bool comma = false;
        // "Russia's president, Vladimir Putin, said": a comma between the title and the name — when the name is closed off
        // as an apposition; "… as US President, Tony Blair has said" is a title of someone else before a new clause.
        if (t > 0 && nameStart == first && TextContext.Is(d, t, ",") && IsTitleToken(t - 1))
        {
            int after = TextContext.TokenFrom(d, e.End);
            bool closed = after >= d.Tokens.Length || !TextContext.SameSentence(d, d.Tokens[after].Start, e.End - 1)
                || d.TokenText(after) is "," or ")" or ";" or "." or "-" or "–" or "—";
            if (!closed) return;
            comma = true;
            t--;
        }
        int titleEnd = t;
        // "of" inside a title ("Secretary of State") is fine when title words stand on both sides; a leading one is not.
        while (t >= 0 && (IsTitleToken(t) || TextContext.Is(d, t, "of") && t > 0 && IsTitleToken(t - 1) && t < titleEnd)) t--;
        int titleStart = t + 1;
        if (titleStart > titleEnd || !HasHead(titleStart, titleEnd)) return;
        // The portfolio before a head title belongs to it: "Culture Secretary", "shadow home secretary", "Constitutional
        // Affairs Minister" (not "Secretary" alone); "ex-finance chief" is a former finance chief.
        string? exPortfolio = null;
        bool ex = false;
        if (!comma)
        {
            int p = Portfolio(titleStart, nameStart, out ex, out exPortfolio);
            if (p < titleStart) { titleStart = p; t = p - 1; }
        }
        else
        {
            // Across a comma only a portfolio its article opens: "The Higher Education Minister, Kim Howells, said".
            int p = Portfolio(titleStart, nameStart, out bool exc, out _);
            if (p < titleStart && !exc && p > 0 && d.TokenText(p - 1) is "The" or "the") { titleStart = p; t = p - 1; }
        }
        // Across a comma the title and the name are two phrases: the parse must make one the apposition of the other.
        // "the Prime Minister, Tony Blair, decides" is often misparsed (the name as a compound or a clause); a title with
        // its article, closed off on both sides, counts too unless the parse or the words make the two members of a list.
        if (comma && !ParseAppos(nameStart, nameEnd, titleStart, titleEnd) && !ClosedTitleBeforeName(nameStart, nameEnd, titleStart, titleEnd)) return;
        var (qual, of, ofWhy, start, ofTok, ofStart, ofEnd) = Modifiers(t, titleStart);
        // "ex-Downing Street media chief": the prefix sits on the organisation's first word.
        bool exBefore = !ex && start > 0 && (d.TokenText(start - 1).StartsWith("ex-", StringComparison.OrdinalIgnoreCase) || d.TokenText(start).StartsWith("ex-", StringComparison.OrdinalIgnoreCase));
        if (ex || exBefore) qual = qual == null ? "ex" : "ex " + qual;
        // "head of the budget office under President Clinton": an office stated about another time.
        if (start > 0 && TextContext.Is(d, start - 1, "under") && IsStateOffice(titleStart, titleEnd)) qual = qual == null ? "then" : qual + " then";
        // The country or organisation must belong to the title's phrase in the parse, not merely stand before it: it
        // attaches to a word after it up to the name, or such a word attaches to it (a qualifier counts: in "Syria's
        // self-declared President Ahmad al-Sharaa" the participle is often parsed as the head, or as a clause of "Syria").
        int phraseEnd = comma ? titleEnd + 1 : nameEnd;
        if (of != null && !AttachesTo(ofTok, ofEnd, phraseEnd) && !PhraseAttachesTo(ofEnd, phraseEnd, ofStart, ofEnd))
            (of, ofWhy) = (null, null);
        if (of == null && d.Syntax != null && FurtherLeft(start, titleStart, phraseEnd) is ({ } o, var w, var from)) (of, ofWhy, start) = (o, w, from);
        string title = TitleCase(titleStart, titleEnd);
        if (ex) title = (exPortfolio != null ? TitleCase(exPortfolio) + " " : "") + TitleCase(titleStart + 1, titleEnd);
        Add(e.Actor, title, of, ofWhy, qual, Math.Min(d.Tokens[start].Start, e.Start), e.End, titleStart, titleEnd, contextCountry: true);
    }

    // ---- "the Foreign Minister of Kenya, Daniel Otieno Mwangi," / "the Executive Secretary of the Intergovernmental
    // Authority on Development (IGAD), Hawa Abdi Farah.": a title phrase opened by "the", its "of" an organisation or a
    // country the NER found (an acronym in brackets may follow it), then a comma and the name, closed off by punctuation.
    // The "of" is the one the phrase names, never a word nearby.
    private void TitleOfBefore(int i)
    {
        var e = d.Entities[i];
        int first = TextContext.TokenFrom(d, e.Start);
        int nameEnd = TextContext.TokenBefore(d, e.End) + 1;
        if (first < 6 || !TextContext.Is(d, first - 1, ",")) return;
        // A person's name has no "and", "of" or "for" ("Culture, Media and Sport" is the rest of a portfolio).
        for (int z = first; z < nameEnd; z++) if (d.TokenText(z) is "and" or "of" or "for" or "&") return;
        if (nameEnd < d.Tokens.Length && TextContext.SameSentence(d, d.Tokens[nameEnd].Start, e.End - 1)
            && d.TokenText(nameEnd) is not ("," or ")" or ";" or "." or "-" or "–" or "—")) return;
        int k = first - 2;
        // "(IGAD)" between the organisation and the comma.
        if (k >= 3 && TextContext.Is(d, k, ")") && TextContext.Is(d, k - 2, "(")) k -= 3;
        int ent = EntityEndingAt(d.Tokens[k].End);
        if (ent < 0 || d.Entities[ent].Type is not (EntityType.ORG or EntityType.GPE)) return;
        var (of, ofWhy) = OfEntity(ent);
        if (of == null) return;
        int entFirst = TextContext.TokenFrom(d, d.Entities[ent].Start);
        int t = entFirst - 1;
        if (t >= 0 && TextContext.Is(d, t, "the")) t--;
        if (t < 2 || !TextContext.Is(d, t, "of")) return;
        int titleEnd = t - 1;
        t = titleEnd;
        while (t >= 0 && IsTitleToken(t)) t--;
        int titleStart = t + 1;
        if (titleStart > titleEnd || !HasHead(titleStart, titleEnd)) return;
        // Portfolio words written with capitals before the title ("the Foreign Minister", "the Executive Secretary"), no entity.
        while (t >= 0 && titleEnd - t < 4 && d.Tokens[t].Has(TokenFlags.Title) && EntityCovering(d.Tokens[t].Start) < 0
               && !TextContext.Is(d, t, "The")) t--;
        titleStart = t + 1;
        if (t < 0 || !(TextContext.Is(d, t, "the") || TextContext.Is(d, t, "The"))) return;
        // No other comma inside the phrase: "the Minister of Finance, Planning and Development" is a list of portfolios.
        for (int z = titleStart; z < first - 1; z++) if (TextContext.Is(d, z, ",")) return;
        Add(e.Actor, TitleCase(titleStart, titleEnd), of, ofWhy, null, d.Tokens[t].Start, e.End, titleStart, titleEnd, contextCountry: false);
    }

    /// <summary>Most words a portfolio may add before a head title ("Constitutional Affairs").</summary>
    private const int MaxPortfolioWords = 3;

    // The first token of the portfolio words before a title that starts at titleStart: words the parse attaches into the
    // title or the name as compounds or modifiers, that are no entity (a country or an organisation is the title's "of"),
    // no qualifier ("former", "shadow", "new") and no demonym. An "ex-" word ("ex-finance") ends the portfolio and hands
    // back its word without the prefix.
    private int Portfolio(int titleStart, int nameStart, out bool ex, out string? exWord)
    {
        ex = false;
        exWord = null;
        if (d.Syntax is not { } syn) return titleStart;
        int p = titleStart;
        for (int k = titleStart - 1; k >= 0 && titleStart - k <= MaxPortfolioWords; k--)
        {
            var w = d.TokenText(k);
            if (w.Length < 3 || !char.IsLetter(w[0]) || d.Tokens[k].Kind != TokenKind.Word) break;
            var lex = Dossier.Extraction.Entities.NerLexicon.Instance;
            // "ex-finance chief", "ex-Tory education secretary": the prefix makes it a former office, whatever the parse says.
            if (w.StartsWith("ex-", StringComparison.OrdinalIgnoreCase) && w.Length > 4)
            {
                // "ex-Tory education secretary": the party is no portfolio.
                var rest = w[3..];
                ex = true;
                exWord = lex.Is(rest, Dossier.Extraction.Entities.Cue.PartyWord) || lex.TryKnown(rest, out _) ? null : rest.ToString();
                p = k;
                break;
            }
            if (TextContext.IsAny(d, k, Qualifiers) || IsDemonym(k, out _)) break;
            if (EntityCovering(d.Tokens[k].Start) >= 0) break;
            // A party or a group ("Tory leader", "Labour minister") is the title's "of", not its portfolio.
            if (lex.TryKnown(w, out _) || lex.TryPlace(w, out var g) && g.Type == EntityType.NORP || lex.Is(w, Dossier.Extraction.Entities.Cue.PartyWord)) break;
            // A portfolio is a common noun or adjective ("Culture", "Home", "Constitutional Affairs"), written in lower case
            // too; a name no entity covers ("Worldcom chief", "Wolves chairman") and a weekday ("on Wednesday Prime
            // Minister …") are not.
            bool lower = char.IsLower(w[0]);
            if (!lower && !(lex.TryStat(w, out var ws) && ws.LowerMid > 0 && !ws.IsTimeWord)) break;
            // A sentence's first word is capitalised whatever it is: "Road safety head Andrew Howard", "Local government
            // spokesman Ed Davey", "Finance minister Ralph Goodale" keep their first portfolio word when the word after it
            // is lower case.
            // Not a word the article also writes capitalised inside a sentence: a name ("Open chief Paul McNamee" after "the
            // Australian Open", "Wolves chairman Rick Hayward").
            if (!lower && d.Tokens[k].Has(TokenFlags.SentenceStart) && char.IsLower(d.TokenText(k + 1)[0]) && !CapitalisedInside(w)) lower = true;
            // Written like the title it belongs to: "Culture Secretary", "shadow home secretary"; not "his political rival
            // Chancellor Gordon Brown".
            if (lower != char.IsLower(d.TokenText(titleStart)[0])) break;
            // (The parse is not asked how the word attaches: titles before names are where it errs most, "Home" of "Home
            // Secretary Charles Clarke" read as a subject.)
            if (syn.Tags[k] is not (Upos.NOUN or Upos.PROPN or Upos.ADJ)) break;
            p = k;
            // "Trade and Industry Secretary": an "and" between two portfolio words.
            if (k >= 2 && d.TokenText(k - 1) is "and" or "&" && titleStart - (k - 2) <= MaxPortfolioWords + 1 && char.IsUpper(d.TokenText(k - 2)[0]) == !lower
                && lex.TryStat(d.TokenText(k - 2), out var ps) && ps.LowerMid > 0 && !ps.IsTimeWord && EntityCovering(d.Tokens[k - 2].Start) < 0
                && !lex.Is(d.TokenText(k - 2), Dossier.Extraction.Entities.Cue.PartyWord))
            {
                p = k - 2;
                break;
            }
        }
        return p;
    }

    // True when the word stands capitalised somewhere in the article other than at a sentence's start.
    private bool CapitalisedInside(ReadOnlySpan<char> word)
    {
        for (int k = 0; k < d.Tokens.Length; k++)
            if (!d.Tokens[k].Has(TokenFlags.SentenceStart) && d.TokenText(k).SequenceEqual(word)) return true;
        return false;
    }

    // The entity covering this offset, or -1 (entities are sorted by start and do not overlap: a binary search).
    private int EntityCovering(int offset)
    {
        int lo = 0, hi = d.Entities.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (d.Entities[mid].Start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found >= 0 && offset < d.Entities[found].End ? found : -1;
    }

    private static string TitleCase(string w)
    {
        var sb = new StringBuilder(w.Length);
        bool up = true;
        foreach (var c in w) { sb.Append(up ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)); up = c == '-'; }
        return sb.ToString();
    }

    // "Israeli industry minister Ehud Olmert", "Irish Transport Minister Martin Cullen": a demonym or a country further left
    // than the title words, in the same noun phrase by the parse (each word between attaches into the phrase).
    private (string? Of, string? Why, int Start) FurtherLeft(int start, int titleStart, int phraseEnd)
    {
        for (int x = start - 1; x >= 0 && x >= start - 3; x--)
        {
            if (d.TokenText(x) is { Length: 1 } p && !char.IsLetterOrDigit(p[0])) break;
            // "Swiss Re's spokesman": a possessor's title is of the possessor, not of a demonym inside its name.
            if (TextContext.IsPossessive(d, x)) break;
            if (!TextContext.SameSentence(d, d.Tokens[x].Start, d.Tokens[titleStart].Start) || !AttachesTo(x, x + 1, phraseEnd)) break;
            if (IsDemonym(x, out var dem)) return (dem, "demonym", x);
            int ent = EntityEndingAt(d.Tokens[x].End);
            if (ent >= 0 && d.Entities[ent].Type != EntityType.PERSON && OfEntity(ent) is ({ } o, var w))
                return (o, w, TextContext.TokenFrom(d, d.Entities[ent].Start));
        }
        return (null, null, start);
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
        int ofTok = -1;
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
                of = o; ofWhy = w; ofTok = EntityHead(ent); t = after; continue;
            }
            if (IsDemonym(t, out var dem)) { of = dem; ofWhy = "demonym"; ofTok = t; t++; continue; }
            break;
        }
        int titleStart = t;
        while (t < d.Tokens.Length && IsTitleToken(t) && !(TextContext.Is(d, t, "of") || TextContext.Is(d, t, "for"))) t++;
        int titleEnd = t - 1;
        if (titleEnd < titleStart || !HasHead(titleStart, titleEnd)) return;
        // Appositions are the parser's weakest relation, and a comma after a name opens lists and clauses as often as an
        // apposition ("Joe Biden, the president, …" vs "met Joe Biden, the president's rival, …"): the title counts only
        // when the parse makes it the name's apposition.
        int nameFirst = TextContext.TokenFrom(d, e.Start), nameEnd = TextContext.TokenBefore(d, e.End) + 1;
        if (!ParseAppos(nameFirst, nameEnd, titleStart, titleEnd)) return;
        int end = d.Tokens[titleEnd].End;
        if (of == null && (TextContext.Is(d, t, "of") || TextContext.Is(d, t, "for")))
        {
            int ent = EntityStartingAt(t + 1 < d.Tokens.Length ? d.Tokens[t + 1].Start : -1);
            if (ent < 0 && TextContext.Is(d, t + 1, "the") && t + 2 < d.Tokens.Length) ent = EntityStartingAt(d.Tokens[t + 2].Start);
            if (ent >= 0) { (of, ofWhy) = OfEntity(ent); end = d.Entities[ent].End; ofTok = EntityHead(ent); }
        }
        if (of != null && !AttachesTo(ofTok, titleStart, titleEnd + 1)) { (of, ofWhy) = (null, null); end = d.Tokens[titleEnd].End; }
        // An apposition ends there ("X, the prime minister, said", "… the prime minister."); a verb after the title makes
        // it the subject of the next clause ("Echoing Condoleezza Rice, the prime minister said …"), not X's role.
        int next = TextContext.TokenFrom(d, end);
        if (next < d.Tokens.Length && TextContext.SameSentence(d, d.Tokens[next].Start, end - 1))
        {
            var w = d.TokenText(next);
            bool closes = w.Length == 1 && char.IsPunctuation(w[0]) || TextContext.Is(d, next, "who") || TextContext.Is(d, next, "and")
                || TextContext.Is(d, next, "since") || TextContext.Is(d, next, "until") || TextContext.Is(d, next, "in") || TextContext.Is(d, next, "at");
            if (!closes) return;
            if (FrontedThenVerb(nameFirst, next)) return;
        }
        Add(e.Actor, TitleCase(titleStart, titleEnd), of, ofWhy, qual, e.Start, end, titleStart, titleEnd, contextCountry: false);
    }

    // "After meeting Jacques Chirac, the president, who had flown in, said …": a name inside a fronted clause (the sentence
    // opens with a subordinator, a preposition or a participle, and no comma comes before the name) is closed off by the
    // comma after it; the title that follows is the main clause's subject when a verb comes next, past a comma-enclosed
    // relative clause. The parser often reads this as an apposition.
    private bool FrontedThenVerb(int nameFirst, int next)
    {
        if (d.Syntax is not { } syn) return false;
        var sent = d.Sentences[d.SentenceAt(d.Tokens[nameFirst].Start)];
        int f = sent.FirstToken;
        if (f >= nameFirst) return false;
        bool fronted = syn.Tags[f] is Upos.SCONJ or Upos.ADP || syn.Tags[f] == Upos.VERB && d.TokenText(f).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        if (!fronted) return false;
        for (int k = f; k < nameFirst; k++) if (TextContext.Is(d, k, ",")) return false;
        int v = next;
        if (TextContext.Is(d, v, ",") && (TextContext.Is(d, v + 1, "who") || TextContext.Is(d, v + 1, "which")))
        {
            v += 2;
            while (v < sent.TokenEnd && !TextContext.Is(d, v, ",")) v++;
            v++;
        }
        else if (TextContext.Is(d, v, "who") || TextContext.Is(d, v, "which")) return false;
        while (v < sent.TokenEnd && syn.Tags[v] == Upos.ADV) v++;
        return v < sent.TokenEnd && syn.Tags[v] is Upos.VERB or Upos.AUX;
    }

    // ---- copula: "Keir Starmer is the prime minister of the United Kingdom"
    private void Copula(int i)
    {
        if (d.Syntax is not { } syn) return;
        var e = d.Entities[i];
        int nameFirst = TextContext.TokenFrom(d, e.Start), nameEnd = TextContext.TokenBefore(d, e.End) + 1;
        if (nameEnd <= nameFirst) return;
        int nh = syn.SpanHead(nameFirst, nameEnd);
        int th = syn.Heads[nh];
        if (syn.Relations[nh] != "nsubj" || th <= nh || syn.Tags[th] != Upos.NOUN || !IsTitleToken(th)) return;
        int cop = -1;
        var sent = d.Sentences[d.SentenceAt(d.Tokens[th].Start)];
        for (int k = sent.FirstToken; k < th; k++)
            if (syn.Heads[k] == th && syn.Relations[k] == "cop") cop = k;
        // The copula stands between the name and the title, with nothing but a determiner and title words after it.
        if (cop < nameEnd) return;
        int titleStart = th;
        while (titleStart - 1 > cop && IsTitleToken(titleStart - 1)) titleStart--;
        int t = titleStart - 1;
        string? qual = null, of = null, ofWhy = null;
        while (t > cop && TextContext.IsAny(d, t, Qualifiers)) { qual = qual == null ? TextContext.Lower(d, t) : TextContext.Lower(d, t) + " " + qual; t--; }
        int ofFrom = t;
        // Britain's, British: a possessive country or demonym inside the phrase.
        if (t > cop && IsDemonym(t, out var dem) && syn.Heads[t] == th) { of = dem; ofWhy = "demonym"; t--; }
        else if (t > cop && TextContext.IsPossessive(d, t) && EntityEndingAt(d.Tokens[t - 1].End) is var pe and >= 0
                 && d.Entities[pe].Type != EntityType.PERSON && AttachesTo(EntityHead(pe), th, th + 1, 1))
        {
            (of, ofWhy) = OfEntity(pe);
            t = TextContext.TokenFrom(d, d.Entities[pe].Start) - 1;
        }
        while (t > cop && (TextContext.Is(d, t, "the") || TextContext.Is(d, t, "a") || TextContext.Is(d, t, "an"))) t--;
        if (t != cop || !HasHead(titleStart, th)) return;
        int end = d.Tokens[th].End;
        // "of France", "of the United Kingdom": an "of" phrase of the title itself.
        if (of == null && (TextContext.Is(d, th + 1, "of") || TextContext.Is(d, th + 1, "for")))
        {
            int k = th + 2;
            if (TextContext.Is(d, k, "the")) k++;
            int ent = k < d.Tokens.Length ? EntityStartingAt(d.Tokens[k].Start) : -1;
            if (ent >= 0 && AttachesTo(EntityHead(ent), th, th + 1, 1)) { (of, ofWhy) = OfEntity(ent); if (of != null) end = d.Entities[ent].End; }
        }
        // "was" states a past role: no dates rather than the publication day.
        bool past = TextContext.Is(d, cop, "was") || TextContext.Is(d, cop, "were");
        Add(e.Actor, TitleCase(titleStart, th), of, ofWhy, qual, e.Start, end, titleStart, th, contextCountry: false, past: past);
    }

    // ---- parse helpers

    // "… when the Prime Minister, Tony Blair, decides": "the" opens the title, no comma comes before it in the clause, the
    // name is closed by a comma not followed by "and"/"or", and the parse does not join title and name as conjuncts.
    private bool ClosedTitleBeforeName(int nf, int ne, int ts, int te)
    {
        if (d.Syntax is not { } syn) return false;
        int det = ts - 1;
        if (det < 0 || !TextContext.Is(d, det, "the") || det > 0 && TextContext.Is(d, det - 1, ",")) return false;
        if (!TextContext.Is(d, ne, ",") || TextContext.Is(d, ne + 1, "and") || TextContext.Is(d, ne + 1, "or")) return false;
        int th = syn.SpanHead(ts, te + 1), nh = syn.SpanHead(nf, ne);
        return !(syn.Relations[nh] == "conj" && syn.Heads[nh] == th || syn.Relations[th] == "conj" && syn.Heads[th] == nh);
    }

    // Some word of [lo, hi) depends directly, or through one more word, on a word of [to, toEnd).
    private bool PhraseAttachesTo(int lo, int hi, int to, int toEnd)
    {
        if (d.Syntax is null) return true;
        for (int k = lo; k < hi; k++) if (AttachesTo(k, to, toEnd, 2)) return true;
        return false;
    }

    // The token that heads an entity mention in the parse ("Keir" of "Keir Starmer").
    private int EntityHead(int ent)
    {
        var en = d.Entities[ent];
        int f = TextContext.TokenFrom(d, en.Start), end = TextContext.TokenBefore(d, en.End) + 1;
        return d.Syntax is { } syn && end > f ? syn.SpanHead(f, end) : f;
    }

    // The parse makes the title phrase [ts, te] an apposition of the name [nf, ne), or the name one of the title.
    private bool ParseAppos(int nf, int ne, int ts, int te)
    {
        if (d.Syntax is not { } syn || ne <= nf || te < ts) return false;
        int th = syn.SpanHead(ts, te + 1), nh = syn.SpanHead(nf, ne);
        return syn.Relations[th] == "appos" && syn.Heads[th] >= nf && syn.Heads[th] < ne
            || syn.Relations[nh] == "appos" && syn.Heads[nh] >= ts && syn.Heads[nh] <= te;
    }

    // Token t depends, within a few arcs, on a token of [lo, hi): it is part of that phrase. Without a parse, true (the
    // patterns alone decide, as before the syntax layer).
    private bool AttachesTo(int t, int lo, int hi, int steps = 4)
    {
        if (d.Syntax is not { } syn) return true;
        if (t < 0) return false;
        for (int k = 0; k < steps; k++)
        {
            t = syn.Heads[t];
            if (t < 0) return false;
            if (t >= lo && t < hi) return true;
        }
        return false;
    }

    // Scans left from token t over qualifiers, demonyms, possessive names and ORG/GPE names; returns what it found.
    private (string? Qual, string? Of, string? OfWhy, int Start, int OfTok, int OfStart, int OfEnd) Modifiers(int t, int titleStart)
    {
        string? qual = null, of = null, ofWhy = null;
        int start = titleStart, ofTok = -1, ofStart = titleStart, ofEnd = titleStart;
        int guard = 0;
        while (t >= 0 && guard++ < 6)
        {
            if (TextContext.IsAny(d, t, Qualifiers))
            {
                string q = TextContext.Lower(d, t);
                qual = qual == null ? q : q + " " + qual;
                start = t; t--; continue;
            }
            if (of == null && IsDemonym(t, out var dem)) { of = dem; ofWhy = "demonym"; start = t; ofTok = t; ofStart = t; ofEnd = t + 1; t--; continue; }

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
                        of = o; ofWhy = w; ofTok = EntityHead(ent); ofEnd = t + 1;
                        t = TextContext.TokenFrom(d, d.Entities[ent].Start);
                        ofStart = t; start = t; t--; continue;
                    }
                }
            }
            // "former Soviet leader": a capitalised word that gives no "of" between a qualifier and the title; the
            // qualifier still counts.
            if (t >= 1 && char.IsUpper(d.TokenText(t)[0]) && TextContext.IsAny(d, t - 1, Qualifiers))
            {
                string q = TextContext.Lower(d, t - 1);
                qual = qual == null ? q : q + " " + qual;
                start = t - 1;
            }
            break;
        }
        return (qual, of, ofWhy, start, ofTok, ofStart, ofEnd);
    }

    private void Add(int actor, string title, string? of, string? ofWhy, string? qual, int evStart, int evEnd, int titleStart, int titleEnd,
        bool contextCountry, bool past = false)
    {
        var a = d.Actors[actor];
        // A demonym before an occupation is a nationality: no "of".
        if (ofWhy == "demonym" && NationalityOnly.Contains(title.Split(' ')[^1].ToLowerInvariant())) { of = null; ofWhy = null; }
        if (of != null && IsStateOffice(titleStart, titleEnd) && IsCountryName(of)) _statedOffices.Add(of);
        else if (of == null && contextCountry && IsStateOffice(titleStart, titleEnd) && ContextCountry(evStart, actor) is { } cc) { of = cc; ofWhy = "context"; }
        if (a.Roles.Any(r => r.Title == title && r.Of == of)) return;
        bool closed = qual != null && qual.Split(' ').Any(Closing.Contains);
        string? pub = d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // "the assassination attempt on President Ronald Reagan" in 2005: a state office the dictionary record the person is
        // linked to says ended years before the article names an office of the past, not a current one.
        string? outSince = !closed && !past && IsStateOffice(titleStart, titleEnd) ? OutOfGovernmentSince(a) : null;
        if (outSince != null) closed = true;
        a.Roles.Add(new Role(title, of, qual, closed || past ? null : pub, closed ? pub : null) { EvidenceStart = evStart, EvidenceEnd = evEnd });
        a.Evidence.Add($"role: {(qual != null ? qual + " " : "")}{title}{(of != null ? " of " + of : "")}" +
                       (ofWhy == "context" ? " (country from context)" : "") + $" from \"{Squeeze(d.Slice(evStart, evEnd))}\"" +
                       (outSince != null ? $" (past: the actor dictionary has {a.Name} out of government since {outSince})" : ""));
    }

    /// <summary>Years out of government after which a state title before a name is taken as an office of the past.</summary>
    public const int OutOfOfficeYears = DictionaryEntry.FormerRoleYears;

    // The last day of government the actor's dictionary record dates, when the record has government codes, none covers the
    // article's date and the last ended more than OutOfOfficeYears before it; null otherwise (no record, no date, in office,
    // or out only lately: "President Clinton" a year after he left may still be a current courtesy).
    private string? OutOfGovernmentSince(Actor a)
    {
        if (d.Published is not { } date || !a.Codes.TryGetValue(DictionaryRoles.CodeKey, out var record) || dict.FindRecord(record) is not { } entry) return null;
        // A namesake of the same surname in government that day may be the one meant (the linker could not tell).
        var keys = NameNormalizer.Keys(a.Name);
        foreach (var other in dict.PersonsWithSurname(keys.Surname))
            if (!ReferenceEquals(other, entry) && other.Dated.Any(c => c.Covers(date) && c.Code.Length >= 6 && c.Code[3..6] == "GOV")) return null;
        DateOnly? last = null;
        foreach (var c in entry.Dated)
        {
            if (c.Code.Length < 6 || c.Code[3..6] != "GOV") continue;
            if (c.Covers(date) || c.To is null) return null;
            if (last is null || c.To > last) last = c.To;
        }
        return last is { } l && l.AddYears(OutOfOfficeYears) < date ? l.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    private bool IsStateOffice(int s, int e)
    {
        for (int t = s; t <= e; t++) if (TextContext.IsAny(d, t, StateOffices)) return true;
        return false;
    }

    /// <summary>The country a bare state title ("Foreign Minister Asaad al-Shaibani") takes from its context, or null.</summary>
    /// <remarks>
    /// Narrow on purpose: a country named in the title's own sentence is most often a participant of what the sentence
    /// reports, not the title's country ("President Obama said Iran must stop…", "President Bill Clinton ordered strikes on
    /// Sudan", "Prime Minister Netanyahu met Palestinian leaders"), so such a sentence gives none. Otherwise the previous
    /// sentence must name exactly one country (its people with a stated office lend theirs), the article must state the
    /// office of someone else of that country inside that person's own phrase ("Syria's self-declared President Ahmad
    /// al-Sharaa"), and the actor dictionary must not know the person as another country's. With any doubt, no country.
    /// </remarks>
    private string? ContextCountry(int offset, int self)
    {
        int s = d.SentenceAt(offset);
        if (s <= 0 || CountriesIn(s, excludeDestinations: true).Count > 0) return null;
        var set = CountriesIn(s - 1, excludeDestinations: false);
        foreach (var e in d.Entities)
            if (e.Actor >= 0 && e.Actor != self && e.Start >= d.Sentences[s - 1].Start && e.End <= d.Sentences[s - 1].End)
                foreach (var r in d.Actors[e.Actor].Roles) if (r.Of != null && IsCountryName(r.Of)) set.Add(r.Of);
        if (set.Count != 1) return null;
        var c = set.First();
        if (!_statedOffices.Contains(c) || DictionaryDisagrees(self, c)) return null;
        return c;
    }

    // Countries whose offices the article states inside a role's own phrase (possessive, "of", demonym), not from context.
    private readonly HashSet<string> _statedOffices = new(StringComparer.Ordinal);

    // The actor dictionary knows the person only as someone of other countries: the actor's code, or the codes of every
    // dictionary person of that name (of that surname, for a bare surname: "President Bush" beside a sentence about France).
    private bool DictionaryDisagrees(int actor, string country)
    {
        var a = d.Actors[actor];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (a.Codes.TryGetValue("cameo", out var c) && c.Length >= 3) seen.Add(c[..3]);
        var keys = NameNormalizer.Keys(a.Name);
        IEnumerable<DictionaryEntry> entries = dict.Find(NameNormalizer.KeysKeepTitles(a.Name).Full);
        if (keys.Parts.Length == 1) entries = entries.Concat(dict.PersonsWithSurname(keys.Full));
        foreach (var e in entries)
        {
            if (e.DefaultCode.Length >= 3) seen.Add(e.DefaultCode[..3]);
            foreach (var dc in e.Dated) if (dc.Code.Length >= 3) seen.Add(dc.Code[..3]);
        }
        bool other = false;
        foreach (var iso in seen)
        {
            if (countries.ByIso3(iso) is not { } k) continue;
            if (CountryActorName(k) == country) return false;
            other = true;
        }
        return other;
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
        // The country itself, not a group of it ("Afghan rebels" carries AFG too).
        foreach (var a in d.Actors) if (a.Type == EntityType.GPE && a.Codes.TryGetValue("iso3", out var iso) && iso == c.Iso3) return a.Name;
        return c.Name;
    }

    // A title word; "general" in lower case only beside another title word ("attorney general", "general secretary"):
    // alone it is an adjective ("a general Production Diary"), the rank is written "General".
    private bool IsTitleToken(int t) => TextContext.IsAny(d, t, TitleWords)
        && !(d.TokenText(t) is "general" && !(t > 0 && IsTitleWordNotGeneral(t - 1) || t + 1 < d.Tokens.Length && IsTitleWordNotGeneral(t + 1)));

    private bool IsTitleWordNotGeneral(int t) => TextContext.IsAny(d, t, TitleWords) && !d.TokenText(t).Equals("general", StringComparison.OrdinalIgnoreCase);

    private static bool IsUpperWord(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (!char.IsUpper(c)) return false;
        return true;
    }

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
            // An acronym stays as written ("CEO", not "Ceo").
            var raw = d.TokenText(t);
            if (raw.Length >= 2 && raw.Length <= 5 && IsUpperWord(raw)) { sb.Append(raw); continue; }
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
