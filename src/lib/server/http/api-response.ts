import { json } from '@sveltejs/kit';
import { InvalidParameterError, NotFoundError } from '../errors.ts';

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

/** Reads are open to any origin (open data). */
export const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' } as const;
