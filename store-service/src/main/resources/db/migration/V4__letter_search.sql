-- The full-text index of a letter's text moves out of the letters row into a row of its own.
--
-- Every letter row is written twice, by its receipt and by its extraction, in either order. The extraction changes
-- indexed columns (dossier, letter_date), so its update cannot be a heap-only update: PostgreSQL inserts the new row
-- version into every index of the table, and with the tsvector in the row that meant the GIN index received all of
-- the letter's lexemes a second time (measured with 600 letters of 25 KB on PostgreSQL 17: the extraction's upsert
-- 1.3-1.7 ms per letter against 0.3 without the column; receipt, extraction and the GIN index's pending list together
-- 1.25 ms per letter less, and an index a fifth smaller). A generated column also made every receipt that met an
-- existing row compute the tsvector twice (once for the row the upsert tried to insert), and every re-receipt of an
-- unchanged text compute it again.
--
-- letter_search is written only by the triggers below, so like the generated column it replaces it can never
-- disagree with the text: computed once when a text is first stored, again only when the text changes.

CREATE TABLE letter_search (
    letter_id   text PRIMARY KEY REFERENCES letters (letter_id) ON DELETE CASCADE,
    text_search tsvector NOT NULL
);

INSERT INTO letter_search (letter_id, text_search)
SELECT letter_id, text_search FROM letters WHERE text IS NOT NULL;

-- drops letters_text_search_idx with it
ALTER TABLE letters DROP COLUMN text_search;

CREATE INDEX letter_search_text_search_idx ON letter_search USING GIN (text_search);

CREATE FUNCTION index_letter_text() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.text IS NULL THEN
        DELETE FROM letter_search WHERE letter_id = NEW.letter_id;
    ELSE
        INSERT INTO letter_search (letter_id, text_search)
        VALUES (NEW.letter_id, to_tsvector('dutch', NEW.text))
        ON CONFLICT (letter_id) DO UPDATE SET text_search = EXCLUDED.text_search;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER letters_text_inserted
    AFTER INSERT ON letters
    FOR EACH ROW WHEN (NEW.text IS NOT NULL)
    EXECUTE FUNCTION index_letter_text();

-- UPDATE OF text: only statements that set the text (the receipt's), and of those only the ones that change it
CREATE TRIGGER letters_text_changed
    AFTER UPDATE OF text ON letters
    FOR EACH ROW WHEN (NEW.text IS DISTINCT FROM OLD.text)
    EXECUTE FUNCTION index_letter_text();
