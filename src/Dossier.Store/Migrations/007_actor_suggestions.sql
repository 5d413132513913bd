-- 007: merges the name matcher proposes at ingest, for review (issue 17). A name no rule joined to a stored actor, but
-- alike to one of its names (NameMatcher at or above its threshold, below the score that joins without review), makes a
-- new actor and a proposal here: `dossier actor suggestions` lists the open ones; a merge accepts one, a dismissal
-- keeps the two apart in the list. Merges move proposals with the actors (SqliteStore.MoveActor).
CREATE TABLE actor_suggestions (
    actor_id   INTEGER NOT NULL REFERENCES actors (id),   -- the actor made by the article that proposed it
    other_id   INTEGER NOT NULL REFERENCES actors (id),   -- the stored actor it may be
    score      REAL NOT NULL,                             -- the name matcher's score
    evidence   TEXT NOT NULL,                             -- which names, how alike
    article_id INTEGER NOT NULL,                          -- the article that proposed it
    status     TEXT NOT NULL DEFAULT 'open',              -- open | dismissed
    note       TEXT,                                      -- why it was dismissed
    PRIMARY KEY (actor_id, other_id)
) WITHOUT ROWID;
CREATE INDEX actor_suggestions_other ON actor_suggestions (other_id);
CREATE INDEX actor_suggestions_open ON actor_suggestions (status, score DESC);
