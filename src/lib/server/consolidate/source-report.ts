import type { Queryable } from '../platform/db/database.ts';

/**
 * The consolidation report per source ($1: a source slug, or null for all): live records, those
 * no commune was found for, unmapped partner tags, records merged with another record, pairs
 * waiting for review (both projects still there), and the average quality of the projects it feeds.
 * "Shared names" counts live records whose name another record of the same source gives to a
 * different project: a spreadsheet fill-down error (a name copied onto the next rows) or two
 * projects that need telling apart; coordinators check them.
 */
export const SOURCE_REPORT = `
SELECT s.slug AS source,
  count(ps.raw_record_id)::int AS records,
  count(ps.raw_record_id) FILTER (WHERE NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(coalesce(ps.fields -> 'locations', '[]'::jsonb)) e
    WHERE e ->> 'inseeCode' IS NOT NULL))::int AS ungeocoded,
  count(ps.raw_record_id) FILTER (WHERE cardinality(ps.unmapped_tags) > 0)::int AS "withUnmappedTags",
  count(ps.raw_record_id) FILTER (WHERE EXISTS (
    SELECT 1 FROM project_source o WHERE o.project_id = ps.project_id AND o.raw_record_id <> ps.raw_record_id))::int AS merged,
  (SELECT count(DISTINCT (d.public_id_a, d.public_id_b))::int FROM duplicate_pair d
   JOIN project pa ON pa.public_id = d.public_id_a
   JOIN project pb ON pb.public_id = d.public_id_b
   JOIN project_source o ON o.project_id IN (pa.id, pb.id) AND o.source_id = s.id
   WHERE d.status = 'pending') AS "pendingDuplicates",
  count(ps.raw_record_id) FILTER (WHERE ps.excluded)::int AS excluded,
  (SELECT coalesce(sum(n), 0)::int FROM (
     SELECT count(*) AS n
     FROM project_source o JOIN raw_record r ON r.id = o.raw_record_id AND r.gone_at IS NULL
     WHERE o.source_id = s.id AND coalesce(o.fields ->> 'name', '') <> ''
     GROUP BY tadata_unaccent(lower(o.fields ->> 'name'))
     HAVING count(DISTINCT o.project_id) > 1) AS shared) AS "sharedNames",
  coalesce(round(avg(p.quality_score))::int, 0) AS "averageQuality"
FROM source s
LEFT JOIN project_source ps ON ps.source_id = s.id
  AND EXISTS (SELECT 1 FROM raw_record r WHERE r.id = ps.raw_record_id AND r.gone_at IS NULL)
LEFT JOIN project p ON p.id = ps.project_id
WHERE $1::text IS NULL OR s.slug = $1
GROUP BY s.id, s.slug
ORDER BY s.slug`;

export interface SourceReport {
  source: string;
  records: number;
  ungeocoded: number;
  withUnmappedTags: number;
  merged: number;
  pendingDuplicates: number;
  excluded: number;
  sharedNames: number;
  averageQuality: number;
}

export async function sourceReports(
  db: Queryable,
  sourceSlug: string | null = null,
): Promise<SourceReport[]> {
  return db.query<SourceReport>(SOURCE_REPORT, [sourceSlug]);
}
