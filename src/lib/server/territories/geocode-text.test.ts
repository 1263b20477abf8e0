import { beforeAll, describe, expect, it } from 'vitest';
import { geocodeCsv } from './geocode-csv.ts';
import { geocodeText } from './geocode-text.ts';
import { createGeocoder, type Geocoder } from './geocoder.ts';
import { readTerritorySources } from './read-territory-sources.ts';

let geocoder: Geocoder;
beforeAll(async () => {
  geocoder = createGeocoder(await readTerritorySources());
});

describe('geocodeText', () => {
  it('reads the postal code and city of a free-text address, arrondissements and CEDEX included', () => {
    expect(geocodeText(geocoder, '12 rue de la République, 69003 Lyon')).toMatchObject({
      inseeCode: '69383',
      departementCode: '69',
      regionCode: '84',
      precision: 'commune',
      score: 1,
    });
    expect(geocodeText(geocoder, 'BP 12 - 75011 PARIS CEDEX 11')).toMatchObject({ inseeCode: '75111' });
    expect(geocodeText(geocoder, '3 place du Marché, Villeurbanne')).toMatchObject({ inseeCode: '69266' });
    expect(geocodeText(geocoder, 'Saint-Étienne (42000)')).toMatchObject({ inseeCode: '42218' });
  });

  it('says national, or unknown with a zero score', () => {
    expect(geocodeText(geocoder, 'France entière')).toMatchObject({ precision: 'national', inseeCode: null });
    expect(geocodeText(geocoder, 'quelque part')).toMatchObject({ precision: 'unknown', score: 0 });
  });
});

describe('geocodeCsv', () => {
  it('writes the file back with the result columns', () => {
    const csv = geocodeCsv(
      geocoder,
      'liste.csv',
      new TextEncoder().encode('nom;cp;ville\nA;69003;Lyon\nB;;Villeurbanne\n'),
      ['cp', 'ville'],
    );
    expect(csv.split('\n')).toEqual([
      'nom;cp;ville;result_citycode;result_city;result_postcode;result_departement;result_region;latitude;longitude;result_precision;result_score',
      expect.stringMatching(
        /^A;69003;Lyon;69383;Lyon 3e Arrondissement;69003;69;84;45\.\d+;4\.\d+;commune;1\.00$/,
      ),
      expect.stringMatching(/^B;;Villeurbanne;69266;Villeurbanne;69100;69;84;45\.\d+;4\.\d+;commune;1\.00$/),
      '',
    ]);
  });

  it('names a missing column', () => {
    expect(() =>
      geocodeCsv(geocoder, 'liste.csv', new TextEncoder().encode('a;b\n1;2\n'), ['adresse']),
    ).toThrow(/no column "adresse"/);
  });
});
