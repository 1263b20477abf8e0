import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { consolidateRecords } from '../consolidate/consolidate-records.ts';
import { importFile } from '../imports/import-file.ts';
import { createPartner, setPartnerRules } from '../partners/partner-repository.ts';
import type { Database } from '../platform/db/database.ts';
import { listUnmappedTags } from './unmapped-tags.ts';

const file = path.join(mkdtempSync(path.join(tmpdir(), 'tadata-tags-')), 'apriles.csv');
writeFileSync(
  file,
  [
    'id;titre;porteur;tags;description',
    '1;Maison des aidants;Asso A;Autonomie | Tag inconnu;Un lieu pour les aidants.',
    '2;Atelier vélo;Asso B;Tag inconnu;Réparer son vélo ensemble.',
    '3;Ressourcerie du quartier;Asso C;;Collecte et réemploi des objets.',
  ].join('\n'),
);

async function themesOf(db: Database, name: string) {
  const [row] = await db.query<{ themes: string[]; theme_origins: Record<string, string> }>(
    `SELECT themes, theme_origins FROM project WHERE name = $1`,
    [name],
  );
  return row;
}

describe('crosswalk per partner, keyword rules and unmapped tags', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase({ demo: false });
    await createPartner(db, { slug: 'apriles', name: 'Apriles' });
    await importFile(db, { file, partnerSlug: 'apriles' });
  });
  afterAll(() => db.close());

  it('finds no rules for "Apriles" until the partner is given its rule-set key', async () => {
    expect((await themesOf(db, 'Maison des aidants'))?.theme_origins).not.toHaveProperty('SOL', 'partner');
    await setPartnerRules(db, 'apriles', { tagRuleKey: 'ODAS - APRILES' });
    const report = await db.transaction((tx) => consolidateRecords(tx));
    expect(report.records).toBe(3);
    // "Autonomie" → 2018 SEN, HAN, COH → 2019 SOL with its sub-themes.
    const row = await themesOf(db, 'Maison des aidants');
    expect(row?.themes).toContain('SOL');
    expect(row?.theme_origins.SOL).toBe('partner');
  });

  it('infers themes from the name and presentation when the partner gives none, and says so', async () => {
    const row = await themesOf(db, 'Ressourcerie du quartier');
    expect(row?.themes).toContain('ENV');
    expect(row?.theme_origins.ENV).toBe('inferred');
  });

  it('lists the unmapped tags per source with their counts', async () => {
    expect(await listUnmappedTags(db)).toEqual([{ source: 'apriles-import', tag: 'Tag inconnu', count: 2 }]);
    expect(await listUnmappedTags(db, 'other')).toEqual([]);
  });
});
