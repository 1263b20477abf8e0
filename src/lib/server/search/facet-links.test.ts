import { describe, expect, it } from 'vitest';
import { facetLinks, toggleFacet } from './facet-links.ts';
import { FACET_NAMES, parseSearchParams } from './parse-search-params.ts';
import type { FacetsView } from './search.views.ts';

const parse = (q: string) => parseSearchParams(new URLSearchParams(q));

describe('facet links', () => {
  it('toggles list facets and keeps the territory hierarchy consistent', () => {
    const params = parse('q=vélo&theme=EMP&region=11&departement=93&commune=93048&page=3');
    expect(toggleFacet(params, 'theme', 'SOL')).toMatchObject({ themes: ['EMP', 'SOL'], page: 1 });
    expect(toggleFacet(params, 'theme', 'EMP').themes).toEqual([]);
    expect(toggleFacet(params, 'region', '84')).toMatchObject({
      region: '84',
      departement: null,
      commune: null,
    });
    expect(toggleFacet(params, 'departement', '93')).toMatchObject({
      region: '11',
      departement: null,
      commune: null,
    });
    expect(toggleFacet(params, 'commune', '93048').commune).toBeNull();
  });

  it('gives one link per value, without empty groups', () => {
    const empty = {
      theme: [],
      subtheme: [],
      public: [],
      partner: [],
      stage: [],
      method: [],
      region: [],
      departement: [],
      epci: [],
      commune: [],
    };
    const facets: FacetsView = {
      ...empty,
      theme: [{ code: 'EMP', label: 'Emploi', count: 3, selected: true }],
      region: [{ code: '11', label: 'Île-de-France', count: 2, selected: false }],
      stage: [{ code: 'scaling', label: 'Changement d’échelle', count: 1, selected: false }],
      method: [{ code: 'COO', label: 'Coopération', count: 2, selected: false }],
    };
    const groups = facetLinks(parse('q=velo&theme=EMP'), facets);
    expect(groups.map((g) => g.name)).toEqual(['theme', 'stage', 'method', 'region']);
    expect(groups[0]?.values[0]?.href).toBe('/recherche?q=velo');
    expect(groups[1]?.values[0]?.href).toBe('/recherche?q=velo&theme=EMP&stage=scaling');
    expect(groups[2]?.values[0]?.href).toBe('/recherche?q=velo&theme=EMP&method=COO');
    expect(groups[3]?.values[0]?.href).toBe('/recherche?q=velo&theme=EMP&region=11');
    // A selected method's link removes it, keeping the others.
    expect(toggleFacet(parse('method=COO,PAR&page=2'), 'method', 'COO')).toMatchObject({
      methods: ['PAR'],
      page: 1,
    });
  });

  it('keeps a searched facet with no value, so that its search box stays', () => {
    const facets = Object.fromEntries(FACET_NAMES.map((n) => [n, []])) as unknown as FacetsView;
    expect(facetLinks(parse('departement=69'), facets)).toEqual([]);
    const kept = facetLinks(parse('departement=69'), facets, '/recherche', 'commune');
    expect(kept).toEqual([{ name: 'commune', values: [], searchable: true }]);
  });
});
