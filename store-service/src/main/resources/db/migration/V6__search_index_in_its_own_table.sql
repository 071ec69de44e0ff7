-- The full-text index moves out of the letters table into a table of its own, written with the text and otherwise
-- left alone. In the letters table every extraction updates the row, and since the extraction sets indexed columns
-- (dossier, letter date) PostgreSQL writes a new version of the row with new entries in every index, the GIN index
-- too: all of a letter's words again, for each extraction. Vacuum then has to take the old entries out of the GIN
-- index, which means reading all of it, so each vacuum of letters cost more as the store grew (600 letters received
-- and extracted on top of 20,000: 0.75 s of writes and 0.4-1.5 s of vacuum with the index in letters, 0.5 s and 0.05 s
-- with it here). A letter whose receipt has not arrived yet has no row here and matches no search.
CREATE TABLE letter_search (
    letter_id   text PRIMARY KEY REFERENCES letters (letter_id) ON DELETE CASCADE,
    text_search tsvector NOT NULL
);

INSERT INTO letter_search (letter_id, text_search)
SELECT letter_id, text_search FROM letters WHERE text_search IS NOT NULL;

CREATE INDEX letter_search_text_search_idx ON letter_search USING GIN (text_search);

ALTER TABLE letters DROP COLUMN text_search;
