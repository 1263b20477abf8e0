import { createHash } from 'node:crypto';
import { InvalidParameterError } from '../errors.ts';
import { type Exclusion, exclusionMatcher, parseExclusions } from '../partners/exclusions.ts';
import type { Queryable } from '../platform/db/database.ts';
import { slugify } from '../text/normalize-key.ts';
import { buildProjectFields, type ProjectFields } from './build-project-fields.ts';
import { withIndexesRebuilt } from './bulk-indexes.ts';
import {
  ANALYZE_RECORD_KEYS,
  ANALYZE_SEARCH_WORDS,
  ANALYZE_WRITTEN,
  ANALYZE_WRITTEN_KEYS,
  CHANGED_RECORDS_TO_CONSOLIDATE,
  EXISTING_LINKS,
  INSERT_PROJECTS,
  MARK_CONSOLIDATED,
  RECORDS_TO_CONSOLIDATE,
  RECORDS_WITH_OTHER_RULES,
  REFRESH_ALL_PUBLICATION,
  REFRESH_PUBLICATION,
  SOURCE_CONSOLIDATED_RULES,
  SOURCES_TO_CONSOLIDATE,
  TAKEN_SLUGS,
  UPDATE_PROJECTS,
  UPSERT_PROJECT_SOURCES,
} from './consolidation.queries.ts';
import { withSearchUpkeepDeferred } from './deferred-search-upkeep.ts';
import { type DuplicatesReport, resolveDuplicates } from './duplicates/resolve-duplicates.ts';
import { loadSharedContext, type SharedContext } from './load-context.ts';
import { applyMapping, type RawFields } from './mapping/apply-mapping.ts';
import { harvestedDefaultMapping } from './mapping/harvested-default-mapping.ts';
import { parseSourceMapping, type SourceMapping } from './mapping/mapping-schema.ts';
import { projectPublicId } from './project-identity.ts';
import { projectRow, storedFields } from './project-rows.ts';
import { rebuildMergedProjects } from './rebuild-merged-projects.ts';
import { replaceLocations } from './replace-locations.ts';

export interface ConsolidateOptions {
  /** Every live raw record, whatever it was consolidated with (`tadata consolidate --full`). */
  full?: boolean;
  /** Only these sources (an import consolidates its own); default all. */
  sourceIds?: number[];
  /** Reference data already loaded. */
  shared?: SharedContext;
  batchSize?: number;
  /**
   * Drop the secondary indexes of the rewritten tables during the run and build them again at
   * the end (a full run on PGlite, where no other reader waits on the locks meanwhile).
   */
  rebuildIndexes?: boolean;
  /** From this many projects touched, duplicates are found by the full run's blocking (BLOCKING_FROM). */
  duplicatesBlockingFrom?: number;
}

/** From this many records read, the run refreshes the planner's statistics (PGlite has no autovacuum). */
const ANALYZE_FROM = 1000;

export interface ConsolidationWarning {
  source: string;
  key: string;
  message: string;
}

export interface ConsolidateReport {
  /** Raw records read and consolidated in this run. */
  records: number;
  created: number;
  updated: number;
  /** Records that stay linked but hidden: the partner excluded them. */
  excluded: number;
  /** Records the mapping could not read (no name): left as they were. */
  failed: number;
  unpublished: number;
  republished: number;
  duplicates: DuplicatesReport;
  warnings: ConsolidationWarning[];
  /** Milliseconds spent per stage, for the benchmark and the logs. */
  stageMs: {
    read: number;
    'map and clean': number;
    write: number;
    'merged projects': number;
    duplicates: number;
    publication: number;
    /** The word dictionary of a full run, indexes rebuilt, planner statistics. */
    'indexes and statistics': number;
  };
  durationMs: number;
}

interface SourceRow {
  id: number;
  slug: string;
  trust: number;
  status: string;
  configVersion: number;
  config: { mapping?: unknown } | null;
  partnerId: number;
  partnerSlug: string;
  partnerName: string;
  partnerWebsite: string | null;
  licence: string;
  tagRuleKey: string | null;
  exclusions: unknown;
  mediaAllowed: boolean;
}

interface RecordRow {
  id: number;
  stableKey: string;
  fields: RawFields;
  sourceUrl: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  consolidatedKey: string;
}

interface Built {
  record: RecordRow;
  fields: ProjectFields;
  excluded: boolean;
}

/** What a record's consolidation depends on besides its content: config version, source trust, partner rules. */
function rulesSuffix(source: SourceRow, exclusions: Exclusion[]): string {
  const rules = JSON.stringify([
    source.trust,
    source.status,
    source.partnerName,
    source.partnerWebsite,
    source.licence,
    source.tagRuleKey,
    exclusions,
    source.mediaAllowed,
  ]);
  return `:${source.configVersion}:${createHash('sha256').update(rules).digest('hex').slice(0, 16)}`;
}

