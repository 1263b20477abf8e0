import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Selector } from '../config/source-config.schema.ts';
import { validateSourceConfig } from '../config/validate-source-config.ts';
import { crawlSource } from '../crawl-source.ts';
import { convertOpenScraperSpiders } from './convert-openscraper-spiders.ts';

const backup = JSON.parse(readFileSync('test/fixtures/openscraper/openscraper-spiders-2018.json', 'utf8'));
const conversion = convertOpenScraperSpiders(backup);
const bySlug = (slug: string) => {
  const found = conversion.converted.find((c) => c.slug === slug);
  if (!found) throw new Error(`no ${slug}`);
  return found;
};

describe('convertOpenScraperSpiders on the real 2018 backup', () => {
  it('converts the 19 partner spiders and skips the 3 test spiders, by name', () => {
    expect(conversion.converted).toHaveLength(19);
    expect(conversion.skipped.map((s) => s.spider)).toEqual([
      '-DEBUG- test quote',
      '-DEBUG- test quote on one page only',
      '-DEBUG- empty spider config',
    ]);
    expect(conversion.converted.map((c) => c.slug)).toContain('le-labo-de-l-ess');
    for (const c of conversion.converted) expect(validateSourceConfig(c.config)).toMatchObject({ ok: true });
  });

  it('keeps every field, and lists what it did not carry over by name', () => {
    for (const c of conversion.converted) {
      const spider = backup.spiders.find((s: { name: string }) => s.name === c.spider);
      expect(Object.keys(c.config.fields).sort()).toEqual(Object.keys(spider.field_xpaths).sort());
      expect(c.notCarriedOver.map((n) => n.name)).toEqual(expect.arrayContaining(['LIMIT', 'page_count']));
    }
    expect(bySlug('avise').notCarriedOver).toContainEqual({
      name: 'download_delay',
      reason: "0.2 s is below Tadata's polite minimum: 1 s between requests",
    });
  });

  it('produces XPath 1.0 expressions that parse', () => {
    const { document } = new JSDOM('<html><body></body></html>').window;
    const selectors: Selector[] = conversion.converted.flatMap((c) => [
      ...(c.config.items ? [c.config.items] : []),
      ...(c.config.detailLink ? [c.config.detailLink] : []),
      ...(c.config.pagination?.type === 'next-link' ? [c.config.pagination.selector] : []),
      ...Object.values(c.config.fields).flatMap((f) => (f.selector ? [f.selector] : [])),
    ]);
    expect(selectors.length).toBeGreaterThan(150);
    for (const selector of selectors) {
      if (typeof selector !== 'object' || !('xpath' in selector)) throw new Error('expected XPath');
      expect(() => document.createExpression(selector.xpath, null), selector.xpath).not.toThrow();
    }
  });

  it('maps listing, detail pages and pagination (Apriles: a Joomla SOBI2 directory)', () => {
    const { config } = bySlug('apriles');
    expect(config).toMatchObject({
      startUrls: ['http://www.apriles.net/index.php?option=com_sobi2&Itemid=95&limit=5&limitstart=0'],
      items: { xpath: '//table[@class="sobi2Listing"]/tr' },
      detailLink: { xpath: './/span[@class="sobi2ItemTitle"]/a/@href' },
      pagination: { type: 'next-link', selector: { xpath: '//a[@title="Suivante"]/@href' } },
      politeness: { minDelayMs: 1000 },
    });
    expect(config.key).toBeUndefined();
    // Relative XPaths: the item, else the detail page (OpenScraper's order); absolute: the detail page.
    expect(config.fields['titre du projet']).toMatchObject({ from: 'item-or-detail', join: ' ' });
    expect(config.fields.tags).toMatchObject({ multiple: true, from: 'detail' });
    expect(config.fields.website).toMatchObject({ resolveUrl: true });
  });

  it('repairs the Fondation EDF slip (item XPath typed into next_page) and says so', () => {
    const edf = bySlug('fondation-edf');
    expect(edf.config.items).toEqual({ xpath: '//div[@class="view-content"]//ul/li' });
    expect(edf.config.pagination).toBeUndefined();
    expect(edf.config.key).toBe('titre du projet');
    expect(edf.warnings[0]).toMatch(/used as the item XPath/);
  });

  it('reads a page with a converted config (My Positive Impact, XPath string functions included)', async () => {
    const { config } = bySlug('my-positive-impact');
    const listing = `<html><body><div class="Grid Grid-gutters"><div><article>
      <div class="SolutionsItem_overflow"><a href="/les-solutions/velo-partage">x</a>
        <div class="SolutionsItem_content"><h5>Asso Roue Libre</h5><a>Vélo partagé</a><p>Des vélos pour tous.</p></div>
      </div></article></div></div></body></html>`;
    const detail = `<html><body><div class="SolutionEntry_visual" style="background-image: url('/img/velo.jpg')"></div>
      <div class="CustomContent CustomContent-entry"><a href="https://roue-libre.example">Site Internet</a></div></body></html>`;
    const pages: Record<string, string> = {
      'http://www.mypositiveimpact.org/les-solutions': listing,
      'http://www.mypositiveimpact.org/les-solutions/velo-partage': detail,
    };
    const result = await crawlSource(config, async (url) => ({
      url,
      status: pages[url] ? 200 : 404,
      contentType: 'text/html',
      body: pages[url] ?? '',
    }));
    expect(result.records).toEqual([
      {
        key: 'http://www.mypositiveimpact.org/les-solutions/velo-partage',
        sourceUrl: 'http://www.mypositiveimpact.org/les-solutions/velo-partage',
        fields: expect.objectContaining({
          'titre du projet': 'Vélo partagé',
          'structure porteuse': 'Asso Roue Libre',
          'résumé du projet': 'Des vélos pour tous.',
          website: 'https://roue-libre.example/',
          'image du projet': 'http://www.mypositiveimpact.org/img/velo.jpg',
        }),
      },
    ]);
  });
});

describe('convertOpenScraperSpiders on other input', () => {
  it('refuses something that is not a spider backup', () => {
    expect(() => convertOpenScraperSpiders({ spiders: [{ nom: 'x' }] })).toThrow(
      /not an OpenScraper spider backup/,
    );
  });
});
