-- 004: one happening per real-world act (issue 14). Events that agree on sources, targets (canonical actors), PLOVER type,
-- negation and day (±1 day) are reports of one happening; coarser dates (a month, a week) group only when equal. The
-- store assigns happenings on ingest and after merges and splits (SqliteStore.Happenings.cs); events stored before this
-- migration get theirs when the store is next opened.
CREATE TABLE happenings (
    id         INTEGER PRIMARY KEY,
    plover     TEXT NOT NULL,
    negated    INTEGER NOT NULL,
    sources    TEXT NOT NULL,        -- canonical source actor ids, ascending, comma-separated
    targets    TEXT NOT NULL,        -- canonical target actor ids, ascending, comma-separated ('' for none)
    date       TEXT,                 -- a day (YYYY-MM-DD) the reports agree on within a day, or the coarser date value they share
    precise    INTEGER NOT NULL,     -- 1 when date is a day
    day_first  TEXT,                 -- earliest and latest day of its reports (date_sort)
    day_last   TEXT,
    reports    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX happenings_key ON happenings (plover, sources, targets, date);

ALTER TABLE events ADD COLUMN happening_id INTEGER REFERENCES happenings (id);
ALTER TABLE events ADD COLUMN mentions INTEGER NOT NULL DEFAULT 1; -- mentions of it in its article (EventMention.OtherMentions + 1)
CREATE INDEX events_happening ON events (happening_id);
