/** Realistic search queries for the benchmarks (seeded, so runs compare). */
import { VOCABULARY } from './corpus.ts';

let state = 42;
const random = () => {
  // mulberry32: a small, good, seeded generator.
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[], skew = 1): T => items[Math.floor(random() ** skew * items.length)] as T;
const stripAccents = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');

function typo(word: string): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 0.4) return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2); // swap
  if (kind < 0.7) return word.slice(0, i) + word.slice(i + 1); // drop
  return word.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + word.slice(i + 1); // replace
}

/** 1–3 words, accents often dropped, sometimes one typo or a plural/singular change; half with a filter. */
export function realisticQueries(
  count: number,
  regions: string[],
  departements: string[],
  themes: string[],
  seed = 42,
): string[] {
  state = seed;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const words = Array.from({ length: 1 + Math.floor(random() ** 1.5 * 3) }, () => pick(VOCABULARY, 1.8));
    let q = words.map((w) => (random() < 0.6 ? stripAccents(w) : w));
    if (random() < 0.25) {
      const i = Math.floor(random() * q.length);
      q[i] = typo(q[i] ?? '');
    }
    if (random() < 0.25) q = q.map((w) => (w.endsWith('s') ? w.slice(0, -1) : `${w}s`));
    const params = new URLSearchParams({ q: q.join(' ') });
    const r = random();
    if (r < 0.2) params.set('theme', pick(themes));
    else if (r < 0.35) params.set('region', pick(regions));
    else if (r < 0.45) params.set('departement', pick(departements));
    else if (r < 0.5) params.set('fresh', 'true');
    if (random() < 0.15) {
      // A map view around a big city.
      const [lon, lat] = pick([
        [2.35, 48.86],
        [4.83, 45.76],
        [5.37, 43.3],
        [-1.55, 47.22],
        [1.44, 43.6],
      ]) as [number, number];
      const span = 0.2 + random() * 1.5;
      params.set(
        'bbox',
        [lon - span, lat - span / 1.5, lon + span, lat + span / 1.5].map((x) => x.toFixed(3)).join(','),
      );
    }
    out.push(params.toString());
  }
  return out;
}
