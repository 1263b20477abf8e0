/** What a free-text French address gives the offline geocoder (there is no street index offline). */
export interface ParsedAddress {
  postalCode: string | null;
  city: string | null;
  /** The text said the project acts everywhere in France ("France entière", "national"). */
  national: boolean;
}

const NATIONAL =
  /^(france|france entiere|toute la france|national|nationale|territoire national|france metropolitaine)$/;

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Postal code and city from a free-text address: "12 rue X, 69003 Lyon", "69003 LYON CEDEX 03",
 * "Lyon (69003)", "BP 12 - 75011 Paris", or the last part alone ("…, Villeurbanne").
 */
export function parseAddress(text: string | null | undefined): ParsedAddress {
  const value = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!value) return { postalCode: null, city: null, national: false };
  if (NATIONAL.test(plain(value))) return { postalCode: null, city: null, national: true };
  // The last five-digit group is the postal code (street numbers come first); "75 011" too.
  const codes = [...value.matchAll(/(?<![\d])(\d{2}) ?(\d{3})(?![\d])/g)];
  const code = codes.at(-1);
  if (code && code.index !== undefined) {
    const postalCode = `${code[1]}${code[2]}`;
    const after = value
      .slice(code.index + code[0].length)
      .replace(/\bcedex\b.*$/i, '')
      .replace(/^[\s,)\-–]+/, '')
      .split(/[,;()]/)[0]
      ?.trim();
    const before = value
      .slice(0, code.index)
      .replace(/[\s,(\-–]+$/, '')
      .split(/[,;]/)
      .at(-1)
      ?.trim();
    // "Lyon (69003)": the city comes before the code when nothing follows it.
    const city = after || (before && !/\d/.test(before) ? before : null);
    return { postalCode, city: city || null, national: false };
  }
  const last = value.split(/[,;]/).at(-1)?.trim() ?? '';
  return { postalCode: null, city: last && !/\d/.test(last) ? last : null, national: false };
}
