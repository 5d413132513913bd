using System.Text.Json;
using Dossier.Contract;
using Dossier.Documents;
using Dossier.Store.Actors;
using Npgsql;

using static Dossier.Store.StoreIds;

namespace Dossier.Store.Postgres;

// Storing articles: one at a time (its own write transaction) or several in a group commit (one transaction holding the
// writers' lock, a savepoint per article). The policy is shared with SQLite (Store/Actors, Store/Happenings); what is here
// is the SQL and the transactions.
public sealed partial class PostgresStore
{
    private void AddSource(long articleId, Document doc)
    {
        using var cmd = Command("""
            INSERT INTO article_sources (article_id, external_id, source, url, first_seen)
            VALUES (@a, @ext, @src, @url, @now) ON CONFLICT DO NOTHING
            """);
        cmd.P("a", articleId).P("ext", doc.Id ?? "").P("src", doc.Source ?? "").P("url", doc.Url).P("now", Now()).ExecuteNonQuery();
    }

    public IReadOnlySet<string> ContentHashes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT content_hash FROM articles");
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    // The open group commit, if any (BeginBatch): Add then works in a savepoint of its transaction.
    private Batch? _batch;

    public IStoreBatch BeginBatch()
    {
        if (_batch is not null) throw new InvalidOperationException("a batch is already open on this store");
        // The writers' lock is taken here and held until the batch ends: the batch's articles are resolved against the
        // actors as they are when it commits, never against a state another process is changing meanwhile.
        try { _batch = new Batch(this, BeginWrite()); }
        catch (NpgsqlException e) { throw new DossierException(Errors.StoreWrite(Message(e))); }
        return _batch;
    }

    public AddResult Add(Document doc, string pipeline)
    {
        if (_batch is { } batch) return batch.Add(doc, pipeline);
        NpgsqlTransaction tx;
        try { tx = BeginWrite(); }
        catch (NpgsqlException e) { throw new DossierException(Errors.StoreWrite(Message(e))); }
        using (tx)
        {
            try
            {
                var result = AddIn(doc, pipeline);
                tx.Commit();
                return result;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
            {
                TryRollback(tx);
                throw new DossierException(Errors.StoreWrite(Message(e)));
            }
            catch
            {
                TryRollback(tx);
                throw;
            }
            finally { _tx = null; }
        }
    }

    // A rollback after a failure must not hide that failure: a connection the server has dropped cannot roll back (the
    // server has ended the transaction already).
    private static void TryRollback(NpgsqlTransaction tx)
    {
        try { tx.Rollback(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { }
    }

    /// <summary>Several articles in one transaction, each in a savepoint: one commit (one flush of the write-ahead log)
    /// per batch, and the writers' lock taken once.</summary>
    /// <remarks>A statement that fails aborts a PostgreSQL transaction until it rolls back: rolling back to the article's
    /// savepoint clears that and removes only this article's rows, so the batch goes on as on SQLite.</remarks>
    private sealed class Batch(PostgresStore store, NpgsqlTransaction tx) : IStoreBatch
    {
        private const string Savepoint = "article";
        private bool _done;
        private string? _broken;

        public int Count { get; private set; }

        public AddResult Add(Document doc, string pipeline)
        {
            if (_done) throw new InvalidOperationException("the batch has ended");
            if (_broken is not null) throw new DossierException(Errors.StoreWrite("the batch was rolled back: " + _broken));
            try { tx.Save(Savepoint); }
            catch (NpgsqlException e)
            {
                _broken = Message(e);
                throw new DossierException(Errors.StoreWrite(Message(e)));
            }
            try
            {
                var result = store.AddIn(doc, pipeline);
                tx.Release(Savepoint);
                Count++;
                return result;
            }
            catch (Exception e)
            {
                // Only this article's rows go; the articles before it in the batch stay. A lost connection ends the whole
                // transaction: then the batch is lost and says so at its commit.
                try
                {
                    tx.Rollback(Savepoint);
                    tx.Release(Savepoint);
                }
                catch (Exception r) when (r is NpgsqlException or InvalidOperationException) { _broken = Message(e); }
                if (e is NpgsqlException or InvalidOperationException or ArgumentException)
                    throw new DossierException(Errors.StoreWrite(Message(e)));
                throw;
            }
        }

        public void Commit()
        {
            if (_done) throw new InvalidOperationException("the batch has ended");
            _done = true;
            if (_broken is not null) { TryRollback(tx); End(); throw new DossierException(Errors.StoreWrite("the batch was rolled back: " + _broken)); }
            try { tx.Commit(); }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                TryRollback(tx);
                throw new DossierException(Errors.StoreWrite(Message(e)));
            }
            finally { End(); }
        }

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                try { TryRollback(tx); } finally { End(); }
            }
        }

        private void End()
        {
            tx.Dispose();
            store._tx = null;
            store._batch = null;
        }
    }

