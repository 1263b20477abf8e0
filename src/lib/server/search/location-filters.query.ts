/**
 * The map box and radius conditions of a search, the same in SEARCH_PROJECTS_SQL and
 * SEARCH_FACETS_SQL: $6–$9 the box (west, south, east, north), $10–$12 the point and radius in km.
 */

/**
 * The project's whole locations box lies inside the map box ($6–$9), compared exactly (the box
 * operators allow a small tolerance): then all its located locations do, and they need not be
 * read. Most projects are located at one point.
 */
export const BOX_INSIDE = /* sql */ `((p.locations_box[1])[0] >= $6::float8 AND (p.locations_box[0])[0] <= $8::float8
             AND (p.locations_box[1])[1] >= $7::float8 AND (p.locations_box[0])[1] <= $9::float8)`;

/**
 * A location in the map box: the box's candidates through locations_box (GiST, migration 0012:
 * combines with the word index), then their locations, unless the whole box lies inside.
 */
export const BOX_MATCH = /* sql */ `($6::float8 IS NULL OR (
        p.locations_box && box(point($6::float8, $7::float8), point($8::float8, $9::float8))
        AND (${BOX_INSIDE} OR EXISTS (
          SELECT 1 FROM project_location l
          WHERE l.project_id = p.id
            AND l.longitude BETWEEN $6::float8 AND $8::float8
            AND l.latitude BETWEEN $7::float8 AND $9::float8))))`;

/**
 * A location within the radius, as an array of project ids: indexable on the primary key, so it
 * combines (bitmap AND) with the word and array indexes.
 */
export const RADIUS_MATCH = /* sql */ `($12::float8 IS NULL OR p.id = ANY (ARRAY(
        SELECT l.project_id FROM project_location l
        WHERE l.latitude BETWEEN $10::float8 - $12::float8 / 111.195 AND $10::float8 + $12::float8 / 111.195
          AND 111.195 * sqrt(power(l.latitude - $10::float8, 2)
                             + power(cos(radians($10::float8)) * (l.longitude - $11::float8), 2))
              <= $12::float8)))`;
