import type { z } from 'zod';
import { type SourceConfig, sourceConfigSchema } from './source-config.schema.ts';

/** One thing wrong in a config: where (a JSON path such as `$.fields.title.selector`) and why. */
export interface ConfigProblem {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; config: SourceConfig } | { ok: false; errors: ConfigProblem[] };

const KINDS = ['html', 'json', 'feed', 'sitemap', 'file'];

/** Checks a config and returns every problem, each with its path and a plain message. */
export function validateSourceConfig(input: unknown): ValidationResult {
  const parsed = sourceConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: plainMessage(issue),
  }));
  return { ok: false, errors: dedupe(errors) };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is required (${issue.expected})`;
      return `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length > 1 ? 'properties' : 'property'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (a typo?)`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if (issue.discriminator) {
        const options = 'options' in issue && issue.options?.length ? issue.options : KINDS;
        return `"${issue.discriminator}" must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
      }
      return 'is none of the accepted forms (see the guide: docs/source-configs.md)';
    case 'too_small':
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return `must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function dedupe(errors: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = `${e.path}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
