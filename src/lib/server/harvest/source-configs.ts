import { InvalidParameterError, NotFoundError } from '../errors.ts';
import type { Queryable } from '../platform/db/database.ts';
import type { SourceConfig } from './config/source-config.schema.ts';
import { findSourceBySlug, type Source } from './source-repository.ts';

const COLUMNS = `s.id, s.partner_id AS "partnerId", s.slug, s.name, s.kind, s.current_version AS "currentVersion"`;

export interface SavedSourceConfig {
  source: Source;
  version: number;
  /** created: a new source; changed: a new version; unchanged: the same config as the current one. */
  outcome: 'created' | 'changed' | 'unchanged';
}

/**
 * Saves a source's harvest config. Every change creates a new version (older ones are kept, and
 * runs name the one they used); saving the current config again changes nothing. Call it inside
 * a transaction: the source row is locked so that two saves cannot take the same version number.
 */
export async function saveSourceConfig(
  db: Queryable,
  input: { partnerId: number; slug: string; name: string; config: SourceConfig },
): Promise<SavedSourceConfig> {
  const json = JSON.stringify(input.config);
  const [locked] = await db.query<Source>(`SELECT ${COLUMNS} FROM source s WHERE s.slug = $1 FOR UPDATE`, [
    input.slug,
  ]);
  if (!locked) {
    const [created] = await db.query<Source>(
      `INSERT INTO source (partner_id, slug, name, kind, current_version) VALUES ($1, $2, $3, $4, 1)
       RETURNING id, partner_id AS "partnerId", slug, name, kind, current_version AS "currentVersion"`,
      [input.partnerId, input.slug, input.name, input.config.kind],
    );
    if (!created) throw new Error(`could not create source ${input.slug}`);
    await db.query(`INSERT INTO source_config_version (source_id, version, config) VALUES ($1, 1, $2)`, [
      created.id,
      json,
    ]);
    return { source: created, version: 1, outcome: 'created' };
  }
  if (locked.partnerId !== input.partnerId) {
    throw new InvalidParameterError('slug', `the source ${input.slug} belongs to another partner`);
  }
  const [current] = await db.query<{ same: boolean }>(
    `SELECT config = $3::jsonb AS same FROM source_config_version WHERE source_id = $1 AND version = $2`,
    [locked.id, locked.currentVersion, json],
  );
  if (current?.same && locked.name === input.name) {
    return { source: locked, version: locked.currentVersion, outcome: 'unchanged' };
  }
  if (current?.same) {
    await db.query(`UPDATE source SET name = $2 WHERE id = $1`, [locked.id, input.name]);
    return { source: { ...locked, name: input.name }, version: locked.currentVersion, outcome: 'unchanged' };
  }
  const [{ next } = { next: locked.currentVersion + 1 }] = await db.query<{ next: number }>(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM source_config_version WHERE source_id = $1`,
    [locked.id],
  );
  await db.query(`INSERT INTO source_config_version (source_id, version, config) VALUES ($1, $2, $3)`, [
    locked.id,
    next,
    json,
  ]);
  await db.query(`UPDATE source SET current_version = $2, kind = $3, name = $4 WHERE id = $1`, [
    locked.id,
    next,
    input.config.kind,
    input.name,
  ]);
  return {
    source: { ...locked, currentVersion: next, kind: input.config.kind, name: input.name },
    version: next,
    outcome: 'changed',
  };
}

export interface SourceConfigVersion {
  source: Source;
  partnerSlug: string;
  version: number;
  versions: number;
  savedAt: Date;
  /** As stored: a config of an older schema version is returned as it was saved. */
  config: Record<string, unknown>;
}

/** One version of a source's config (the current one by default). */
export async function getSourceConfig(
  db: Queryable,
  slug: string,
  version?: number,
): Promise<SourceConfigVersion> {
  const source = await findSourceBySlug(db, slug);
  if (!source) throw new NotFoundError(`no source "${slug}" (see \`tadata sources list\`)`);
  const wanted = version ?? source.currentVersion;
  const [row] = await db.query<{
    config: Record<string, unknown>;
    savedAt: Date;
    versions: number;
    partnerSlug: string;
  }>(
    `SELECT v.config, v.created_at AS "savedAt", p.slug AS "partnerSlug",
       (SELECT count(*)::int FROM source_config_version WHERE source_id = $1) AS versions
     FROM source_config_version v JOIN source s ON s.id = v.source_id JOIN partner p ON p.id = s.partner_id
     WHERE v.source_id = $1 AND v.version = $2`,
    [source.id, wanted],
  );
  if (!row)
    throw new NotFoundError(`source "${slug}" has no version ${wanted} (current: ${source.currentVersion})`);
  return {
    source,
    partnerSlug: row.partnerSlug,
    version: wanted,
    versions: row.versions,
    savedAt: row.savedAt,
    config: row.config,
  };
}

export interface SourceSummary extends Source {
  partnerSlug: string;
  partnerName: string;
  frequency: string | null;
  lastRun: { status: string; startedAt: Date; finishedAt: Date | null } | null;
  /** When the last run that read the whole source (status succeeded) finished. */
  lastSuccessfulRunAt: Date | null;
  /** From comparing each run with the previous ones (source-health.ts). */
  health: 'unknown' | 'ok' | 'attention';
  healthReason: string | null;
}

/** Every source with its partner, current version, schedule, last run and health. */
export async function listSources(db: Queryable): Promise<SourceSummary[]> {
  const rows = await db.query<
    SourceSummary & { runStatus: string | null; runStartedAt: Date | null; runFinishedAt: Date | null }
  >(
    `SELECT ${COLUMNS}, p.slug AS "partnerSlug", p.name AS "partnerName", v.config->>'frequency' AS frequency,
       r.status AS "runStatus", r.started_at AS "runStartedAt", r.finished_at AS "runFinishedAt",
       (SELECT max(finished_at) FROM harvest_run WHERE source_id = s.id AND status = 'succeeded') AS "lastSuccessfulRunAt",
       s.health, s.health_reason AS "healthReason"
     FROM source s
     JOIN partner p ON p.id = s.partner_id
     LEFT JOIN source_config_version v ON v.source_id = s.id AND v.version = s.current_version
     LEFT JOIN LATERAL (
       SELECT status, started_at, finished_at FROM harvest_run WHERE source_id = s.id ORDER BY started_at DESC, id DESC LIMIT 1
     ) r ON true
     ORDER BY p.slug, s.slug`,
  );
  return rows.map(({ runStatus, runStartedAt, runFinishedAt, ...source }) => ({
    ...source,
    lastRun:
      runStatus && runStartedAt
        ? { status: runStatus, startedAt: runStartedAt, finishedAt: runFinishedAt }
        : null,
  }));
}
