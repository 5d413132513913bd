-- 008: live sources (issue 18). What `fetch` and `watch` know of each feed or page they follow, so that a restart goes
-- on where it stopped: the validators of the last answer (a conditional request gets 304 when nothing changed) and
-- every item already taken, with the article it gave. An item is recorded only once its article is committed (or
-- refused for good), so a crash between the two fetches it again and the content hash keeps it stored once.
CREATE TABLE sources (
    url           TEXT PRIMARY KEY,      -- as the user gave it
    etag          TEXT,                  -- ETag of the last 200 answer
    last_modified TEXT,                  -- Last-Modified of the last 200 answer, as sent
    checked       TEXT,                  -- the last fetch (ISO 8601, UTC)
    status        TEXT,                  -- its outcome: 200, 304, or an error code (DSR5nn)
    failures      INTEGER NOT NULL DEFAULT 0  -- fetches failed in a row
) WITHOUT ROWID;

CREATE TABLE source_items (
    source     TEXT NOT NULL,            -- sources.url
    item       TEXT NOT NULL,            -- the item's guid, else its link
    article_id INTEGER,                  -- the article it gave (a duplicate points at the one stored), null when refused
    seen       TEXT NOT NULL,            -- when it was taken (ISO 8601, UTC)
    PRIMARY KEY (source, item)
) WITHOUT ROWID;
