import type { ProjectLocationFields } from './build-project-fields.ts';

export interface QualityInput {
  name: string;
  carrier: string | null;
  summary: string | null;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  themes: string[];
  locations: Pick<ProjectLocationFields, 'precision'>[];
}

const PRECISION_POINTS: Record<ProjectLocationFields['precision'], number> = {
  address: 20,
  commune: 20,
  postal_code: 15,
  national: 8,
  departement: 8,
  region: 4,
  unknown: 0,
};

/**
 * 0–100: the CIS minimum fields (name, carrier, short presentation, location, public contact),
 * how precisely the project is located, and whether it has a theme. Coordinators sort by it.
 */
export function qualityScore(project: QualityInput): number {
  let score = project.name.trim() ? 15 : 0;
  if (project.carrier) score += 15;
  if (project.summary) score += project.summary.length >= 80 ? 15 : 8;
  if (project.contactEmail || project.contactPhone || project.website) score += 15;
  if (project.themes.length) score += 20;
  const best = Math.max(0, ...project.locations.map((l) => PRECISION_POINTS[l.precision]));
  score += best;
  return Math.min(100, score);
}
