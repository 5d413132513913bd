using System.Text.Json;
using Dossier.Contract;
using Dossier.Documents;
using Dossier.Store.Actors;
using Microsoft.Data.Sqlite;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Sqlite;

public sealed partial class SqliteStore
{
    private void AddSource(long articleId, Document doc, SqliteTransaction tx) =>
        Prepared("""
            INSERT OR IGNORE INTO article_sources (article_id, external_id, source, url, first_seen)
            VALUES ($a, $ext, $src, $url, $now)
            """)
            .P("$a", articleId).P("$ext", doc.Id ?? "").P("$src", doc.Source ?? "").P("$url", doc.Url)
            .P("$now", Now()).ExecuteNonQuery();

    public IReadOnlySet<string> ContentHashes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT content_hash FROM articles";
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    // The open group commit, if any (BeginBatch): Add then works in a savepoint of its transaction.
    private Batch? _batch;

    public IStoreBatch BeginBatch()
    {
        if (_batch is not null) throw new InvalidOperationException("a batch is already open on this store");
        try { _batch = new Batch(this, _c.BeginTransaction()); }
        catch (SqliteException e) { throw new DossierException(Errors.StoreWrite(e.Message)); }
        return _batch;
    }

    public AddResult Add(Document doc, string pipeline)
    {
        if (_batch is { } batch) return batch.Add(doc, pipeline);
        using var tx = _c.BeginTransaction();
        try
        {
            var result = AddIn(doc, pipeline, tx);
            tx.Commit();
            return result;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or ArgumentException)
        {
            tx.Rollback();
            throw new DossierException(Errors.StoreWrite(e.Message));
        }
        catch
        {
            tx.Rollback();
            throw;
        }
    }

    /// <summary>Several articles in one transaction, each in a savepoint (SQLite's nested transactions): one commit,
    /// and therefore one flush of the full-text index's pending terms and of the touched pages, per batch.</summary>
    private sealed class Batch(SqliteStore store, SqliteTransaction tx) : IStoreBatch
    {
        private const string Savepoint = "article";
        private bool _done;
        private string? _broken;

        public int Count { get; private set; }

        public AddResult Add(Document doc, string pipeline)
        {
            if (_done) throw new InvalidOperationException("the batch has ended");
            if (_broken is not null) throw new DossierException(Errors.StoreWrite("the batch was rolled back: " + _broken));
            tx.Save(Savepoint);
            try
            {
                var result = store.AddIn(doc, pipeline, tx);
                tx.Release(Savepoint);
                Count++;
                return result;
            }
            catch (Exception e)
            {
                // Only this article's rows go; the articles before it in the batch stay. Some failures (a full disk, an
                // I/O error) end the whole transaction in SQLite: then the batch is lost and says so at its commit.
                try
                {
                    tx.Rollback(Savepoint);
                    tx.Release(Savepoint);
                }
                catch (Exception r) when (r is SqliteException or InvalidOperationException) { _broken = e.Message; }
                if (e is SqliteException or InvalidOperationException or ArgumentException)
                    throw new DossierException(Errors.StoreWrite(e.Message));
                throw;
            }
        }

