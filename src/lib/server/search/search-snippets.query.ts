/**
 * Presentation extracts of the projects $2 with the words of the tsquery $1 between the markers
 * \u0002 and \u0003 (escaped and turned into <mark> by the caller, never trusted as HTML).
 */
export const SEARCH_SNIPPETS_SQL = /* sql */ `
SELECT p.id,
       ts_headline('tadata_fr', p.summary, to_tsquery('tadata_fr', $1::text),
                   'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                   || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
FROM project p
WHERE p.id = ANY ($2::int[]) AND p.summary IS NOT NULL
`;
