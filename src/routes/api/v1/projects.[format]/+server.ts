import { getApp } from '$lib/server/app.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { searchedProjects } from '$lib/server/exports/search-export.ts';
import { EXPORT_FORMATS, type ExportFormat, writeExport } from '$lib/server/exports/write-export.ts';
import { apiError, CORS_HEADERS, corsPreflight } from '$lib/server/http/api-response.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import type { RequestHandler } from './$types';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Every project of a search (not a page) as CSV, JSON or GeoJSON, streamed. */
export const GET: RequestHandler = async ({ url, params: route }) => {
  try {
    const format = route.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) {
      throw new InvalidParameterError('format', `one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const params = parseSearchParams(url.searchParams);
    const { db, config } = await getApp();
    const chunks = writeExport(searchedProjects(db, params), format, config.publicUrl);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        ...CORS_HEADERS,
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="projets.${format}"`,
        'Cache-Control': 'public, max-age=300',
      },
    });
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
