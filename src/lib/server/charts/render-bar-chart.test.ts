import { describe, expect, it } from 'vitest';
import { renderBarChartSvg } from './render-bar-chart.ts';

describe('renderBarChartSvg', () => {
  it('draws an SVG with every label and the compared series', () => {
    const svg = renderBarChartSvg({
      labels: ['Emploi', 'Solidarité'],
      values: [0.2, 0.5],
      compare: { name: 'France entière', values: [0.3, 0.4] },
      seriesName: 'Île-de-France',
      format: 'percent',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Emploi', 'Solidarité', 'France entière', '50\u202f%']) expect(svg).toContain(text);
  });

  it('writes values with the formatter of the page language', () => {
    const svg = renderBarChartSvg({
      labels: ['Emploi'],
      values: [0.125],
      seriesName: 'Île-de-France',
      format: 'percent',
      formatValue: (value) => `${value * 100}%`,
    });
    expect(svg).toContain('12.5%');
    expect(svg).not.toContain('13 %');
  });
});

describe('shortLabel', () => {
  it('cuts long names to the label column, with an ellipsis', async () => {
    const { shortLabel } = await import('./render-bar-chart.ts');
    expect(shortLabel('Emploi')).toBe('Emploi');
    const long = shortLabel('Consommation et services responsables et encore');
    expect(long.length).toBeLessThanOrEqual(34);
    expect(long).toMatch(/^Consommation et services .*…$/);
    const svg = renderBarChartSvg({
      labels: ['Consommation et services responsables et encore'],
      values: [1],
      seriesName: 'x',
    });
    expect(svg).toContain(long);
  });
});

describe('renderRegionMapSvg', () => {
  it('draws the mainland régions, darker where the value is higher', async () => {
    const { renderRegionMapSvg } = await import('./render-france-map.ts');
    const low = renderRegionMapSvg([{ code: '11', value: 0 }], 420, { insets: false });
    const high = renderRegionMapSvg([{ code: '11', value: 1 }], 420, { insets: false });
    expect(low.startsWith('<svg')).toBe(true);
    expect(low.length).toBeLessThan(120_000);
    expect((low.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(13);
    expect(high).not.toBe(low);
  });

  it('draws the overseas régions in named frames, each région linked with its own code', async () => {
    const { renderRegionMapSvg } = await import('./render-france-map.ts');
    const values = [
      { code: '11', value: 1 },
      { code: '04', value: 1 },
      { code: '84', value: 0.5 },
    ];
    const svg = renderRegionMapSvg(values, 420, {
      names: { '01': 'Guadeloupe', '04': 'La Réunion' },
      markOf: (code) => ({ title: `région ${code}`, href: `/recherche?region=${code}` }),
    });
    expect(svg).toContain('height="508"');
    for (const text of ['Guadeloupe', 'La Réunion']) expect(svg).toContain(text);
    expect(svg.length).toBeLessThan(200_000);
    const linked = [
      ...svg.matchAll(
        /<a href="\/recherche\?region=(\w+)"[^>]*><title>[^<]*<\/title><path [^>]*fill="([^"]+)"/g,
      ),
    ];
    const codes = new Set(linked.map((m) => m[1]));
    for (const code of ['11', '84', '93', '01', '02', '03', '04', '06']) expect(codes).toContain(code);
    // The darkest colour is on Île-de-France and La Réunion only: data indices match the régions.
    const darkest = linked.filter((m) => m[2] === 'rgb(11,79,108)' || m[2] === '#0b4f6c').map((m) => m[1]);
    expect(new Set(darkest)).toEqual(new Set(['11', '04']));
  });
});
