import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSourceConfig } from './validate-source-config.ts';

/** Every example in the guide is a valid config, so that the guide stays true. */
describe('docs/source-configs.md', () => {
  const guide = readFileSync('docs/source-configs.md', 'utf8');
  const examples = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? ''));

  it('has an example of each kind', () => {
    expect(new Set(examples.map((e) => e.kind))).toEqual(
      new Set(['html', 'json', 'feed', 'sitemap', 'file']),
    );
  });

  it.each(examples.map((e, i) => [i + 1, e.kind, e]))('example %i (%s) is valid', (_n, _kind, example) => {
    const result = validateSourceConfig(example);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
