using Dossier.Documents;

namespace Dossier.Text;

/// <summary>The outcome of cleaning: a document ready for the pipeline, or an error.</summary>
public readonly record struct CleanResult(Document? Document, DossierError? Error);

/// <summary>Turns a raw article into a <see cref="Document"/>: main text from HTML, header date, embeds, whitespace, offset map.</summary>
public static partial class ArticleCleaner
{
    /// <summary>Cleans one raw article. Never throws for bad input.</summary>
    public static CleanResult Clean(RawArticle raw)
    {
        // First version: plain text as is. The ingest work replaces this.
        var doc = new Document(raw.Body.Trim())
        {
            Id = raw.Id, Title = raw.Title, Source = raw.Source, Url = raw.Url, Byline = raw.Byline,
            Published = raw.Published is { } p && DateOnly.TryParse(p.AsSpan(0, Math.Min(10, p.Length)), out var d) ? d : null,
        };
        if (doc.Text.Length == 0) return new CleanResult(null, Errors.NoText());
        return new CleanResult(doc, null);
    }
}