        public void Commit()
        {
            if (_done) throw new InvalidOperationException("the batch has ended");
            _done = true;
            if (_broken is not null) { Dispose(); throw new DossierException(Errors.StoreWrite("the batch was rolled back: " + _broken)); }
            try { tx.Commit(); }
            catch (SqliteException e)
            {
                TryRollback();
                throw new DossierException(Errors.StoreWrite(e.Message));
            }
            finally { End(); }
        }

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                try { TryRollback(); } finally { End(); }
            }
        }

        private void TryRollback()
        {
            try { tx.Rollback(); }
            catch (Exception e) when (e is SqliteException or InvalidOperationException) { } // SQLite ended it already
        }

        private void End()
        {
            tx.Dispose();
            store._batch = null;
        }
    }

    // Stores one article inside the caller's transaction; throws on failure (the caller rolls back).
    private AddResult AddIn(Document doc, string pipeline, SqliteTransaction tx)
    {
        var hash = ContentHash(doc.Text);
        var dup = Prepared("SELECT id FROM articles WHERE content_hash = $h").P("$h", hash).ExecuteScalar();
        if (dup is long existing)
        {
            // Nothing of the extraction is stored again; only the new input's identity is remembered.
            AddSource(existing, doc, tx);
            return new AddResult(existing, true, 0);
        }

        // The article's date as stored; its quotes carry it too (migration 005), so it is formatted once.
        string? published = doc.Published?.ToString("yyyy-MM-dd");
        long articleId = (long)Prepared("""
            INSERT INTO articles (external_id, content_hash, source, url, title, published, byline, text, words, pipeline, contract, ingested)
            VALUES ($ext, $h, $src, $url, $title, $pub, $by, $text, $words, $pipe, '', $now) RETURNING id
            """)
            .P("$ext", doc.Id).P("$h", hash).P("$src", doc.Source).P("$url", doc.Url).P("$title", doc.Title)
            .P("$pub", published).P("$by", doc.Byline).P("$text", doc.Text)
            .P("$words", CountWords(doc.Text)).P("$pipe", pipeline).P("$now", Now())
            .ExecuteScalar()!;
        AddSource(articleId, doc, tx);
        AfterStep?.Invoke("article");

        var (ids, created) = ActorResolver.Resolve(doc, articleId, Catalog); // the policy every engine shares (Store/Actors)
        AfterStep?.Invoke("actors");

        // The contract as exported: canonical ids in place of the document-local ones; external id or the hash as id.
        var record = ContractMapper.ToRecord(doc, pipeline, i => CanonicalId(ids[i])) with { Id = doc.Id ?? hash[..16] };
        record = record with { Actors = OnePerId(record.Actors) };
        Prepared("UPDATE articles SET contract = $json WHERE id = $id")
            .P("$json", JsonSerializer.Serialize(record, ContractJson.Default.ArticleRecord)).P("$id", articleId).ExecuteNonQuery();

        long? Canon(int i) => i >= 0 && i < ids.Length ? ids[i] : null;

        foreach (var e in doc.Entities)
            Prepared("""INSERT INTO mentions (article_id, start, "end", type, text, actor_id) VALUES ($a, $s, $e, $t, $x, $act)""")
                .P("$a", articleId).P("$s", e.Start).P("$e", e.End).P("$t", e.Type.ToString()).P("$x", doc.Slice(e.Start, e.End))
                .P("$act", Canon(e.Actor)).ExecuteNonQuery();
        AfterStep?.Invoke("mentions");

        for (int i = 0; i < doc.Actors.Count; i++)
            foreach (var r in doc.Actors[i].Roles)
                Prepared("""
                    INSERT INTO roles (actor_id, article_id, title, "of", qualifier, start, "end", evidence_start, evidence_end, published)
                    VALUES ($act, $a, $t, $of, $q, $s, $e, $es, $ee, $pub)
                    """)
                    .P("$act", ids[i]).P("$a", articleId).P("$pub", published).P("$t", r.Title).P("$of", r.Of).P("$q", r.Qualifier).P("$s", r.Start)
                    .P("$e", r.End).P("$es", r.EvidenceStart).P("$ee", r.EvidenceEnd).ExecuteNonQuery();
        AfterStep?.Invoke("roles");

        foreach (var t in doc.Timexes)
            Prepared("""INSERT INTO timexes (article_id, start, "end", text, type, value, mod) VALUES ($a, $s, $e, $x, $t, $v, $m)""")
                .P("$a", articleId).P("$s", t.Start).P("$e", t.End).P("$x", doc.Slice(t.Start, t.End)).P("$t", t.Type.ToString())
                .P("$v", t.Value).P("$m", t.Mod).ExecuteNonQuery();
        AfterStep?.Invoke("timexes");

        foreach (var q in doc.Quotes)
            Prepared("""
                INSERT INTO quotes (article_id, start, "end", kind, speaker_id, speaker_text, cue, published)
                VALUES ($a, $s, $e, $k, $sp, $st, $c, $pub)
                """)
                .P("$a", articleId).P("$pub", published).P("$s", q.Start).P("$e", q.End)
                .P("$k", q.Kind.ToString().ToLowerInvariant()).P("$sp", Canon(q.Speaker)).P("$st", q.SpeakerText).P("$c", q.Cue)
                .ExecuteNonQuery();
        AfterStep?.Invoke("quotes");

        foreach (var cl in doc.Claims)
            Prepared("""
                INSERT INTO claims (article_id, start, "end", certainty, source, source_actor_id, cue)
                VALUES ($a, $s, $e, $c, $src, $sa, $cue)
                """)
                .P("$a", articleId).P("$s", cl.Start).P("$e", cl.End)
                .P("$c", cl.Certainty.ToString().ToLowerInvariant()).P("$src", cl.Source.ToString().ToLowerInvariant())
                .P("$sa", Canon(cl.SourceActor)).P("$cue", cl.Cue).ExecuteNonQuery();
        AfterStep?.Invoke("claims");

        // Quotes, claims and events keep offsets into the article's text, never copies of it (docs/limits.md).
        foreach (var ev in doc.Events)
        {
            var (sentStart, sentEnd) = SentenceOf(doc, ev);
            long eventId = (long)Prepared("""
                INSERT INTO events (article_id, start, "end", sentence_start, sentence_end, trigger, cameo, plover, plover_mode, goldstein, date,
                                    date_sort, date_from_publication, certainty, negated, mentions, published)
                VALUES ($a, $s, $e, $ss, $se, $tr, $cameo, $pl, $pm, $g, $d, $ds, $dp, $c, $n, $m, $pub) RETURNING id
                """)
                .P("$a", articleId).P("$pub", published).P("$s", ev.Start).P("$e", ev.End).P("$ss", sentStart).P("$se", sentEnd)
                .P("$tr", doc.Slice(ev.TriggerStart, ev.TriggerEnd)).P("$cameo", ev.Cameo).P("$pl", ev.Plover).P("$pm", ev.PloverMode)
                .P("$g", ev.Goldstein).P("$d", ev.Date).P("$ds", ReadModels.EventDates.SortKey(ev.Date)).P("$dp", ev.DateFromPublication ? 1 : 0)
                .P("$c", ev.Certainty.ToString().ToLowerInvariant()).P("$n", ev.Negated ? 1 : 0).P("$m", ev.OtherMentions.Count + 1).ExecuteScalar()!;
            foreach (var (list, side) in new[] { (ev.Source, "source"), (ev.Target, "target") })
                foreach (var i in list)
                    if (Canon(i) is long actor)
                        Prepared("INSERT OR IGNORE INTO event_actors (event_id, actor_id, side) VALUES ($e, $a, $s)")
                            .P("$e", eventId).P("$a", actor).P("$s", side).ExecuteNonQuery();
        }
        AfterStep?.Invoke("events");

        HonourBlocks(doc, ids, articleId); // a name split off by hand stays off (Store/Actors/ActorSplits)
        AfterStep?.Invoke("blocks");
        ActorDecisions.ConsolidateBareNames(Catalog, doc, ids);
        AfterStep?.Invoke("consolidate");
        AssignHappenings(); // with the actors final: one happening per act across articles (SqliteStore.Happenings.cs)
        AfterStep?.Invoke("happenings");
        return new AddResult(articleId, false, created);
    }

    // The sentence holding the trigger (the evidence span may be a clause); the evidence span itself when unsegmented.
    private static (int Start, int End) SentenceOf(Document doc, EventMention ev)
    {
        int s = doc.SentenceAt(ev.TriggerStart);
        if (s < 0) return (ev.Start, ev.End);
        return (Math.Min(doc.Sentences[s].Start, ev.Start), Math.Max(doc.Sentences[s].End, ev.End));
    }

    // Two document actors that became one canonical actor ("Brown" left apart from "Gordon Brown" in the article, joined in
    // the store) are one entry of the stored record: names, roles, evidence together, mentions added up.
    private static List<ActorRecord> OnePerId(List<ActorRecord> actors)
    {
        if (actors.Select(a => a.Id).Distinct().Count() == actors.Count) return actors;
        var list = new List<ActorRecord>();
        foreach (var g in actors.GroupBy(a => a.Id))
        {
            var first = g.First();
            if (g.Count() == 1) { list.Add(first); continue; }
            var names = new List<string>();
            foreach (var a in g)
                foreach (var n in a.Aliases.Prepend(a.Name))
                    if (n != first.Name && !names.Contains(n)) names.Add(n);
            var codes = new Dictionary<string, string>(first.Codes);
            foreach (var a in g.Skip(1)) foreach (var (k, v) in a.Codes) codes.TryAdd(k, v);
            var evidence = g.SelectMany(a => a.Evidence ?? []).Distinct().ToList();
            list.Add(first with
            {
                Aliases = names, Roles = g.SelectMany(a => a.Roles).ToList(), Codes = codes, Mentions = g.Sum(a => a.Mentions),
                Evidence = evidence.Count > 0 ? evidence : null,
            });
        }
        return list;
    }
}
