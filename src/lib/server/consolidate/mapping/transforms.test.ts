import { describe, expect, it } from 'vitest';
import { applyTransform, normalizePostalCode, parseFrenchDate } from './transforms.ts';

describe('mapping transforms', () => {
  it('reads French dates as ISO, as precise as given', () => {
    expect(parseFrenchDate('12/03/2019')).toBe('2019-03-12');
    expect(parseFrenchDate('1er mars 2019')).toBe('2019-03-01');
    expect(parseFrenchDate('12 février 2020')).toBe('2020-02-12');
    expect(parseFrenchDate('Septembre 2018')).toBe('2018-09');
    expect(parseFrenchDate('05-06-19')).toBe('2019-06-05');
    expect(parseFrenchDate('2019-03-12')).toBe('2019-03-12');
    expect(parseFrenchDate('2017')).toBe('2017');
    expect(parseFrenchDate('31/02/2019')).toBeNull();
    expect(parseFrenchDate('bientôt')).toBeNull();
  });

  it('restores postal codes stored as numbers', () => {
    expect(normalizePostalCode('1000')).toBe('01000');
    expect(normalizePostalCode('1000.0')).toBe('01000');
    expect(normalizePostalCode('75 011')).toBe('75011');
    expect(normalizePostalCode('75011 CEDEX')).toBe('75011 CEDEX');
  });

  it('turns HTML into text and cuts the presentation at a sentence', () => {
    const html =
      '<p>Première phrase.</p><script>alert(1)</script><p>Deuxième &amp; dernière phrase, bien plus longue.</p>';
    expect(applyTransform([html], 'html')).toEqual([
      'Première phrase.\n\nDeuxième & dernière phrase, bien plus longue.',
    ]);
    expect(applyTransform(applyTransform([html], 'html'), { truncate: 28 })).toEqual(['Première phrase.']);
  });

  it('splits tags and normalises contacts, dropping what cannot be read', () => {
    expect(applyTransform(['emploi; insertion | jeunes,  handicap'], 'split')).toEqual([
      'emploi',
      'insertion',
      'jeunes',
      'handicap',
    ]);
    expect(applyTransform(['www.exemple.org/projet'], 'url')).toEqual(['https://www.exemple.org/projet']);
    expect(applyTransform(['mailto:Contact@Exemple.ORG', 'pas un mail'], 'email')).toEqual([
      'contact@exemple.org',
    ]);
    expect(applyTransform(['+33 1 23 45 67 89'], 'phone')).toEqual(['01 23 45 67 89']);
    expect(applyTransform(['28D', '2A'], 'departement-code')).toEqual(['28', '2A']);
  });

  it('reads maturity stages and scales of action from French words', () => {
    expect(
      applyTransform(['En phase de lancement', 'Essaimage', 'Déploiement', 'Projet terminé'], 'maturity'),
    ).toEqual(['launch', 'scaling', 'deployment', 'completed']);
    expect(
      applyTransform(['Quartier', 'Départementale', 'Régionale', 'France entière', 'Europe'], 'scale'),
    ).toEqual(['local', 'departemental', 'regional', 'national', 'international']);
    expect(applyTransform(['en cours'], { values: { 'En cours': 'deployment' } })).toEqual(['deployment']);
  });
});
