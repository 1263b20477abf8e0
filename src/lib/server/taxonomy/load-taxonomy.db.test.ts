import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { loadTaxonomy } from './load-taxonomy.ts';
import { loadTagMapper } from './map-partner-tags.ts';
import { TAXONOMY_VERSION } from './read-taxonomy.ts';

describe('loadTaxonomy', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  const counts = async () => {
    const [row] = await db.query<{ terms: number; rules: number; themes: number; subthemes: number }>(
      `SELECT (SELECT count(*)::int FROM taxonomy_term) AS terms,
              (SELECT count(*)::int FROM tag_rule) AS rules,
              (SELECT count(*)::int FROM taxonomy_term WHERE vocabulary = 'theme') AS themes,
              (SELECT count(*)::int FROM taxonomy_term WHERE vocabulary = 'subtheme') AS subthemes`,
    );
    return row;
  };

  it('writes every term and rule, and writing again duplicates nothing', async () => {
    const first = await db.transaction((tx) => loadTaxonomy(tx));
    expect(first).toEqual({ terms: 113, rules: 814 });
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ terms: 113, rules: 814, themes: 16, subthemes: 37 });

    const ids = await db.query<{ id: number }>('SELECT id FROM tag_rule ORDER BY id');
    const second = await db.transaction((tx) => loadTaxonomy(tx));
    expect(second).toEqual(first);
    expect(await counts()).toEqual(afterFirst);
    expect(await db.query<{ id: number }>('SELECT id FROM tag_rule ORDER BY id')).toEqual(ids);
  });

  it('stores labels, parents, arrays and the version as read', async () => {
    const [edu] = await db.query<{ label_fr: string; label_en: string; version: string }>(
      `SELECT label_fr, label_en, version FROM taxonomy_term WHERE vocabulary = 'theme' AND code = 'EDU'`,
    );
    expect(edu).toEqual({
      label_fr: 'Éducation et jeunesse',
      label_en: 'Education and youth',
      version: TAXONOMY_VERSION,
    });
    const art = await db.query<{ vocabulary: string; parent_code: string | null }>(
      `SELECT vocabulary, parent_code FROM taxonomy_term WHERE code = 'ART' ORDER BY vocabulary`,
    );
    expect(art).toEqual([
      { vocabulary: 'subtheme', parent_code: 'ART' },
      { vocabulary: 'theme', parent_code: null },
    ]);
    const [rule] = await db.query<{ tag: string; codes: string[]; origin: string }>(
      `SELECT tag, codes, origin FROM tag_rule WHERE partner_key = 'FNCE' AND tag_normalized = 'solidarite'`,
    );
    expect(rule).toEqual({
      tag: 'Solidarité',
      codes: ['COH', 'INS', 'HAN', 'EDU', 'HAB', 'AGR'],
      origin: 'cis-2018',
    });
    const [setting] = await db.query<{ value: unknown }>(
      `SELECT value FROM instance_setting WHERE key = 'taxonomy_version'`,
    );
    expect(setting?.value).toBe(TAXONOMY_VERSION);
  });

  it('restores edited rows and removes stale ones it owns, but leaves curated rules alone', async () => {
    await db.query(`UPDATE taxonomy_term SET label_fr = 'x' WHERE vocabulary = 'theme' AND code = 'SAN'`);
    await db.query(
      `UPDATE tag_rule SET codes = '{AUT}' WHERE partner_key = 'Avise' AND tag_normalized = 'emploi'`,
    );
    await db.query(
      `INSERT INTO taxonomy_term (vocabulary, code, label_fr, version) VALUES ('theme', 'OLD', 'Ancien', '2018.0')`,
    );
    // A curator replaced one 2018 rule and added a rule for every partner.
    await db.query(
      `DELETE FROM tag_rule WHERE partner_key = 'Avise' AND tag_normalized = 'handicap' AND origin = 'cis-2018'`,
    );
    await db.query(
      `INSERT INTO tag_rule (partner_key, tag, tag_normalized, codes, origin) VALUES
         ('Avise', 'Ancien tag', 'ancien tag', '{AUT}', 'cis-2018'),
         ('Avise', 'Handicap', 'handicap', '{SEN}', 'manual'),
         ('*', 'Tiers-lieux', 'tiers lieux', '{COO}', 'manual')`,
    );

    await db.transaction((tx) => loadTaxonomy(tx));

    const [san] = await db.query<{ label_fr: string }>(
      `SELECT label_fr FROM taxonomy_term WHERE vocabulary = 'theme' AND code = 'SAN'`,
    );
    expect(san?.label_fr).toBe('Santé');
    expect(await db.query(`SELECT 1 FROM taxonomy_term WHERE code = 'OLD'`)).toHaveLength(0);
    const avise = await db.query<{ tag_normalized: string; codes: string[]; origin: string }>(
      `SELECT tag_normalized, codes, origin FROM tag_rule
       WHERE partner_key = 'Avise' AND tag_normalized IN ('emploi', 'ancien tag', 'handicap') ORDER BY tag_normalized`,
    );
    expect(avise).toEqual([
      { tag_normalized: 'emploi', codes: ['EMP'], origin: 'cis-2018' },
      { tag_normalized: 'handicap', codes: ['SEN'], origin: 'manual' },
    ]);
  });

  it('feeds a tag mapper that uses partner rules, then shared ones', async () => {
    const mapper = await loadTagMapper(db);
    expect(mapper.mapTags('avise', ['Handicap', 'Tiers lieux', 'Finance solidaire', 'Inconnu'])).toEqual({
      codes2018: ['SEN', 'COO', 'FIN'],
      themes: ['SOL', 'TER', 'FIN'],
      subthemes: ['SEN', 'COO', 'FIN'],
      unmapped: ['Inconnu'],
    });
  });
});
