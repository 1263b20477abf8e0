/**
 * The card fields of the given projects, in the given order ($1: project ids), with their
 * theme labels, first location and public partner credits.
 */
export const PROJECT_CARDS_SQL = /* sql */ `
SELECT p.public_id AS "publicId",
       p.slug,
       p.name,
       p.carrier,
       p.summary,
       loc.city,
       loc.departement_code AS "departementCode",
       d.name AS "departementName",
       loc.region_code AS "regionCode",
       r.name AS "regionName",
       coalesce((
         SELECT json_agg(json_build_object('code', t.code, 'label', t.label_fr) ORDER BY t.position, t.code)
         FROM taxonomy_term t
         WHERE t.vocabulary = 'theme' AND t.code = ANY (p.themes)
       ), '[]') AS themes,
       coalesce((
         SELECT json_agg(json_build_object(
                  'partnerSlug', s.partner_slug, 'partnerName', s.partner_name,
                  'partnerWebsite', s.partner_website, 'partnerLogoUrl', s.partner_logo_url,
                  'sourceUrl', s.source_url, 'licence', s.licence, 'lastSeenAt', s.last_seen_at)
                ORDER BY s.first_seen_at, s.partner_name)
         FROM public_project_source s
         WHERE s.project_id = p.id
       ), '[]') AS credits
FROM unnest($1::int[]) WITH ORDINALITY AS wanted (id, ord)
JOIN project p ON p.id = wanted.id
LEFT JOIN project_location loc ON loc.project_id = p.id AND loc.position = 0
LEFT JOIN departement d ON d.code = loc.departement_code
LEFT JOIN region r ON r.code = loc.region_code
ORDER BY wanted.ord
`;
