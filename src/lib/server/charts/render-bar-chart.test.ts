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
    for (const text of ['Emploi', 'Solidarité', 'France entière', '50 %']) expect(svg).toContain(text);
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

describe('renderRegionMapSvg', () => {
  it('draws the mainland régions, darker where the value is higher', async () => {
    const { renderRegionMapSvg } = await import('./render-france-map.ts');
    const low = renderRegionMapSvg([{ code: '11', value: 0 }]);
    const high = renderRegionMapSvg([{ code: '11', value: 1 }]);
    expect(low.startsWith('<svg')).toBe(true);
    expect(low.length).toBeLessThan(120_000);
    expect((low.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(13);
    expect(high).not.toBe(low);
  });
});
