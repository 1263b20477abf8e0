/** Lower case, accents removed, punctuation as single spaces: for matching names and headers. */
export function normalizeKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A URL path segment: "Môm’artre & Co" → "mom-artre-co". */
export function slugify(value: string, maxLength = 80): string {
  const slug = normalizeKey(value).replace(/ /g, '-');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'projet';
}
