/**
 * The tsquery of a query text ($1, for to_tsquery('tadata_fr', …)) as the database normalises
 * it: stop words dropped, every word stemmed. Rows: one, with its text ('' when no word is left).
 */
export const NORMALIZED_TSQUERY_SQL = /* sql */ `
SELECT to_tsquery('tadata_fr', $1::text)::text AS tsquery
`;
