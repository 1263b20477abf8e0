import { cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { buildOpenApiDocument } from '$lib/server/http/openapi.ts';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 document of this API, generated from the request schemas. */
export const GET: RequestHandler = ({ url, request }) =>
  cachedJson(request, buildOpenApiDocument(url.origin), 3600);

export const OPTIONS: RequestHandler = () => corsPreflight();
