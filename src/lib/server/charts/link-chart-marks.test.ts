import { describe, expect, it } from 'vitest';
import { linkChartMarks } from './link-chart-marks.ts';
import { renderBarChartSvg } from './render-bar-chart.ts';

describe('linkChartMarks', () => {
  const svg = renderBarChartSvg({ labels: ['Emploi', 'Santé'], values: [3, 5], seriesName: 'Projets' });

  it('wraps each bar in a link with an escaped tooltip, in the order of the data', () => {
    const linked = linkChartMarks(svg, (i) => ({
      title: ['Emploi <&> "x"', 'Santé'][i] ?? '',
      href: `/recherche?theme=${i}&q=a"b`,
    }));
    const links = [
      ...linked.matchAll(/<a href="([^"]*)" aria-label="([^"]*)"[^>]*><title>([^<]*)<\/title><path/g),
    ];
    expect(links.map((m) => m[1])).toEqual([
      '/recherche?theme=0&amp;q=a&quot;b',
      '/recherche?theme=1&amp;q=a&quot;b',
    ]);
    expect(links[0]?.[3]).toBe('Emploi &lt;&amp;&gt; &quot;x&quot;');
    // The bar of the larger value is the longer one: the first link holds the first datum.
    const width = (m: RegExpMatchArray | undefined) =>
      Number(/l(\d+(?:\.\d+)?) 0/.exec(m?.input?.slice(m.index ?? 0) ?? '')?.[1]);
    expect(width(links[1])).toBeGreaterThan(width(links[0]));
  });

  it('leaves no markup of a name in the SVG (partner names are not reference data)', () => {
    const nasty = renderBarChartSvg({
      labels: ['<script>alert(1)</script>', 'A & "B"'],
      values: [1, 2],
      seriesName: '<img src=x onerror=alert(1)>',
    });
    const linked = linkChartMarks(nasty, () => ({ title: '<script>', href: 'javascript:"<x>' }));
    expect(linked).not.toMatch(/<script|<img/);
    expect(linked).toContain('&lt;script&gt;');
  });

  it('gives a tooltip without a link when there is nowhere to go, and leaves other marks alone', () => {
    const linked = linkChartMarks(svg, (i) => (i === 0 ? { title: 'Emploi', href: null } : null));
    expect(linked).toContain('<g><title>Emploi</title><path');
    expect(linked).not.toContain('<a ');
    expect((linked.match(/<title>/g) ?? []).length).toBe(1);
  });
});
