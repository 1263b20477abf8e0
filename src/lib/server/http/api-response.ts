import { json } from '@sveltejs/kit';
import { InvalidParameterError, NotFoundError } from '../errors.ts';
import { etagOf, isNotModified } from './etag.ts';

/**
 * One error envelope for the whole API, with stable codes:
 * { "error": { "code": "invalid_parameter", "parameter": "page", "message": "…" } }
 */
export function apiError(error: unknown): Response {
  if (error instanceof InvalidParameterError) {
    return json(
      { error: { code: 'invalid_parameter', parameter: error.parameter, message: error.message } },
      { status: 400, headers: CORS_HEADERS },
    );
  }
  if (error instanceof NotFoundError) {
    return json(
      { error: { code: 'not_found', message: error.message } },
      { status: 404, headers: CORS_HEADERS },
    );
  }
  throw error;
}

/** 429 Too Many Requests, in the same envelope, with Retry-After. */
export function rateLimited(retryAfterSeconds: number, limit: number): Response {
  return json(
    {
      error: {
        code: 'rate_limited',
        message: `too many requests: at most ${limit} per window; retry in ${retryAfterSeconds} s`,
      },
    },
    { status: 429, headers: { ...CORS_HEADERS, 'Retry-After': String(retryAfterSeconds) } },
  );
}

/** Reads are open to any origin (open data). */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining',
} as const;

/** The answer to a CORS preflight on a read endpoint. */
export function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match, Content-Type',
      'Access-Control-Max-Age': '86400',
    },
  });
}

/**
 * A cacheable JSON read: CORS, Cache-Control, and an ETag; 304 Not Modified when the client
 * already holds this version.
 */
export function cachedJson(request: Request, body: unknown, maxAgeSeconds = 60): Response {
  const text = JSON.stringify(body);
  return cachedJsonText(request, { text, etag: etagOf(text) }, maxAgeSeconds);
}

const serialised = new WeakMap<object, Map<string, { text: string; etag: string }>>();

/**
 * cachedJson for a body built from a cached object (a cached search answer): the JSON text and
 * its ETag are computed once per object and variant (the origin the links use), not per request.
 */
export function cachedJsonOf(
  request: Request,
  source: object,
  variant: string,
  build: () => unknown,
  maxAgeSeconds = 60,
): Response {
  let variants = serialised.get(source);
  if (!variants) {
    variants = new Map();
    serialised.set(source, variants);
  }
  let body = variants.get(variant);
  if (!body) {
    const text = JSON.stringify(build());
    body = { text, etag: etagOf(text) };
    variants.set(variant, body);
  }
  return cachedJsonText(request, body, maxAgeSeconds);
}

function cachedJsonText(
  request: Request,
  { text, etag }: { text: string; etag: string },
  maxAgeSeconds: number,
): Response {
  const headers = {
    ...CORS_HEADERS,
    'Cache-Control': `public, max-age=${maxAgeSeconds}`,
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (isNotModified(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}
