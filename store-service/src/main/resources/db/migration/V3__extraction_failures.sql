-- A letter extract-service gave up on (it went to letters.received-dlt): when, and why, for the operator.
-- A later successful extraction (extracted_at after failed_at) supersedes the failure.
ALTER TABLE letters
    ADD COLUMN failed_at      timestamptz,
    ADD COLUMN failure_reason text;
