import { boundedEditDistance } from './edit-distance.ts';
import { distanceKm, type LatLon } from './geo-distance.ts';
import { NearestPointIndex } from './nearest-point-index.ts';
import { normalizePlaceName } from './normalize-place-name.ts';
import type { CommuneKind, CommuneRow, DepartementRow } from './territory-rows.ts';

/**
 * A place a name can resolve to: a commune row, or a delegated commune that shares its
 * commune's INSEE code (and so has no row of its own).
 */
export interface Place {
  inseeCode: string;
  name: string;
  kind: CommuneKind;
  /** The current commune of a delegated/associated commune or a municipal arrondissement. */
  parent: Place | null;
  departementCode: string;
  regionCode: string;
  epciCode: string | null;
  postalCodes: readonly string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  /** normalizePlaceName(name) */
  key: string;
}

export type LocatedPlace = Place & LatLon;

// When names tie, the most specific current place wins: an arrondissement, then a commune.
const KIND_RANK: Record<CommuneKind, number> = {
  'arrondissement-municipal': 0,
  'commune-actuelle': 1,
  'commune-deleguee': 2,
  'commune-associee': 3,
};

export const isLocated = (place: Place): place is LocatedPlace =>
  place.latitude !== null && place.longitude !== null;

/** Where a commune stands on its own: a current commune without arrondissements, or an arrondissement. */
const isPrimary = (place: Place, hasArrondissements: ReadonlySet<Place>) =>
  place.kind === 'arrondissement-municipal' ||
  (place.kind === 'commune-actuelle' && !hasArrondissements.has(place));

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byRankThenPopulation(a: Place, b: Place): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.population ?? -1) - (a.population ?? -1);
}

export type NameMatch = { place: Place; exact: boolean; ambiguous: number };

/** The lookups the geocoder needs, built once in memory (~37k places, a few tens of ms). */
export class PlaceIndex {
  readonly byInseeCode = new Map<string, Place>();
  readonly byFormerInseeCode = new Map<string, Place>();
  readonly byPostalCode = new Map<string, Place[]>();
  readonly byDepartement = new Map<string, Place[]>();
  readonly byName = new Map<string, Place[]>();
  readonly departements = new Map<string, DepartementRow>();
  readonly #departementByName = new Map<string, string>();
  readonly #departementsByPostalPrefix = new Map<string, Set<string>>();
  readonly #arrondissements = new Map<Place, Place[]>();
  readonly #nearest: NearestPointIndex<LocatedPlace>;

