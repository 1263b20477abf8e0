import { beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder, type GeocodeInput, type Geocoder } from './geocoder.ts';
import { readTerritorySources } from './read-territory-sources.ts';

// The real shipped files: building the geocoder from them takes well under a second.
let geocoder: Geocoder;
beforeAll(async () => {
  geocoder = createGeocoder(await readTerritorySources());
});

const geocode = (input: GeocodeInput) => geocoder.geocode(input);

describe('geocode by INSEE code', () => {
  it('comes first, and restores the zero a spreadsheet dropped', () => {
    expect(geocode({ inseeCode: '1053', postalCode: '28700', city: 'Auneau' })).toMatchObject({
      inseeCode: '01053',
      city: 'Bourg-en-Bresse',
      postalCode: '01000',
      departementCode: '01',
      regionCode: '84',
      precision: 'commune',
    });
  });

  it('maps a former code (a commune absorbed without a delegated commune) to the commune now', () => {
    const result = geocode({ inseeCode: '28042' });
    expect(result).toMatchObject({
      inseeCode: '28015',
      city: 'Auneau-Bleury-Saint-Symphorien',
      precision: 'commune',
    });
    expect(result.warnings).toEqual([
      'INSEE code 28042 is a former code, now Auneau-Bleury-Saint-Symphorien (28015)',
    ]);
  });

  it('reads the Corsican codes from before 1976', () => {
    expect(geocode({ inseeCode: '20004' })).toMatchObject({ inseeCode: '2A004', city: 'Ajaccio' });
  });

  it('takes a postal code found in the INSEE column for what it is', () => {
    const result = geocode({ inseeCode: '75011' });
    expect(result).toMatchObject({ inseeCode: '75111', postalCode: '75011' });
    expect(result.warnings).toEqual(['"75011" is a postal code, not an INSEE code: used as a postal code']);
  });

  it('falls back to the other fields when the code is unknown', () => {
    const result = geocode({ inseeCode: '99999', postalCode: '28700', city: 'Auneau' });
    expect(result).toMatchObject({ inseeCode: '28015', precision: 'commune' });
    expect(result.warnings).toEqual(['unknown INSEE code "99999": ignored']);
  });
});

describe('geocode by postal code and city', () => {
  it('resolves a delegated commune that shares its commune’s INSEE code (28700 Auneau)', () => {
    expect(geocode({ postalCode: '28700', city: 'AUNEAU' })).toEqual({
      inseeCode: '28015',
      city: 'Auneau',
      postalCode: '28700',
      epciCode: '200069953',
      departementCode: '28',
      regionCode: '24',
      latitude: 48.4694338,
      longitude: 1.7731673,
      precision: 'commune',
      warnings: [],
    });
  });

  it('resolves a delegated commune to itself with its parent’s EPCI (Annecy-le-Vieux)', () => {
    const annecy = geocode({ inseeCode: '74010' });
    expect(geocode({ postalCode: '74940', city: 'Annecy le Vieux' })).toMatchObject({
      inseeCode: '74011',
      city: 'Annecy-le-Vieux',
      epciCode: annecy.epciCode,
      departementCode: '74',
      precision: 'commune',
    });
    expect(geocode({ postalCode: '10160', city: 'Aix en Othe' })).toMatchObject({
      inseeCode: '10003',
      city: 'Aix-en-Othe',
    });
  });

  it('reads ST/STE, accents, case and hyphens alike', () => {
    for (const city of ['ST ETIENNE', 'Saint-Étienne', 'saint etienne', 'St-Étienne']) {
      expect(geocode({ postalCode: '42000', city })).toMatchObject({
        inseeCode: '42218',
        city: 'Saint-Étienne',
      });
    }
  });

  it('resolves Paris, Lyon and Marseille postal codes to the municipal arrondissement', () => {
    expect(geocode({ postalCode: '75011', city: 'Paris' })).toMatchObject({
      inseeCode: '75111',
      city: 'Paris 11e Arrondissement',
      postalCode: '75011',
      departementCode: '75',
      regionCode: '11',
      precision: 'commune',
    });
    expect(geocode({ postalCode: '75011' })).toMatchObject({ inseeCode: '75111', precision: 'commune' });
    expect(geocode({ postalCode: '69003', city: 'LYON' })).toMatchObject({
      inseeCode: '69383',
      city: 'Lyon 3e Arrondissement',
    });
    expect(geocode({ postalCode: '13001', city: 'Marseille' })).toMatchObject({
      inseeCode: '13201',
      city: 'Marseille 1er Arrondissement',
      departementCode: '13',
    });
  });

  it('reads the ways to write an arrondissement', () => {
    for (const city of ['Paris 11e', 'PARIS 11', 'Paris 11ème arrondissement', 'paris 11eme']) {
      expect(geocode({ city }).inseeCode).toBe('75111');
    }
    expect(geocode({ city: 'Lyon 3ème' }).inseeCode).toBe('69383');
    expect(geocode({ city: 'Marseille 1er' }).inseeCode).toBe('13201');
  });

  it('finds Saint-Denis of La Réunion by its postal code', () => {
    expect(geocode({ postalCode: '97400', city: 'Saint-Denis' })).toMatchObject({
      inseeCode: '97411',
      departementCode: '974',
      regionCode: '04',
      precision: 'commune',
    });
  });

  it('tells Corse-du-Sud from Haute-Corse', () => {
    expect(geocode({ postalCode: '20000', city: 'Ajaccio' })).toMatchObject({
      inseeCode: '2A004',
      departementCode: '2A',
    });
    expect(geocode({ postalCode: '20600', city: 'Bastia' })).toMatchObject({
      inseeCode: '2B033',
      departementCode: '2B',
    });
  });

  it('tolerates a typo among the communes of the postal code, and says so', () => {
    const result = geocode({ postalCode: '01000', city: 'Bourg en Bress' });
    expect(result).toMatchObject({ inseeCode: '01053', precision: 'commune' });
    expect(result.warnings).toEqual(['city "Bourg en Bress" read as Bourg-en-Bresse']);
  });

  it('trusts the city when the postal code belongs to another commune of the same département', () => {
    const result = geocode({ postalCode: '28700', city: 'Chartres' });
    expect(result).toMatchObject({ inseeCode: '28085', city: 'Chartres', postalCode: '28000' });
    expect(result.warnings).toEqual([
      'postal code 28700 does not serve Chartres (28085): the city is trusted',
    ]);
  });
});

