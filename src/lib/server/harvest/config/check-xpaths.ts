import type { SourceConfig } from './source-config.schema.ts';
import { type ConfigProblem, formatPath } from './validate-source-config.ts';

/**
 * XPath syntax is checked apart from the schema because it needs jsdom, which is loaded only
 * when a config has XPath: every `{ "xpath": … }` in the config is compiled once.
 */
export async function findXPathProblems(config: SourceConfig): Promise<ConfigProblem[]> {
  const found: { path: (string | number)[]; xpath: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, [...path, i]);
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'xpath' && typeof v === 'string') found.push({ path: [...path, key], xpath: v });
        else walk(v, [...path, key]);
      }
    }
  };
  walk(config, []);
  if (!found.length) return [];
  const { JSDOM } = await import('jsdom');
  const { document } = new JSDOM('').window;
  const problems: ConfigProblem[] = [];
  for (const { path, xpath } of found) {
    try {
      document.createExpression(xpath, null);
    } catch (error) {
      problems.push({
        path: formatPath(path),
        message: `is not a valid XPath 1.0 expression (${(error as Error).message})`,
      });
    }
  }
  return problems;
}
