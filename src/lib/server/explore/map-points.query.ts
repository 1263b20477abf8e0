/**
 * Every located site of the given projects ($1: ids), for the map: one row per location with
 * coordinates, in the given order.
 */
export const MAP_POINTS_SQL = /* sql */ `
SELECT p.slug, p.name, l.longitude, l.latitude, l.departement_code AS "departementCode"
FROM unnest($1::int[]) WITH ORDINALITY AS wanted (id, ord)
JOIN project p ON p.id = wanted.id
JOIN project_location l ON l.project_id = p.id
WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
ORDER BY wanted.ord, l.position
`;
