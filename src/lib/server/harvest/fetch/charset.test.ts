import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, normalizeCharset } from './charset.ts';

const TEXT = 'L’œuvre « Été » : 5 000 € — déjà';
const cp1252 = (s: string) => new Uint8Array(iconv.encode(s, 'win1252'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeBody', () => {
  it('uses the charset of the Content-Type header', () => {
    expect(decodeBody(utf8(TEXT), 'text/html; charset=UTF-8')).toMatchObject({
      text: TEXT,
      source: 'header',
    });
  });

  it('reads ISO-8859-1 as Windows-1252, as browsers do (€, œ and ’ live in 0x80–0x9F)', () => {
    expect(decodeBody(cp1252(TEXT), 'text/html; charset="iso-8859-1"')).toMatchObject({
      text: TEXT,
      charset: 'windows-1252',
    });
  });

  it('finds <meta charset> and <meta http-equiv> when the header says nothing', () => {
    const withMeta = `<html><head><meta charset="windows-1252"></head><body>${TEXT}</body></html>`;
    expect(decodeBody(cp1252(withMeta), 'text/html').text).toContain(TEXT);
    const httpEquiv = `<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1"></HEAD>${TEXT}`;
    expect(decodeBody(cp1252(httpEquiv), null)).toMatchObject({ source: 'meta', charset: 'windows-1252' });
    expect(decodeBody(cp1252(httpEquiv), null).text).toContain(TEXT);
  });

  it('reads the XML declaration of a feed', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>${TEXT}</title></rss>`;
    expect(decodeBody(cp1252(xml), 'application/rss+xml').text).toContain(TEXT);
  });

  it('lets a byte-order mark win and strips it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toMatchObject({ text: TEXT, source: 'bom' });
  });

  it('without any declaration: UTF-8 when the bytes are valid UTF-8, else Windows-1252', () => {
    expect(decodeBody(utf8(TEXT), 'text/html')).toMatchObject({ text: TEXT, source: 'utf8-valid' });
    expect(decodeBody(cp1252(TEXT), 'text/html')).toMatchObject({ text: TEXT, source: 'fallback' });
  });

  it('ignores an unknown label and sniffs instead', () => {
    expect(decodeBody(utf8(TEXT), 'text/html; charset=x-martian')).toMatchObject({
      text: TEXT,
      source: 'utf8-valid',
    });
  });
});

describe('charset labels', () => {
  it('normalises the labels sites use', () => {
    expect(normalizeCharset('UTF8')).toBe('utf-8');
    expect(normalizeCharset('Latin1')).toBe('windows-1252');
    expect(normalizeCharset('us-ascii')).toBe('windows-1252');
    expect(normalizeCharset('iso-8859-15')).toBe('iso-8859-15');
    expect(normalizeCharset('nope')).toBeNull();
    expect(charsetFromContentType('text/html;charset=utf-8')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });
});
