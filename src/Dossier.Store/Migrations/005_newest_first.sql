-- 005: the reads a dossier makes of a large store (issue 15).
-- An actor's articles and a speaker's quotes, newest first, come from an index: a dossier's first page sorted all of an
-- actor's rows by their article's date (40-60 ms for an actor in 8,000 of 105,000 articles, more the larger the store).
-- Each link and quote now carries its article's publication date (an article keeps its date once stored).
-- The links of an article are stored together (the table is keyed by article, without a separate rowid): a dossier reads
-- every link of the actor's latest thousand articles, which took a look-up in the key's index and another in the table
-- per link; and each stored link no longer writes two trees.
CREATE TABLE actor_links_005 (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    doc_actor  TEXT NOT NULL,                   -- the pipeline's document-local id (a1, a2 ...)
    actor_id   INTEGER NOT NULL REFERENCES actors (id),
    name       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    decision   TEXT NOT NULL,
    published  TEXT,                            -- the article's publication date (articles.published)
    PRIMARY KEY (article_id, doc_actor)
) WITHOUT ROWID;
INSERT INTO actor_links_005 (article_id, doc_actor, actor_id, name, mentions, decision, published)
    SELECT l.article_id, l.doc_actor, l.actor_id, l.name, l.mentions, l.decision, a.published
    FROM actor_links l JOIN articles a ON a.id = l.article_id;
DROP TABLE actor_links;
ALTER TABLE actor_links_005 RENAME TO actor_links;
-- An actor's links ordered as its pages are read, newest first. The one index by actor: a look-up of one article's link
-- names the article's date too (links of one article share it).
CREATE INDEX actor_links_actor ON actor_links (actor_id, published, article_id, mentions);

ALTER TABLE quotes ADD COLUMN published TEXT;
UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);
CREATE INDEX quotes_speaker_newest ON quotes (speaker_id, published, article_id, start);
DROP INDEX quotes_speaker; -- the new index starts with speaker_id: it serves every look-up by speaker
