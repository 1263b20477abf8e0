// NFKD leaves these letters whole; spell them out so "œuvre" and "oeuvre" meet.
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * The comparison key of a partner's tag (and of a partner's name): lower case, no accents,
 * every run of spaces and punctuation turned into one space, trimmed.
 * "10- Réduction des inégalités " → "10 reduction des inegalites".
 */
export function normalizeTag(tag: string): string {
  return tag
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Trims and collapses inner white space, keeping the spelling (for labels shown to people). */
export function tidyText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
