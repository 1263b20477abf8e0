/** Everything a project page or an export row shows about a project `p`. */
const PROJECT_DETAIL_COLUMNS = /* sql */ `
       p.id,
       p.public_id AS "publicId",
       p.slug,
       p.name,
       p.carrier,
       p.summary,
       p.website,
       p.contact_email AS "contactEmail",
       p.contact_phone AS "contactPhone",
       p.tags,
       p.first_seen_at AS "firstSeenAt",
       p.last_seen_at AS "lastSeenAt",
       coalesce((
         SELECT json_agg(json_build_object('code', t.code, 'label', t.label_fr) ORDER BY t.position, t.code)
         FROM taxonomy_term t WHERE t.vocabulary = 'theme' AND t.code = ANY (p.themes)
       ), '[]') AS themes,
       coalesce((
         SELECT json_agg(json_build_object('code', t.code, 'label', t.label_fr) ORDER BY t.position, t.code)
         FROM taxonomy_term t WHERE t.vocabulary = 'subtheme' AND t.code = ANY (p.subthemes)
       ), '[]') AS subthemes,
       -- Publics and methods are 2018 tag codes, labelled in the tag2018 vocabulary.
       coalesce((
         SELECT json_agg(json_build_object('code', t.code, 'label', t.label_fr) ORDER BY t.code)
         FROM taxonomy_term t WHERE t.vocabulary = 'tag2018' AND t.code = ANY (p.publics)
       ), '[]') AS publics,
       coalesce((
         SELECT json_agg(json_build_object('code', t.code, 'label', t.label_fr) ORDER BY t.code)
         FROM taxonomy_term t WHERE t.vocabulary = 'tag2018' AND t.code = ANY (p.methods)
       ), '[]') AS methods,
       coalesce((
         SELECT json_agg(json_build_object(
                  'city', l.city, 'postalCode', l.postal_code, 'inseeCode', l.insee_code,
                  'departementCode', l.departement_code, 'departementName', d.name,
                  'regionCode', l.region_code, 'regionName', r.name,
                  'latitude', l.latitude, 'longitude', l.longitude, 'precision', l.precision)
                ORDER BY l.position)
         FROM project_location l
         LEFT JOIN departement d ON d.code = l.departement_code
         LEFT JOIN region r ON r.code = l.region_code
         WHERE l.project_id = p.id
       ), '[]') AS locations,
       coalesce((
         SELECT json_agg(json_build_object(
                  'partnerSlug', s.partner_slug, 'partnerName', s.partner_name,
                  'partnerWebsite', s.partner_website, 'partnerLogoUrl', s.partner_logo_url,
                  'sourceUrl', s.source_url, 'licence', s.licence, 'lastSeenAt', s.last_seen_at)
                ORDER BY s.first_seen_at, s.partner_name)
         FROM public_project_source s WHERE s.project_id = p.id
       ), '[]') AS credits`;

/**
 * One published project by slug ($1), or no row when the project is unknown, unpublished, or
 * credited by no active partner.
 */
export const PROJECT_PAGE_SQL = /* sql */ `
SELECT ${PROJECT_DETAIL_COLUMNS}
FROM project p
WHERE p.slug = $1 AND p.published
  AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
`;

/** The next batch of published projects after id $1 (keyset pagination), $2 at most, for exports. */
export const PROJECT_EXPORT_BATCH_SQL = /* sql */ `
SELECT ${PROJECT_DETAIL_COLUMNS}
FROM project p
WHERE p.id > $1::int AND p.published
  AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
ORDER BY p.id
LIMIT $2::int
`;

/** The published projects $1 (ids), in that order, with everything an export row shows. */
export const PROJECT_DETAILS_BY_IDS_SQL = /* sql */ `
SELECT ${PROJECT_DETAIL_COLUMNS}
FROM unnest($1::int[]) WITH ORDINALITY AS wanted (id, ord)
JOIN project p ON p.id = wanted.id
WHERE p.published AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
ORDER BY wanted.ord
`;
