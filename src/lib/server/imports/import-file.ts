import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { consolidateRecords } from '../consolidate/consolidate-records.ts';
import { loadSharedContext, type SharedContext } from '../consolidate/load-context.ts';
import { defaultMapping } from '../consolidate/mapping/default-mappings.ts';
import { touchProjects } from '../consolidate/save-project.ts';
import { InvalidInputFileError, NotFoundError } from '../errors.ts';
import { finishRun, startRun } from '../harvest/run-repository.ts';
import { ensureFileSource } from '../harvest/source-repository.ts';
import { storeRawRecords } from '../harvest/store-raw-records.ts';
import { findPartnerBySlug, listPartners } from '../partners/partner-repository.ts';
import type { Database } from '../platform/db/database.ts';
import { CONSOLIDATION_TABLES, vacuumAfterBulkWrite } from '../platform/db/vacuum-after-bulk-write.ts';
import { normalizeUrl } from '../text/normalize-contact.ts';
import type { TextEncoding } from './decode-text.ts';
import { formatFromFileName, type ImportFormat, looksLikeCisFormat } from './formats/import-format.ts';
import { contentHash, mapRows } from './map-rows.ts';
import { readCsv, readJson, type TabularFile, UnreadableFileError } from './read-tabular-file.ts';

export interface ImportOptions {
  /** Path of the file; also names it in error messages. */
  file: string;
  partnerSlug: string;
  /** cis, csv or json; by default from the file name, and CIS when the columns say so. */
  format?: ImportFormat;
  separator?: string;
  encoding?: TextEncoding;
  /** Column whose values identify items across imports. */
  keyColumn?: string;
  /** Source to import into; default `<partner>-import`. */
  sourceSlug?: string;
  now?: Date;
  /** Reference data already loaded (the demo import at start-up shares it). */
  shared?: SharedContext;
}

export interface ImportReport {
  file: string;
  partner: string;
  source: string;
  runId: number;
  configVersion: number;
  format: ImportFormat;
  encoding: TextEncoding;
  separator: string | null;
  keyStrategy: string;
  rows: number;
  records: { found: number; new: number; changed: number; unchanged: number; gone: number };
  projects: { created: number; updated: number; unpublished: number };
  warnings: string[];
  durationMs: number;
}

function readTabular(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
): { table: TabularFile; format: ImportFormat } {
  const base = options.format === 'json' ? 'json' : options.format ? 'csv' : formatFromFileName(file);
  try {
    const table =
      base === 'json'
        ? readJson(bytes)
        : readCsv(bytes, { separator: options.separator, encoding: options.encoding });
    const cis =
      options.format === 'cis' ||
      (options.format !== 'csv' && base === 'csv' && looksLikeCisFormat(table.columns));
    return { table, format: cis ? 'cis' : base };
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new InvalidInputFileError(file, error.problems);
    throw error;
  }
}

/** From this many raw records written, an import on PGlite vacuums what it wrote (no autovacuum). */
const LARGE_IMPORT = 1000;

/**
 * Imports a partner's file: every row is read and checked before anything is written, then in
 * one transaction rows become raw records (stable keys, content hashes, gone records marked)
 * and projects. Importing the same file again changes nothing; a refused file changes nothing.
 */
export async function importFile(db: Database, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const file = options.file;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InvalidInputFileError(file, [{ message: `cannot read the file: ${(error as Error).message}` }]);
  }
  const { table, format } = readTabular(file, bytes, options);
  const mapped = mapRows(table, { cis: format === 'cis', keyColumn: options.keyColumn });
  if (mapped.problems.length) throw new InvalidInputFileError(file, mapped.problems);
  if (!mapped.records.length) throw new InvalidInputFileError(file, [{ message: 'the file has no rows' }]);

  const partner = await findPartnerBySlug(db, options.partnerSlug);
  if (!partner) {
    const known = (await listPartners(db)).map((p) => p.slug);
    throw new NotFoundError(
      `unknown partner "${options.partnerSlug}"${known.length ? `; known partners: ${known.join(', ')}` : ''}. ` +
        'Create it first (tadata import --partner-name "…" creates it on the fly).',
    );
  }
  const shared = options.shared ?? (await loadSharedContext(db));
  const sourceSlug = options.sourceSlug ?? `${partner.slug}-import`;
  // The mapping is saved with the source config: consolidation rebuilds projects from it alone.
  const mapping = defaultMapping(table.columns, { cis: format === 'cis' });
  const config = {
    kind: 'file',
    format,
    separator: table.separator,
    keyColumn: options.keyColumn ?? null,
    mapping,
  };
  const base = partner.website ?? undefined;
  const warnings: string[] = [];

  const report = await db.transaction(async (tx) => {
    const { source, configVersion } = await ensureFileSource(tx, {
      partnerId: partner.id,
      slug: sourceSlug,
      name: `${partner.name} — import de fichier`,
      config,
    });
    const runId = await startRun(tx, {
      sourceId: source.id,
      configVersion,
      trigger: 'import',
      startedAt: now,
    });
    const stored = await storeRawRecords(tx, {
      sourceId: source.id,
      runId,
      seenAt: now,
      records: mapped.records.map((r) => ({
        key: r.key,
        contentHash: contentHash(r.fields),
        fields: r.fields,
        sourceUrl: normalizeUrl(r.input.sourceUrl, base),
      })),
    });
    await touchProjects(tx, stored.unchangedIds, now);
    const run = await consolidateRecords(tx, { sourceIds: [source.id], shared });
    const lines = new Map(mapped.records.map((r) => [r.key, r.lines[0]]));
    for (const w of run.warnings)
      warnings.push(`${path.basename(file)} line ${lines.get(w.key)}: ${w.message}`);
    const projects = { created: run.created, updated: run.updated, unpublished: run.unpublished };
    await finishRun(tx, runId, {
      status: 'succeeded',
      stats: { ...stored.counts, projects, rows: table.rows.length, warnings: warnings.length },
    });
    return { source: source.slug, runId, configVersion, counts: stored.counts, projects };
  });

  const { counts } = report;
  const written = counts.new + counts.changed + counts.gone;
  if (written >= LARGE_IMPORT && db.kind === 'pglite') {
    // PGlite runs no autovacuum: a large import's old row versions go, statistics come back.
    await vacuumAfterBulkWrite(db, CONSOLIDATION_TABLES);
  } else if (written > 0) {
    // Without fresh statistics the planner misjudges the public views (seconds instead of
    // milliseconds at 100,000 projects).
    await db.exec('ANALYZE raw_record, project, project_location, project_source');
  }

  return {
    file,
    partner: partner.slug,
    source: report.source,
    runId: report.runId,
    configVersion: report.configVersion,
    format,
    encoding: table.encoding,
    separator: table.separator,
    keyStrategy: mapped.keyStrategy,
    rows: table.rows.length,
    records: report.counts,
    projects: report.projects,
    warnings,
    durationMs: Date.now() - started,
  };
}
