/**
 * What duplicate detection compares, per published project ($1: ids, or null for all): name,
 * carrier and website keys, the start of the presentation, places, and partner page URLs.
 */
export const DEDUP_ROWS = `
SELECT p.id, p.public_id AS "publicId", p.first_seen_at AS "firstSeenAt", p.name_key AS "nameKey",
  p.carrier_key AS "carrierKey", p.website_domain AS "websiteDomain", left(p.summary, 300) AS summary,
  coalesce((SELECT array_agg(DISTINCT l.departement_code) FROM project_location l
            WHERE l.project_id = p.id AND l.departement_code IS NOT NULL), '{}') AS departements,
  coalesce((SELECT array_agg(DISTINCT l.insee_code) FROM project_location l
            WHERE l.project_id = p.id AND l.insee_code IS NOT NULL), '{}') AS communes,
  coalesce((SELECT array_agg(DISTINCT ps.source_id || ' ' || ps.source_url) FROM project_source ps
            WHERE ps.project_id = p.id AND ps.source_url IS NOT NULL), '{}') AS "sourceUrls"
FROM project p
WHERE p.published AND ($1::int[] IS NULL OR p.id = ANY ($1::int[]))
ORDER BY p.public_id`;

/**
 * DEDUP_ROWS for every published project (a full run): aggregates joined once, not per row, and
 * without DISTINCT (one small sort per project and aggregate): the caller drops repeated values.
 */
export const DEDUP_ROWS_ALL = `
WITH places AS (
  SELECT project_id,
    coalesce(array_agg(departement_code) FILTER (WHERE departement_code IS NOT NULL), '{}') AS departements,
    coalesce(array_agg(insee_code) FILTER (WHERE insee_code IS NOT NULL), '{}') AS communes
  FROM project_location GROUP BY project_id
),
pages AS (
  SELECT project_id,
    coalesce(array_agg(source_id || ' ' || source_url) FILTER (WHERE source_url IS NOT NULL), '{}') AS urls
  FROM project_source GROUP BY project_id
)
SELECT p.id, p.public_id AS "publicId", p.first_seen_at AS "firstSeenAt", p.name_key AS "nameKey",
  p.carrier_key AS "carrierKey", p.website_domain AS "websiteDomain", left(p.summary, 300) AS summary,
  coalesce(l.departements, '{}') AS departements, coalesce(l.communes, '{}') AS communes,
  coalesce(u.urls, '{}') AS "sourceUrls"
FROM project p
LEFT JOIN places l ON l.project_id = p.id
LEFT JOIN pages u ON u.project_id = p.id
WHERE p.published
ORDER BY p.public_id`;

/**
 * Published projects that may duplicate the projects $1 (an incremental run): same name, same
 * carrier, same website domain, same partner page, or a similar name (pg_trgm %, threshold set
 * by the caller with set_config). Each branch is an index lookup (the carrier's condition is on
 * p, as the partial index project_carrier_key_idx states it).
 */
export const DUPLICATE_NEIGHBOURS = `
WITH touched AS (
  SELECT id, name_key, carrier_key, website_domain FROM project WHERE published AND id = ANY ($1::int[])
)
SELECT p.id FROM touched t JOIN project p ON p.name_key = t.name_key AND p.published
UNION SELECT p.id FROM touched t
  JOIN project p ON p.carrier_key = t.carrier_key AND p.carrier_key <> '' AND p.published
UNION SELECT p.id FROM touched t JOIN project p ON p.website_domain = t.website_domain AND p.published
UNION SELECT p.id FROM touched t JOIN project p ON p.name_key % t.name_key AND p.published
UNION SELECT o.project_id FROM project_source s JOIN touched t ON t.id = s.project_id
  JOIN project_source o ON o.source_url = s.source_url AND o.source_id <> s.source_id`;

/** Decisions already taken on pairs, by public ids ($1: JSON array of {a, b}). */
export const KNOWN_PAIRS = `
SELECT d.public_id_a AS a, d.public_id_b AS b, d.status
FROM duplicate_pair d
JOIN json_to_recordset($1::json) AS x(a text, b text) ON x.a = d.public_id_a AND x.b = d.public_id_b`;

/** Records pairs (public ids in order) with their score; a decision already taken stays. */
export const UPSERT_PAIRS = `
INSERT INTO duplicate_pair (public_id_a, public_id_b, score, reasons, status, decided_by, decided_at)
SELECT a, b, score, reasons, status, decided_by, CASE WHEN status = 'pending' THEN NULL ELSE now() END
FROM json_to_recordset($1::json) AS x(a text, b text, score real, reasons text[], status text, decided_by text)
ON CONFLICT (public_id_a, public_id_b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons,
  status = CASE WHEN duplicate_pair.status = 'pending' THEN excluded.status ELSE duplicate_pair.status END,
  decided_by = coalesce(duplicate_pair.decided_by, excluded.decided_by),
  decided_at = coalesce(duplicate_pair.decided_at, excluded.decided_at)`;

/**
 * Merges ($1: JSON array of {absorbed, survivor}): the absorbed projects' sources (credits and
 * links) move to their survivor, their URLs and public ids become redirects, then they go.
 */
export const MOVE_SOURCES = `
UPDATE project_source ps SET project_id = x.survivor
FROM json_to_recordset($1::json) AS x(absorbed int, survivor int) WHERE ps.project_id = x.absorbed`;
export const MOVE_REDIRECTS = `
UPDATE project_redirect r SET project_id = x.survivor
FROM json_to_recordset($1::json) AS x(absorbed int, survivor int) WHERE r.project_id = x.absorbed`;
export const ADD_REDIRECTS = `
INSERT INTO project_redirect (slug, public_id, project_id)
SELECT p.slug, p.public_id, x.survivor
FROM project p JOIN json_to_recordset($1::json) AS x(absorbed int, survivor int) ON p.id = x.absorbed
ON CONFLICT (slug) DO UPDATE SET project_id = excluded.project_id`;
export const DELETE_PROJECTS = `
DELETE FROM project p USING json_to_recordset($1::json) AS x(absorbed int, survivor int) WHERE p.id = x.absorbed`;

/** Pairs waiting for a coordinator, best first, with both projects' names and carriers. */
export const PENDING_PAIRS = `
SELECT d.public_id_a AS "publicIdA", d.public_id_b AS "publicIdB", d.score, d.reasons,
       pa.name AS "nameA", pa.carrier AS "carrierA", pa.slug AS "slugA",
       pb.name AS "nameB", pb.carrier AS "carrierB", pb.slug AS "slugB"
FROM duplicate_pair d
JOIN project pa ON pa.public_id = d.public_id_a
JOIN project pb ON pb.public_id = d.public_id_b
WHERE d.status = 'pending'
ORDER BY d.score DESC, d.public_id_a, d.public_id_b
LIMIT $1`;

export const PROJECT_BY_PUBLIC_ID = `SELECT id, public_id AS "publicId", first_seen_at AS "firstSeenAt" FROM project WHERE public_id = $1`;

/** A coordinator's decision ($3: merged or rejected) on the pair ($1 < $2), found or not. */
export const DECIDE_PAIR = `
INSERT INTO duplicate_pair (public_id_a, public_id_b, score, reasons, status, decided_by, decided_at)
VALUES ($1, $2, 0, '{}', $3, 'coordinator', now())
ON CONFLICT (public_id_a, public_id_b) DO UPDATE SET status = excluded.status, decided_by = 'coordinator',
  decided_at = now()`;
