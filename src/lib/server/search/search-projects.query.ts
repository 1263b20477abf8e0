import { BOX_MATCH, RADIUS_MATCH } from './location-filters.query.ts';

/**
 * Published projects matching a search, in the asked order, and how many match.
 * $1 tsquery text for to_tsquery('tadata_fr', …) ('' for every project); filters: $2 theme or
 * sub-theme codes (any), $3 public codes (any), $4 partner slugs (any), $5 territory codes that
 * must all be present ('R:84', 'D:69', 'E:…', 'C:…'), $6–$9 bounding box west, south, east,
 * north, $10 $11 latitude and longitude of a point, $12 radius in km around it, $13 seen at the
 * source since; $14 sort (relevance, newest, name, distance), $15 page size, $16 offset, $17 the
 * count stops there: the total is then estimated from the ids the $17 matches span (the
 * matches are taken from the newest id down), $18 at most this many extra name matches are
 * ranked past the first $17 matches; $19 maturity stages (any); $20 how the first matches are
 * found ('walk', 'collect', 'filter' or 'words', see MATCH_SHAPES: one text per shape,
 * searchProjectsSql); $21 method codes (any); $22 true when the name matches are dense (walked,
 * likewise one text each way). Rows: the total (on every row), then the
 * page's ids in order with their distance to the point (and the estimated total past the
 * threshold); one row with a null id when the page is empty. The first row also carries the
 * ids of the first $17 matches (sample), on which facets can be counted when no facet filter
 * is set (SEARCH_FACETS_SQL $24).
 *
 * Relevance is bounded so that a broad word ("projet") does not rank every project: the
 * candidates are the first $17 matches (all of them below the threshold) plus, past it, up to
 * $18 projects whose name matches; they are ordered by name match first, then ts_rank_cd over
 * the weighted vector (name A, carrier B, presentation C, tags and places D). The other sorts
 * are exact: each has its own branch so that the planner can walk an index in that order
 * (a branch whose sort is not asked is cut at planning, its parameters being constants).
 * Public credits and freshness come from project.public_partners and public_last_seen_at,
 * which triggers derive from public_project_source, the charter view (migration 0004).
 */
const MATCHES = /* sql */ `
      p.published
  AND cardinality(p.public_partners) > 0
  AND (q.tsq IS NULL OR p.search_vector @@ q.tsq)
  AND (cardinality($2::text[]) = 0 OR p.themes && $2::text[] OR p.subthemes && $2::text[])
  AND (cardinality($3::text[]) = 0 OR p.publics && $3::text[])
  AND (cardinality($4::text[]) = 0 OR p.public_partners && $4::text[])
  AND (cardinality($5::text[]) = 0 OR p.territory_codes @> $5::text[])
  AND ${BOX_MATCH}
  AND ${RADIUS_MATCH}
  AND ($13::timestamptz IS NULL OR p.public_last_seen_at >= $13::timestamptz)
  AND (cardinality($19::text[]) = 0 OR p.maturity = ANY ($19::text[]))
  AND (cardinality($21::text[]) = 0 OR p.methods && $21::text[])`;

/**
 * MATCHES for name matches, which the name index finds. The name comes first in the search
 * vector, with the same positions, so a name match is a match, unless the query excludes a word
 * ('!', which may be in the presentation): only then is the search vector read, and not through
 * its own index (coalesce: no index has that expression), whose scan of a frequent word would
 * cost more than the name matches.
 */
const NAME_MATCHES = MATCHES.replace(
  'p.search_vector @@ q.tsq',
  `(strpos($1::text, '!') = 0 OR coalesce(p.search_vector, ''::tsvector) @@ q.tsq)`,
);

const KM = /* sql */ `(
  SELECT min(111.195 * sqrt(power(l.latitude - $10::float8, 2)
                            + power(cos(radians($10::float8)) * (l.longitude - $11::float8), 2)))
  FROM project_location l
  WHERE $10::float8 IS NOT NULL AND l.project_id = p.id AND l.latitude IS NOT NULL)`;