function mappingOf(source: SourceRow): SourceMapping {
  if (!source.config?.mapping) {
    throw new InvalidParameterError('mapping', `source ${source.slug} has no field mapping in its config`);
  }
  return parseSourceMapping(source.config.mapping);
}

const iso = (d: Date) => new Date(d).toISOString();

function meta(b: Built, source: SourceRow) {
  return { licence: source.licence, firstSeenAt: b.record.firstSeenAt, lastSeenAt: b.record.lastSeenAt };
}

/**
 * Turns raw records into projects from raw_record.fields alone, through each source's mapping.
 * Incremental by default: only records whose content, source config or partner rules changed
 * since they were last consolidated. Deterministic: sources by slug, records by stable key,
 * public ids derived from (source, key), so the same input gives the same projects and ids.
 * Run it inside a transaction.
 */
export async function consolidateRecords(
  db: Queryable,
  options: ConsolidateOptions = {},
): Promise<ConsolidateReport> {
  const started = Date.now();
  // A run over every project counts the words of the search dictionary and the public credits
  // once, at the end.
  const everyProject = options.full && !options.sourceIds;
  const rewrite = () =>
    everyProject ? withSearchUpkeepDeferred(db, () => consolidate(db, options)) : consolidate(db, options);
  const report = options.rebuildIndexes ? await withIndexesRebuilt(db, rewrite) : await rewrite();
  // The records were analysed with the written tables from ANALYZE_FROM on: the words remain.
  if (report.records >= ANALYZE_FROM) await db.exec(ANALYZE_SEARCH_WORDS);
  else if (options.full) await db.exec(ANALYZE_RECORD_KEYS);
  report.stageMs['indexes and statistics'] = Date.now() - started - report.durationMs;
  report.durationMs = Date.now() - started;
  return report;
}

async function consolidate(db: Queryable, options: ConsolidateOptions): Promise<ConsolidateReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 1000;
  const shared = options.shared ?? (await loadSharedContext(db));
  const report: ConsolidateReport = {
    records: 0,
    created: 0,
    updated: 0,
    excluded: 0,
    failed: 0,
    unpublished: 0,
    republished: 0,
    duplicates: { candidates: 0, merged: 0, pending: 0 },
    warnings: [],
    stageMs: {
      read: 0,
      'map and clean': 0,
      write: 0,
      'merged projects': 0,
      duplicates: 0,
      publication: 0,
      'indexes and statistics': 0,
    },
    durationMs: 0,
  };
  const sources = await db.query<SourceRow>(SOURCES_TO_CONSOLIDATE, [options.sourceIds ?? null]);
  let taken: Set<string> | null = null;
  const touched = new Set<number>();
  const stageMs = report.stageMs;
  let clock = performance.now();
  const lap = (stage: keyof ConsolidateReport['stageMs']) => {
    const now = performance.now();
    stageMs[stage] += now - clock;
    clock = now;
  };

  for (const source of sources) {
    const mapping = source.config?.mapping ? mappingOf(source) : await harvestedDefaultMapping(db, source.id);
    if (!mapping) continue; // no mapping and nothing recognisable in the records: nothing to map
    const exclusions = parseExclusions(source.exclusions ?? []);
    const isExcluded = exclusionMatcher(exclusions);
    const suffix = rulesSuffix(source, exclusions);
    const context = {
      ...shared,
      partnerName: source.tagRuleKey ?? source.partnerName,
      partnerWebsite: source.partnerWebsite,
      mediaAllowed: source.mediaAllowed,
    };
    const recordsQuery = options.full
      ? RECORDS_TO_CONSOLIDATE
      : await changedRecordsQuery(db, source.id, suffix);
    let after = '';
    for (;;) {
      const records = await db.query<RecordRow>(recordsQuery, [source.id, after, suffix, batchSize]);
      lap('read');
      if (!records.length) break;
      after = (records.at(-1) as RecordRow).stableKey;
      const built: Built[] = [];
      for (const record of records) {
        try {
          const fields = buildProjectFields(applyMapping(record.fields, mapping), context);
          // A harvested item's page on the partner's site is the record's own URL.
          fields.sourceUrl ??= record.sourceUrl;
          for (const message of fields.warnings)
            report.warnings.push({ source: source.slug, key: record.stableKey, message });
          const excluded = isExcluded({ stableKey: record.stableKey, sourceUrl: fields.sourceUrl });
          built.push({ record, fields, excluded });
        } catch (error) {
          if (!(error instanceof InvalidParameterError)) throw error;
          report.failed++;
          report.warnings.push({ source: source.slug, key: record.stableKey, message: error.message });
        }
      }
      lap('map and clean');
      const slugs = async () => {
        taken ??= new Set((await db.query<{ slug: string }>(TAKEN_SLUGS)).map((r) => r.slug));
        return taken;
      };
      await writeBatch(db, source, built, slugs, report, touched);
      await db.query(MARK_CONSOLIDATED, [
        JSON.stringify(records.map((r) => ({ id: r.id, key: r.consolidatedKey }))),
      ]);
      report.records += records.length;
      lap('write');
      if (records.length < batchSize) break;
    }
  }

  if (report.records >= ANALYZE_FROM) await db.exec(options.full ? ANALYZE_WRITTEN_KEYS : ANALYZE_WRITTEN);
  lap('write');
  // A run over every source touched every project with a live record: no id list needed.
  await rebuildMergedProjects(db, options.full && !options.sourceIds ? null : [...touched]);
  lap('merged projects');
  report.duplicates = await resolveDuplicates(
    db,
    options.full ? null : [...touched],
    options.duplicatesBlockingFrom,
  );
  lap('duplicates');
  const changed = options.full
    ? await db.query<{ id: number; live: boolean }>(REFRESH_ALL_PUBLICATION)
    : await db.query<{ id: number; live: boolean }>(REFRESH_PUBLICATION, [[...touched]]);
  for (const row of changed) {
    if (row.live) report.republished++;
    else report.unpublished++;
  }
  lap('publication');
  report.durationMs = Date.now() - started;
  return report;
}

