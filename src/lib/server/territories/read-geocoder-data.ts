import type { Queryable } from '../platform/db/database.ts';
import type { CommuneKind, CommuneRow, DepartementRow } from './territory-rows.ts';

interface CommuneRecord {
  insee_code: string;
  name: string;
  kind: CommuneKind;
  parent_insee_code: string | null;
  departement_code: string;
  region_code: string;
  epci_code: string | null;
  postal_codes: string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  delegated_names: string[];
  former_insee_codes: string[];
}

/** The commune and département tables, in the shape createGeocoder takes. */
export async function readGeocoderData(
  db: Queryable,
): Promise<{ communes: CommuneRow[]; departements: DepartementRow[] }> {
  const [communes, departements] = await Promise.all([
    db.query<CommuneRecord>(
      `SELECT insee_code, name, kind, parent_insee_code, departement_code, region_code, epci_code, postal_codes,
              population, latitude, longitude, delegated_names, former_insee_codes
         FROM commune
        WHERE departement_code IS NOT NULL AND region_code IS NOT NULL
        ORDER BY insee_code`,
    ),
    db.query<DepartementRow>(
      `SELECT code, name, region_code AS "regionCode", population FROM departement ORDER BY code`,
    ),
  ]);
  return {
    communes: communes.map((row) => ({
      inseeCode: row.insee_code,
      name: row.name,
      kind: row.kind,
      parentInseeCode: row.parent_insee_code,
      departementCode: row.departement_code,
      regionCode: row.region_code,
      epciCode: row.epci_code,
      postalCodes: row.postal_codes,
      population: row.population,
      latitude: row.latitude,
      longitude: row.longitude,
      delegatedNames: row.delegated_names,
      formerInseeCodes: row.former_insee_codes,
    })),
    departements,
  };
}
