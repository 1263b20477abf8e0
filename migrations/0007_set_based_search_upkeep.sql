-- Set-based upkeep of the search data of 0004 (word dictionary, territory codes, public credits).
-- The row-level triggers of 0004 ran once per written row, so a bulk write of 100,000 projects
-- ran 100,000 small statements per trigger. These statement-level triggers see every row a
-- statement changed at once (transition tables) and update the derived data in one pass each,
-- so the data is still right after every statement. PostgreSQL allows one event per trigger
-- and no column list on an UPDATE trigger with transition tables: the UPDATE triggers compare
-- old and new rows themselves and do nothing when the columns they follow did not change.

DROP TRIGGER project_search_word_insert ON project;
DROP TRIGGER project_search_word_update ON project;
DROP TRIGGER project_search_word_delete ON project;
DROP TRIGGER project_location_territory_codes ON project_location;
DROP TRIGGER project_source_public_credits ON project_source;
DROP TRIGGER raw_record_public_credits ON raw_record;
DROP TRIGGER partner_public_credits ON partner;
DROP FUNCTION tadata_search_word_sync();
DROP FUNCTION tadata_territory_codes_sync();
DROP FUNCTION tadata_public_credits_sync();

-- Word dictionary --------------------------------------------------------------------------------

-- Adds to each word (words[i]) its change of document count (deltas[i]), in word order so that
-- concurrent writers lock rows in the same order; words no project contains any more leave.
CREATE FUNCTION tadata_apply_word_deltas(words text[], deltas integer[]) RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO search_word (word, ndoc)
    SELECT d.word, d.delta FROM unnest(words, deltas) AS d (word, delta) ORDER BY d.word
    ON CONFLICT (word) DO UPDATE SET ndoc = search_word.ndoc + excluded.ndoc;
    DELETE FROM search_word s
    WHERE s.ndoc <= 0 AND s.word IN (SELECT d.word FROM unnest(words, deltas) AS d (word, delta) WHERE d.delta < 0);
  $$;

CREATE FUNCTION tadata_search_words_after_statement() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    words text[];
    deltas integer[];
  BEGIN
    -- Each project counts once per word: +1 for the words of its new text, -1 for those of its
    -- old text (an unchanged word adds up to 0). Updates that leave the text alone are skipped.
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(w), array_agg(n) INTO words, deltas FROM (
        SELECT w, count(*)::int AS n
        FROM new_rows p, tadata_words(concat_ws(' ', p.name, p.carrier, p.summary, p.keywords)) AS w
        GROUP BY w) AS d;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(w), array_agg(n) INTO words, deltas FROM (
        SELECT w, -count(*)::int AS n
        FROM old_rows p, tadata_words(concat_ws(' ', p.name, p.carrier, p.summary, p.keywords)) AS w
        GROUP BY w) AS d;
    ELSE
      SELECT array_agg(w), array_agg(n) INTO words, deltas FROM (
        SELECT w, sum(change)::int AS n
        FROM (
          SELECT concat_ws(' ', o.name, o.carrier, o.summary, o.keywords) AS before,
                 concat_ws(' ', n.name, n.carrier, n.summary, n.keywords) AS after
          FROM old_rows o JOIN new_rows n ON n.id = o.id
        ) AS t,
        LATERAL (SELECT w, 1 AS change FROM tadata_words(t.after) AS w
                 UNION ALL
                 SELECT w, -1 FROM tadata_words(t.before) AS w) AS c
        WHERE t.before IS DISTINCT FROM t.after
        GROUP BY w
        HAVING sum(change) <> 0) AS d;
    END IF;
    IF words IS NOT NULL THEN
      PERFORM tadata_apply_word_deltas(words, deltas);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_search_words_insert AFTER INSERT ON project
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_search_words_after_statement();
CREATE TRIGGER project_search_words_update AFTER UPDATE ON project
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_search_words_after_statement();
CREATE TRIGGER project_search_words_delete AFTER DELETE ON project
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_search_words_after_statement();

-- Territory codes --------------------------------------------------------------------------------

