namespace Dossier;

/// <summary>Every bound Dossier puts on one input item and on the work spent on it (docs/limits.md lists them all).</summary>
/// <remarks>
/// A hostile or careless item (a 50 MB one-line text, a sentence with no full stop, a JSON line with a lone surrogate)
/// must not take the machine or lose the items beside it: past each bound the item gets a coded error (or, where the
/// bound only shapes the work, the work is cut and the item goes on) and the batch continues. The web server's bounds
/// are in <c>Dossier.Web.WebLimits</c>.
/// </remarks>
public static class Limits
{
    // --- reading ---

    /// <summary>Largest input file or decompressed stream, in bytes (DSR104; <c>--max-bytes</c> changes it).</summary>
    public const long MaxInputBytes = 64L * 1024 * 1024;

    /// <summary>Deepest nesting of a JSON line (DSR105).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Longest raw body of one article (HTML or text, in chars) handed to cleaning (DSR125).</summary>
    /// <remarks>Pages with heavy markup reach a few MB; a body past this is not an article.</remarks>
    public const int MaxRawChars = 16 * 1024 * 1024;

    /// <summary>Longest cleaned text of one article, in chars (DSR126): about 170,000 words, far beyond any news article.</summary>
    public const int MaxTextChars = 1_000_000;

    /// <summary>Longest title, byline or URL kept from the input, in chars (longer ones are cut at a word and marked with an ellipsis).</summary>
    public const int MaxFieldChars = 1_000;

    /// <summary>Deepest folder level read below a path given on the command line (DSR128).</summary>
    public const int MaxFolderDepth = 64;

    // --- extraction ---

    /// <summary>Most tokens in one sentence: longer runs (text without full stops) are cut into chunks at the best clause
    /// break, so every component works on bounded units.</summary>
    public const int MaxSentenceTokens = 150;

    /// <summary>Most chars in one sentence (the same cut as <see cref="MaxSentenceTokens"/>, for runs of long tokens).</summary>
    public const int MaxSentenceChars = 1_200;

    /// <summary>Default time the pipeline may spend on one article, in seconds (DSR205; <c>--budget</c> changes it).</summary>
    /// <remarks>An ordinary article takes milliseconds and a text of <see cref="MaxTextChars"/> a few seconds.</remarks>
    public const int ArticleBudgetSeconds = 30;

    // --- store ---

    /// <summary>Most distinct terms in one search (DSR314).</summary>
    public const int MaxSearchTerms = 16;

    /// <summary>Longest search string, in chars (DSR314).</summary>
    public const int MaxSearchChars = 1_000;

    /// <summary>Time one search may run before the store stops it, in milliseconds (DSR315).</summary>
    public const int SearchTimeoutMs = 2_000;

    /// <summary>Most of an actor's articles (the latest stored) its dossier counts co-actors, the links between them and
    /// how its names were resolved over.</summary>
    /// <remarks>Counting over every article made the dossier of an actor named in 30,000 articles take a second. The
    /// latest 250 say who the actor is seen with now, at a cost that does not grow with the store (about 4,000 links, a
    /// millisecond); in the BBC corpus two actors (the United States and the United Kingdom, about 600 articles each) have
    /// more.</remarks>
    public const int DossierContextArticles = 250;

    /// <summary>Most matches of a search that are ranked (the latest stored): a query that matches more is ranked among
    /// these, and says so.</summary>
    /// <remarks>Ranking reads every match it ranks: a name found in 30,000 of 105,000 articles took 15 ms a search, and
    /// the time grew with the store. Bounded, a search costs what it costs in a store of a few thousand articles; the
    /// older matches are reached by narrowing the query (a phrase, another word, NOT).</remarks>
    public const int SearchRankedMatches = 2_000;

    /// <summary>Bytes of a store file a reading connection (the server's) maps into memory instead of reading page by page
    /// (SQLite's mmap_size; 0 turns it off). Address space, not memory: pages are the operating system's file cache.</summary>
    public const long ReadMapBytes = 1L << 36;

    // --- live sources (fetch, watch; issue 18) ---

    /// <summary>Most bytes read from one answer (a page, a feed), decompressed; the fetch stops there.</summary>
    public const int MaxFetchBytes = 10 * 1024 * 1024;
    /// <summary>Longest one fetch may take, connection and redirects included.</summary>
    public const int FetchTimeoutSeconds = 30;
    /// <summary>Most redirects followed for one address.</summary>
    public const int MaxRedirects = 5;
    /// <summary>Shortest time between two requests to the same host.</summary>
    public const int PerHostIntervalMs = 1_000;
    /// <summary>Most bytes of a robots.txt read (the rest is ignored, as RFC 9309 allows).</summary>
    public const int MaxRobotsBytes = 512 * 1024;
    /// <summary>Most items taken from one feed in one pass (the newest first, as the feed lists them).</summary>
    public const int MaxFeedItems = 200;
}
