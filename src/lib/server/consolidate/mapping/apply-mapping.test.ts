import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapRows } from '../../imports/map-rows.ts';
import { readCsv } from '../../imports/read-tabular-file.ts';
import { applyMapping } from './apply-mapping.ts';
import { defaultMapping } from './default-mappings.ts';
import { parseSourceMapping } from './mapping-schema.ts';

describe('applyMapping with the default mappings', () => {
  for (const file of [
    'data/demo/ffe-laureats-2019.csv',
    'data/demo/ffe-laureats-2019-une-ligne-par-site.csv',
  ]) {
    it(`reads every stored record of ${file} as the import read the file`, () => {
      const table = readCsv(readFileSync(file));
      const mapping = defaultMapping(table.columns, { cis: true });
      if (!mapping) throw new Error('no mapping');
      // The mapping survives its trip through the database as JSON.
      const saved = parseSourceMapping(JSON.parse(JSON.stringify(mapping)));
      for (const record of mapRows(table, { cis: true }).records) {
        const input = applyMapping(record.fields, saved);
        expect(input.name).toBe(record.input.name);
        expect(input.carrier).toBe(record.input.carrier);
        expect(input.partnerTags).toEqual(record.input.partnerTags);
        expect(input.themeCodes).toEqual(record.input.themeCodes);
        expect(input.subthemeCodes).toEqual(record.input.subthemeCodes);
        expect(input.locations).toHaveLength(record.input.locations.length);
        expect(input.locations.map((l) => l.departement)).toEqual(
          record.input.locations.map((l) => l.departement),
        );
      }
    });
  }

  it('maps a generic file by its column aliases, with the new common fields', () => {
    const mapping = defaultMapping(['Titre', 'Porteur', 'CP', 'Ville', 'Stade', 'Échelle', 'Photo', 'Prix'], {
      cis: false,
    });
    if (!mapping) throw new Error('no mapping');
    expect(
      applyMapping(
        {
          Titre: ' Jardin  partagé ',
          Porteur: 'Asso',
          CP: '1000',
          Ville: 'Bourg-en-Bresse',
          Stade: 'Changement d’échelle',
          Échelle: 'Régional',
          Photo: 'https://exemple.org/a.jpg',
          Prix: 'Prix A; Prix B',
        },
        mapping,
      ),
    ).toMatchObject({
      name: 'Jardin partagé',
      carrier: 'Asso',
      locations: [{ postalCode: '01000', city: 'Bourg-en-Bresse' }],
      maturity: 'scaling',
      scale: 'regional',
      image: 'https://exemple.org/a.jpg',
      distinctions: ['Prix A', 'Prix B'],
    });
  });

  it('refuses a mapping without a name rule, and a record without a name', () => {
    expect(() => parseSourceMapping({ version: 1, fields: {} })).toThrow();
    expect(() =>
      parseSourceMapping({ version: 1, fields: { name: { from: ['x'], transforms: ['nope'] } } }),
    ).toThrow();
    const mapping = parseSourceMapping({ version: 1, fields: { name: { from: ['titre'] } } });
    expect(() => applyMapping({ titre: '  ' }, mapping)).toThrow(/no project name/);
  });
});