-- Recomputes the territory codes of these projects from their locations, writing only the
-- projects whose codes changed.
CREATE FUNCTION tadata_refresh_territory_codes(project_ids integer[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE project p SET territory_codes = c.codes
    FROM (
      SELECT ids.id, coalesce((
        SELECT array_agg(DISTINCT code ORDER BY code)
        FROM project_location l,
             unnest(ARRAY['R:' || l.region_code, 'D:' || l.departement_code,
                          'E:' || l.epci_code, 'C:' || l.insee_code]) AS code
        WHERE l.project_id = ids.id AND code IS NOT NULL), '{}') AS codes
      FROM (SELECT DISTINCT id FROM unnest(project_ids) AS u (id) WHERE id IS NOT NULL) AS ids
    ) AS c
    WHERE p.id = c.id AND p.territory_codes IS DISTINCT FROM c.codes
  $$;

CREATE FUNCTION tadata_territory_codes_after_statement() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM tadata_refresh_territory_codes(ARRAY(SELECT project_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM tadata_refresh_territory_codes(ARRAY(SELECT project_id FROM old_rows));
    ELSE
      PERFORM tadata_refresh_territory_codes(ARRAY(
        SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows));
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_location_territory_codes_insert AFTER INSERT ON project_location
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_territory_codes_after_statement();
CREATE TRIGGER project_location_territory_codes_update AFTER UPDATE ON project_location
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_territory_codes_after_statement();
CREATE TRIGGER project_location_territory_codes_delete AFTER DELETE ON project_location
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_territory_codes_after_statement();

-- Public credits ---------------------------------------------------------------------------------

-- Same contract as in 0004 (public_project_source stays the one definition of "publicly
-- credited"), one lateral aggregate per project (an index lookup each: `= ANY (array)` on a
-- parameter would scan every provenance row once per project).
CREATE OR REPLACE FUNCTION tadata_refresh_public_credits(project_ids integer[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE project p
    SET public_partners = coalesce(c.partners, '{}'), public_last_seen_at = c.last_seen_at
    FROM (
      SELECT ids.id, a.partners, a.last_seen_at
      FROM (SELECT DISTINCT id FROM unnest(project_ids) AS u (id) WHERE id IS NOT NULL) AS ids
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT s.partner_slug ORDER BY s.partner_slug) AS partners,
               max(s.last_seen_at) AS last_seen_at
        FROM public_project_source s
        WHERE s.project_id = ids.id
      ) AS a ON true
    ) AS c
    WHERE p.id = c.id
      AND (p.public_partners IS DISTINCT FROM coalesce(c.partners, '{}')
           OR p.public_last_seen_at IS DISTINCT FROM c.last_seen_at)
  $$;

CREATE FUNCTION tadata_public_credits_after_statement() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_TABLE_NAME = 'project_source' THEN
      IF TG_OP = 'INSERT' THEN
        PERFORM tadata_refresh_public_credits(ARRAY(SELECT project_id FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM tadata_refresh_public_credits(ARRAY(SELECT project_id FROM old_rows));
      ELSE
        PERFORM tadata_refresh_public_credits(ARRAY(
          SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows));
      END IF;
    ELSIF TG_TABLE_NAME = 'raw_record' THEN
      -- Only a record found gone (or back) or seen again changes its projects' credits.
      PERFORM tadata_refresh_public_credits(ARRAY(
        SELECT DISTINCT ps.project_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN project_source ps ON ps.raw_record_id = n.id
        WHERE o.gone_at IS DISTINCT FROM n.gone_at OR o.last_seen_at IS DISTINCT FROM n.last_seen_at));
    ELSIF TG_TABLE_NAME = 'partner' THEN
      PERFORM tadata_refresh_public_credits(ARRAY(
        SELECT DISTINCT ps.project_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN project_source ps ON ps.partner_id = n.id
        WHERE o.status IS DISTINCT FROM n.status OR o.slug IS DISTINCT FROM n.slug));
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_source_public_credits_insert AFTER INSERT ON project_source
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_public_credits_after_statement();
CREATE TRIGGER project_source_public_credits_update AFTER UPDATE ON project_source
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_public_credits_after_statement();
CREATE TRIGGER project_source_public_credits_delete AFTER DELETE ON project_source
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_public_credits_after_statement();
CREATE TRIGGER raw_record_public_credits AFTER UPDATE ON raw_record
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_public_credits_after_statement();
CREATE TRIGGER partner_public_credits AFTER UPDATE ON partner
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_public_credits_after_statement();

-- Words no project contains any more were kept at 0 by 0004: they go now, as they will from here on.
DELETE FROM search_word WHERE ndoc <= 0;

-- Consolidation always rechecks the publication of projects with a gone record and of unpublished
-- projects (a record back may revive them): few rows, found without reading every record.
CREATE INDEX raw_record_gone_idx ON raw_record (id) WHERE gone_at IS NOT NULL;
CREATE INDEX project_unpublished_idx ON project (id) WHERE NOT published;