/**
 * How the first matches, newest ids first, are found: one of four shapes, chosen in code from
 * estimates (matchShape), each with its own query text ($20 names it):
 * - 'walk' when the matches are dense: walking the primary key backwards finds the first ones
 *   at once (NEWEST_WALK);
 * - 'collect' when they are sparse: walking would read most of the table, so "p.id + 0" (no
 *   index has that order) makes the planner collect the matches through the word and filter
 *   indexes and sort them;
 * - 'filter' when the words are broad and the filters narrow (a frequent word in a small
 *   région): the filter indexes give the candidates and each one's text is matched
 *   (filteredMatches); collecting a broad word's matches from the word index cost more than
 *   reading the candidates (at 1,000,000 projects, 90 ms for 270,000 entries, against 10 ms
 *   for 7,000 candidates);
 * - 'words' when the words are narrow and the filters broad (three words in a large theme):
 *   the word index alone gives the candidates (WORD_MATCHES) and each one's filters are
 *   checked; the planner, which costs a word index scan low, also read the theme's 190,000
 *   index entries to intersect them with 2,400 word matches.
 */
export const MATCH_SHAPES = ['walk', 'collect', 'filter', 'words'] as const;
export type MatchShape = (typeof MATCH_SHAPES)[number];

/**
 * Every project, newest id first, behind a fence (a subquery with OFFSET 0 keeps the filters
 * outside): the matches are then found by walking the primary key backwards and testing each
 * row, whatever the planner expects. Used when the matches are dense ($20): the planner's own
 * estimates of a dense search can be far too low (a map box, assumed to hold 0.5 % of projects;
 * a phrase, whose words it takes as independent), and it then collected tens of thousands of
 * matches through the indexes to keep the newest 300 (at 1,000,000 projects, 250 ms instead of
 * 20 ms).
 */
export const NEWEST_WALK = /* sql */ `(SELECT * FROM project ORDER BY id DESC OFFSET 0)`;

/**
 * A search's conditions for NEWEST_WALK: the box overlap as a function call, which no index
 * takes and which the planner estimates at a third of the rows (the operator's estimate is
 * 0.5 % for any box). The walk is chosen because the matches are dense; with 0.5 % the planner
 * would expect fewer matches than the limit, plan to read every project, and prefer sorting the
 * whole table to walking it.
 */
export function walkedMatches(matches: string): string {
  const overlap = 'p.locations_box && box(point($6::float8, $7::float8), point($8::float8, $9::float8))';
  if (!matches.includes(overlap)) throw new Error('walkedMatches: no box overlap in these conditions');
  return matches.replace(
    overlap,
    'box_overlap(p.locations_box, box(point($6::float8, $7::float8), point($8::float8, $9::float8)))',
  );
}

/**
 * The projects whose text matches the words ($1), through the word index alone: behind a fence
 * (OFFSET 0), so that the filters outside are checked on these rows and not intersected with
 * their own indexes.
 */
export const WORD_MATCHES = /* sql */ `(
  SELECT w.* FROM project w
  WHERE $1::text = '' OR w.search_vector @@ to_tsquery('tadata_fr', $1::text)
  OFFSET 0)`;

/** A search's conditions on the rows of WORD_MATCHES: their words need not be matched again. */
export function wordMatchedMatches(matches: string): string {
  const words = '(q.tsq IS NULL OR p.search_vector @@ q.tsq)';
  if (!matches.includes(words)) throw new Error('wordMatchedMatches: no word match in these conditions');
  return matches.replace(words, 'true');
}

/**
 * A search's conditions for the 'filter' shape: the words matched on each candidate the filter
 * indexes give, not through the word index (coalesce: no index has that expression).
 */
export function filteredMatches(matches: string): string {
  const words = 'p.search_vector @@ q.tsq';
  if (!matches.includes(words)) throw new Error('filteredMatches: no word match in these conditions');
  return matches.replace(words, `coalesce(p.search_vector, ''::tsvector) @@ q.tsq`);
}

/** A subquery, not a CTE: inlined, so that the tsquery is a constant for the planner (GIN index). */
export const QUERY = /* sql */ `(SELECT CASE WHEN $1::text = '' THEN NULL ELSE to_tsquery('tadata_fr', $1::text) END AS tsq) AS q`;

/**
 * The first $17 matches, newest first, in each shape ($20 names it: the text is chosen by shape,
 * so that the planner plans that shape alone).
 */
