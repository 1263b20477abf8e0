import { describe, expect, it } from 'vitest';
import { normalizeTag, tidyText } from './normalize-tag.ts';

describe('normalizeTag', () => {
  it('lower-cases, drops accents and collapses punctuation and spaces', () => {
    expect(normalizeTag('10- Réduction des inégalités ')).toBe('10 reduction des inegalites');
    expect(normalizeTag('Patrimoine & culture')).toBe('patrimoine culture');
    expect(normalizeTag('ASE - PJJ - Justice  ')).toBe('ase pjj justice');
  });

  it('makes typographic variants of one tag meet', () => {
    expect(normalizeTag('Évaluation de l’impact  social')).toBe(
      normalizeTag("Evaluation de l'impact social"),
    );
    expect(normalizeTag('ÉCONOMIE Sociale et Solidaire')).toBe('economie sociale et solidaire');
    expect(normalizeTag('Second-œuvre bâtiment')).toBe('second oeuvre batiment');
  });

  it('gives an empty key for a tag without letters or digits', () => {
    expect(normalizeTag(' - / ')).toBe('');
  });
});

describe('tidyText', () => {
  it('trims and collapses white space but keeps the spelling', () => {
    expect(tidyText('  Réseau   rural ')).toBe('Réseau rural');
  });
});
