/**
 * pg_trgm's similarity, in TypeScript, for the full-run blocking where one query per pair would
 * be too slow: words padded with two spaces before and one after, trigrams as a set,
 * |common| / |union|. Inputs are already normalised (normalizeKey).
 */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}
