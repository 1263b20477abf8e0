import { describe, expect, it } from 'vitest';
import { formHiddenFields } from './form-hidden-fields.ts';
import { parseSearchParams } from './parse-search-params.ts';

const params = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('hidden fields of the search form', () => {
  it('keeps every filter the form has no field for, and none of those it has', () => {
    const fields = formHiddenFields(
      params(
        'q=jardin&theme=EMP&theme=ACE&region=84&public=JEU&stage=launch&method=COO&fresh=true&sort=name',
      ),
      { sort: true },
    );
    expect(fields).toEqual([
      ['theme', 'ACE'],
      ['public', 'JEU'],
      ['stage', 'launch'],
      ['method', 'COO'],
      ['fresh', 'true'],
      ['sort', 'name'],
    ]);
  });

  it('leaves the sort out of views that have none', () => {
    expect(formHiddenFields(params('stage=launch&sort=name'), { sort: false })).toEqual([
      ['stage', 'launch'],
    ]);
  });
});
