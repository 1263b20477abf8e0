import { describe, expect, it } from 'vitest';
import { createTagMapper } from './map-partner-tags.ts';
import { readTagRules } from './read-tag-rules.ts';

const mapper = createTagMapper(readTagRules());

describe('mapTags with the real 2018 rules', () => {
  it("maps Avise's tags and reports the ones no rule knows", () => {
    expect(mapper.mapTags('Avise', ['Silver économie', 'Commerce équitable', 'Tiers-lieux'])).toEqual({
      codes2018: ['SEN', 'ECO', 'COR'],
      themes: ['SOL', 'CON'],
      subthemes: ['SEN', 'CON'],
      unmapped: ['Tiers-lieux'],
    });
  });

  it('matches partner names and tags whatever their case, accents and punctuation', () => {
    const odas = mapper.mapTags('odas – apriles', ['AUTONOMIE']);
    expect(odas.codes2018).toEqual(['SEN', 'HAN', 'COH']);
    expect(odas.themes).toEqual(['SOL']);
    expect(odas.subthemes).toEqual(['SEN', 'HAN', 'LIE']);

    expect(mapper.mapTags('Bretagne Creative', ['silver economie']).codes2018).toEqual(['SAN', 'SEN']);
    // The source spells this partner with a trailing space.
    expect(mapper.mapTags('Réseau rural', ['Forêt']).subthemes).toEqual(['AGR', 'ALI']);
  });

  it('uses only the rules of the partner asked for', () => {
    // "Alimentation" is AGR for Avise, unknown to UNCCAS.
    expect(mapper.mapTags('Avise', ['Alimentation']).codes2018).toEqual(['AGR']);
    expect(mapper.mapTags('UNCCAS', ['Alimentation']).unmapped).toEqual(['Alimentation']);
    expect(mapper.mapTags('Partenaire inconnu', ['Emploi']).unmapped).toEqual(['Emploi']);
  });

  it("maps a youth fund's tags to youth plus the tag's own theme", () => {
    expect(
      mapper.mapTags("Fonds d'expérimentation pour la jeunesse", ['Permis de conduire', 'Santé']),
    ).toEqual({
      codes2018: ['MOB', 'JEU', 'SAN'],
      themes: ['TER', 'EDU', 'SAN'],
      subthemes: ['MOB', 'ENF'],
      unmapped: [],
    });
  });

  it('knows a tag mapped to "Autres" only, though it gives no theme', () => {
    expect(mapper.mapTags('Atlaas - villes internet', ['identité'])).toEqual({
      codes2018: ['AUT'],
      themes: [],
      subthemes: [],
      unmapped: [],
    });
  });

  it('ignores empty tags and reports each unknown tag once', () => {
    expect(mapper.mapTags('Avise', ['', ' - ', 'Inconnu', 'inconnu ']).unmapped).toEqual(['Inconnu']);
  });
});

describe('createTagMapper', () => {
  const custom = createTagMapper([
    { partnerKey: '*', tag: 'Emploi', codes: ['EMP'] },
    { partnerKey: '*', tag: 'Sport', codes: ['SPO'] },
    { partnerKey: 'Fondation Été', tag: 'Emploi', codes: ['INS', 'FOR'] },
    { partnerKey: 'FONDATION ETE', tag: 'emploi', codes: ['EMP'] },
  ]);

  it("prefers the partner's rules, then the rules shared by every partner", () => {
    expect(custom.mapTags('fondation ete', ['Emploi', 'Sport'])).toMatchObject({
      codes2018: ['INS', 'FOR', 'EMP', 'SPO'],
      themes: ['EMP', 'SPO'],
      subthemes: ['ACE', 'FOR', 'SPO'],
    });
    expect(custom.mapTags('Autre partenaire', ['EMPLOI']).codes2018).toEqual(['EMP']);
  });
});
