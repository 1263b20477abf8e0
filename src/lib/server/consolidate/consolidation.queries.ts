/**
 * The SQL of a consolidation run, one statement per constant, in the order a run uses them.
 * Batches travel as one JSON parameter (json_to_recordset), so a batch of 1,000 records costs
 * a handful of round trips on PGlite and PostgreSQL alike.
 */

/** Sources with their partner and current config ($1: source ids, or null for all). */
export const SOURCES_TO_CONSOLIDATE = `
SELECT s.id, s.slug, s.current_version AS "configVersion", c.config, s.trust, pa.status,
       pa.id AS "partnerId", pa.slug AS "partnerSlug", pa.name AS "partnerName", pa.website AS "partnerWebsite", pa.licence,
       pa.tag_rule_key AS "tagRuleKey", pa.exclusions, pa.media_allowed AS "mediaAllowed"
FROM source s
JOIN partner pa ON pa.id = s.partner_id
JOIN source_config_version c ON c.source_id = s.id AND c.version = s.current_version
WHERE $1::int[] IS NULL OR s.id = ANY ($1::int[])
ORDER BY s.slug`;

/**
 * The next batch of a source's live raw records after stable key $2 ($4 at most), all of them
 * (a full run); $3 is the rules suffix they are consolidated with. The fields come as JSON text,
 * parsed where they are mapped (maybe on a worker thread).
 */
export const RECORDS_TO_CONSOLIDATE = `
SELECT r.id, r.stable_key AS "stableKey", r.fields::text AS "fieldsJson", r.source_url AS "sourceUrl",
       r.first_seen_at AS "firstSeenAt", r.last_seen_at AS "lastSeenAt",
       r.content_hash || $3 AS "consolidatedKey"
FROM raw_record r
WHERE r.source_id = $1 AND r.gone_at IS NULL AND r.stable_key > $2
ORDER BY r.stable_key
LIMIT $4`;

/**
 * The rules part (":version:hash") of the consolidated_key of source $1's live records consolidated
 * with their current content, lowest and highest: two probes of raw_record_consolidated_rules_idx
 * (migration 0010). Both equal to the source's current rules: no record has other rules.
 */
export const SOURCE_CONSOLIDATED_RULES = `
SELECT min(substr(r.consolidated_key, length(r.content_hash) + 1)) AS lowest,
       max(substr(r.consolidated_key, length(r.content_hash) + 1)) AS highest
FROM raw_record r
WHERE r.source_id = $1 AND r.gone_at IS NULL AND starts_with(r.consolidated_key, r.content_hash)`;

/**
 * RECORDS_TO_CONSOLIDATE for an incremental run where every other record of the source has the
 * current rules: those whose content changed or never consolidated, read through the small
 * partial index raw_record_unconsolidated_idx (migration 0010).
 */
export const CHANGED_RECORDS_TO_CONSOLIDATE = `
SELECT r.id, r.stable_key AS "stableKey", r.fields::text AS "fieldsJson", r.source_url AS "sourceUrl",
       r.first_seen_at AS "firstSeenAt", r.last_seen_at AS "lastSeenAt",
       r.content_hash || $3 AS "consolidatedKey"
FROM raw_record r
WHERE r.source_id = $1 AND r.gone_at IS NULL
  AND (r.consolidated_key IS NULL OR NOT starts_with(r.consolidated_key, r.content_hash))
  AND r.stable_key > $2
ORDER BY r.stable_key
LIMIT $4`;

/**
 * RECORDS_TO_CONSOLIDATE for an incremental run after a change of the source's config or partner
 * rules: the records consolidated with another content or other rules (suffix $3).
 */
export const RECORDS_WITH_OTHER_RULES = `
SELECT r.id, r.stable_key AS "stableKey", r.fields::text AS "fieldsJson", r.source_url AS "sourceUrl",
       r.first_seen_at AS "firstSeenAt", r.last_seen_at AS "lastSeenAt",
       r.content_hash || $3 AS "consolidatedKey"
FROM raw_record r
WHERE r.source_id = $1 AND r.gone_at IS NULL AND r.stable_key > $2
  AND r.consolidated_key IS DISTINCT FROM r.content_hash || $3
ORDER BY r.stable_key
LIMIT $4`;

/** How many records one of the three queries above gives, counting no further than its limit ($4). */
export const countRecords = (recordsQuery: string) =>
  `SELECT count(*)::int AS n FROM (${recordsQuery}) AS batch`;

