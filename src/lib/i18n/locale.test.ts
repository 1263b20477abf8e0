import { describe, expect, it } from 'vitest';
import { reroute } from '../../hooks.ts';
import { isUnprefixedPath, localeOfUrl, localizeHref, stripLocale, switchLocaleHref } from './locale.ts';

const url = (path: string) => new URL(path, 'https://cis.example.org');

describe('locale of a page address', () => {
  it('is English under /en and French elsewhere', () => {
    expect(localeOfUrl(url('/en'))).toBe('en');
    expect(localeOfUrl(url('/en/recherche?q=emploi'))).toBe('en');
    expect(localeOfUrl(url('/en/projets/un-projet'))).toBe('en');
    expect(localeOfUrl(url('/'))).toBe('fr');
    expect(localeOfUrl(url('/recherche?q=emploi'))).toBe('fr');
    // A French path that merely starts with the letters "en".
    expect(localeOfUrl(url('/entreprises'))).toBe('fr');
  });

  it('takes ?lang=en on the widget only, and ignores unknown languages', () => {
    expect(localeOfUrl(url('/embed?lang=en'))).toBe('en');
    expect(localeOfUrl(url('/embed?lang=de'))).toBe('fr');
    expect(localeOfUrl(url('/recherche?lang=en'))).toBe('fr');
    expect(localeOfUrl(url('/api/v1/projects?lang=en'))).toBe('fr');
  });
});

describe('reroute', () => {
  it('serves /en/… with the French routes', () => {
    expect(reroute({ url: url('/en/recherche'), fetch }) as string).toBe('/recherche');
    expect(reroute({ url: url('/en'), fetch }) as string).toBe('/');
    expect(reroute({ url: url('/en/territoires/ile-de-france/paris'), fetch }) as string).toBe(
      '/territoires/ile-de-france/paris',
    );
    expect(reroute({ url: url('/recherche'), fetch }) as string).toBe('/recherche');
  });

  it('does not invent English addresses for the API, sitemaps or the widget', () => {
    expect(stripLocale('/en/api/v1/projects')).toBe('/en/api/v1/projects');
    expect(stripLocale('/en/sitemap.xml')).toBe('/en/sitemap.xml');
    expect(stripLocale('/en/embed')).toBe('/en/embed');
    expect(stripLocale('/english')).toBe('/english');
    // The API documentation page is a page like the others.
    expect(stripLocale('/en/api')).toBe('/api');
  });
});

describe('localized links', () => {
  it('prefix internal links in English, keeping query and fragment', () => {
    expect(localizeHref('/recherche?q=emploi&theme=EMP', 'en')).toBe('/en/recherche?q=emploi&theme=EMP');
    expect(localizeHref('/', 'en')).toBe('/en');
    expect(localizeHref('/?x=1', 'en')).toBe('/en?x=1');
    expect(localizeHref('/a-propos#charte', 'en')).toBe('/en/a-propos#charte');
    expect(localizeHref('/recherche?q=emploi', 'fr')).toBe('/recherche?q=emploi');
  });

  it('never prefix twice, and bring an English link back to French', () => {
    expect(localizeHref('/en/recherche', 'en')).toBe('/en/recherche');
    expect(localizeHref('/en/recherche?q=x', 'fr')).toBe('/recherche?q=x');
    expect(localizeHref('/en', 'fr')).toBe('/');
  });

  it('leave external, relative and unprefixed links alone', () => {
    expect(localizeHref('https://example.org/projets', 'en')).toBe('https://example.org/projets');
    expect(localizeHref('//example.org/x', 'en')).toBe('//example.org/x');
    expect(localizeHref('mailto:a@example.org', 'en')).toBe('mailto:a@example.org');
    expect(localizeHref('?page=2', 'en')).toBe('?page=2');
    expect(localizeHref('/api/v1/projects?q=x', 'en')).toBe('/api/v1/projects?q=x');
    expect(localizeHref('/carte/points.json?q=x', 'en')).toBe('/carte/points.json?q=x');
    expect(localizeHref('/embed?view=map', 'en')).toBe('/embed?view=map');
    expect(isUnprefixedPath('/carte')).toBe(false);
  });

  it('switch the current page to the other language with its query', () => {
    expect(switchLocaleHref(url('/recherche?q=emploi'), 'en')).toBe('/en/recherche?q=emploi');
    expect(switchLocaleHref(url('/en/recherche?q=emploi'), 'fr')).toBe('/recherche?q=emploi');
    expect(switchLocaleHref(url('/en'), 'fr')).toBe('/');
    expect(switchLocaleHref(url('/'), 'en')).toBe('/en');
  });
});
