-- The full-text index's new entries wait in GIN's pending list until they are merged into the index in bulk. Left to
-- PostgreSQL, the insert that fills the list past gin_pending_list_limit (4 MB, about 170 letters) does the merge
-- inside the store's write transaction. Alone on PostgreSQL 17, letters of 25 KB written two per transaction at 50
-- letters/s: the writes took 2.5 ms per letter, but one in a hundred took 105 ms and the slowest 167 ms. The store now
-- merges the list every few seconds on a thread of its own (persistence.SearchIndexCleanup); the limit goes up to
-- 16 MB so that a write only merges when that falls far behind. Measured the same way with the changes below: writes
-- 1.25 ms per letter, the slowest 4.5 ms, the merges 0.7 ms per letter.
ALTER INDEX letter_search_text_search_idx SET (gin_pending_list_limit = 16384);

-- A letter's tsvector (about 19 KB for 25 KB of text) does not compress by the quarter PostgreSQL asks of pglz, so it
-- was stored uncompressed after every attempt to compress it; storing it out of line without the attempt took the
-- writes from 1.9-2.2 to 1.4-1.6 ms per letter (alone, same letters, the pending list at 4 MB).
ALTER TABLE letter_search ALTER COLUMN text_search SET STORAGE EXTERNAL;
