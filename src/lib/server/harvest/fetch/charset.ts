import iconv from 'iconv-lite';

/**
 * Turns page bytes into a string. Order (WHATWG encoding sniffing, simplified): a byte-order
 * mark wins, then the Content-Type charset, then a <meta charset>/http-equiv or XML declaration in
 * the first 1024 bytes, then UTF-8 if the bytes are valid UTF-8, else Windows-1252 — what
 * French sites without any declaration almost always use. ISO-8859-1 and ASCII labels decode as
 * Windows-1252, as browsers do (sites saying latin-1 routinely send €, œ and ’ from 1252).
 * Decoding goes through iconv-lite: Node 20's TextDecoder maps windows-1252 to latin-1.
 */
export interface DecodedBody {
  text: string;
  /** The encoding used, e.g. utf-8, windows-1252. */
  charset: string;
  /** How it was chosen. */
  source: 'bom' | 'header' | 'meta' | 'utf8-valid' | 'fallback';
}

const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'cp1252',
  'windows-1252',
  'x-cp1252',
  'cp819',
  'ibm819',
]);

/** The encoding to decode with for a declared label, or null when the label is unknown. */
export function normalizeCharset(label: string): string | null {
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (name === '') return null;
  if (WINDOWS_1252_ALIASES.has(name)) return 'windows-1252';
  if (name === 'utf8' || name === 'utf-8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType?.match(/charset\s*=\s*("?)([^";,\s]+)\1/i);
  return match?.[2] ? normalizeCharset(match[2]) : null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** <meta charset>, <meta http-equiv=Content-Type content=...charset=...> or <?xml encoding=...?>. */
function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i);
  if (xml?.[1]) return normalizeCharset(xml[1]);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?([^"'\s/>;]+)/i);
    if (direct?.[1]) {
      const charset = normalizeCharset(direct[1]);
      // A page that was decoded to be read cannot be UTF-16: WHATWG treats that label as UTF-8.
      if (charset) return charset.startsWith('utf-16') ? 'utf-8' : charset;
    }
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decode(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const bom = charsetFromBom(bytes);
  if (bom)
    return { text: decode(bytes.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return { text: decode(bytes, fromHeader), charset: fromHeader, source: 'header' };
  const fromMarkup = charsetFromMarkup(bytes);
  if (fromMarkup) return { text: decode(bytes, fromMarkup), charset: fromMarkup, source: 'meta' };
  if (isValidUtf8(bytes)) return { text: decode(bytes, 'utf-8'), charset: 'utf-8', source: 'utf8-valid' };
  return { text: decode(bytes, 'windows-1252'), charset: 'windows-1252', source: 'fallback' };
}
