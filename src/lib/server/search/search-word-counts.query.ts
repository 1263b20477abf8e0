/**
 * How many projects contain each of these words ($1, folded as the dictionary stores them).
 * Rows: word, ndoc; a word the dictionary does not know has no row.
 */
export const SEARCH_WORD_COUNTS_SQL = /* sql */ `
SELECT s.word, s.ndoc FROM search_word s WHERE s.word = ANY ($1::text[]) AND s.ndoc > 0
`;
