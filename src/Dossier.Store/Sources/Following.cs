using Dossier.Store.Ingest;
using Dossier.Text;

namespace Dossier.Store.Sources;

/// <summary>What one pass over the followed sources did.</summary>
public sealed record FollowSummary
{
    /// <summary>Sources fetched with a full answer, unchanged (304), failed.</summary>
    public int Fetched { get; init; }
    public int NotModified { get; init; }
    public int Failed { get; init; }
    /// <summary>Sources left alone this pass, backing off after failures in a row.</summary>
    public int Skipped { get; init; }
    /// <summary>Feed items not taken before, and the pages fetched for them.</summary>
    public int NewItems { get; init; }
    /// <summary>What ingest made of the articles: stored, already stored (same text), refused.</summary>
    public int Stored { get; init; }
    public int Duplicates { get; init; }
    public int Refused { get; init; }

    /// <summary>One line for the end of a pass.</summary>
    public override string ToString() =>
        $"{Fetched + NotModified + Failed + Skipped:N0} sources ({Fetched:N0} fetched, {NotModified:N0} not modified, {Failed:N0} failed{(Skipped > 0 ? $", {Skipped:N0} backing off" : "")}); " +
        $"{NewItems:N0} new items; {Stored:N0} articles stored, {Duplicates:N0} duplicates, {Refused:N0} refused";
}

/// <summary>The use case of <c>fetch</c> and <c>watch</c>: fetch each followed feed or page, take the feed items not taken
/// before, fetch their pages, and ingest them — storing each text once and recording what was taken, so a restart goes
/// on where it stopped.</summary>
/// <remarks>
/// Order of writes, for crash safety: an item is recorded as taken only after its article is committed (or refused for
/// good), and a source's validators (ETag, Last-Modified) only after all its items are through; a crash in between
/// fetches them again, and the content hash keeps each text stored once. Failures of one source or item are reported
/// and the pass goes on.
/// </remarks>
public static class Following
{
    /// <summary>Failures in a row after which <c>watch</c> backs off a source.</summary>
    public const int BackOffAfter = 3;

    /// <summary>Longest back-off: a source that keeps failing is still tried this often.</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(6);

    /// <summary>How long a source that failed <paramref name="failures"/> times in a row is left alone: 5 minutes after
    /// the third failure, doubling with each one after, at most <see cref="MaxBackOff"/>.</summary>
    public static TimeSpan BackOff(int failures) =>
        TimeSpan.FromMinutes(Math.Min(MaxBackOff.TotalMinutes, 5 * Math.Pow(2, Math.Max(0, failures - BackOffAfter))));

    /// <summary>A feed item whose page cannot be fetched is taken from its own text when it has at least this much.</summary>
    public const int MinFeedItemChars = 400;

