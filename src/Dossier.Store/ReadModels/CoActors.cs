namespace Dossier.Store;

/// <summary>
/// A dossier's network: the actors most often named in the same articles as the dossier's actor, and how often each two
/// of them are named together there. Computed from the (article, actor) pairs of the actor's context articles, read once
/// by the engine (an engine-neutral computation: the engine only reads the pairs and the actors' names).
/// </summary>
/// <remarks>Two queries (the counts grouped in SQL, then the pairs among the top ten joined in SQL) read the same links
/// twice, and the second drove from the co-actors' own links (30,000 each for a country in a store of 105,000 articles):
/// 20 of a dossier's 40 ms. One pass over the window's links here takes 6 ms.</remarks>
public static class CoActors
{
    /// <summary>Co-actors shown in a dossier.</summary>
    public const int Shown = 10;

    /// <summary>The top <see cref="Shown"/> co-actors (most shared articles, then most mentioned, then oldest id) and the
    /// links between them.</summary>
    /// <param name="pairs">(article, actor) pairs of the context articles, without the dossier's own actor; duplicates are
    /// allowed.</param>
    /// <param name="describe">Name, type and mentions of the given actors (those that may be shown).</param>
    public static (List<CoActor> Top, List<CoActorLink> Links) Of(IReadOnlyList<(long Article, long Actor)> pairs,
        Func<IReadOnlyCollection<long>, IReadOnlyDictionary<long, (string Name, string Type, long Mentions)>> describe)
    {
        // Sorted by article, then actor: each article's actors are one run, duplicates neighbours (15,000 pairs for a full
        // window; a dictionary of sets per article cost twice as much).
        var sorted = new (long Article, long Actor)[pairs.Count];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = pairs[i];
        Array.Sort(sorted, static (x, y) => x.Article != y.Article ? x.Article.CompareTo(y.Article) : x.Actor.CompareTo(y.Actor));

        var counts = new Dictionary<long, int>();
        for (int i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[i - 1]) counts[sorted[i].Actor] = counts.GetValueOrDefault(sorted[i].Actor) + 1;
        if (counts.Count == 0) return ([], []);

        // Only those tied with the tenth or ahead of it can be shown: their names and mentions are read, no others.
        var ranked = counts.OrderByDescending(c => c.Value).ToList();
        int floor = ranked[Math.Min(Shown, ranked.Count) - 1].Value;
        var candidates = ranked.TakeWhile(c => c.Value >= floor).Select(c => c.Key).ToList();
        var info = describe(candidates);
        var top = candidates.Where(info.ContainsKey)
            .OrderByDescending(id => counts[id]).ThenByDescending(id => info[id].Mentions).ThenBy(id => id)
            .Take(Shown).Select(id => new CoActor(id, info[id].Name, info[id].Type, counts[id])).ToList();

        var links = new List<CoActorLink>();
        if (top.Count < 2) return (top, links);
        var shown = top.Select(t => t.Id).ToHashSet();
        var together = new Dictionary<(long, long), int>();
        var here = new List<long>(Shown);
        for (int i = 0; i < sorted.Length;)
        {
            long article = sorted[i].Article;
            here.Clear();
            for (; i < sorted.Length && sorted[i].Article == article; i++)
                if (shown.Contains(sorted[i].Actor) && (here.Count == 0 || here[^1] != sorted[i].Actor)) here.Add(sorted[i].Actor);
            for (int x = 0; x < here.Count; x++)
                for (int y = x + 1; y < here.Count; y++)
                    together[(here[x], here[y])] = together.GetValueOrDefault((here[x], here[y])) + 1;
        }
        foreach (var ((a, b), n) in together.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)) links.Add(new CoActorLink(a, b, n));
        return (top, links);
    }
}
