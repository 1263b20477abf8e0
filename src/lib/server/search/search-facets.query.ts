import { BOX_MATCH, RADIUS_MATCH } from './location-filters.query.ts';
import {
  filteredMatches,
  MATCH_SHAPES,
  type MatchShape,
  NEWEST_WALK,
  QUERY,
  WORD_MATCHES,
  walkedMatches,
  wordMatchedMatches,
} from './search-projects.query.ts';

/**
 * Facet counts for a search: for each filter, how many matching projects each value would
 * give. Disjunctive: a filter's own selection is left out of its counts, so the other values of
 * a selected facet keep their counts. Territories are a hierarchy: régions always, départements
 * within the selected région, EPCI within the selected département, communes within the
 * selected EPCI or département.
 * $1–$13 as in SEARCH_PROJECTS_SQL; $14 $15 $16 the selected région, département and EPCI codes;
 * $17 a facet name and $18 words to find in its labels (search inside long lists), $19 the
 * number of values per facet, most frequent first; $20 the number of matches counted: past it
 * the counts are estimated from the $20 newest matches, scaled up by the share of ids they
 * span (as the search's total), and the caller says so; $21 maturity stages (any); $22 how the
 * first matches of the words, box, radius and freshness are found ('walk', 'collect', 'filter'
 * or 'words', see MATCH_SHAPES: one text per shape, searchFacetsSql); $23 method codes (any);
 * $24 NULL, or the ids of the search's first $20 matches when the search has no facet filter
 * (its sample: SEARCH_PROJECTS_SQL's first row).
 * Rows: facet, code, label, count, and whether the counts are exact (false past $20 matches).
 */
const COLUMNS = /* sql */ `
  p.id, p.themes, p.subthemes, p.publics, p.methods, p.territory_codes, p.public_partners, p.maturity,
  (cardinality($2::text[]) = 0 OR p.themes && $2::text[] OR p.subthemes && $2::text[]) AS by_theme,
  (cardinality($3::text[]) = 0 OR p.publics && $3::text[]) AS by_public,
  (cardinality($4::text[]) = 0 OR p.public_partners && $4::text[]) AS by_partner,
  (cardinality($5::text[]) = 0 OR p.territory_codes @> $5::text[]) AS by_territory,
  (cardinality($21::text[]) = 0 OR p.maturity = ANY ($21::text[])) AS by_stage,
  (cardinality($23::text[]) = 0 OR p.methods && $23::text[]) AS by_method`;

/** The matches of the words, box, radius and freshness: the facets count them by filter. */
const FACET_MATCHES = /* sql */ `
      p.published
  AND (q.tsq IS NULL OR p.search_vector @@ q.tsq)
  AND ${BOX_MATCH}
  AND ${RADIUS_MATCH}
  AND cardinality(p.public_partners) > 0
  AND ($13::timestamptz IS NULL OR p.public_last_seen_at >= $13::timestamptz)`;

/** The first $20 matches of the words, box, radius and freshness in each shape ($22 names it). */
const FIRST_MATCHES: Record<MatchShape, string> = {
  walk: /* sql */ `
   SELECT ${COLUMNS}
   FROM ${NEWEST_WALK} AS p CROSS JOIN ${QUERY}
   WHERE $24::int[] IS NULL AND $22::text = 'walk' AND ${walkedMatches(FACET_MATCHES)}
   ORDER BY p.id DESC
   LIMIT $20::int`,
  collect: /* sql */ `
   SELECT ${COLUMNS}
   FROM project p CROSS JOIN ${QUERY}
   WHERE $24::int[] IS NULL AND $22::text = 'collect' AND ${FACET_MATCHES}
   ORDER BY p.id + 0 DESC
   LIMIT $20::int`,
  filter: /* sql */ `
   SELECT ${COLUMNS}
   FROM project p CROSS JOIN ${QUERY}
   WHERE $24::int[] IS NULL AND $22::text = 'filter' AND ${filteredMatches(FACET_MATCHES)}
   ORDER BY p.id + 0 DESC
   LIMIT $20::int`,
  words: /* sql */ `
   SELECT ${COLUMNS}
   FROM ${WORD_MATCHES} AS p CROSS JOIN ${QUERY}
   WHERE $24::int[] IS NULL AND $22::text = 'words' AND ${wordMatchedMatches(FACET_MATCHES)}
   ORDER BY p.id DESC
   LIMIT $20::int`,
};

/** SEARCH_FACETS_SQL for a shape ($22; with a sample, $24, any shape: 'collect'). */
export function searchFacetsSql(shape: MatchShape): string {
  return SEARCH_FACETS_SQL[shape];
}