/** Every slug in use or kept for a redirect: new slugs avoid them all. */
export const TAKEN_SLUGS = `SELECT slug FROM project UNION ALL SELECT slug FROM project_redirect`;

/** The projects already fed by these raw records ($1). */
export const EXISTING_LINKS = `
SELECT raw_record_id AS "rawRecordId", project_id AS "projectId"
FROM project_source WHERE raw_record_id = ANY ($1::int[])`;

const PROJECT_RECORD = `id int, public_id text, slug text, name text, carrier text, summary text, website text,
  contact_email text, contact_phone text, themes text[], subthemes text[], publics text[], tags text[],
  methods text[],
  keywords text, licence text, first_seen_at timestamptz, last_seen_at timestamptz, maturity text, scale text,
  image_url text, distinctions text[], theme_origins jsonb, field_sources jsonb, quality_score int,
  published boolean, name_key text, carrier_key text, website_domain text, territory_codes text[],
  locations_box text, public_partners text[], public_last_seen_at timestamptz`;

/**
 * New projects ($1: JSON array); an excluded record's project is created unpublished. Territory
 * codes, the locations' box and public credits come with the row as the search triggers will find
 * them (codes sorted here, as the triggers sort them), so that the triggers do not rewrite every
 * new project (a rewrite recomputes its generated search vectors).
 */
export const INSERT_PROJECTS = `
INSERT INTO project (public_id, slug, name, carrier, summary, website, contact_email, contact_phone, themes,
  subthemes, publics, tags, keywords, licence, first_seen_at, last_seen_at, maturity, scale, image_url,
  distinctions, theme_origins, field_sources, quality_score, published, name_key, carrier_key, website_domain,
  territory_codes, locations_box, public_partners, public_last_seen_at, methods)
SELECT public_id, slug, name, carrier, summary, website, contact_email, contact_phone, themes, subthemes,
  publics, tags, keywords, licence, first_seen_at, last_seen_at, maturity, scale, image_url, distinctions,
  theme_origins, field_sources, quality_score, published, name_key, carrier_key, website_domain,
  ARRAY(SELECT DISTINCT c FROM unnest(territory_codes) AS c ORDER BY c), locations_box::box, public_partners,
  public_last_seen_at, methods
FROM json_to_recordset($1::json) AS x(${PROJECT_RECORD})
RETURNING id, public_id AS "publicId"`;

/**
 * Updates projects in place (id, slug and public id never change) only where something differs.
 * Territory codes and the box as INSERT_PROJECTS writes them; they do not count as a difference
 * (the location triggers keep them right).
 */
export const UPDATE_PROJECTS = `
UPDATE project p SET name = x.name, carrier = x.carrier, summary = x.summary, website = x.website,
  contact_email = x.contact_email, contact_phone = x.contact_phone, themes = x.themes, subthemes = x.subthemes,
  publics = x.publics, tags = x.tags, keywords = x.keywords, licence = x.licence,
  last_seen_at = greatest(p.last_seen_at, x.last_seen_at), maturity = x.maturity, scale = x.scale,
  image_url = x.image_url, distinctions = x.distinctions, theme_origins = x.theme_origins,
  field_sources = x.field_sources, quality_score = x.quality_score, name_key = x.name_key,
  carrier_key = x.carrier_key, website_domain = x.website_domain, methods = x.methods,
  territory_codes = ARRAY(SELECT DISTINCT c FROM unnest(x.territory_codes) AS c ORDER BY c),
  locations_box = x.locations_box::box, updated_at = now()
FROM json_to_recordset($1::json) AS x(${PROJECT_RECORD})
WHERE p.id = x.id
  AND ROW(p.name, p.carrier, p.summary, p.website, p.contact_email, p.contact_phone, p.themes, p.subthemes,
          p.publics, p.tags, p.keywords, p.licence, p.maturity, p.scale, p.image_url, p.distinctions,
          p.theme_origins, p.field_sources, p.quality_score, p.name_key, p.carrier_key, p.website_domain, p.methods,
          greatest(p.last_seen_at, x.last_seen_at))
      IS DISTINCT FROM
      ROW(x.name, x.carrier, x.summary, x.website, x.contact_email, x.contact_phone, x.themes, x.subthemes,
          x.publics, x.tags, x.keywords, x.licence, x.maturity, x.scale, x.image_url, x.distinctions,
          x.theme_origins, x.field_sources, x.quality_score, x.name_key, x.carrier_key, x.website_domain, x.methods,
          p.last_seen_at)`;

/**
 * Provenance: each record's link, licence, freshness, exclusion and unmapped tags ($1: JSON array);
 * a row that says the same is not rewritten (a full run over unchanged records writes nothing).
 */
