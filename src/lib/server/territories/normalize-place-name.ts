const ARTICLE_IN_PARENTHESES = /^(.*)\s*\((l['’]|l|le|la|les)\)$/i;
const SAINT_ABBREVIATIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};
// "Paris 11e", "PARIS 11", "Lyon 3ème", "Marseille 1er Arrondissement", "Paris 01".
const MUNICIPAL_ARRONDISSEMENT =
  /^(paris|lyon|marseille) 0?(\d{1,2}) ?(?:e|er|ere|eme|em|ieme)?(?: arr(?:ondissement)?)?$/;

/**
 * A comparison key for a French place name, so that the spellings found in partners' files meet
 * the official one: case, accents, hyphens and apostrophes, "ST"/"STE" for Saint/Sainte, a
 * trailing "(LA)" article, a "CEDEX 08" suffix and the ways to write a municipal arrondissement.
 * Spaces are dropped last, so "VILLENEUVE DASCQ" meets "Villeneuve-d'Ascq".
 */
export function normalizePlaceName(name: string): string {
  let text = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .trim();
  const article = ARTICLE_IN_PARENTHESES.exec(text);
  if (article?.[1] && article[2]) text = `${article[2]} ${article[1]}`;
  text = text
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bcedex\b.*$/, '')
    .trim()
    .split(' ')
    .map((word) => SAINT_ABBREVIATIONS[word] ?? word)
    .join(' ');
  const arrondissement = MUNICIPAL_ARRONDISSEMENT.exec(text);
  if (arrondissement) text = `${arrondissement[1]} ${Number(arrondissement[2])}`;
  return text.replace(/ /g, '');
}
