using Dossier.Actors;
using Dossier.Documents;

namespace Dossier.Extraction.Events;

/// <summary>How a clause is joined to the one before it.</summary>
internal enum ClauseKind : byte { Main, Coordinate, Subordinate, Relative, Complement, Participial }

/// <summary>A clause: the token range [Start, End) of a sentence between two boundaries, and how it was opened.</summary>
/// <param name="Opener">Token index of the word that opened it (a conjunction, relative pronoun …) or -1.</param>
internal readonly record struct Clause(int Start, int End, ClauseKind Kind, int Opener);

/// <summary>An actor mention in token coordinates.</summary>
/// <param name="Modifier">The mention only modifies the word after it ("HTS-held Idlib", "the Syrian leader").</param>
/// <param name="Whole">The mention covers its tokens whole ("Syrian"; not "Syria" in "anti-Syria").</param>
internal readonly record struct ActorMention(int First, int End, int Actor, EntityType Type, bool Modifier, bool Whole);

/// <summary>Per-document view the coder works on: lower-cased tokens, actor mentions by token, clauses per sentence.</summary>
/// <remarks>Built once per document by <see cref="EventCoder"/>; not shared across threads.</remarks>
internal sealed class DocView
{
    public readonly Document Doc;
    /// <summary>Lower-case token texts with typographic apostrophes folded.</summary>
    public readonly string[] Low;
    /// <summary>Token texts normalised for pattern matching (<see cref="Words.Normalize"/>), computed once.</summary>
    public readonly string[] Norm;
    /// <summary>Actor mentions sorted by first token.</summary>
    public readonly ActorMention[] Mentions;
    /// <summary>For each token, the index into <see cref="Mentions"/> of the mention covering it, or -1.</summary>
    public readonly int[] MentionAt;
    /// <summary>For each token, whether a name of a person, group or place covers it, with or without an actor
    /// ("Palestinians" where the actor layer made no actor of it).</summary>
    public readonly bool[] NameAt;

    public DocView(Document doc)
    {
        Doc = doc;
        Low = new string[doc.Tokens.Length];
        for (int i = 0; i < Low.Length; i++)
        {
            var span = doc.TokenText(i);
            Low[i] = span.Length == 1 && span[0] == '’' ? "'" : span.ToString().ToLowerInvariant().Replace('’', '\'');
        }
        Norm = new string[Low.Length];
        for (int i = 0; i < Low.Length; i++) Norm[i] = Words.Normalize(Low[i]);
        Mentions = BuildMentions(doc, Low);
        MentionAt = new int[Low.Length];
        Array.Fill(MentionAt, -1);
        for (int m = 0; m < Mentions.Length; m++)
            for (int t = Mentions[m].First; t < Mentions[m].End; t++) MentionAt[t] = m;
        NameAt = new bool[Low.Length];
        foreach (var e in doc.Entities)
        {
            if (e.Type is not (EntityType.PERSON or EntityType.ORG or EntityType.GPE or EntityType.NORP or EntityType.LOC) || e.End <= e.Start) continue;
            for (int t = doc.TokenAt(e.Start); t < Low.Length && doc.Tokens[t].Start < e.End; t++) NameAt[t] = true;
        }
    }

