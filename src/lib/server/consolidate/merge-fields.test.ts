import { describe, expect, it } from 'vitest';
import type { StoredFields } from './merge-fields.ts';
import { mergeSourceFields } from './merge-fields.ts';

const base: StoredFields = {
  name: 'Jardin partagé',
  carrier: null,
  summary: null,
  website: null,
  contactEmail: null,
  contactPhone: null,
  themes: [],
  subthemes: [],
  publics: [],
  methods: [],
  tags: [],
  keywords: '',
  sourceUrl: null,
  locations: [],
  maturity: null,
  scale: null,
  imageUrl: null,
  distinctions: [],
  themeOrigins: {},
  unmappedTags: [],
  qualityScore: 0,
};
const place = (inseeCode: string) => ({
  label: null,
  postalCode: null,
  inseeCode,
  city: null,
  epciCode: null,
  departementCode: null,
  regionCode: null,
  latitude: null,
  longitude: null,
  precision: 'commune' as const,
  coordinatesFlagged: false,
});

describe('mergeSourceFields', () => {
  it('takes each field from the most trusted source, then the freshest, and says which', () => {
    const { fields, fieldSources } = mergeSourceFields([
      {
        sourceSlug: 'reseau',
        trust: 50,
        lastSeenAt: new Date('2026-01-02'),
        fields: {
          ...base,
          name: 'Jardin partagé du réseau',
          summary: 'Récent.',
          themes: ['ENV'],
          locations: [place('69383')],
        },
      },
      {
        sourceSlug: 'fondation',
        trust: 80,
        lastSeenAt: new Date('2025-06-01'),
        fields: {
          ...base,
          carrier: 'Les Amis',
          themes: ['SOL'],
          themeOrigins: { SOL: 'partner' },
          locations: [place('69383'), place('75056')],
        },
      },
      {
        sourceSlug: 'ancien',
        trust: 50,
        lastSeenAt: new Date('2024-01-01'),
        fields: { ...base, name: 'Vieux nom', summary: 'Ancien.', website: 'https://jardin.example.org/' },
      },
    ]);
    expect(fields.name).toBe('Jardin partagé');
    expect(fieldSources).toMatchObject({
      name: 'fondation',
      carrier: 'fondation',
      summary: 'reseau',
      website: 'ancien',
    });
    expect(fields.summary).toBe('Récent.');
    expect(fields.themes).toEqual(['SOL', 'ENV']);
    expect(fields.locations.map((l) => l.inseeCode)).toEqual(['69383', '75056']);
  });
});

describe('mergeSourceFields on methods', () => {
  it('unites the methods of every source, and reads records stored before methods existed', () => {
    const { methods: _, ...older } = base;
    const { fields } = mergeSourceFields([
      {
        sourceSlug: 'a',
        trust: 80,
        lastSeenAt: new Date('2026-01-01'),
        fields: { ...base, methods: ['COO'] },
      },
      {
        sourceSlug: 'b',
        trust: 50,
        lastSeenAt: new Date('2026-01-01'),
        fields: { ...base, methods: ['PAR', 'COO'] },
      },
      { sourceSlug: 'c', trust: 40, lastSeenAt: new Date('2026-01-01'), fields: older as StoredFields },
    ]);
    expect(fields.methods).toEqual(['COO', 'PAR']);
  });
});
