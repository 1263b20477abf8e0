import { describe, expect, it } from 'vitest';
import { qualityScore } from './quality-score.ts';

const complete = {
  name: 'Jardin partagé',
  carrier: 'Les Amis du jardin',
  summary:
    'Un jardin partagé au cœur du quartier, ouvert à tous les habitants, avec des ateliers chaque semaine.',
  website: 'https://jardin.example.org/',
  contactEmail: null,
  contactPhone: null,
  themes: ['ENV'],
  locations: [{ precision: 'commune' as const }],
};

describe('qualityScore', () => {
  it('gives 100 to a project with every minimum field, a theme and a commune', () => {
    expect(qualityScore(complete)).toBe(100);
  });

  it('takes points off for a missing theme, contact or precise location', () => {
    expect(qualityScore({ ...complete, themes: [] })).toBe(80);
    expect(qualityScore({ ...complete, website: null })).toBe(85);
    expect(qualityScore({ ...complete, locations: [{ precision: 'departement' }] })).toBe(88);
    expect(qualityScore({ ...complete, locations: [] })).toBe(80);
    expect(
      qualityScore({ ...complete, carrier: null, summary: null, website: null, themes: [], locations: [] }),
    ).toBe(15);
  });
});
