import type { Queryable } from '../platform/db/database.ts';
import type { ProjectFields } from './build-project-fields.ts';
import { projectPublicId, uniqueProjectSlug } from './project-identity.ts';

export interface Provenance {
  rawRecordId: number;
  stableKey: string;
  sourceId: number;
  sourceSlug: string;
  partnerId: number;
  licence: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * Creates or updates the project a raw record feeds. An update keeps the project's id and slug,
 * so its URL never changes; a record that comes back after being gone republishes it.
 */
export async function saveProject(
  db: Queryable,
  fields: ProjectFields,
  provenance: Provenance,
): Promise<{ projectId: number; created: boolean }> {
  const [link] = await db.query<{ project_id: number }>(
    `SELECT project_id FROM project_source WHERE raw_record_id = $1`,
    [provenance.rawRecordId],
  );
  const values = [
    fields.name,
    fields.carrier,
    fields.summary,
    fields.website,
    fields.contactEmail,
    fields.contactPhone,
    fields.themes,
    fields.subthemes,
    fields.publics,
    fields.tags,
    fields.keywords,
    provenance.licence,
    provenance.lastSeenAt,
  ];
  let projectId: number;
  let created = false;
  if (link) {
    projectId = link.project_id;
    await db.query(
      `UPDATE project SET name = $2, carrier = $3, summary = $4, website = $5, contact_email = $6, contact_phone = $7,
         themes = $8, subthemes = $9, publics = $10, tags = $11, keywords = $12, licence = $13, last_seen_at = $14,
         published = true, updated_at = now()
       WHERE id = $1`,
      [projectId, ...values],
    );
    await db.query(
      `UPDATE project_source SET source_url = $2, licence = $3, last_seen_at = $4 WHERE raw_record_id = $1`,
      [provenance.rawRecordId, fields.sourceUrl, provenance.licence, provenance.lastSeenAt],
    );
    await db.query(`DELETE FROM project_location WHERE project_id = $1`, [projectId]);
  } else {
    const slug = await uniqueProjectSlug(db, fields.name);
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO project (name, carrier, summary, website, contact_email, contact_phone, themes, subthemes, publics,
         tags, keywords, licence, last_seen_at, first_seen_at, public_id, slug)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [...values, provenance.firstSeenAt, projectPublicId(provenance.sourceSlug, provenance.stableKey), slug],
    );
    if (!row) throw new Error(`could not create project ${fields.name}`);
    projectId = row.id;
    created = true;
    await db.query(
      `INSERT INTO project_source (project_id, raw_record_id, source_id, partner_id, source_url, licence, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        projectId,
        provenance.rawRecordId,
        provenance.sourceId,
        provenance.partnerId,
        fields.sourceUrl,
        provenance.licence,
        provenance.firstSeenAt,
        provenance.lastSeenAt,
      ],
    );
  }
  if (fields.locations.length) {
    await db.query(
      `INSERT INTO project_location (project_id, position, label, postal_code, insee_code, city, epci_code,
         departement_code, region_code, latitude, longitude, precision)
       SELECT $1, l.position, l.label, l."postalCode", l."inseeCode", l.city, l."epciCode", l."departementCode",
         l."regionCode", l.latitude, l.longitude, l.precision
       FROM json_to_recordset($2::json) AS l(position int, label text, "postalCode" text, "inseeCode" text, city text,
         "epciCode" text, "departementCode" text, "regionCode" text, latitude double precision,
         longitude double precision, precision text)`,
      [projectId, JSON.stringify(fields.locations.map((location, position) => ({ ...location, position })))],
    );
  }
  return { projectId, created };
}

/** Freshness only: the records were seen again, unchanged. */
export async function touchProjects(db: Queryable, rawRecordIds: number[], seenAt: Date): Promise<void> {
  if (!rawRecordIds.length) return;
  await db.query(`UPDATE project_source SET last_seen_at = $2 WHERE raw_record_id = ANY($1::int[])`, [
    rawRecordIds,
    seenAt,
  ]);
  await db.query(
    `UPDATE project SET last_seen_at = $2
     WHERE id IN (SELECT project_id FROM project_source WHERE raw_record_id = ANY($1::int[])) AND last_seen_at < $2`,
    [rawRecordIds, seenAt],
  );
}

/** Projects whose every source record is gone leave the public views (kept, not deleted). */
export async function unpublishGoneProjects(db: Queryable, goneRawRecordIds: number[]): Promise<number> {
  if (!goneRawRecordIds.length) return 0;
  const rows = await db.query<{ id: number }>(
    `UPDATE project p SET published = false, updated_at = now()
     WHERE p.id IN (SELECT project_id FROM project_source WHERE raw_record_id = ANY($1::int[]))
       AND p.published
       AND NOT EXISTS (
         SELECT 1 FROM project_source ps JOIN raw_record r ON r.id = ps.raw_record_id
         WHERE ps.project_id = p.id AND r.gone_at IS NULL)
     RETURNING p.id`,
    [goneRawRecordIds],
  );
  return rows.length;
}
