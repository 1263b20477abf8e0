import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../errors.ts';
import { parseJsonPath, readJsonPath } from './json-path.ts';

const doc = {
  data: {
    items: [
      { title: 'A', tags: [{ label: 'x' }, { label: 'y' }], 'nom du projet': 'Projet A' },
      { title: 'B', tags: [] },
    ],
  },
};

describe('readJsonPath', () => {
  it('reads properties, indexes, wildcards and quoted names', () => {
    expect(readJsonPath(doc, 'data.items[*].title')).toEqual(['A', 'B']);
    expect(readJsonPath(doc, '$.data.items[0].tags[*].label')).toEqual(['x', 'y']);
    expect(readJsonPath(doc, 'data.items.*.title')).toEqual(['A', 'B']);
    expect(readJsonPath(doc, "data.items[0]['nom du projet']")).toEqual(['Projet A']);
    expect(readJsonPath(doc, 'data.items[-1].title')).toEqual(['B']);
    expect(readJsonPath(doc, '')).toEqual([doc]);
  });

  it('gives nothing for missing parts instead of throwing', () => {
    expect(readJsonPath(doc, 'data.nothing.here')).toEqual([]);
    expect(readJsonPath(doc, 'data.items[5].title')).toEqual([]);
    expect(readJsonPath(null, 'a.b')).toEqual([]);
  });

  it('refuses a path it cannot read, saying where', () => {
    expect(() => parseJsonPath('data[items')).toThrow(InvalidParameterError);
    expect(() => parseJsonPath('data[items')).toThrow('near "[items"');
  });
});
