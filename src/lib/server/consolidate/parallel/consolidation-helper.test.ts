import { afterAll, describe, expect, it } from 'vitest';
import { readKeywordRules } from '../../taxonomy/keyword-rules.ts';
import type { RecordRow, SourcePlan } from '../build-records.ts';
import type { DedupRow } from '../duplicates/score-candidates.ts';
import { type SharedContextData, sharedContextFrom } from '../load-context.ts';
import { parseSourceMapping } from '../mapping/mapping-schema.ts';
import { helperOnThisThread, helperOnWorkerThread } from './consolidation-helper.ts';

const data: SharedContextData = {
  geocoder: { communes: [], departements: [] },
  tagRules: [],
  terms: [],
  departements: [],
  regions: [],
  keywordRules: readKeywordRules(),
};
const plan: SourcePlan = {
  sourceId: 1,
  slug: 'reseau-import',
  partnerId: 1,
  partnerSlug: 'reseau',
  active: true,
  licence: 'CC-BY-4.0',
  mapping: parseSourceMapping({
    version: 1,
    fields: {
      name: { from: ['titre'], transforms: ['line'] },
      description: { from: ['texte'], transforms: ['html'] },
    },
  }),
  exclusions: [{ kind: 'id', value: '2' }],
  partnerName: 'Réseau',
  partnerWebsite: null,
  mediaAllowed: false,
};
const record = (id: number, fields: object | string): RecordRow => ({
  id,
  stableKey: `id:${id}`,
  fieldsJson: typeof fields === 'string' ? fields : JSON.stringify(fields),
  sourceUrl: `https://reseau.example/projets/${id}`,
  firstSeenAt: new Date('2026-01-02T03:04:05Z'),
  lastSeenAt: new Date('2026-11-01T00:00:00Z'),
  consolidatedKey: `hash${id}:1:rules`,
});
const row = (id: number, name: string, carrier: string): DedupRow => ({
  id,
  publicId: `p${id}`,
  firstSeenAt: new Date('2026-01-01T00:00:00Z'),
  nameKey: name,
  carrierKey: carrier,
  websiteDomain: null,
  summary: null,
  departements: ['69'],
  communes: [],
  sourceUrls: [],
});

describe('the consolidation helper on a worker thread', () => {
  const shared = sharedContextFrom(data);
  const here = helperOnThisThread([plan], shared);
  const worker = helperOnWorkerThread([plan], shared);
  afterAll(() => worker.close());

  it('maps, cleans and serialises records as the calling thread does', async () => {
    const records = [
      record(1, { titre: ' Jardin partagé ', texte: '<p>Un jardin <b>ouvert</b> à tous.</p>' }),
      record(2, { titre: 'Ressourcerie', texte: 'Réemploi.' }),
      record(3, { texte: 'Sans nom : illisible.' }),
    ];
    const batch = await worker.map(0, records);
    expect(batch).toEqual(await here.map(0, records));
    expect(batch.built.map((b) => [b.name, b.excluded])).toEqual([
      ['Jardin partagé', false],
      ['Ressourcerie', true],
    ]);
    expect(batch.failed).toBe(1);
    expect(JSON.parse(`{${batch.built[0]?.project}}`)).toMatchObject({
      summary: 'Un jardin ouvert à tous.',
      published: true,
      public_partners: ['reseau'],
    });
  });

  it('scores duplicate pairs as the calling thread does', async () => {
    const rows = [
      row(1, 'jardin partage des lilas', 'les lilas'),
      row(2, 'jardin partage des lilas', 'association les lilas'),
      row(3, 'ressourcerie du quartier', 'recyclerie'),
    ];
    const scored = await worker.score(rows, null, true);
    expect(scored).toEqual(await here.score(rows, null, true));
    expect(scored.pairs.map((p) => [p.a, p.b])).toEqual([[0, 1]]);
  });

  it('fails the call with what went wrong on the worker thread, and keeps answering', async () => {
    await expect(worker.map(0, [record(4, '{"titre": "tronqué')])).rejects.toThrow(
      /consolidation worker thread: SyntaxError: .*JSON/,
    );
    expect((await worker.map(0, [record(5, { titre: 'Après' })])).built).toHaveLength(1);
  });
});
