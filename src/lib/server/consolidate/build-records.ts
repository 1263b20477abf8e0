import { InvalidParameterError } from '../errors.ts';
import { type Exclusion, exclusionMatcher } from '../partners/exclusions.ts';
import { buildProjectFields, type ProjectFields } from './build-project-fields.ts';
import type { SharedContext } from './load-context.ts';
import { applyMapping, type RawFields } from './mapping/apply-mapping.ts';
import type { SourceMapping } from './mapping/mapping-schema.ts';
import { projectPublicId } from './project-identity.ts';
import { iso, jsonMembers, locationsJson, projectRow, storedFields } from './project-rows.ts';

/** A raw record as a run reads it; its fields as JSON text, parsed where they are mapped. */
export interface RecordRow {
  id: number;
  stableKey: string;
  fieldsJson: string;
  sourceUrl: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  consolidatedKey: string;
}

export type RecordMeta = Omit<RecordRow, 'fieldsJson'>;

/** What mapping a source's records needs, as plain data (it may travel to a worker thread). */
export interface SourcePlan {
  sourceId: number;
  slug: string;
  partnerId: number;
  partnerSlug: string;
  /** The partner is active: its live records are credited. */
  active: boolean;
  licence: string;
  mapping: SourceMapping;
  exclusions: Exclusion[];
  /** The partner's tag rule key, or its name. */
  partnerName: string;
  partnerWebsite: string | null;
  mediaAllowed: boolean;
}

/**
 * A record mapped and cleaned, with its rows already serialised (jsonMembers): the writer adds
 * the project's id, or its slug for a new project.
 */
export interface BuiltRecord {
  record: RecordMeta;
  /** The id of the project it creates when it feeds none yet. */
  publicId: string;
  name: string;
  excluded: boolean;
  project: string;
  source: string;
  locations: string[];
}

export interface BuiltBatch {
  built: BuiltRecord[];
  /** Records the mapping could not read (no name): left as they were. */
  failed: number;
  warnings: { source: string; key: string; message: string }[];
}

function serialise(
  record: RecordMeta,
  fields: ProjectFields,
  excluded: boolean,
  plan: SourcePlan,
): BuiltRecord {
  const seen = { licence: plan.licence, firstSeenAt: record.firstSeenAt, lastSeenAt: record.lastSeenAt };
  // The credit public_project_source will give a new project: saves the trigger a rewrite.
  const credited = !excluded && plan.active;
  const publicId = projectPublicId(plan.slug, record.stableKey);
  return {
    record,
    publicId,
    name: fields.name,
    excluded,
    project: jsonMembers({
      ...projectRow(fields, { ...seen, fieldSources: {} }),
      public_id: publicId,
      published: !excluded,
      public_partners: credited ? [plan.partnerSlug] : [],
      public_last_seen_at: credited ? iso(record.lastSeenAt) : null,
    }),
    source: jsonMembers({
      raw_record_id: record.id,
      source_id: plan.sourceId,
      partner_id: plan.partnerId,
      source_url: fields.sourceUrl,
      licence: plan.licence,
      first_seen_at: iso(record.firstSeenAt),
      last_seen_at: iso(record.lastSeenAt),
      excluded,
      unmapped_tags: fields.unmappedTags,
      fields: storedFields(fields),
    }),
    locations: locationsJson(fields.locations),
  };
}

/** Maps, cleans and serialises a batch of one source's records: no database, so any thread can run it. */
export function buildRecords(
  records: readonly RecordRow[],
  plan: SourcePlan,
  shared: SharedContext,
): BuiltBatch {
  const context = {
    ...shared,
    partnerName: plan.partnerName,
    partnerWebsite: plan.partnerWebsite,
    mediaAllowed: plan.mediaAllowed,
  };
  const isExcluded = exclusionMatcher(plan.exclusions);
  const batch: BuiltBatch = { built: [], failed: 0, warnings: [] };
  for (const { fieldsJson, ...record } of records) {
    try {
      const raw = JSON.parse(fieldsJson) as RawFields;
      const fields = buildProjectFields(applyMapping(raw, plan.mapping), context);
      // A harvested item's page on the partner's site is the record's own URL.
      fields.sourceUrl ??= record.sourceUrl;
      for (const message of fields.warnings)
        batch.warnings.push({ source: plan.slug, key: record.stableKey, message });
      const excluded = isExcluded({ stableKey: record.stableKey, sourceUrl: fields.sourceUrl });
      batch.built.push(serialise(record, fields, excluded, plan));
    } catch (error) {
      if (!(error instanceof InvalidParameterError)) throw error;
      batch.failed++;
      batch.warnings.push({ source: plan.slug, key: record.stableKey, message: error.message });
    }
  }
  return batch;
}
