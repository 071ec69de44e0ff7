-- What the query API and the page search and sort on.

-- Full-text search over the letter text with PostgreSQL's Dutch configuration (stemming, Dutch stop words).
-- Generated, so it can never disagree with the text; the two-argument to_tsvector is immutable, as a generated
-- column requires. A letter whose receipt has not arrived yet has no text and matches no search.
ALTER TABLE letters
    ADD COLUMN text_search tsvector GENERATED ALWAYS AS (to_tsvector('dutch', coalesce(text, ''))) STORED;

CREATE INDEX letters_text_search_idx ON letters USING GIN (text_search);

-- The default order of letter lists, newest first, with the id as tie-breaker.
CREATE INDEX letters_date_idx ON letters (letter_date DESC, letter_id);

-- "The same mission across letters": name or acronym compared case-insensitively.
CREATE INDEX missions_lower_name_idx ON missions (lower(name));
CREATE INDEX missions_lower_acronym_idx ON missions (lower(acronym));

CREATE INDEX motie_submitters_lower_name_idx ON motie_submitters (lower(name));
