import type { Queryable } from '../../platform/db/database.ts';
import { defaultMapping } from './default-mappings.ts';
import type { SourceMapping } from './mapping-schema.ts';

/**
 * A harvested source whose config has no mapping still publishes: its field names (title,
 * description, link, ville, code postal…) are read through the same aliases as a partner's file
 * columns. The names come from the records themselves (the first 100 by stable key), so the
 * result is deterministic and follows what the extraction really produced.
 */
export async function harvestedDefaultMapping(
  db: Queryable,
  sourceId: number,
): Promise<SourceMapping | null> {
  const rows = await db.query<{ key: string }>(
    `SELECT DISTINCT jsonb_object_keys(r.fields) AS key
     FROM (SELECT fields FROM raw_record
           WHERE source_id = $1 AND gone_at IS NULL AND jsonb_typeof(fields) = 'object'
           ORDER BY stable_key LIMIT 100) AS r
     ORDER BY key`,
    [sourceId],
  );
  return rows.length
    ? defaultMapping(
        rows.map((r) => r.key),
        { cis: false },
      )
    : null;
}