    /// <summary>Runs one pass over <paramref name="urls"/>. <paramref name="log"/> gets one line per fetch (a failed fetch
    /// with its code and reason), <paramref name="report"/> every item that could not become an article.</summary>
    /// <param name="backOff">Skip a source that failed <see cref="BackOffAfter"/> times in a row or more until its
    /// back-off has passed (what <c>watch</c> does; <c>fetch</c>, run by hand, tries every source).</param>
    public static async Task<FollowSummary> RunOnceAsync(IStore store, HttpFetcher fetcher, IReadOnlyList<string> urls, IngestOptions ingest,
        Action<string> log, Action<ItemError> report, CancellationToken cancel = default, bool backOff = false, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var s = new FollowSummary();
        foreach (var url in urls)
        {
            cancel.ThrowIfCancellationRequested();
            var catalog = store.Sources;
            var cursor = catalog.Cursor(url);
            if (backOff && cursor is { Failures: >= BackOffAfter, Checked: { } last } && clock.GetUtcNow() < last + BackOff(cursor.Failures))
            {
                log($"skip {url}: failed {cursor.Failures} times in a row ({cursor.Status}), tried again after {(last + BackOff(cursor.Failures)).ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
                s = s with { Skipped = s.Skipped + 1 };
                continue;
            }
            var r = await fetcher.FetchAsync(url, cursor?.ETag, cursor?.LastModified, cancel);
            log(Line(r, null));
            var now = clock.GetUtcNow();
            if (r.Error is { } error)
            {
                // The fetch line says what went wrong; the source is tried again next pass.
                catalog.SaveCursor(new SourceCursor(url, cursor?.ETag, cursor?.LastModified, now, error.Code, (cursor?.Failures ?? 0) + 1));
                s = s with { Failed = s.Failed + 1 };
                continue;
            }
            if (r.NotModified)
            {
                catalog.SaveCursor(new SourceCursor(url, cursor?.ETag, cursor?.LastModified, now, "304", 0));
                s = s with { NotModified = s.NotModified + 1 };
                continue;
            }
            var decoded = TextDecoder.Decode(r.Body!);
            if (decoded.Text is not { } text)
            {
                report(new ItemError(url, null, decoded.Error!.Value));
                catalog.SaveCursor(new SourceCursor(url, cursor?.ETag, cursor?.LastModified, now, decoded.Error!.Value.Code, (cursor?.Failures ?? 0) + 1));
                s = s with { Failed = s.Failed + 1 };
                continue;
            }
            bool feed = IsFeed(r.ContentType, text);
            if (!feed && !LooksLikeHtml(r.ContentType, text))
            {
                report(new ItemError(url, null, Errors.NotPageOrFeed(r.ContentType ?? "no content type")));
                catalog.SaveCursor(new SourceCursor(url, null, null, now, "DSR508", (cursor?.Failures ?? 0) + 1));
                s = s with { Failed = s.Failed + 1 };
                continue;
            }
            s = s with { Fetched = s.Fetched + 1 };
            // Items: a feed's entries not taken before, each with the key it is recorded under; or the page itself.
            var items = new List<(string Key, RawArticle Raw)>();
            if (feed)
            {
                int k = 0;
                foreach (var item in ArticleReader.ReadFeedToFollow(text, url))
                {
                    if (item.Article is not { } raw) { if (item.Error is { } e && !item.IsWarning) report(e); continue; }
                    if (++k > Limits.MaxFeedItems) break;
                    var key = raw.Id ?? raw.Url ?? raw.Title ?? $"#{k}";
                    if (catalog.Seen(url, key)) continue;
                    s = s with { NewItems = s.NewItems + 1 };
                    // A relative link is relative to the feed's own address.
                    if (raw.Url is { } link && !Uri.TryCreate(link, UriKind.Absolute, out _) && Uri.TryCreate(new Uri(r.FinalUrl), link, out var resolved))
                        raw = raw with { Url = resolved.AbsoluteUri };
                    var (article, permanent) = await ArticleOf(fetcher, raw, report, log, cancel);
                    if (article is not null) items.Add((key, article));
                    else if (permanent) catalog.MarkSeen(url, key, null);
                }
            }
            else
                items.Add((r.FinalUrl + "#" + (r.ETag ?? StoreIds.ContentHash(text)), new RawArticle { Source = r.FinalUrl, Url = r.FinalUrl, Body = text, Format = InputFormat.Html }));
            // Ingest them; an item is recorded once its article is committed, or refused (a refusal does not change).
            var bySource = new Dictionary<(string, int?), string>();
            var inputs = new List<InputItem>();
            for (int i = 0; i < items.Count; i++)
            {
                var raw = items[i].Raw with { Line = i + 1 };
                bySource[(raw.Source, raw.Line)] = items[i].Key;
                inputs.Add(InputItem.Ok(raw));
            }
            if (inputs.Count > 0)
            {
                var summary = Ingestion.Run(store, inputs, ingest,
                    e =>
                    {
                        report(e);
                        if (!e.Warning && bySource.TryGetValue((e.Source, e.Line), out var key)) { catalog.MarkSeen(url, key, null); }
                    },
                    onStored: st => { if (bySource.TryGetValue((st.Source, st.Line), out var key)) catalog.MarkSeen(url, key, st.ArticleId); },
                    cancel: cancel);
                s = s with { Stored = s.Stored + summary.Stored, Duplicates = s.Duplicates + summary.Duplicates, Refused = s.Refused + summary.Failed };
            }
            catalog.SaveCursor(new SourceCursor(url, r.ETag, r.LastModified, now, "200", 0));
        }
        return s;
    }

    // The article a feed item stands for: its page when it links one and the page can be fetched, else its own text when
    // it has enough of it; none otherwise (reported), with whether that will change by trying again (a server error, a
    // timeout: yes; robots.txt, a 4xx, no link: no).
    private static async Task<(RawArticle? Article, bool Permanent)> ArticleOf(HttpFetcher fetcher, RawArticle item, Action<ItemError> report, Action<string> log, CancellationToken cancel)
    {
        bool permanent = true;
        if (item.Url is { } link && Uri.TryCreate(link, UriKind.Absolute, out _))
        {
            var page = await fetcher.FetchAsync(link, cancel: cancel);
            log(Line(page, "  item"));
            if (page.Ok && TextDecoder.Decode(page.Body!) is { Text: { } html } && LooksLikeHtml(page.ContentType, html))
                return (item with { Source = page.FinalUrl, Url = page.FinalUrl, Body = html, Format = InputFormat.Html, Line = null }, false);
            permanent = page.Permanent; // the fetch line says why
        }
        if (TextLength(item.Body) >= MinFeedItemChars) return (item with { Source = item.Url ?? item.Source, Line = null }, false);
        if (item.Url is null) report(new ItemError(item.Where, null, Errors.FeedItemNoArticle(item.Title ?? item.Id ?? item.Where)));
        return (null, permanent);
    }

    private static int TextLength(string body)
    {
        int n = 0; bool tag = false;
        foreach (var c in body) { if (c == '<') tag = true; else if (c == '>') tag = false; else if (!tag && !char.IsWhiteSpace(c)) n++; }
        return n;
    }

    // A feed by its content type, else by its first characters (the reader's own sniffing: <rss, <feed, <rdf:RDF).
    private static bool IsFeed(string? contentType, string text) =>
        contentType is { } ct && (ct.Contains("rss", StringComparison.OrdinalIgnoreCase) || ct.Contains("atom", StringComparison.OrdinalIgnoreCase))
        || ArticleReader.DetectFormat("", text) == InputFormat.Rss;

    private static bool LooksLikeHtml(string? contentType, string text) =>
        contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase) || contentType.Contains("text/plain", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal) && text.Contains("<html", StringComparison.OrdinalIgnoreCase);

    /// <summary>One log line per fetch: "200 https://… 12.3 KB 0.21 s", "304 https://… not modified", "DSR503 https://…: …".</summary>
    public static string Line(FetchResult r, string? prefix)
    {
        var where = r.FinalUrl == r.Url ? r.Url : $"{r.Url} → {r.FinalUrl}";
        var head = prefix is null ? "fetch" : prefix;
        if (r.Error is { } e) return $"{head} {e.Code} {where}: {e.Message} ({r.Elapsed.TotalSeconds:N2} s)";
        if (r.NotModified) return $"{head} 304 {where}: not modified ({r.Elapsed.TotalSeconds:N2} s)";
        return $"{head} {r.Status} {where}: {r.Body!.Length / 1024.0:N1} KB ({r.Elapsed.TotalSeconds:N2} s)";
    }
}
