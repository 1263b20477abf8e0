/**
 * Partners' text arrives with HTML, entities, odd spacing and placeholders ("NR", "null").
 * Cleaned text is plain: scripts and styles dropped, tags removed, paragraphs kept.
 */
const PLACEHOLDERS = new Set([
  '',
  'nr',
  'n/r',
  'n.r.',
  'na',
  'n/a',
  'null',
  'nul',
  'none',
  'undefined',
  '-',
  '--',
  '?',
  'nc',
  'n/c',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  ugrave: 'ù',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  oelig: 'œ',
  Eacute: 'É',
  Egrave: 'È',
  Agrave: 'À',
  Ccedil: 'Ç',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  euro: '€',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1]?.toLowerCase() === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity] ?? match;
  });
}

export function isPlaceholder(value: string | null | undefined): boolean {
  return value === null || value === undefined || PLACEHOLDERS.has(value.trim().toLowerCase());
}

/** HTML or plain text → plain text with paragraphs separated by a blank line; null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  if (isPlaceholder(value)) return null;
  const text = decodeEntities(
    (value as string)
      .replace(/<(script|style|noscript|template)[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|section|article)\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return isPlaceholder(text) ? null : text;
}

/** A one-line value (name, city): cleaned and on a single line. */
export function cleanLine(value: string | null | undefined): string | null {
  const text = cleanText(value);
  return text ? text.replace(/\s+/g, ' ') : null;
}

/**
 * The charter republishes a short presentation, never the full text: cut at the last sentence
 * end before maxLength, else at a word, with an ellipsis.
 */
export function shortPresentation(text: string | null, maxLength = 600): string | null {
  if (!text || text.length <= maxLength) return text;
  const head = text.slice(0, maxLength);
  const sentenceEnd = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('! '),
    head.lastIndexOf('? '),
    head.lastIndexOf('.\n'),
  );
  if (sentenceEnd > maxLength * 0.5) return head.slice(0, sentenceEnd + 1).trim();
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > 0 ? wordEnd : maxLength).trim()}…`;
}
