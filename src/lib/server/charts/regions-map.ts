import { type ChartLocale, chartsText } from '../../i18n/charts.ts';
import { localizeHref } from '../../i18n/locale.ts';
import type { TerritoryCountView } from '../explore/explore.views.ts';
import { renderRegionMapSvg } from './render-france-map.ts';

/** France by région, per 100,000 inhabitants, overseas in insets, each région a link to its page. */
export function renderRegionsPageMap(regions: TerritoryCountView[], locale: ChartLocale = 'fr'): string {
  const t = chartsText[locale];
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return renderRegionMapSvg(
    regions.map((r) => ({ code: r.code, value: r.per100k ?? 0 })),
    420,
    {
      names: Object.fromEntries(regions.map((r) => [r.code, r.name])),
      markOf: (code) => {
        const region = byCode.get(code);
        if (!region) return null;
        return {
          title: t.regionsMap.tooltip(region.name, t.formatNumber(region.per100k ?? 0)),
          href: localizeHref(region.path, locale),
        };
      },
    },
  );
}
