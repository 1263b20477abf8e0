import { type ChartLocale, chartsText, type StageCode } from '../../i18n/charts.ts';
import type { Queryable } from '../platform/db/database.ts';
import type { StatisticDimension } from './open-data.ts';
import { STATISTIC_LABELS_SQL } from './statistic-labels.query.ts';

export interface StatisticLabels {
  /** The name of a code of a dimension; the code itself when unknown (e.g. a removed partner). */
  label(dimension: StatisticDimension, code: string): string;
  /** The région of a département, for links that keep the territory hierarchy. */
  regionOf(departement: string): string | null;
}

/** Loads the names of themes, territories and partners once, for charts, tables and CSV files. */
export async function loadStatisticLabels(
  db: Queryable,
  locale: ChartLocale = 'fr',
): Promise<StatisticLabels> {
  const rows = await db.query<{ kind: string; code: string; label: string; parent: string | null }>(
    STATISTIC_LABELS_SQL,
    [locale],
  );
  const names = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r]));
  const stages = chartsText[locale].stages as Record<string, string>;
  return {
    label(dimension, code) {
      if (dimension === 'stage') return stages[code as StageCode] ?? code;
      if (dimension === 'month') return code;
      return names.get(`${dimension}:${code}`)?.label ?? code;
    },
    regionOf(departement) {
      return names.get(`departement:${departement}`)?.parent ?? null;
    },
  };
}
