import { describe, expect, it } from 'vitest';
import { parseAddress } from './parse-address.ts';

describe('parseAddress', () => {
  it('finds the postal code and the city in a free-text address', () => {
    expect(parseAddress('12 rue de la République, 69003 Lyon')).toEqual({
      postalCode: '69003',
      city: 'Lyon',
      national: false,
    });
    expect(parseAddress('12 rue de la République 69003 Lyon')).toMatchObject({
      postalCode: '69003',
      city: 'Lyon',
    });
    expect(parseAddress('BP 12 - 75 011 PARIS CEDEX 11')).toMatchObject({
      postalCode: '75011',
      city: 'PARIS',
    });
    expect(parseAddress('Saint-Étienne (42000)')).toMatchObject({
      postalCode: '42000',
      city: 'Saint-Étienne',
    });
    expect(parseAddress('10050 route de Gap, 05000 Gap, France')).toMatchObject({
      postalCode: '05000',
      city: 'Gap',
    });
  });

  it('takes the last part as the city when there is no postal code', () => {
    expect(parseAddress('3 place du Marché, Villeurbanne')).toMatchObject({
      postalCode: null,
      city: 'Villeurbanne',
    });
    expect(parseAddress('NR')).toMatchObject({ postalCode: null, city: 'NR' });
    expect(parseAddress('')).toEqual({ postalCode: null, city: null, national: false });
  });

  it('recognises a national scope', () => {
    expect(parseAddress('France entière').national).toBe(true);
    expect(parseAddress('National').national).toBe(true);
  });
});
