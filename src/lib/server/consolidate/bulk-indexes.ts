import type { Queryable } from '../platform/db/database.ts';

/** The tables a full consolidation rewrites: their secondary indexes are rebuilt once instead. */
const REWRITTEN_TABLES = ['project', 'project_location', 'project_source', 'search_word'];

/** Non-unique indexes (unique ones enforce identity and serve ON CONFLICT: they stay). */
const SECONDARY_INDEXES = `
SELECT t.relname AS "table", quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = current_schema() AND t.relname = ANY ($1::text[]) AND NOT i.indisunique
ORDER BY t.relname, c.relname`;

/**
 * Runs a bulk rewrite with the secondary indexes of the rewritten tables dropped, then builds
 * them again in one pass each (much cheaper than maintaining a dozen GIN and trigram indexes
 * row by row). The rewrite may have some tables' indexes built earlier (`buildNow`), when their
 * last writes are few and its thread has nothing else to do. Call it inside the run's
 * transaction: a failure restores every index with the data. DROP INDEX locks the table until
 * commit, so only where nothing else reads meanwhile (PGlite serialises its transactions anyway).
 */
export async function withIndexesRebuilt<T>(
  db: Queryable,
  run: (buildNow: (tables: readonly string[]) => Promise<void>) => Promise<T>,
): Promise<T> {
  const dropped = await db.query<{ table: string; name: string; definition: string }>(SECONDARY_INDEXES, [
    REWRITTEN_TABLES,
  ]);
  for (const index of dropped) await db.exec(`DROP INDEX ${index.name}`);
  const build = async (tables: readonly string[]) => {
    for (const index of dropped.filter((i) => tables.includes(i.table))) {
      await db.exec(index.definition);
      dropped.splice(dropped.indexOf(index), 1);
    }
  };
  const result = await run(build);
  await build(REWRITTEN_TABLES);
  return result;
}
