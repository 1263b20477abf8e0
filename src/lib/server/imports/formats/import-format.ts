import { normalizeKey } from '../../text/normalize-key.ts';

export const IMPORT_FORMATS = ['cis', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The CIS import model: "Nom du projet" plus the "Tag CIS - Niveau …" code columns. */
export function looksLikeCisFormat(columns: string[]): boolean {
  const keys = columns.map(normalizeKey);
  return keys.includes('nom du projet') && keys.some((k) => k.startsWith('tag cis niveau'));
}

/** From the file name when the user gives no --format: .json is JSON, anything else CSV. */
export function formatFromFileName(file: string): 'csv' | 'json' {
  return /\.json$/i.test(file) ? 'json' : 'csv';
}