    // Stores one article inside the open write transaction; throws on failure (the caller rolls back).
    private AddResult AddIn(Document doc, string pipeline)
    {
        var hash = ContentHash(doc.Text);
        object? dup;
        using (var find = Command("SELECT id FROM articles WHERE content_hash = @h"))
            dup = find.P("h", hash).ExecuteScalar();
        if (dup is long existing)
        {
            // Nothing of the extraction is stored again; only the new input's identity is remembered.
            AddSource(existing, doc);
            return new AddResult(existing, true, 0);
        }

        // The article's date as stored; its quotes carry it too, so it is formatted once.
        string? published = doc.Published?.ToString("yyyy-MM-dd");
        long articleId;
        using (var insert = Command("""
            INSERT INTO articles (external_id, content_hash, source, url, title, published, byline, text, words, pipeline, contract, ingested)
            VALUES (@ext, @h, @src, @url, @title, @pub, @by, @text, @words, @pipe, '', @now) RETURNING id
            """))
            articleId = (long)insert
                .P("ext", doc.Id).P("h", hash).P("src", doc.Source).P("url", doc.Url).P("title", doc.Title)
                .P("pub", published).P("by", doc.Byline).P("text", doc.Text)
                .P("words", CountWords(doc.Text)).P("pipe", pipeline).P("now", Now())
                .ExecuteScalar()!;
        AddSource(articleId, doc);
        AfterStep?.Invoke("article");

        var (ids, created) = ActorResolver.Resolve(doc, articleId, Catalog); // the policy every engine shares (Store/Actors)
        AfterStep?.Invoke("actors");

        // The contract as exported: canonical ids in place of the document-local ones; external id or the hash as id.
        var record = ContractMapper.ToRecord(doc, pipeline, i => CanonicalId(ids[i])) with { Id = doc.Id ?? hash[..16] };
        record = record with { Actors = OnePerId(record.Actors) };
        using (var contract = Command("UPDATE articles SET contract = @json WHERE id = @id"))
            contract.P("json", JsonSerializer.Serialize(record, ContractJson.Default.ArticleRecord)).P("id", articleId).ExecuteNonQuery();

        long? Canon(int i) => i >= 0 && i < ids.Length ? ids[i] : null;

        // The rows of each step go to the server in one round trip (a batch of statements): a server is a network hop
        // away, where SQLite is a function call, and an article has dozens of mentions. Each step is written before its
        // AfterStep hook runs, as on SQLite.
        using (var rows = new RowBatch(this))
        {
            foreach (var e in doc.Entities)
                rows.Add("""INSERT INTO mentions (article_id, start, "end", type, text, actor_id) VALUES ($1, $2, $3, $4, $5, $6)""",
                    articleId, e.Start, e.End, e.Type.ToString(), doc.Slice(e.Start, e.End), Canon(e.Actor));
            rows.Run();
        }
        AfterStep?.Invoke("mentions");

        using (var rows = new RowBatch(this))
        {
            for (int i = 0; i < doc.Actors.Count; i++)
                foreach (var r in doc.Actors[i].Roles)
                    rows.Add("""
                        INSERT INTO roles (actor_id, article_id, title, "of", qualifier, start, "end", evidence_start, evidence_end, published)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::integer, $9::integer, $10)
                        """, ids[i], articleId, r.Title, r.Of, r.Qualifier, r.Start, r.End, r.EvidenceStart, r.EvidenceEnd, published);
            rows.Run();
        }
        AfterStep?.Invoke("roles");

        using (var rows = new RowBatch(this))
        {
            foreach (var t in doc.Timexes)
                rows.Add("""INSERT INTO timexes (article_id, start, "end", text, type, value, mod) VALUES ($1, $2, $3, $4, $5, $6, $7)""",
                    articleId, t.Start, t.End, doc.Slice(t.Start, t.End), t.Type.ToString(), t.Value, t.Mod);
            rows.Run();
        }
        AfterStep?.Invoke("timexes");

        using (var rows = new RowBatch(this))
        {
            foreach (var q in doc.Quotes)
                rows.Add("""
                    INSERT INTO quotes (article_id, start, "end", kind, speaker_id, speaker_text, cue, published)
                    VALUES ($1, $2, $3, $4, $5::bigint, $6, $7, $8)
                    """, articleId, q.Start, q.End, q.Kind.ToString().ToLowerInvariant(), Canon(q.Speaker), q.SpeakerText, q.Cue, published);
            rows.Run();
        }
        AfterStep?.Invoke("quotes");

        using (var rows = new RowBatch(this))
        {
            foreach (var cl in doc.Claims)
                rows.Add("""
                    INSERT INTO claims (article_id, start, "end", certainty, source, source_actor_id, cue)
                    VALUES ($1, $2, $3, $4, $5, $6::bigint, $7)
                    """, articleId, cl.Start, cl.End, cl.Certainty.ToString().ToLowerInvariant(), cl.Source.ToString().ToLowerInvariant(),
                    Canon(cl.SourceActor), cl.Cue);
            rows.Run();
        }
        AfterStep?.Invoke("claims");

        // Quotes, claims and events keep offsets into the article's text, never copies of it (docs/limits.md). The events
        // go in one round trip with their ids returned in order, then their sides in another.
        if (doc.Events.Count > 0)
        {
            var eventIds = new long[doc.Events.Count];
            using (var rows = new RowBatch(this))
            {
                foreach (var ev in doc.Events)
                {
                    var (sentStart, sentEnd) = SentenceOf(doc, ev);
                    rows.Add("""
                        INSERT INTO events (article_id, start, "end", sentence_start, sentence_end, trigger, cameo, plover, plover_mode, goldstein, date,
                                            date_sort, date_from_publication, certainty, negated, mentions, published)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id
                        """, articleId, ev.Start, ev.End, sentStart, sentEnd, doc.Slice(ev.TriggerStart, ev.TriggerEnd), ev.Cameo, ev.Plover,
                        ev.PloverMode, ev.Goldstein, ev.Date, ReadModels.EventDates.SortKey(ev.Date), ev.DateFromPublication ? 1 : 0,
                        ev.Certainty.ToString().ToLowerInvariant(), ev.Negated ? 1 : 0, ev.OtherMentions.Count + 1, published);
                }
                rows.ReadIds(eventIds);
            }
            using (var rows = new RowBatch(this))
            {
                for (int k = 0; k < doc.Events.Count; k++)
                {
                    var ev = doc.Events[k];
                    foreach (var (list, side) in new[] { (ev.Source, "source"), (ev.Target, "target") })
                        foreach (var i in list)
                            if (Canon(i) is long actor)
                                rows.Add("INSERT INTO event_actors (event_id, actor_id, side) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                    eventIds[k], actor, side);
                }
                rows.Run();
            }
        }
        AfterStep?.Invoke("events");

        HonourBlocks(doc, ids, articleId); // a name split off by hand stays off (Store/Actors/ActorSplits)
        AfterStep?.Invoke("blocks");
        ActorDecisions.ConsolidateBareNames(Catalog, doc, ids);
        AfterStep?.Invoke("consolidate");
        AssignHappenings(); // with the actors final: one happening per act across articles (PostgresStore.Happenings.cs)
        AfterStep?.Invoke("happenings");
        return new AddResult(articleId, false, created);
    }

    /// <summary>Statements sent to the server together (one round trip), in the open transaction; positional parameters.</summary>
    private sealed class RowBatch(PostgresStore store) : IDisposable
    {
        private readonly NpgsqlBatch _batch = new(store._c, store._tx is { Connection: not null } tx ? tx : null);

        public void Add(string sql, params object?[] values)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
            _batch.BatchCommands.Add(cmd);
        }

        public void Run()
        {
            if (_batch.BatchCommands.Count > 0) _batch.ExecuteNonQuery();
        }

        // The id each statement returned (INSERT … RETURNING id), in the order the statements were added.
        public void ReadIds(long[] ids)
        {
            if (_batch.BatchCommands.Count == 0) return;
            using var r = _batch.ExecuteReader();
            int k = 0;
            do
            {
                if (!r.Read()) throw new InvalidOperationException("an insert returned no id");
                ids[k++] = r.GetInt64(0);
            }
            while (r.NextResult());
        }

        public void Dispose() => _batch.Dispose();
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
