import { InvalidParameterError } from '../errors.ts';
import { csvCell } from '../exports/write-export.ts';
import type { StatisticDimension, StatisticRow } from './open-data.ts';
import type { StatisticLabels } from './statistic-labels.ts';

export const STATISTIC_FORMATS = ['json', 'csv'] as const;
export type StatisticFormat = (typeof STATISTIC_FORMATS)[number];

export function parseStatisticFormat(value: string | null): StatisticFormat {
  const format = value?.trim() || 'json';
  if (!(STATISTIC_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidParameterError('format', `one of ${STATISTIC_FORMATS.join(', ')}`);
  }
  return format as StatisticFormat;
}

/** The row field that holds a dimension's code. */
export function statisticCode(row: StatisticRow, dimension: StatisticDimension): string | null {
  switch (dimension) {
    case 'region':
    case 'departement':
      return row.territory;
    default:
      return row[dimension];
  }
}

/**
 * Statistics as CSV: per dimension its code and (but for months) its name, then the count.
 * The same cells as the JSON answer, so a table and a chart can be checked against each other.
 */
export function statisticsCsv(
  rows: StatisticRow[],
  by: StatisticDimension[],
  labels: StatisticLabels,
): string {
  const header = by.flatMap((d) => (d === 'month' ? [d] : [d, `${d}_label`]));
  const lines = [[...header, 'projects'].join(',')];
  for (const row of rows) {
    const cells = by.flatMap((d) => {
      const code = statisticCode(row, d);
      if (d === 'month') return [code];
      return [code, code === null ? null : labels.label(d, code)];
    });
    lines.push([...cells, row.projects].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
