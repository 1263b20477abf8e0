import { describe, expect, it } from 'vitest';
import { findXPathProblems } from './check-xpaths.ts';
import { validateSourceConfig } from './validate-source-config.ts';

describe('findXPathProblems', () => {
  it('names every XPath that does not compile, by its path', async () => {
    const result = validateSourceConfig({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://site.example/'],
      items: { xpath: '//div[@class="projet"]' },
      detailLink: { xpath: './/a/@href' },
      fields: { 'titre du projet': { selector: { xpath: './/h2[' } } },
    });
    if (!result.ok) throw new Error('expected a valid config');
    const problems = await findXPathProblems(result.config);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('$.fields["titre du projet"].selector.xpath');
    expect(problems[0]?.message).toMatch(/^is not a valid XPath 1.0 expression/);
  });
});
