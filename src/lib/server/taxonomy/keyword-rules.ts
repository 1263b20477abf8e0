import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromAppRoot } from '../platform/app-root.ts';
import { normalizeKey } from '../text/normalize-key.ts';

const keywordRulesSchema = z.object({
  version: z.string(),
  rules: z.array(
    z.object({ code: z.string().regex(/^[A-Z]{3}$/), keywords: z.array(z.string().min(2)).min(1) }),
  ),
});
export type KeywordRules = z.infer<typeof keywordRulesSchema>;

export const KEYWORD_RULES_FILE = 'data/taxonomy/keyword-rules-2019.json';

export function readKeywordRules(file = fromAppRoot(KEYWORD_RULES_FILE)): KeywordRules {
  return keywordRulesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export type KeywordMatcher = (text: string) => string[];

/** Codes whose keywords begin a word of the text (lower case, accents ignored), in rule order. */
export function keywordMatcher(rules: KeywordRules): KeywordMatcher {
  const compiled = rules.rules.map((rule) => ({
    code: rule.code,
    pattern: new RegExp(`(?:^| )(?:${rule.keywords.map((k) => normalizeKey(k)).join('|')})`),
  }));
  return (text) => {
    const key = normalizeKey(text);
    return compiled.filter((r) => r.pattern.test(key)).map((r) => r.code);
  };
}