describe('geocode by postal code alone', () => {
  it('accepts a number and restores the leading zero (1000 → 01000)', () => {
    const result = geocode({ postalCode: 1000 });
    expect(result).toMatchObject({ inseeCode: '01053', city: 'Bourg-en-Bresse', postalCode: '01000' });
  });

  it('takes the most populous commune when the code serves several, at postal-code precision', () => {
    expect(geocode({ postalCode: '28700' })).toMatchObject({
      inseeCode: '28015',
      city: 'Auneau-Bleury-Saint-Symphorien',
      postalCode: '28700',
      precision: 'postal_code',
    });
  });

  it('lets coordinates choose among the communes of the code', () => {
    // Sainville, one of the 35 communes of 28700.
    expect(geocode({ postalCode: '28700', latitude: 48.415, longitude: 1.882 })).toMatchObject({
      inseeCode: '28363',
      precision: 'commune',
      latitude: 48.415,
      longitude: 1.882,
    });
  });
});

describe('geocode CEDEX and unknown postal codes', () => {
  it('strips CEDEX from the city', () => {
    expect(geocode({ postalCode: '75008', city: 'Paris Cedex 08' })).toMatchObject({ inseeCode: '75108' });
  });

  it('finds the city in the département of a CEDEX code', () => {
    expect(geocode({ postalCode: '75383 PARIS CEDEX 08' })).toMatchObject({
      inseeCode: '75056',
      city: 'Paris',
      postalCode: null,
      precision: 'commune',
      warnings: [],
    });
    const nanterre = geocode({ postalCode: '92057', city: 'Nanterre' });
    expect(nanterre).toMatchObject({ inseeCode: '92050', postalCode: '92000', precision: 'commune' });
    expect(nanterre.warnings).toEqual(['postal code 92057 is not a delivery postal code (CEDEX?)']);
  });

  it('uses the city to choose between 2A and 2B, and three digits overseas', () => {
    expect(geocode({ postalCode: '20189', city: 'Ajaccio Cedex 2' })).toMatchObject({
      inseeCode: '2A004',
      departementCode: '2A',
    });
    expect(geocode({ postalCode: '20401', city: 'Bastia Cedex' })).toMatchObject({
      inseeCode: '2B033',
      departementCode: '2B',
    });
    expect(geocode({ postalCode: '97405', city: 'Saint-Denis Cedex' })).toMatchObject({ inseeCode: '97411' });
  });

  it('keeps the département when the city is missing', () => {
    expect(geocode({ postalCode: '13331 CEDEX 3' })).toMatchObject({
      inseeCode: null,
      departementCode: '13',
      regionCode: '93',
      precision: 'departement',
    });
  });

  it('leaves overseas collectivities and Monaco out', () => {
    expect(geocode({ postalCode: '98000', city: 'Monaco' }).precision).toBe('unknown');
    expect(geocode({ postalCode: '97133', city: 'Saint-Barthélemy' })).toMatchObject({
      precision: 'unknown',
      departementCode: null,
    });
  });
});

