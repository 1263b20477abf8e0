import { fromAppRoot } from '../platform/app-root.ts';
import { normalizePlaceName } from './normalize-place-name.ts';
import {
  type DecoupageAdministratif,
  type DecoupageCommune,
  readDecoupageAdministratif,
} from './read-decoupage-administratif.ts';
import { LAPOSTE_FILE, type LaPosteRow, readLaPostePostalCodes } from './read-laposte-postal-codes.ts';
import type { CommuneRow, DepartementRow, EpciRow, RegionRow, TerritoryRows } from './territory-rows.ts';

export type CentroidOrigin = 'laPoste' | 'parent' | 'formerCommunes' | 'postalCode' | 'none';

export interface TerritorySourcesReport {
  /** Communes of the overseas collectivities (975, 977, 978, 98x): outside the 101 départements. */
  overseasCollectivityCommunesLeftOut: number;
  /** How each commune row got its centroid. */
  centroids: Record<CentroidOrigin, number>;
  communesWithoutCentroid: string[];
  /** INSEE codes of the La Poste file that match no commune (not even as a former code) nor a left-out one. */
  unmatchedLaPosteCodes: string[];
}

export interface TerritorySources extends TerritoryRows {
  /** Names the data versions, for instance_setting. */
  version: string;
  report: TerritorySourcesReport;
}

interface Coordinates {
  latitude: number;
  longitude: number;
}

