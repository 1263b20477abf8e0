/**
 * pg_trgm's similarity, in TypeScript, for the full-run blocking where one query per pair would
 * be too slow: words padded with two spaces before and one after, trigrams as a set,
 * |common| / |union|. Inputs are already normalised (normalizeKey).
 *
 * A set is a sorted Float64Array of trigram codes (three UTF-16 units in one exact integer):
 * about 8 bytes a trigram instead of a string in a Set, so 100,000 presentations fit in a few
 * dozen megabytes, and two sets intersect in one merge pass.
 */
export type Trigrams = Float64Array;

const UNIT = 65536;

export function trigrams(text: string): Trigrams {
  const codes: number[] = [];
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      codes.push((padded.charCodeAt(i) * UNIT + padded.charCodeAt(i + 1)) * UNIT + padded.charCodeAt(i + 2));
    }
  }
  const sorted = Float64Array.from(codes).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i] as number;
  }
  return sorted.slice(0, size);
}

export function similarity(a: Trigrams, b: Trigrams): number {
  if (!a.length || !b.length) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}
