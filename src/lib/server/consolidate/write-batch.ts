import type { Queryable } from '../platform/db/database.ts';
import { slugify } from '../text/normalize-key.ts';
import type { BuiltRecord } from './build-records.ts';
import {
  EXISTING_LINKS,
  INSERT_PROJECTS,
  UPDATE_PROJECTS,
  UPSERT_PROJECT_SOURCES,
} from './consolidation.queries.ts';
import { replaceLocations } from './replace-locations.ts';

export interface BatchWritten {
  created: number;
  updated: number;
  excluded: number;
  /** The projects the batch's records feed. */
  projectIds: number[];
}

function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slugify(name);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** A JSON array of rows from their members (BuiltRecord), each with what only the writer knows. */
const rowsJson = (rows: string[]) => `[${rows.join(',')}]`;

/**
 * Writes a batch of one source's records: a project for each record that feeds none yet (with a
 * slug no other project or redirect has), the others' projects updated in place, then each
 * record's provenance and its project's locations. `slugs` reads the slugs in use, once a run.
 */
export async function writeBatch(
  db: Queryable,
  built: readonly BuiltRecord[],
  slugs: () => Promise<Set<string>>,
): Promise<BatchWritten> {
  const written: BatchWritten = { created: 0, updated: 0, excluded: 0, projectIds: [] };
  if (!built.length) return written;
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
    const rows = fresh.map((b) => `{"slug":${JSON.stringify(uniqueSlug(b.name, taken))},${b.project}}`);
    const inserted = await db.query<{ id: number; publicId: string }>(INSERT_PROJECTS, [rowsJson(rows)]);
    const byPublicId = new Map(inserted.map((r) => [r.publicId, r.id]));
    for (const b of fresh) {
      const id = byPublicId.get(b.publicId);
      if (id === undefined)
        throw new Error(`project ${b.publicId} (raw record ${b.record.id}) was not created`);
      links.set(b.record.id, id);
    }
    written.created = fresh.length;
  }
  const projectOf = (b: BuiltRecord) => links.get(b.record.id) as number;
  // Records of one source merged into one project (a partner listing a project twice) may meet in
  // a batch: one row per project in the statements keyed by project, the batch's last record's
  // (the run rebuilds merged projects from all their records at its end).
  const lastOfProject = new Map(built.map((b) => [projectOf(b), b]));
  const once = (b: BuiltRecord) => lastOfProject.get(projectOf(b)) === b;
  if (existing.length) {
    const rows = existing.filter(once).map((b) => `{"id":${projectOf(b)},${b.project}}`);
    await db.query(UPDATE_PROJECTS, [rowsJson(rows)]);
    written.updated = existing.length;
  }
  written.excluded = built.filter((b) => b.excluded).length;
  await db.query(UPSERT_PROJECT_SOURCES, [
    rowsJson(built.map((b) => `{"project_id":${projectOf(b)},${b.source}}`)),
  ]);
  const created = new Set(fresh);
  await replaceLocations(
    db,
    built
      .filter(once)
      .map((b) => ({ projectId: projectOf(b), locations: b.locations, created: created.has(b) })),
  );
  written.projectIds = built.map(projectOf);
  return written;
}