const FIRST_MATCHES: Record<MatchShape, string> = {
  walk: /* sql */ `
    SELECT p.id, p.first_seen_at, q.tsq
    FROM ${NEWEST_WALK} AS p CROSS JOIN ${QUERY}
    WHERE $20::text = 'walk' AND ${walkedMatches(MATCHES)}
    ORDER BY p.id DESC
    LIMIT $17::int`,
  collect: /* sql */ `
    SELECT p.id, p.first_seen_at, q.tsq
    FROM project p CROSS JOIN ${QUERY}
    WHERE $20::text = 'collect' AND ${MATCHES}
    ORDER BY p.id + 0 DESC
    LIMIT $17::int`,
  filter: /* sql */ `
    SELECT p.id, p.first_seen_at, q.tsq
    FROM project p CROSS JOIN ${QUERY}
    WHERE $20::text = 'filter' AND ${filteredMatches(MATCHES)}
    ORDER BY p.id + 0 DESC
    LIMIT $17::int`,
  words: /* sql */ `
    SELECT p.id, p.first_seen_at, q.tsq
    FROM ${WORD_MATCHES} AS p CROSS JOIN ${QUERY}
    WHERE $20::text = 'words' AND ${wordMatchedMatches(MATCHES)}
    ORDER BY p.id DESC
    LIMIT $17::int`,
};

/** Up to $18 name matches past the first $17 matches, walked ($22 true) or collected. */
const WALKED_NAME_MATCHES = /* sql */ `
    SELECT p.id, p.first_seen_at
    FROM ${NEWEST_WALK} AS p CROSS JOIN ${QUERY}
    WHERE $22::boolean AND $14::text = 'relevance' AND q.tsq IS NOT NULL
      AND (SELECT total FROM counted) >= $17::int
      AND p.name_vector @@ q.tsq AND ${walkedMatches(NAME_MATCHES)}
    ORDER BY p.id DESC
    LIMIT $18::int`;
const COLLECTED_NAME_MATCHES = /* sql */ `
    SELECT p.id, p.first_seen_at
    FROM project p CROSS JOIN ${QUERY}
    WHERE NOT $22::boolean AND $14::text = 'relevance' AND q.tsq IS NOT NULL
      AND (SELECT total FROM counted) >= $17::int
      AND p.name_vector @@ q.tsq AND ${NAME_MATCHES}
    ORDER BY p.id + 0 DESC
    LIMIT $18::int`;

/** SEARCH_PROJECTS_SQL for a shape ($20) and a walk of the name matches ($22) or not. */
export function searchProjectsSql(shape: MatchShape, walkNameMatches: boolean): string {
  return SEARCH_PROJECTS_SQL[shape][walkNameMatches ? 'walk' : 'collect'];
}

