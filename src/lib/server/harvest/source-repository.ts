import { InvalidParameterError, NotFoundError } from '../errors.ts';
import type { Queryable } from '../platform/db/database.ts';

export interface Source {
  id: number;
  partnerId: number;
  slug: string;
  name: string;
  kind: 'html' | 'json' | 'feed' | 'sitemap' | 'file';
  currentVersion: number;
}

const COLUMNS = `id, partner_id AS "partnerId", slug, name, kind, current_version AS "currentVersion"`;

export async function findSourceBySlug(db: Queryable, slug: string): Promise<Source | null> {
  const [row] = await db.query<Source>(`SELECT ${COLUMNS} FROM source WHERE slug = $1`, [slug]);
  return row ?? null;
}

/**
 * The file source a partner imports into, created on first use. Its config is versioned: an
 * import with different settings (format, key column) saves a new version.
 */
export async function ensureFileSource(
  db: Queryable,
  input: { partnerId: number; slug: string; name: string; config: Record<string, unknown> },
): Promise<{ source: Source; configVersion: number }> {
  let source = await findSourceBySlug(db, input.slug);
  if (source && source.partnerId !== input.partnerId) {
    throw new Error(`source ${input.slug} belongs to another partner`);
  }
  if (!source) {
    const [created] = await db.query<Source>(
      `INSERT INTO source (partner_id, slug, name, kind, current_version) VALUES ($1, $2, $3, 'file', 1) RETURNING ${COLUMNS}`,
      [input.partnerId, input.slug, input.name],
    );
    if (!created) throw new Error(`could not create source ${input.slug}`);
    await db.query(`INSERT INTO source_config_version (source_id, version, config) VALUES ($1, 1, $2)`, [
      created.id,
      JSON.stringify(input.config),
    ]);
    return { source: created, configVersion: 1 };
  }
  const [current] = await db.query<{ same: boolean }>(
    `SELECT config = $3::jsonb AS same FROM source_config_version WHERE source_id = $1 AND version = $2`,
    [source.id, source.currentVersion, JSON.stringify(input.config)],
  );
  if (current?.same) return { source, configVersion: source.currentVersion };
  const version = source.currentVersion + 1;
  await db.query(`INSERT INTO source_config_version (source_id, version, config) VALUES ($1, $2, $3)`, [
    source.id,
    version,
    JSON.stringify(input.config),
  ]);
  await db.query(`UPDATE source SET current_version = $2 WHERE id = $1`, [source.id, version]);
  source = { ...source, currentVersion: version };
  return { source, configVersion: version };
}

/**
 * How much a source is trusted when the records that merge into one project disagree (0–100,
 * default 50): each field comes from the most trusted source that has it, then the freshest.
 */
export async function setSourceTrust(
  db: Queryable,
  slug: string,
  trust: number,
): Promise<{ before: number }> {
  if (!Number.isInteger(trust) || trust < 0 || trust > 100) {
    throw new InvalidParameterError('trust', 'a whole number from 0 to 100');
  }
  const [row] = await db.query<{ before: number }>(
    `UPDATE source s SET trust = $2 FROM source old WHERE old.id = s.id AND s.slug = $1 RETURNING old.trust AS before`,
    [slug, trust],
  );
  if (!row) throw new NotFoundError(`no source "${slug}" (tadata sources list shows them)`);
  return row;
}
