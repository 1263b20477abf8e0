import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, shortPresentation } from './clean-text.ts';
import { normalizeEmail, normalizePhone, normalizeUrl } from './normalize-contact.ts';
import { normalizeKey, slugify } from './normalize-key.ts';

describe('cleanText', () => {
  it('turns HTML into plain text, dropping scripts and keeping paragraphs', () => {
    expect(
      cleanText(
        '<p>Une <b>épicerie</b>&nbsp;solidaire</p><script>alert(1)</script><p>À Lyon &amp; ailleurs</p>',
      ),
    ).toBe('Une épicerie solidaire\n\nÀ Lyon & ailleurs');
  });

  it('treats placeholders as empty', () => {
    for (const value of ['NR', 'NR ', 'null', 'nul', '', '  ', undefined, null])
      expect(cleanText(value)).toBeNull();
  });

  it('keeps a single line for names', () => {
    expect(cleanLine('  Môm’artre\n  Paris ')).toBe('Môm’artre Paris');
  });

  it('cuts a long presentation at a sentence boundary', () => {
    const text = `${'Première phrase assez longue. '.repeat(30)}Fin.`;
    const short = shortPresentation(text, 200);
    expect(short?.length).toBeLessThanOrEqual(200);
    expect(short?.endsWith('.')).toBe(true);
    expect(shortPresentation('Court.', 200)).toBe('Court.');
  });
});

describe('contacts', () => {
  it('normalises URLs and refuses what is not http(s)', () => {
    expect(normalizeUrl('www.exemple.org')).toBe('https://www.exemple.org/');
    expect(normalizeUrl('//cdn.exemple.org/a.png')).toBe('https://cdn.exemple.org/a.png');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('null')).toBeNull();
    expect(normalizeUrl('/projets/a', 'https://partenaire.fr/')).toBe('https://partenaire.fr/projets/a');
  });

  it('normalises e-mails and French phone numbers', () => {
    expect(normalizeEmail(' Contact@Exemple.ORG ')).toBe('contact@exemple.org');
    expect(normalizeEmail('pas un email')).toBeNull();
    expect(normalizePhone('+33 1 23 45 67 89')).toBe('01 23 45 67 89');
    expect(normalizePhone('0123456789')).toBe('01 23 45 67 89');
  });
});

describe('keys and slugs', () => {
  it('ignore case, accents and punctuation', () => {
    expect(normalizeKey('  Épicerie — Solidaire ')).toBe('epicerie solidaire');
    expect(slugify('Môm’artre & Co')).toBe('mom-artre-co');
    expect(slugify('!!!')).toBe('projet');
  });
});
