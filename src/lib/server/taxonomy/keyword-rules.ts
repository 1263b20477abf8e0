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

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The rules (by index) with a keyword ending here. */
  rules: number[];
}

/**
 * Codes whose keywords begin a word of the text (lower case, accents ignored), in rule order.
 * Every keyword sits in one prefix tree walked from each word start of the text: one pass over
 * the text instead of one regular expression per rule (a full consolidation runs it on every
 * record's name and presentation).
 */
export function keywordMatcher(rules: KeywordRules): KeywordMatcher {
  const root: TrieNode = { next: new Map(), rules: [] };
  rules.rules.forEach((rule, index) => {
    for (const keyword of rule.keywords) {
      let node = root;
      for (const char of normalizeKey(keyword)) {
        let child = node.next.get(char);
        if (!child) {
          child = { next: new Map(), rules: [] };
          node.next.set(char, child);
        }
        node = child;
      }
      node.rules.push(index);
    }
  });
  return (text) => {
    const key = normalizeKey(text);
    const matched = new Set<number>();
    for (let start = 0; start <= key.length; start++) {
      if (start > 0 && key[start - 1] !== ' ') continue;
      let node: TrieNode | undefined = root;
      for (let i = start; node; i++) {
        for (const rule of node.rules) matched.add(rule);
        node = i < key.length ? node.next.get(key[i] as string) : undefined;
      }
    }
    return rules.rules.filter((_, index) => matched.has(index)).map((rule) => rule.code);
  };
}
