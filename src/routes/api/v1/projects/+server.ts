import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { apiError, CORS_HEADERS } from '$lib/server/http/api-response.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import { searchProjects } from '$lib/server/search/search-projects.ts';
import type { RequestHandler } from './$types';

/** Search published projects: the same parameters as the /recherche page. */
export const GET: RequestHandler = async ({ url }) => {
  try {
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    const result = await searchProjects(db, params);
    const link = (page: number) => `${url.origin}/api/v1/projects${searchParamsToQuery(params, { page })}`;
    return json(
      {
        data: result.items,
        meta: {
          total: result.total,
          page: result.page,
          perPage: result.perPage,
          pageCount: result.pageCount,
        },
        links: {
          self: link(result.page),
          next: result.page < result.pageCount ? link(result.page + 1) : null,
          prev: result.page > 1 ? link(result.page - 1) : null,
          html: `${url.origin}/recherche${searchParamsToQuery(params)}`,
        },
      },
      { headers: { ...CORS_HEADERS, 'Cache-Control': 'public, max-age=60' } },
    );
  } catch (error) {
    return apiError(error);
  }
};
