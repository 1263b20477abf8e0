import { readFile } from 'node:fs/promises';
import { fromAppRoot } from '../platform/app-root.ts';

export const LAPOSTE_FILE = 'laposte-hexasmal-2022-03.csv';

const EXPECTED_HEADER = [
  'Code_commune_INSEE',
  'Nom_commune',
  'Code_postal',
  'Ligne_5',
  'Libellé_d_acheminement',
  'latitude',
  'longitude',
];

/** One row of La Poste's "Base officielle des codes postaux". */
export interface LaPosteRow {
  inseeCode: string;
  communeName: string;
  postalCode: string;
  /** A locality within the commune, often a former commune's name. */
  line5: string;
  latitude: number | null;
  longitude: number | null;
}

export class LaPosteFileError extends Error {
  override name = 'LaPosteFileError';
}

function parseCoordinate(text: string | undefined): number | null {
  if (!text) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Parses the file by hand: it has no quoting, and this is four times faster than a CSV library. */
export function parseLaPosteCsv(text: string, source = LAPOSTE_FILE): LaPosteRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.split(';') ?? [];
  if (header.join(';') !== EXPECTED_HEADER.join(';')) {
    throw new LaPosteFileError(
      `${source}: unexpected header "${lines[0]}", expected "${EXPECTED_HEADER.join(';')}"`,
    );
  }
  const rows: LaPosteRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const cells = line.split(';');
    const [inseeCode, communeName, postalCode, line5, , latitude, longitude] = cells;
    if (cells.length !== EXPECTED_HEADER.length || !inseeCode || !postalCode) {
      throw new LaPosteFileError(`${source}, line ${i + 1}: malformed row "${line}"`);
    }
    const lat = parseCoordinate(latitude);
    const lon = parseCoordinate(longitude);
    rows.push({
      inseeCode,
      communeName: communeName ?? '',
      postalCode,
      line5: line5 ?? '',
      latitude: lat !== null && lon !== null ? lat : null,
      longitude: lat !== null && lon !== null ? lon : null,
    });
  }
  return rows;
}

export async function readLaPostePostalCodes(
  file = fromAppRoot('data', 'reference', LAPOSTE_FILE),
): Promise<LaPosteRow[]> {
  return parseLaPosteCsv(await readFile(file, 'utf8'), file);
}
