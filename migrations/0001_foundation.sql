-- Tadata foundation schema. Forward only: never edit a migration that has shipped; add one.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- French full text that ignores accents: stop words dropped first (before unaccent turns "été"
-- into "ete"), then unaccent, then the French stemmer.
CREATE TEXT SEARCH DICTIONARY tadata_fr_stop (TEMPLATE = simple, STOPWORDS = french, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION tadata_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION tadata_fr
  ALTER MAPPING FOR hword, hword_part, word WITH tadata_fr_stop, unaccent, french_stem;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can be used in indexes.
CREATE FUNCTION tadata_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Key/value facts about this instance (reference data versions, demo loaded, ...).
CREATE TABLE instance_setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Territories ----------------------------------------------------------------------------------

CREATE TABLE region (
  code text PRIMARY KEY,
  name text NOT NULL,
  population integer
);

CREATE TABLE departement (
  code text PRIMARY KEY,
  name text NOT NULL,
  region_code text NOT NULL REFERENCES region (code),
  population integer
);

CREATE TABLE epci (
  code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  population integer
);

-- Current communes, plus delegated/associated communes and municipal arrondissements
-- (kind), each pointing to its parent commune, so old names and "Paris 11e" resolve.
CREATE TABLE commune (
  insee_code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  parent_insee_code text,
  departement_code text REFERENCES departement (code),
  region_code text REFERENCES region (code),
  epci_code text REFERENCES epci (code),
  postal_codes text[] NOT NULL DEFAULT '{}',
  population integer,
  latitude double precision,
  longitude double precision
);
CREATE INDEX commune_departement_idx ON commune (departement_code);
CREATE INDEX commune_postal_codes_idx ON commune USING gin (postal_codes);
CREATE INDEX commune_name_trgm_idx ON commune USING gin (tadata_unaccent(lower(name)) gin_trgm_ops);

-- Taxonomy -------------------------------------------------------------------------------------

CREATE TABLE taxonomy_term (
  vocabulary text NOT NULL,
  code text NOT NULL,
  label_fr text NOT NULL,
  label_en text,
  description_fr text,
  parent_code text,
  position integer NOT NULL DEFAULT 0,
  version text NOT NULL,
  PRIMARY KEY (vocabulary, code)
);

-- A partner's own tag mapped to taxonomy codes (the crosswalk). partner_key is the partner's
-- name as the rule set spells it; rules with partner_key '*' apply to every partner.
CREATE TABLE tag_rule (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner_key text NOT NULL,
  tag text NOT NULL,
  tag_normalized text NOT NULL,
  codes text[] NOT NULL,
  origin text NOT NULL,
  UNIQUE (partner_key, tag_normalized)
);

-- Partners, sources, harvests ------------------------------------------------------------------

CREATE TABLE partner (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  website text,
  logo_url text,
  licence text NOT NULL DEFAULT 'CC-BY-SA-4.0',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'excluded')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE source (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner_id integer NOT NULL REFERENCES partner (id),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('html', 'json', 'feed', 'sitemap', 'file')),
  current_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every saved change of a source's config is a new version; runs record the one they used.
CREATE TABLE source_config_version (
  source_id integer NOT NULL REFERENCES source (id),
  version integer NOT NULL,
  config jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, version)
);

CREATE TABLE harvest_run (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id integer NOT NULL REFERENCES source (id),
  config_version integer NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('harvest', 'import')),
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  stats jsonb NOT NULL DEFAULT '{}',
  error text
);
CREATE INDEX harvest_run_source_idx ON harvest_run (source_id, started_at DESC);

-- One item as found at the source, keyed by a key that stays stable across runs.
CREATE TABLE raw_record (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id integer NOT NULL REFERENCES source (id),
  stable_key text NOT NULL,
  content_hash text NOT NULL,
  fields jsonb NOT NULL,
  source_url text,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  changed_at timestamptz NOT NULL,
  gone_at timestamptz,
  last_run_id integer REFERENCES harvest_run (id),
  UNIQUE (source_id, stable_key)
);

-- Published projects ---------------------------------------------------------------------------

CREATE TABLE project (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  public_id text NOT NULL UNIQUE,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  carrier text,
  summary text,
  website text,
  contact_email text,
  contact_phone text,
  themes text[] NOT NULL DEFAULT '{}',
  subthemes text[] NOT NULL DEFAULT '{}',
  publics text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  -- Tags and place names as one text, for the search vector (array_to_string is not immutable).
  keywords text NOT NULL DEFAULT '',
  licence text NOT NULL,
  published boolean NOT NULL DEFAULT true,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('tadata_fr', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('tadata_fr', coalesce(carrier, '')), 'B') ||
    setweight(to_tsvector('tadata_fr', coalesce(summary, '')), 'C') ||
    setweight(to_tsvector('tadata_fr', keywords), 'D')
  ) STORED
);
CREATE INDEX project_search_idx ON project USING gin (search_vector);
CREATE INDEX project_themes_idx ON project USING gin (themes);
CREATE INDEX project_first_seen_idx ON project (first_seen_at DESC, id DESC);

CREATE TABLE project_location (
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  position integer NOT NULL,
  label text,
  postal_code text,
  insee_code text,
  city text,
  epci_code text,
  departement_code text,
  region_code text,
  latitude double precision,
  longitude double precision,
  precision text NOT NULL CHECK (precision IN ('address', 'commune', 'postal_code', 'departement', 'region', 'national', 'unknown')),
  PRIMARY KEY (project_id, position)
);
CREATE INDEX project_location_departement_idx ON project_location (departement_code, project_id);
CREATE INDEX project_location_region_idx ON project_location (region_code, project_id);

-- Provenance: which raw record (of which source and partner) a project comes from, with the
-- link to the project's page on the partner's site.
CREATE TABLE project_source (
  project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  raw_record_id integer NOT NULL UNIQUE REFERENCES raw_record (id),
  source_id integer NOT NULL REFERENCES source (id),
  partner_id integer NOT NULL REFERENCES partner (id),
  source_url text,
  licence text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, raw_record_id)
);
CREATE INDEX project_source_partner_idx ON project_source (partner_id);

-- The charter in one place: a source credits a project publicly only while its partner is
-- active and the record is still found at the source. Every public query goes through this.
CREATE VIEW public_project_source AS
SELECT ps.project_id, ps.raw_record_id, ps.source_id, ps.partner_id, ps.source_url, ps.licence,
       ps.first_seen_at, ps.last_seen_at,
       pa.slug AS partner_slug, pa.name AS partner_name, pa.website AS partner_website,
       pa.logo_url AS partner_logo_url
FROM project_source ps
JOIN partner pa ON pa.id = ps.partner_id AND pa.status = 'active'
JOIN raw_record r ON r.id = ps.raw_record_id AND r.gone_at IS NULL;
