/**
 * Candidate pairs among published projects, for the projects $1 (or all when null): same
 * normalised name, same carrier, same website domain, similar name (pg_trgm, threshold set by the caller with
 * set_config), same partner page given by two sources; with what scorePair needs.
 */
export const DUPLICATE_CANDIDATES = `
WITH touched AS (
  SELECT id, name_key, carrier_key, website_domain FROM project
  WHERE published AND ($1::int[] IS NULL OR id = ANY ($1::int[]))
),
pairs AS (
  SELECT t.id AS a, p.id AS b FROM touched t
  JOIN project p ON p.name_key = t.name_key AND p.id <> t.id AND p.published
  UNION
  SELECT t.id, p.id FROM touched t
  JOIN project p ON p.website_domain = t.website_domain AND p.id <> t.id AND p.published
  UNION
  SELECT t.id, p.id FROM touched t
  JOIN project p ON p.carrier_key = t.carrier_key AND t.carrier_key <> '' AND p.id <> t.id AND p.published
  UNION
  SELECT t.id, p.id FROM touched t
  JOIN project p ON p.name_key % t.name_key AND p.id <> t.id AND p.published
  UNION
  SELECT s.project_id, o.project_id FROM project_source s
  JOIN touched t ON t.id = s.project_id
  JOIN project_source o ON o.source_url = s.source_url AND o.source_id <> s.source_id AND o.project_id <> s.project_id
),
candidates AS (SELECT DISTINCT least(a, b) AS a, greatest(a, b) AS b FROM pairs)
SELECT x.a, x.b, pa.public_id AS "publicIdA", pb.public_id AS "publicIdB",
  pa.first_seen_at AS "firstSeenA", pb.first_seen_at AS "firstSeenB",
  similarity(pa.name_key, pb.name_key) AS "nameSimilarity",
  CASE WHEN pa.carrier_key = '' OR pb.carrier_key = '' THEN NULL
       ELSE similarity(pa.carrier_key, pb.carrier_key) END AS "carrierSimilarity",
  coalesce(pa.website_domain = pb.website_domain, false) AS "sameWebsiteDomain",
  CASE WHEN pa.summary IS NULL OR pb.summary IS NULL THEN NULL
       ELSE similarity(pa.summary, pb.summary) END AS "summarySimilarity",
  EXISTS (SELECT 1 FROM project_source s JOIN project_source o
            ON o.source_url = s.source_url AND o.source_id <> s.source_id
          WHERE s.project_id = x.a AND o.project_id = x.b) AS "sameSourceUrl",
  EXISTS (SELECT 1 FROM project_location la JOIN project_location lb ON lb.insee_code = la.insee_code
          WHERE la.project_id = x.a AND lb.project_id = x.b) AS "sameCommune",
  EXISTS (SELECT 1 FROM project_location la JOIN project_location lb ON lb.departement_code = la.departement_code
          WHERE la.project_id = x.a AND lb.project_id = x.b) AS "sameDepartement"
FROM candidates x
JOIN project pa ON pa.id = x.a
JOIN project pb ON pb.id = x.b
ORDER BY pa.public_id, pb.public_id`;

/** Decisions already taken on pairs, by public ids ($1: JSON array of {a, b}). */
export const KNOWN_PAIRS = `
SELECT d.public_id_a AS a, d.public_id_b AS b, d.status
FROM duplicate_pair d
JOIN json_to_recordset($1::json) AS x(a text, b text) ON x.a = d.public_id_a AND x.b = d.public_id_b`;

/** Records a pair (public ids in order) with its score; a decision already taken stays. */
export const UPSERT_PAIR = `
INSERT INTO duplicate_pair (public_id_a, public_id_b, score, reasons, status, decided_by, decided_at)
VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'pending' THEN NULL ELSE now() END)
ON CONFLICT (public_id_a, public_id_b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons,
  status = CASE WHEN duplicate_pair.status = 'pending' THEN excluded.status ELSE duplicate_pair.status END,
  decided_by = coalesce(duplicate_pair.decided_by, excluded.decided_by),
  decided_at = coalesce(duplicate_pair.decided_at, excluded.decided_at)`;

/**
 * Merges project $2 into project $1: its sources (credits and links) move over, its URL and
 * public id become redirects to the survivor, then it is deleted.
 */
export const MOVE_SOURCES = `UPDATE project_source SET project_id = $1 WHERE project_id = $2`;
export const MOVE_REDIRECTS = `UPDATE project_redirect SET project_id = $1 WHERE project_id = $2`;
export const ADD_REDIRECT = `
INSERT INTO project_redirect (slug, public_id, project_id)
SELECT slug, public_id, $1 FROM project WHERE id = $2
ON CONFLICT (slug) DO UPDATE SET project_id = excluded.project_id`;
export const DELETE_PROJECT = `DELETE FROM project WHERE id = $1`;

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
