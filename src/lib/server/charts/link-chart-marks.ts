/** What one mark of a chart (a bar, a région) says and where it leads. */
export interface ChartMark {
  /** A tooltip (an SVG <title>) and the link's accessible name. */
  title: string;
  /** Where a click leads; null for a tooltip alone. */
  href: string | null;
}

const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

// ECharts (server-side rendering) tags each data mark with its series and data index.
const MARK = /<path\b[^>]*\becmeta_series_index="(\d+)"[^>]*\becmeta_data_index="(\d+)"[^>]*>(?:<\/path>)?/g;

/**
 * Wraps each data mark of an ECharts SVG in a link with a tooltip, so a chart is interactive
 * (hover, focus, click) without shipping ECharts — or any script — to the browser.
 */
export function linkChartMarks(
  svg: string,
  markOf: (dataIndex: number, seriesIndex: number) => ChartMark | null,
): string {
  return svg.replace(MARK, (element: string, series: string, data: string) => {
    const mark = markOf(Number(data), Number(series));
    if (!mark) return element;
    const title = escapeXml(mark.title);
    if (!mark.href) return `<g><title>${title}</title>${element}</g>`;
    return `<a href="${escapeXml(mark.href)}" aria-label="${title}" class="chart-link"><title>${title}</title>${element}</a>`;
  });
}
