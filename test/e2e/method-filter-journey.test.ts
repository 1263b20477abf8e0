import { describe, expect, test } from 'vitest';
import { useJourney } from '../support/browser-journey.ts';

// The method filter (CIS 2018 méthodes) on the API, the exports, the statistics and the page.
// The demo projects have no method, so a method narrows every view to nothing.
describe('the method filter', () => {
  const journey = useJourney();

  test('the API names a bad method, and every view honours a good one', async () => {
    const base = journey.server.url;
    const bad = await fetch(`${base}/api/v1/projects?method=COO,XYZ`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe('method');

    const all = (await (await fetch(`${base}/api/v1/projects`)).json()) as { meta: { total: number } };
    expect(all.meta.total).toBe(150);
    const coo = (await (await fetch(`${base}/api/v1/projects?method=coo`)).json()) as {
      meta: { total: number };
    };
    expect(coo.meta.total).toBe(0);

    const csv = await (await fetch(`${base}/api/v1/projects.csv?method=COO`)).text();
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(',publics,methods,');
    const everything = await (await fetch(`${base}/api/v1/projects.csv`)).text();
    expect(everything.trim().split('\n').length).toBeGreaterThan(150);

    const stats = (await (await fetch(`${base}/api/v1/statistics?by=theme&method=REC`)).json()) as {
      data: unknown[];
    };
    expect(stats.data).toEqual([]);
  });

  test('the page keeps the method when new words are searched', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/recherche?method=par`);
    await expect.poll(() => page.getByTestId('search-total').textContent()).toMatch(/0|aucun/i);
    const kept = page.locator('form input[type="hidden"][name="method"]');
    expect(await kept.first().getAttribute('value')).toBe('PAR');
  });
});