function centroidOf(rows: readonly LaPosteRow[]): Coordinates | null {
  let latitude = 0;
  let longitude = 0;
  let count = 0;
  for (const row of rows) {
    if (row.latitude === null || row.longitude === null) continue;
    latitude += row.latitude;
    longitude += row.longitude;
    count++;
  }
  // Rounded to 1e-7° (1 cm): averaging identical points must not invent digits.
  const round = (value: number) => Math.round((value / count) * 1e7) / 1e7;
  return count ? { latitude: round(latitude), longitude: round(longitude) } : null;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sum(values: Iterable<number | null>): number {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/** Joins the COG (names, links, postal codes, populations) with La Poste's centroids. */
export function buildTerritorySources(
  decoupage: DecoupageAdministratif,
  laPoste: readonly LaPosteRow[],
): TerritorySources {
  const inScope = (item: { zone: string }) => item.zone !== 'com';
  const sources = decoupage.communes.filter(inScope);
  const leftOut = new Set(
    decoupage.communes.filter((commune) => !inScope(commune)).map((commune) => commune.code),
  );
  const laPosteByCode = groupBy(laPoste, (row) => row.inseeCode);
  const laPosteByPostalCode = groupBy(laPoste, (row) => row.postalCode);

  // Current communes first: the other kinds inherit from them.
  const current = new Map<string, DecoupageCommune>();
  for (const commune of sources) if (commune.type === 'commune-actuelle') current.set(commune.code, commune);
  const others = sources.filter((commune) => commune.type !== 'commune-actuelle');
  const delegatedNames = groupBy(
    others.filter((c) => current.has(c.code)),
    (c) => c.code,
  );
  const children = others.filter((c) => !current.has(c.code));
  const rowCodes = new Set([...current.keys(), ...children.map((c) => c.code)]);

  const epciOf = new Map<string, string>();
  for (const epci of decoupage.epci) for (const member of epci.membres) epciOf.set(member.code, epci.code);

  const formerOwner = new Map<string, string>();
  for (const commune of current.values()) {
    for (const old of commune.anciensCodes ?? []) if (!rowCodes.has(old)) formerOwner.set(old, commune.code);
  }
  const formerCodes = groupBy([...formerOwner.keys()], (old) => formerOwner.get(old) ?? '');

  const centroids: Record<CentroidOrigin, number> = {
    laPoste: 0,
    parent: 0,
    formerCommunes: 0,
    postalCode: 0,
    none: 0,
  };
  const withoutCentroid: string[] = [];
  // The first of: La Poste's centroid for the code, the fallback (parent, former communes), the
  // centroid of La Poste's rows for the same postal codes.
  const locate = (
    commune: DecoupageCommune,
    postalCodes: readonly string[],
    fallbackOrigin: CentroidOrigin,
    fallback: () => Coordinates | null,
  ): Coordinates | { latitude: null; longitude: null } => {
    let origin: CentroidOrigin = 'laPoste';
    let found = centroidOf(laPosteByCode.get(commune.code) ?? []);
    if (!found) {
      origin = fallbackOrigin;
      found = fallback();
    }
    if (!found) {
      origin = 'postalCode';
      found = centroidOf(postalCodes.flatMap((code) => laPosteByPostalCode.get(code) ?? []));
    }
    if (!found) {
      centroids.none++;
      withoutCentroid.push(`${commune.code} ${commune.nom}`);
      return { latitude: null, longitude: null };
    }
    centroids[origin]++;
    return found;
  };

  const rows = new Map<string, CommuneRow>();
  for (const commune of current.values()) {
    const former = formerCodes.get(commune.code) ?? [];
    const postalCodes = new Set(commune.codesPostaux);
    for (const code of [commune.code, ...former]) {
      for (const row of laPosteByCode.get(code) ?? []) postalCodes.add(row.postalCode);
    }
    const sortedPostalCodes = [...postalCodes].sort();
    const { latitude, longitude } = locate(commune, sortedPostalCodes, 'formerCommunes', () =>
      former.length ? centroidOf(former.flatMap((code) => laPosteByCode.get(code) ?? [])) : null,
    );
    rows.set(commune.code, {
      inseeCode: commune.code,
      name: commune.nom,
      kind: 'commune-actuelle',
      parentInseeCode: null,
      departementCode: commune.departement,
      regionCode: commune.region,
      epciCode: epciOf.get(commune.code) ?? null,
      postalCodes: sortedPostalCodes,
      population: commune.population ?? null,
      latitude,
      longitude,
      delegatedNames: (delegatedNames.get(commune.code) ?? []).map((c) => c.nom),
      formerInseeCodes: former.sort(),
    });
  }

  for (const commune of children) {
    const parentCode = commune.type === 'arrondissement-municipal' ? commune.commune : commune.chefLieu;
    const parent = parentCode && current.has(parentCode) ? rows.get(parentCode) : undefined;
    if (!parent) {
      throw new Error(
        `${commune.type} ${commune.code} ${commune.nom}: current commune ${parentCode} not found`,
      );
    }
    // La Poste lists a former commune's name in Ligne_5 of its parent's rows: that gives its own postal code.
    const key = normalizePlaceName(commune.nom);
    const named = (laPosteByCode.get(parent.inseeCode) ?? []).filter(
      (row) => normalizePlaceName(row.line5) === key,
    );
    const ownPostalCodes = sortedUnique([
      ...(commune.codesPostaux ?? []),
      ...[...(laPosteByCode.get(commune.code) ?? []), ...named].map((row) => row.postalCode),
    ]);
    const postalCodes = ownPostalCodes.length ? ownPostalCodes : parent.postalCodes;
    const parentCentroid = (): Coordinates | null =>
      parent.latitude !== null && parent.longitude !== null
        ? { latitude: parent.latitude, longitude: parent.longitude }
        : null;
    const { latitude, longitude } = locate(commune, postalCodes, 'parent', parentCentroid);
    rows.set(commune.code, {
      inseeCode: commune.code,
      name: commune.nom,
      kind: commune.type,
      parentInseeCode: parent.inseeCode,
      departementCode: commune.departement,
      regionCode: commune.region,
      epciCode: parent.epciCode,
      postalCodes,
      population: commune.population ?? null,
      latitude,
      longitude,
      delegatedNames: [],
      formerInseeCodes: [],
    });
  }

  const communes = [...rows.values()];
  const currentRows = communes.filter((row) => row.kind === 'commune-actuelle');
  const populationBy = (key: (row: CommuneRow) => string) =>
    new Map([...groupBy(currentRows, key)].map(([k, group]) => [k, sum(group.map((row) => row.population))]));
  const departementPopulation = populationBy((row) => row.departementCode);
  const regionPopulation = populationBy((row) => row.regionCode);

  const regions: RegionRow[] = decoupage.regions.filter(inScope).map((region) => ({
    code: region.code,
    name: region.nom,
    population: regionPopulation.get(region.code) ?? null,
  }));
  const departements: DepartementRow[] = decoupage.departements.filter(inScope).map((departement) => ({
    code: departement.code,
    name: departement.nom,
    regionCode: departement.region,
    population: departementPopulation.get(departement.code) ?? null,
  }));
  const epci: EpciRow[] = decoupage.epci.map((item) => ({
    code: item.code,
    name: item.nom,
    kind: item.type,
    // Summed like départements, so every level counts the same population (the COG's own year).
    population: sum(item.membres.map((member) => rows.get(member.code)?.population ?? null)),
  }));

  return {
    version: `@etalab/decoupage-administratif ${decoupage.version}; ${LAPOSTE_FILE}`,
    regions,
    departements,
    epci,
    communes,
    report: {
      overseasCollectivityCommunesLeftOut: leftOut.size,
      centroids,
      communesWithoutCentroid: withoutCentroid,
      unmatchedLaPosteCodes: [...laPosteByCode.keys()].filter(
        (code) => !rows.has(code) && !formerOwner.has(code) && !leftOut.has(code),
      ),
    },
  };
}

export async function readTerritorySources(
  options: { decoupageDir?: string; laPosteFile?: string } = {},
): Promise<TerritorySources> {
  const [decoupage, laPoste] = await Promise.all([
    readDecoupageAdministratif(options.decoupageDir),
    readLaPostePostalCodes(options.laPosteFile ?? fromAppRoot('data', 'reference', LAPOSTE_FILE)),
  ]);
  return buildTerritorySources(decoupage, laPoste);
}
