import { InvalidParameterError } from '../../errors.ts';

/**
 * A small path syntax for JSON documents, documented in docs/source-configs.md:
 *   ""  or "$"            the whole document
 *   "data.items"          a property, then another
 *   "items[0].title"      the first element of a list
 *   "items[*].title"      every element of a list (also "items.*.title")
 *   "['clé avec espaces']" a property whose name is not a plain word
 * Reading returns every value found (wildcards can give several), never throws on missing parts.
 */
export type PathStep = { key: string } | { index: number } | { all: true };

const RULES: [RegExp, (match: RegExpMatchArray) => PathStep][] = [
  [/^\.?([^.[\]'"*]+)/, (m) => ({ key: (m[1] ?? '').trim() })],
  [/^\.?\*/, () => ({ all: true })],
  [/^\[\s*\*\s*\]/, () => ({ all: true })],
  [/^\[\s*(-?\d+)\s*\]/, (m) => ({ index: Number(m[1]) })],
  [/^\[\s*(['"])(.*?)\1\s*\]/, (m) => ({ key: m[2] ?? '' })],
];

const cache = new Map<string, PathStep[]>();

export function parseJsonPath(path: string): PathStep[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const steps: PathStep[] = [];
  let rest = path.trim().replace(/^\$/, '');
  outer: while (rest.length) {
    for (const [pattern, toStep] of RULES) {
      const match = rest.match(pattern);
      if (!match) continue;
      steps.push(toStep(match));
      rest = rest.slice(match[0].length);
      continue outer;
    }
    throw new InvalidParameterError('path', `cannot read "${path}" near "${rest}"`);
  }
  cache.set(path, steps);
  return steps;
}

export function readJsonPath(document: unknown, path: string): unknown[] {
  let current: unknown[] = [document];
  for (const step of parseJsonPath(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      if ('all' in step) {
        if (Array.isArray(value)) next.push(...value);
        else if (value && typeof value === 'object') next.push(...Object.values(value));
      } else if ('index' in step) {
        if (Array.isArray(value)) {
          const item = value.at(step.index);
          if (item !== undefined) next.push(item);
        }
      } else if (value && typeof value === 'object' && !Array.isArray(value) && step.key in value) {
        next.push((value as Record<string, unknown>)[step.key]);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}
