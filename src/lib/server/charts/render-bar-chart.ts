import * as echarts from 'echarts';

export interface BarChartInput {
  /** Category labels, in display order (top to bottom). */
  labels: string[];
  values: number[];
  /** A second series drawn beside the first (e.g. the national picture), optional. */
  compare?: { name: string; values: number[] };
  seriesName: string;
  /** Formats values on the axis and in labels, e.g. as percentages. */
  format?: 'count' | 'percent';
  /** Writes a value in the page's language ("12,5 %", "12.5%"); replaces `format`'s default. */
  formatValue?: (value: number) => string;
  width?: number;
}

const COLORS = ['#0b4f6c', '#f2a541'];
/** Characters of a label that fit its column in the browser's font (ECharts cannot measure text on the server). */
const MAX_LABEL = 30;

/** A long label cut to its column, with an ellipsis; tables and tooltips keep the full name. */
export function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label;
}

/**
 * A horizontal bar chart rendered to SVG on the server, so it reads without JavaScript. Labels
 * come from reference data (themes, territories); ECharts escapes them in the SVG.
 */
export function renderBarChartSvg(input: BarChartInput): string {
  const rowHeight = input.compare ? 30 : 24;
  const height = Math.max(120, input.labels.length * rowHeight + 60);
  const width = input.width ?? 640;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const percent = input.format === 'percent';
  const formatter =
    input.formatValue ?? ((value: number) => (percent ? `${Math.round(value * 100)}\u202f%` : String(value)));
  const series = [
    { name: input.seriesName, values: input.values },
    ...(input.compare ? [{ name: input.compare.name, values: input.compare.values }] : []),
  ];
  chart.setOption({
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#1b1f24' },
    legend: input.compare ? { top: 0, data: series.map((s) => s.name) } : undefined,
    // Without a canvas, ECharts cannot measure text on the server: labels get a fixed column.
    grid: { left: 236, right: 56, top: input.compare ? 28 : 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter }, splitLine: { lineStyle: { color: '#d0d7de' } } },
    yAxis: {
      type: 'category',
      data: input.labels.map(shortLabel),
      inverse: true,
      axisLabel: { width: 224, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => formatter(value) },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
