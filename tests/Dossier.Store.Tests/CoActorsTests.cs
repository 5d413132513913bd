using Dossier.Store;

namespace Dossier.Tests;

public sealed class CoActorsTests
{
    private static readonly Dictionary<long, (string Name, string Type, long Mentions)> Known = new()
    {
        [1] = ("Alpha", "PERSON", 5), [2] = ("Beta", "ORG", 50), [3] = ("Gamma", "GPE", 7), [4] = ("Delta", "PERSON", 1),
    };

    private static IReadOnlyDictionary<long, (string, string, long)> Describe(IReadOnlyCollection<long> ids) =>
        ids.Where(Known.ContainsKey).ToDictionary(id => id, id => Known[id]);

    [Fact]
    public void Counts_articles_not_links_and_orders_by_articles_then_mentions()
    {
        // Article 10 links Alpha twice (two document actors resolved to one actor): one article, not two.
        (long, long)[] pairs = [(10, 1), (10, 1), (10, 2), (11, 2), (11, 1), (12, 3), (12, 2), (13, 1)];
        var (top, _) = CoActors.Of(pairs, Describe);
        Assert.Equal([(2L, 3), (1L, 3), (3L, 1)], top.Select(c => (c.Id, c.Articles)));
        Assert.Equal("Beta", top[0].Name); // tie on articles: the more mentioned first
    }

    [Fact]
    public void Links_count_the_articles_naming_both_of_two_shown_co_actors()
    {
        (long, long)[] pairs = [(12, 3), (10, 2), (10, 1), (11, 1), (11, 2), (11, 3), (10, 2)];
        var (_, links) = CoActors.Of(pairs, Describe);
        Assert.Equal([(1L, 2L, 2), (1L, 3L, 1), (2L, 3L, 1)], links.Select(l => (l.First, l.Second, l.Articles)));
    }

    [Fact]
    public void Only_candidates_that_can_be_shown_are_described()
    {
        // Eleven actors with three articles each and one with one: the one is never looked up.
        var pairs = new List<(long, long)>();
        for (long actor = 100; actor < 111; actor++)
            for (long article = 1; article <= 3; article++) pairs.Add((article, actor));
        pairs.Add((1, 999));
        var asked = new List<long>();
        var (top, _) = CoActors.Of(pairs, ids =>
        {
            asked.AddRange(ids);
            return ids.ToDictionary(id => id, id => ($"A{id}", "ORG", 1L));
        });
        Assert.Equal(CoActors.Shown, top.Count);
        Assert.DoesNotContain(999L, asked);
        Assert.Equal(Enumerable.Range(100, 10).Select(i => (long)i), top.Select(c => c.Id)); // full ties: oldest id first
    }

    [Fact]
    public void No_pairs_no_network()
    {
        var (top, links) = CoActors.Of([], Describe);
        Assert.Empty(top);
        Assert.Empty(links);
    }
}
