-- Manual actor decisions (issue 5): "actor merge A B", "actor split A ALIAS". They win over automatic resolution and
-- hold for every article ingested afterwards.

-- A merged actor keeps its row (and id) as a redirect to the actor it was merged into.
ALTER TABLE actors ADD COLUMN merged_into INTEGER REFERENCES actors (id);

-- Every manual decision, in order.
CREATE TABLE actor_decisions (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    actor_id  INTEGER NOT NULL REFERENCES actors (id),   -- merge: the actor kept; split: the actor the name left
    other_id  INTEGER NOT NULL REFERENCES actors (id),   -- merge: the actor merged into it; split: the new actor
    alias_key TEXT,                                      -- split: the name key that left
    names     TEXT NOT NULL,                             -- what the user typed, for the record
    note      TEXT,
    created   TEXT NOT NULL
);

-- Name keys split off an actor: automatic resolution never joins them to it again.
CREATE TABLE actor_blocks (
    actor_id INTEGER NOT NULL REFERENCES actors (id),
    key      TEXT NOT NULL,
    PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX actor_blocks_key ON actor_blocks (key);
