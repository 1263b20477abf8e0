/**
 * PostgreSQL's French stop-word list lacks "les", which the stemmer then turns into "le": a
 * query "les jeunes" would require the word "les". Articles missing from the list are dropped.
 */
const EXTRA_STOP_WORDS = /(^|[\s"(])(les|des|aux)(?=$|[\s")])/gi;

export function prepareSearchText(q: string): string {
  return q.replace(EXTRA_STOP_WORDS, '$1').replace(/\s+/g, ' ').trim();
}
