-- 006: the role statements and events a dossier reads, dated and read without their articles (issue 15).
-- A dossier merges all of an actor's role statements into posts held (Occupancies), which needs every statement and its
-- article's date: each statement was a look-up in the table and another in its article's row (3-6 ms for a politician
-- with 2,000 statements in a store of 105,000 articles, the largest part of such a dossier). Statements now carry their
-- article's publication date (an article keeps its date once stored) and the index by actor holds what the dossier reads.
ALTER TABLE roles ADD COLUMN published TEXT;   -- the article's publication date (articles.published)
UPDATE roles SET published = (SELECT a.published FROM articles a WHERE a.id = roles.article_id);
DROP INDEX roles_actor;
CREATE INDEX roles_actor ON roles (actor_id, title, "of", qualifier, published, start, "end", article_id);

-- The event page of a dossier sorts an actor's events by their date, or their article's when they have none (most):
-- reading each event's article row for its date was three quarters of the page (3 of 4.5 ms for 1,600 events).
ALTER TABLE events ADD COLUMN published TEXT;  -- the article's publication date (articles.published)
UPDATE events SET published = (SELECT a.published FROM articles a WHERE a.id = events.article_id);

-- A happening names its first report (the earliest dated, then the first stored: what the event lists show for it),
-- kept as reports join it (IHappeningCatalog.AddReport). Lists of events found it by sorting each happening's reports
-- for each event listed: 1,600 sorts for the event page of a prolific actor.
ALTER TABLE happenings ADD COLUMN first_event INTEGER REFERENCES events (id);
UPDATE happenings SET first_event = (SELECT x.id FROM events x WHERE x.happening_id = happenings.id
                                     ORDER BY x.date_sort IS NULL, x.date_sort, x.id LIMIT 1);
