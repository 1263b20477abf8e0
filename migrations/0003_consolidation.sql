-- Consolidation: rebuild projects from raw records alone, richer common schema, partners' rules,
-- provenance per field, redirects of merged projects. Forward only.

-- What a raw record was last consolidated with ("content hash:config version:partner rules"):
-- an incremental run picks the records whose current key differs.
ALTER TABLE raw_record ADD COLUMN consolidated_key text;

-- The common schema beyond the CIS minimum (charter art. 7: maturity stage).
ALTER TABLE project
  ADD COLUMN maturity text CHECK (maturity IN ('launch', 'deployment', 'scaling', 'completed')),
  ADD COLUMN scale text CHECK (scale IN ('local', 'departemental', 'regional', 'national', 'international')),
  ADD COLUMN image_url text,
  ADD COLUMN distinctions text[] NOT NULL DEFAULT '{}',
  -- theme code → 'partner' (the partner's own code or tag) or 'inferred' (keyword rule).
  ADD COLUMN theme_origins jsonb NOT NULL DEFAULT '{}',
  -- common field → slug of the source it was taken from.
  ADD COLUMN field_sources jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN quality_score integer NOT NULL DEFAULT 0 CHECK (quality_score BETWEEN 0 AND 100),
  -- For duplicate detection: the name and carrier normalised (lower case, no accents or
  -- punctuation) and the website's host without "www.".
  ADD COLUMN name_key text NOT NULL DEFAULT '',
  ADD COLUMN carrier_key text NOT NULL DEFAULT '',
  ADD COLUMN website_domain text;
CREATE INDEX project_name_key_idx ON project (name_key);
CREATE INDEX project_name_key_trgm_idx ON project USING gin (name_key gin_trgm_ops);
CREATE INDEX project_carrier_key_idx ON project (carrier_key) WHERE carrier_key <> '';
CREATE INDEX project_website_domain_idx ON project (website_domain) WHERE website_domain IS NOT NULL;

-- How much a source is trusted when merged records disagree (higher wins, then the freshest).
ALTER TABLE source ADD COLUMN trust integer NOT NULL DEFAULT 50;

-- Coordinates more than 30 km from the stated commune: the commune won, the fact is kept.
ALTER TABLE project_location ADD COLUMN coordinates_flagged boolean NOT NULL DEFAULT false;

-- Partners' settings: the key of their crosswalk rules in the 2018 rule set ("ODAS - APRILES"
-- for Apriles), exclusions ([{"kind": "url"|"id"|"pattern", "value": "…"}]) and whether media
-- (images) may be republished.
ALTER TABLE partner
  ADD COLUMN tag_rule_key text,
  ADD COLUMN exclusions jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN media_allowed boolean NOT NULL DEFAULT true;

-- A source record the partner excluded stays linked (so it is removed, not re-added) but never public.
ALTER TABLE project_source
  ADD COLUMN excluded boolean NOT NULL DEFAULT false,
  -- The partner's tags no crosswalk rule knows, for coordinators to map.
  ADD COLUMN unmapped_tags text[] NOT NULL DEFAULT '{}',
  -- What this record alone says in the common schema: a merged project is rebuilt from these.
  ADD COLUMN fields jsonb;
CREATE INDEX project_source_source_idx ON project_source (source_id);
CREATE INDEX project_source_url_idx ON project_source (source_url) WHERE source_url IS NOT NULL;

-- Pairs of projects that may describe the same project, by their stable public ids (so that a
-- decision survives rebuilds): merged automatically above the high threshold, else waiting for
-- a coordinator; a rejected pair is never proposed again.
CREATE TABLE duplicate_pair (
  public_id_a text NOT NULL,
  public_id_b text NOT NULL,
  score real NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('pending', 'merged', 'rejected')),
  decided_by text CHECK (decided_by IN ('auto', 'coordinator')),
  found_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  PRIMARY KEY (public_id_a, public_id_b),
  CHECK (public_id_a < public_id_b)
);
CREATE INDEX duplicate_pair_status_idx ON duplicate_pair (status, score DESC);

-- The URL of a project absorbed by a merge keeps answering with a redirect to the survivor.
CREATE TABLE project_redirect (
  slug text PRIMARY KEY,
  public_id text NOT NULL UNIQUE,
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The charter in one place, now with the partner's exclusions: same columns as before.
CREATE OR REPLACE VIEW public_project_source AS
SELECT ps.project_id, ps.raw_record_id, ps.source_id, ps.partner_id, ps.source_url, ps.licence,
       ps.first_seen_at, ps.last_seen_at,
       pa.slug AS partner_slug, pa.name AS partner_name, pa.website AS partner_website,
       pa.logo_url AS partner_logo_url
FROM project_source ps
JOIN partner pa ON pa.id = ps.partner_id AND pa.status = 'active'
JOIN raw_record r ON r.id = ps.raw_record_id AND r.gone_at IS NULL
WHERE NOT ps.excluded;
