import type { Queryable } from '../platform/db/database.ts';
import {
  ALL_MERGED_PROJECT_SOURCES,
  MERGED_PROJECT_SOURCES,
  UPDATE_PROJECTS,
} from './consolidation.queries.ts';
import { mergeSourceFields, type StoredFields } from './merge-fields.ts';
import { locationsJson, projectRow } from './project-rows.ts';
import { replaceLocations } from './replace-locations.ts';

interface MergedSourceRow {
  projectId: number;
  sourceSlug: string;
  trust: number;
  lastSeenAt: Date;
  licence: string;
  fields: StoredFields;
}

/**
 * Projects fed by several source records take each field from the best source (trust, then
 * freshness) and keep every location; field_sources says where each field came from.
 * `null`: every project (a full run of every source).
 */
export async function rebuildMergedProjects(db: Queryable, projectIds: number[] | null): Promise<void> {
  if (projectIds && !projectIds.length) return;
  const rows = projectIds
    ? await db.query<MergedSourceRow>(MERGED_PROJECT_SOURCES, [projectIds])
    : await db.query<MergedSourceRow>(ALL_MERGED_PROJECT_SOURCES);
  const byProject = new Map<number, MergedSourceRow[]>();
  for (const row of rows) {
    const sources = byProject.get(row.projectId);
    if (sources) sources.push(row);
    else byProject.set(row.projectId, [row]);
  }
  if (!byProject.size) return;
  const updates = [];
  const locations = [];
  for (const [projectId, sources] of byProject) {
    const { fields, fieldSources } = mergeSourceFields(sources);
    const best = sources.find((s) => s.sourceSlug === fieldSources.name) ?? (sources[0] as MergedSourceRow);
    const lastSeenAt = new Date(Math.max(...sources.map((s) => new Date(s.lastSeenAt).getTime())));
    updates.push({
      ...projectRow(fields, { licence: best.licence, firstSeenAt: lastSeenAt, lastSeenAt, fieldSources }),
      id: projectId,
    });
    locations.push({ projectId, locations: locationsJson(fields.locations) });
  }
  await db.query(UPDATE_PROJECTS, [JSON.stringify(updates)]);
  await replaceLocations(db, locations);
}
