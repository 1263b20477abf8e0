import type { Queryable } from '../platform/db/database.ts';

/**
 * Runs a rewrite of every project with the search upkeep triggers of the word dictionary
 * (tadata.defer_search_words, migration 0010) and of the public credits
 * (tadata.defer_public_credits, migration 0011) switched off for this transaction only, then
 * rebuilds both in one pass each: far cheaper than after each batch and each merge of a full
 * run. Call it inside the run's transaction, so both are right when it commits (and restored
 * if it fails).
 */
export async function withSearchUpkeepDeferred<T>(db: Queryable, run: () => Promise<T>): Promise<T> {
  await db.query(
    `SELECT set_config('tadata.defer_search_words', 'on', true), set_config('tadata.defer_public_credits', 'on', true)`,
  );
  const result = await run();
  await db.query(
    `SELECT set_config('tadata.defer_search_words', 'off', true), set_config('tadata.defer_public_credits', 'off', true)`,
  );
  await db.query('SELECT tadata_refresh_all_public_credits()');
  await db.query('SELECT tadata_rebuild_search_words()');
  return result;
}
