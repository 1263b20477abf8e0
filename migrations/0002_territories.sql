-- Old names and codes of merged communes, so that data written before a merger still geocodes.

-- 584 delegated communes kept the INSEE code of the commune they merged into (Auneau is a
-- delegated commune of Auneau-Bleury-Saint-Symphorien, both 28015): the primary key leaves no
-- room for them as rows, so their names live on the commune that owns the code.
ALTER TABLE commune ADD COLUMN delegated_names text[] NOT NULL DEFAULT '{}';

-- Codes of communes absorbed without becoming delegated communes (no row of their own).
ALTER TABLE commune ADD COLUMN former_insee_codes text[] NOT NULL DEFAULT '{}';
CREATE INDEX commune_former_insee_codes_idx ON commune USING gin (former_insee_codes);
