import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { projectsState } from '../../../../test/support/projects-state.ts';
import { importFile } from '../imports/import-file.ts';
import { createPartner } from '../partners/partner-repository.ts';
import { fromAppRoot } from '../platform/app-root.ts';
import type { Database } from '../platform/db/database.ts';
import { consolidateRecords } from './consolidate-records.ts';

const PER_SITE_FILE = fromAppRoot('data/demo/ffe-laureats-2019-une-ligne-par-site.csv');

describe('consolidateRecords of many new records at once (a big first import)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
    await createPartner(db, {
      slug: 'ffe-sites',
      name: 'FFE sites',
      website: 'https://fondationlafrancesengage.org/',
    });
    await importFile(db, { file: PER_SITE_FILE, partnerSlug: 'ffe-sites', format: 'cis' });
  });
  afterAll(() => db.close());

  /** Every record new again: the projects, their merges and the decisions go. */
  const startOver = () =>
    db.exec(`DELETE FROM project_location; DELETE FROM project_source; DELETE FROM project;
             DELETE FROM project_redirect; DELETE FROM duplicate_pair; UPDATE raw_record SET consolidated_key = NULL;`);

  it("finds the same duplicates through the full run's blocking as through each project's neighbours", async () => {
    await startOver();
    const byNeighbours = await db.transaction((tx) => consolidateRecords(tx));
    const expected = await projectsState(db);
    await startOver();
    // Both demo files' 300 projects touched: above a threshold of 1, the blocking of a full run.
    const byBlocking = await db.transaction((tx) => consolidateRecords(tx, { duplicatesBlockingFrom: 1 }));
    expect(byBlocking.duplicates.merged).toBe(150);
    expect(byBlocking.duplicates.merged).toBe(byNeighbours.duplicates.merged);
    expect(byBlocking.duplicates.pending).toBe(byNeighbours.duplicates.pending);
    // The full run's blocking scores far fewer pairs than every touched project against all others.
    expect(byBlocking.duplicates.candidates).toBeLessThan(byNeighbours.duplicates.candidates / 10);
    expect(await projectsState(db)).toEqual(expected);
  });

  it('maps records and scores duplicates on a worker thread exactly as on the calling thread', async () => {
    await startOver();
    const inline = await db.transaction((tx) => consolidateRecords(tx, { workerThreadFrom: Infinity }));
    const expected = await projectsState(db);
    await startOver();
    // 300 records, in batches of 40: the worker maps the next batch while this thread writes one.
    const inWorker = await db.transaction((tx) =>
      consolidateRecords(tx, { workerThreadFrom: 1, batchSize: 40 }),
    );
    expect([inline.workerThread, inWorker.workerThread]).toEqual([false, true]);
    const { stageMs: _a, durationMs: _b, workerThread: _c, ...sameInline } = inline;
    const { stageMs: _d, durationMs: _e, workerThread: _f, ...sameInWorker } = inWorker;
    expect(sameInWorker).toEqual(sameInline);
    expect(inWorker).toMatchObject({ records: 300, created: 300 });
    expect(await projectsState(db)).toEqual(expected);
  });
});
