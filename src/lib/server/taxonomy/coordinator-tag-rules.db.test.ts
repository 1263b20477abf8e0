import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { InvalidParameterError, NotFoundError } from '../errors.ts';
import type { Database } from '../platform/db/database.ts';
import { deleteTagRule, listRuleCodes, saveTagRule } from './coordinator-tag-rules.ts';
import { loadTaxonomy } from './load-taxonomy.ts';
import { loadTagMapper } from './map-partner-tags.ts';

describe('coordinator tag rules', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase({ demo: false });
    await db.query(`INSERT INTO partner (slug, name) VALUES ($1, $2)`, [
      DEMO_PARTNER.slug,
      DEMO_PARTNER.name,
    ]);
  });
  afterAll(() => db.close());

  const mapped = async (tag: string) => (await loadTagMapper(db)).mapTags(DEMO_PARTNER.name, [tag]);

  it('maps a tag for one partner, survives a reload of the reference data, and goes when removed', async () => {
    expect((await mapped('Réduction des inégalités')).unmapped).toEqual(['Réduction des inégalités']);
    const saved = await saveTagRule(db, {
      partnerSlug: DEMO_PARTNER.slug,
      tag: '  Réduction des   inégalités ',
      codes: ['dro', 'DRO'],
    });
    expect(saved).toEqual({
      partnerKey: DEMO_PARTNER.name,
      tag: 'Réduction des inégalités',
      codes: ['DRO'],
      replaced: null,
    });
    // Case and accents of the tag do not matter; the 2019 themes come through the crosswalk.
    expect(await mapped('REDUCTION DES INEGALITES')).toMatchObject({
      codes2018: ['DRO'],
      themes: ['SOL'],
      unmapped: [],
    });
    await loadTaxonomy(db);
    expect((await mapped('Réduction des inégalités')).codes2018).toEqual(['DRO']);
    // A second rule for the tag replaces the first.
    expect(
      await saveTagRule(db, {
        partnerSlug: DEMO_PARTNER.slug,
        tag: 'réduction des inégalités',
        codes: ['COH'],
      }),
    ).toMatchObject({ codes: ['COH'], replaced: ['DRO'] });
    await deleteTagRule(db, { partnerSlug: DEMO_PARTNER.slug, tag: 'Réduction des inégalités' });
    expect((await mapped('Réduction des inégalités')).unmapped).toHaveLength(1);
  });

  it('refuses unknown codes, empty tags and unknown partners, and keeps the 2018 defaults', async () => {
    const save = (codes: string[], tag = 'x', partnerSlug: string = DEMO_PARTNER.slug) =>
      saveTagRule(db, { partnerSlug, tag, codes });
    await expect(save(['ZZZ'])).rejects.toThrow(InvalidParameterError);
    await expect(save(['ZZZ'])).rejects.toThrow(/codes: unknown code "ZZZ": one of AGR, /);
    await expect(save([])).rejects.toThrow(/codes: give at least one code/);
    await expect(save(['DRO'], ' - ')).rejects.toThrow(/tag: the tag is empty/);
    await expect(save(['DRO'], 'x', 'personne')).rejects.toThrow(NotFoundError);
    const [rule] = await db.query<{ partner_key: string; tag: string }>(
      `SELECT partner_key, tag FROM tag_rule WHERE origin = 'cis-2018' ORDER BY id LIMIT 1`,
    );
    await db.query(`INSERT INTO partner (slug, name) VALUES ('defaults', $1)`, [rule?.partner_key]);
    await expect(deleteTagRule(db, { partnerSlug: 'defaults', tag: rule?.tag ?? '' })).rejects.toThrow(
      /has no rule of its own/,
    );
  });

  it('lists the codes a rule may use with the themes they reach', async () => {
    const codes = await listRuleCodes(db);
    expect(codes.find((c) => c.code === 'DRO')).toMatchObject({ themes: ['SOL/LUT'] });
    expect(codes.length).toBeGreaterThan(30);
  });
});
