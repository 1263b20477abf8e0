import type { Queryable } from '../platform/db/database.ts';

/**
 * Partner tags no crosswalk rule knows, per source, with how many live records carry each
 * ($1: a source slug, or null for all), most frequent first: the coordinators' to-do list.
 */
export const UNMAPPED_TAGS = `
SELECT s.slug AS source, t.tag, count(*)::int AS count
FROM project_source ps
JOIN source s ON s.id = ps.source_id
JOIN raw_record r ON r.id = ps.raw_record_id AND r.gone_at IS NULL
CROSS JOIN LATERAL unnest(ps.unmapped_tags) AS t (tag)
WHERE $1::text IS NULL OR s.slug = $1
GROUP BY s.slug, t.tag
ORDER BY s.slug, count DESC, t.tag`;

export interface UnmappedTag {
  source: string;
  tag: string;
  count: number;
}

export async function listUnmappedTags(
  db: Queryable,
  sourceSlug: string | null = null,
): Promise<UnmappedTag[]> {
  return db.query<UnmappedTag>(UNMAPPED_TAGS, [sourceSlug]);
}
