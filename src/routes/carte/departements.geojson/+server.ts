import { readFile } from 'node:fs/promises';
import { fromAppRoot } from '$lib/server/platform/app-root.ts';
import type { RequestHandler } from './$types';

let cached: Promise<string> | undefined;

/** Mainland département outlines (IGN Admin Express 2018, simplified; Licence Ouverte). */
export const GET: RequestHandler = async () => {
  cached ??= readFile(fromAppRoot('data', 'reference', 'departements-metropole-simplifie.geojson'), 'utf8');
  return new Response(await cached, {
    headers: {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    },
  });
};
