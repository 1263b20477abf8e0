import type { Queryable } from '../platform/db/database.ts';

/**
 * Runs a rewrite of every project with the word dictionary's triggers switched off for this
 * transaction only (tadata.defer_search_words, migration 0010), then rebuilds the dictionary in
 * one pass: far cheaper than counting words after each batch of a full run. Call it inside the
 * run's transaction, so the dictionary is right when it commits (and restored if it fails).
 */
export async function withSearchWordsRebuilt<T>(db: Queryable, run: () => Promise<T>): Promise<T> {
  await db.query(`SELECT set_config('tadata.defer_search_words', 'on', true)`);
  const result = await run();
  await db.query(`SELECT set_config('tadata.defer_search_words', 'off', true)`);
  await db.query('SELECT tadata_rebuild_search_words()');
  return result;
}
