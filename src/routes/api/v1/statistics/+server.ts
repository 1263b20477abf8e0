import { getApp } from '$lib/server/app.ts';
import { apiError, CORS_HEADERS, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { getStatistics, parseStatisticDimensions } from '$lib/server/opendata/open-data.ts';
import { loadStatisticLabels } from '$lib/server/opendata/statistic-labels.ts';
import { parseStatisticFormat, statisticsCsv } from '$lib/server/opendata/statistics-csv.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import type { RequestHandler } from './$types';

/** Counts for charts: by=theme,region|departement,partner,month,stage, for any search; JSON or CSV. */
export const GET: RequestHandler = async ({ url, request }) => {
  try {
    const by = parseStatisticDimensions(url.searchParams.get('by'));
    const format = parseStatisticFormat(url.searchParams.get('format'));
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    const data = await getStatistics(db, params, by);
    if (format === 'csv') {
      const csv = statisticsCsv(data, by, await loadStatisticLabels(db));
      return new Response(csv, {
        headers: {
          ...CORS_HEADERS,
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="projets-par-${by.join('-') || 'total'}.csv"`,
          'Cache-Control': 'public, max-age=300',
        },
      });
    }
    return cachedJson(request, { data, meta: { by } }, 300);
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
