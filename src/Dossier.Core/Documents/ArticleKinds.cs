namespace Dossier.Documents;

/// <summary>What kind of article a document reads as, from its words alone; read by the name evidence (a town after
/// "against" is its club in a sports report) and the actor linker (a bare surname in a sports report is a player, not
/// the minister of that name).</summary>
internal static class ArticleKinds
{
    /// <summary>Fewest distinct sport words that make an article a sports report.</summary>
    public const int MinSportWords = 3;

    private static readonly HashSet<string> SportWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "match", "matches", "goal", "goals", "scored", "league", "cup", "season", "fixture", "striker", "midfielder", "defender",
        "goalkeeper", "coach", "manager", "squad", "penalty", "premiership", "championship", "semi-final", "quarter-final",
        "try", "tries", "wicket", "innings", "referee", "kick-off", "stadium", "fans", "transfer", "loan", "debut", "draw",
        "football", "rugby", "cricket", "tennis", "athletics", "club", "player", "players", "champions", "final", "uefa", "fifa",
        "olympic", "olympics", "medal", "sprint", "midfield", "scrum", "winger",
    };

    /// <summary>True when the word is one of the sport words ("goal", "striker", "coach").</summary>
    public static bool IsSportWord(ReadOnlySpan<char> word) => SportWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>True when the article reads as a sports report: at least <see cref="MinSportWords"/> distinct sport words.</summary>
    public static bool IsSportReport(Document doc) => Count(doc, SportWords, MinSportWords) >= MinSportWords;

    /// <summary>Fewest distinct words of films, music, books and games that make an article a report on works.</summary>
    public const int MinWorkWords = 3;

    private static readonly HashSet<string> WorkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "film", "films", "movie", "movies", "actor", "actress", "actors", "director", "starring", "starred", "co-star", "album",
        "albums", "novel", "novels", "game", "games", "console", "consoles", "festival", "screened", "premiere", "oscar", "oscars",
        "bafta", "baftas", "cinema", "soundtrack", "sequel", "episode", "episodes", "box-office", "gamers", "franchise", "screenplay",
        "musical", "documentary", "biopic", "cast",
    };

    /// <summary>True when the article reads as a report on films, music, books or games: at least <see cref="MinWorkWords"/>
    /// distinct work words.</summary>
    public static bool IsWorksReport(Document doc) => Count(doc, WorkWords, MinWorkWords) >= MinWorkWords;

    private static int Count(Document doc, HashSet<string> words, int enough)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 0; k < doc.Tokens.Length && seen.Count < enough; k++)
        {
            if (doc.Tokens[k].Kind != TokenKind.Word) continue;
            if (lookup.TryGetValue(doc.TokenText(k), out var word)) seen.Add(word);
        }
        return seen.Count;
    }
}
