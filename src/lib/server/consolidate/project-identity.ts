import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A project's public id is derived from where it was first found (source and stable key), so a
 * full rebuild gives the same ids. Ten characters of an unambiguous alphabet.
 */
export function projectPublicId(sourceSlug: string, stableKey: string): string {
  const digest = createHash('sha256').update(`${sourceSlug}\n${stableKey}`).digest();
  let id = '';
  for (let i = 0; i < 10; i++) id += ALPHABET[(digest[i] as number) % ALPHABET.length];
  return id;
}
