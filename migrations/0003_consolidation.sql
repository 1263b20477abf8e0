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
  ADD COLUMN quality_score integer NOT NULL DEFAULT 0 CHECK (quality_score BETWEEN 0 AND 100);

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
  ADD COLUMN unmapped_tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX project_source_source_idx ON project_source (source_id);

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