const searchProjectsText = (shape: MatchShape, walkNameMatches: boolean) => /* sql */ `
WITH capped AS MATERIALIZED (
  -- Ranked after the limit: ts_rank_cd reads the whole vector, only the kept rows pay for it;
  -- the sort that finds them carries ids, not vectors.
  SELECT m.id, m.first_seen_at,
         CASE WHEN $14::text = 'relevance' AND m.tsq IS NOT NULL
              THEN ts_rank_cd(v.search_vector, m.tsq) + CASE WHEN v.name_vector @@ m.tsq THEN 1 ELSE 0 END
         END AS rank
  FROM (
    ${FIRST_MATCHES[shape]}
  ) AS m
  LEFT JOIN project v ON $14::text = 'relevance' AND m.tsq IS NOT NULL AND v.id = m.id
),
counted AS (
  -- Past the threshold, the total is estimated: the matches found per id scanned (newest id
  -- down), over the whole range of ids.
  SELECT c.total, c.sample,
         CASE WHEN c.total >= $17::int
              THEN greatest(c.total, round(c.total * (r.hi - r.lo + 1)::numeric / (r.hi - c.lowest + 1))::int)
         END AS estimate
  FROM (SELECT count(*)::int AS total, min(id) AS lowest, array_agg(id) AS sample FROM capped) AS c,
       (SELECT max(id) AS hi, min(id) AS lo FROM project) AS r
),
candidates AS (
  SELECT id, first_seen_at, rank FROM capped WHERE $14::text = 'relevance'
  UNION
  -- Ranked after the limit, as capped; the sort carries ids only (not the vectors).
  SELECT n.id, n.first_seen_at, ts_rank_cd(v.search_vector, q.tsq) + 1
  FROM (
    ${walkNameMatches ? WALKED_NAME_MATCHES : COLLECTED_NAME_MATCHES}
  ) AS n
  JOIN project v ON v.id = n.id
  CROSS JOIN ${QUERY}
),
page AS (
  (SELECT c.id, c.first_seen_at FROM candidates c
   ORDER BY c.rank DESC NULLS LAST, c.first_seen_at DESC, c.id DESC
   LIMIT $15::int OFFSET $16::int)
  UNION ALL
  (SELECT p.id, p.first_seen_at FROM project p CROSS JOIN ${QUERY}
   WHERE $14::text = 'newest' AND ${MATCHES}
   ORDER BY p.first_seen_at DESC, p.id DESC
   LIMIT $15::int OFFSET $16::int)
  UNION ALL
  (SELECT p.id, p.first_seen_at FROM project p CROSS JOIN ${QUERY}
   WHERE $14::text = 'name' AND ${MATCHES}
   ORDER BY lower(p.name), p.id
   LIMIT $15::int OFFSET $16::int)
  UNION ALL
  (SELECT p.id, p.first_seen_at FROM project p CROSS JOIN ${QUERY}
   WHERE $14::text = 'distance' AND ${MATCHES}
   ORDER BY ${KM} ASC NULLS LAST, p.first_seen_at DESC, p.id DESC
   LIMIT $15::int OFFSET $16::int)
),
ordered AS (SELECT page.id, row_number() OVER () AS n FROM page)
SELECT counted.total, counted.estimate, o.id, near.km,
       CASE WHEN coalesce(o.n, 1) = 1 THEN coalesce(counted.sample, '{}') END AS sample
FROM counted
LEFT JOIN ordered o ON true
LEFT JOIN LATERAL (SELECT ${KM.replaceAll('p.id', 'o.id')} AS km) AS near ON true
ORDER BY o.n
`;

/** The texts of SEARCH_PROJECTS_SQL by shape, and by whether name matches are walked. */
const SEARCH_PROJECTS_SQL = Object.fromEntries(
  MATCH_SHAPES.map((shape) => [
    shape,
    { walk: searchProjectsText(shape, true), collect: searchProjectsText(shape, false) },
  ]),
) as Record<MatchShape, Record<'walk' | 'collect', string>>;

/** MATCHES for the planner's estimate ($14 maturity stages, $15 method codes). */
const ESTIMATED_MATCHES = MATCHES.replaceAll('$19::', '$14::')
  .replaceAll('$21::', '$15::')
  // Published projects are credited, nearly all of them; the planner, which has no statistics
  // for an expression, would take a third of them and expect 3 times too few matches.
  .replace('AND cardinality(p.public_partners) > 0', '');

/**
 * The planner's estimates of a search's matches ($1 the normalised tsquery text of
 * PreparedQuery.estimate, NULL for every project; $2–$13 as in SEARCH_PROJECTS_SQL, $14
 * maturity stages, $15 method codes): a plan, not a count, so it costs a planning and no
 * reading. Rows: one, with the plan as JSON: an Append whose branches estimate, in this order,
 * the projects, the matches, the matches of the filters alone, the name matches and the
 * matches of the words alone (the last two, without words, are cut at planning: missing).
 */
export const SEARCH_MATCH_ESTIMATE_SQL = /* sql */ `
EXPLAIN (FORMAT JSON)
SELECT 1 FROM project p
UNION ALL
SELECT 1 FROM project p CROSS JOIN (SELECT $1::tsquery AS tsq) AS q
WHERE ${ESTIMATED_MATCHES}
UNION ALL
SELECT 1 FROM project p CROSS JOIN (SELECT $1::tsquery AS tsq) AS q
WHERE ${ESTIMATED_MATCHES.replace('(q.tsq IS NULL OR p.search_vector @@ q.tsq)', 'true')}
UNION ALL
SELECT 1 FROM project p CROSS JOIN (SELECT $1::tsquery AS tsq) AS q
WHERE p.name_vector @@ q.tsq AND ${ESTIMATED_MATCHES.replace('(q.tsq IS NULL OR p.search_vector @@ q.tsq)', 'true')}
UNION ALL
SELECT 1 FROM project p CROSS JOIN (SELECT $1::tsquery AS tsq) AS q
WHERE p.published AND p.search_vector @@ q.tsq
`;
