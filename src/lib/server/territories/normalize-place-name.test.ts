import { describe, expect, it } from 'vitest';
import { extractDepartementCode, parseInseeCode, parsePostalCode } from './normalize-codes.ts';
import { normalizePlaceName } from './normalize-place-name.ts';

describe('normalizePlaceName', () => {
  it('meets the spellings partners use', () => {
    const key = normalizePlaceName("Villeneuve-d'Ascq");
    for (const spelling of [
      'VILLENEUVE D ASCQ',
      'villeneuve d’ascq',
      'Villeneuve dAscq',
      'VILLENEUVE-D’ASCQ CEDEX',
    ]) {
      expect(normalizePlaceName(spelling)).toBe(key);
    }
    expect(normalizePlaceName('ST ETIENNE')).toBe(normalizePlaceName('Saint-Étienne'));
    expect(normalizePlaceName('STE FOY LES LYON')).toBe(normalizePlaceName('Sainte-Foy-lès-Lyon'));
    expect(normalizePlaceName('Rochelle (La)')).toBe(normalizePlaceName('La Rochelle'));
    expect(normalizePlaceName('Bœuf')).toBe('boeuf');
  });

  it('writes every municipal arrondissement one way', () => {
    const paris11 = normalizePlaceName('Paris 11e Arrondissement');
    for (const spelling of ['PARIS 11', 'Paris 11e', 'Paris 11ème', 'paris 11eme arr.', 'Paris 11 CEDEX']) {
      expect(normalizePlaceName(spelling)).toBe(paris11);
    }
    expect(normalizePlaceName('MARSEILLE 01')).toBe(normalizePlaceName('Marseille 1er Arrondissement'));
    expect(normalizePlaceName('Lyon 3ème')).toBe(normalizePlaceName('Lyon 3e Arrondissement'));
    expect(normalizePlaceName('Paris')).not.toBe(paris11);
  });
});

describe('code parsers', () => {
  it('reads postal codes as partners write them', () => {
    expect(parsePostalCode(1000)).toEqual({ code: '01000', cedex: false });
    expect(parsePostalCode('1000')).toEqual({ code: '01000', cedex: false });
    expect(parsePostalCode('75 011')).toEqual({ code: '75011', cedex: false });
    expect(parsePostalCode('75383 PARIS CEDEX 08')).toEqual({ code: '75383', cedex: true });
    expect(parsePostalCode('750111')).toBeNull();
    expect(parsePostalCode('NR')).toBeNull();
    expect(parsePostalCode(12.5)).toBeNull();
  });

  it('reads INSEE and département codes', () => {
    expect(parseInseeCode('1053')).toBe('01053');
    expect(parseInseeCode('2a004')).toBe('2A004');
    expect(parseInseeCode('Paris')).toBeNull();
    expect(extractDepartementCode('1')).toBe('01');
    expect(extractDepartementCode('2b')).toBe('2B');
    expect(extractDepartementCode('Ain (01)')).toBe('01');
    expect(extractDepartementCode('974 - La Réunion')).toBe('974');
    expect(extractDepartementCode('28D')).toBe('28');
    expect(extractDepartementCode('Ain')).toBeNull();
  });
});
