-- A version of the published data, bumped by every statement that writes projects, their
-- sources or their locations (or partners), so that a search result cache keyed by it can never
-- serve stale results after an import or a consolidation. Statement-level triggers: one bump per
-- statement, however many rows it touches. The bump is transactional: readers see the new
-- version together with the new data (read the version first, then the data).
CREATE TABLE search_data_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 1
);
INSERT INTO search_data_version DEFAULT VALUES;

CREATE FUNCTION tadata_bump_search_data_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE search_data_version SET version = version + 1;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_search_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_bump_search_data_version();
CREATE TRIGGER project_source_search_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_source
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_bump_search_data_version();
CREATE TRIGGER project_location_search_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_location
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_bump_search_data_version();
CREATE TRIGGER partner_search_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_bump_search_data_version();

-- The freshness filter ("seen in the last 12 months") combines with the other indexes.
CREATE INDEX project_public_last_seen_idx ON project (public_last_seen_at);
