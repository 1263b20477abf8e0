-- Search: a dictionary of indexed words (typo tolerance, "did you mean", suggestions) and
-- denormalised territory codes for fast territory filters and facets. Both are kept up to date
-- in SQL by triggers, so the code that writes projects does not need to know about them.

-- The words of a text as the dictionary stores them: lower case, without accents, 2+ letters.
CREATE FUNCTION tadata_words(text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT DISTINCT w
    FROM regexp_split_to_table(tadata_unaccent(lower($1)), '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 2 AND 40
  $$;

-- Every word found in a project's name, carrier, presentation, tags or places, with the number
-- of projects that contain it (published or not: the dictionary only proposes spellings).
CREATE TABLE search_word (
  word text PRIMARY KEY,
  ndoc integer NOT NULL DEFAULT 0
);
CREATE INDEX search_word_trgm_idx ON search_word USING gist (word gist_trgm_ops);
CREATE INDEX search_word_prefix_idx ON search_word (word text_pattern_ops);

CREATE FUNCTION tadata_project_text(p project) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT concat_ws(' ', p.name, p.carrier, p.summary, p.keywords) $$;

CREATE FUNCTION tadata_search_word_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE search_word s SET ndoc = s.ndoc - 1
      WHERE s.word IN (
        SELECT tadata_words(tadata_project_text(OLD))
        EXCEPT
        SELECT tadata_words(tadata_project_text(NEW)) WHERE TG_OP = 'UPDATE'
      );
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO search_word (word, ndoc)
      SELECT w, 1 FROM (
        SELECT tadata_words(tadata_project_text(NEW)) AS w
        EXCEPT
        SELECT tadata_words(tadata_project_text(OLD)) WHERE TG_OP = 'UPDATE'
      ) AS added
      ON CONFLICT (word) DO UPDATE SET ndoc = search_word.ndoc + 1;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_search_word_insert AFTER INSERT ON project
  FOR EACH ROW EXECUTE FUNCTION tadata_search_word_sync();
CREATE TRIGGER project_search_word_update AFTER UPDATE OF name, carrier, summary, keywords ON project
  FOR EACH ROW EXECUTE FUNCTION tadata_search_word_sync();
CREATE TRIGGER project_search_word_delete AFTER DELETE ON project
  FOR EACH ROW EXECUTE FUNCTION tadata_search_word_sync();

-- Rebuilds the dictionary from scratch (after a bulk load with triggers disabled).
CREATE FUNCTION tadata_rebuild_search_words() RETURNS void
  LANGUAGE sql
  AS $$
    DELETE FROM search_word;
    INSERT INTO search_word (word, ndoc)
    SELECT w, count(*)::int FROM project p, tadata_words(tadata_project_text(p)) AS w GROUP BY w;
  $$;

SELECT tadata_rebuild_search_words();

-- Territory codes of a project's locations, as 'R:84', 'D:69', 'E:200046977', 'C:69123', so one
-- GIN index answers every level of the hierarchy and facets unnest one array.
ALTER TABLE project ADD COLUMN territory_codes text[] NOT NULL DEFAULT '{}';
CREATE INDEX project_territory_codes_idx ON project USING gin (territory_codes);
CREATE INDEX project_subthemes_idx ON project USING gin (subthemes);
CREATE INDEX project_publics_idx ON project USING gin (publics);
CREATE INDEX project_last_seen_idx ON project (last_seen_at);
CREATE INDEX project_name_idx ON project (lower(name), id);
CREATE INDEX project_location_point_idx ON project_location (latitude, longitude);
CREATE INDEX project_location_insee_idx ON project_location (insee_code);

CREATE FUNCTION tadata_territory_codes(project_id integer) RETURNS text[]
  LANGUAGE sql STABLE
  AS $$
    SELECT coalesce(array_agg(DISTINCT c ORDER BY c), '{}')
    FROM project_location l,
         unnest(ARRAY['R:' || l.region_code, 'D:' || l.departement_code,
                      'E:' || l.epci_code, 'C:' || l.insee_code]) AS c
    WHERE l.project_id = $1 AND c IS NOT NULL
  $$;

CREATE FUNCTION tadata_territory_codes_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE project SET territory_codes = tadata_territory_codes(OLD.project_id) WHERE id = OLD.project_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      UPDATE project SET territory_codes = tadata_territory_codes(NEW.project_id) WHERE id = NEW.project_id;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_location_territory_codes AFTER INSERT OR UPDATE OR DELETE ON project_location
  FOR EACH ROW EXECUTE FUNCTION tadata_territory_codes_sync();

UPDATE project p SET territory_codes = c.codes
FROM (
  SELECT l.project_id, array_agg(DISTINCT c ORDER BY c) AS codes
  FROM project_location l,
       unnest(ARRAY['R:' || l.region_code, 'D:' || l.departement_code,
                    'E:' || l.epci_code, 'C:' || l.insee_code]) AS c
  WHERE c IS NOT NULL
  GROUP BY l.project_id
) AS c
WHERE p.id = c.project_id;

-- Public credits of each project, denormalised from the charter view public_project_source
-- (which stays the one definition of "publicly credited"): the slugs of the partners that
-- credit it and the last time one of them saw it. Search filters and facets read these instead
-- of joining three tables for every matching row. Triggers keep them in step with every change
-- of provenance, record presence (gone, last seen) or partner status.
ALTER TABLE project ADD COLUMN public_partners text[] NOT NULL DEFAULT '{}';
ALTER TABLE project ADD COLUMN public_last_seen_at timestamptz;
CREATE INDEX project_public_partners_idx ON project USING gin (public_partners);

CREATE FUNCTION tadata_refresh_public_credits(project_ids integer[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE project p
    SET public_partners = coalesce(c.partners, '{}'), public_last_seen_at = c.last_seen_at
    FROM (
      SELECT ids.id,
             (SELECT array_agg(DISTINCT s.partner_slug ORDER BY s.partner_slug)
              FROM public_project_source s WHERE s.project_id = ids.id) AS partners,
             (SELECT max(s.last_seen_at) FROM public_project_source s WHERE s.project_id = ids.id) AS last_seen_at
      FROM unnest(project_ids) AS ids (id)
    ) AS c
    WHERE p.id = c.id
      AND (p.public_partners IS DISTINCT FROM coalesce(c.partners, '{}')
           OR p.public_last_seen_at IS DISTINCT FROM c.last_seen_at)
  $$;

CREATE FUNCTION tadata_public_credits_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_TABLE_NAME = 'project_source' THEN
      PERFORM tadata_refresh_public_credits(ARRAY[
        CASE WHEN TG_OP <> 'INSERT' THEN OLD.project_id END,
        CASE WHEN TG_OP <> 'DELETE' THEN NEW.project_id END]);
    ELSIF TG_TABLE_NAME = 'raw_record' THEN
      PERFORM tadata_refresh_public_credits(ARRAY(
        SELECT ps.project_id FROM project_source ps WHERE ps.raw_record_id = NEW.id));
    ELSIF TG_TABLE_NAME = 'partner' THEN
      PERFORM tadata_refresh_public_credits(ARRAY(
        SELECT DISTINCT ps.project_id FROM project_source ps WHERE ps.partner_id = NEW.id));
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_source_public_credits AFTER INSERT OR UPDATE OR DELETE ON project_source
  FOR EACH ROW EXECUTE FUNCTION tadata_public_credits_sync();
CREATE TRIGGER raw_record_public_credits AFTER UPDATE OF gone_at, last_seen_at ON raw_record
  FOR EACH ROW EXECUTE FUNCTION tadata_public_credits_sync();
CREATE TRIGGER partner_public_credits AFTER UPDATE OF status, slug ON partner
  FOR EACH ROW EXECUTE FUNCTION tadata_public_credits_sync();

-- Backfill in one pass (the function above is for the few rows a trigger touches).
UPDATE project p
SET public_partners = c.partners, public_last_seen_at = c.last_seen_at
FROM (
  SELECT s.project_id, array_agg(DISTINCT s.partner_slug ORDER BY s.partner_slug) AS partners,
         max(s.last_seen_at) AS last_seen_at
  FROM public_project_source s GROUP BY s.project_id
) AS c
WHERE p.id = c.project_id;

-- The name alone, for "name matches first" without reading every matching row (bounded ranking).
ALTER TABLE project ADD COLUMN name_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('tadata_fr', coalesce(name, ''))) STORED;
CREATE INDEX project_name_vector_idx ON project USING gin (name_vector);
