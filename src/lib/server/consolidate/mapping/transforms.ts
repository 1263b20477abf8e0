import { cleanLine, cleanText, shortPresentation } from '../../text/clean-text.ts';
import { normalizeEmail, normalizePhone, normalizeUrl } from '../../text/normalize-contact.ts';
import { normalizeKey } from '../../text/normalize-key.ts';
import type { Transform } from './mapping-schema.ts';

const TAG_SEPARATORS = /\s*[;|,]\s*|\n/;

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "12/03/2019", "12-03-19", "1er mars 2019", "mars 2019", "2019-03-12", "2019" → ISO (as precise as given). */
export function parseFrenchDate(value: string): string | null {
  const text = normalizeKey(value).replace(/\b1er\b/, '1');
  const iso = /^(\d{4}) (\d{1,2}) (\d{1,2})/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2}) (\d{1,2}) (\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const year = Number(numeric[3]);
    return valid(year < 100 ? 2000 + year : year, Number(numeric[2]), Number(numeric[1]));
  }
  const words = /^(?:(\d{1,2}) )?([a-z]+) (\d{4})$/.exec(text);
  if (words) {
    const month = MONTHS[words[2] as string];
    if (!month) return null;
    return words[1] ? valid(Number(words[3]), month, Number(words[1])) : `${words[3]}-${pad(month)}`;
  }
  return /^\d{4}$/.test(text) ? text : null;
}

function valid(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Spreadsheets store postal codes as numbers: 1000 → "01000"; "75 011" → "75011"; other text kept. */
export function normalizePostalCode(value: string): string | null {
  const text = value.trim().replace(/\.0+$/, '').replace(/\s/g, '');
  if (/^\d{4}$/.test(text)) return `0${text}`;
  if (/^\d{5}$/.test(text)) return text;
  // Anything else ("75011 CEDEX", a Corsican "2A004") goes to the geocoder as written.
  return value.trim() || null;
}

const MATURITY: [RegExp, string][] = [
  [/\b(termine|acheve|clos|fini|completed|ended)/, 'completed'],
  [/\b(essaimage|changement d echelle|duplication|scaling|croissance)/, 'scaling'],
  [/\b(deploiement|developpement|consolidation|deployment|experimentation)/, 'deployment'],
  [/\b(lancement|amorcage|emergence|idee|creation|demarrage|launch|prototype)/, 'launch'],
];
const SCALE: [RegExp, string][] = [
  [/\b(international|europe|monde|mondial)/, 'international'],
  [/\b(national|france entiere|toute la france)/, 'national'],
  [/\b(regional|region)/, 'regional'],
  [/\b(departemental|departement)/, 'departemental'],
  [/\b(local|communal|commune|quartier|intercommunal|ville|metropole)/, 'local'],
];

function classify(value: string, rules: [RegExp, string][]): string | null {
  const key = normalizeKey(value);
  return rules.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** Applies one transform to each value; a value a transform cannot read is dropped. */
export function applyTransform(values: string[], transform: Transform): string[] {
  const each = (fn: (value: string) => string | null | string[]) =>
    values.flatMap((v) => {
      const out = fn(v);
      return out === null ? [] : Array.isArray(out) ? out : [out];
    });
  if (typeof transform === 'object') {
    if ('truncate' in transform) return each((v) => shortPresentation(v, transform.truncate));
    const dictionary = new Map(Object.entries(transform.values).map(([k, v]) => [normalizeKey(k), v]));
    return each((v) => dictionary.get(normalizeKey(v)) ?? v);
  }
  switch (transform) {
    case 'trim':
      return each((v) => v.trim() || null);
    case 'line':
      return each(cleanLine);
    case 'html':
      return each(cleanText);
    case 'split':
      return each((v) =>
        v
          .split(TAG_SEPARATORS)
          .map((t) => t.trim())
          .filter(Boolean),
      );
    case 'date-fr':
      return each(parseFrenchDate);
    case 'postal-code':
      return each(normalizePostalCode);
    case 'url':
      return each((v) => normalizeUrl(v));
    case 'email':
      return each(normalizeEmail);
    case 'phone':
      return each(normalizePhone);
    case 'number':
      return each((v) => {
        const n = Number(v.trim().replace(',', '.'));
        return v.trim() !== '' && Number.isFinite(n) ? String(n) : null;
      });
    case 'codes':
      return each((v) =>
        v
          .split(/[-,;|\s]+/)
          .map((c) => c.trim().toUpperCase())
          .filter((c) => /^[A-Z]{2,5}$/.test(c)),
      );
    case 'departement-code':
      // The CIS model writes "28D" for département 28.
      return each((v) => v.trim().replace(/^(\w{2,3})D$/, '$1') || null);
    case 'region-code':
      return each((v) => v.trim().replace(/^(\d{2})R$/, '$1') || null);
    case 'maturity':
      return each((v) => classify(v, MATURITY));
    case 'scale':
      return each((v) => classify(v, SCALE));
  }
}
