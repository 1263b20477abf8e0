import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.ts';
import { InvalidParameterError, NotFoundError } from '../errors.ts';
import { createPartner } from '../partners/partner-repository.ts';
import type { Database } from '../platform/db/database.ts';
import type { SourceConfig } from './config/source-config.schema.ts';
import { validateSourceConfig } from './config/validate-source-config.ts';
import { getSourceConfig, listSources, saveSourceConfig } from './source-configs.ts';

function config(input: unknown): SourceConfig {
  const result = validateSourceConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

const v1 = config({
  kind: 'html',
  schemaVersion: 1,
  startUrls: ['https://reseau.example/projets'],
  items: '.views-row',
  detailLink: 'h3 a',
  fields: { titre: { selector: 'h3' } },
});
const v2 = config({ ...v1, fields: { titre: { selector: 'h3' }, resume: { selector: '.body' } } });
const asFeed = config({
  kind: 'feed',
  schemaVersion: 1,
  startUrls: ['https://reseau.example/feed'],
  frequency: 'daily',
});

describe(`source configs and their versions (${testDatabaseKind()})`, () => {
  let db: Database;
  let partnerId: number;
  let otherPartnerId: number;

  beforeAll(async () => {
    db = await openTestDatabase();
    partnerId = (await createPartner(db, { slug: 'reseau', name: 'Réseau exemple' })).id;
    otherPartnerId = (await createPartner(db, { slug: 'autre', name: 'Autre' })).id;
  });
  afterAll(async () => db?.close());

  it('creates a source at version 1, and saving the same config again changes nothing', async () => {
    const first = await db.transaction((tx) =>
      saveSourceConfig(tx, { partnerId, slug: 'reseau-projets', name: 'Projets', config: v1 }),
    );
    expect(first).toMatchObject({
      outcome: 'created',
      version: 1,
      source: { kind: 'html', currentVersion: 1 },
    });
    const again = await saveSourceConfig(db, {
      partnerId,
      slug: 'reseau-projets',
      name: 'Projets',
      config: v1,
    });
    expect(again).toMatchObject({ outcome: 'unchanged', version: 1 });
  });

  it('stores every change as a new version and keeps the old ones', async () => {
    const second = await saveSourceConfig(db, {
      partnerId,
      slug: 'reseau-projets',
      name: 'Projets',
      config: v2,
    });
    expect(second).toMatchObject({ outcome: 'changed', version: 2 });
    const third = await saveSourceConfig(db, {
      partnerId,
      slug: 'reseau-projets',
      name: 'Flux',
      config: asFeed,
    });
    expect(third).toMatchObject({ outcome: 'changed', version: 3, source: { kind: 'feed', name: 'Flux' } });

    const current = await getSourceConfig(db, 'reseau-projets');
    expect(current).toMatchObject({
      version: 3,
      versions: 3,
      partnerSlug: 'reseau',
      config: { kind: 'feed' },
    });
    expect((await getSourceConfig(db, 'reseau-projets', 1)).config).toEqual(JSON.parse(JSON.stringify(v1)));
    expect((await getSourceConfig(db, 'reseau-projets', 2)).config).toEqual(JSON.parse(JSON.stringify(v2)));
  });

  it('says clearly when a source or a version does not exist', async () => {
    await expect(getSourceConfig(db, 'nothing')).rejects.toThrow(NotFoundError);
    await expect(getSourceConfig(db, 'reseau-projets', 9)).rejects.toThrow('has no version 9 (current: 3)');
  });

  it("refuses to overwrite another partner's source", async () => {
    await expect(
      saveSourceConfig(db, { partnerId: otherPartnerId, slug: 'reseau-projets', name: 'x', config: v1 }),
    ).rejects.toThrow(InvalidParameterError);
  });

  it('lists sources with partner, version, schedule and last run', async () => {
    const [source] = await listSources(db);
    expect(source).toMatchObject({
      slug: 'reseau-projets',
      partnerSlug: 'reseau',
      kind: 'feed',
      currentVersion: 3,
      frequency: 'daily',
      lastRun: null,
    });
  });
});
