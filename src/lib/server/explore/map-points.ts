import type { Queryable } from '../platform/db/database.ts';
import { matchingProjectIds } from '../search/matching-project-ids.ts';
import type { SearchParams } from '../search/search.views.ts';
import { MAP_POINTS_SQL } from './map-points.query.ts';

/** The map's data for a search, compact enough for 100,000 projects (about 30 bytes a site). */
export interface MapPointsView {
  /** Matching projects, located or not. */
  total: number;
  /** [slug, name] of each located project; points refer to them by index. */
  projects: [string, string][];
  /** [longitude, latitude, project index] of each located site. */
  points: [number, number, number][];
  /** Located projects per département code, for the choropleth. */
  departements: Record<string, number>;
}

const MAX_POINTS = 250_000;

export async function getMapPoints(db: Queryable, params: SearchParams): Promise<MapPointsView> {
  // The search's own filters and order, without its page limit: the map shows every match.
  const ids = await matchingProjectIds(db, params, MAX_POINTS);
  const rows = ids.length
    ? await db.query<{
        slug: string;
        name: string;
        longitude: number;
        latitude: number;
        departementCode: string | null;
      }>(MAP_POINTS_SQL, [ids])
    : [];
  const projects: [string, string][] = [];
  const index = new Map<string, number>();
  const points: [number, number, number][] = [];
  const perDepartement = new Map<string, Set<string>>();
  for (const row of rows) {
    let i = index.get(row.slug);
    if (i === undefined) {
      i = projects.length;
      index.set(row.slug, i);
      projects.push([row.slug, row.name]);
    }
    points.push([Math.round(row.longitude * 1e5) / 1e5, Math.round(row.latitude * 1e5) / 1e5, i]);
    if (row.departementCode) {
      const set = perDepartement.get(row.departementCode) ?? new Set<string>();
      set.add(row.slug);
      perDepartement.set(row.departementCode, set);
    }
  }
  return {
    total: ids.length,
    projects,
    points,
    departements: Object.fromEntries([...perDepartement].map(([code, set]) => [code, set.size])),
  };
}
