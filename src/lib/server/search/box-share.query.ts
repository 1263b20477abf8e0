/**
 * The share of located locations inside a box ($1–$4 west, south, east, north), from a
 * repeatable sample of about 2 % of project_location's pages: the planner has no statistics for
 * a box overlap (it assumes 0.5 %), so a search's density is estimated without its box, times
 * this share. Rows: one, with the share (NULL when the sample holds under 200 locations: a
 * small table, where the planner's guess does no harm) and the sampled count.
 */
export const BOX_SHARE_SQL = /* sql */ `
SELECT CASE WHEN count(*) >= 200
            THEN (count(*) FILTER (WHERE l.longitude BETWEEN $1::float8 AND $3::float8
                                     AND l.latitude BETWEEN $2::float8 AND $4::float8))::float8 / count(*)
       END AS share,
       count(*)::int AS sampled
FROM project_location l TABLESAMPLE SYSTEM (2) REPEATABLE (0)
WHERE l.latitude IS NOT NULL
`;
