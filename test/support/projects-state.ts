import type { Database } from '../../src/lib/server/platform/db/database.ts';

/** Everything a rebuild must reproduce: ids, URLs, fields and locations. */
export async function projectsState(db: Database): Promise<string[]> {
  const rows = await db.query<{ line: string }>(`
    SELECT p.public_id || ' ' || p.slug || ' ' || p.name || ' ' || coalesce(p.summary, '') || ' ' ||
           array_to_string(p.themes, ',') || ' ' || p.quality_score || ' ' || p.published || ' ' ||
           coalesce((SELECT string_agg(coalesce(l.insee_code, '?') || '@' || l.latitude || ',' || l.longitude, ';' ORDER BY l.position)
                     FROM project_location l WHERE l.project_id = p.id), '') AS line
    FROM project p ORDER BY p.public_id`);
  return rows.map((r) => r.line);
}