export const UPSERT_PROJECT_SOURCES = `
INSERT INTO project_source (project_id, raw_record_id, source_id, partner_id, source_url, licence,
  first_seen_at, last_seen_at, excluded, unmapped_tags, fields)
SELECT project_id, raw_record_id, source_id, partner_id, source_url, licence, first_seen_at, last_seen_at,
  excluded, unmapped_tags, fields
FROM json_to_recordset($1::json) AS x(project_id int, raw_record_id int, source_id int, partner_id int,
  source_url text, licence text, first_seen_at timestamptz, last_seen_at timestamptz, excluded boolean,
  unmapped_tags text[], fields jsonb)
ON CONFLICT (raw_record_id) DO UPDATE SET source_url = excluded.source_url, licence = excluded.licence,
  last_seen_at = excluded.last_seen_at, excluded = excluded.excluded, unmapped_tags = excluded.unmapped_tags,
  fields = excluded.fields
WHERE ROW(project_source.source_url, project_source.licence, project_source.last_seen_at, project_source.excluded,
          project_source.unmapped_tags, project_source.fields)
      IS DISTINCT FROM
      ROW(excluded.source_url, excluded.licence, excluded.last_seen_at, excluded.excluded, excluded.unmapped_tags,
          excluded.fields)`;

/** The contributing sources of the projects the subquery lists: live, not excluded, from an active partner. */
const MERGED_SOURCES_OF = (projects: string) => `
SELECT ps.project_id AS "projectId", s.slug AS "sourceSlug", s.trust, ps.last_seen_at AS "lastSeenAt",
       ps.licence, ps.fields
FROM project_source ps
JOIN source s ON s.id = ps.source_id
JOIN partner pa ON pa.id = ps.partner_id AND pa.status = 'active'
JOIN raw_record r ON r.id = ps.raw_record_id AND r.gone_at IS NULL
WHERE ps.fields IS NOT NULL AND NOT ps.excluded
  AND ps.project_id IN (${projects})
ORDER BY ps.project_id, s.slug, ps.raw_record_id`;

/** The contributing sources of those projects ($1) that have several: a merged project is rebuilt from them. */
export const MERGED_PROJECT_SOURCES = MERGED_SOURCES_OF(`
    SELECT project_id FROM project_source WHERE project_id = ANY ($1::int[])
    GROUP BY project_id HAVING count(*) > 1`);

/**
 * MERGED_PROJECT_SOURCES for every project (a full run of every source): one grouping of the
 * provenance instead of an id array as long as the table, which the planner may test row by row.
 */
export const ALL_MERGED_PROJECT_SOURCES = MERGED_SOURCES_OF(
  `SELECT project_id FROM project_source GROUP BY project_id HAVING count(*) > 1`,
);

/**
 * The locations past each project's new count ($1: JSON array of {project_id, count}). With
 * UPSERT_LOCATIONS, an unchanged location is not written, so the search triggers have nothing to redo.
 */
export const DELETE_EXTRA_LOCATIONS = `
DELETE FROM project_location l
USING json_to_recordset($1::json) AS x(project_id int, count int)
WHERE l.project_id = x.project_id AND l.position >= x.count`;

/** Projects' locations by position ($1: JSON array), written only where something differs. */
export const UPSERT_LOCATIONS = `
INSERT INTO project_location (project_id, position, label, postal_code, insee_code, city, epci_code,
  departement_code, region_code, latitude, longitude, precision, coordinates_flagged)
SELECT project_id, position, label, postal_code, insee_code, city, epci_code, departement_code, region_code,
  latitude, longitude, precision, coordinates_flagged
FROM json_to_recordset($1::json) AS x(project_id int, position int, label text, postal_code text,
  insee_code text, city text, epci_code text, departement_code text, region_code text,
  latitude double precision, longitude double precision, precision text, coordinates_flagged boolean)
ORDER BY project_id, position
ON CONFLICT (project_id, position) DO UPDATE SET label = excluded.label, postal_code = excluded.postal_code,
  insee_code = excluded.insee_code, city = excluded.city, epci_code = excluded.epci_code,
  departement_code = excluded.departement_code, region_code = excluded.region_code,
  latitude = excluded.latitude, longitude = excluded.longitude, precision = excluded.precision,
  coordinates_flagged = excluded.coordinates_flagged
WHERE ROW(project_location.label, project_location.postal_code, project_location.insee_code,
          project_location.city, project_location.epci_code, project_location.departement_code,
          project_location.region_code, project_location.latitude, project_location.longitude,
          project_location.precision, project_location.coordinates_flagged)
      IS DISTINCT FROM
      ROW(excluded.label, excluded.postal_code, excluded.insee_code, excluded.city, excluded.epci_code,
          excluded.departement_code, excluded.region_code, excluded.latitude, excluded.longitude,
          excluded.precision, excluded.coordinates_flagged)`;

