using Dossier.Documents;

namespace Dossier.Actors;

/// <summary>
/// Links a definite description of an office ("the prime minister", "the British prime minister", "the Chancellor") to the
/// one person of the document who holds that office, as a mention with <see cref="EntityMention.Description"/> set.
/// </summary>
/// <remarks>
/// Runs after the roles are known. The context must make it clear: exactly one person of the document holds a current
/// (not "former") role with that title; a country adjective before the title must name that role's country; offices
/// many people hold at once ("the leader", "the spokesman", "the director") are left alone, as are "the former …", "the
/// … of X" and descriptions that overlap a named entity. A description is never a name: the store does not match
/// actors on it, and it is not added to the actor's aliases. Per-document object; not shared across threads.
/// </remarks>
internal sealed class DescriptionFinder(Document d, CountryTable countries, string by)
{
    // Heads of offices one person holds at a time within a country or organisation.
    private static readonly HashSet<string> SingleHolderHeads = new(StringComparer.Ordinal)
    {
        "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "emir", "sultan", "pope", "mayor",
        "governor", "taoiseach", "vice-president", "secretary-general", "speaker",
    };

    // Title words that may precede the head ("prime", "foreign", "home").
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "prime", "foreign", "home", "defence", "defense", "interior", "finance", "justice", "health", "trade", "deputy", "vice",
        "general", "state", "first", "chief",
    };

    /// <summary>Adds the description mentions; returns how many were added.</summary>
    public int Assign()
    {
        // Current role titles (lower case) → the person actors holding them.
        var holders = new Dictionary<string, List<(int Actor, Role Role)>>(StringComparer.Ordinal);
        for (int a = 0; a < d.Actors.Count; a++)
        {
            if (d.Actors[a].Type != EntityType.PERSON) continue;
            foreach (var r in d.Actors[a].Roles)
            {
                // "the chancellor" is not the shadow chancellor, nor a former one.
                if (r.End is not null || r.Qualifier is { } q && (q.Contains("former", StringComparison.OrdinalIgnoreCase)
                    || q.Contains("shadow", StringComparison.OrdinalIgnoreCase))) continue;
                var key = r.Title.ToLowerInvariant();
                if (!holders.TryGetValue(key, out var list)) holders[key] = list = new();
                if (!list.Exists(x => x.Actor == a)) list.Add((a, r));
            }
        }
        if (holders.Count == 0) return 0;

        var found = new List<(int Start, int End, int Actor, string Title)>();
        int ent = 0;
        for (int t = 0; t < d.Tokens.Length; t++)
        {
            if (!TextContext.Is(d, t, "the")) continue;
            int k = t + 1;
            Country? country = null;
            // "the British prime minister": a demonym or country adjective names the office's country.
            if (k < d.Tokens.Length && char.IsUpper(d.TokenText(k)[0]) && countries.TryFind(d.TokenText(k), out var hit)
                && hit.Kind is CountryNameKind.Demonym) { country = hit.Country; k++; }
            int titleStart = k;
            while (k < d.Tokens.Length && TextContext.IsAny(d, k, Modifiers)) k++;
            if (k >= d.Tokens.Length || !TextContext.IsAny(d, k, SingleHolderHeads)) continue;
            int titleEnd = k; // inclusive
            // "the prime minister of Israel", "the president's wife" is still him ("'s" is fine); "the president elect" is not.
            if (TextContext.Is(d, titleEnd + 1, "of") || TextContext.Is(d, titleEnd + 1, "elect") || TextContext.Is(d, titleEnd + 1, "-")) continue;
            // "the former prime minister": t-1 is not part of this phrase, but "the former" would have put "former" after "the".
            var title = string.Join(' ', Enumerable.Range(titleStart, titleEnd - titleStart + 1).Select(i => TextContext.Lower(d, i)));
            if (!holders.TryGetValue(title, out var cands)) continue;
            var fit = country is null ? cands : cands.Where(c => c.Role.Of is { } of && SameCountry(of, country)).ToList();
            if (fit.Count != 1) continue;
            int start = d.Tokens[t].Start, end = d.Tokens[titleEnd].End;
            while (ent < d.Entities.Count && d.Entities[ent].End <= start) ent++;
            if (ent < d.Entities.Count && d.Entities[ent].Start < end) continue; // overlaps a named entity
            // "The prime minister, Tony Blair," and "the prime minister Tony Blair" are appositions the name already covers.
            if (ent < d.Entities.Count && d.Entities[ent].Actor == fit[0].Actor && NextIsName(titleEnd, d.Entities[ent].Start)) continue;
            found.Add((start, end, fit[0].Actor, fit[0].Role.Title));
        }
        if (found.Count == 0) return 0;

        foreach (var (start, end, actor, title) in found)
        {
            d.Entities.Add(new EntityMention { Start = start, End = end, Type = EntityType.PERSON, Actor = actor, By = by, Description = true });
            var text = d.Slice(start, end);
            var a = d.Actors[actor];
            var line = $"description: '{text}' → {a.Name} (the one {title} named in this article)";
            if (!a.Evidence.Contains(line)) a.Evidence.Add(line);
        }
        d.Entities.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        // Mention indexes are positions in the sorted entity list.
        foreach (var a in d.Actors) a.Mentions.Clear();
        for (int i = 0; i < d.Entities.Count; i++) if (d.Entities[i].Actor >= 0) d.Actors[d.Entities[i].Actor].Mentions.Add(i);
        return found.Count;
    }

    private bool SameCountry(string of, Country c) =>
        of.Equals(c.Name, StringComparison.OrdinalIgnoreCase) || countries.TryFind(of, out var h) && h.Country.Iso3 == c.Iso3;

    // True when only a comma (or nothing) lies between the title's last token and the entity.
    private bool NextIsName(int titleEnd, int entityStart)
    {
        int k = titleEnd + 1;
        if (TextContext.Is(d, k, ",")) k++;
        return k < d.Tokens.Length && d.Tokens[k].Start == entityStart;
    }
}