  constructor(communes: readonly CommuneRow[], departements: readonly DepartementRow[]) {
    for (const departement of departements) {
      this.departements.set(departement.code, departement);
      this.#departementByName.set(normalizePlaceName(departement.name), departement.code);
      // "Réunion" for "La Réunion"
      const withoutArticle = departement.name.replace(/^(la|le|les)\s+|^l['’]/i, '');
      this.#departementByName.set(normalizePlaceName(withoutArticle), departement.code);
    }
    const places: Place[] = [];
    for (const row of communes) {
      const place: Place = {
        inseeCode: row.inseeCode,
        name: row.name,
        kind: row.kind,
        parent: null,
        departementCode: row.departementCode,
        regionCode: row.regionCode,
        epciCode: row.epciCode,
        postalCodes: row.postalCodes,
        population: row.population,
        latitude: row.latitude,
        longitude: row.longitude,
        key: normalizePlaceName(row.name),
      };
      places.push(place);
      this.byInseeCode.set(place.inseeCode, place);
      for (const name of row.delegatedNames) {
        // Annecy is also the name of one of Annecy's delegated communes: the commune answers for both.
        if (normalizePlaceName(name) === place.key) continue;
        places.push({
          ...place,
          name,
          kind: 'commune-deleguee',
          parent: place,
          population: null,
          key: normalizePlaceName(name),
        });
      }
      for (const code of row.formerInseeCodes) {
        // Mergers, and Corsica's 20xxx codes (1976). Codes moved across départements (Seine and
        // Seine-et-Oise, 1968) are left out: 75011 is far likelier a postal code than Bonneuil-sur-Marne.
        if (code.startsWith(row.departementCode) || code.startsWith('20')) {
          this.byFormerInseeCode.set(code, place);
        }
      }
    }
    for (const row of communes) {
      const place = this.byInseeCode.get(row.inseeCode);
      const parent = row.parentInseeCode ? this.byInseeCode.get(row.parentInseeCode) : undefined;
      if (!place || !parent || parent === place) continue;
      place.parent = parent;
      if (place.kind === 'arrondissement-municipal') push(this.#arrondissements, parent, place);
    }
    const hasArrondissements = new Set(this.#arrondissements.keys());
    const primaries: LocatedPlace[] = [];
    for (const place of places) {
      for (const code of place.postalCodes) {
        push(this.byPostalCode, code, place);
        const prefix = code.slice(0, 3);
        const set = this.#departementsByPostalPrefix.get(prefix) ?? new Set<string>();
        set.add(place.departementCode);
        this.#departementsByPostalPrefix.set(prefix, set);
      }
      push(this.byDepartement, place.departementCode, place);
      push(this.byName, place.key, place);
      if (isPrimary(place, hasArrondissements) && isLocated(place)) primaries.push(place);
    }
    this.#nearest = new NearestPointIndex(primaries);
    this.isPrimary = (place) => isPrimary(place, hasArrondissements);
  }

  readonly isPrimary: (place: Place) => boolean;

  arrondissementsOf(place: Place): readonly Place[] {
    return this.#arrondissements.get(place) ?? [];
  }

  /** Département codes from a code or a name; "20" (Corsica) gives both 2A and 2B. */
  departementCodes(code: string | null, name: string): string[] {
    if (code === '20') return ['2A', '2B'];
    if (code && this.departements.has(code)) return [code];
    const byName = this.#departementByName.get(normalizePlaceName(name));
    return byName ? [byName] : [];
  }

  /** For a postal code that is in no commune's list (CEDEX): the départements of its neighbours. */
  departementsForUnknownPostalCode(code: string): string[] {
    const neighbours = this.#departementsByPostalPrefix.get(code.slice(0, 3));
    if (neighbours) return [...neighbours].sort();
    const departement = code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
    return this.departementCodes(departement, '');
  }

  placesIn(departementCodes: readonly string[]): Place[] {
    return departementCodes.flatMap((code) => this.byDepartement.get(code) ?? []);
  }

  nearest(point: LatLon, radiusKm: number): { place: LocatedPlace; distanceKm: number } | null {
    const found = this.#nearest.nearest(point, radiusKm);
    return found ? { place: found.point, distanceKm: found.distanceKm } : null;
  }

  /** The same within some départements: near a border the nearest centroid may lie across it. */
  nearestIn(
    departementCodes: readonly string[],
    point: LatLon,
    radiusKm: number,
  ): { place: LocatedPlace; distanceKm: number } | null {
    let best: { place: LocatedPlace; distanceKm: number } | null = null;
    for (const place of this.placesIn(departementCodes)) {
      if (!this.isPrimary(place) || !isLocated(place)) continue;
      const distance = distanceKm(point, place);
      if (distance <= radiusKm && (!best || distance < best.distanceKm))
        best = { place, distanceKm: distance };
    }
    return best;
  }

  /**
   * The best place named `key` among candidates: exact names first, ranked by kind and
   * population; else, when `approximate`, the only candidate within one or two typos, or whose
   * name starts with the other (a truncated "Neuilly-sur-Se") or ends with it ("Billancourt").
   */
  matchName(candidates: readonly Place[], key: string, approximate: boolean): NameMatch | null {
    const exact = candidates.filter((place) => place.key === key).sort(byRankThenPopulation);
    const [first] = exact;
    if (first) {
      const ties = exact.filter((place) => KIND_RANK[place.kind] === KIND_RANK[first.kind]);
      return { place: first, exact: true, ambiguous: ties.length > 1 ? ties.length : 0 };
    }
    if (!approximate || key.length < 4) return null;
    const maxTypos = key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
    const close = candidates.filter(
      (place) =>
        (place.key.length >= 4 && (place.key.startsWith(key) || key.startsWith(place.key))) ||
        (key.length >= 6 && place.key.endsWith(key)) ||
        (maxTypos > 0 && boundedEditDistance(place.key, key, maxTypos) <= maxTypos),
    );
    const distinct = new Set(close.map((place) => place.inseeCode + place.key));
    const [only] = close;
    return only && distinct.size === 1 ? { place: only, exact: false, ambiguous: 0 } : null;
  }
}
