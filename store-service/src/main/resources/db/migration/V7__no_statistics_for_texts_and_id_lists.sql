-- No planner statistics for the columns no query filters by and whose statistics are expensive to compute. Autovacuum
-- analyzes a table after each 10 % of change (a letter changes its row twice, received and extracted), and for these
-- columns ANALYZE reads every sampled value whole: for a tsvector each of the letter's words, for an id list each id,
-- all distinct. Alone on PostgreSQL 17 with 20,400 letters: 1.24 s for the index column, 0.8-0.9 s for one id list of
-- 52 ids per letter; 0.03 s and 0.1 s without. Under load these came in bursts that held up the pipeline behind them.
-- Without statistics the planner takes a word search as selective and uses the GIN index, as it should; the id lists
-- are only read through = ANY and unnest, whose estimates do not use element statistics.
ALTER TABLE letter_search ALTER COLUMN text_search SET STATISTICS 0;
ALTER TABLE letters ALTER COLUMN text SET STATISTICS 0;
ALTER TABLE letters ALTER COLUMN mission_ids SET STATISTICS 0;
ALTER TABLE letters ALTER COLUMN budget_ids SET STATISTICS 0;
ALTER TABLE letters ALTER COLUMN motie_ids SET STATISTICS 0;
