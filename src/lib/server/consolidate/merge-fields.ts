import type { ProjectFields, ProjectLocationFields } from './build-project-fields.ts';
import { qualityScore } from './quality-score.ts';

/** What one source record says, as stored in project_source.fields, with what ranks it. */
export interface SourcedFields {
  sourceSlug: string;
  trust: number;
  lastSeenAt: Date;
  fields: Omit<ProjectFields, 'warnings'>;
}

export type StoredFields = Omit<ProjectFields, 'warnings'>;

const SCALARS = [
  'name',
  'carrier',
  'summary',
  'website',
  'contactEmail',
  'contactPhone',
  'maturity',
  'scale',
  'imageUrl',
] as const;
const LISTS = ['themes', 'subthemes', 'publics', 'methods', 'tags', 'distinctions'] as const;

function locationKey(l: ProjectLocationFields): string {
  return l.inseeCode ?? [l.postalCode, l.city, l.departementCode, l.latitude, l.longitude].join('|');
}

/**
 * One project from several source records: each field from the most trusted source that has
 * it, then the freshest (then the source slug, so the result never depends on row order);
 * lists and locations are the union. Returns which source each single-valued field came from.
 */
export function mergeSourceFields(sources: readonly SourcedFields[]): {
  fields: StoredFields;
  fieldSources: Record<string, string>;
} {
  if (!sources.length) throw new Error('nothing to merge');
  const ranked = [...sources].sort(
    (a, b) =>
      b.trust - a.trust ||
      new Date(b.lastSeenAt).getTime() - new Date(a.lastSeenAt).getTime() ||
      (a.sourceSlug < b.sourceSlug ? -1 : a.sourceSlug > b.sourceSlug ? 1 : 0),
  );
  const best = ranked[0] as SourcedFields;
  const fields: StoredFields = { ...best.fields };
  const fieldSources: Record<string, string> = {};
  for (const key of SCALARS) {
    const from = ranked.find((s) => s.fields[key] !== null && s.fields[key] !== '');
    (fields as Record<string, unknown>)[key] = from ? from.fields[key] : null;
    if (from) fieldSources[key] = from.sourceSlug;
  }
  for (const key of LISTS) fields[key] = [...new Set(ranked.flatMap((s) => s.fields[key] ?? []))];
  const origins: Record<string, 'partner' | 'inferred'> = {};
  for (const s of ranked) {
    for (const [code, origin] of Object.entries(s.fields.themeOrigins ?? {})) {
      if (origins[code] !== 'partner') origins[code] = origin;
    }
  }
  fields.themeOrigins = origins;
  const seen = new Set<string>();
  fields.locations = ranked
    .flatMap((s) => s.fields.locations ?? [])
    .filter((l) => {
      const key = locationKey(l);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  fields.unmappedTags = [...new Set(ranked.flatMap((s) => s.fields.unmappedTags ?? []))];
  fields.keywords = [...new Set(ranked.flatMap((s) => s.fields.keywords.split(' ')))].join(' ');
  fields.sourceUrl = best.fields.sourceUrl;
  fields.qualityScore = qualityScore(fields);
  return { fields, fieldSources };
}