    private static ActorMention[] BuildMentions(Document doc, string[] low)
    {
        // An entity's actor is its Actor field, or the actor that lists it among its mentions.
        var actorOf = new int[doc.Entities.Count];
        for (int e = 0; e < actorOf.Length; e++) actorOf[e] = doc.Entities[e].Actor;
        for (int a = 0; a < doc.Actors.Count; a++)
            foreach (var e in doc.Actors[a].Mentions)
                if (e >= 0 && e < actorOf.Length && actorOf[e] < 0) actorOf[e] = a;
        var redirect = MetonymRedirects(doc);
        var list = new List<ActorMention>();
        for (int e = 0; e < doc.Entities.Count; e++)
        {
            var ent = doc.Entities[e];
            int actor = actorOf[e];
            if (actor < 0 && ent.Type == EntityType.NORP) actor = NationalityOwner(doc, ent, low);
            if (actor >= 0 && actor < redirect.Length) actor = redirect[actor];
            if (actor < 0 || actor >= doc.Actors.Count || ent.End <= ent.Start) continue;
            if (ent.Type is EntityType.MONEY or EntityType.LAW or EntityType.WORK_OF_ART or EntityType.PRODUCT or EntityType.EVENT) continue;
            int first = doc.TokenAt(ent.Start);
            int last = doc.TokenAt(ent.End - 1);
            if (first >= doc.Tokens.Length) continue;
            if (last >= doc.Tokens.Length) last = doc.Tokens.Length - 1;
            // A mention that ends inside a hyphenated token ("HTS-held", "al-Qaeda-linked") modifies the next word.
            bool modifier = doc.Tokens[last].End > ent.End && ent.End < doc.Text.Length && doc.Text[ent.End] == '-';
            // A nationality adjective before a lower-case noun ("Syrian leader") modifies that noun.
            if (!modifier && ent.Type == EntityType.NORP && !low[last].EndsWith('s') && last + 1 < low.Length
                && doc.Tokens[last + 1].Kind == TokenKind.Word && doc.Tokens[last + 1].Has(TokenFlags.Lower))
                modifier = true;
            if (list.Count > 0 && list[^1].End > first) continue; // overlapping mentions: keep the first
            bool whole = doc.Tokens[first].Start == ent.Start && doc.Tokens[last].End == ent.End;
            list.Add(new ActorMention(first, last + 1, actor, ent.Type, modifier, whole));
        }
        list.Sort((a, b) => a.First.CompareTo(b.First));
        return list.ToArray();
    }

    // A nationality adjective the actor layer left alone before a thing or a place ("Palestinian homes", "Israeli changes",
    // "Iraqi towns") stands, as an owner, for its country when the country is itself an actor of the document; not before
    // a noun of culture ("the Russian language"), which no state owns, nor before people, whom the actor layer names.
    private static int NationalityOwner(Document doc, EntityMention ent, string[] low)
    {
        if (!CountryTable.Default.TryFind(doc.Text[ent.Start..ent.End], out var hit) || hit.Kind != CountryNameKind.Demonym) return -1;
        int next = doc.TokenAt(ent.End);
        // Only before a thing or a place ("Palestinian homes", "Iraqi towns", "Israeli changes"): a title or a body of people
        // ("Chinese President Xi", "Spanish business leaders") is the actor layer's to name.
        if (next >= low.Length || doc.Tokens[next].Kind != TokenKind.Word || !doc.Tokens[next].Has(TokenFlags.Lower)) return -1;
        if (EventWords.UnownedNouns.Contains(low[next]) || EventWords.Titles.Contains(low[next])) return -1;
        for (int k = next; k < Math.Min(low.Length, next + 3) && doc.Tokens[k].Kind == TokenKind.Word; k++)
            if (EventWords.KindOf(low[k], Words.Normalize(low[k])) == AgentKind.Agent || EventWords.Titles.Contains(low[k])) return -1;
        for (int a = 0; a < doc.Actors.Count; a++)
            if (doc.Actors[a] is { Type: EntityType.GPE } x && x.Codes.TryGetValue("iso3", out var iso) && iso == hit.Country.Iso3) return a;
        return -1;
    }

    // A place actor whose name another place actor lists as an alias stands for that actor ("Damascus" kept apart in one
    // mention but listed among Syria's names): in events the capital acts for its state, as CAMEO codes it.
    private static int[] MetonymRedirects(Document doc)
    {
        var r = new int[doc.Actors.Count];
        for (int a = 0; a < r.Length; a++)
        {
            r[a] = a;
            var x = doc.Actors[a];
            if (x.Type is not (EntityType.GPE or EntityType.LOC or EntityType.FAC)) continue;
            for (int b = 0; b < r.Length; b++)
            {
                var y = doc.Actors[b];
                if (b == a || y.Type != EntityType.GPE) continue;
                if (y.Aliases.Any(al => string.Equals(al, x.Name, StringComparison.OrdinalIgnoreCase))) { r[a] = b; break; }
            }
        }
        return r;
    }

