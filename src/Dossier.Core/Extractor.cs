using Dossier.Documents;
using Dossier.Pipeline;
using Dossier.Text;

namespace Dossier;

/// <summary>The extraction use case: clean a raw article and run the pipeline on it.</summary>
/// <remarks>Thread-safe: the pipeline is frozen and each call works on its own document.</remarks>
public sealed class Extractor(DocumentPipeline pipeline)
{
    /// <summary>An extractor over the default pipeline.</summary>
    public static Extractor Default { get; } = new(DocumentPipeline.Default);

    public DocumentPipeline Pipeline { get; } = pipeline;

    /// <summary>The time the pipeline may spend on one article (<see cref="Limits.ArticleBudgetSeconds"/> by default); past
    /// it the article fails with DSR205 and nothing of it is kept. Zero or less: no limit.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(Limits.ArticleBudgetSeconds);

    /// <summary>Cleans and annotates one article; bad input and component failures come back as errors.</summary>
    public CleanResult Extract(RawArticle raw) => Extract(raw, null);

    /// <summary>
    /// Cleans one article and annotates it unless <paramref name="skipPipeline"/> says the cleaned document needs no
    /// annotation (the store already holds the same text); such a document comes back cleaned but without layers.
    /// </summary>
    public CleanResult Extract(RawArticle raw, Func<Document, bool>? skipPipeline)
    {
        var cleaned = ArticleCleaner.Clean(raw);
        if (cleaned.Document is null) return cleaned;
        if (skipPipeline?.Invoke(cleaned.Document) == true) return cleaned;
        try
        {
            cleaned.Document.StartBudget(Budget);
            Pipeline.Process(cleaned.Document);
            return cleaned;
        }
        catch (DossierException e) { return new CleanResult(null, e.Error); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CleanResult(null, Errors.ExtractionFailed("pipeline", e.GetType().Name + ": " + e.Message));
        }
    }

    /// <summary>Annotates text directly (tests, the web's "try it" box).</summary>
    public Document ExtractText(string text, DateOnly? published = null)
    {
        var r = Extract(new RawArticle { Source = "text", Body = text, Published = published?.ToString("yyyy-MM-dd") });
        return r.Document ?? throw new DossierException(r.Error!.Value);
    }
}
