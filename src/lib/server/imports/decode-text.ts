import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Partners' spreadsheets come as UTF-8 or, when saved by Excel on Windows, as Windows-1252.
 * Valid UTF-8 is taken as such; anything else is read as Windows-1252 (a superset of ISO-8859-1).
 */
export function decodeText(
  bytes: Uint8Array,
  encoding?: TextEncoding,
): { text: string; encoding: TextEncoding } {
  let chosen = encoding;
  if (!chosen) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      chosen = 'utf-8';
    } catch {
      chosen = 'windows-1252';
    }
  }
  const text =
    chosen === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(Buffer.from(bytes), 'win1252');
  return { text: text.replace(/^\uFEFF/, ''), encoding: chosen };
}
