import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeXml, writeAtomFeed } from './atom.ts';

describe('writeAtomFeed', () => {
  it('writes well-formed Atom whatever the text holds', () => {
    const nasty = 'Café <b>&</b> "l\'entraide" ]]> \u0001\u0008 fin';
    const xml = writeAtomFeed({
      id: 'https://x.test/recherche/flux.atom?q=a&theme=EMP',
      title: nasty,
      subtitle: 'Sous-titre',
      self: 'https://x.test/recherche/flux.atom?q=a&theme=EMP',
      alternate: 'https://x.test/recherche?q=a&theme=EMP',
      updated: '2026-01-02T03:04:05.000Z',
      lang: 'fr',
      author: { name: 'Carrefour', uri: 'https://x.test' },
      entries: [
        {
          id: 'https://x.test/projets/a',
          title: nasty,
          link: 'https://x.test/projets/a',
          published: '2026-01-01T00:00:00.000Z',
          updated: '2026-01-02T00:00:00.000Z',
          summary: nasty,
          authors: [{ name: 'Partenaire & co', uri: 'javascript:alert(1)' }],
          categories: [{ term: 'EMP', label: 'Emploi & <travail>' }],
        },
      ],
    });
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    const entry = doc.getElementsByTagName('entry')[0];
    expect(entry?.getElementsByTagName('title')[0]?.textContent).toBe('Café <b>&</b> "l\'entraide" ]]>  fin');
    expect(entry?.getElementsByTagName('category')[0]?.getAttribute('label')).toBe('Emploi & <travail>');
    expect(doc.querySelector('link[rel=self]')?.getAttribute('href')).toBe(
      'https://x.test/recherche/flux.atom?q=a&theme=EMP',
    );
    // A link that is not http(s) is not written.
    expect(xml).not.toContain('javascript:');
    expect(entry?.getElementsByTagName('author')[0]?.getElementsByTagName('name')[0]?.textContent).toBe(
      'Partenaire & co',
    );
  });

  it('escapes the five XML characters and drops forbidden ones', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});
