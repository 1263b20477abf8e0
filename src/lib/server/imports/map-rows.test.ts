import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeCisFormat } from './formats/import-format.ts';
import { contentHash, mapRows } from './map-rows.ts';
import { readCsv } from './read-tabular-file.ts';

const csv = (text: string) => readCsv(new TextEncoder().encode(text));

describe('mapRows on the CIS demo file', () => {
  const file = readCsv(readFileSync('data/demo/ffe-laureats-2019.csv'));
  const mapped = mapRows(file, { cis: looksLikeCisFormat(file.columns) });

  it('recognises the CIS format and gives 150 records keyed by name, not by the filled-down ids', () => {
    expect(looksLikeCisFormat(file.columns)).toBe(true);
    expect(mapped.problems).toEqual([]);
    expect(mapped.records).toHaveLength(150);
    expect(mapped.keyStrategy).toBe('project name and carrier');
  });

  it('reads theme codes, territory codes and coordinates', () => {
    const cravate = mapped.records.find((r) => r.input.name === 'La Cravate Solidaire');
    expect(cravate?.input).toMatchObject({
      carrier: 'La Cravate Solidaire',
      themeCodes: ['EMP', 'SOL'],
      subthemeCodes: ['ACE', 'GRA', 'LUT'],
      partnerTags: ['10- Réduction des inégalités'],
      sourceUrl: 'https://fondationlafrancesengage.org/portfolio/La-Cravate-Solidaire',
      website: 'http://lacravatesolidaire.org/',
    });
    expect(cravate?.input.locations[0]).toMatchObject({
      postalCode: '28700',
      city: 'Auneau',
      departement: '28',
      region: '24',
      latitude: 48.830245,
      longitude: 2.3646353,
    });
  });
});

describe('mapRows on the one-row-per-site file', () => {
  it('groups the sites of one project into one record with several locations', () => {
    const file = readCsv(readFileSync('data/demo/ffe-laureats-2019-une-ligne-par-site.csv'));
    const mapped = mapRows(file, { cis: true });
    expect(mapped.problems).toEqual([]);
    // 149 distinct names, but two HANDI SURF rows carry the name "Échanger et Coopérer" by a
    // fill-down error: keyed by name and carrier they stay a project of their own (150, as in
    // the one-row-per-project file).
    expect(mapped.records).toHaveLength(150);
    const handiSurf = mapped.records.find((r) => r.input.carrier === 'HANDI SURF');
    expect(handiSurf?.lines).toHaveLength(2);
    const network = mapped.records.find((r) => r.input.name === 'Cultiver la solidarité à grande échelle');
    expect(network?.lines).toHaveLength(25);
    expect(network?.input.locations).toHaveLength(25);
  });
});

describe('mapRows on generic files', () => {
  it('finds columns by their usual French or English names', () => {
    const mapped = mapRows(
      csv(
        'Titre;Porteur;Code postal;Commune;Mots-clés\nJardin partagé;Asso;69003;Lyon;jardin, lien social\n',
      ),
      {
        cis: false,
      },
    );
    expect(mapped.records[0]?.input).toMatchObject({
      name: 'Jardin partagé',
      carrier: 'Asso',
      partnerTags: ['jardin', 'lien social'],
      locations: [{ postalCode: '69003', city: 'Lyon' }],
    });
  });

  it('refuses a row without a name, naming the line and column', () => {
    const mapped = mapRows(csv('nom,ville\nA,Lyon\n,Paris\n'), { cis: false });
    expect(mapped.problems).toEqual([{ line: 3, column: 'nom', message: 'the project name is empty' }]);
  });

  it('uses an id column as key and refuses ids shared by different projects', () => {
    const ok = mapRows(csv('id,nom\n1,A\n2,B\n'), { cis: false });
    expect(ok.records.map((r) => r.key)).toEqual(['id:1', 'id:2']);
    const filledDown = mapRows(csv('id,nom\n1,A\n1,B\n'), { cis: false });
    expect(filledDown.problems[0]?.message).toMatch(/also used on line 2 for a different project/);
  });

  it('refuses a file without a name column', () => {
    expect(mapRows(csv('foo,bar\n1,2\n'), { cis: false }).problems[0]?.message).toMatch(
      /no project name column/,
    );
  });
});

describe('contentHash', () => {
  it('does not depend on key order', () => {
    expect(contentHash({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(contentHash({ b: [{ d: 3, c: 2 }], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
