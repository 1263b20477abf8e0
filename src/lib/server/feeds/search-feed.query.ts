/** The dates of the given projects ($1: ids): first seen (published) and last changed. */
export const FEED_DATES_SQL = /* sql */ `
SELECT p.id, p.first_seen_at AS "firstSeenAt", greatest(p.updated_at, p.first_seen_at) AS "updatedAt"
FROM project p
WHERE p.id = ANY ($1::int[])
`;
