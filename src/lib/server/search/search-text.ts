import synonymFile from '../../../../data/search/synonyms.json' with { type: 'json' };

/**
 * Turns what a user typed into a PostgreSQL tsquery text for `to_tsquery('tadata_fr', …)`, which
 * then drops stop words, accents and stems each word. Understands `"phrases"` and `-exclusions`,
 * makes the last word a prefix (results as you type), adds spelling corrections and synonyms.
 */

export interface QueryTerm {
  /** Words of the term as typed, lower case (accents kept: the database removes them). */
  words: string[];
  phrase: boolean;
  negated: boolean;
}

/**
 * Articles missing from PostgreSQL's French stop-word list ("les" would stem to "le" and be
 * required).
 */
const EXTRA_STOP_WORDS = new Set(['les', 'des', 'aux']);
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents, as the dictionary stores words. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => !EXTRA_STOP_WORDS.has(w));
}

/**
 * Splits a query into words, "phrases" and -exclusions. A term typed twice counts once ("projet
 * projet" is "projet"): the query means the same, and the planner, which takes its words as
 * independent, would expect far fewer matches than there are.
 */
export function parseQueryTerms(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const match of q.matchAll(/(-?)"([^"]*)"?|(-?)([^\s"]+)/g)) {
    const negated = (match[1] ?? match[3]) === '-';
    const isPhrase = match[2] !== undefined;
    const words = wordsOf(isPhrase ? (match[2] ?? '') : (match[4] ?? ''));
    if (!words.length) continue;
    const term = { words, phrase: isPhrase || words.length > 1, negated };
    const key = JSON.stringify([term.negated, term.phrase, words.map(foldWord)]);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

export interface SynonymGroups {
  /** Each group's terms as folded word lists. */
  groups: string[][][];
}

export function loadSynonyms(groups: string[][] = synonymFile.groups): SynonymGroups {
  return { groups: groups.map((g) => g.map((term) => (term.match(WORD) ?? []).map(foldWord))) };
}

const defaultSynonyms = loadSynonyms();

/** Plain words of the query that may be misspelt: positive, single words of 5 letters or more. */
export function correctableWords(terms: QueryTerm[]): string[] {
  return [
    ...new Set(terms.filter((t) => !t.negated && !t.phrase).flatMap((t) => t.words.map(foldWord))),
  ].filter((w) => w.length >= 5);
}

const quote = (words: string[]) => `'${words.join(' ')}'`;

export interface TsQueryOptions {
  /** Corrections for misspelt words: folded word → dictionary words. */
  corrections?: ReadonlyMap<string, string[]>;
  synonyms?: SynonymGroups;
  /** Make the last plain word a prefix (default true). */
  prefixLast?: boolean;
  /**
   * For an estimate of the matches: each "phrase" becomes its rarest word, by these document
   * counts (folded word → projects; a word missing here is left out unless all are). A
   * phrase's matches are at most its rarest word's, and nearly as many for the phrases people
   * type ("sans-abri"); the planner, which takes the words as independent, expects 10 to 20
   * times fewer.
   */
  phraseAsRarestWord?: ReadonlyMap<string, number>;
}

/** The tsquery text for `to_tsquery('tadata_fr', …)`, or '' when nothing is searched. */
export function buildTsQuery(terms: QueryTerm[], options: TsQueryOptions = {}): string {
  const {
    corrections = new Map(),
    synonyms = defaultSynonyms,
    prefixLast = true,
    phraseAsRarestWord,
  } = options;
  const parts: string[] = [];
  const last = terms.length - 1;
  terms.forEach((term, index) => {
    if (term.negated) {
      parts.push(`!${quote(term.words)}`);
      return;
    }
    if (term.phrase) {
      const words = phraseAsRarestWord ? [rarestWord(term.words, phraseAsRarestWord)] : term.words;
      parts.push(withSynonyms(term.words, quote(words), synonyms));
      return;
    }
    const [word = ''] = term.words;
    const folded = foldWord(word);
    const alternatives = [quote([word])];
    const isSynonym = synonyms.groups.some((g) => g.some((t) => sameWords(t, [folded])));
    if (index === last && prefixLast && folded.length >= 3 && !isSynonym)
      alternatives[0] = `${quote([word])}:*`;
    // A synonym is a whole word ("ESS"): neither completed nor corrected.
    if (!isSynonym) for (const fix of corrections.get(folded) ?? []) alternatives.push(quote([fix]));
    const expr = alternatives.length > 1 ? `(${alternatives.join(' | ')})` : (alternatives[0] ?? '');
    parts.push(withSynonyms(term.words, expr, synonyms));
  });
  return mergeMultiWordSynonyms(parts, terms, synonyms).join(' & ');
}

function rarestWord(words: string[], counts: ReadonlyMap<string, number>): string {
  const known = words.filter((w) => counts.has(foldWord(w)));
  const candidates = known.length ? known : words;
  return candidates.reduce((a, b) =>
    (counts.get(foldWord(b)) ?? 0) < (counts.get(foldWord(a)) ?? 0) ? b : a,
  );
}

/**
 * A normalised tsquery text (NORMALIZED_TSQUERY_SQL) without the alternatives that repeat
 * another of their group ("mediateur | mediateurs" stem alike) or that a prefix of their group
 * covers ('emploi':* covers 'emploi' and 'emplois'): the planner adds up alternatives as if they
 * matched different projects, and estimated twice too many matches per such word (eight times
 * for three words). For the planner's estimate only: the search itself matches the same.
 */
export function withoutRepeatedAlternatives(normalized: string): string {
  const operand = String.raw`'(?:[^']|'')*'(?::\*)?`;
  // A group: alternatives alone in their parentheses, or the whole query.
  const group = new RegExp(String.raw`(^|\( )(${operand}(?: \| ${operand})+)(?= \)|$)`, 'g');
  const lone = new RegExp(String.raw`\( (${operand}) \)`, 'g');
  return normalized
    .replace(group, (_match, start: string, inner: string) => start + keptAlternatives(inner.split(' | ')))
    .replace(lone, '$1');
}

function keptAlternatives(group: string[]): string {
  const alternatives = [...new Set(group)];
  const prefixes = alternatives.filter((a) => a.endsWith(':*')).map((a) => a.slice(1, -3));
  return alternatives
    .filter((a) => {
      const isPrefix = a.endsWith(':*');
      const lexeme = isPrefix ? a.slice(1, -3) : a.slice(1, -1);
      return !prefixes.some((p) => lexeme.startsWith(p) && (!isPrefix || lexeme !== p));
    })
    .join(' | ');
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** A term that is a synonym (as a whole) is OR-ed with the other terms of its group. */
function withSynonyms(words: string[], expr: string, synonyms: SynonymGroups): string {
  const folded = words.map(foldWord);
  const group = synonyms.groups.find((g) => g.some((t) => sameWords(t, folded)));
  if (!group) return expr;
  const others = group.filter((t) => !sameWords(t, folded)).map(quote);
  return `(${[expr, ...others].join(' | ')})`;
}

/**
 * Consecutive plain words that spell a multi-word synonym ("économie sociale et solidaire")
 * become one alternative of the group, so "économie sociale et solidaire" also finds "ESS".
 */
function mergeMultiWordSynonyms(parts: string[], terms: QueryTerm[], synonyms: SynonymGroups): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    let merged = false;
    for (const group of synonyms.groups) {
      for (const candidate of group) {
        if (candidate.length < 2) continue;
        // Stop words inside the phrase ("et") are skipped in the query as in the text.
        const span = terms.slice(i, i + candidate.length);
        if (span.length !== candidate.length || span.some((t) => t.negated || t.phrase)) continue;
        if (
          !sameWords(
            span.map((t) => foldWord(t.words[0] ?? '')),
            candidate,
          )
        )
          continue;
        // The words as typed (anywhere in the text), or any other term of the group as a phrase.
        const typed = parts.slice(i, i + candidate.length).join(' & ');
        const others = group.filter((t) => t !== candidate).map(quote);
        out.push(`(${[`(${typed})`, ...others].join(' | ')})`);
        i += candidate.length - 1;
        merged = true;
        break;
      }
      if (merged) break;
    }
    if (!merged) out.push(parts[i] ?? '');
  }
  return out.filter(Boolean);
}

/** Edit distance with transpositions (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Typos allowed in a word: 1 from 5 letters, 2 from 9. */
export function allowedTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}
