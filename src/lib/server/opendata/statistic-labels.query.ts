/**
 * Names of the codes that statistics return: level-1 themes (French $1 = 'fr', else English when
 * known), régions, départements with their région, and partners by slug.
 */
export const STATISTIC_LABELS_SQL = /* sql */ `
SELECT 'theme' AS kind, code,
       CASE WHEN $1::text = 'fr' THEN label_fr ELSE coalesce(label_en, label_fr) END AS label,
       NULL::text AS parent
FROM taxonomy_term WHERE vocabulary = 'theme'
UNION ALL
SELECT 'region', code, name, NULL FROM region
UNION ALL
SELECT 'departement', code, name, region_code FROM departement
UNION ALL
SELECT 'partner', slug, name, NULL FROM partner
`;