/**
 * What an incremental run reads of a source: when no record was consolidated with other rules (the
 * usual case), only the records whose content changed, through a small index; otherwise every
 * record consolidated with another content or other rules.
 */
async function changedRecordsQuery(db: Queryable, sourceId: number, suffix: string): Promise<string> {
  const [rules] = await db.query<{ lowest: string | null; highest: string | null }>(
    SOURCE_CONSOLIDATED_RULES,
    [sourceId],
  );
  const sameRules = !rules?.lowest || (rules.lowest === suffix && rules.highest === suffix);
  return sameRules ? CHANGED_RECORDS_TO_CONSOLIDATE : RECORDS_WITH_OTHER_RULES;
}

function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slugify(name);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

async function writeBatch(
  db: Queryable,
  source: SourceRow,
  built: Built[],
  slugs: () => Promise<Set<string>>,
  report: ConsolidateReport,
  touched: Set<number>,
): Promise<void> {
  if (!built.length) return;
  const links = new Map(
    (
      await db.query<{ rawRecordId: number; projectId: number }>(EXISTING_LINKS, [
        built.map((b) => b.record.id),
      ])
    ).map((l) => [l.rawRecordId, l.projectId]),
  );
  const fresh = built.filter((b) => !links.has(b.record.id));
  const existing = built.filter((b) => links.has(b.record.id));

  if (fresh.length) {
    // Every slug in use is read once, and only when a run creates projects.
    const taken = await slugs();
    const rows = fresh.map((b) => {
      // The credit public_project_source will give (the record is live): saves the trigger a rewrite.
      const credited = !b.excluded && source.status === 'active';
      return {
        ...projectRow(b.fields, { ...meta(b, source), fieldSources: {} }),
        public_id: projectPublicId(source.slug, b.record.stableKey),
        published: !b.excluded,
        slug: uniqueSlug(b.fields.name, taken),
        public_partners: credited ? [source.partnerSlug] : [],
        public_last_seen_at: credited ? iso(b.record.lastSeenAt) : null,
      };
    });
    const inserted = await db.query<{ id: number; publicId: string }>(INSERT_PROJECTS, [
      JSON.stringify(rows),
    ]);
    const byPublicId = new Map(inserted.map((r) => [r.publicId, r.id]));
    for (const b of fresh) {
      const id = byPublicId.get(projectPublicId(source.slug, b.record.stableKey));
      if (id === undefined)
        throw new Error(`project for ${source.slug} ${b.record.stableKey} was not created`);
      links.set(b.record.id, id);
    }
    report.created += fresh.length;
  }
  if (existing.length) {
    const rows = existing.map((b) => ({
      ...projectRow(b.fields, { ...meta(b, source), fieldSources: {} }),
      id: links.get(b.record.id),
    }));
    await db.query(UPDATE_PROJECTS, [JSON.stringify(rows)]);
    report.updated += existing.length;
  }
  report.excluded += built.filter((b) => b.excluded).length;

  await db.query(UPSERT_PROJECT_SOURCES, [
    JSON.stringify(
      built.map((b) => ({
        project_id: links.get(b.record.id),
        raw_record_id: b.record.id,
        source_id: source.id,
        partner_id: source.partnerId,
        source_url: b.fields.sourceUrl,
        licence: source.licence,
        first_seen_at: iso(b.record.firstSeenAt),
        last_seen_at: iso(b.record.lastSeenAt),
        excluded: b.excluded,
        unmapped_tags: b.fields.unmappedTags,
        fields: storedFields(b.fields),
      })),
    ),
  ]);
  const projectIds = built.map((b) => links.get(b.record.id) as number);
  for (const id of projectIds) touched.add(id);
  const created = new Set(fresh);
  await replaceLocations(
    db,
    built.map((b) => ({
      projectId: links.get(b.record.id) as number,
      locations: b.fields.locations,
      created: created.has(b),
    })),
  );
}
