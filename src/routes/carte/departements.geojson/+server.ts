import { departementOutlines } from '$lib/server/explore/departement-outlines.ts';
import type { RequestHandler } from './$types';

let cached: Promise<string> | undefined;

/** Département outlines, overseas included (IGN Admin Express 2018, simplified; Licence Ouverte). */
export const GET: RequestHandler = async () => {
  cached ??= departementOutlines();
  return new Response(await cached, {
    headers: {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    },
  });
};
