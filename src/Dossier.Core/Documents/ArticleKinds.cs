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

    /// <summary>True when the article reads as a sports report: at least <see cref="MinSportWords"/> distinct sport words.</summary>
    public static bool IsSportReport(Document doc)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lookup = SportWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 0; k < doc.Tokens.Length && seen.Count < MinSportWords; k++)
        {
            if (doc.Tokens[k].Kind != TokenKind.Word) continue;
            var w = doc.TokenText(k);
            if (lookup.TryGetValue(w, out var word)) seen.Add(word);
        }
        return seen.Count >= MinSportWords;
    }
}