describe('geocode by city and département', () => {
  it('finds a city within a département given by code or name', () => {
    expect(geocode({ city: 'Saint-Étienne', departement: '42' })).toMatchObject({ inseeCode: '42218' });
    expect(geocode({ city: 'Saint-Denis', departement: 'La Réunion' })).toMatchObject({ inseeCode: '97411' });
    expect(geocode({ city: 'Ajaccio', departement: '20' })).toMatchObject({ inseeCode: '2A004' });
  });

  it('refuses to guess a city name shared across the country', () => {
    const result = geocode({ city: 'Saint-Denis' });
    expect(result.precision).toBe('unknown');
    expect(result.warnings[0]).toMatch(/^city "Saint-Denis" is ambiguous/);
  });

  it('gives the département and its région when that is all there is', () => {
    expect(geocode({ departement: 'Ain' })).toMatchObject({
      inseeCode: null,
      departementCode: '01',
      regionCode: '84',
      latitude: null,
      precision: 'departement',
    });
    expect(geocode({ departement: '974' })).toMatchObject({ departementCode: '974', regionCode: '04' });
    expect(geocode({ departement: '28D' })).toMatchObject({ departementCode: '28', regionCode: '24' });
    expect(geocode({ departement: '20' })).toMatchObject({
      departementCode: null,
      regionCode: '94',
      precision: 'region',
    });
  });
});

describe('geocode with coordinates', () => {
  it('replaces coordinates more than 30 km from the commune by its centroid, with a warning', () => {
    // Gisors (Eure), 90 km north of Auneau.
    const result = geocode({ postalCode: '28700', city: 'Auneau', latitude: 49.28, longitude: 1.78 });
    expect(result).toMatchObject({
      inseeCode: '28015',
      latitude: 48.4694338,
      longitude: 1.7731673,
      coordinatesFlagged: true,
    });
    expect(result.warnings).toEqual([
      "coordinates 49.28,1.78 are 90 km from Auneau (28015): the commune's centroid is used",
    ]);
  });

  it('says so when coordinates are far from every commune of a postal code', () => {
    const result = geocode({ postalCode: '28700', latitude: 49.28, longitude: 1.78 });
    expect(result).toMatchObject({ inseeCode: '28015', precision: 'postal_code', latitude: 48.4694338 });
    expect(result.warnings).toEqual([
      'coordinates 49.28,1.78 are more than 30 km from every commune of postal code 28700: the centroid of its most populous commune, Auneau-Bleury-Saint-Symphorien (28015), is used',
    ]);
  });

  it('keeps coordinates within 30 km of the commune', () => {
    const result = geocode({ postalCode: '28700', city: 'Auneau', latitude: 48.45, longitude: 1.78 });
    expect(result).toMatchObject({ inseeCode: '28015', latitude: 48.45, longitude: 1.78, warnings: [] });
    expect(result.coordinatesFlagged).toBeUndefined();
  });

  it('finds the nearest commune centroid within 20 km when coordinates are all there is', () => {
    expect(geocode({ latitude: 48.8566, longitude: 2.3522 })).toMatchObject({
      inseeCode: '75104',
      city: 'Paris 4e Arrondissement',
      latitude: 48.8566,
      longitude: 2.3522,
      precision: 'commune',
    });
    const atSea = geocode({ latitude: 46.5, longitude: -3.5 });
    expect(atSea).toMatchObject({ inseeCode: null, precision: 'unknown' });
    expect(atSea.warnings).toEqual(['no commune within 20 km of coordinates 46.5,-3.5']);
  });

  it('looks for the nearest commune within the département given', () => {
    // Near the Loire between Nièvre (58) and Cher (18).
    const point = { latitude: 47.0, longitude: 3.05 };
    expect(geocode({ ...point, departement: '18' }).departementCode).toBe('18');
    expect(geocode({ ...point, departement: '58' }).departementCode).toBe('58');
  });

  it('ignores invalid coordinates', () => {
    const result = geocode({ postalCode: '42000', latitude: 0, longitude: 0 });
    expect(result).toMatchObject({ inseeCode: '42218', latitude: expect.closeTo(45.43, 2) });
    expect(result.warnings).toEqual(['coordinates 0,0 are not valid: ignored']);
  });
});
