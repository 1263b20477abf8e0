import { describe, expect, test } from 'vitest';
import { useJourney } from '../support/browser-journey.ts';

// A visitor narrows a long list of communes with the small form inside it (no JavaScript
// needed), and a reuser does the same through the API; the maturity stage filter is checked.
describe('search inside a long facet list, and the stage filter', () => {
  const journey = useJourney();

  test('the API searches a facet’s values and names bad parameters', async () => {
    const base = journey.server.url;
    const found = await fetch(`${base}/api/v1/projects/facets/commune?departement=93&facet_q=MONTREUIL`);
    expect(found.status).toBe(200);
    const body = (await found.json()) as { data: { code: string; label: string; count: number }[] };
    expect(body.data.map((v) => v.label)).toEqual(['Montreuil']);
    expect(body.data[0]?.count).toBeGreaterThan(0);
    const badFacet = await fetch(`${base}/api/v1/projects/facets/ville?facet_q=lyon`);
    expect(badFacet.status).toBe(400);
    expect(((await badFacet.json()) as { error: { parameter: string } }).error.parameter).toBe('facet');
    const noWords = await fetch(`${base}/api/v1/projects/facets/commune`);
    expect(((await noWords.json()) as { error: { parameter: string } }).error.parameter).toBe('facet_q');
    const badStage = await fetch(`${base}/api/v1/projects?stage=ended`);
    expect(badStage.status).toBe(400);
    expect(((await badStage.json()) as { error: { parameter: string } }).error.parameter).toBe('stage');
    const stage = await fetch(`${base}/api/v1/projects?stage=launch`);
    const meta = ((await stage.json()) as { meta: { total: number; totalIsEstimate: boolean } }).meta;
    expect(meta).toMatchObject({ total: 0, totalIsEstimate: false });
  });

  test('the page’s commune block has a search box that works without JavaScript', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/recherche?region=11&departement=93`);
    const communes = page.locator('[data-facet="commune"]');
    expect(await communes.locator('li').count()).toBeGreaterThan(1);
    await page.getByTestId('facet-search-commune').fill('montreuil');
    await page.getByTestId('facet-search-commune').press('Enter');
    await page.waitForURL(/facet_q=montreuil/);
    expect(new URL(page.url()).searchParams.get('departement')).toBe('93');
    await expect
      .poll(() => communes.locator('li').allTextContents())
      .toEqual([expect.stringContaining('Montreuil')]);
    const href = await communes.locator('li a').first().getAttribute('href');
    expect(href).toContain('commune=93048');
    expect(href).not.toContain('facet_q');
  });
});