    /// <summary>True when a mention ends right before token <paramref name="t"/> (allowing a possessive or closing bracket).</summary>
    public bool MentionEndsBefore(int t) => t > 0 && MentionAt[t - 1] >= 0;

    /// <summary>True when a mention starts at <paramref name="t"/> or right after a determiner.</summary>
    public bool MentionStartsAt(int t) =>
        t < Low.Length && (MentionAt[t] >= 0 || (Low[t] is "the" && t + 1 < Low.Length && MentionAt[t + 1] >= 0));

    /// <summary>Splits a sentence into clauses at punctuation, conjunctions, subordinators and relative pronouns.</summary>
    public List<Clause> SplitClauses(Sentence s, Func<int, bool> startsTimex)
    {
        var clauses = new List<Clause>();
        int start = s.FirstToken;
        var kind = ClauseKind.Main;
        int opener = -1;
        for (int i = s.FirstToken; i < s.TokenEnd; i++)
        {
            string w = Low[i];
            ClauseKind? next = null;
            bool skipToken = true;
            if (MentionAt[i] >= 0) continue;
            switch (w)
            {
                case ";" or ":" or "—" or "–" or "\"" or "“" or "”":
                    next = ClauseKind.Main;
                    break;
                case ",":
                    // Lists of actors and time phrases ("On Sunday, …", "…, on Sunday") stay inside their clause.
                    if (MentionEndsBefore(i) && MentionStartsAt(i + 1)) break;
                    if (startsTimex(i + 1) || startsTimex(i + 2)) break;
                    next = i + 1 < s.TokenEnd && Low[i + 1] is "who" or "which" or "whose" or "whom" ? null : ClauseKind.Coordinate;
                    break;
                case "and" or "or" or "but" or "nor":
                    if (MentionEndsBefore(i) && MentionStartsAt(i + 1)) break; // "Russia and Iran"
                    next = ClauseKind.Coordinate;
                    break;
                case "that":
                    next = MentionEndsBefore(i) ? ClauseKind.Relative : ClauseKind.Complement;
                    break;
                case "as":
                    // "as Assad left power" opens a clause; "such as", "as well as", "as a mediator" do not.
                    if (i > s.FirstToken && Low[i - 1] is "such" or "well" or "as" or "so") break;
                    if (i + 1 < s.TokenEnd && (MentionAt[i + 1] >= 0 || Low[i + 1] is "the" or "their" or "its" or "he" or "she" or "they" or "it"))
                        next = ClauseKind.Subordinate;
                    break;
                default:
                    // "Britain said Libya must …": what is said is a clause of its own; the reporting verb stays in the
                    // clause before (so the next clause's subject is Libya, not Britain).
                    if (EventWords.SayVerbs.Contains(w) && i + 1 < s.TokenEnd && Low[i + 1] is not ("that" or "," or "." or "on" or "in" or "to"))
                    {
                        if (i + 1 > start) clauses.Add(new Clause(start, i + 1, kind, opener));
                        kind = ClauseKind.Complement;
                        opener = i;
                        start = i + 1;
                        continue;
                    }
                    if (EventWords.Relatives.Contains(w)) next = ClauseKind.Relative;
                    else if (EventWords.GerundPreps.Contains(w) && i + 1 < s.TokenEnd && Low[i + 1].EndsWith("ing", StringComparison.Ordinal)
                             && Low[i + 1].Length > 4)
                        next = ClauseKind.Participial;
                    else if (EventWords.Subordinators.Contains(w)) next = ClauseKind.Subordinate;
                    break;
            }
            if (next is null) continue;
            if (i > start) clauses.Add(new Clause(start, i, kind, opener));
            kind = next.Value;
            opener = i;
            start = skipToken ? i + 1 : i;
        }
        if (s.TokenEnd > start) clauses.Add(new Clause(start, s.TokenEnd, kind, opener));
        return clauses;
    }
}
