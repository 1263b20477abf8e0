/** Turns the ways partners write postal, INSEE and département codes into the official form. */

export interface ParsedPostalCode {
  code: string;
  /** The text said CEDEX: a code for a business mailbox, not a place. */
  cedex: boolean;
}

/** `1000` (a number, or a spreadsheet that dropped the zero) → `01000`; "75 011" → `75011`. */
export function parsePostalCode(value: string | number | null | undefined): ParsedPostalCode | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1000 || value > 99999) return null;
    return { code: String(value).padStart(5, '0'), cedex: false };
  }
  const text = value.trim();
  const match = /^(\d{1,2})\s?(\d{3})(?!\d)/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { code: `${match[1].padStart(2, '0')}${match[2]}`, cedex: /cedex/i.test(text) };
}

/** INSEE codes are five characters, Corsica's start with 2A or 2B; spreadsheets drop the zero. */
export function parseInseeCode(value: string | null | undefined): string | null {
  const text = value?.trim().toUpperCase().replace(/\s+/g, '');
  if (!text) return null;
  if (/^\d{4,5}$/.test(text)) return text.padStart(5, '0');
  if (/^2[AB]\d{3}$/.test(text)) return text;
  return null;
}

/**
 * A département code found in free text: "1", "01", "2a", "974", "28D", "Ain (01)", "01 - Ain".
 * "20" (Corsica before 1976) stays "20": the caller decides between 2A and 2B.
 */
export function extractDepartementCode(value: string): string | null {
  // The 2019 CIS files suffix département codes with D ("28D") and région codes with R.
  const match = /(?:^|[^\dA-Za-z])(2[AaBb]|9[78]\d|\d{1,2})[Dd]?(?![\dA-Za-z])/.exec(` ${value.trim()} `);
  if (!match?.[1]) return null;
  return match[1].toUpperCase().padStart(2, '0');
}
