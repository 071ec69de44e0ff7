-- Read model of letters and the entities extracted from them.
--
-- Records arrive from five topics that are consumed independently, so any of them can come first: an entity can be
-- stored before its letter, and a letter's extraction before its receipt. No table therefore has a foreign key to a
-- row another topic provides. A letter row is created by whichever of letters.received and letters.extracted arrives
-- first and each fills in only its own columns; entity rows name their letter by id only.
-- Enum values (format, chamber, recurrence) are stored by symbol name.

CREATE TABLE letters (
    letter_id           text PRIMARY KEY,

    -- from letters.received; null until it arrives
    received_at         timestamptz,
    text                text,
    source_file_name    text,
    source_content_type text,
    source_format       text,
    source_size_bytes   bigint,

    -- from letters.extracted; null until it arrives
    extracted_at        timestamptz,
    extractor_version   text,
    dossier             text,
    dossier_title       text,
    document_number     text,
    chamber             text,
    session_year        text,
    letter_date         date,
    senders             jsonb,  -- [{"role", "name"}] in signing order; always read and written whole
    -- The entities of the latest extraction, in the extractor's order. A letter is STORED once all are present.
    mission_ids         text[],
    budget_ids          text[],
    motie_ids           text[]
);

CREATE INDEX letters_dossier_idx ON letters (dossier, document_number);

CREATE TABLE missions (
    entity_id          text PRIMARY KEY,
    letter_id          text             NOT NULL,
    extractor_version  text             NOT NULL,
    confidence         double precision NOT NULL,
    evidence_quote     text             NOT NULL,
    evidence_start     integer          NOT NULL,
    evidence_end       integer          NOT NULL,
    name               text             NOT NULL,
    acronym            text,
    organisation       text,
    country            text,
    personnel          integer,
    start_date         date,
    end_date           date,
    dutch_contribution boolean          NOT NULL
);

CREATE INDEX missions_letter_id_idx ON missions (letter_id);

CREATE TABLE budgets (
    entity_id         text PRIMARY KEY,
    letter_id         text             NOT NULL,
    extractor_version text             NOT NULL,
    confidence        double precision NOT NULL,
    evidence_quote    text             NOT NULL,
    evidence_start    integer          NOT NULL,
    evidence_end      integer          NOT NULL,
    amount_eur        bigint           NOT NULL,
    text              text             NOT NULL,
    recurrence        text             NOT NULL,
    year              integer,
    purpose           text
);

CREATE INDEX budgets_letter_id_idx ON budgets (letter_id);

-- The Kamerstuk holding the motie is kept on the motie row: a motie has at most one, and
-- "every letter that refers to motie <dossier>/<number>" is then one indexed lookup.
CREATE TABLE moties (
    entity_id              text PRIMARY KEY,
    letter_id              text             NOT NULL,
    extractor_version      text             NOT NULL,
    confidence             double precision NOT NULL,
    evidence_quote         text             NOT NULL,
    evidence_start         integer          NOT NULL,
    evidence_end           integer          NOT NULL,
    text                   text             NOT NULL,
    reference_dossier      text,
    reference_number       text,
    reference_chamber      text,
    reference_session_year text,
    CONSTRAINT moties_reference_complete CHECK (
        (reference_dossier IS NULL) = (reference_number IS NULL)
        AND (reference_dossier IS NULL) = (reference_chamber IS NULL))
);

CREATE INDEX moties_letter_id_idx ON moties (letter_id);
CREATE INDEX moties_reference_idx ON moties (reference_dossier, reference_number);

-- Submitters belong to their motie row, which is always written first in the same transaction.
CREATE TABLE motie_submitters (
    entity_id text    NOT NULL REFERENCES moties (entity_id) ON DELETE CASCADE,
    position  integer NOT NULL,
    name      text    NOT NULL,
    party     text,
    PRIMARY KEY (entity_id, position)
);
