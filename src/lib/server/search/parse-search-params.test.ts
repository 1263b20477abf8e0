import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../errors.ts';
import {
  decodeCursor,
  encodeCursor,
  parseFacetSearch,
  parseSearchParams,
  searchParamsToQuery,
} from './parse-search-params.ts';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('gives defaults for an empty query', () => {
    expect(parse('')).toEqual({
      q: '',
      themes: [],
      publics: [],
      partners: [],
      stages: [],
      region: null,
      departement: null,
      epci: null,
      commune: null,
      near: null,
      bbox: null,
      fresh: false,
      sort: 'newest',
      page: 1,
      perPage: 20,
      cursor: null,
    });
  });

  it('reads maturity stages, and names the parameter of a bad one', () => {
    expect(parse('stage=launch,Scaling&stage=launch').stages).toEqual(['launch', 'scaling']);
    expect(searchParamsToQuery(parse('stage=completed&q=velo'))).toBe('?q=velo&stage=completed');
    expect(() => parse('stage=ended')).toThrow(InvalidParameterError);
    const error = (() => {
      try {
        parse('stage=launch,ended');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).toBe('stage');
    expect((error as Error).message).toMatch(/launch, deployment, scaling, completed/);
  });

  it('reads repeated and comma-separated themes, and territory codes', () => {
    expect(
      parse('q=%20emploi%20%20jeunes&theme=emp&theme=SOL,ACE&region=84&departement=2a&page=2&per_page=50'),
    ).toMatchObject({
      q: 'emploi jeunes',
      themes: ['EMP', 'SOL', 'ACE'],
      region: '84',
      departement: '2A',
      sort: 'relevance',
      page: 2,
      perPage: 50,
    });
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['per_page=1000', 'per_page'],
    ['departement=999999', 'departement'],
    ['region=x', 'region'],
    ['theme=not-a-code!', 'theme'],
    ['public=a%20b', 'public'],
    ['partner=Not%20a%20slug', 'partner'],
    ['epci=12', 'epci'],
    ['commune=abc', 'commune'],
    ['lat=48.8', 'lon'],
    ['lon=2.3', 'lat'],
    ['lat=91&lon=2', 'lat'],
    ['lat=48&lon=2&radius=0', 'radius'],
    ['radius=5', 'radius'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=3,40,1,45', 'bbox'],
    ['fresh=maybe', 'fresh'],
    ['sort=popular', 'sort'],
    ['sort=distance', 'sort'],
    ['cursor=%2F%2F', 'cursor'],
  ])('refuses %s naming the parameter', (query, parameter) => {
    try {
      parse(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).toBe(parameter);
    }
  });

  it('reads the new filters, the point, the box and the sort', () => {
    expect(
      parse(
        'public=jeu&partner=Mon-Reseau,autre&epci=200046977&commune=69123&lat=45.76&lon=4.83&radius=10&bbox=4.7,45.7,4.9,45.8&fresh=1&sort=distance',
      ),
    ).toMatchObject({
      publics: ['JEU'],
      partners: ['mon-reseau', 'autre'],
      epci: '200046977',
      commune: '69123',
      near: { lat: 45.76, lon: 4.83, radiusKm: 10 },
      bbox: { west: 4.7, south: 45.7, east: 4.9, north: 45.8 },
      fresh: true,
      sort: 'distance',
    });
  });

  it('round-trips every parameter, and encodes opaque cursors', () => {
    const params = parse(
      'q=epicerie&theme=SOL&public=JEU&partner=a-b&region=84&departement=69&epci=200046977&commune=69123&lat=45.7&lon=4.8&radius=5&bbox=4,45,5,46&fresh=true&sort=name&per_page=10&page=2',
    );
    expect(parse(searchParamsToQuery(params).slice(1))).toEqual(params);
    const cursor = encodeCursor(40);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toBe(40);
    expect(() => decodeCursor('abc')).toThrow(InvalidParameterError);
  });

  it('round-trips through searchParamsToQuery', () => {
    const params = parse('q=epicerie&theme=SOL&departement=69&page=3');
    expect(parse(searchParamsToQuery(params).slice(1))).toEqual(params);
    expect(searchParamsToQuery(params, { page: 1 })).toBe('?q=epicerie&theme=SOL&departement=69');
  });
});

describe('parseFacetSearch', () => {
  const parameterOf = (facet: string | null, query: string) => {
    try {
      parseFacetSearch(facet, new URLSearchParams(query));
    } catch (error) {
      if (error instanceof InvalidParameterError) return error.parameter;
      throw error;
    }
    return null;
  };

  it('reads the facet, the words and a limit', () => {
    expect(parseFacetSearch('commune', new URLSearchParams('facet_q=%20Lyon%20&limit=10'))).toEqual({
      facet: 'commune',
      text: 'Lyon',
      limit: 10,
    });
    expect(parseFacetSearch('partner', new URLSearchParams('facet_q=fond')).limit).toBe(50);
  });

  it('names the bad parameter', () => {
    expect(parameterOf('ville', 'facet_q=lyon')).toBe('facet');
    expect(parameterOf(null, 'facet_q=lyon')).toBe('facet');
    expect(parameterOf('commune', '')).toBe('facet_q');
    expect(parameterOf('commune', `facet_q=${'a'.repeat(101)}`)).toBe('facet_q');
    expect(parameterOf('commune', 'facet_q=lyon&limit=0')).toBe('limit');
  });
});
