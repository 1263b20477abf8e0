import { describe, expect, it } from 'vitest';
import type { ProjectPageView } from './project.views.ts';
import { projectJsonLd } from './project-structured-data.ts';

const project: ProjectPageView = {
  id: 'abc',
  slug: 'cafe',
  path: '/projets/cafe',
  name: 'Café </script><script>alert(1)</script>',
  carrier: 'Asso',
  summary: 'Un café solidaire.',
  city: 'Lyon',
  departement: { code: '69', name: 'Rhône' },
  region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
  themes: [{ code: 'SOL', label: 'Solidarité' }],
  subthemes: [],
  publics: [],
  methods: [],
  tags: [],
  website: 'https://cafe.example.org/',
  contact: { email: null, phone: null },
  locations: [
    {
      city: 'Lyon',
      postalCode: '69003',
      inseeCode: '69383',
      departement: { code: '69', name: 'Rhône' },
      region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
      latitude: 45.76,
      longitude: 4.85,
      precision: 'commune',
    },
  ],
  credits: [
    {
      partner: { slug: 'p', name: 'Partenaire', website: 'https://partenaire.example.org/', logoUrl: null },
      sourceUrl: 'https://partenaire.example.org/projets/cafe',
      licence: 'CC-BY-SA-4.0',
      lastSeenAt: '2026-11-25T00:00:00.000Z',
    },
  ],
  licences: ['CC-BY-SA-4.0'],
  firstSeenAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: '2026-11-25T00:00:00.000Z',
};

describe('projectJsonLd', () => {
  it('describes the project, its places and the partner pages it comes from', () => {
    const data = JSON.parse(projectJsonLd(project, 'https://cis.example.org/projets/cafe'));
    expect(data).toMatchObject({
      '@type': 'Project',
      url: 'https://cis.example.org/projets/cafe',
      location: [{ address: { addressLocality: 'Lyon', postalCode: '69003' }, geo: { latitude: 45.76 } }],
      subjectOf: [
        {
          url: 'https://partenaire.example.org/projets/cafe',
          publisher: { name: 'Partenaire' },
          license: 'CC-BY-SA-4.0',
        },
      ],
    });
  });

  it('cannot close its script element', () => {
    const text = projectJsonLd(project, 'https://cis.example.org/projets/cafe');
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe(project.name);
  });
});
