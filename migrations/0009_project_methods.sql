-- A project's methods (CIS 2018 "méthodes": COO, EVA, GOU, MEC, MED, PAR, REC), from its
-- partners' tags through the crosswalk, like publics; a GIN index for the search filter.
ALTER TABLE project ADD COLUMN methods text[] NOT NULL DEFAULT '{}';
CREATE INDEX project_methods_idx ON project USING gin (methods);

-- Records consolidated before methods existed are consolidated again by the next run (even an
-- incremental one), so that existing projects get their methods without a --full run.
UPDATE raw_record SET consolidated_key = NULL WHERE consolidated_key IS NOT NULL;