/**
 * Remembers what each record was consolidated with ($1: JSON array of {id, key}). A record already
 * marked so is left alone: a full run over unchanged records rewrites none of them.
 */
export const MARK_CONSOLIDATED = `
UPDATE raw_record r SET consolidated_key = x.key
FROM json_to_recordset($1::json) AS x(id int, key text)
WHERE r.id = x.id AND r.consolidated_key IS DISTINCT FROM x.key`;

/**
 * A project is published while one of its source records is still found and not excluded
 * (partner status is the view's business). Every project (a full run); returns the changed ones.
 */
export const REFRESH_ALL_PUBLICATION = `
UPDATE project p SET published = x.live, updated_at = now()
FROM (
  SELECT ps.project_id, bool_or(r.gone_at IS NULL AND NOT ps.excluded) AS live
  FROM project_source ps JOIN raw_record r ON r.id = ps.raw_record_id
  GROUP BY ps.project_id
) x
WHERE x.project_id = p.id AND p.published <> x.live
RETURNING p.id, x.live`;

/**
 * REFRESH_ALL_PUBLICATION for these projects only ($1: those a run touched; the projects of gone
 * records and unpublished projects, which a record back may revive, are always checked, found
 * through partial indexes). The scope is gathered first and the provenance read through its
 * primary key, so an incremental run aggregates the provenance of those projects only.
 */
export const REFRESH_PUBLICATION = `
WITH scope AS (
  SELECT t.id FROM unnest($1::int[]) AS t (id)
  UNION SELECT g.project_id FROM project_source g
        JOIN raw_record gr ON gr.id = g.raw_record_id AND gr.gone_at IS NOT NULL
  UNION SELECT u.id FROM project u WHERE NOT u.published
)
UPDATE project p SET published = x.live, updated_at = now()
FROM (
  SELECT ps.project_id, bool_or(r.gone_at IS NULL AND NOT ps.excluded) AS live
  FROM scope JOIN project_source ps ON ps.project_id = scope.id
  JOIN raw_record r ON r.id = ps.raw_record_id
  GROUP BY ps.project_id
) x
WHERE x.project_id = p.id AND p.published <> x.live
RETURNING p.id, x.live`;

/** The columns of raw_record a run plans with: its keys, not its fields (most of ANALYZE's work). */
const RECORD_KEYS = `raw_record (id, source_id, stable_key, content_hash, consolidated_key, gone_at)`;

/**
 * Fresh statistics after a run's writes (PGlite has no autovacuum): the tables may have grown from
 * nothing, and without them the merges and the search triggers would plan sequential scans per row.
 * The records, sources and partners too, which the merges join: autovacuum leaves a table of five
 * partners unanalysed, and a first import of 30,000 records then spent 39 s reading merged projects.
 */
export const ANALYZE_WRITTEN = `ANALYZE project, project_source, project_location, ${RECORD_KEYS}, source, partner`;

/**
 * ANALYZE_WRITTEN for a full run: only the columns the run's own statements and the next
 * incremental run plan with. The text search vectors and the stored fields wait for the VACUUM
 * (ANALYZE) that follows a full run on PGlite, or for autovacuum. The records come in too: their
 * consolidated keys all changed, and the merges and duplicates join them (without statistics, a
 * first run misjudged "gone_at IS NULL" and rescanned a grouping 30,000 times: 59 s at 30k).
 */
export const ANALYZE_WRITTEN_KEYS = `
ANALYZE project (id, public_id, published, name_key, carrier_key, website_domain),
  project_source (project_id, raw_record_id, source_id, partner_id, source_url, excluded), project_location,
  ${RECORD_KEYS}, source, partner`;

/**
 * The records' consolidated keys and the word dictionary changed: statistics for the next run,
 * after a full run too small for ANALYZE_WRITTEN_KEYS.
 */
export const ANALYZE_RECORD_KEYS = `ANALYZE ${RECORD_KEYS}, search_word`;

/** The word dictionary after a run whose records ANALYZE_WRITTEN(_KEYS) already counted. */
export const ANALYZE_SEARCH_WORDS = `ANALYZE search_word`;
