-- 003: events, quotes and claims keep offsets into articles.text instead of copies of it (issue 12). A copy per fact
-- made the store grow with the square of the input: 200 KB of text without a full stop is one "sentence", and each of
-- its 3,000 events stored it twice (857 MB). The readers slice the article text instead.
-- utf16_length() is registered by the migrator: offsets are C# (UTF-16) indices, while SQLite's length() and instr()
-- count code points, so the sentence's start is the event's start minus the UTF-16 length of what precedes the evidence.

ALTER TABLE events ADD COLUMN sentence_start INTEGER;
ALTER TABLE events ADD COLUMN sentence_end INTEGER;
UPDATE events SET
    sentence_start = start - utf16_length(substr(sentence, 1, max(instr(sentence, text) - 1, 0))),
    sentence_end = start - utf16_length(substr(sentence, 1, max(instr(sentence, text) - 1, 0))) + utf16_length(sentence);
ALTER TABLE events DROP COLUMN text;
ALTER TABLE events DROP COLUMN sentence;
ALTER TABLE quotes DROP COLUMN text;
ALTER TABLE claims DROP COLUMN text;
