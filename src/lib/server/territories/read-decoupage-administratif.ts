import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/** What we read of @etalab/decoupage-administratif (COG 2026): only the fields we use. */

const zone = z.enum(['metro', 'drom', 'com']);

const regionSchema = z.object({ code: z.string(), nom: z.string(), zone });

const departementSchema = z.object({ code: z.string(), nom: z.string(), region: z.string(), zone });

const epciSchema = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  membres: z.array(z.object({ code: z.string() })),
});

const communeSchema = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.enum(['commune-actuelle', 'commune-deleguee', 'commune-associee', 'arrondissement-municipal']),
  zone,
  departement: z.string(),
  region: z.string(),
  /** The current commune of a delegated or associated commune. */
  chefLieu: z.string().optional(),
  /** The commune (Paris, Lyon, Marseille) of a municipal arrondissement. */
  commune: z.string().optional(),
  codesPostaux: z.array(z.string()).optional(),
  population: z.number().int().optional(),
  anciensCodes: z.array(z.string()).optional(),
});

export type DecoupageRegion = z.infer<typeof regionSchema>;
export type DecoupageDepartement = z.infer<typeof departementSchema>;
export type DecoupageEpci = z.infer<typeof epciSchema>;
export type DecoupageCommune = z.infer<typeof communeSchema>;

export interface DecoupageAdministratif {
  version: string;
  regions: DecoupageRegion[];
  departements: DecoupageDepartement[];
  epci: DecoupageEpci[];
  communes: DecoupageCommune[];
}

const PACKAGE = '@etalab/decoupage-administratif';

/** Resolved like an import, so it works from src/ (tsx, vitest) and from the bundled server. */
export function decoupageAdministratifDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file} does not have the expected shape: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export async function readDecoupageAdministratif(
  dir = decoupageAdministratifDir(),
): Promise<DecoupageAdministratif> {
  const data = (name: string) => path.join(dir, 'data', `${name}.json`);
  const [pkg, regions, departements, epci, communes] = await Promise.all([
    readJson(path.join(dir, 'package.json'), z.object({ version: z.string() })),
    readJson(data('regions'), z.array(regionSchema)),
    readJson(data('departements'), z.array(departementSchema)),
    readJson(data('epci'), z.array(epciSchema)),
    readJson(data('communes'), z.array(communeSchema)),
  ]);
  return { version: pkg.version, regions, departements, epci, communes };
}
