using Dossier.Text;

namespace Dossier.Evaluation;

/// <summary>Publication dates found on a folder of pages against their expected dates (<c>expected.tsv</c>: file, address,
/// date or "none", source, note), through the product's reader and cleaner.</summary>
public static class DateEval
{
    /// <summary>One page's outcome.</summary>
    public sealed record Page(string File, string? Expected, string ExpectedFrom, string? Found, string FoundFrom, string Note)
    {
        /// <summary>The date is right (or, when the page states none, none was invented).</summary>
        public bool Right => Expected == Found;
    }

    /// <summary>Totals: right dates among pages that state one, invented dates on pages that do not, sources right.</summary>
    public sealed record Score(int Pages, int Dated, int RightDated, int Undated, int Invented, int SourceRight, List<Page> Results)
    {
        /// <summary>Share of the pages that state a date whose date was found right.</summary>
        public double Accuracy => Dated == 0 ? 0 : (double)RightDated / Dated;
    }

    /// <summary>Reads <c>expected.tsv</c> in <paramref name="folder"/> and scores every page it lists.</summary>
    public static Score Run(string folder)
    {
        var list = Path.Combine(folder, "expected.tsv");
        if (!File.Exists(list)) throw new DossierException(Errors.BadOption("path", $"no expected.tsv in {folder}"));
        var pages = new List<Page>();
        foreach (var line in File.ReadLines(list))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 4) throw new DossierException(Errors.BadOption("path", $"expected.tsv: a line needs file, url, date and source: '{line}'"));
            string? expected = f[2] == "none" ? null : f[2];
            var item = ArticleReader.ReadFile(Path.Combine(folder, f[0]), new ReadOptions { Format = InputFormat.Html }).FirstOrDefault(i => !i.IsWarning);
            string? found = null;
            string from = "none";
            if (item.Article is { } raw && ArticleCleaner.Clean(raw with { Url = f[1] }).Document is { } doc)
            {
                found = doc.Published?.ToString("yyyy-MM-dd");
                from = PublicationDates.Name(doc.Published is null ? DateSource.None : doc.PublishedFrom);
            }
            pages.Add(new Page(f[0], expected, f[3], found, from, f.Length > 4 ? f[4] : ""));
        }
        return new Score(pages.Count, pages.Count(p => p.Expected is not null), pages.Count(p => p.Expected is not null && p.Right),
            pages.Count(p => p.Expected is null), pages.Count(p => p.Expected is null && p.Found is not null),
            pages.Count(p => p.ExpectedFrom == p.FoundFrom), pages);
    }
}
