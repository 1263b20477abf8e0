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
});
