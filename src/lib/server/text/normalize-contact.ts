import { isPlaceholder } from './clean-text.ts';

/** An http(s) URL, with the scheme added when a partner wrote "www.example.org"; null otherwise. */
export function normalizeUrl(value: string | null | undefined, base?: string): string | null {
  if (isPlaceholder(value)) return null;
  let text = (value as string).trim().replace(/\s/g, '%20');
  if (text.startsWith('//')) text = `https:${text}`;
  else if (/^www\./i.test(text) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(text)) text = `https://${text}`;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function normalizeEmail(value: string | null | undefined): string | null {
  if (isPlaceholder(value)) return null;
  const email = (value as string)
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL.test(email) ? email : null;
}

/** French numbers as "01 23 45 67 89" or "+33 1 23 45 67 89"; anything else kept trimmed. */
export function normalizePhone(value: string | null | undefined): string | null {
  if (isPlaceholder(value)) return null;
  const raw = (value as string).trim();
  const digits = raw.replace(/[^\d+]/g, '');
  const national = /^(?:\+33|0033)(\d{9})$/.exec(digits)?.[1] ?? /^0(\d{9})$/.exec(digits)?.[1];
  if (national) return `0${national}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  return digits.length >= 6 ? raw : null;
}
