import { describe, expect, it } from 'vitest';
import { API_EXAMPLES } from '../server/http/openapi.ts';
import { exploreMessages, messages, pageLocale } from '../server/i18n/messages.ts';
import { loadMessages } from './load-messages.ts';

describe('dictionaries of each language', () => {
  it('format numbers, dates and plurals the way each language reads them', () => {
    expect(messages('fr').formatNumber(12345)).toBe('12\u202f345');
    expect(messages('en').formatNumber(12345)).toBe('12,345');
    expect(messages('fr').formatDate('2024-03-12T10:00:00Z')).toBe('12 mars 2024');
    expect(messages('en').formatDate('2024-03-12T10:00:00Z')).toBe('12 March 2024');
    // French takes the singular for 0 and 1, English for 1 only.
    expect(messages('fr').projectCount(0)).toBe('0 projet');
    expect(messages('en').projectCount(0)).toBe('0 projects');
    expect(exploreMessages('en').formatPercent(0.125)).toBe('12.5%');
    expect(exploreMessages('fr').formatPercent(0.125)).toBe('12,5\u202f%');
    expect(messages('fr').colon('Licence')).toBe('Licence\u00a0:');
    expect(messages('en').colon('Licence')).toBe('Licence:');
  });

  it('name every search parameter in both languages', () => {
    for (const parameter of ['q', 'theme', 'bbox', 'sort', 'cursor']) {
      expect(messages('en').search.invalidParameter(parameter)).not.toContain('another value');
      expect(messages('fr').search.invalidParameter(parameter)).not.toContain('une autre valeur');
    }
  });

  it('translate every example of the API documentation page', () => {
    const missing = API_EXAMPLES.filter((e) => !messages('en').apiDoc.exampleSummaries[e.path]);
    expect(missing.map((e) => e.path)).toEqual([]);
  });

  it('are loaded one language at a time for the browser, the same as on the server', async () => {
    expect((await loadMessages('en')).t).toBe(messages('en'));
    expect((await loadMessages('fr')).explore).toBe(exploreMessages('fr'));
  });

  it('take the language of a load from its address', () => {
    expect(pageLocale(new URL('https://cis.example.org/en/carte?q=x'))).toBe('en');
    expect(pageLocale(new URL('https://cis.example.org/carte?q=x'))).toBe('fr');
  });
});
