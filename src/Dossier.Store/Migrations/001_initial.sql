-- 001: articles with full-text search, canonical actors and every extracted layer.
-- Offsets are [start, end) C# string indices into articles.text. Dates are ISO 8601 text (sortable).

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    external_id  TEXT,
    content_hash TEXT NOT NULL UNIQUE,          -- SHA-256 (hex) of the cleaned text: re-ingesting stores nothing new
    source       TEXT,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    byline       TEXT,
    text         TEXT NOT NULL,
    words        INTEGER NOT NULL,
    pipeline     TEXT NOT NULL,
    contract     TEXT NOT NULL,                 -- the extraction contract JSON (canonical actor ids)
    ingested     TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

-- Every input that delivered an article's text: the first one and any later duplicates (same content hash) with their own
-- id, path or URL, so a corpus that repeats a story under two ids loses neither id.
CREATE TABLE article_sources (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    external_id TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    url         TEXT,
    first_seen  TEXT NOT NULL,
    UNIQUE (article_id, external_id, source)
);
CREATE INDEX article_sources_external ON article_sources (external_id);
CREATE INDEX articles_external ON articles (external_id);

-- External-content FTS5 index over title and text; triggers keep it in step with articles.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;

-- Canonical actors across articles.
CREATE TABLE actors (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    codes     TEXT NOT NULL DEFAULT '{}',       -- JSON object, e.g. {"cameo":"RUSGOV"}
    mentions  INTEGER NOT NULL DEFAULT 0,
    articles  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_mentions ON actors (mentions DESC);

-- Every name a canonical actor has been seen under; key is the normalised name used for matching.
CREATE TABLE actor_aliases (
    actor_id  INTEGER NOT NULL REFERENCES actors (id),
    key       TEXT NOT NULL,
    alias     TEXT NOT NULL,                    -- first surface form seen
    last_word TEXT NOT NULL,                    -- last word of the key (surname lookups)
    words     INTEGER NOT NULL,                 -- number of words in the key
    count     INTEGER NOT NULL DEFAULT 0,       -- articles in which the actor carried this name
    metonym   INTEGER NOT NULL DEFAULT 0,       -- 1 when the name only ever stood for the actor (Moscow for Russia): shown, not matched
    evidence  TEXT,                             -- why this name joined the actor (first decision)
    PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases (key);
CREATE INDEX actor_aliases_last ON actor_aliases (last_word);

-- How many articles named each canonical actor by each name (the document actor's own name): the actor's display name
-- is the one with the most weighted votes. Kept as counts so naming costs the same however large the store grows.
CREATE TABLE actor_names (
    actor_id INTEGER NOT NULL REFERENCES actors (id),
    name     TEXT NOT NULL,
    votes    INTEGER NOT NULL,
    PRIMARY KEY (actor_id, name)
) WITHOUT ROWID;

-- One row per document actor of an article: which canonical actor it became, and why.
CREATE TABLE actor_links (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    doc_actor  TEXT NOT NULL,                   -- the pipeline's document-local id (a1, a2 ...)
    actor_id   INTEGER NOT NULL REFERENCES actors (id),
    name       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    decision   TEXT NOT NULL,
    PRIMARY KEY (article_id, doc_actor)
);
CREATE INDEX actor_links_actor ON actor_links (actor_id, article_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    type       TEXT NOT NULL,
    text       TEXT NOT NULL,
    actor_id   INTEGER REFERENCES actors (id)
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE roles (
    actor_id   INTEGER NOT NULL REFERENCES actors (id),
    article_id INTEGER NOT NULL REFERENCES articles (id),
    title      TEXT NOT NULL,
    "of"       TEXT,
    qualifier  TEXT,
    start      TEXT,
    "end"      TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX roles_actor ON roles (actor_id);

CREATE TABLE timexes (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    mod        TEXT
);
CREATE INDEX timexes_article ON timexes (article_id);

CREATE TABLE quotes (
    article_id   INTEGER NOT NULL REFERENCES articles (id),
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    speaker_id   INTEGER REFERENCES actors (id),
    speaker_text TEXT,
    cue          TEXT
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_id);

CREATE TABLE claims (
    article_id      INTEGER NOT NULL REFERENCES articles (id),
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    certainty       TEXT NOT NULL,
    source          TEXT NOT NULL,
    source_actor_id INTEGER REFERENCES actors (id),
    cue             TEXT
);
CREATE INDEX claims_article ON claims (article_id);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id),
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,                -- the evidence span the events component gives (clause or sentence)
    sentence      TEXT NOT NULL,                -- the whole sentence around the trigger, for readers
    trigger       TEXT NOT NULL,
    cameo         TEXT NOT NULL,
    plover        TEXT,
    plover_mode   TEXT,
    goldstein     REAL NOT NULL,
    date          TEXT,                         -- TIMEX3 value as given (2024-12-08, 2024-12, 2024-W49-WE …)
    date_sort     TEXT,                         -- the day it starts on (YYYY-MM-DD) for ordering and filters; null when not a calendar date
    date_from_publication INTEGER NOT NULL DEFAULT 0,
    certainty     TEXT NOT NULL,
    negated       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date_sort);

-- Source and target actors of an event (an event may have several of each).
CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events (id),
    actor_id INTEGER NOT NULL REFERENCES actors (id),
    side     TEXT NOT NULL CHECK (side IN ('source', 'target')),
    PRIMARY KEY (event_id, actor_id, side)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors (actor_id);