const searchFacetsText = (shape: MatchShape) => /* sql */ `
WITH base AS (
  -- The search's own sample of matches when it has no facet filter ($24, the same rows the
  -- other branch would find): read by id, not found again. Else the first $20 matches of the
  -- words, box, radius and freshness, newest id first: walked (NEWEST_WALK) when they are
  -- dense, collected through the indexes and sorted when they are sparse, taken from the
  -- filter indexes with their words matched when the words are broad, or from the word index
  -- alone when the filters are ($22: see MATCH_SHAPES; one text per shape). A constant $24
  -- leaves one branch at planning.
  SELECT ${COLUMNS} FROM project p WHERE $24::int[] IS NOT NULL AND p.id = ANY ($24::int[])
  UNION ALL
  (${FIRST_MATCHES[shape]})
),
-- Past $20 matches, counts are scaled up by the share of ids the sample spans (as the total).
scale AS (
  SELECT CASE WHEN s.n >= $20::int THEN (r.hi - r.lo + 1)::float8 / (r.hi - s.lowest + 1) ELSE 1 END AS factor,
         s.n < $20::int AS exact
  FROM (SELECT count(*) AS n, min(id) AS lowest FROM base) AS s,
       (SELECT max(id) AS hi, min(id) AS lo FROM project) AS r
),
counts AS (
  SELECT 'theme' AS facet, c AS code, count(*)::int AS count
  FROM base, unnest(base.themes) AS c
  WHERE by_public AND by_partner AND by_territory AND by_stage AND by_method GROUP BY c
  UNION ALL
  SELECT 'subtheme', c, count(*)::int
  FROM base, unnest(base.subthemes) AS c
  WHERE by_public AND by_partner AND by_territory AND by_stage AND by_method GROUP BY c
  UNION ALL
  SELECT 'public', c, count(*)::int
  FROM base, unnest(base.publics) AS c
  WHERE by_theme AND by_partner AND by_territory AND by_stage AND by_method GROUP BY c
  UNION ALL
  SELECT 'partner', c, count(*)::int
  FROM base, unnest(base.public_partners) AS c
  WHERE by_theme AND by_public AND by_territory AND by_stage AND by_method GROUP BY c
  UNION ALL
  SELECT CASE left(c, 1) WHEN 'R' THEN 'region' WHEN 'D' THEN 'departement'
                         WHEN 'E' THEN 'epci' ELSE 'commune' END,
         substr(c, 3), count(*)::int
  FROM base, unnest(base.territory_codes) AS c
  WHERE by_theme AND by_public AND by_partner AND by_stage AND by_method
    AND (c LIKE 'R:%'
      OR (c LIKE 'D:%' AND ($14::text IS NULL OR 'R:' || $14::text = ANY (base.territory_codes)))
      OR (c LIKE 'E:%' AND 'D:' || $15::text = ANY (base.territory_codes))
      OR (c LIKE 'C:%' AND ('E:' || $16::text = ANY (base.territory_codes)
                            OR ($16::text IS NULL AND 'D:' || $15::text = ANY (base.territory_codes)))))
  GROUP BY c
  UNION ALL
  SELECT 'stage', maturity, count(*)::int
  FROM base
  WHERE by_theme AND by_public AND by_partner AND by_territory AND by_method AND maturity IS NOT NULL
  GROUP BY maturity
  UNION ALL
  SELECT 'method', c, count(*)::int
  FROM base, unnest(base.methods) AS c
  WHERE by_theme AND by_public AND by_partner AND by_territory AND by_stage GROUP BY c
),
labelled AS (
  SELECT counts.facet, counts.code, counts.count,
         coalesce(t.label_fr, pa.name, r.name, d.name, e.name, co.name, counts.code) AS label
  FROM counts
  LEFT JOIN taxonomy_term t
    ON counts.facet IN ('theme', 'subtheme', 'public', 'method') AND t.code = counts.code
   -- Publics and methods are stored as 2018 tag codes (JEU, COO), labelled in tag2018.
   AND t.vocabulary = CASE WHEN counts.facet IN ('public', 'method') THEN 'tag2018' ELSE counts.facet END
  LEFT JOIN partner pa ON counts.facet = 'partner' AND pa.slug = counts.code
  LEFT JOIN region r ON counts.facet = 'region' AND r.code = counts.code
  LEFT JOIN departement d ON counts.facet = 'departement' AND d.code = counts.code
  LEFT JOIN epci e ON counts.facet = 'epci' AND e.code = counts.code
  LEFT JOIN commune co ON counts.facet = 'commune' AND co.insee_code = counts.code
),
ranked AS (
  SELECT labelled.*, row_number() OVER (PARTITION BY facet ORDER BY count DESC, label) AS n
  FROM labelled
  WHERE $17::text IS NULL OR facet <> $17::text
     OR tadata_unaccent(lower(label)) LIKE '%' || tadata_unaccent(lower($18::text)) || '%'
)
SELECT facet, code, label, round(count * scale.factor)::int AS count, scale.exact
FROM ranked CROSS JOIN scale
WHERE n <= $19::int
ORDER BY facet, n
`;

/** The texts of SEARCH_FACETS_SQL by shape. */
const SEARCH_FACETS_SQL = Object.fromEntries(
  MATCH_SHAPES.map((shape) => [shape, searchFacetsText(shape)]),
) as Record<MatchShape, string>;
