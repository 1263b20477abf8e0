import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../errors.ts';
import { parseSearchParams, searchParamsToQuery } from './parse-search-params.ts';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('gives defaults for an empty query', () => {
    expect(parse('')).toEqual({ q: '', themes: [], region: null, departement: null, page: 1, perPage: 20 });
  });

  it('reads repeated and comma-separated themes, and territory codes', () => {
    expect(
      parse('q=%20emploi%20%20jeunes&theme=emp&theme=SOL,ACE&region=84&departement=2a&page=2&per_page=50'),
    ).toEqual({
      q: 'emploi jeunes',
      themes: ['EMP', 'SOL', 'ACE'],
      region: '84',
      departement: '2A',
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
  ])('refuses %s naming the parameter', (query, parameter) => {
    try {
      parse(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).toBe(parameter);
    }
  });

  it('round-trips through searchParamsToQuery', () => {
    const params = parse('q=epicerie&theme=SOL&departement=69&page=3');
    expect(parse(searchParamsToQuery(params).slice(1))).toEqual(params);
    expect(searchParamsToQuery(params, { page: 1 })).toBe('?q=epicerie&theme=SOL&departement=69');
  });
});
